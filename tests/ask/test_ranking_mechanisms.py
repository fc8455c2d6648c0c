"""How the ranking weighs what a question says, each mechanism on a small article built here, in
Arabic and in English, so that no test depends on how the bundled articles word a thing."""

from __future__ import annotations

import pytest

from tutor.ask import ranker
from tutor.ask.index import build
from tutor.bank.model import Article, Bank

from .test_rank import bank

FILLER_AR = "".join(f"وفي العدد {n} خبر آخر.\n" for n in range(30))
FILLER_EN = "".join(f"Issue {n}: more news.\n" for n in range(30))


def _bank(text: str) -> Bank:
    return Bank([], {"a": Article(id="a", text=text)})


def _first(b: Bank, question: str) -> str:
    """The sentence ranked first for `question` (ranking alone: whether to answer at all is
    tutor/ask/confidence.py's to say)."""
    index = build(b)
    _, hits = ranker.rank(index, question, k=3)
    assert hits, question
    s = index.sentences[hits[0].sentence]
    return b.articles[s.article].text[s.start : s.end]


# The question's words said together in one sentence, and the same words spread over three short
# unrelated sentences in a row: the sentence that says them together is the answer.
TOGETHER = [
    (
        "وباع المزارعون الروس أقل هذا العام.\n"
        "وارتفع سعر القمح حين أغلق الميناء.\n"
        "وفي الشتاء وصلت السفن إلى الشمال.\n"
        + FILLER_AR
        + "وقال التقرير إن القمح الروسي وصل إلى الميناء في الشتاء بعد رحلة طويلة.\n"
        + FILLER_AR,
        "متى وصل القمح الروسي إلى الميناء؟",
        "إن القمح الروسي وصل إلى الميناء في الشتاء",
    ),
    (
        "Russian farmers sold less this year.\n"
        "Wheat prices rose when the harbour closed.\n"
        "In winter the ships reached the north.\n"
        + FILLER_EN
        + "The report said the Russian wheat reached the harbour in winter after a long voyage.\n"
        + FILLER_EN,
        "when did the russian wheat reach the harbour?",
        "the Russian wheat reached the harbour in winter",
    ),
]


@pytest.mark.parametrize(("text", "question", "answer"), TOGETHER, ids=["ar", "en"])
def test_words_said_together_in_one_sentence_beat_the_same_words_spread_over_three(
    text, question, answer
):
    assert answer in _first(_bank(text), question)


# An ordinary English word that a bank of no questions never says in both languages still
# reaches the Arabic sentence that says it (tutor/ask/words.tsv).
ORDINARY = [
    ("when did the writer die?", "وتوفي في الشتاء"),
    ("where did he travel?", "وسافر إلى الصين"),
]


@pytest.mark.parametrize(("question", "answer"), ORDINARY)
def test_an_ordinary_english_word_reaches_the_arabic_that_says_it(question, answer):
    b = bank()
    index = build(b)
    _, hits = ranker.rank(index, question, k=1)
    assert hits, question
    start, end = ranker.passage_bounds(index, hits[0].sentence)
    assert answer in b.articles["life"].text[start:end]


# An everyday dialect verb is read as the standard verb the article uses.
DIALECT = [
    ("وين اشتغل الكاتب؟", "وعمل بعد ذلك في مصنع"),  # Levantine/Egyptian: worked
    ("هو اتجوز مين؟", "وتزوج من طبيبة"),  # Egyptian: married
]


@pytest.mark.parametrize(("question", "answer"), DIALECT, ids=["ishtaghal", "itgawwiz"])
def test_an_everyday_dialect_verb_finds_the_standard_verb_of_the_article(question, answer):
    b = bank()
    index = build(b)
    _, hits = ranker.rank(index, question, k=1)
    assert hits, question
    start, end = ranker.passage_bounds(index, hits[0].sentence)
    assert answer in b.articles["life"].text[start:end]
