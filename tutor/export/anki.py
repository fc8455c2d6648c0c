"""Anki: an .apkg deck (genanki), one note per question, type-in cards ({{type:…}}).

A note has an Arabic and an English card (one of them with --lang); the back shows the accepted
forms, the explanation and the evidence. Each note's GUID comes from the question id alone, and
the deck and note-type ids are fixed, so a re-export imported into Anki updates the notes it has
instead of adding copies. A subdeck per article; the bank's tags become Anki tags.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from html import escape

from tutor.bank.model import Bank, Localized, Question
from tutor.export.common import Export, shuffled
from tutor.export.pieces import feedback_html, prompt_html

MODEL_ID = 1_730_114_014  # fixed forever: changing it makes Anki see a new note type
MODEL_NAME = "tutor (type the answer)"
FIELDS = [
    "Id", "QuestionAr", "AnswerAr", "QuestionEn", "AnswerEn", "Accepted",
    "HintAr", "HintEn", "BackAr", "BackEn", "Article",
]  # fmt: skip


def _card(code: str) -> dict[str, str]:
    side = code.capitalize()
    attrs = 'dir="rtl" lang="ar"' if code == "ar" else 'dir="ltr" lang="en"'
    front = (
        f'<div class="q" {attrs}>{{{{Question{side}}}}}'
        f"{{{{#Hint{side}}}}}<div>{{{{hint:Hint{side}}}}}</div>{{{{/Hint{side}}}}}</div>"
        f"<div {attrs}>{{{{type:Answer{side}}}}}</div>"
    )
    back = (
        f'{{{{FrontSide}}}}<hr id="answer"><div class="back" {attrs}>{{{{Back{side}}}}}</div>'
        '<div class="accepted">{{Accepted}}</div>'
    )
    return {"name": "Arabic" if code == "ar" else "English", "qfmt": front, "afmt": back}


CSS = """.card { font-family: "Noto Naskh Arabic", "Noto Sans", sans-serif; font-size: 20px; }
.back, .accepted { font-size: 16px; } .accepted { color: #666; margin-top: .6em; }
ol.options { text-align: start; }"""


def _id(*parts: str) -> int:
    """A stable 31-bit id from names (Anki ids are 64-bit; small positive ones are safe)."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).digest()
    return 1 << 30 | int.from_bytes(digest[:4], "big") >> 2


def _front(q: Question, code: str, seed: int | None) -> str:
    html = prompt_html(q, code)
    if q.type == "choice":
        options = shuffled(list(q.choices), seed, q.id)
        html += (
            '<ol class="options">'
            + "".join(f"<li>{escape(o.get(code), quote=False)}</li>" for o in options)
            + "</ol>"
        )
    if q.type == "order":
        items = shuffled(list(q.answer), seed, q.id)  # type: ignore[arg-type]
        html += (
            '<ol class="options">'
            + "".join(f"<li>{escape(i.get(code), quote=False)}</li>" for i in items)
            + "</ol>"
        )
    return html


def _tag(s: str) -> str:
    return re.sub(r"\s+", "_", s.strip())


def write_anki(
    bank: Bank,
    questions: list[Question],
    lang: str | None = None,
    seed: int | None = None,
    *,
    timestamp: float | None = None,
) -> Export:
    """The deck; `timestamp` (default: now) dates the notes: Anki updates a note on re-import
    only when the incoming one is newer."""
    import genanki  # heavy, and only this format needs it

    model = genanki.Model(
        MODEL_ID, MODEL_NAME, fields=[{"name": f} for f in FIELDS],
        templates=[_card("ar"), _card("en")], css=CSS,
    )  # fmt: skip
    decks: dict[str, genanki.Deck] = {}
    out = Export(b"")
    codes = (lang,) if lang else ("ar", "en")
    for q in questions:
        article = bank.articles.get(q.article or "")
        title = article.display_title(lang or "en") if article else (q.article or "tutor")
        deck = decks.get(title)
        if deck is None:
            deck = decks[title] = genanki.Deck(
                _id("tutor-deck", q.article or ""), f"tutor::{title}"
            )
        fields = dict.fromkeys(FIELDS, "")
        fields["Id"] = q.id
        fields["Article"] = escape(title, quote=False)
        others = [f for f in _forms(q) if f not in (q.answer_text("ar"), q.answer_text("en"))]
        fields["Accepted"] = escape(" · ".join(others), quote=False)
        for code in codes:
            side = code.capitalize()
            fields[f"Question{side}"] = _front(q, code, seed)
            fields[f"Answer{side}"] = q.answer_text(code)
            fields[f"Hint{side}"] = escape((q.hint or Localized()).get(code), quote=False)
            fields[f"Back{side}"] = feedback_html(bank, q, code)
        tags = [_tag(t) for t in q.tags]
        if q.article:
            tags.append(_tag(f"article::{q.article}"))
        note = genanki.Note(
            model=model, fields=[fields[f] for f in FIELDS], tags=tags,
            guid=genanki.guid_for("tutor", q.id),
        )  # fmt: skip
        deck.add_note(note)
        out.count += 1
    fd, path = tempfile.mkstemp(suffix=".apkg")
    os.close(fd)
    try:
        genanki.Package(list(decks.values())).write_to_file(path, timestamp=timestamp)
        with open(path, "rb") as f:
            out.data = f.read()
    finally:
        os.unlink(path)
    return out


def _forms(q: Question) -> list[str]:
    from tutor.export.common import answer_forms

    if q.type in ("choice", "bool", "list", "order"):
        return list(q.accept)
    return answer_forms(q)
