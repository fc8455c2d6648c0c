"""The grader against the labelled answer set (tests/data/labelled*.jsonl): the quality bar of
issue 3, held as a test so that a change to the grader or the bank cannot quietly lower it.
The figures per category and the baselines come from tests/bench/eval_grader.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.bank import load_bank
from tutor.grading import grade

DATA = Path(__file__).resolve().parents[1] / "data"
ROWS = [
    json.loads(line)
    for f in sorted(DATA.glob("labelled*.jsonl"))
    for line in f.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
BANK = load_bank()


def test_the_set_is_big_enough_and_about_forty_percent_wrong() -> None:
    assert len(ROWS) >= 400
    wrong = sum(r["label"] == "incorrect" for r in ROWS) / len(ROWS)
    assert 0.3 <= wrong <= 0.5
    unknown = {r["id"] for r in ROWS} - {q.id for q in BANK.questions}
    assert not unknown, f"labelled answers for questions not in the bank: {sorted(unknown)}"


def test_false_accepts_at_most_one_percent_and_false_rejects_at_most_three() -> None:
    fa = fr = wrong = right = 0
    slips = []
    for r in ROWS:
        v = grade(BANK.get(r["id"]), r["answer"], bank=BANK).verdict
        if r["label"] == "incorrect":
            wrong += 1
            fa += v != "incorrect"
        else:
            right += 1
            fr += v == "incorrect"
        if v != r["label"]:
            slips.append(f"{r['id']} {r['answer']!r}: {v}, labelled {r['label']}")
    assert fa / wrong <= 0.01, slips
    assert fr / right <= 0.03, slips


@pytest.mark.parametrize("category", sorted({r["category"] for r in ROWS}))
def test_no_category_is_mostly_wrong(category: str) -> None:
    rows = [r for r in ROWS if r["category"] == category]
    hits = sum(grade(BANK.get(r["id"]), r["answer"], bank=BANK).verdict == r["label"] for r in rows)
    assert hits / len(rows) >= 0.8
