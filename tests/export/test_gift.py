"""GIFT: the whole bundled bank reads back through a strict GIFT reader with the same questions,
types and keys; Moodle's special characters survive; both languages ride in multilang spans."""

from __future__ import annotations

import re

import pytest
from export.gift_checker import GiftError, parse

from tutor.export.common import answer_forms
from tutor.export.gift import gift_escape, write_gift

MULTILANG = re.compile(
    r'<span lang="(ar|en)" class="multilang">([^<]*(?:<(?!/?span)[^<]*)*)</span>'
)
TYPES = {
    "text": "shortanswer", "date": "shortanswer", "number": "numerical", "year": "numerical",
    "choice": "multichoice", "bool": "truefalse", "list": "essay", "order": "match",
}  # fmt: skip


def test_the_whole_bundled_bank_parses_with_every_key(bundled):
    out = write_gift(bundled, bundled.questions, None, seed=7)
    parsed = {q.name: q for q in parse(out.data.decode("utf-8"))}
    assert len(parsed) == len(bundled.questions) == out.count
    for q in bundled.questions:
        g = parsed[q.id]
        assert g.qtype == TYPES[q.type], q.id
        assert g.category == f"$course$/top/tutor/{q.article}"
        if g.qtype == "shortanswer":
            right = [a.text for a in g.answers if a.fraction == 1.0]
            assert right == answer_forms(q)
            assert [a.text for a in g.answers if a.fraction == 0.0] == ["*"]
        elif g.qtype == "numerical":
            assert float(g.answers[0].text) == float(q.answer)
            assert g.tolerance == float(q.tolerance or 0)
        elif g.qtype == "multichoice":
            right = [a.text for a in g.answers if a.fraction == 1.0]
            key = q.choices[q.answer]
            assert right == [
                f'<span lang="ar" class="multilang">{key.ar}</span>'
                f'<span lang="en" class="multilang">{key.en}</span>'
            ]
            assert len(g.answers) == len(q.choices)
        elif g.qtype == "truefalse":
            assert g.answers[0].text == ("TRUE" if q.answer else "FALSE")
        assert f"[id:{q.id}]" in g.comments[0]


def test_multichoice_options_are_shuffled_by_seed_not_left_key_first(bundled):
    choices = [q for q in bundled.questions if q.type == "choice"]
    first = [parse(write_gift(bundled, [q], "en", seed=1).data.decode())[0] for q in choices]
    key_first = sum(g.answers[0].fraction == 1.0 for g in first)
    assert key_first < len(choices) * 0.6  # the bank puts most keys first; the export must not
    again = [parse(write_gift(bundled, [q], "en", seed=1).data.decode())[0] for q in choices]
    assert [[a.text for a in g.answers] for g in again] == [
        [a.text for a in g.answers] for g in first
    ]


def test_special_characters_are_escaped_and_read_back_exactly(order_bank):
    q = order_bank.get("special-chars")
    out = write_gift(order_bank, [q], "en").data.decode()
    g = parse(out)[0]
    assert g.qtype == "shortanswer"
    assert [a.text for a in g.answers if a.fraction == 1.0] == ["علامة {=}", "sign {=} #2: ~x"]
    # the text is HTML ([html]): '>' is an entity, so '->' cannot make it a matching question
    assert g.text == "Which sign: a~b = c #1 {x}: y -&gt; z \\ w?"
    assert "because a = b; c ~ d" in g.general_feedback


def test_escape_covers_every_reserved_character():
    assert gift_escape("a~b=c#d{e}f:g\\h\nI") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nI"


def test_an_order_question_becomes_matching_each_item_to_its_place(order_bank):
    q = order_bank.get("treaties-order")
    out = write_gift(order_bank, [q], "en", seed=3)
    g = parse(out.data.decode())[0]
    assert g.qtype == "match"
    assert sorted(g.pairs, key=lambda p: p[1]) == [
        ("the friendship treaty", "1"), ("the new treaty", "2"),
        ("the comprehensive partnership", "3"),
    ]  # fmt: skip
    assert out.changed == [("treaties-order", "matching (each item to its place)")]


def test_both_languages_travel_in_multilang_spans_one_language_alone_without(bundled):
    q = bundled.get("ast-camp-david")
    both = parse(write_gift(bundled, [q], None).data.decode())[0]
    spans = MULTILANG.findall(both.text)
    assert [lang for lang, _ in spans] == ["ar", "en"]
    assert spans[0][1] == q.prompt.ar and spans[1][1] == q.prompt.en
    ar = parse(write_gift(bundled, [q], "ar").data.decode())[0]
    assert ar.text == q.prompt.ar and "multilang" not in ar.general_feedback


def test_lists_become_essays_with_the_key_in_the_feedback(bundled):
    q = next(q for q in bundled.questions if q.type == "list")
    out = write_gift(bundled, [q], "en")
    g = parse(out.data.decode())[0]
    assert g.qtype == "essay"
    assert all(item.en in g.general_feedback for item in q.answer)
    assert out.changed and out.changed[0][0] == q.id


def test_the_checker_rejects_what_moodle_would_misread():
    with pytest.raises(GiftError):
        parse("::a::What is {1}?{=x}")
    with pytest.raises(GiftError):
        parse("::a::What? {=x \\q}")
