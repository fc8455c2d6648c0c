"""The SQLite store: one answer a row, written and committed the moment it is graded.

WAL mode and a busy timeout let two `tutor` processes share a store; a killed process loses
nothing already committed. A damaged or newer file is reported, never overwritten: opening checks
the whole file (PRAGMA quick_check), so damage in the middle is found before the learner answers
into it. Files are created 0600 and the data folder 0700: an answer history is the learner's own.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from tutor.engine.ports import AnswerRecord
from tutor.store import cards
from tutor.store.errors import StoreError
from tutor.store.migrations import LATEST, migrate, version
from tutor.store.paths import SIDE_FILES, db_path, stamped
from tutor.store.schedule import to_us

BUSY_TIMEOUT_MS = 10_000

ANSWER_FIELDS = (
    "question_id", "at_us", "answer", "verdict", "score", "seconds", "hints", "mode", "override",
    "attempt",
)  # fmt: skip


class Store:
    """A Recorder (record) plus the queries the picker, stats and transfer need."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only  # a copy in memory of a store that cannot be written
        self.repair = None  # a tutor.store.recover.Repair when opening had to mend the file
        self.lock = threading.Lock()  # the app may record from a worker thread

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    def record(self, rec: AnswerRecord) -> None:
        """Insert one answer and its question's new card, committed before returning."""
        row = (
            rec.question_id, to_us(rec.answered_at), rec.answer, rec.verdict, float(rec.score),
            float(rec.seconds), int(rec.hints), rec.mode, int(rec.override), int(rec.attempt),
        )  # fmt: skip
        shown = ",".join(map(str, rec.shown)) or None  # the options' order, for re-grading
        with self.transaction():
            self.conn.execute(
                f"INSERT INTO answers ({', '.join(ANSWER_FIELDS)}, shown)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (*row, shown),
            )
            cards.save(self.conn, rec.question_id, cards.history(self.conn, rec.question_id))

    def insert_new(self, rows: list[tuple]) -> int:
        """Answers (ANSWER_FIELDS order) not already kept; how many were added. For imports."""
        added: set[str] = set()
        n = 0
        with self.transaction():
            for row in rows:
                qid, at_us, attempt, override = row[0], row[1], row[9], row[8]
                exists = self.conn.execute(
                    "SELECT 1 FROM answers WHERE question_id = ? AND at_us = ? AND attempt = ?"
                    " AND override = ? LIMIT 1",
                    (qid, at_us, attempt, override),
                ).fetchone()
                if exists:
                    continue
                self.conn.execute(
                    f"INSERT INTO answers ({', '.join(ANSWER_FIELDS)})"
                    " VALUES (?,?,?,?,?,?,?,?,?,?)",
                    row,
                )
                added.add(qid)
                n += 1
            cards.rebuild(self.conn, sorted(added))
        return n

    def answers(self) -> Iterator[tuple]:
        """Every answer in time order, as ANSWER_FIELDS tuples."""
        with self.lock:
            rows = self.conn.execute(
                f"SELECT {', '.join(ANSWER_FIELDS)} FROM answers ORDER BY at_us, id"
            ).fetchall()
        return iter(rows)

    def schedule(self) -> list[tuple[str, int]]:
        """(question id, due time in µs) for every question ever answered, soonest due first."""
        with self.lock:
            return self.conn.execute(
                "SELECT question_id, due_us FROM cards ORDER BY due_us, question_id"
            ).fetchall()

    def first_seen_since(self, since_us: int) -> int:
        """How many questions were answered for the first time at or after `since_us`."""
        with self.lock:
            return self.conn.execute(
                "SELECT COUNT(*) FROM cards WHERE first_us >= ?", (since_us,)
            ).fetchone()[0]

    def transaction(self) -> _Transaction:
        if self.read_only:
            raise StoreError(
                f"the progress store {self.path} cannot be written (the folder or file is"
                " read-only)",
                kind="io",
                path=self.path,
            )
        return _Transaction(self)

    def backup_to(self, target: Path) -> Path:
        """A consistent copy of the whole store (safe while others write)."""
        with self.lock:
            create_private(target)
            dest = sqlite3.connect(target)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
        return target

    def close(self) -> None:
        with self.lock:
            self.conn.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT under the store's lock; sqlite errors become StoreError."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store.lock.acquire()
        try:
            self.store.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            self.store.lock.release()
            raise _as_store_error(e, self.store.path) from e

    def __exit__(self, et, e, tb) -> bool:
        conn = self.store.conn
        try:
            if et is None:
                try:
                    conn.execute("COMMIT")
                except sqlite3.Error as err:
                    conn.execute("ROLLBACK")
                    raise _as_store_error(err, self.store.path) from err
                return False
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise _as_store_error(e, self.store.path) from e
            return False
        finally:
            self.store.lock.release()


def _as_store_error(e: sqlite3.Error, path: Path) -> StoreError:
    if isinstance(e, sqlite3.DatabaseError) and not isinstance(e, sqlite3.OperationalError):
        return StoreError(
            f"the progress store {path} is damaged ({e}). {_fresh_hint(path)}",
            kind="corrupt",
            path=path,
        )
    return StoreError(f"the progress store {path} cannot be written ({e})", kind="io", path=path)


def _fresh_hint(path: Path) -> str:
    return (
        "Nothing was changed. `tutor progress reset` keeps the file aside under a new name"
        " and starts fresh."
    )


def create_private(path: Path) -> None:
    """An empty file only its owner can read (SQLite gives its -wal and -shm the same mode).

    An empty file is a valid empty database; an existing file is left as it is.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_private_dir(folder: Path) -> None:
    """`folder` and its parents; the folder itself, when created here, is 0700."""
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)


def open_store(data_dir: Path | None = None) -> Store:
    """The store in `data_dir` (default_data_dir() when None), created and migrated as needed.

    Raises StoreError; kind "corrupt" (damaged anywhere in the file), "notafile" (a folder or
    other non-file where the store should be), "orphan" (a -wal journal without its database,
    which SQLite would silently discard) leave everything untouched for tutor.store.recover.
    """
    path = db_path(data_dir)
    try:
        make_private_dir(path.parent)
    except OSError as e:
        raise StoreError(f"cannot create the progress folder {path.parent} ({e})") from e
    _refuse_oddities(path)
    with contextlib.suppress(OSError):  # a read-only folder: connecting below says what is wrong
        create_private(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the progress store {path} ({e})", path=path) from e
    try:
        _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return Store(conn, path)


def _refuse_oddities(path: Path) -> None:
    try:
        _refuse_odd_files(path)
    except OSError as e:  # e.g. a folder that cannot be searched
        raise StoreError(f"cannot open the progress store {path} ({e})", path=path) from e


def _refuse_odd_files(path: Path) -> None:
    if path.exists() and not path.is_file():
        raise StoreError(
            f"{path} is a folder (or another non-file) where the progress file should be.",
            kind="notafile",
            path=path,
            detail="a folder",
        )
    wal = path.with_name(path.name + "-wal")
    if not path.exists() and wal.is_file() and wal.stat().st_size > 32:  # more than its header
        raise StoreError(
            f"{path.name}-wal is there but {path} is missing: the journal has lost its"
            " database (SQLite would discard it).",
            kind="orphan",
            path=path,
            detail="a journal without its database",
        )


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """PRAGMA quick_check: every page of the file is read (a few ms for a year of answers)."""
    problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    if problems != ["ok"]:
        raise StoreError(
            f"the progress store {path} is damaged ({problems[0]}). " + _fresh_hint(path),
            kind="corrupt",
            path=path,
            detail=problems[0],
        )


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    v = version(conn)  # reads the header: a file that is not SQLite fails here
    if v > LATEST:
        raise StoreError(
            f"the progress store {path} was written by a newer tutor (store version {v};"
            f" this tutor knows up to {LATEST}). Update tutor, or use --data DIR for a"
            " separate store. " + _fresh_hint(path),
            kind="newer",
            path=path,
        )
    if v == 0 and conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(
            f"{path} is a SQLite file but not a tutor progress store. " + _fresh_hint(path),
            kind="foreign",
            path=path,
        )
    return v


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        v = _check_version(conn, path)
        if v:
            check_integrity(conn, path)
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise StoreError(f"the progress store {path} cannot use WAL mode", path=path)
        conn.execute("PRAGMA synchronous = NORMAL")  # in WAL: durable against a killed process
        if 0 < v < LATEST:
            _keep_before_migrating(conn, path, v)
        migrate(conn)
    except sqlite3.DatabaseError as e:
        if isinstance(e, sqlite3.OperationalError):
            raise StoreError(f"cannot open the progress store {path} ({e})", path=path) from e
        raise StoreError(
            f"the progress store {path} is damaged ({e}). " + _fresh_hint(path),
            kind="corrupt",
            path=path,
            detail=str(e),
        ) from e


def _keep_before_migrating(conn: sqlite3.Connection, path: Path, v: int) -> None:
    """A copy of an older store before its schema changes: history is never at risk."""
    target = stamped(path, f"v{v}.bak")
    create_private(target)
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()


def move_aside(path: Path, suffix: str = "corrupt") -> Path:
    """Rename a damaged store (and its WAL files) to a timestamped name; the new name.

    open_store never calls it; tutor.store.recover does, and says where the file went.
    A -wal left without its database travels alone (the name returned is then not a file).
    """
    target = stamped(path, suffix)
    if path.exists() or path.is_symlink():
        path.rename(target)
    for side in SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():
            extra.rename(target.with_name(target.name + side))
    return target


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only, without creating anything; `immutable` when the -shm cannot be made (a
    read-only folder: then nobody can be writing the file either)."""
    uri = "file:" + quote(str(path.resolve()))
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, check_same_thread=False)


def memory_connection() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)


def open_read_only(data_dir: Path | None = None) -> Store:
    """A copy in memory of the store on disk, for reading when it cannot be written.

    Checked like open_store (version, integrity); an older store is migrated in the copy only.
    An absent store reads as empty. Writing raises StoreError (kind "io").
    """
    path = db_path(data_dir)
    _refuse_oddities(path)
    mem = memory_connection()
    try:
        if path.is_file():
            try:
                src = _connect_read_only(path)
                try:
                    if _check_version(src, path):
                        check_integrity(src, path)
                    src.backup(mem)
                finally:
                    src.close()
            except sqlite3.DatabaseError as e:
                if isinstance(e, sqlite3.OperationalError):
                    raise StoreError(
                        f"cannot read the progress store {path} ({e})", path=path
                    ) from e
                raise StoreError(
                    f"the progress store {path} is damaged ({e}).",
                    kind="corrupt",
                    path=path,
                    detail=str(e),
                ) from e
        migrate(mem)
    except BaseException:
        mem.close()
        raise
    return Store(mem, path, read_only=True)


def start_fresh(data_dir: Path | None = None) -> tuple[Store, Path | None]:
    """Open the store; if it is damaged or newer, move it aside first. (store, where it went)."""
    try:
        return open_store(data_dir), None
    except StoreError as e:
        if not e.can_start_fresh or e.path is None:
            raise
        kept = move_aside(e.path, "corrupt" if e.kind == "corrupt" else "bak")
        return open_store(data_dir), kept
