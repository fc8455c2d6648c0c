"""Durations said in parts or fractions are one figure: "a year and four months" is 16 months."""

from __future__ import annotations

import pytest

from tutor.bank.model import Localized, Question
from tutor.grading import grade
from tutor.grading.numbers import figures
from tutor.grading.units import duration


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a year and four months", 16, "months"),
        ("سنة وأربعة أشهر", 16, "months"),
        ("half a year", 0.5, "years"),
        ("نصف سنة", 0.5, "years"),
        ("a quarter of a year", 0.25, "years"),
        ("ربع سنة", 0.25, "years"),
        ("a decade and a half", 1.5, "decades"),
        ("عقد ونصف", 1.5, "decades"),
        ("one and a half years", 1.5, "years"),
        ("two and a half years", 2.5, "years"),
        ("سنتين وستة أشهر", 30, "months"),
        ("5 أشهر ونصف", 5.5, "months"),
        ("an hour and a half", 1.5, "hours"),
        ("ساعة ونصف", 1.5, "hours"),
    ],
)
def test_compound_and_fractional_durations(text: str, value: float, unit: str) -> None:
    got = duration(text)
    assert got is not None
    assert got[0] == pytest.approx(value)
    assert got[1].name_en == unit


@pytest.mark.parametrize(
    "text", ["three months", "a year", "a year and 4 days", "in the year 2000 four months"]
)
def test_not_a_duration_in_parts(text: str) -> None:
    """A plain figure is the figure reader's; days with months do not add up exactly."""
    assert duration(text) is None


@pytest.mark.parametrize(
    ("text", "value"), [("two dozen", 24), ("a dozen", 12), ("three dozen shells", 36)]
)
def test_dozen_multiplies(text: str, value: float) -> None:
    assert figures(text).values == (value,)


def _months(answer: int) -> Question:
    return Question("gap", "number", answer, unit=Localized("أشهر", "months"))


def _years(answer: int) -> Question:
    return Question("gap", "number", answer, unit=Localized("سنوات", "years"))


@pytest.mark.parametrize(
    ("answer", "text", "verdict"),
    [
        (16, "a year and four months", "correct"),
        (16, "سنة وأربعة أشهر", "correct"),
        (16, "a year and six months", "incorrect"),
        (3, "a quarter of a year", "correct"),
        (3, "ربع سنة", "correct"),
        (6, "half a year", "correct"),
        (6, "نصف سنة", "correct"),
        (4, "a quarter of a year", "incorrect"),
        (18, "سنة ونصف", "correct"),
        (24, "168 days", "incorrect"),  # a month is not a whole number of days
    ],
)
def test_months_question(answer: int, text: str, verdict: str) -> None:
    assert grade(_months(answer), text).verdict == verdict


@pytest.mark.parametrize(
    ("answer", "text", "verdict"),
    [
        (24, "two dozen years", "correct"),
        (14, "two dozen years", "incorrect"),
        (15, "a decade and a half", "correct"),
        (15, "عقد ونصف", "correct"),
        (20, "a decade and a half", "incorrect"),
    ],
)
def test_years_question(answer: int, text: str, verdict: str) -> None:
    assert grade(_years(answer), text).verdict == verdict
