"""Opening, recording, damaged and newer files, migrations."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tutor.store import StoreError, default_data_dir, move_aside, open_store, start_fresh
from tutor.store.migrations import LATEST
from tutor.store.paths import DB_NAME


def test_default_folder_is_tutor_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home"
    s = open_store(None)
    s.close()
    assert (tmp_path / "home" / DB_NAME).is_file()


def test_default_folder_without_tutor_home_is_the_user_data_dir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import platformdirs

    monkeypatch.delenv("TUTOR_HOME", raising=False)
    assert default_data_dir() == Path(platformdirs.user_data_dir("tutor", appauthor=False))


def test_every_answer_is_kept_with_all_its_fields(h, tmp_path: Path) -> None:
    s = open_store(tmp_path)
    s.record(
        h.rec("q1", h.T0, "partial", score=0.5, seconds=12.5, hints=1, attempt=2, answer="بوتين")
    )
    s.record(h.rec("q1", h.T0 + timedelta(seconds=5), "correct", override=True, attempt=2))
    s.close()
    s = open_store(tmp_path)
    rows = list(s.answers())
    s.close()
    assert rows[0] == ("q1", rows[0][1], "بوتين", "partial", 0.5, 12.5, 1, "plain", 0, 2)
    assert rows[1][3] == "correct" and rows[1][8] == 1
    assert len(rows) == 2


def test_the_store_uses_wal_and_a_busy_timeout(store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_a_corrupt_file_gives_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    garbage = b"this is not a database, just some bytes\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as err:
        open_store(tmp_path)
    assert err.value.kind == "corrupt"
    assert str(path) in str(err.value) and "damaged" in str(err.value)
    assert path.read_bytes() == garbage  # never overwritten, never moved unless asked
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_a_corrupt_file_is_moved_aside_only_when_asked(h, tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"\x00garbage" * 100)
    store, kept = start_fresh(tmp_path)
    store.record(h.rec("q1", h.T0))
    store.close()
    assert kept is not None and kept.name.startswith(DB_NAME + ".corrupt-")
    assert kept.read_bytes() == b"\x00garbage" * 100
    s = open_store(tmp_path)
    assert len(list(s.answers())) == 1
    s.close()


def test_start_fresh_leaves_a_healthy_store_in_place(h, tmp_path: Path) -> None:
    s = open_store(tmp_path)
    s.record(h.rec("q1", h.T0))
    s.close()
    s, kept = start_fresh(tmp_path)
    assert kept is None and len(list(s.answers())) == 1
    s.close()


def test_a_store_from_a_newer_tutor_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE answers (x)")
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        open_store(tmp_path)
    assert err.value.kind == "newer"
    assert "newer tutor" in str(err.value) and str(LATEST + 5) in str(err.value)
    assert path.read_bytes() == before
    moved = move_aside(path, "bak")
    assert moved.read_bytes() == before and not path.exists()


def test_a_sqlite_file_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(tmp_path)
    assert err.value.kind == "foreign"


def test_an_unusable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        open_store(blocker / "data")
    assert "progress folder" in str(err.value)


def test_a_version_1_store_is_migrated_with_its_history_and_a_backup(h, tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE answers (id INTEGER PRIMARY KEY, question_id TEXT NOT NULL,
            at_us INTEGER NOT NULL, answer TEXT NOT NULL, verdict TEXT NOT NULL,
            score REAL NOT NULL, seconds REAL NOT NULL, hints INTEGER NOT NULL,
            mode TEXT NOT NULL, override INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX answers_by_question ON answers (question_id, at_us);
        PRAGMA user_version = 1;
        """
    )
    at = int(h.T0.timestamp() * 1_000_000)
    conn.execute(
        "INSERT INTO answers (question_id, at_us, answer, verdict, score, seconds, hints, mode)"
        " VALUES ('q1', ?, 'old answer', 'correct', 1.0, 30.0, 0, 'plain')",
        (at,),
    )
    conn.commit()
    conn.close()

    s = open_store(tmp_path)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    rows = list(s.answers())
    assert rows == [("q1", at, "old answer", "correct", 1.0, 30.0, 0, "plain", 0, 1)]
    assert [qid for qid, _due in s.schedule()] == ["q1"]  # its card was built from history
    s.close()
    backups = [p for p in tmp_path.iterdir() if ".v1.bak-" in p.name]
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT answer FROM answers").fetchall() == [("old answer",)]
    old.close()


def test_history_of_a_question_no_longer_in_the_bank_is_kept(h, tmp_path: Path) -> None:
    s = open_store(tmp_path)
    s.record(h.rec("gone", h.T0))
    s.close()
    s = open_store(tmp_path)
    assert [r[0] for r in s.answers()] == ["gone"]
    s.close()


def test_picking_queries_use_indexes(store) -> None:
    plans = [
        " ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, args))
        for sql, args in (
            ("SELECT question_id, due_us FROM cards ORDER BY due_us, question_id", ()),
            ("SELECT COUNT(*) FROM cards WHERE first_us >= ?", (0,)),
            ("SELECT * FROM answers WHERE question_id = ? ORDER BY at_us, id", ("q",)),
        )
    ]
    assert "cards_by_due" in plans[0] and "TEMP B-TREE" not in plans[0]
    assert "cards_by_first" in plans[1]
    assert "answers_by_question" in plans[2]
