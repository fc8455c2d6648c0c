"""The bank's data model: what a loaded, validated question and article look like.

Everything here is plain, frozen data so that grading, the engine and the front ends can share it
without copying or guarding it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

QUESTION_TYPES = ("text", "number", "year", "date", "list", "choice", "bool", "order")
LANGS = ("ar", "en")

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def has_arabic(s: str) -> bool:
    return bool(_ARABIC.search(s))


@dataclass(frozen=True)
class Localized:
    """A text in Arabic and/or English, plus extra accepted spellings (for answers)."""

    ar: str | None = None
    en: str | None = None
    accept: tuple[str, ...] = ()

    @classmethod
    def of(cls, s: str) -> Localized:
        """A bare string goes on the side of the script it is written in."""
        return cls(ar=s) if has_arabic(s) else cls(en=s)

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to the other language."""
        first, second = (self.ar, self.en) if lang == "ar" else (self.en, self.ar)
        return first or second or ""

    def forms(self) -> tuple[str, ...]:
        """Every written form: both languages, then the extra spellings."""
        return tuple(s for s in (self.ar, self.en, *self.accept) if s)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the precision the question asks: year-month or year-month-day."""

    year: int
    month: int
    day: int | None = None

    def __str__(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class Location:
    """Where something was written: for messages that point an author at the line."""

    file: Path
    line: int  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Quote:
    """One evidence passage and the article it is quoted from (None: the question's article)."""

    text: str
    article: str | None = None


@dataclass(frozen=True)
class Question:
    """One validated question.

    `answer` depends on `type`: text → Localized; number → int | float; year → int;
    date → PartialDate; list → tuple[Localized, ...]; choice → int (index into `choices`);
    bool → bool; order → tuple[Localized, ...], the items in their right order.

    `quotes` holds every evidence passage, each with its article; `evidence` is the passage
    quoted from the question's own article (a plain string in the file, or the first list entry
    from that article), kept for code that shows a single passage.
    `leaks_ok` holds (question id, reason) pairs: give-aways the author knows of and accepts.
    `dates` (order questions) gives, item by item, when it happened as the evidence dates it
    ("YYYY", "YYYY-MM" or "YYYY-MM-DD"; None for an item the evidence does not date), so that an
    answer may order the items by their dates; empty when no item has one.
    """

    id: str
    type: str
    answer: object
    prompt: Localized | None = None
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    evidence: str | None = None
    hint: Localized | None = None
    explanation: Localized | None = None
    tags: tuple[str, ...] = ()
    difficulty: int | None = None
    article: str | None = None
    tolerance: float | None = None
    unit: Localized | None = None
    need: int | None = None
    choices: tuple[Localized, ...] = ()
    quotes: tuple[Quote, ...] = ()
    leaks_ok: tuple[tuple[str, str], ...] = ()
    dates: tuple[str | None, ...] = ()  # order: each item's date ("2024", "2024-06", …) or None
    location: Location | None = field(default=None, compare=False)

    def passages(self) -> tuple[Quote, ...]:
        """Every evidence quote; a question built with only `evidence` has that one."""
        if self.quotes:
            return self.quotes
        return (Quote(self.evidence),) if self.evidence else ()

    @property
    def needed(self) -> int:
        """How many list items earn full credit."""
        if self.type != "list":
            return 1
        items = self.answer
        assert isinstance(items, tuple)
        return self.need or len(items)

    def answer_text(self, lang: str = "en") -> str:
        """The expected answer as a learner should read it."""
        a = self.answer
        if self.type == "text":
            assert isinstance(a, Localized)
            return a.get(lang)
        if self.type == "list":
            assert isinstance(a, tuple)
            sep = "، " if lang == "ar" else ", "
            return sep.join(item.get(lang) for item in a)
        if self.type == "choice":
            assert isinstance(a, int)
            return self.choices[a].get(lang)
        if self.type == "order":
            assert isinstance(a, tuple)
            sep = " ← " if lang == "ar" else " → "  # Arabic reads right to left: next is leftwards
            return sep.join(item.get(lang) for item in a)
        if self.type == "bool":
            if lang == "ar":
                return "صح" if a else "خطأ"
            return "true" if a else "false"
        if self.type == "number":
            assert isinstance(a, int | float)
            text = f"{a:,}" if isinstance(a, int) else f"{a:g}"
            if self.unit:
                text += " " + self.unit.get(lang)
            return text
        return str(a)


@dataclass(frozen=True)
class Article:
    """A source article: its text (page chrome removed) and what the page says about itself."""

    id: str
    text: str
    title: str = "unknown"
    label: Localized | None = None
    outlet: str = "unknown"
    date: str = "unknown"
    language: str = "ar"
    notes: str = ""
    path: Path | None = None
    body_line: int = 1  # the file line where `text` starts

    def display_title(self, lang: str = "ar") -> str:
        """A name to show: the label if there is one, else the title, else the id."""
        if self.label:
            return self.label.get(lang)
        return self.title if self.title != "unknown" else self.id


@dataclass
class Bank:
    """Questions (in file order) and the articles they quote."""

    questions: list[Question]
    articles: dict[str, Article]
    files: list[Path] = field(default_factory=list)
    problems: list = field(default_factory=list)  # Problem, when loaded with strict=False

    def __post_init__(self) -> None:
        self._by_id = {q.id: q for q in self.questions}

    def get(self, qid: str) -> Question | None:
        return self._by_id.get(qid)

    def article_of(self, q: Question) -> Article | None:
        return self.articles.get(q.article) if q.article else None
