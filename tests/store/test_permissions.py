"""An answer history is the learner's own: files 0600, the data folder 0700, whatever the umask."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tutor.store import open_store
from tutor.store.paths import DB_NAME
from tutor.store.transfer import reset


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.fixture(autouse=True)
def lax_umask():
    old = os.umask(0o022)  # the usual default, which gives 0644 files and 0755 folders
    yield
    os.umask(old)


def test_a_new_store_and_its_journal_are_private(h, tmp_path: Path) -> None:
    data = tmp_path / "deep" / "data"
    s = open_store(data)
    s.record(h.rec("q1", h.T0))
    assert mode(data) == 0o700
    assert mode(data / DB_NAME) == 0o600
    assert mode(data / (DB_NAME + "-wal")) == 0o600
    assert mode(data / (DB_NAME + "-shm")) == 0o600
    s.close()


def test_backups_are_private_too(h, tmp_path: Path) -> None:
    s = open_store(tmp_path)
    s.record(h.rec("q1", h.T0))
    s.close()
    backup = reset(tmp_path)
    assert backup is not None and mode(backup) == 0o600


def test_an_existing_shared_folder_keeps_its_mode(tmp_path: Path) -> None:
    """--data may name a class folder a teacher made: tutor does not chmod what it did not make."""
    shared = tmp_path / "class"
    shared.mkdir(mode=0o775)
    os.chmod(shared, 0o775)
    open_store(shared).close()
    assert mode(shared) == 0o775 and mode(shared / DB_NAME) == 0o600
