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
from tutor.grading.dates import MONTHS
from tutor.grading.normalize import normalize, word_variants
from tutor.grading.polarity import holds_denial
from tutor.grading.text import Form
from tutor.grading.units import Unit, expected_unit
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


PASTE_RUN = 12  # words in a row copied from the article: a paste, not an answer


@dataclass
class BankInfo:
    """Bank-wide knowledge: answer word → the answers (by normalised form) that hold it."""

    owners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: dict[str, str] = field(default_factory=dict)  # answer key -> person | place | thing
    runs: dict[str, set[int]] = field(default_factory=dict)  # article id -> hashes of its runs
    names: set[str] = field(default_factory=set)  # every answer name, normalised, both languages
    questions: tuple[Question, ...] = ()  # the bank's questions (what it says of each person)
    texts: tuple[str, ...] = ()  # the articles' texts (likewise)

    def pasted(self, article: str | None, words: tuple[str, ...]) -> bool:
        """Whether `words` hold PASTE_RUN words in a row copied from the article."""
        runs = self.runs.get(article or "")
        if not runs or len(words) < PASTE_RUN:
            return False
        return any(
            hash(words[i : i + PASTE_RUN]) in runs for i in range(len(words) - PASTE_RUN + 1)
        )

    def others(self, word: str, own: frozenset[str], kind: str | None = None) -> set[str]:
        """Other answers holding `word` (of `kind` only, when given)."""
        return {
            k
            for v in word_variants(word)
            for k in self.owners.get(v, ())
            if k not in own and (kind is None or self.kinds.get(k) == kind)
        }


def _answer_texts(q: Question) -> list[list[str]]:
    """Every nameable thing a question holds, each as its list of forms."""
    a = q.answer
    if q.type == "text" and isinstance(a, Localized):
        return [[*a.forms(), *q.accept]]
    if q.type in ("list", "order") and isinstance(a, tuple):
        return [list(item.forms()) for item in a]
    if q.type == "choice":  # the bank's extra accepted forms name the key
        return [[*c.forms(), *(q.accept if i == a else ())] for i, c in enumerate(q.choices)]
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


def answer_kind(q: Question) -> str:
    """What a question asks for: a person, a place, or another thing (an answer's rivals in a
    sentence are answers of the same kind: a person's employer is no second candidate)."""
    if asks_for_people(q):
        return "person"
    return "place" if _prompt_words(q) & PLACE_QUESTION else "thing"


def bank_info(bank: Bank) -> BankInfo:
    info = BankInfo(
        questions=tuple(bank.questions), texts=tuple(a.text for a in bank.articles.values())
    )
    for aid, article in bank.articles.items():
        ws = tuple(normalize(article.text).split())
        info.runs[aid] = {hash(ws[i : i + PASTE_RUN]) for i in range(len(ws) - PASTE_RUN + 1)}
    for q in bank.questions:
        for texts in _names(q):
            if not texts:
                continue
            key = normalize(texts[0])
            info.kinds.setdefault(key, answer_kind(q))
            for t in texts:
                info.names.add(normalize(t))
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
    unit: Unit | None = None  # what a number question counts (bank `unit`, else the prompt)
    day_of: int | None = None  # "which day of December": the month the day belongs to
    negatable: bool = True  # no expected form holds a negator, so "not X" denies X
    kind: str = "thing"  # person | place | thing: see answer_kind


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
    unit = None
    if q.type == "number":
        units = tuple(t for t in (q.unit.en, q.unit.ar) if t) if q.unit is not None else ()
        unit = expected_unit(units, q.prompt.en or q.prompt.ar if q.prompt else None)
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
        unit,
        _day_of(q),
        not any(holds_denial(t) for ts in texts for t in ts),
        answer_kind(q),
    )


_WHICH_DAY = re.compile(r"\b(which|what) day of\b|أي يوم من", re.IGNORECASE)


def _day_of(q: Question) -> int | None:
    """The month a "which day of <month>" number question names, so a wrong month is wrong."""
    if q.type != "number" or q.prompt is None:
        return None
    for text in (q.prompt.en, q.prompt.ar):
        if not text or not _WHICH_DAY.search(text):
            continue
        for w in normalize(text).split():
            for v in word_variants(w):
                if v in MONTHS and v not in ("may", "mar", "jan", "jun", "jul", "dec", "oct"):
                    return MONTHS[v]
    return None


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
