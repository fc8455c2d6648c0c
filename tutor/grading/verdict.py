"""What grading returns: a verdict a learner can read, and a score the scheduler can use."""

from __future__ import annotations

from dataclasses import dataclass

CORRECT, PARTIAL, INCORRECT = "correct", "partial", "incorrect"


@dataclass(frozen=True)
class Verdict:
    verdict: str  # correct | partial | incorrect
    score: float  # 0..1
    reason: str = ""  # short, for the learner ("the year is 1961, not 1991")
    matched: str | None = None  # the expected form the answer matched
    reason_ar: str = ""  # the same reason in Arabic, when the grader has one
    no_answer: bool = False  # empty or "I don't know": wrong, but no penalty message

    @property
    def correct(self) -> bool:
        return self.verdict == CORRECT
