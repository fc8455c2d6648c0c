"""Grading a name, place or organisation: one Target, the answer's words, and what is left over."""

from __future__ import annotations

from dataclasses import dataclass

from tutor.grading import reasons as R
from tutor.grading.lexicon import common_words, gendered
from tutor.grading.prepared import Prepared, Target
from tutor.grading.text import match_form, may_match, split_leftover, word_edits
from tutor.grading.translit import named_as_written
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import COUNTRIES, DESCRIPTORS, FILLER, FUNCTION, ROLES

SENTENCE_MAX_WORDS = 20  # a sentence answers; a paragraph that holds the answer does not


@dataclass(frozen=True)
class Judgement:
    ok: bool
    reason: R.Reason = R.NONE
    matched: str | None = None
    clean: bool = True  # nothing but filler left over
    edits: int = 0  # spelling slips forgiven


def is_sentence(given: tuple[str, ...]) -> bool:
    """An answer written as a sentence ("He teaches at the University of Hull"), not a list of
    names: its other words are context, and only a rival of the same kind is a second answer."""
    if len(given) < 5:
        return False
    grammar = sum(w in FUNCTION and w not in _GLUE for w in given)
    if grammar >= 2:
        return True
    # or mostly ordinary words with some grammar ("Putin promised to help Iran become a member")
    plain = sum(w in FUNCTION or w in common_words() for w in given)
    return grammar >= 1 and len(given) >= 6 and plain >= 0.7 * len(given)


# Words that also join the items of a list ("Tkachenko and the Valdai Club"): no sign of a sentence.
_GLUE = frozenset({"and", "the", "a", "an", "of", "و", "or", "او", "ال"})


def too_long(given: tuple[str, ...], max_words: int) -> bool:
    """A pasted paragraph that happens to hold the answer is not an answer; a sentence may be."""
    if is_sentence(given):
        return len(given) > max(SENTENCE_MAX_WORDS, 2 * max_words)
    return len(given) > max(2 * max_words, max_words + 6)


def _initials(form) -> set[str]:
    """ "UNSC" for "the UN Security Council": first letters, short words (UN) kept whole."""
    core = [w for w in form.words if w not in FILLER]
    if len(core) < 2 or not all(w.isascii() and w.isalpha() for w in core):
        return set()
    return {"".join(w[0] for w in core), "".join(w if len(w) <= 2 else w[0] for w in core)}


def _acronym(t: Target, given: tuple[str, ...]) -> str | None:
    content = [w for w in given if w not in FILLER]
    if len(content) != 1 or not (2 <= len(content[0]) <= 6) or not content[0].isascii():
        return None
    return next((f.text for f in t.forms if content[0] in _initials(f)), None)


def _incomplete(t: Target, given: tuple[str, ...]) -> bool:
    content = [w for w in given if w not in FILLER and w not in DESCRIPTORS]
    if not content:
        return False
    for f in t.forms:
        if f.family or len(content) >= len(f.core):
            continue
        if all(any(word_edits(w, c) is not None for c in f.core) for w in content):
            return True
    return False


_AND = frozenset({"and", "و"})


def _joined(leftover: tuple[str, ...]) -> bool:
    """ "Rumer and Dover", "رومر ودوفر": a second candidate joined on, not a word of context."""
    return any(w in _AND or (w.startswith("و") and len(w) >= 5) for w in leftover)


_OF = frozenset({"of", "from", "at", "في", "من", "بجامعه", "لدي"})


def _affiliated(given: tuple[str, ...]) -> set[str]:
    """Names after "of", "from", "at" ("Dover of Hull", "رومر من كارنيغي", "Tkachenko of the
    Valdai Club") say where, not who."""
    out = set()
    nxt = None  # the first word after this one that is not filler (an "of" counts)
    for w in reversed(given):  # one pass: rescanning the rest after each "of" was quadratic
        if w in _OF and nxt is not None and nxt not in _OF:
            out.add(nxt)
        if w not in FILLER or w in _OF:
            nxt = w
    return out


def _joined_candidate(given: tuple[str, ...], m) -> str | None:
    """The word joined to the matched answer by "and"/"و", if it is a content word."""
    if m.span is None:
        return None
    first, last = m.span
    while last + 1 < len(given) and given[last + 1] in DESCRIPTORS:
        last += 1  # "the Tumen River and …": the descriptor belongs to the match
    after = [w for w in given[last + 1 :] if w not in FILLER or w in _AND]
    before = given[:first]
    if len(after) >= 2 and after[0] in _AND and _content_word(after[1]):
        return after[1]
    if after and after[0].startswith("و") and len(after[0]) >= 5 and _content_word(after[0][1:]):
        return after[0][1:]
    if len(before) >= 2 and before[-1] in _AND and _content_word(before[-2]):
        return before[-2]
    return None


def _said_twice(form, leftover: tuple[str, ...]) -> bool:
    """A content word of the matched form comes again in what is left over: a second candidate
    built on the same frame ("axis of evil axis of impunity", "محور الشر محور الإفلات")."""
    core = {w for w in form.words if w not in FILLER and w not in FUNCTION and w not in DESCRIPTORS}
    return any(w in core for w in leftover)


def _rival(w: str, t: Target, p: Prepared) -> bool:
    """Another answer of the same kind (a person for a person, a place for a place); "things"
    (countries, organisations, ideas) are too mixed a kind to tell a rival from context."""
    return bool(p.info and p.info.others(w, t.keys, p.kind))


def _ordinary(w: str, p: Prepared) -> bool:
    """A common word that names no answer or rejected answer in the bank."""
    return (
        w in common_words()
        and w not in p.reject_words
        and not (p.info is not None and p.info.owners.get(w))
    )


def _content_word(w: str) -> bool:
    return w not in FILLER and w not in DESCRIPTORS and w not in ROLES


def _described(given: tuple[str, ...]) -> set[str]:
    """Names next to a descriptor ("in the Amur region", "في مقاطعة آمور") locate the answer."""
    return {
        w
        for i, w in enumerate(given)
        if (i + 1 < len(given) and given[i + 1] in DESCRIPTORS)
        or (i > 0 and given[i - 1] in DESCRIPTORS)
    }


_JUDGED: dict[tuple[int, tuple[str, ...], bool], tuple[Target, Judgement]] = {}


def judge(t: Target, given: tuple[str, ...], p: Prepared, *, strict: bool = False) -> Judgement:
    """Does `given` name `t`? `strict`: nothing but filler may be left over (for list pieces).

    Remembered per target (a target belongs to one prepared question): a list answer asks the
    same runs of words again and again."""
    key = (id(t), given, strict)
    hit = _JUDGED.get(key)
    if hit is not None and hit[0] is t:
        return hit[1]
    if len(_JUDGED) > 200_000:
        _JUDGED.clear()
    j = _judge(t, given, p, strict=strict)
    _JUDGED[key] = (t, j)
    return j


def _judge(t: Target, given: tuple[str, ...], p: Prepared, *, strict: bool) -> Judgement:
    best = None
    best_rank = None
    near = may_match(given, t.forms)  # False: no form matches and no word is near one (quick)
    for form in t.forms if near else ():
        m = match_form(given, form, reorder=not p.asks_people)
        if m is None:
            continue
        extra, alt = split_leftover(m.leftover, p.prompt_words | t.words)
        rank = (bool(extra) or alt, len(extra), m.edits, form.family)
        if best_rank is None or rank < best_rank:
            best, best_rank = (m, extra, alt), rank
            if rank == (False, 0, 0, False):
                break
    if best is None:
        short = _acronym(t, given)
        if short is not None:
            return Judgement(True, R.NONE, short)
        if any(gendered(w, x) for w in given for x in t.words):
            return Judgement(False)  # "Zelenska" is another person of the family, in any script
        if not strict and p.question.type == "text":
            spelt = named_as_written(t, given, p)  # "ta7aluf", "Biskov", «كينجز كولج»
            if spelt is not None:
                return Judgement(True, R.slip(spelt.text), spelt.text, edits=1)
        return Judgement(False, R.INCOMPLETE if near and _incomplete(t, given) else R.NONE)
    m, extra, alt = best
    form = m.form
    second = _joined_candidate(given, m)
    if second is not None and is_sentence(given) and _ordinary(second, p):
        second = None  # "send food supplies and call it aid": "and" joins a clause, not a name
    if second is not None:
        # "Zelensky and Biden": a second name joined on, even one the prompt itself gives
        known = (
            (second in p.answer_words and second not in t.words)
            or second in p.reject_words
            or (p.info is not None and p.info.others(second, t.keys))
        )
        reason = R.adds_name([second]) if known else R.adds([second])
        return Judgement(False, reason, form.text, clean=False)
    if form.family:
        reason = R.full_name(form.text)
    elif m.edits:
        reason = R.slip(form.text)
    else:
        reason = R.NONE
    if not extra:
        return Judgement(True, reason, form.text, clean=not alt, edits=m.edits)
    if strict:
        return Judgement(False, R.adds(extra), form.text, clean=False)
    if alt:
        return Judgement(False, R.HEDGE, form.text, clean=False)
    context = _described(given) | _affiliated(given)
    country = {w for w in extra if w in COUNTRIES and w not in t.words} if p.asks_place else set()
    context |= country
    if _said_twice(form, m.leftover) and not p.asks_people:  # (a family name may recur)
        second = [w for w in extra if w not in country]
        if second:  # "axis of evil axis of impunity": the answer's frame filled a second time
            return Judgement(False, R.adds(second), form.text, clean=False)
    if is_sentence(given):  # ("X and Y" side by side was caught above)
        # in a sentence only a rival of the same kind (a person for a person) is a second answer
        rivals = [
            w
            for w in extra
            if w not in context and (w in p.reject_words or (p.kind != "thing" and _rival(w, t, p)))
        ]
        if rivals:
            return Judgement(False, R.adds_name(rivals), form.text, clean=False)
        return Judgement(True, reason, form.text, clean=False, edits=m.edits)
    names = [
        w
        for w in extra
        if w not in context
        and (
            (w in p.answer_words and w not in t.words)
            or w in p.reject_words
            or (p.info and p.info.others(w, t.keys))
        )
    ]
    if country and set(extra) <= country and not _joined(m.leftover):  # "Kazan, Russia"
        return Judgement(True, reason, form.text, clean=False, edits=m.edits)
    if names:
        return Judgement(False, R.adds_name(names), form.text, clean=False)
    if len(extra) == 1 and not any(c.isdigit() for c in extra[0]) and not _joined(m.leftover):
        return Judgement(True, reason, form.text, clean=False, edits=m.edits)
    return Judgement(False, R.adds(extra), form.text, clean=False)


def grade_text(p: Prepared, norm: str) -> Verdict:
    t = p.targets[0]
    given = tuple(norm.split())
    if too_long(given, t.max_words):
        return R.incorrect(R.TOO_LONG)
    if p.info is not None and p.info.pasted(p.question.article, given):
        return R.incorrect(R.PASTED)
    j = judge(t, given, p)
    return R.correct(j.reason, j.matched) if j.ok else R.incorrect(j.reason)
