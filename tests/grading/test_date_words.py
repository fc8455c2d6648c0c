"""Dates said in words: a day as an ordinal beside its month, a year as number words."""

from __future__ import annotations

import pytest

from tutor.bank.model import PartialDate, Question
from tutor.grading import grade

IN_FORCE = Question("in-force", "date", PartialDate(2024, 12, 4))
SIGNED = Question("signed", "date", PartialDate(2024, 6, 19))
SATELLITE = Question("satellite", "date", PartialDate(2023, 11, 21))


@pytest.mark.parametrize(
    ("q", "text", "verdict"),
    [
        (IN_FORCE, "the fourth of December 2024", "correct"),
        (IN_FORCE, "December the fourth, 2024", "correct"),
        (IN_FORCE, "الرابع من ديسمبر 2024", "correct"),
        (IN_FORCE, "في الرابع من كانون الأول 2024", "correct"),
        (IN_FORCE, "the fifth of December 2024", "incorrect"),
        (IN_FORCE, "الخامس من ديسمبر 2024", "incorrect"),
        (IN_FORCE, "the fourth or fifth of December 2024", "incorrect"),
        (SIGNED, "June nineteenth, two thousand twenty-four", "correct"),
        (SIGNED, "19 June two thousand and twenty-four", "correct"),
        (SIGNED, "التاسع عشر من يونيو ألفين وأربعة وعشرين", "correct"),
        (SIGNED, "19 حزيران ألفين وأربعة وعشرين", "correct"),
        (SIGNED, "19 June two thousand and twenty-three", "incorrect"),
        (SATELLITE, "the twenty-first of November 2023", "correct"),
        (SATELLITE, "الحادي والعشرين من نوفمبر 2023", "correct"),
        (SATELLITE, "الحادي عشر من نوفمبر 2023", "incorrect"),
    ],
)
def test_days_and_years_in_words(q: Question, text: str, verdict: str) -> None:
    assert grade(q, text).verdict == verdict, text


@pytest.mark.parametrize(
    "text",
    ["December 2024, the first time it applied", "كانون الأول 2024، أول مرة"],
)
def test_an_ordinal_away_from_the_month_is_not_a_day(text: str) -> None:
    v = grade(IN_FORCE, text)
    assert v.verdict == "partial" and "day" in v.reason, v


def test_a_year_after_and_still_counts() -> None:
    assert grade(SIGNED, "19 يونيو و2024").verdict == "correct"
