"""Order questions: labels as shown or names in either language; credit by pairs in order."""

from __future__ import annotations

import pytest
from grading.build import loc

from tutor.bank.model import Question
from tutor.grading import grade

TREATIES = Question(
    "o",
    "order",
    (
        loc("معاهدة الصداقة 1961", "the 1961 friendship treaty", "1961"),
        loc("معاهدة 2000", "the 2000 treaty", "2000"),
        loc("الشراكة الاستراتيجية الشاملة", "the comprehensive strategic partnership", "2024"),
    ),
)
SHOWN = (1, 2, 0)  # shown as a) 2000  b) 2024  c) 1961: the right order is "c a b"


@pytest.mark.parametrize(
    ("answer", "verdict", "score", "reason"),
    [
        ("c a b", "correct", 1.0, ""),
        ("C, A, B", "correct", 1.0, ""),
        ("cab", "correct", 1.0, ""),
        ("3 1 2", "correct", 1.0, ""),
        ("3,1,2", "correct", 1.0, ""),
        ("ج أ ب", "correct", 1.0, ""),
        ("ج، ا، ب", "correct", 1.0, ""),
        ("٣ ١ ٢", "correct", 1.0, ""),
        ("٣،١،٢", "correct", 1.0, ""),
        ("ج ثم أ ثم ب", "correct", 1.0, ""),
        ("a b c", "partial", 0.3333, "1 of 3 pairs in the right order"),  # not the bank's order
        ("a c b", "partial", 0.6667, "2 of 3 pairs in the right order"),
        ("c b a", "partial", 0.6667, "2 of 3 pairs in the right order"),
        ("b a c", "incorrect", 0.0, "0 of 3 pairs in the right order"),
        ("c a", "partial", 0.3333, "1 of 3 pairs in the right order; 2 of 3 items placed"),
        ("c a d", "incorrect", 0.0, "not one of the items: d"),
        ("3 1 4", "incorrect", 0.0, "not one of the items: 4"),
        ("c c b", "incorrect", 0.0, "each item once: معاهدة الصداقة 1961 is named twice"),
        ("c", "incorrect", 0.0, "put all the items in order, e.g. “b a c”"),
    ],
)  # fmt: skip
def test_labels_name_the_items_as_shown(answer, verdict, score, reason) -> None:
    v = grade(TREATIES, answer, shown=SHOWN)
    assert (v.verdict, v.score, v.reason) == (verdict, score, reason)


@pytest.mark.parametrize(
    ("answer", "verdict", "score"),
    [
        ("1961, 2000, 2024", "correct", 1.0),
        ("1961 2000 2024", "correct", 1.0),
        ("1961 then 2000 then 2024", "correct", 1.0),
        ("the 1961 friendship treaty -> the 2000 treaty -> the comprehensive strategic "
         "partnership", "correct", 1.0),
        ("معاهدة الصداقة 1961، معاهدة 2000، الشراكة الاستراتيجية الشاملة", "correct", 1.0),
        ("معاهده الصداقه ١٩٦١ ثم معاهدة ٢٠٠٠ ثم الشراكة الاستراتيجية الشاملة", "correct", 1.0),
        ("٢٠٠٠، ١٩٦١، ٢٠٢٤", "partial", 0.6667),
        ("2024, 2000, 1961", "incorrect", 0.0),
        ("1961, 2000", "partial", 0.3333),
        ("1961, 1991, 2000", "incorrect", 0.0),
        ("1961, 2000, 2000", "incorrect", 0.0),
    ],
)  # fmt: skip
def test_names_in_either_language(answer, verdict, score) -> None:
    v = grade(TREATIES, answer, shown=SHOWN)
    assert (v.verdict, v.score) == (verdict, score)


def test_reasons_in_arabic_never_give_the_order_away() -> None:
    v = grade(TREATIES, "a b c", shown=SHOWN)
    assert v.reason_ar == "1 من 3 من الأزواج في ترتيبها الصحيح"
    assert "1961" not in v.reason + v.reason_ar


def test_without_a_display_order_labels_follow_the_bank() -> None:
    assert grade(TREATIES, "a b c").correct
    assert grade(TREATIES, "1 2 3").correct


def test_credit_is_the_share_of_pairs_in_order_on_six_items() -> None:
    words = ("one", "two", "three", "four", "five", "six")
    six = Question("six", "order", tuple(loc(en=f"event {w}") for w in words))
    assert grade(six, "a b c d f e").score == round(14 / 15, 4)  # one adjacent swap
    assert grade(six, "f e d c b a").verdict == "incorrect"
    assert grade(six, "و ه د ج ب ا").verdict == "incorrect"  # و is the sixth label here
    assert grade(six, "ا ب ج د ه و").correct
