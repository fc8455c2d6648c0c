"""The host's record of a live drill: SQLite (WAL, synchronous=FULL, file created 0600). Every
answer is committed here before the student sees it acknowledged, so `tutor host --resume`
after a crash (kill -9, a pulled plug) has every acknowledged answer. Rows are stored as results
lines (tutor.drill.results), so an export is a copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tutor.drill.results import ResultRow

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS students (
    name TEXT PRIMARY KEY, token TEXT NOT NULL, joined TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    n INTEGER PRIMARY KEY, student TEXT NOT NULL, row TEXT NOT NULL
);
"""


class LedgerError(Exception):
    pass


class Ledger:
    def __init__(self, path: Path, *, digest: str, resume: bool) -> None:
        self.path = path
        exists = path.exists()
        if exists and not resume:
            raise LedgerError(
                f"{path} holds this drill already: `tutor host --resume` continues it "
                "(or move the file away to start afresh)"
            )
        if resume and not exists:
            raise LedgerError(f"nothing to resume: {path} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True)
        if not exists:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        # check_same_thread=False: the host writes from worker threads, one at a time (_lock)
        self._lock = threading.RLock()
        self.db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
            found = self.get("digest")
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise LedgerError(f"{path}: not a drill record ({e})") from None
        if found is None:
            self.put("digest", digest)
        elif found != digest:
            self.db.close()
            raise LedgerError(f"{path} belongs to another version of this drill ({found})")

    def get(self, key: str) -> str | None:
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        with self._tx():
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def get_json(self, key: str) -> Any:
        v = self.get(key)
        return json.loads(v) if v else None

    def put_json(self, key: str, value: Any) -> None:
        self.put(key, json.dumps(value))

    @contextlib.contextmanager
    def _tx(self):
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def add_student(self, name: str, token: str, joined: str) -> None:
        with self._tx():
            self.db.execute("INSERT INTO students VALUES (?, ?, ?)", (name, token, joined))

    def add_rows(self, rows: Sequence[ResultRow]) -> None:
        """All of `rows` in one transaction, durable when this returns (synchronous=FULL)."""
        with self._tx():
            self.db.executemany(
                "INSERT INTO answers (student, row) VALUES (?, ?)",
                [(r.student, r.to_json()) for r in rows],
            )

    def students(self) -> dict[str, str]:
        with self._lock:
            rows = self.db.execute("SELECT name, token FROM students ORDER BY joined, name")
            return dict(rows.fetchall())

    def rows(self) -> list[ResultRow]:
        out = []
        with self._lock:
            texts = self.db.execute("SELECT row FROM answers ORDER BY n").fetchall()
        for (text,) in texts:
            with contextlib.suppress(ValueError, TypeError):
                out.append(ResultRow.from_json(text))
        return out

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
