"""A choice named by its position as people say it: "answer A", "option a", "التاني", "الجواب ب"."""

from __future__ import annotations

import pytest
from grading.build import choice, loc

from tutor.grading import grade

CITY = choice(loc("موسكو", "Moscow"), loc("بيونغ يانغ", "Pyongyang"), loc("قازان", "Kazan"),
              loc("سوتشي", "Sochi"), answer=1)  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "shown", "right"),
    [
        ("التاني", None, True),  # spoken ت for ث: the second
        ("التانية", None, True),
        ("الخيار التاني", None, True),
        ("التالت", [2, 0, 1, 3], True),  # the third as shown is the bank's second
        ("التالت", None, False),
        ("answer B", None, True),
        ("answer A", [1, 0, 2, 3], True),
        ("answer A", None, False),
        ("option b", None, True),
        ("option a", [1, 0, 2, 3], True),
        ("option a", None, False),
        ("the answer is b", None, True),
        ("الجواب ب", None, True),
        ("الجواب أ", [1, 0, 2, 3], True),
        ("الجواب ج", None, False),
        ("الإجابة ب", None, True),
    ],
)
def test_position_words(answer: str, shown: list[int] | None, right: bool) -> None:
    assert grade(CITY, answer, shown=shown).correct is right


@pytest.mark.parametrize("answer", ["a", "answer", "the answer", "option"])
def test_a_choice_word_alone_names_no_option_but_a(answer: str) -> None:
    """ "a" alone is option a (as before); a choice word with nothing after it names none."""
    assert grade(CITY, answer, shown=[1, 0, 2, 3]).correct is (answer == "a")
