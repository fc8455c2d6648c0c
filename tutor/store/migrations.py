"""The store's schema, version by version. Never edit a released step: add the next one.

PRAGMA user_version holds the version; each step runs in its own transaction with the version bump,
so a crash mid-migration leaves the previous version intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from tutor.store import cards


def _v1(conn: sqlite3.Connection) -> None:
    """The first release: every answer, as graded."""
    conn.execute(
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            at_us INTEGER NOT NULL,          -- microseconds since the epoch, UTC
            answer TEXT NOT NULL,            -- as typed
            verdict TEXT NOT NULL,           -- correct | partial | incorrect | skipped | revealed
            score REAL NOT NULL,
            seconds REAL NOT NULL,
            hints INTEGER NOT NULL,
            mode TEXT NOT NULL,
            override INTEGER NOT NULL DEFAULT 0
        )"""
    )
    conn.execute("CREATE INDEX answers_by_question ON answers (question_id, at_us)")


def _v2(conn: sqlite3.Connection) -> None:
    """Spaced repetition: attempts, one FSRS card per question (rebuilt from history)."""
    conn.execute("ALTER TABLE answers ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1")
    conn.execute("CREATE INDEX answers_by_time ON answers (at_us)")
    conn.execute(
        """CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due_us INTEGER NOT NULL,
            last_us INTEGER,
            first_us INTEGER NOT NULL,       -- first answer: "new today" counts these
            reviews INTEGER NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX cards_by_due ON cards (due_us, question_id)")
    conn.execute("CREATE INDEX cards_by_first ON cards (first_us)")
    cards.rebuild(conn)


def _v3(conn: sqlite3.Connection) -> None:
    """The order a choice question's options were shown in, so its answers can be re-graded
    ("2" means the second option as shown): indexes into the question's choices, comma-separated
    ("2,0,1"); NULL for other questions and for answers from before this version."""
    conn.execute("ALTER TABLE answers ADD COLUMN shown TEXT")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Bring the database to LATEST; the versions applied. `conn` must be in autocommit mode."""
    applied = []
    while True:
        conn.execute("BEGIN IMMEDIATE")  # another process may be migrating: wait, then re-read
        try:
            v = version(conn)
            if v >= LATEST:
                conn.execute("COMMIT")
                return applied
            MIGRATIONS[v](conn)
            conn.execute(f"PRAGMA user_version = {v + 1}")
            conn.execute("COMMIT")
            applied.append(v + 1)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
