"""Where progress lives: $TUTOR_HOME, else the user's data folder; `--data DIR` beats both."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

DB_NAME = "progress.sqlite3"
SIDE_FILES = ("-wal", "-shm")  # SQLite's WAL companions travel with the database file


def default_data_dir() -> Path:
    home = os.environ.get("TUTOR_HOME")
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir("tutor", appauthor=False))


def cache_dir(data_dir: Path | None = None) -> Path:
    """Where the bank cache goes: beside the progress when a folder is named, else the user's
    cache folder (so that tests and a teacher's --data never touch the real one)."""
    if data_dir is not None:
        return data_dir / "cache"
    home = os.environ.get("TUTOR_HOME")
    if home:
        return Path(home).expanduser() / "cache"
    return Path(platformdirs.user_cache_dir("tutor", appauthor=False))


def db_path(data_dir: Path | None) -> Path:
    return (data_dir if data_dir is not None else default_data_dir()) / DB_NAME


def stamped(path: Path, suffix: str, now: datetime | None = None) -> Path:
    """`progress.sqlite3` → `progress.sqlite3.<suffix>-20261122T134200Z`, never an existing name."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.{suffix}-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{suffix}-{stamp}-{n}")
    return candidate
