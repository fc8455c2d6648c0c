"""Days and weeks are not an exact number of months: such a figure is converted at 30.4 days a
month and counts when it lands within the question's tolerance (for a whole number of months, the
nearest whole month), and the reason says the conversion was rough. Both languages."""

from __future__ import annotations

import pytest

from tutor.bank.model import Localized, Question
from tutor.grading import grade

MONTHS = Localized("أشهر", "months")
DAYS = Localized("أيام", "days")
THREE = Question("m", "number", 3, unit=MONTHS)
HALF = Question("h", "number", 5.5, tolerance=0.5, unit=MONTHS)
NINETY = Question("d", "number", 90, tolerance=5, unit=DAYS)


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        (THREE, "about 90 days", True), (THREE, "13 weeks", True), (THREE, "90 يوما", True),
        (THREE, "ثلاثة عشر أسبوعا", True),
        (HALF, "168 days", True), (HALF, "24 weeks", True), (HALF, "168 يوما", True),
        (HALF, "24 أسبوعا", True),
        (NINETY, "3 months", True), (NINETY, "ثلاثة أشهر", True),
        # ... and stays wrong when the rough figure is off
        (THREE, "60 days", False), (THREE, "5 days", False), (THREE, "60 يوما", False),
        (HALF, "120 days", False), (HALF, "30 weeks", False), (HALF, "120 يوما", False),
        (NINETY, "2 months", False), (NINETY, "شهران", False),
        # exact units as before
        (THREE, "3 months", True), (THREE, "a quarter of a year", True), (THREE, "3 hours", False),
    ],
)  # fmt: skip
def test_days_and_weeks_for_months(q, answer, right) -> None:
    assert grade(q, answer).correct is right, answer


def test_the_reason_says_the_conversion_was_rough() -> None:
    v = grade(HALF, "168 days")
    assert v.correct and "30.4 days a month" in v.reason
    assert "30.4" in grade(HALF, "168 يوما").reason_ar
