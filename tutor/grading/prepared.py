"""What grading needs from a question, worked out once and cached, so one answer costs microseconds.

Per question: the expected forms split into words, the prompt's words (an answer may repeat them),
the rejected forms. Per bank: which words belong to which answers, so that a family name alone is
accepted only when no other answer in the bank shares it, and a second name in an answer is
recognised as one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from tutor.bank.model import Bank, Localized, Question
from tutor.grading.normalize import normalize, word_variants
from tutor.grading.text import Form
from tutor.grading.vocab import DESCRIPTORS, FILLER, PLACE_QUESTION, ROLES

PLAIN_WORDS = FILLER | DESCRIPTORS | ROLES  # never a name on their own


@dataclass(frozen=True)
class Target:
    """One thing to name (a text answer, a list item, a choice): every form it may take."""

    forms: tuple[Form, ...]
    keys: frozenset[str]  # the normalised forms, to tell this answer from another
    max_words: int
    words: frozenset[str] = frozenset()  # every word of every form

    @property
    def shown(self) -> str:
        return self.forms[0].text if self.forms else ""


@dataclass
class BankInfo:
    """Bank-wide knowledge: answer word → the answers (by normalised form) that hold it."""

    owners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def others(self, word: str, own: frozenset[str]) -> set[str]:
        return {k for v in word_variants(word) for k in self.owners.get(v, ()) if k not in own}


def _answer_texts(q: Question) -> list[list[str]]:
    """Every nameable thing a question holds, each as its list of forms."""
    a = q.answer
    if q.type == "text" and isinstance(a, Localized):
        return [[*a.forms(), *q.accept]]
    if q.type in ("list", "order") and isinstance(a, tuple):
        return [list(item.forms()) for item in a]
    if q.type == "choice":
        return [list(c.forms()) for c in q.choices]
    return []


def _names(q: Question) -> list[list[str]]:
    """The names a question's answer holds, as written in the bank's two languages.

    Choice options ("a fleet of fighter jets") and extra accepted spellings ("the Russian Far
    East") are left out: their ordinary words would make every answer look like a second name.
    """
    a = q.answer
    if q.type == "text" and isinstance(a, Localized):
        return [[s for s in (a.ar, a.en) if s]]
    if q.type == "list" and isinstance(a, tuple):
        return [[s for s in (item.ar, item.en) if s] for item in a]
    return []


def bank_info(bank: Bank) -> BankInfo:
    info = BankInfo()
    for q in bank.questions:
        for texts in _names(q):
            if not texts:
                continue
            key = normalize(texts[0])
            for t in texts:
                for w in normalize(t).split():
                    if w not in DESCRIPTORS and w not in FILLER:
                        info.owners[w].add(key)
    return info


def _family(form: Form, prompt_words: frozenset[str]) -> str | None:
    """The family name a person's full name may be shortened to ("Eugene Rumer" → "Rumer")."""
    ws = form.words
    if not 2 <= len(ws) <= 3 or ws != form.core:
        return None
    last = ws[-1]
    if len(last) < 4 or any(c.isdigit() for c in "".join(ws)) or last in prompt_words:
        return None
    return last


def target(
    texts: list[str], prompt_words: frozenset[str], info: BankInfo | None, *, family: bool = True
) -> Target:
    forms = [f for f in (Form.of(t) for t in texts) if f is not None]
    keys = frozenset(normalize(t) for t in texts)
    extra: list[Form] = []
    if family:
        for f in forms:
            last = _family(f, prompt_words)
            if last is None or any(last == g.words[-1] and len(g.words) == 1 for g in forms):
                continue
            if info is not None and info.others(last, keys):
                continue  # another answer in the bank has this family name too
            fam = Form.of(last, family=True)
            if fam is not None:
                extra.append(Form(f.text, fam.words, fam.core, fam.compact, True))
    allf = tuple(forms + extra)
    own = frozenset(w for f in forms for w in f.words)
    return Target(allf, keys, max((len(f.words) for f in forms), default=1), own)


@dataclass(frozen=True)
class Prepared:
    question: Question
    prompt_words: frozenset[str]
    rejects: frozenset[str]
    targets: tuple[Target, ...]  # text: one; list: the items; choice: the choices
    info: BankInfo | None
    answer_words: frozenset[str]  # every word of every target: a sibling's name in an answer
    reject_words: frozenset[str] = frozenset()  # names from `reject`: beside the answer, a hedge
    asks_place: bool = False  # "which city/port/base": the country after it is context
    asks_people: bool = False  # names of people are never matched with their words reordered


_WHO_EN = re.compile(
    r"\b(who|whom|whose)\b|\b(which|what|name the|name two|name three)\s+(\w+\s+)?"
    r"(analysts?|experts?|officials?|ministers?|spokes\w*|professors?|researchers?|scholars?|"
    r"leaders?|presidents?|diplomats?|generals?|envoys?|ambassadors?|journalists?|authors?|"
    r"people|persons?|politicians?|commanders?|heads?)\b",
    re.IGNORECASE,
)
_WHO_AR = re.compile(
    r"(^|[\s،,:؛])(من هو|من هي|من هم|من الذي|من التي|من الذين)(\s|$)|(^|[،,:؛]\s*)من\s"
)


def asks_for_people(q: Question) -> bool:
    """A family name alone stands for a person, not for a place or a fleet ("NATO", "Fleet").

    Known from the prompt ("Who…", "Which analyst…", "من هو…"); a grading-only bank without
    prompts lists the short forms it accepts instead.
    """
    p = q.prompt
    if p is None:
        return False
    if p.en:
        return _WHO_EN.search(p.en) is not None
    return bool(p.ar) and _WHO_AR.search(p.ar.strip()) is not None


def _prompt_words(q: Question) -> frozenset[str]:
    out: set[str] = set()
    for loc in (q.prompt,):
        if loc is None:
            continue
        for s in (loc.ar, loc.en):
            if s:
                for w in normalize(s).split():
                    out.update(word_variants(w))
    return frozenset(out)


def prepare(q: Question, info: BankInfo | None) -> Prepared:
    pw = _prompt_words(q)
    texts = _answer_texts(q)
    # words of the answer itself never count as harmless prompt words
    answer_words = {w for ts in texts for t in ts for w in normalize(t).split()}
    pw = frozenset(w for w in pw if w not in answer_words)
    family = q.type not in ("choice", "order") and asks_for_people(q)
    targets = tuple(target(ts, pw, info, family=family) for ts in texts if ts)
    rejects = frozenset(normalize(r) for r in q.reject)
    reject_words = frozenset(
        w for r in rejects for w in r.split() if w not in answer_words and w not in PLAIN_WORDS
    )
    asks_place = bool(pw & PLACE_QUESTION)
    return Prepared(
        q,
        pw,
        rejects,
        targets,
        info,
        frozenset(answer_words),
        reject_words,
        asks_place,
        asks_for_people(q),
    )


_BANKS: dict[int, tuple[Bank, BankInfo]] = {}
_PREPARED: dict[tuple[int, int], tuple[Question, Bank | None, Prepared]] = {}


def info_for(bank: Bank | None) -> BankInfo | None:
    if bank is None:
        return None
    hit = _BANKS.get(id(bank))
    if hit is not None and hit[0] is bank:
        return hit[1]
    if len(_BANKS) > 16:
        _BANKS.clear()
    info = bank_info(bank)
    _BANKS[id(bank)] = (bank, info)
    return info


def prepared(q: Question, bank: Bank | None) -> Prepared:
    """The cached preparation of `q` (within `bank`, when given)."""
    key = (id(q), id(bank))
    hit = _PREPARED.get(key)
    if hit is not None and hit[0] is q and hit[1] is bank:
        return hit[2]
    if len(_PREPARED) > 20000:
        _PREPARED.clear()
    p = prepare(q, info_for(bank))
    _PREPARED[key] = (q, bank, p)
    return p
