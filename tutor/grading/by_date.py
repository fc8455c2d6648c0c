"""Grading a date at the precision the question asks: a wrong day, month or year is wrong."""

from __future__ import annotations

from tutor.bank.model import PartialDate
from tutor.grading import reasons as R
from tutor.grading.dates import date_parts
from tutor.grading.prepared import Prepared
from tutor.grading.verdict import Verdict


def grade_date(p: Prepared, answer: str) -> Verdict:
    expected = p.question.answer
    assert isinstance(expected, PartialDate)
    parts = date_parts(answer)
    if parts.empty:
        return R.incorrect(R.NO_DATE)
    wanted = [("year", parts.years, expected.year), ("month", parts.months, expected.month)]
    if expected.day is not None:
        wanted.append(("day", parts.days, expected.day))
    if any(len(given) > 1 for _, given, _ in wanted):
        return R.incorrect(R.HEDGE)
    missing = []
    for name, given, value in wanted:
        if not given:
            missing.append(name)
        elif value not in given:
            return R.incorrect(R.wrong_part(name))
    if not missing:
        return R.correct(R.NONE, str(expected))
    right = len(wanted) - len(missing)
    if right == 0 or "month" in missing:
        return R.incorrect(R.missing_part(missing[0]))
    return R.partial(right / len(wanted), R.missing_part(missing[0]), str(expected))
