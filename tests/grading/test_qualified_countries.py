"""Two countries whose names differ by a qualifier are two countries, in both languages, even when
the qualifier is a word the prompt uses: "North Korea" never answers for South Korea."""

from __future__ import annotations

import pytest

from tutor.bank.model import Localized, Question
from tutor.grading import grade

ACCUSER = Question(
    "accuser", "text", Localized("كوريا الجنوبية", "South Korea"),
    prompt=Localized("من اتهم كوريا الشمالية بإرسال أسلحة؟", "Who accused North Korea of sending arms?"),
    accept=("the Republic of Korea", "Seoul", "جمهورية كوريا"),
)  # fmt: skip
ALLIES = Question(
    "allies", "list", (Localized("كوريا الجنوبية", "South Korea"), Localized("اليابان", "Japan")),
    prompt=Localized("أي حليفين يقلقهما تحالف روسيا وكوريا الشمالية؟",
                     "Which two allies worry about the Russia–North Korea alliance?"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("q", "text", "verdict"),
    [
        (ACCUSER, "North Korea", "incorrect"),
        (ACCUSER, "كوريا الشمالية", "incorrect"),
        (ACCUSER, "شمال كوريا", "incorrect"),
        (ACCUSER, "South Korea", "correct"),
        (ACCUSER, "كوريا الجنوبية", "correct"),
        (ACCUSER, "the Republic of Korea", "correct"),
        (ALLIES, "South Korea and Japan", "correct"),
        (ALLIES, "اليابان وكوريا الجنوبية", "correct"),
        (ALLIES, "Japan and North Korea", "partial"),
    ],
)
def test_a_qualifier_names_another_country(q: Question, text: str, verdict: str) -> None:
    assert grade(q, text).verdict == verdict, grade(q, text)


def test_the_reason_says_it_is_another_country() -> None:
    assert grade(ACCUSER, "North Korea").reason == "north korea is another country"
