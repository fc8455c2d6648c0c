"""Lists earn credit item by item; choices by letter, number or text; yes/no in both languages."""

from __future__ import annotations

import pytest
from grading.build import boolean, choice, listing, loc

from tutor.grading import grade

CITIES = listing(loc("فلاديفوستوك", "Vladivostok"), loc("خاباروفسك", "Khabarovsk"),
                 loc("كومسومولسك", "Komsomolsk"))  # fmt: skip
TWO_OF_THREE = listing(*CITIES.answer, need=2)


@pytest.mark.parametrize(
    ("q", "answer", "verdict", "score", "reason"),
    [
        (CITIES, "Vladivostok, Khabarovsk, Komsomolsk", "correct", 1.0, ""),
        (CITIES, "فلاديفوستوك وخاباروفسك وكومسومولسك", "correct", 1.0, ""),
        (CITIES, "Khabarovsk\nVladivostok\nKomsomolsk", "correct", 1.0, ""),
        (CITIES, "Vladivostok and Khabarovsk", "partial", 0.6667, "2 of 3 named"),
        (TWO_OF_THREE, "Khabarovsk and Komsomolsk", "correct", 1.0, ""),
        (TWO_OF_THREE, "Vladivostok, Moscow", "partial", 0.25, "1 of 2 named; not on the list: moscow"),
        (TWO_OF_THREE, "Vladivostok, Khabarovsk, Moscow, Kazan", "partial", 0.5, None),
        (CITIES, "Moscow", "incorrect", 0.0, "0 of 3 named; not on the list: moscow"),
    ],
)  # fmt: skip
def test_lists(q, answer, verdict, score, reason) -> None:
    v = grade(q, answer)
    assert (v.verdict, v.score) == (verdict, score)
    if reason is not None:
        assert v.reason == reason


def test_naming_every_candidate_cannot_earn_full_marks() -> None:
    v = grade(TWO_OF_THREE, "Vladivostok, Khabarovsk, Moscow, Kazan, Sochi, Irkutsk")
    assert v.score < 1.0


LEADER = choice(loc("كيم إيل سونغ", "Kim Il Sung"), loc("كيم جونغ إيل", "Kim Jong Il"),
                loc("كيم جونغ أون", "Kim Jong Un"), answer=2)  # fmt: skip


@pytest.mark.parametrize(
    "answer",
    ["c", "C", "3", "(c)", "c.", "٣", "ج", "option c", "الخيار 3", "Kim Jong Un", "كيم جونغ أون"],
)
def test_choice_by_letter_number_or_text(answer: str) -> None:
    assert grade(LEADER, answer).correct


def test_option_a_is_a_letter_not_an_article() -> None:
    first = choice(loc(en="Moscow"), loc(en="Pyongyang"), answer=0)
    assert grade(first, "a").correct and grade(first, "A").correct and grade(first, "أ").correct
    assert not grade(first, "b").correct


REVIEW = choice(
    loc("ضرورة مراجعة نظام العقوبات ضد كوريا الشمالية",
        "that the sanctions regime against North Korea must be reviewed"),
    loc("التزام روسيا الكامل بعقوبات مجلس الأمن", "Russia's full compliance with the sanctions"),
    loc("رفع جميع العقوبات فورًا", "lifting all sanctions at once"),
    answer=0,
)  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ("reviewing the sanctions regime against North Korea", "correct"),
        ("مراجعة نظام العقوبات على كوريا الشمالية", "correct"),
        ("full compliance with the sanctions", "incorrect"),  # restates another option
        ("the sanctions", "incorrect"),  # a fragment names no option
        ("reviewing sanctions, lifting sanctions", "incorrect"),  # two options at once
    ],
)
def test_a_choice_in_the_learners_own_words(answer: str, verdict: str) -> None:
    assert grade(REVIEW, answer).verdict == verdict


@pytest.mark.parametrize("answer", ["b", "2", "Kim Jong Il", "كيم جونغ إيل", "b or c", "d"])
def test_wrong_or_several_choices(answer: str) -> None:
    assert grade(LEADER, answer).verdict == "incorrect"


@pytest.mark.parametrize(
    ("value", "answer", "right"),
    [
        (True, "yes", True), (True, "نعم", True), (True, "صح", True), (True, "صحيح", True),
        (True, "true", True), (True, "بلى", True), (True, "no", False), (True, "لا", False),
        (True, "خطأ", False), (False, "not true", True), (False, "ليس صحيحا", True),
        (False, "غلط", True), (False, "yes", False),
    ],
)  # fmt: skip
def test_yes_and_no_in_both_languages(value: bool, answer: str, right: bool) -> None:
    assert grade(boolean(value), answer).correct is right


def test_yes_and_no_together_is_a_hedge() -> None:
    assert grade(boolean(True), "yes or no").reason == "give one answer, not several"


@pytest.mark.parametrize(
    "answer", ["", "   ", "لا أعرف", "لا اعرف", "I don't know", "idk", "ما بعرف", "?"]
)
def test_no_answer_is_wrong_without_a_penalty_message(answer: str) -> None:
    v = grade(CITIES, answer)
    assert v.verdict == "incorrect" and v.no_answer and v.reason == ""
