"""Numbers, years and dates are parsed, never fuzzy-matched: 1991 is not 1961."""

from __future__ import annotations

import pytest
from grading.build import date, number, year

from tutor.grading import grade
from tutor.grading.numbers import figures

ELEVEN_THOUSAND = [
    "11000", "11,000", "11 000", "11\u202f000", "١١٬٠٠٠", "١١٠٠٠", "۱۱۰۰۰", "11 ألف", "١١ ألف",
    "11 الف جندي", "أحد عشر ألف", "احد عشر الفا", "11k", "11K", "11 thousand", "eleven thousand",
    "more than 11,000", "أكثر من 11 ألف", "حوالي ١١ ألف جندي", "about 11000 soldiers",
]  # fmt: skip


@pytest.mark.parametrize("answer", ELEVEN_THOUSAND)
def test_eleven_thousand_in_every_way_people_write_it(answer: str) -> None:
    assert grade(number(11000), answer).correct


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("مليون", 1e6), ("3 ملايين", 3e6), ("2.5 million", 2.5e6), ("2,5 مليون", 2.5e6),
        ("ملياري دولار", 2e9), ("1.5bn", 1.5e9), ("ألفين", 2000), ("ألفي", 2000),
        ("خمسة و عشرون", 25), ("one hundred and five", 105), ("ثلاثمئة", 300),
        ("the second", 2), ("الرابع", 4), ("two thousand six", 2006),
    ],
)  # fmt: skip
def test_number_words_multipliers_and_ordinals(answer: str, value: float) -> None:
    assert figures(answer).values == (value,)


@pytest.mark.parametrize(
    ("q", "answer", "reason"),
    [
        (year(1961), "1991", "1991 is too late"),
        (year(1961), "1951", "1951 is too early"),
        (year(1961), "1961 or 2000", "give one answer, not several"),
        (year(1961), "١٩٦١ أو ٢٠٠٠", "give one answer, not several"),
        (year(2000), "2000 2006 2010", "give one answer, not several"),
        (year(1961), "the sixties", "no figure found in the answer"),
        (number(11000), "thousands", "give the figure, not an order of size"),
        (number(11000), "آلاف", "give the figure, not an order of size"),
        (number(11000), "12 ألف", "12,000 is too high"),
        (number(11000), "1100", "1,100 is too low"),
    ],
)  # fmt: skip
def test_near_figures_and_hedges_are_wrong_with_a_reason(q, answer, reason) -> None:
    v = grade(q, answer)
    assert (v.verdict, v.reason) == ("incorrect", reason)


def test_tolerance_when_the_bank_gives_one() -> None:
    q = number(1000, tolerance=50)
    assert grade(q, "1040").reason == "close enough: 1,040"
    assert grade(q, "1060").verdict == "incorrect"


DATE = date(2024, 6, 19)


@pytest.mark.parametrize(
    "answer",
    [
        "19 يونيو 2024", "19 حزيران 2024", "١٩ حزيران/يونيو ٢٠٢٤", "June 19, 2024", "19 June 2024",
        "19/6/2024", "19-06-2024", "2024-06-19", "2024/6/19", "في 19 يونيه 2024", "on 19 Jun 2024",
    ],
)  # fmt: skip
def test_a_day_in_every_calendar_spelling(answer: str) -> None:
    assert grade(DATE, answer).correct


@pytest.mark.parametrize(
    ("q", "answer", "verdict", "reason"),
    [
        (DATE, "20 يونيو 2024", "incorrect", "the day is wrong"),
        (DATE, "19 تموز 2024", "incorrect", "the month is wrong"),
        (DATE, "19 June 2023", "incorrect", "the year is wrong"),
        (DATE, "19 or 20 June 2024", "incorrect", "give one answer, not several"),
        (DATE, "19 June", "partial", "the year is missing"),
        (DATE, "June 2024", "partial", "the day is missing"),
        (date(2024, 12), "كانون الأول 2024", "correct", ""),
        (date(2024, 12), "ديسمبر ٢٠٢٤", "correct", ""),
        (date(2024, 12), "تشرين الثاني 2024", "incorrect", "the month is wrong"),
        (date(2022, 5), "May 2022", "correct", ""),
        (date(2022, 5), "أيار 2022", "correct", ""),
        (date(2022, 5), "June 2022", "incorrect", "the month is wrong"),
    ],
)  # fmt: skip
def test_dates_at_the_precision_asked(q, answer, verdict, reason) -> None:
    v = grade(q, answer)
    assert (v.verdict, v.reason) == (verdict, reason)


def test_an_arabic_dual_is_two() -> None:
    assert grade(number(2), "شهرين").correct and grade(number(2), "بعد ساعتين").correct
    assert not grade(number(3), "شهرين").correct


def test_a_figure_may_carry_the_scale_its_unit_already_names() -> None:
    from tutor.bank.model import Localized, Question

    trade = Question("t", "number", 240, unit=Localized("مليار دولار", "billion dollars"))
    for answer in ("240", "240 billion", "240 مليار دولار", "$240bn"):
        assert grade(trade, answer).correct, answer
    assert grade(trade, "240 million").verdict == "incorrect"
    assert grade(trade, "24 billion").verdict == "incorrect"
