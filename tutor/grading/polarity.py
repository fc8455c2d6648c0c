"""What an answer asserts and what it denies: "not Dover", "2000, not 1961", "لا ١٩٦١ بل ٢٠٠٠".

A learner who names the right answer only to deny it has not given it, and one who names a wrong
alternative only to set it aside has not hedged. So before an answer is matched, it is cut into
clauses (at commas, "but", "بل", "?"), and each clause is asserted or denied:

- a negator ("not", "isn't", "ليس", "لم يكن", "غير", "لا") denies the rest of its clause;
- a negator with nothing after it but "it", "that", "right", "صحيح" ("Kazan isn't it", "X ليس
  صحيحا") denies what came before it in the clause;
- a clause that is only "no" / "لا" / "كلا" denies the clauses before it ("1961? no, 2000").

Quantity phrases ("no more than", "لا يقل عن") and affirmations ("no doubt", "لا شك") are not
denials. Works on folded text, so figures and dates keep their separators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tutor.grading.normalize import fold, normalize


def _set(*items: str) -> frozenset[str]:
    return frozenset(normalize(w) for item in items for w in item.split())


NEGATORS = _set(
    "not isnt wasnt arent werent didnt doesnt dont never neither nor cannot cant wont nothing",
    "hasnt havent hadnt wouldnt shouldnt couldnt mustnt neednt aint",
    "ليس ليست لست ليسوا لم لن غير عدم مش مو مب",
)
_GHAYR = normalize("غير")
# "no doubt", "بلا شك": an affirmation (by_bool reads them as yes)
WITHOUT = _set("no without لا بلا دون بدون")
DOUBT = _set("doubt question شك ريب جدال مراء")
# "لا" negates too, but also stands alone as "no": it is handled with the bare answers below.
BARE_NO = _set("no nope nah", "لا كلا")
# Words after a negator that make it a quantity or an affirmation, not a denial.
NOT_A_DENIAL = _set(
    "later earlier doubt question wonder only",
    "بد مراء محاله يزال تزال زال سيما",
) | _set("شك ريب")
# Comparatives that make "no more than 5", "لا يقل عن 5" a quantity, when a "than" follows.
QUANTITY = _set("more less fewer over under", "يقل تقل يزيد تزيد اقل أقل اكثر أكثر")
THAN = _set("than عن على من")
# What a negator may be followed by when it denies what came before it ("X isn't it").
SELF_WORDS = _set(
    "it that this right correct true the answer so",
    "هو هي هذا هذه ذلك صحيح صحيحا صحيحه الصحيح الجواب الاجابه كذلك",
)
# After a clause-opening "no" / "لا", words that start a new statement: "no it was 2000",
# "لا إنها 2000" take back what came before, they do not deny what follows.
STATEMENT_START = _set(
    "it its it's i the that this he she they was",
    "انه انها انهم هو هي هم بل انما كان كانت الجواب الاجابه",
)
# English words after a clause-opening "no" that start a statement or a figure, not a noun
_OPENERS = _set("its was were in on at by he she they we you i there not one two three four five")
# Clause boundaries besides punctuation: a contrast starts a new, asserted clause, and so does
# "وأن" ("ليس علامة ضعف وأن يبقي الحوار": the denial ends where the next "that" clause begins).
CONTRAST = _set(
    "but rather instead actually", "بل لكن ولكن وانما وإنما انما إنما وانما", "وأن وأنه وأنها"
)
# Verbs that set a thing aside: "not ruling out talks" asserts talks, "لم يستبعد" too. ("Deny",
# "refuse" stay words of their own: "it did not deny them" is said of a denial.)
NEGATIVE_VERBS = _set(
    "rule ruled ruling exclude excluded excluding",
    "يستبعد تستبعد استبعد استبعدت نستبعد يستبعدون",
)
_OUT = normalize("out")
# "ما كانت السادسة": "ما" before a form of "to be" is "not", elsewhere it may be "what".
_KANA = _set("كان كانت كانوا كنت كانا")
_MA = normalize("ما")
# A comma between digits groups thousands ("11,000"); anywhere else it ends a clause.
_BOUNDARY = re.compile(r"[;:!?،؛؟\n]+|,(?!\d)|(?<!\d),|\s-\s|\.(?!\d)")


@dataclass(frozen=True)
class Polarity:
    asserted: str  # the clauses (or parts) the answer stands by, joined by ", "
    denied: tuple[str, ...]  # the parts it denies

    @property
    def has_denial(self) -> bool:
        return bool(self.denied)


def _strip_clitic(w: str) -> str:
    """وليس → ليس, ولم → لم: a negator may carry "and" / "so"."""
    if len(w) > 2 and w[0] in "وف" and w[1:] in NEGATORS:
        return w[1:]
    return w


# "(the treaty was signed on the 19th)": an aside in brackets, a statement of its own
_ASIDE = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
# An aside that offers or doubts is part of the answer: "4 (or 19)", "4 (ربما 19)".
_OFFERS = _set("or either maybe perhaps possibly probably might could", "او ام ربما لعل يمكن قد")


def _drop_asides(text: str) -> str:
    """Remove bracketed asides of three words or more that neither deny, offer nor doubt: a side
    fact the learner adds is not a second answer."""

    def aside(m: re.Match[str]) -> str:
        words = [normalize(w) for w in m.group(1).split()]
        told = len(words) >= 3 and not any(
            w in NEGATORS or w in BARE_NO or w in _OFFERS for w in words
        )
        return " " if told else m.group(0)

    return _ASIDE.sub(aside, text) if "(" in text or "[" in text else text


@lru_cache(maxsize=65536)
def polarity(answer: str) -> Polarity:
    """Split `answer` into what it asserts and what it denies (see the module's docstring).
    A bracketed aside ("4 (the treaty was signed on the 19th)") is neither."""
    clauses = [c.strip() for c in _split_contrast(_drop_asides(fold(answer))) if c.strip()]
    asserted: list[str] = []
    denied: list[str] = []
    for clause in clauses:
        toks = clause.split()
        norm = [_strip_clitic(normalize(t)) for t in toks]
        content = [n for n in norm if n]
        if content and all(n in BARE_NO for n in content):
            # "no": what was said before is taken back
            denied.extend(asserted)
            asserted.clear()
            continue
        keep, gone = _clause(toks, norm)
        if gone == "\0":  # a take-back opening the clause
            denied.extend(asserted)
            asserted.clear()
            gone = ""
        if keep:
            asserted.append(keep)
        if gone:
            denied.append(gone)
    return Polarity(", ".join(asserted), tuple(denied))


def holds_denial(text: str) -> bool:
    """Whether an expected form itself denies something ("to encourage dialogue, not to punish"),
    so that "not X" in an answer may be its own words. A privative ("غير المحدود") is no denial."""
    pol = polarity(text)
    return pol.has_denial or not normalize(pol.asserted)


def clauses(answer: str) -> list[tuple[str, str]]:
    """Each clause of `answer` as (what it asserts, what it denies), in order, without the
    take-backs polarity() applies: by_bool reads each clause against the question's claim."""
    out: list[tuple[str, str]] = []
    for clause in _split_contrast(_drop_asides(fold(answer))):
        toks = clause.split()
        norm = [_strip_clitic(normalize(t)) for t in toks]
        if out and norm and all(n in BARE_NO for n in norm if n):
            out = [("", keep) for keep, _ in out]  # "China? no, Russia": China taken back
            continue
        if any(norm):
            keep, gone = _clause(toks, norm)
            out.append((keep, "" if gone == "\0" else gone))
    return out


def takes_back(answer: str) -> bool:
    """A "no" between two candidates ("China? no, Russia", "الصين؟ لا، روسيا") corrects the
    learner's own first word: it is no answer to a yes/no question."""
    parts = [c.split() for c in _split_contrast(_drop_asides(fold(answer)))]
    parts = [[normalize(t) for t in c] for c in parts if c]
    bare = [bool(c) and all(n in BARE_NO for n in c) for c in parts]
    return any(bare[k] for k in range(1, len(parts) - 1))


def _instead_at(part: str, tok: str) -> bool:
    """Whether `tok` opens "rather than" in `part` (a denial, not a new clause)."""
    words = [normalize(w) for w in part.split()]
    n = normalize(tok)
    return any(words[i] == n and (n, words[i + 1]) in _INSTEAD for i in range(len(words) - 1))


def _split_contrast(text: str) -> list[str]:
    out: list[str] = []
    for part in _BOUNDARY.split(text):
        cur: list[str] = []
        for tok in part.split():
            n = normalize(tok)
            if (n in CONTRAST or (n.startswith("و") and n[1:] in CONTRAST)) and not _instead_at(
                part, tok
            ):
                out.append(" ".join(cur))
                cur = []
            else:
                cur.append(tok)
        out.append(" ".join(cur))
    return out


# "X rather than Y", "X instead of Y", "X بدلا من Y": Y is set aside, like "not Y".
_INSTEAD = {("rather", "than"), ("instead", "of"), ("بدلا", "من"), ("بدل", "من"), ("عوضا", "عن")}
_INSTEAD = {tuple(normalize(w) for w in pair) for pair in _INSTEAD}


def _is_negator(norm: list[str], i: int) -> bool:
    n = norm[i]
    nxt = norm[i + 1] if i + 1 < len(norm) else ""
    if n == _MA and nxt in _KANA:
        return True
    if nxt in NEGATIVE_VERBS and n in NEGATORS | BARE_NO:
        return False  # "don't rule out talks": two denials make an assertion
    if (n, nxt) in _INSTEAD or (i and (norm[i - 1], n) in _INSTEAD):
        return True
    if n == _GHAYR and i > 0:
        return False  # "نظام غير محدود": a privative ("unlimited"), not a denial
    if n in NEGATORS or (n in BARE_NO and nxt):  # "لا 1961", "no Kazan"
        # "no doubt", "لا يزال", "not only": an affirmation or a quantity, not a denial
        then = norm[i + 2] if i + 2 < len(norm) else ""
        quantity = nxt in QUANTITY and (then in THAN or then[:1].isdigit())
        return not (nxt in NOT_A_DENIAL or quantity or (n in BARE_NO and nxt in BARE_NO))
    return False


_AND = _set("and", "و")


def _scope_end(norm: list[str], start: int) -> int:
    """Where a denial that starts at `start` ends: at an "and" that opens a clause of two words or
    more ("not necessarily weakness and keep talking to Moscow"), else at the clause's end. A
    single word after "and" is a second item of the denial ("not Russia and China")."""
    for j in range(start + 1, len(norm) - 2):
        if norm[j] in _AND:
            return j
    return len(norm)


def _clause(toks: list[str], norm: list[str]) -> tuple[str, str]:
    """(asserted part, denied part) of one clause."""
    if len(norm) > 1 and norm[0] in BARE_NO and norm[1] not in NOT_A_DENIAL | QUANTITY:
        english = norm[0].isascii()
        # "no deals with…", "no troops": a noun after "no" is denied, as after "not"
        noun = english and norm[1].isalpha() and norm[1] not in STATEMENT_START | _OPENERS
        if (english and not noun) or norm[1] in STATEMENT_START:
            return " ".join(toks[1:]), "\0"  # "no it was 2000": a take-back, then a statement
    for i in range(len(norm) - 1):
        if norm[i] in WITHOUT and norm[i + 1] in DOUBT:  # "no doubt Hull": an affirmation
            rest = _clause(toks[:i] + toks[i + 2 :], norm[:i] + norm[i + 2 :])
            return rest
    for i in range(len(norm)):
        if i and norm[i] in NEGATIVE_VERBS and norm[i - 1] in NEGATORS | BARE_NO:
            # "didn't rule out sending troops": the negator and the verb cancel out
            cut = i + 2 if i + 1 < len(norm) and norm[i + 1] == _OUT else i + 1
            return _clause(toks[: i - 1] + toks[cut:], norm[: i - 1] + norm[cut:])
        if not _is_negator(norm, i):
            continue
        after = [n for n in norm[i + 1 :] if n and n not in NEGATORS]
        before = " ".join(toks[:i])
        if not after or all(n in SELF_WORDS for n in after):
            return "", before  # "Kazan isn't it", "X ليس صحيحا"
        end = _scope_end(norm, i + 1)
        gone = " ".join(toks[i + 1 : end])
        if end == len(norm):
            return before, gone
        keep2, gone2 = _clause(toks[end + 1 :], norm[end + 1 :])  # the clause after "and"
        kept = " ".join(t for t in (before, keep2) if t)
        return kept, ", ".join(t for t in (gone, gone2) if t and t != "\0")
    return " ".join(toks), ""


# Negators that negate a verb ("weren't worried", "did not drive", "لم يقلقوا", "ليسوا قلقين"),
# as against "not" before a noun ("Russia, not China"). Bare "not"/"never" is verbal after an
# auxiliary ("were not", "has never").
_VERBAL = _set(
    "isnt wasnt arent werent didnt doesnt dont hasnt havent hadnt wont cant cannot couldnt",
    "wouldnt shouldnt aint",
    "لم لن ليس ليست ليسوا لست لستم",
)
AUXILIARIES = _set(
    "is was are were am be been do does did has have had will would can could should may might must"
)
_NOT = _set("not never")
_VERB_FIRST = _set("لم لن")  # a verb follows, then its subject: "لم يقد الملك"


def _verbal_at(norm: list[str]) -> int | None:
    """The index of a verb's negator in a clause, or None."""
    for i, n in enumerate(norm):
        if n in _VERBAL or (n in _NOT and i and norm[i - 1] in AUXILIARIES):
            return i
        if n in NEGATORS or n in BARE_NO:
            return None  # a noun's negator first: "not China"
    return None


def subject_denials(answer: str) -> list[tuple[str, str]]:
    """(subject, predicate) of each clause whose verb is negated after its subject ("the West
    wasn't worried at all" → ("the west wasn't", "worried at all")): the clause denies what it
    says of the subject, however the predicate is worded."""
    out: list[tuple[str, str]] = []
    for clause in _split_contrast(_drop_asides(fold(answer))):
        toks = clause.split()
        norm = [_strip_clitic(normalize(t)) for t in toks]
        i = _verbal_at(norm)
        if i is not None and 0 < i < len(toks) - 1 and norm[i + 1] not in NEGATIVE_VERBS:
            out.append((" ".join(toks[:i]), " ".join(toks[i + 1 :])))
    return out


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w and w not in AUXILIARIES and w not in _GLUE_WORDS]


_GLUE_WORDS = _set("the a an it he she they", "بل لكن")


def swapped(answer: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """ "X didn't drive first, Y did", "لم يقد X أولا بل Y", "not X but Y": (X, Y), the one a
    denied statement is about and the one the answer says it holds of instead; else None."""
    parts = [p for p in _split_contrast(_drop_asides(fold(answer))) if p.strip()]
    if len(parts) != 2:
        return None
    first = [_strip_clitic(normalize(t)) for t in parts[0].split()]
    said = [normalize(t) for t in parts[1].split()]
    then = _content(said)
    if not 1 <= len(then) <= 2 or any(w in NEGATORS or w in BARE_NO for w in then):
        return None
    i = _verbal_at(first)
    if i is not None and i > 0:  # "X didn't P, Y did": the subject is X
        if said[-1] not in AUXILIARIES:
            return None  # "X didn't P, Y sat beside him" says something else of Y
        x = _content(first[:i])
    else:
        at = next((k for k, n in enumerate(first) if n in NEGATORS), None)
        if at is None:
            return None
        rest = [n for n in first[at + 1 :] if n]
        if first[at] in _VERB_FIRST and len(rest) > 1:
            rest = rest[1:]  # "لم يقد الملك": the verb, then its subject
        x = _content(rest)[:1]
    if not x or len(x) > 3:
        return None
    return tuple(x), tuple(then)
