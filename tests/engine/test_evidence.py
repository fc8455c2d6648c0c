"""Evidence located in its article, and the answer found inside it for highlighting."""

from __future__ import annotations

import pytest

from tutor.bank.model import Article
from tutor.engine.evidence import highlight_spans, locate
from tutor.engine.session import RoundSpec, Session


def spans_text(passage: str, spans) -> list[str]:
    return [passage[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("qid", "expected"),
    [
        ("t-year", ["1961"]),
        ("t-dover", ["جامعة هال"]),  # after the proclitic ب, not including it
        ("t-cities", ["فلاديفوستوك", "خاباروفسك"]),
        ("t-date", ["19 حزيران/يونيو 2024"]),
        ("a-troops", ["11000"]),
        ("a-choice", ["الصين"]),  # والصين: the و stays out
        ("a-protect", []),  # a true/false answer has nothing to light up
    ],
)
def test_answer_highlighted_in_evidence(bank, qid, expected):
    s = Session(bank, RoundSpec(), questions=[bank.get(qid)])
    ev = s.evidence()
    assert ev is not None
    assert ev.article.text[ev.start : ev.end] == ev.passage
    assert spans_text(ev.passage, ev.highlights) == expected


def test_locate_is_whitespace_insensitive():
    art = Article(id="a", text="قال   روبرت\nدوفر إن الصور")
    assert locate(art, "روبرت دوفر") == (6, 16)
    assert locate(art, "روبرت هارفارد") is None


def test_highlight_forgives_diacritics_hamza_and_digits():
    passage = "وقّع البلدان معاهدة عام ١٩٦١ في موسكو وأنقرة"
    assert spans_text(passage, highlight_spans(passage, ["1961", "انقرة"])) == ["١٩٦١", "أنقرة"]
    shadda = "معاهدةُ الصداقةِ"
    assert spans_text(shadda, highlight_spans(shadda, ["معاهدة الصداقة"])) == ["معاهدةُ الصداقةِ"]


def test_no_highlight_inside_a_longer_number_or_word():
    passage = "عام 1961 وعام 19 وفي هالة"
    assert spans_text(passage, highlight_spans(passage, ["19"])) == ["19"]
    assert highlight_spans("في هالة", ["هال"]) == ()


def test_question_without_evidence_has_none(bank):
    s = Session(bank, RoundSpec(), questions=[bank.get("t-year")])
    assert s.evidence(bank.get("g-capital")) is None
