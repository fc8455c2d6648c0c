"""Mending a damaged store at open: set the file aside, carry over what can be read, say so.

A learner must never be locked out by a damaged file (a crash mid-write on a bad disk, a sync tool,
a stray `cp`). open_repairing() opens the store; when open_store reports damage (anywhere in the
file: the header, a page in the middle, a truncated tail), a -wal journal without its database, or
a folder where the file should be, it renames what is there to a timestamped name beside it (never
deletes), copies every answer that can still be read into a fresh store (cards are rebuilt from
answers), and leaves a Repair on the store for the front end to show. A store written by a newer
tutor, or another program's SQLite file, is still refused untouched: those are not damage.
"""

from __future__ import annotations

import contextlib
import math
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from tutor.store.db import (
    ANSWER_FIELDS,
    Store,
    memory_connection,
    move_aside,
    open_read_only,
    open_store,
)
from tutor.store.errors import StoreError
from tutor.store.migrations import migrate
from tutor.store.paths import SIDE_FILES, db_path

REPAIRABLE = ("corrupt", "notafile", "orphan")
VERDICTS = ("correct", "partial", "incorrect", "skipped", "revealed")
HEADER = b"SQLite format 3\x00"
PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)

MESSAGES = {
    "corrupt": {
        "en": "Your progress file {path} was damaged ({problem}). It is kept as {kept}; {saved}",
        "ar": "ملف تقدّمك {path} كان تالفًا ({problem}). حُفظ باسم {kept}؛ {saved}",
    },
    "orphan": {
        "en": "A journal of your progress ({path}) was left without its file. It is kept as"
        " {kept}; {saved}",
        "ar": "بقي سجلّ تقدّمك {path} دون ملفه. حُفظ باسم {kept}؛ {saved}",
    },
    "notafile": {
        "en": "{path} was a folder, not your progress file. It was moved to {kept}; {saved}",
        "ar": "كان {path} مجلدًا وليس ملف تقدّمك. نُقل إلى {kept}؛ {saved}",
    },
    "saved": {
        "en": "{count} answer(s) were recovered from it into a new progress file.",
        "ar": "واستُعيدت منه {count} إجابة إلى ملف تقدّم جديد.",
    },
    "none": {
        "en": "nothing could be recovered from it, so your progress starts again.",
        "ar": "ولم يُستعد منه شيء، فيبدأ تقدّمك من جديد.",
    },
    "unmoved": {
        "en": "Your progress file {path} is damaged ({problem}) and its folder cannot be written;"
        " {count} answer(s) could be read from it. Nothing will be saved.",
        "ar": "ملف تقدّمك {path} تالف ({problem}) ومجلده لا يقبل الكتابة؛ قُرئت منه {count} إجابة."
        " لن يُحفظ شيء.",
    },
    "read_only": {
        "en": "Your progress folder {folder} cannot be written: your history is read, but"
        " nothing will be saved in this session.",
        "ar": "مجلد تقدّمك {folder} لا يقبل الكتابة: سُجلّك مقروء، لكن لن يُحفظ شيء في هذه الجلسة.",
    },
}


@dataclass(frozen=True)
class Repair:
    """What open_repairing did: the damage, where the old file went, answers carried over."""

    kind: str  # one of REPAIRABLE
    path: Path
    kept: Path | None  # None: the folder is read-only, nothing was moved
    problem: str
    salvaged: int

    def message(self, lang: str = "en") -> str:
        def m(key: str, **kw: object) -> str:
            table = MESSAGES[key]
            return (table.get(lang) or table["en"]).format(**kw)

        path, problem = _ltr(self.path, lang), _ltr(self.problem, lang)
        if self.kept is None:
            return m("unmoved", path=path, problem=problem, count=self.salvaged)
        saved = m("saved", count=self.salvaged) if self.salvaged else m("none")
        kept = self.kept
        if self.kind == "orphan":  # the journal is what was there, and what was kept
            path, kept = _ltr(f"{self.path}-wal", lang), Path(f"{kept}-wal")
        return m(self.kind, saved=saved, path=path, kept=_ltr(kept, lang), problem=problem)


def read_only_message(store: Store, lang: str = "en") -> str:
    table = MESSAGES["read_only"]
    return (table.get(lang) or table["en"]).format(folder=_ltr(store.data_dir, lang))


def _ltr(x: object, lang: str) -> str:
    """A file name or SQLite's English inside an Arabic sentence: a left-to-right isolate, so
    that its slashes and brackets stay where they are written."""
    return f"\u2066{x}\u2069" if lang == "ar" else str(x)


def open_repairing(data_dir: Path | None = None) -> Store:
    """open_store, mending damage as the module says; store.repair tells what was done.

    Raises StoreError for what mending cannot help (a newer store, a folder that cannot be made).
    """
    try:
        return open_store(data_dir)
    except StoreError as e:
        if e.kind not in REPAIRABLE or e.path is None:
            raise
        first = e
    path = first.path
    assert path is not None
    try:
        kept = move_aside(
            path, {"notafile": "moved", "orphan": "orphan"}.get(first.kind, "corrupt")
        )
    except FileNotFoundError:  # another tutor set it aside a moment ago
        return open_store(data_dir)
    except OSError as e:
        raise StoreError(
            f"{first} It cannot be set aside either ({e}); use --data DIR for another folder.",
            kind="io",
            path=path,
        ) from e
    rows: list[tuple] = []
    if first.kind == "corrupt":
        rows = salvage(kept)
    elif first.kind == "orphan":
        rows = salvage_wal(kept.with_name(kept.name + "-wal"))
    store = open_store(data_dir)
    if rows:
        try:
            store.insert_new(rows)
        except BaseException:
            store.close()
            raise
    store.repair = Repair(first.kind, path, kept, _problem(first), len(rows))
    return store


def open_for_reading(data_dir: Path | None = None) -> Store:
    """open_repairing, else (a folder that cannot be written) a read-only copy in memory,
    salvaged when the file is damaged. For commands that only read: stats, export."""
    try:
        return open_repairing(data_dir)
    except StoreError as e:
        if e.kind not in ("io", "corrupt"):
            raise
        first = e
    if not _is_file(db_path(data_dir)):
        raise first  # nothing to read either
    try:
        return open_read_only(data_dir)
    except StoreError as e:
        if e.kind != "corrupt" or e.path is None:
            raise first from e
        damaged = e
    rows = salvage(damaged.path)
    conn = memory_connection()
    migrate(conn)
    store = Store(conn, damaged.path)
    store.insert_new(rows)
    store.read_only = True
    store.repair = Repair("corrupt", damaged.path, None, _problem(damaged), len(rows))
    return store


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _problem(e: StoreError) -> str:
    return e.detail or e.kind


# --- salvage: every answer that can still be read ---


def salvage(path: Path) -> list[tuple]:
    """The answers (ANSWER_FIELDS tuples) readable in a damaged store file; [] when none.

    Reads a copy (the kept file stays byte for byte as it was). Damaged table pages are stepped
    round by halving the range of row ids read until each bad row is alone. A damaged header is
    replaced by a fresh one so that the pages behind it can be read.
    """
    if not path.is_file():
        return []
    with tempfile.TemporaryDirectory(prefix="tutor-salvage-") as tmp:
        copy = Path(tmp) / "copy.sqlite3"
        shutil.copyfile(path, copy)
        for side in SIDE_FILES:
            extra = path.with_name(path.name + side)
            if extra.is_file():
                shutil.copyfile(extra, copy.with_name(copy.name + side))
        rows = _read_answers(copy)
        if rows:
            return rows
        head = copy.read_bytes()[:100]
        if head[:16] == HEADER:  # a truncated file: its header counts pages no longer there
            size = int.from_bytes(head[16:18], "big")
            size = 65536 if size == 1 else size
            if size in PAGE_SIZES:
                with copy.open("r+b") as f:
                    f.seek(28)
                    f.write((copy.stat().st_size // size).to_bytes(4, "big"))
                return _read_answers(copy)
            return []
        for size in PAGE_SIZES:  # the header is gone: guess the page size, keep the pages
            _rewrite_header(copy, size)
            rows = _read_answers(copy)
            if rows:
                return rows
    return []


def salvage_wal(wal: Path) -> list[tuple]:
    """The answers in a -wal journal whose database is gone (when it holds whole pages)."""
    if not wal.is_file():
        return []
    data = wal.read_bytes()
    if len(data) < 32:
        return []
    page_size = int.from_bytes(data[8:12], "big")
    if page_size not in PAGE_SIZES:
        return []
    with tempfile.TemporaryDirectory(prefix="tutor-salvage-") as tmp:
        db = Path(tmp) / "from-wal.sqlite3"
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA page_size = {page_size}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE x (y)")  # a page 1 that says "WAL" to SQLite
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        with contextlib.suppress(FileNotFoundError):
            db.with_name(db.name + "-shm").unlink()
        shutil.copyfile(wal, db.with_name(db.name + "-wal"))
        return _read_answers(db)


def _rewrite_header(path: Path, page_size: int) -> None:
    size = path.stat().st_size
    if size < page_size:
        return
    with tempfile.TemporaryDirectory(prefix="tutor-header-") as tmp:
        fresh = Path(tmp) / "h.sqlite3"
        c = sqlite3.connect(fresh)
        c.execute(f"PRAGMA page_size = {page_size}")
        c.execute("CREATE TABLE x (y)")
        c.commit()
        c.close()
        header = bytearray(fresh.read_bytes()[:100])
    header[18:20] = b"\x01\x01"  # rollback journal: the copy has no -wal to look for
    header[28:32] = (size // page_size).to_bytes(4, "big")  # pages in the file
    header[40:44] = (1).to_bytes(4, "big")  # schema cookie
    with path.open("r+b") as f:
        f.write(header)
    for side in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + side).unlink()


def _read_answers(path: Path) -> list[tuple]:
    try:
        conn = sqlite3.connect("file:" + quote(str(path)) + "?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        try:
            have = {r[1] for r in conn.execute("PRAGMA table_info(answers)")}
        except sqlite3.DatabaseError:
            return []
        if not {"id", *ANSWER_FIELDS[:8]} <= have:
            return []
        cols = ", ".join(f if f in have else "1" for f in ANSWER_FIELDS)
        sql = f"SELECT {cols} FROM answers WHERE id >= ? AND id < ? ORDER BY id"
        top = _top_id(conn, path)
        out: list[tuple] = []
        _read_range(conn, sql, 0, top + 1, out)
        return [r for r in out if _plausible(r)]
    finally:
        conn.close()


def _top_id(conn: sqlite3.Connection, path: Path) -> int:
    """The highest row id, from the table, else from either index, else a bound from the size."""
    for sql in (
        "SELECT MAX(id) FROM answers",
        "SELECT MAX(id) FROM answers INDEXED BY answers_by_time",
        "SELECT MAX(id) FROM answers INDEXED BY answers_by_question",
    ):
        with contextlib.suppress(sqlite3.DatabaseError):
            top = conn.execute(sql).fetchone()[0]
            if isinstance(top, int):
                return top
    return max(path.stat().st_size // 40, 1)  # no row of answers is smaller than 40 bytes


def _read_range(conn: sqlite3.Connection, sql: str, lo: int, hi: int, out: list) -> None:
    stack = [(lo, hi)]
    while stack:
        lo, hi = stack.pop()
        try:
            out.extend(conn.execute(sql, (lo, hi)).fetchall())
        except sqlite3.DatabaseError:
            if hi - lo > 1:
                mid = (lo + hi) // 2
                stack += [(mid, hi), (lo, mid)]  # low half first: rows stay in id order


def _plausible(row: tuple) -> bool:
    qid, at_us, answer, verdict, score, seconds, hints, mode, override, attempt = row
    return (
        isinstance(qid, str)
        and bool(qid)
        and isinstance(at_us, int)
        and isinstance(answer, str)
        and verdict in VERDICTS
        and isinstance(score, int | float)
        and 0.0 <= score <= 1.0
        and isinstance(seconds, int | float)
        and math.isfinite(seconds)
        and seconds >= 0
        and isinstance(hints, int)
        and hints >= 0
        and isinstance(mode, str)
        and override in (0, 1)
        and isinstance(attempt, int)
        and attempt >= 1
    )
