"""A round of questions: what comes next, attempts, hints, timing, and the record of each answer.

CONTRACT (stub): the signatures below are what front ends (Textual app, plain mode) code against.
The engine helper implements them; keep names and meanings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from tutor.bank.model import Article, Bank, Localized, Question
from tutor.engine.ports import Picker, Recorder
from tutor.grading.verdict import Verdict


@dataclass(frozen=True)
class RoundSpec:
    """Which questions a round draws from; empty tuples mean 'all'."""

    articles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    length: int = 10


class Phase(Enum):
    ASKING = "asking"  # waiting for a first answer
    RETRY = "retry"  # first answer was wrong: a hint was offered, waiting for the second
    ANSWERED = "answered"  # the question is over; call next()
    DONE = "done"  # the round is over; see summary()


@dataclass(frozen=True)
class Evidence:
    """The passage that proves the answer, located in its article."""

    article: Article
    passage: str  # the evidence text as it stands in the article
    start: int  # offsets of the passage in article.text
    end: int
    highlights: tuple[tuple[int, int], ...] = ()  # spans of the answer inside `passage`


@dataclass(frozen=True)
class Outcome:
    question: Question
    verdict: Verdict
    attempt: int  # 1 or 2
    final: bool  # no more tries on this question
    hint: Localized | None = None  # offered after a wrong first try
    revealed: bool = False  # the answer was shown (second miss, /reveal, /skip)
    evidence: Evidence | None = None  # set when final


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    verdict: str  # correct | partial | incorrect | skipped | revealed
    score: float
    answer: str
    hints: int
    overridden: bool = False


@dataclass(frozen=True)
class RoundSummary:
    results: tuple[QuestionResult, ...]
    score: float  # sum of scores
    total: int
    per_tag: dict[str, tuple[float, int]] = field(default_factory=dict)  # tag -> (score, count)
    missed: tuple[Question, ...] = ()


class Session:
    def __init__(
        self,
        bank: Bank,
        spec: RoundSpec = RoundSpec(),
        *,
        picker: Picker | None = None,
        recorder: Recorder | None = None,
        mode: str = "app",
        questions: list[Question] | None = None,  # a fixed list (retry, tests) instead of picking
    ) -> None:
        raise NotImplementedError

    @property
    def current(self) -> Question | None: ...
    @property
    def phase(self) -> Phase: ...
    @property
    def position(self) -> tuple[int, int]:  # (1-based index, total)
        ...
    def submit(self, answer: str) -> Outcome: ...
    def hint(self) -> Localized | None: ...  # counts as a hint used
    def skip(self) -> Outcome: ...
    def reveal(self) -> Outcome: ...
    def evidence(self, question: Question | None = None) -> Evidence | None: ...
    def override(self) -> bool: ...  # "I was right": last final non-correct answer → correct
    def next(self) -> Question | None: ...  # None when the round is over
    def summary(self) -> RoundSummary: ...
    def retry_missed(self) -> Session: ...
    def started_at(self) -> datetime: ...
