"""The engine's two outlets, so it can run with or without a progress store.

A Recorder keeps each graded answer the moment it is graded; a Picker chooses a round's questions
(the store's FSRS scheduler in the app, a plain shuffle in tests and when no store is wanted).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from tutor.bank.lints import apart
from tutor.bank.model import Question


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    answered_at: datetime  # timezone-aware, UTC
    answer: str  # as typed
    verdict: str  # correct | partial | incorrect | skipped | revealed
    score: float  # 0..1
    seconds: float  # time taken to answer
    hints: int  # hints used before this answer
    mode: str  # "app" | "plain" | ...
    override: bool = False  # the learner said "I was right" after a strict verdict
    attempt: int = 1
    shown: tuple[int, ...] = ()  # a choice question's options as shown (indexes into `choices`)


class Recorder(Protocol):
    def record(self, rec: AnswerRecord) -> None: ...


class Picker(Protocol):
    def pick(self, questions: Sequence[Question], limit: int, now: datetime) -> list[Question]: ...


class NullRecorder:
    def record(self, rec: AnswerRecord) -> None:
        pass


class ShufflePicker:
    """Random order, interleaving articles so two neighbours rarely share one; never two
    questions of which one gives the other's answer away."""

    def __init__(self, seed: int | None = None):
        self.rng = random.Random(seed)

    def pick(self, questions: Sequence[Question], limit: int, now: datetime) -> list[Question]:
        by_article: dict[str | None, list[Question]] = {}
        for q in questions:
            by_article.setdefault(q.article, []).append(q)
        for group in by_article.values():
            self.rng.shuffle(group)
        groups = list(by_article.values())
        self.rng.shuffle(groups)
        out: list[Question] = []
        while groups:
            for g in list(groups):
                if g:
                    out.append(g.pop())
                if not g:
                    groups.remove(g)
        return apart(out, limit)
