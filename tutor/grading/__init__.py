"""Grading: pure functions from (question, answer) to a Verdict. No UI, no I/O."""

from tutor.grading.grade import grade
from tutor.grading.verdict import CORRECT, INCORRECT, PARTIAL, Verdict

__all__ = ["CORRECT", "INCORRECT", "PARTIAL", "Verdict", "grade"]
