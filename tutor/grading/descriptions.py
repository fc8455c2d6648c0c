"""A choice answered by describing a person: "the Hull professor", "the Russian president himself".

The bank says who each person is: a question asking for them ("Who is the University of Hull
professor…?" → Robert Dover) and a question naming them ("At which university does Robert Dover
teach?" → the University of Hull). A description picks the option whose person the bank describes
with every word of it, and only when it fits exactly one option.
"""

from __future__ import annotations

import re

from tutor.bank.model import Localized, Question
from tutor.grading.normalize import normalize
from tutor.grading.paraphrase import LIGHT, concept
from tutor.grading.prepared import Prepared
from tutor.grading.vocab import DESCRIPTORS, FILLER, FUNCTION

MARGIN = 3  # times as often as the next option, when the words fit several
NEAR = 6  # content words either side of a name that may describe its person
MAX_WORDS = 8
MIN_WORDS = 2  # "the professor" alone describes half the analysts
_SELF_WORDS = "himself herself themselves itself spoke told talked نفسه نفسها"
_SELF = frozenset(normalize(w) for w in _SELF_WORDS.split())
_INDEX: dict[int, tuple[object, tuple[dict, list]]] = {}


def _content(text: str) -> list[str]:
    return [
        w
        for w in normalize(text).split()
        if w not in FUNCTION and w not in FILLER and w not in LIGHT and w not in _SELF
        and len(w) > 1
    ]  # fmt: skip


def _texts(loc: Localized | None) -> list[str]:
    return [s for s in (loc.en, loc.ar) if s] if loc is not None else []


def _names(option: Localized) -> set[str]:
    """The words of an option that name a person (three letters or more), in both scripts."""
    return {
        w
        for s in _texts(option)
        for w in normalize(s).split()
        if len(w) >= 3 and w not in FILLER and w not in DESCRIPTORS
    }


_SENTENCE = re.compile(r"(?<=[.!?؟])\s+|[;؛]\s*")


def _sentences(q: Question) -> list[tuple[str, bool]]:
    """What a question says, sentence by sentence, each with whether all of it describes the
    person it names: a prompt asking for a person describes the answer as a whole ("Who is the
    University of Hull professor…?" → Robert Dover); an explanation sentence only near a name."""
    out = []
    if q.type == "text" and isinstance(q.answer, Localized):
        answer = " ".join(_texts(q.answer))
        out += [(f"{s} {answer}", True) for s in _texts(q.prompt)]
    for s in _texts(q.explanation):
        out += [(x, False) for x in _SENTENCE.split(s) if x]
    return out


def _descriptions(p: Prepared) -> tuple[dict[str, tuple[tuple[int, int], ...]], list]:
    """Every sentence of the bank and its articles as (words, concepts, whole), and word →
    where it stands (sentence, position)."""
    info = p.info
    hit = _INDEX.get(id(info))
    if hit is not None and hit[0] is info:
        return hit[1]
    where: dict[str, list[tuple[int, int]]] = {}
    sentences: list[tuple[list[str], list[str], bool]] = []
    said = [x for q in info.questions for x in _sentences(q)] if info is not None else []
    for text in info.texts if info is not None else ():
        said += [(x, False) for x in _ARTICLE_SENTENCE.split(text) if x.strip()]
    for s, whole in said:
        words = _content(s)
        for i, w in enumerate(words):
            if len(w) >= 3:
                where.setdefault(w, []).append((len(sentences), i))
        sentences.append((words, [concept(w) for w in words], whole))
    index = ({k: tuple(v) for k, v in where.items()}, sentences)
    if len(_INDEX) > 16:
        _INDEX.clear()
    _INDEX[id(info)] = (info, index)
    return index


_ARTICLE_SENTENCE = re.compile(r"(?<=[.!?؟])\s+|\n+|[;؛،,]\s*")


def _near(
    words: list[str], concepts: list[str], whole: bool, at: int, mine: set[str], theirs: set[str]
) -> set[str]:
    """The concepts next to a name ("الرئيس الروسي فلاديمير بوتين", "Dover, the Hull
    professor"): up to NEAR words either side, stopping at another option's name (or the
    whole sentence, when all of it describes the person, unless it names another option)."""
    if whole:
        return set() if any(w in theirs for w in words) else set(concepts)
    out = set()
    for step in (-1, 1):
        k, taken = at + step, 0
        while 0 <= k < len(words) and taken < NEAR:
            if words[k] in theirs:
                break
            if words[k] not in mine:
                out.add(concepts[k])
                taken += words[k] not in DESCRIPTORS  # ("Ewha Womans University in Seoul")
            k += step
    return out


_PLACES: dict[int, tuple[Prepared, tuple[tuple[frozenset[str], ...], ...]]] = {}


def _places(p: Prepared) -> tuple[tuple[frozenset[str], ...], ...]:
    """Per option of `p`: what the bank says next to its person's name, place by place (worked
    out once per question)."""
    hit = _PLACES.get(id(p))
    if hit is not None and hit[0] is p:
        return hit[1]
    where, sentences = _descriptions(p)
    names = [_names(o) - p.prompt_words for o in p.question.choices]
    out = []
    for i, mine in enumerate(names):
        theirs = set().union(*(n for j, n in enumerate(names) if j != i)) - mine
        places = {
            frozenset(_near(*sentences[s], at, mine, theirs))
            for nm in mine
            for s, at in where.get(nm, ())
        }
        out.append(tuple(x for x in places if x))
    if len(_PLACES) > 4096:
        _PLACES.clear()
    _PLACES[id(p)] = (p, tuple(out))
    return _PLACES[id(p)][1]


def described_option(p: Prepared, answer: str) -> int | None:
    """The one option whose person the bank describes with every word of `answer`, or None:
    the words must stand next to that person's name, and not next to another option's."""
    if not p.asks_people or p.info is None or not p.info.questions:
        return None
    said = {concept(w) for w in _content(answer) if w not in p.prompt_words}
    if not MIN_WORDS <= len(said) <= MAX_WORDS:
        return None  # too little to tell, or a sentence rather than a description
    fits = []
    whole = []  # per option: the places that say the whole description next to the name
    for places in _places(p):
        whole.append(sum(said <= near for near in places))
        if whole[-1]:
            fits.append(len(whole) - 1)
    if len(fits) == 1:
        return fits[0]
    # the words fit several: the one the bank calls so again and again
    ranked = sorted(((whole[i], i) for i in fits), reverse=True)
    if len(ranked) > 1 and ranked[0][0] >= max(2, MARGIN * ranked[1][0]):
        return ranked[0][1]
    return None
