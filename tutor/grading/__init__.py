"""Grading: pure functions from (question, answer) to a Verdict. No UI, no I/O.

`grade` is imported on first use (PEP 562), so that the normaliser alone, which the evidence
panel needs, does not pull the whole grader into the app's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tutor.grading.verdict import CORRECT, INCORRECT, PARTIAL, Verdict

if TYPE_CHECKING:
    from tutor.grading import grade, warm

__all__ = ["CORRECT", "INCORRECT", "PARTIAL", "Verdict", "grade", "warm"]


def __getattr__(name: str) -> Any:
    if name in ("grade", "warm"):
        from tutor.grading import grader

        return getattr(grader, name)
    raise AttributeError(f"module 'tutor.grading' has no attribute {name!r}")
