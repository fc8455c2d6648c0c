"""The fitted decision to answer (tutor/ask/confidence.py): what it declines and answers on the
bundled articles that the two hand-set thresholds it replaced did not, and how it reads its
features."""

from __future__ import annotations

import pytest

from tutor.ask import confidence, search
from tutor.bank import load_bank


@pytest.mark.parametrize(
    "question",
    [
        "what is the name of kim jong un's sister?",
        "What is the name of Kim Jong Un's daughter?",
        "what language is spoken in north korea?",
        "شو اسم السفير الروسي ببيونغ يانغ",
    ],
)
def test_questions_on_the_right_people_but_not_what_the_articles_say_are_declined(question):
    # each finds a passage on Kim Jong Un, North Korea or Russia's embassy that the old
    # thresholds (coverage 0.30, score share 0.60) answered with
    assert not search(load_bank(), question).answered


def test_a_colloquial_question_the_thresholds_declined_is_answered():
    found = search(load_bank(), "كيف سمى كيم الصراع اللي دخلته موسكو")
    assert found.answered


def _x(**given: float) -> tuple[float, ...]:
    base = dict.fromkeys(confidence.NAMES, 0.0) | {"filled": 1.0, "said": 1.0, "length": 1.5}
    return tuple((base | given)[n] for n in confidence.NAMES)


def test_more_of_the_question_found_never_makes_an_answer_less_likely():
    for name in ("coverage", "share"):
        given = [{"coverage": 0.5, "share": 0.8} | {name: v} for v in (0.0, 0.3, 0.6, 0.9, 1.2)]
        p = [confidence.probability(_x(**g)) for g in given]
        assert p == sorted(p), name


def test_a_passage_without_the_kind_of_answer_asked_for_never_answers():
    assert confidence.answers(_x(coverage=1.0, share=3.0, asks=1.0, focus_text=1.0))
    assert not confidence.answers(
        _x(coverage=1.0, share=3.0, asks=1.0, focus_text=1.0, filled=0.0, said=0.0)
    )


def test_a_passage_that_says_none_of_what_is_asked_never_answers():
    # its names may all be there, and score high
    assert not confidence.answers(_x(coverage=1.0, share=3.0, entities=1.0, said=0.0))


def test_focus_words_found_never_make_an_answer_less_likely():
    for name in ("focus_text", "focus_any"):
        given = [{"share": 0.8} | {name: v} for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
        p = [confidence.probability(_x(**g)) for g in given]
        assert p == sorted(p), name


def test_asking_about_the_present_never_makes_an_answer_more_likely():
    x = {"share": 0.8, "focus_text": 1.0}
    assert confidence.probability(_x(**x, now=1.0)) < confidence.probability(_x(**x))
