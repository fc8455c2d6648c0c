"""Moodle XML: the question bank format Moodle imports (Question bank → Import → Moodle XML).

text and date → shortanswer with every accepted form; number and year → numerical with tolerance
and units; choice → multichoice, shuffled; bool → truefalse; order → matching (each item to its
place); list → essay with the key for the grader (Moodle has no type that grades a set of items
in any order). One category per article.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tutor.bank.model import Bank, Localized, Question
from tutor.export.common import STRICT_NOTE, Export, answer_forms, shuffled
from tutor.export.pieces import escape, feedback_html, loc_html, multilang, prompt_html, word


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _texted(parent: ET.Element, tag: str, html: str, fmt: str = "html", **attrs: str):
    el = _sub(parent, tag, format=fmt, **attrs)
    _sub(el, "text", html)
    return el


def _number(x: object) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def _question(bank: Bank, q: Question, lang: str | None, seed: int | None) -> ET.Element:
    kind = {
        "text": "shortanswer", "date": "shortanswer", "number": "numerical", "year": "numerical",
        "choice": "multichoice", "bool": "truefalse", "order": "matching", "list": "essay",
    }[q.type]  # fmt: skip
    el = ET.Element("question", type=kind)
    _sub(_sub(el, "name"), "text", q.id)
    _texted(el, "questiontext", multilang(lambda c: prompt_html(q, c), lang))
    _texted(el, "generalfeedback", multilang(lambda c: feedback_html(bank, q, c), lang))
    _sub(el, "defaultgrade", "1")
    _sub(el, "penalty", "0.3333333")
    _sub(el, "hidden", "0")
    _sub(el, "idnumber", q.id)
    strict = loc_html(STRICT_NOTE, lang)

    def answer(text: str, fraction: int, feedback: str = "", fmt: str = "moodle_auto_format"):
        a = _sub(el, "answer", fraction=str(fraction), format=fmt)
        _sub(a, "text", text)
        _texted(a, "feedback", feedback)
        return a

    if kind == "shortanswer":
        _sub(el, "usecase", "0")
        for form in answer_forms(q):
            answer(form, 100, fmt="plain_text")
        answer("*", 0, strict, fmt="plain_text")
    elif kind == "numerical":
        a = answer(_number(q.answer), 100)
        _sub(a, "tolerance", _number(q.tolerance or 0))
        a = answer("*", 0, strict)
        _sub(a, "tolerance", "0")
        if q.unit:
            units = _sub(el, "units")
            names = [q.unit.get(lang)] if lang else list(dict.fromkeys(q.unit.forms()))
            for name in names:
                u = _sub(units, "unit")
                _sub(u, "multiplier", "1")
                _sub(u, "unit_name", name)
        _sub(el, "unitgradingtype", "0")  # a unit may be typed, and is not marked
        _sub(el, "unitpenalty", "0")
        _sub(el, "showunits", "3")  # the question text says the unit
        _sub(el, "unitsleft", "0")
    elif kind == "multichoice":
        _sub(el, "single", "true")
        _sub(el, "shuffleanswers", "true")
        _sub(el, "answernumbering", "abc")
        _texted(el, "correctfeedback", "")
        _texted(el, "partiallycorrectfeedback", "")
        _texted(el, "incorrectfeedback", "")
        options = shuffled(list(enumerate(q.choices)), seed, q.id)
        for i, option in options:
            answer(loc_html(option, lang), 100 if i == q.answer else 0, fmt="html")
    elif kind == "truefalse":
        answer("true", 100 if q.answer else 0)
        answer("false", 0 if q.answer else 100)
    elif kind == "matching":
        _sub(el, "shuffleanswers", "true")
        items = q.answer
        assert isinstance(items, tuple)
        for place, item in shuffled(list(enumerate(items, 1)), seed, q.id):
            sub = _texted(el, "subquestion", loc_html(item, lang))
            _sub(_sub(sub, "answer"), "text", str(place))
    else:  # essay: a person grades the list
        items = q.answer
        assert isinstance(items, tuple)
        _sub(el, "responseformat", "editor")
        _sub(el, "responserequired", "1")
        _sub(el, "responsefieldlines", "5")
        _sub(el, "attachments", "0")
        _sub(el, "attachmentsrequired", "0")

        def key(code: str) -> str:
            names = ", ".join(" / ".join(i.forms()) for i in items)
            return escape(word("list_key", code, need=q.needed, items=names))

        _texted(el, "graderinfo", multilang(key, lang))
        _texted(el, "responsetemplate", "")
    if q.hint:
        _texted(el, "hint", loc_html(q.hint, lang))
    tags = [*q.tags, *([f"difficulty-{q.difficulty}"] if q.difficulty else [])]
    if tags:
        tag_el = _sub(el, "tags")
        for tag in tags:
            _sub(_sub(tag_el, "tag"), "text", tag)
    return el


def write_moodle(
    bank: Bank, questions: list[Question], lang: str | None = None, seed: int | None = None
) -> Export:
    quiz = ET.Element("quiz")
    out = Export(b"")
    by_article: dict[str, list[Question]] = {}
    for q in questions:
        by_article.setdefault(q.article or "tutor", []).append(q)
    for article, qs in by_article.items():
        cat = ET.SubElement(quiz, "question", type="category")
        _sub(_sub(cat, "category"), "text", f"$course$/top/tutor/{article}")
        art = bank.articles.get(article)
        if art is not None:
            title = Localized(ar=art.display_title("ar"), en=art.display_title("en"))
            _texted(cat, "info", loc_html(title, lang))
        for q in qs:
            quiz.append(_question(bank, q, lang, seed))
            out.count += 1
            if q.type == "list":
                out.changed.append((q.id, "essay (graded by hand: Moodle cannot grade a list)"))
            elif q.type == "order":
                out.changed.append((q.id, "matching (each item to its place)"))
    ET.indent(quiz)
    out.data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, "unicode").encode()
    return out
