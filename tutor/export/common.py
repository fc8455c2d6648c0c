"""What every export format shares: which questions go out, the forms an answer may take, the
evidence with its article, and the warnings about what a format had to leave out."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tutor.bank.model import Bank, Localized, PartialDate, Question

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"),
    "ar-levant": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                  "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"),
}  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """The question filters `tutor study` takes; empty means all. `length` None: every question."""

    articles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    length: int | None = None

    def admits(self, q: Question) -> bool:
        if q.prompt is None:  # grading-only: nothing to ask
            return False
        return self.matches(q)

    def matches(self, q: Question) -> bool:
        """The filters alone (a grading-only question may match them, and still not be asked)."""
        if self.articles and q.article not in self.articles:
            return False
        if self.tags and not set(self.tags) & set(q.tags):
            return False
        return not (self.difficulties and q.difficulty not in self.difficulties)


def unaskable(bank: Bank, filters: Filters) -> list[Question]:
    """Questions the filters choose that cannot be exported: grading-only, without a prompt."""
    return [q for q in bank.questions if q.prompt is None and filters.matches(q)]


def select(bank: Bank, filters: Filters, seed: int | None = None) -> list[Question]:
    """The questions to export, in bank order; with a length, the first N (or N drawn by seed)."""
    chosen = [q for q in bank.questions if filters.admits(q)]
    if filters.length is not None and filters.length < len(chosen):
        if seed is None:
            chosen = chosen[: filters.length]
        else:
            keep = set(random.Random(seed).sample(range(len(chosen)), filters.length))
            chosen = [q for i, q in enumerate(chosen) if i in keep]
    return chosen


@dataclass
class Export:
    """A format's output and what it could not carry faithfully."""

    data: bytes
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, why)
    changed: list[tuple[str, str]] = field(default_factory=list)  # (question id, as what)
    count: int = 0  # questions written


def text(loc: Localized | None, lang: str | None) -> str:
    """One language's text, or (lang None) the Arabic then the English, when they differ."""
    if loc is None:
        return ""
    if lang is not None:
        return loc.get(lang)
    parts = [s for s in (loc.ar, loc.en) if s]
    return " / ".join(dict.fromkeys(parts))


def date_forms(d: PartialDate) -> list[str]:
    """Ways to write a date that a strict grader (Moodle, Anki's typed compare) should take."""
    forms = [str(d)]
    for names in MONTHS.values():
        m = names[d.month - 1]
        forms.append(f"{m} {d.year}" if d.day is None else f"{d.day} {m} {d.year}")
    if d.day is not None:
        forms.append(f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}")
        forms.append(f"{d.day}/{d.month}/{d.year}")
    else:
        forms.append(f"{d.month}/{d.year}")
    return forms


def answer_forms(q: Question) -> list[str]:
    """Every written form of a text-like answer (text, date, year), each once, key first."""
    a = q.answer
    forms: list[str] = []
    if q.type == "text":
        assert isinstance(a, Localized)
        forms = [*a.forms(), *q.accept]
    elif q.type == "date":
        assert isinstance(a, PartialDate)
        forms = [*date_forms(a), *q.accept]
    elif q.type in ("year", "number"):
        forms = [str(a), *q.accept]
    else:
        forms = [q.answer_text("en"), q.answer_text("ar"), *q.accept]
    return list(dict.fromkeys(f.strip() for f in forms if f and f.strip()))


def evidence(bank: Bank, q: Question, lang: str | None) -> list[tuple[str, str]]:
    """(article title, quote) for every evidence passage of `q`."""
    out = []
    for quote in q.passages():
        art = bank.articles.get(quote.article or q.article or "")
        title = art.display_title(lang or "ar") if art else (quote.article or q.article or "")
        out.append((title, quote.text))
    return out


def shuffled(items: list, seed: int | None, key: str) -> list:
    """`items` in an order fixed by the seed and the question (the same seed, the same order)."""
    out = list(items)
    random.Random(f"{seed}:{key}").shuffle(out)
    return out


STRICT_NOTE = Localized(
    ar="يصحح Moodle بصرامة أكبر من tutor: يقبل الصيغ المدرجة فقط (دون اعتبار لحالة الأحرف)، أما"
    " tutor فيتسامح مع الأخطاء الإملائية والهمزات والتشكيل والأرقام العربية. إن ظننت أن إجابتك"
    " صحيحة فاسأل معلمك.",
    en="Moodle grades more strictly than tutor: it accepts only the listed forms (case aside),"
    " while tutor also forgives spelling slips, hamza, diacritics and Arabic-Indic digits. If you"
    " think your answer is right, ask your teacher.",
)
