"""CSV (UTF-8 with a BOM, for Excel) and JSON: the whole bank, one row per question, Arabic kept."""

from __future__ import annotations

import csv
import io
import json

from tutor.export.table import COLUMNS, write_csv, write_json


def test_csv_has_a_bom_a_header_and_a_row_per_question(bundled):
    data = write_csv(bundled, bundled.questions).data
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == COLUMNS
    assert [r["id"] for r in rows] == [q.id for q in bundled.questions]
    row = rows[0]
    q = bundled.questions[0]
    assert row["prompt_ar"] == q.prompt.ar and row["answer_en"] == q.answer_text("en")
    assert q.passages()[0].text in row["evidence"]
    choice = next(r for r in rows if r["type"] == "choice")
    assert choice["answer_en"] in choice["choices_en"].split("|")


def test_json_keeps_each_answer_in_its_types_shape(bundled):
    data = json.loads(write_json(bundled, bundled.questions).data)
    by_id = {r["id"]: r for r in data["questions"]}
    assert len(by_id) == len(bundled.questions)
    assert by_id["ast-camp-david"]["answer"] == {"ar": "كامب ديفيد", "en": "Camp David"}
    assert by_id["ast-first-visit"]["answer"] == 2019
    assert by_id["ast-second-visit-month"]["answer"] == "2023-09"
    assert by_id["ast-three-tracks"]["answer"][0]["en"] == "military and space technology"
    assert by_id["ast-hackers"]["answer"] is True
    assert by_id["ast-camp-david"]["evidence"][0]["quote"] == bundled.get("ast-camp-david").evidence
