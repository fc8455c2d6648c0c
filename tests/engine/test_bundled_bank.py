"""The bundled bank through the engine: every askable question can be asked, answered and proven."""

from __future__ import annotations

import pytest

from tutor.bank import load_bank
from tutor.engine.session import RoundSpec, Session


@pytest.fixture(scope="module")
def bundled():
    bank = load_bank(None, strict=False)
    askable = [q for q in bank.questions if q.prompt is not None]
    assert len(askable) >= 170, "the bundled bank lost its questions"
    return bank, askable


def test_every_expected_answer_grades_correct_and_shows_its_evidence(bundled):
    bank, askable = bundled
    s = Session(bank, RoundSpec(length=len(askable)), questions=askable)
    problems = []
    while s.current is not None:
        q = s.current
        o = s.submit(q.answer_text("en"))
        if not o.final:
            o = s.reveal()
        if q.evidence and o.evidence is None:
            problems.append(f"{q.id}: evidence not found in {q.article}")
        s.next()
    assert problems == []
    assert s.summary().total == len(askable)
