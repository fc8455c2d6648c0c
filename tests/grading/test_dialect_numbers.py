"""Numbers as spoken Arabic writes them (Egyptian, Levantine, Gulf): ت for ث, teens in -tāsh and
-ṭaʿash, hundreds run together with مية — with the proclitics any number word may carry."""

from __future__ import annotations

import pytest
from grading.build import number, year

from tutor.grading import grade
from tutor.grading.numbers import figures

SPOKEN = [
    ("اتنين", 2), ("تنين", 2), ("ثنين", 2), ("تلاتة", 3), ("تلات", 3), ("تمانية", 8),
    ("تمنية", 8), ("تلاتين", 30), ("تمانين", 80),
    ("احداشر", 11), ("حداشر", 11), ("احدعش", 11), ("اتناشر", 12), ("اطناشر", 12), ("ثنعش", 12),
    ("تلتاشر", 13), ("تلطاشر", 13), ("ثلطعش", 13), ("اربعتاشر", 14), ("اربعطعش", 14),
    ("خمستاشر", 15), ("خمسطاشر", 15), ("خمسطعش", 15), ("ستاشر", 16), ("سطاشر", 16),
    ("سطعش", 16), ("سبعتاشر", 17), ("سبعطعش", 17), ("تمنتاشر", 18), ("تمانتاشر", 18),
    ("ثمنطعش", 18), ("تسعتاشر", 19), ("تسعطاشر", 19),
    ("ميتين", 200), ("تلتمية", 300), ("ربعمية", 400), ("خمسمية", 500), ("تمنمية", 800),
    ("التالت", 3), ("تامن", 8),
]  # fmt: skip


@pytest.mark.parametrize(("word", "value"), SPOKEN)
def test_a_spoken_number_word_is_its_value(word: str, value: int) -> None:
    assert figures(word).values == (value,)


@pytest.mark.parametrize(("word", "value"), [(w, v) for w, v in SPOKEN if len(w) > 3])
@pytest.mark.parametrize("clitic", ["و", "ب", "ل"])
def test_with_a_proclitic(word: str, value: int, clitic: str) -> None:
    assert figures(clitic + word).values == (value,)


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("تلاتة وتلاتين", 33), ("خمسة وتلاتين", 35), ("تلات تلاف", 3000), ("الفين وتلاتة", 2003),
        ("ألفين وتمنتاشر", 2018), ("تلتمية وخمسين", 350), ("ميتين وتنين", 202),
    ],
)  # fmt: skip
def test_spoken_words_compose_like_written_ones(answer: str, value: int) -> None:
    assert figures(answer).values == (value,)


def test_graded_as_the_figure_and_wrong_when_it_is_another() -> None:
    assert grade(number(15), "خمستاشر").correct
    assert grade(number(15), "يوم خمستاشر").correct
    assert not grade(number(15), "ستاشر").correct
    assert grade(number(2), "تنين").correct
    assert not grade(number(3), "تنين").correct
    assert grade(number(30), "لتلاتين سنة").correct
    assert grade(year(2018), "ألفين وتمنتاشر").correct


def test_a_typo_between_two_spellings_of_one_number_is_that_number() -> None:
    # "تلاثة" is one letter from both ثلاثة and تلاتة: three either way
    assert figures("تلاثة").values == (3,)
