"""What a question asks of its names (tutor/ask/focus.py), and the decision to answer made on
it: a passage on the right people that does not say what is asked is declined, in Arabic and
English."""

from __future__ import annotations

import pytest

from tutor.ask import focus, ranker, search
from tutor.ask.analyze import terms
from tutor.ask.index import build
from tutor.bank import load_bank
from tutor.bank.model import Localized

from .test_rank import bank, q


@pytest.fixture(scope="module")
def bundled():
    return build(load_bank())


def _split(index, question: str) -> tuple[set[str], set[str]]:
    query = ranker.query(index, question)
    is_name = focus.split(index, query, question)
    entities = {t for t, e in zip(query.terms, is_name, strict=True) if e}
    return entities, set(query.terms) - entities


@pytest.mark.parametrize(
    ("question", "entities", "asked"),
    [
        ("Which university did Andrei Mortazin graduate from?", "andrei mortazin",
         "university graduate"),
        ("which university did andrei mortazin graduate from?", "andrei mortazin",
         "university graduate"),
        ("من أي جامعة تخرج أندريه مورتازين؟", "أندريه مورتازين", "جامعة تخرج"),
        ("how many north korean workers are in russia in 2024?", "north korean russia 2024",
         "workers"),
        ("كم عاملا من كوريا الشمالية في روسيا؟", "كوريا الشمالية روسيا", "عاملا"),
        ("What was the vote count on the June UN resolution?", "june un", "vote count resolution"),
    ],
)  # fmt: skip
def test_a_question_splits_into_the_names_it_is_about_and_what_it_asks_of_them(
    bundled, question, entities, asked
):
    # names the bank knows (its English capitalises them; the Arabic its glossary gives them),
    # numbers, and words that are no common word are entities; the rest is what is asked
    got_entities, got_focus = _split(bundled, question)
    assert got_entities == set(terms(entities))
    assert got_focus == set(terms(asked))


def test_a_name_only_the_question_writes_capitalised_is_an_entity(bundled):
    entities, asked = _split(bundled, "What did Zelensky say about the treaty?")
    assert "zelenski" in entities
    assert "treati" in asked
    # "University" is in names the bank writes ("Ewha University"), and in lower case too
    entities, asked = _split(bundled, "which university did Zelensky go to?")
    assert "universiti" in asked


def test_focus_words_are_looked_for_in_the_passage_not_in_its_bank_questions():
    # the bank question on the sentence says مسقط رأس (birthplace); the sentence does not
    b = bank(
        q("born", "What is the writer's birthplace?", "ما مسقط رأس الكاتب؟", "وُلد الكاتب",
          explanation=Localized(ar="مسقط رأسه قازان.", en="His birthplace is Kazan.")),
    )  # fmt: skip
    index = build(b)
    question = "ما مسقط رأس الكاتب"
    query, hits = ranker.rank(index, question, k=3)
    word = terms("مسقط")[0]
    at = query.terms.index(word)
    assert ranker.found(index, query, hits[0].sentence)[at] == 1.0
    assert focus.in_text(index, query, hits[0].sentence)[at] == 0.0


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("how many north korean workers are in russia right now?", True),
        ("who is russia's defence minister currently?", True),
        ("what is the trade between the two countries today?", True),
        ("كم عدد العمال الكوريين في روسيا حاليا؟", True),
        ("مين رئيس وزراء اليابان هلق؟", True),
        ("من هو وزير الدفاع الروسي الحالي؟", True),
        ("who will lead north korea in 2031?", True),  # after the articles' latest year
        ("how many north korean workers were in russia in 2023?", False),
        ("when did the treaty enter into force?", False),
        ("متى دخلت المعاهدة حيز التنفيذ؟", False),
        ("ليش كيم قاعد يتقرب من موسكو؟", False),
    ],
)
def test_a_question_about_the_present_asks_past_what_the_articles_say(bundled, question, now):
    assert focus.asks_now(question, focus.latest_year(bundled)) is now


@pytest.mark.parametrize(
    "question",
    [
        # the people are in the articles; where they studied is not
        "which university did andrei mortazin graduate from?",
        "من أي جامعة تخرج أندريه مورتازين؟",
        # the workers and the ministry are; how things stand now is not
        "how many north korean workers are in russia right now?",
        "كم عامل كوري شمالي في روسيا حاليا؟",
        "who is russia's defence minister now?",
        "مين وزير الدفاع الروسي هلق؟",
    ],
)
def test_a_question_on_the_right_people_that_asks_what_the_articles_do_not_say_is_declined(
    question,
):
    # each was answered by the decision fitted on coverage and BM25 alone
    assert not search(load_bank(), question).answered


@pytest.mark.parametrize(
    "question",
    [
        "how many hours did the putin kim meeting last?",
        "كم ساعة استمر لقاء بوتين وكيم؟",
        "when did the treaty enter into force?",
        "متى دخلت المعاهدة حيز التنفيذ؟",
        "what did lavrov say about sanctions?",
        "لماذا زار بوتين بيونغ يانغ؟",
    ],
)
def test_what_the_articles_plainly_say_is_still_answered(question):
    assert search(load_bank(), question).answered
