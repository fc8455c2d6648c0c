"""Grading a name, place or organisation: one Target, the answer's words, and what is left over."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from tutor.grading import reasons as R
from tutor.grading.lexicon import common_words, counted, gendered, opposite
from tutor.grading.normalize import normalize, word_variants
from tutor.grading.paraphrase import bag, concept
from tutor.grading.prepared import Prepared, Target
from tutor.grading.text import allowance, match_form, may_match, split_leftover, word_edits
from tutor.grading.translit import named_as_written
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import (
    COUNTRIES,
    DESCRIPTORS,
    FILLER,
    FUNCTION,
    QUALIFIED_COUNTRIES,
    ROLES,
)

SENTENCE_MAX_WORDS = 20  # a sentence answers; a paragraph that holds the answer does not


@dataclass(frozen=True)
class Judgement:
    ok: bool
    reason: R.Reason = R.NONE
    matched: str | None = None
    clean: bool = True  # nothing but filler left over
    edits: int = 0  # spelling slips forgiven


def is_sentence(given: tuple[str, ...], prompt: frozenset[str] = frozenset()) -> bool:
    """An answer written as a sentence ("He teaches at the University of Hull"), not a list of
    names: its other words are context, and only a rival of the same kind is a second answer.
    Words of the question's `prompt` said again ("Beijing rolled out the red carpet outside…"
    for "…welcome Putin on the red carpet") make a sentence as grammar does."""
    if len(given) < 5:
        return False
    grammar = sum(w in FUNCTION and w not in _GLUE for w in given)
    if grammar >= 2:
        return True
    echo = sum(w in prompt and w not in FILLER for w in given)
    # or mostly ordinary words with some grammar ("Putin promised to help Iran become a member")
    plain = sum(w in FUNCTION or w in common_words() or w in prompt for w in given)
    return (grammar >= 1 or echo >= 2) and len(given) >= 6 and plain >= 0.7 * len(given)


# Words that also join the items of a list ("Tkachenko and the Valdai Club"): no sign of a sentence.
_GLUE = frozenset({"and", "the", "a", "an", "of", "و", "or", "او", "ال"})


def too_long(given: tuple[str, ...], max_words: int, prompt: frozenset[str] = frozenset()) -> bool:
    """A pasted paragraph that happens to hold the answer is not an answer; a sentence may be."""
    if is_sentence(given, prompt):
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
_IN = frozenset({"in", "since", "during", "year", "في", "عام", "سنه", "منذ"})


def _when(given: tuple[str, ...]) -> set[str]:
    """A year after "in", "في", "عام" ("Singapore in 2018") says when, not what."""
    return {
        w
        for i, w in enumerate(given)
        if i and given[i - 1] in _IN and len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")
    }


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


# Words that relate one person to another: "Kim Jong Il, Kim Jong Un's father", "كيم جونغ إيل
# والد كيم جونغ أون". The person so related is context; the answer so related is not the answer.
_KIN = (
    "father mother son daughter brother sister wife husband widow uncle nephew grandson "
    "granddaughter grandfather grandmother successor predecessor heir "
    "والد والدة أب الأب ابن نجل ابنة شقيق شقيقة أخ أخت زوج زوجة جد جدة حفيد خليفة سلف وريث"
)
RELATIONS = frozenset(normalize(w) for w in _KIN.split())
_REL_OF = frozenset({"of", "to", "the", "ال"})


def _located(given: tuple[str, ...], p: Prepared) -> set[str]:
    """A place after "in" that the bank rejects only as part of a longer name ("in Seoul" beside
    Ewha, when "Seoul National University" is the rejected answer) says where, not which."""
    return {
        w
        for i, w in enumerate(given)
        if i and given[i - 1] in ("in", "في") and w in p.reject_words and w not in p.rejects
    }


def _relation(given: tuple[str, ...], span: tuple[int, int], own: frozenset[str]):
    """(context, described): the words of a person named through a relation beside the answer
    ("Kim Jong Un's father" after it: context), and whether the answer itself is only the other
    end of a relation ("the father of Kim Jong Il", "Putin's successor": someone else)."""
    first, last = span
    out: set[str] = set()
    k = first - 1
    while k >= 0 and given[k] in _REL_OF:
        k -= 1
    rel = k >= 0 and given[k] in RELATIONS and given[k] not in own
    if rel and (not given[k].isascii() or given[k + 1] == "of"):
        return out, True  # "the father of X", "والد X" (not "his father X")
    nxt = last + 1
    if nxt < len(given) and given[nxt] in RELATIONS and given[nxt].isascii():
        return out, True  # "X's son"
    for i in range(nxt, len(given)):
        if given[i] not in RELATIONS:
            continue
        out.add(given[i])
        out.update(w for w in given[nxt:i] if w not in _AND)  # "…, Kim Jong Un's father"
        for w in given[i + 1 :]:  # "…, والد كيم جونغ أون", "…, the father of Kim Jong Un"
            if w in _AND or w in RELATIONS:
                break
            out.add(w)
    return out, False


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


# "with which country besides the United States…": what the prompt sets beside the answer
_BESIDE = re.compile(
    r"\b(?:besides|apart from|other than|in addition to|as well as|alongside)\s+([^,;:?()]+)"
    r"|(?:إلى جانب|الى جانب|بالإضافة إلى|بالاضافة الى|عدا|سوى)\s+([^،,؛:؟()]+)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _beside(prompt_en: str | None, prompt_ar: str | None) -> frozenset[str]:
    """The concepts of what the prompt names beside the answer ("besides the United States"):
    the learner who names it again ("South Korea and the US") repeats the question."""
    out: set[str] = set()
    for text in (prompt_en, prompt_ar):
        for m in _BESIDE.finditer(text or ""):
            phrase = m.group(1) or m.group(2) or ""
            out.update(c for c in bag(" ".join(phrase.split()[:3])).concepts if c.startswith("~"))
    return frozenset(out)


def _prompt_beside(given: tuple[str, ...], p: Prepared) -> set[str]:
    """The words of `given` that name what the prompt sets beside the answer, as a word or a
    phrase ("the US", "والولايات المتحدة")."""
    q = p.question.prompt
    beside = _beside(q.en, q.ar) if q is not None else frozenset()
    if not beside:
        return set()
    bare = [w[1:] if w.startswith("و") and len(w) > 3 else w for w in given]
    out = {w for w, b in zip(given, bare, strict=True) if concept(b) in beside}
    for i in range(len(given) - 1):
        said = bag(f"{bare[i]} {bare[i + 1]}")
        if len(said.concepts) == 1 and said.concepts[0] in beside:
            out.update(given[i : i + 2])
    return out


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


APPOSITION_MAX = 6  # words of a description beside the answer ("the second city of Ukraine")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _possessive(w: str, p: Prepared) -> bool:
    """ "ukraines", "rumers" (Ukraine's, Rumer's, folded): a name in the possessive relates the
    answer to it ("Carnegie, Rumer's think tank"), unless the bank rejects that name here."""
    if len(w) < 4 or not w.endswith("s") or w in common_words():
        return False
    base = w[:-1]
    if base in p.reject_words:
        return False
    return base in COUNTRIES or bool(p.info is not None and p.info.owners.get(base))


def _other_kind(w: str, t: Target, p: Prepared) -> bool:
    """A name only answers of another kind hold (a person beside a place): in a description of
    the answer ("Singapore, the first Trump-Kim summit") it says what the answer is."""
    if p.info is None or w in p.reject_words:
        return False
    owners = p.info.others(w, t.keys)
    return bool(owners) and all(p.info.kinds.get(k) != p.kind for k in owners)


def _context_only(extra: list[str], context: set[str], p: Prepared, after: tuple[str, ...]) -> bool:
    """Whether what is left over only says where, when or what the answer is: words in a
    relation to it (after "of", "in", a descriptor, a kinship word), or a short description in
    ordinary words after it ("خاركيف — ثاني أكبر مدن أوكرانيا") that names no answer of the
    bank. (Ordinary words before it make another name: "Kingston upon Hull".)"""
    rest = [w for w in extra if w not in context]
    if not rest:
        return True
    return (
        len(extra) >= 2
        and len(rest) <= APPOSITION_MAX
        and all(w in after for w in rest)
        and all(_ORDINAL.fullmatch(w) or _described_by(w, p) for w in rest)
    )


def _described_by(w: str, p: Prepared) -> bool:
    return (_ordinary(w, p) and not any(c.isdigit() for c in w)) or _possessive(w, p)


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


def _name_slip(t: Target, given: tuple[str, ...], p: Prepared) -> str | None:
    """The form of a name of two words or more that `given` spells with one small slip that
    happens to make a common word ("Kim Il Sun Square", "Shanghai Corporation Organisation", "a
    large trade relegation"), every other word matching: plausibly a typo, unless that word could
    name something else (an answer or rejected answer in the bank, a country, another form of the
    word with a negating or counting prefix)."""
    typed = [w for w in given if w not in FILLER]
    for form in t.forms:
        if len(form.words) < len(typed):
            continue
        core = [w for w in form.words if w not in FILLER]
        if len(core) < 2 or len(typed) != len(core) or form.family:
            continue
        slips = [(w, e) for w, e in zip(typed, core, strict=True) if word_edits(w, e) != 0]
        if len(slips) != 1:
            continue
        w, e = slips[0]
        named = [a for a in typed if a != w and not DESCRIPTORS & set(word_variants(a))]
        if (
            named  # (beside only "ocean", "city": the slipped word is the name, standing alone)
            and w in common_words()
            and not any(c.isdigit() for c in w + e)
            and OSA.distance(w, e) <= allowance(e)
            and w not in p.reject_words
            and w not in p.answer_words
            and w not in COUNTRIES
            and not (p.info is not None and p.info.owners.get(w))
            and not opposite(w, e)
            and not counted(w, e)
            and not gendered(w, e)
            and all(
                word_edits(a, b) is not None for a, b in zip(typed, core, strict=True) if a != w
            )
        ):
            return form.text
    return None


def _other_country(given: tuple[str, ...], t: Target) -> str | None:
    """A country named in full in `given` that is a namesake of `t`'s ("North Korea" where the
    answer is South Korea, or "the Republic of Korea", whose "Korea" alone it matches): some form
    of `t` holds part of its name but none all of it."""
    for name in QUALIFIED_COUNTRIES:
        if (
            _holds(given, name)
            and any(w in t.words for w in name)
            and not any(_holds(f.words, name) for f in t.forms)
        ):
            return " ".join(name)
    return None


def _holds(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return any(
        all(w in word_variants(g) for g, w in zip(words[i : i + n], name, strict=True))
        for i in range(len(words) - n + 1)
    )


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
        named = _name_slip(t, given, p) if near and len(given) >= 2 else None
        if named is not None:  # "Kim Il Sun Square": a typo inside a name, not another word
            return Judgement(True, R.slip(named), named, edits=1)
        if len(given) <= 4 and any(
            w[:3] == x[:3] and gendered(w, x) for w in given for x in t.words
        ):
            return Judgement(False)  # "Zelenska" is another person of the family, in any script
        if not strict and p.question.type == "text":
            spelt = named_as_written(t, given, p)  # "ta7aluf", "Biskov", «كينجز كولج»
            if spelt is not None:
                return Judgement(True, R.slip(spelt.text), spelt.text, edits=1)
        return Judgement(False, R.INCOMPLETE if near and _incomplete(t, given) else R.NONE)
    m, extra, alt = best
    form = m.form
    other = _other_country(given, t)
    if other is not None:  # "North Korea" for South Korea: the prompt's "North" is no filler here
        return Judgement(False, R.another_country(other), form.text, clean=False)
    related: set[str] = set()
    if m.span is not None:
        related, described = _relation(given, m.span, t.words)
        if described:  # "Putin's successor" names someone else
            return Judgement(False, R.adds([w for w in given if w in RELATIONS]), form.text)
    second = _joined_candidate(given, m)
    repeated = _prompt_beside(given, p)
    if second is not None and (second in repeated or "و" + second in repeated):
        second = None  # "South Korea and the US" for "which country besides the United States"
    if second is not None and is_sentence(given, p.prompt_words) and _ordinary(second, p):
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
    context = _described(given) | _affiliated(given) | _when(given) | _located(given, p)
    context |= related | repeated
    country = {w for w in extra if w in COUNTRIES and w not in t.words} if p.asks_place else set()
    context |= country
    sentence = is_sentence(given, p.prompt_words)
    # (a family name may recur; in a sentence the frame may recur for context, "though Bush's
    # axis was…", unless a rejected name fills it again, even one the prompt holds)
    grammar = sum(w in FUNCTION and w not in _GLUE for w in given)
    refilled = grammar < 2 or any(w in p.reject_words for w in m.leftover)
    if _said_twice(form, m.leftover) and not p.asks_people and refilled:
        second = [w for w in extra if w not in country]
        if second:  # "axis of evil axis of impunity": the answer's frame filled a second time
            return Judgement(False, R.adds(second), form.text, clean=False)
    if sentence:  # ("X and Y" side by side was caught above)
        # in a sentence only a rival of the same kind (a person for a person) is a second answer
        rivals = [
            w
            for w in extra
            if w not in context and (w in p.reject_words or (p.kind != "thing" and _rival(w, t, p)))
        ]
        if rivals:
            return Judgement(False, R.adds_name(rivals), form.text, clean=False)
        return Judgement(True, reason, form.text, clean=False, edits=m.edits)
    after = given[m.span[1] + 1 :] if m.span is not None else ()
    if len(extra) >= 2:  # a description after the answer: names of another kind say what it is
        context |= {w for w in extra if w in after and _other_kind(w, t, p)}
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
    if _context_only(extra, context, p, after) and (
        not _joined(m.leftover) or set(extra) <= repeated
    ):
        # "سنغافورة في 2018", "خاركيف — ثاني أكبر مدن أوكرانيا": where, when, what it is
        return Judgement(True, reason, form.text, clean=False, edits=m.edits)
    if len(extra) == 1 and not any(c.isdigit() for c in extra[0]) and not _joined(m.leftover):
        return Judgement(True, reason, form.text, clean=False, edits=m.edits)
    return Judgement(False, R.adds(extra), form.text, clean=False)


def grade_text(p: Prepared, norm: str) -> Verdict:
    t = p.targets[0]
    given = tuple(norm.split())
    if too_long(given, t.max_words, p.prompt_words):
        return R.incorrect(R.TOO_LONG)
    if p.info is not None and p.info.pasted(p.question.article, given):
        return R.incorrect(R.PASTED)
    j = judge(t, given, p)
    return R.correct(j.reason, j.matched) if j.ok else R.incorrect(j.reason)
