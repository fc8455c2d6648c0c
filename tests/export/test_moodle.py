"""Moodle XML: parsed, and checked against the structure Moodle's importer (qformat_xml) reads
for each question type; keys, tolerances, units, hints, evidence and languages carried."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tutor.export.common import answer_forms
from tutor.export.moodle import write_moodle

# What qformat_xml reads for each type: child elements that must be there.
REQUIRED = {
    "shortanswer": ["usecase", "answer"],
    "numerical": ["answer", "unitgradingtype", "showunits"],
    "multichoice": ["single", "shuffleanswers", "answernumbering", "answer"],
    "truefalse": ["answer"],
    "matching": ["shuffleanswers", "subquestion"],
    "essay": ["responseformat", "responserequired", "graderinfo", "responsetemplate"],
}
COMMON = ["name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "penalty",
          "hidden", "idnumber"]  # fmt: skip
# Moodle's multilang filter: exactly lang and class, no span inside (filter/multilang/filter.php)
SPAN = re.compile(r'<span(\s+lang="[a-zA-Z0-9_-]+"|\s+class="multilang"){2}\s*>(.*?)</span>', re.S)


def check_structure(root: ET.Element) -> list[ET.Element]:
    """Every question element, after asserting Moodle's structure; returns the real questions."""
    assert root.tag == "quiz"
    questions = []
    for el in root:
        assert el.tag == "question"
        kind = el.get("type")
        if kind == "category":
            assert el.findtext("category/text", "").startswith("$course$/top/")
            continue
        assert kind in REQUIRED, kind
        for path in COMMON + REQUIRED[kind]:
            assert el.find(path) is not None, (el.findtext("name/text"), path)
        assert el.find("questiontext").get("format") == "html"
        for a in el.findall("answer"):
            assert a.get("fraction") in ("0", "100")
            assert a.find("text") is not None and a.find("feedback/text") is not None
        if kind == "multichoice":
            assert [a.get("fraction") for a in el.findall("answer")].count("100") == 1
        if kind == "truefalse":
            assert sorted(a.findtext("text") for a in el.findall("answer")) == ["false", "true"]
        if kind == "numerical":
            assert all(a.find("tolerance") is not None for a in el.findall("answer"))
        if kind == "matching":
            for sub in el.findall("subquestion"):
                assert sub.find("text") is not None and sub.find("answer/text") is not None
        questions.append(el)
    return questions


def html_fields(el: ET.Element) -> list[str]:
    return [t.text or "" for t in el.iter("text")]


def test_the_whole_bundled_bank_has_moodles_structure_and_keys(bundled):
    out = write_moodle(bundled, bundled.questions, None, seed=5)
    qs = check_structure(ET.fromstring(out.data))
    assert len(qs) == len(bundled.questions) == out.count
    cats = [
        e.findtext("category/text") for e in ET.fromstring(out.data) if e.get("type") == "category"
    ]
    assert cats == [
        f"$course$/top/tutor/{a}" for a in dict.fromkeys(q.article for q in bundled.questions)
    ]
    by_id = {e.findtext("idnumber"): e for e in qs}
    for q in bundled.questions:
        e = by_id[q.id]
        answers = e.findall("answer")
        if q.type in ("text", "date"):
            assert [
                a.findtext("text") for a in answers if a.get("fraction") == "100"
            ] == answer_forms(q)
            wild = [a for a in answers if a.get("fraction") == "0"]
            assert [a.findtext("text") for a in wild] == ["*"]
            assert "Moodle grades more strictly than tutor" in wild[0].findtext("feedback/text")
        if q.type in ("number", "year"):
            assert float(answers[0].findtext("text")) == float(q.answer)
            assert float(answers[0].findtext("tolerance")) == float(q.tolerance or 0)
            if q.unit:
                assert {u.findtext("unit_name") for u in e.findall("units/unit")} == {
                    q.unit.ar,
                    q.unit.en,
                }
        if q.type == "choice":
            right = next(a for a in answers if a.get("fraction") == "100").findtext("text")
            assert q.choices[q.answer].en in right and q.choices[q.answer].ar in right
        if q.type == "bool":
            right = next(a for a in answers if a.get("fraction") == "100").findtext("text")
            assert right == ("true" if q.answer else "false")
        if q.hint:
            assert q.hint.en in e.findtext("hint/text")
        feedback = e.findtext("generalfeedback/text")
        for quote in q.passages():
            assert quote.text.replace("&", "&amp;").replace("<", "&lt;") in feedback
        if q.explanation:
            assert q.explanation.en in feedback
        assert [t.findtext("text") for t in e.findall("tags/tag")][: len(q.tags)] == list(q.tags)
    assert sorted(qid for qid, _ in out.changed) == sorted(
        q.id
        for q in bundled.questions
        if q.type in ("list", "order")  # essay; matching
    )


def test_every_multilang_span_is_one_moodles_filter_reads(bundled):
    out = write_moodle(bundled, bundled.questions, None, seed=1)
    root = ET.fromstring(out.data)
    seen = 0
    for text in (t for e in root for t in html_fields(e)):
        if "multilang" not in text:
            continue
        spans = SPAN.findall(text)
        assert spans and text.count('class="multilang"') == len(spans), text[:200]
        assert all("<span" not in inner for _, inner in spans)
        seen += len(spans)
    assert seen > 1000


def test_one_language_has_no_spans_and_no_other_language(bundled):
    q = bundled.get("ast-camp-david")
    e = check_structure(ET.fromstring(write_moodle(bundled, [q], "en").data))[0]
    assert e.findtext("questiontext/text") == q.prompt.en.replace("&", "&amp;")
    assert "multilang" not in ET.tostring(e, "unicode")
    e = check_structure(ET.fromstring(write_moodle(bundled, [q], "ar").data))[0]
    assert e.findtext("questiontext/text") == q.prompt.ar


def test_order_is_matching_each_item_to_its_place_and_special_characters_survive(order_bank):
    out = write_moodle(order_bank, order_bank.questions, "en", seed=2)
    by_id = {e.findtext("idnumber"): e for e in check_structure(ET.fromstring(out.data))}
    pairs = {
        s.findtext("text"): s.findtext("answer/text")
        for s in by_id["treaties-order"].findall("subquestion")
    }
    assert pairs == {
        "the friendship treaty": "1",
        "the new treaty": "2",
        "the comprehensive partnership": "3",
    }
    special = by_id["special-chars"]
    assert [a.findtext("text") for a in special.findall("answer")][:2] == [
        "علامة {=}",
        "sign {=} #2: ~x",
    ]
    assert special.findtext("questiontext/text") == "Which sign: a~b = c #1 {x}: y -&gt; z \\ w?"
