"""HTML pieces several formats share: a question's text, its feedback (explanation, evidence with
its article), both languages in Moodle's multilang spans or one language alone.

Moodle's multilang filter matches `<span lang="xx" class="multilang">…</span>` with exactly those
two attributes and no nested span, so nothing built here ever puts a span inside one.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as _escape

from tutor.bank.model import LANGS, Bank, Localized, Question
from tutor.export.common import evidence

WORDS = {
    "explanation": {"en": "Explanation", "ar": "شرح"},
    "evidence": {"en": "Evidence", "ar": "الدليل"},
    "answer": {"en": "Answer", "ar": "الإجابة"},
    "hint": {"en": "Hint", "ar": "تلميح"},
    "unit": {"en": "in {unit}", "ar": "بـ{unit}"},
    "list": {"en": "Name {need}.", "ar": "اذكر {need}."},
    "order": {
        "en": "Match each to its place in the order (1 = first).",
        "ar": "ضع لكل عنصر رقم مكانه في الترتيب (1 = الأول).",
    },
    "list_key": {"en": "Any {need} of: {items}", "ar": "أي {need} من: {items}"},
}


def escape(s: str) -> str:
    """HTML-escaped text (quotes kept: they are text, never inside an attribute here)."""
    return _escape(s, quote=False)


def word(key: str, lang: str, **kw: object) -> str:
    return WORDS[key][lang].format(**kw)


def multilang(per_lang: Callable[[str], str], lang: str | None) -> str:
    """HTML for one language, or both in multilang spans (one text when both read the same)."""
    if lang is not None:
        return per_lang(lang)
    texts = {code: per_lang(code) for code in LANGS}
    if texts["ar"] == texts["en"]:
        return texts["en"]
    return "".join(f'<span lang="{code}" class="multilang">{texts[code]}</span>' for code in LANGS)


def loc_html(loc: Localized | None, lang: str | None) -> str:
    if loc is None:
        return ""
    return multilang(lambda code: escape(loc.get(code)), lang)


def prompt_html(q: Question, code: str) -> str:
    """The question as asked in `code`, with what the learner must know to answer (unit, count)."""
    assert q.prompt is not None
    out = escape(q.prompt.get(code))
    if q.type == "number" and q.unit:
        out += f" ({escape(word('unit', code, unit=q.unit.get(code)))})"
    if q.type == "list":
        out += " " + escape(word("list", code, need=q.needed))
    if q.type == "order":
        out += " " + escape(word("order", code))
    return out


def feedback_html(bank: Bank, q: Question, code: str, *, with_answer: bool = False) -> str:
    """The explanation and every evidence passage, in `code` (quotes stay in their language)."""
    parts = []
    if with_answer:
        parts.append(f"<b>{escape(word('answer', code))}:</b> {escape(q.answer_text(code))}")
    if q.explanation:
        parts.append(
            f"<b>{escape(word('explanation', code))}:</b> {escape(q.explanation.get(code))}"
        )
    for title, quote in evidence(bank, q, code):
        parts.append(
            f"<b>{escape(word('evidence', code))} ({escape(title)}):</b> «{escape(quote)}»"
        )
    return "<br>".join(parts)
