"""GIFT: Moodle's plain-text question format (Question bank → Import → GIFT).

The same mapping as Moodle XML (see moodle.py), written in GIFT's syntax: texts in [html] so that
both languages travel in multilang spans; `~ = # { } :` and backslashes escaped as Moodle's own
exporter escapes them. GIFT has no field for hints or units: the unit is in the question text, the
hint is left out (docs/exports.md).
"""

from __future__ import annotations

from tutor.bank.model import Bank, Question
from tutor.export.common import STRICT_NOTE, Export, answer_forms, shuffled
from tutor.export.pieces import escape, feedback_html, loc_html, multilang, prompt_html, word

_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"} | {"\n": "\\n", "\r": ""})


def gift_escape(s: str) -> str:
    """Text safe anywhere in GIFT: backslash first, then the reserved characters; '->' (which
    would make a question a matching one) loses its arrow."""
    return s.replace("\\", "\\\\").translate(_SPECIAL).replace("->", "- >")


def _number(x: object) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def _question(bank: Bank, q: Question, lang: str | None, seed: int | None) -> str:
    e = gift_escape
    head = f"// [id:{q.id}]" + "".join(f" [tag:{t}]" for t in q.tags)
    text = f"::{e(q.id)}::[html]{e(multilang(lambda c: prompt_html(q, c), lang))}"
    general = e(multilang(lambda c: feedback_html(bank, q, c), lang))
    strict = e(loc_html(STRICT_NOTE, lang))
    lines: list[str] = []
    if q.type in ("text", "date"):
        lines = [f"=%100%{e(form)}#" for form in answer_forms(q)] + [f"=%0%*#{strict}"]
    elif q.type in ("number", "year"):
        lines = ["#", f"=%100%{_number(q.answer)}:{_number(q.tolerance or 0)}#", f"~#{strict}"]
    elif q.type == "choice":
        for i, option in shuffled(list(enumerate(q.choices)), seed, q.id):
            lines.append(("=" if i == q.answer else "~") + e(loc_html(option, lang)))
    elif q.type == "bool":
        lines = ["TRUE" if q.answer else "FALSE"]
    elif q.type == "order":
        items = q.answer
        assert isinstance(items, tuple)
        for place, item in shuffled(list(enumerate(items, 1)), seed, q.id):
            lines.append(f"={e(loc_html(item, lang))} -> {place}")
    else:  # list: an essay, the key in the general feedback
        items = q.answer
        assert isinstance(items, tuple)
        names = ", ".join(" / ".join(i.forms()) for i in items)
        key = multilang(lambda c: escape(word("list_key", c, need=q.needed, items=names)), lang)
        general = e(key) + "<br>" + general if general else e(key)
        return f"{head}\n{text}{{####{general}}}\n"
    if q.type == "bool":
        return f"{head}\n{text}{{{lines[0]}####{general}}}\n"
    if q.type in ("number", "year"):
        body = "\n\t".join(lines[1:])
        return f"{head}\n{text}{{#\n\t{body}\n\t####{general}\n}}\n"
    body = "\n\t".join(lines)
    return f"{head}\n{text}{{\n\t{body}\n\t####{general}\n}}\n"


def write_gift(
    bank: Bank, questions: list[Question], lang: str | None = None, seed: int | None = None
) -> Export:
    out = Export(b"")
    blocks: list[str] = []
    article = None
    for q in questions:
        if q.article != article:
            article = q.article
            blocks.append(f"$CATEGORY: $course$/top/tutor/{article or 'tutor'}\n")
        blocks.append(_question(bank, q, lang, seed))
        out.count += 1
        if q.type == "list":
            out.changed.append((q.id, "essay (graded by hand: Moodle cannot grade a list)"))
        elif q.type == "order":
            out.changed.append((q.id, "matching (each item to its place)"))
    out.data = "\n".join(blocks).encode("utf-8")
    return out
