"""The order a choice question's options were shown in is kept with each answer, for re-grading."""

from __future__ import annotations

from pathlib import Path

from tutor.engine.ports import AnswerRecord
from tutor.store import open_store
from tutor.store.migrations import LATEST


def test_the_order_shown_is_kept_with_the_answer(h, tmp_path: Path) -> None:
    s = open_store(tmp_path)
    choice = h.rec("q-choice", h.T0, "correct")
    s.record(AnswerRecord(**{**choice.__dict__, "shown": (2, 0, 3, 1)}))
    s.record(h.rec("q-text", h.T0, "correct"))
    rows = s.conn.execute("SELECT question_id, shown FROM answers ORDER BY id").fetchall()
    s.close()
    assert rows == [("q-choice", "2,0,3,1"), ("q-text", None)]


def test_a_version_2_store_gains_the_column_and_keeps_its_history(h, tmp_path: Path) -> None:
    s = open_store(tmp_path)
    s.record(h.rec("q1", h.T0, "correct", answer="old"))
    s.conn.execute("ALTER TABLE answers DROP COLUMN shown")
    s.conn.execute("PRAGMA user_version = 2")
    s.close()
    s = open_store(tmp_path)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert s.conn.execute("SELECT answer, shown FROM answers").fetchall() == [("old", None)]
    s.close()
    assert any(".v2.bak-" in p.name for p in tmp_path.iterdir())  # kept before migrating
