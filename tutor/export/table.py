"""The bank as a table (CSV, UTF-8 with a byte-order mark so Excel shows Arabic) or as JSON, for
spreadsheets and scripts: one row per question, every field a learner or a teacher reads."""

from __future__ import annotations

import csv
import io
import json

from tutor.bank.model import Bank, Localized, PartialDate, Question
from tutor.export.common import Export, answer_forms, evidence

COLUMNS = [
    "id", "article", "type", "difficulty", "tags", "prompt_ar", "prompt_en", "answer_ar",
    "answer_en", "accept", "choices_ar", "choices_en", "tolerance", "unit_ar", "unit_en",
    "need", "hint_ar", "hint_en", "explanation_ar", "explanation_en", "evidence",
]  # fmt: skip


def _loc(loc: Localized | None, code: str) -> str:
    return (getattr(loc, code) or "") if loc else ""


def _answer(q: Question) -> object:
    a = q.answer
    if isinstance(a, Localized):
        return {"ar": a.ar, "en": a.en}
    if isinstance(a, PartialDate):
        return str(a)
    if isinstance(a, tuple):
        return [{"ar": i.ar, "en": i.en, "accept": list(i.accept)} for i in a]
    if q.type == "choice":
        assert isinstance(a, int)
        return {"ar": q.choices[a].ar, "en": q.choices[a].en}
    return a


def record(bank: Bank, q: Question) -> dict[str, object]:
    """One question as plain JSON data (the answer in the shape its type has)."""
    return {
        "id": q.id, "article": q.article, "type": q.type, "difficulty": q.difficulty,
        "tags": list(q.tags),
        "prompt": {"ar": _loc(q.prompt, "ar"), "en": _loc(q.prompt, "en")},
        "answer": _answer(q),
        "accept": answer_forms(q) if q.type in ("text", "date") else list(q.accept),
        "choices": [{"ar": c.ar, "en": c.en} for c in q.choices],
        "tolerance": q.tolerance, "unit": {"ar": _loc(q.unit, "ar"), "en": _loc(q.unit, "en")},
        "need": q.needed if q.type == "list" else None,
        "hint": {"ar": _loc(q.hint, "ar"), "en": _loc(q.hint, "en")},
        "explanation": {"ar": _loc(q.explanation, "ar"), "en": _loc(q.explanation, "en")},
        "evidence": [{"article": t, "quote": quote} for t, quote in evidence(bank, q, None)],
    }  # fmt: skip


def write_json(bank: Bank, questions: list[Question], lang=None, seed=None) -> Export:
    data = {"questions": [record(bank, q) for q in questions]}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Export(text.encode("utf-8"), count=len(questions))


def write_csv(bank: Bank, questions: list[Question], lang=None, seed=None) -> Export:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for q in questions:
        w.writerow([
            q.id, q.article or "", q.type, q.difficulty or "", "|".join(q.tags),
            _loc(q.prompt, "ar"), _loc(q.prompt, "en"), q.answer_text("ar"), q.answer_text("en"),
            "|".join(answer_forms(q) if q.type in ("text", "date") else q.accept),
            "|".join(c.ar or "" for c in q.choices), "|".join(c.en or "" for c in q.choices),
            "" if q.tolerance is None else q.tolerance, _loc(q.unit, "ar"), _loc(q.unit, "en"),
            q.needed if q.type == "list" else "", _loc(q.hint, "ar"), _loc(q.hint, "en"),
            _loc(q.explanation, "ar"), _loc(q.explanation, "en"),
            "\n".join(f"{title}: {quote}" for title, quote in evidence(bank, q, None)),
        ])  # fmt: skip
    return Export(("\ufeff" + buf.getvalue()).encode("utf-8"), count=len(questions))
