"""The cards table: each question's FSRS state, rebuilt from its answers whenever they change."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from tutor.store.schedule import Answer, replay, to_us

ANSWER_COLUMNS = "at_us, verdict, score, seconds, hints, override, attempt"


def history(conn: sqlite3.Connection, qid: str) -> list[Answer]:
    rows = conn.execute(
        f"SELECT {ANSWER_COLUMNS} FROM answers WHERE question_id = ? ORDER BY at_us, id", (qid,)
    ).fetchall()
    return [_answer(r) for r in rows]


def _answer(r: tuple) -> Answer:
    return Answer(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6])


def rebuild(conn: sqlite3.Connection, qids: Iterable[str] | None = None) -> int:
    """Recompute the cards of `qids` (all answered questions when None); the caller commits."""
    if qids is None:
        rows = conn.execute(
            f"SELECT question_id, {ANSWER_COLUMNS} FROM answers ORDER BY question_id, at_us, id"
        )
        grouped: dict[str, list[Answer]] = {}
        for r in rows:
            grouped.setdefault(r[0], []).append(_answer(r[1:]))
        items = grouped.items()
    else:
        items = ((q, history(conn, q)) for q in qids)
    n = 0
    for qid, answers in items:
        save(conn, qid, answers)
        n += 1
    return n


def save(conn: sqlite3.Connection, qid: str, answers: list[Answer]) -> None:
    card = replay(answers)
    if card is None:
        conn.execute("DELETE FROM cards WHERE question_id = ?", (qid,))
        return
    conn.execute(
        "INSERT OR REPLACE INTO cards (question_id, state, step, stability, difficulty, due_us,"
        " last_us, first_us, reviews) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            qid,
            int(card.state),
            card.step,
            card.stability,
            card.difficulty,
            to_us(card.due),
            to_us(card.last_review) if card.last_review else None,
            answers[0].at_us,
            len(answers),
        ),
    )
