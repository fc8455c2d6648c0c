"""Moving history between machines (JSON export/import) and starting over (reset with a backup).

The JSON holds answers only: cards are rebuilt from them, so an import merges cleanly with the
history already there (an answer already kept — same question, time, attempt — is skipped).
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tutor.store.db import ANSWER_FIELDS, Store, move_aside, open_store
from tutor.store.errors import StoreError
from tutor.store.paths import SIDE_FILES, db_path, stamped
from tutor.store.schedule import to_dt, to_us

FORMAT = "tutor-progress"
FORMAT_VERSION = 1
VERDICTS = ("correct", "partial", "incorrect", "skipped", "revealed")


def export_data(store: Store, now: datetime | None = None) -> dict:
    answers = []
    for (
        qid,
        at_us,
        answer,
        verdict,
        score,
        seconds,
        hints,
        mode,
        override,
        attempt,
    ) in store.answers():
        answers.append(
            {
                "question_id": qid,
                "answered_at": to_dt(at_us).isoformat(),
                "answer": answer,
                "verdict": verdict,
                "score": score,
                "seconds": seconds,
                "hints": hints,
                "mode": mode,
                "override": bool(override),
                "attempt": attempt,
            }
        )
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "answers": answers,
    }


def export_json(store: Store) -> str:
    return json.dumps(export_data(store), ensure_ascii=False, indent=1) + "\n"


def read_export(path: Path) -> list[tuple]:
    """The answers of an export file as store rows; StoreError naming the file and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise StoreError(f"cannot read {path} ({e})", kind="data") from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise StoreError(
            f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})", kind="data"
        ) from e
    if not isinstance(data, dict) or not isinstance(data.get("answers"), list):
        raise StoreError(
            f'{path}: no "answers" list — is this a file from `tutor progress export`?',
            kind="data",
        )
    if data.get("format", FORMAT) != FORMAT:
        raise StoreError(
            f'{path}: "format" is {data["format"]!r}, expected {FORMAT!r}', kind="data"
        )
    v = data.get("version", FORMAT_VERSION)
    if not isinstance(v, int) or v > FORMAT_VERSION:
        raise StoreError(
            f'{path}: "version" is {v!r}; this tutor reads version {FORMAT_VERSION} — update tutor',
            kind="data",
        )
    return [_row(path, i, item) for i, item in enumerate(data["answers"])]


def _row(path: Path, i: int, item: object) -> tuple:
    where = f"{path}: answers[{i}]"
    if not isinstance(item, dict):
        raise StoreError(f"{where}: expected an object, got {type(item).__name__}", kind="data")

    def field(name: str, kinds: type | tuple[type, ...], default: object = ...) -> object:
        if name not in item:
            if default is ...:
                raise StoreError(f'{where}: "{name}" is missing', kind="data")
            return default
        value = item[name]
        if isinstance(value, bool) and bool not in (
            kinds if isinstance(kinds, tuple) else (kinds,)
        ):
            value = None  # true/false is not a number here
        if not isinstance(value, kinds):
            raise StoreError(f"{where}.{name}: unexpected value {item[name]!r}", kind="data")
        return value

    qid = field("question_id", str)
    at_text = field("answered_at", str)
    try:
        at = datetime.fromisoformat(at_text)  # type: ignore[arg-type]
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise StoreError(
            f"{where}.answered_at: {at_text!r} is not an ISO date-time with a time zone",
            kind="data",
        )
    verdict = field("verdict", str)
    if verdict not in VERDICTS:
        raise StoreError(
            f"{where}.verdict: {verdict!r} is not one of {', '.join(VERDICTS)}", kind="data"
        )
    score = float(field("score", (int, float)))  # type: ignore[arg-type]
    seconds = float(field("seconds", (int, float), 0.0))  # type: ignore[arg-type]
    hints = field("hints", int, 0)
    attempt = field("attempt", int, 1)
    for name, value, ok in (
        ("score", score, 0.0 <= score <= 1.0),
        ("seconds", seconds, math.isfinite(seconds) and seconds >= 0),
        ("hints", hints, hints >= 0),  # type: ignore[operator]
        ("attempt", attempt, attempt >= 1),  # type: ignore[operator]
    ):
        if not ok:
            raise StoreError(f"{where}.{name}: {value!r} is out of range", kind="data")
    row = (
        qid, to_us(at), field("answer", str, ""), verdict, score, seconds, hints,
        field("mode", str, "import"), int(bool(field("override", bool, False))), attempt,
    )  # fmt: skip
    assert len(row) == len(ANSWER_FIELDS)
    return row


def import_file(store: Store, path: Path) -> tuple[int, int]:
    """Merge an export into the store: (answers added, answers already there)."""
    rows = read_export(path)
    added = store.insert_new(rows)
    return added, len(rows) - added


def reset(data_dir: Path | None) -> Path | None:
    """Delete all progress after keeping a backup; where the backup is (None: nothing to reset).

    A store that cannot be opened (damaged, newer) is not touched but renamed: that is its backup.
    """
    path = db_path(data_dir)
    if not any(path.with_name(path.name + x).exists() for x in ("", *SIDE_FILES)):
        return None
    try:
        store = open_store(data_dir)
    except StoreError as e:
        if not e.can_start_fresh:
            raise
        return move_aside(path, "reset-backup")
    try:
        backup = store.backup_to(stamped(path, "reset-backup"))
        with store.transaction():
            store.conn.execute("DELETE FROM answers")
            store.conn.execute("DELETE FROM cards")
        with store.lock, contextlib.suppress(sqlite3.OperationalError):
            store.conn.execute("VACUUM")  # deleted answers should not linger (best effort)
    finally:
        store.close()
    return backup
