"""Grading rows that came from elsewhere (a form, a spreadsheet): the core of `tutor grade`.

Pure: a row in, the same row out with `verdict`, `score` and `reason` added. Reading and writing
files is the command's job (tutor/commands/grade.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tutor.bank.model import Bank
from tutor.grading import grade

ERROR = "error"
ADDED = ("verdict", "score", "reason")


def _error(row: Mapping[str, Any], message: str) -> dict[str, Any]:
    return {**row, "verdict": ERROR, "score": 0.0, "reason": message}


def grade_row(bank: Bank, row: Mapping[str, Any], *, lang: str = "en") -> dict[str, Any]:
    """`row` with the verdict added; a row that cannot be graded gets verdict "error" and why."""
    qid = row.get("id")
    if qid is None or qid == "":
        return _error(row, "no id")
    q = bank.get(str(qid))
    if q is None:
        return _error(row, f"unknown question id {str(qid)!r}")
    if "answer" not in row or row["answer"] is None:
        return _error(row, "no answer")
    answer = row["answer"]
    if isinstance(answer, bool) or not isinstance(answer, str | int | float):
        if not isinstance(answer, bool):
            return _error(row, "the answer must be a string or a number")
        answer = "true" if answer else "false"
    v = grade(q, str(answer), bank=bank)
    reason = v.reason_ar if lang == "ar" and v.reason_ar else v.reason
    return {**row, "verdict": v.verdict, "score": v.score, "reason": reason}
