"""Colloquial Arabic questions read as the standard words they stand for: dropped as question
words by the search, and read as "when", "who", "how many" by the decline rule."""

from __future__ import annotations

import pytest

from tutor.ask import search
from tutor.ask.decline import slot
from tutor.ask.dialect import standard, table, unglued
from tutor.ask.index import build
from tutor.ask.ranker import query
from tutor.grading.normalize import normalize

from .test_rank import bank, q

# One group of the table each: the dialect words, and the standard word they must read as.
GROUPS = [
    ("what", ["شو", "ايش", "إيه", "وش"], "ماذا"),
    ("why", ["ليش", "ليه"], "لماذا"),
    ("where", ["وين", "فين"], "أين"),
    ("when", ["امتى", "إمتى", "وقتيش"], "متى"),
    ("who", ["مين", "منو"], "من"),
    ("how", ["ازاي", "شلون"], "كيف"),
    ("how many", ["قديش", "كام"], "كم"),
    ("wants", ["بدها", "بدو"], "يريد"),
    ("will", ["رح", "ح", "راح"], "سوف"),
    ("this", ["هاد", "هيدا"], "هذا"),
    ("which", ["اللي"], "الذي"),
    ("not", ["مش"], "ليس"),
    ("said", ["حكى"], "قال"),
]


@pytest.mark.parametrize(("group", "said", "meant"), GROUPS)
def test_each_group_of_dialect_words_reads_as_its_standard_word(group, said, meant):
    groups, _ = table()
    assert group in groups
    for word in said:
        got = standard(word)
        if group == "wants":  # بدها is "she wants": any person of the verb
            assert got in {normalize(w) for w in ("يريد", "تريد", "أريد", "يريدون")}, word
        else:
            assert got == normalize(meant), word


def test_a_dialect_prefix_comes_off_only_as_a_reading_to_try():
    assert "الحكم" in unglued("عالحكم")  # على الحكم
    assert "التحالف" in unglued("هالتحالف")  # هذا التحالف
    assert "يشتغل" in unglued("بيشتغل")  # the Levantine b- of the present tense
    assert unglued("عالم") == []  # too short a rest to be a word


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("امتى توفي الكاتب", "date"),
        ("وقتيش انولد الكاتب", "date"),
        ("قديش ابن عندو الكاتب", "figure"),
        ("كام ابن عنده الكاتب", "figure"),
        ("مين اسس المجله", "name"),
        ("منو اسس المجله", "name"),
        ("وين ولد الكاتب", "place"),  # where asks for a place, why for a reason
        ("ليش سافر الكاتب عالصين", "reason"),
        ("شو درس الكاتب", None),
        # "who" straight before a name asks what that person is, as "who is" does
        ("مين ستانيسلاف تكاشينكو", None),
        # "what drove ..." asks for a reason, not a price; paying with "how much" asks for one
        ("ما الذي دفع قادة البلدين للتعاون", None),
        ("كم دفعت روسيا", "money"),
    ],
)
def test_the_decline_rule_reads_the_slot_of_a_dialect_question(question, kind):
    assert slot(question) == kind


def test_dialect_question_words_weigh_nothing_in_the_search():
    index = build(
        bank(q("life", "Where was the writer born?", "أين ولد الكاتب؟", "في مدينة قازان"))
    )
    standard_terms = query(index, "أين ولد الكاتب").terms
    assert query(index, "وين ولد الكاتب").terms == standard_terms
    assert (
        query(index, "شو اللي بدو يعمل الكاتب").terms
        == query(index, "ماذا الذي يريد يعمل الكاتب").terms
    )


def test_a_question_in_dialect_is_answered_as_its_standard_twin():
    b = bank(q("life", "Where was the writer born?", "أين ولد الكاتب؟", "في مدينة قازان"))
    for asked, wanted in [
        ("امتى انولد الكاتب بمدينة قازان", "عام 1950"),
        ("قديش ابن انجب الكاتب من الطبيبه اللي تزوجها", "ثلاثة أبناء"),
        ("وين درس الكاتب الهندسه", "موسكو"),
    ]:
        found = search(b, asked)
        assert found.answered, asked
        assert wanted in found.passages[0].text, asked
    # and a dialect "when" still asks for a date the passage lacks
    assert not search(b, "امتى انعمل تمثال الكاتب بالساحه الكبرى").answered


@pytest.mark.parametrize(
    "question",
    [
        "what is the population of north korea?",
        "what was the length of the bridge",
        "ما عدد سكان كوريا الشمالية؟",
        "شو عدد سكان كوريا الشماليه",
    ],
)
def test_a_quantity_asked_for_by_its_noun_asks_for_a_figure(question):
    assert slot(question) == "figure"
