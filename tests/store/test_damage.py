"""A damaged store never locks the learner out: it is set aside, salvaged, and study goes on."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from tutor.store import StoreError, open_store
from tutor.store.paths import DB_NAME
from tutor.store.recover import open_repairing

ANSWERS = 600


@pytest.fixture
def full(h, tmp_path: Path) -> Path:
    """A data folder with ANSWERS answers, closed cleanly (no -wal left)."""
    data = tmp_path / "good"
    s = open_store(data)
    for i in range(ANSWERS):
        s.record(h.rec(f"q{i % 40}", h.T0 + timedelta(minutes=i), answer=f"typed answer {i}"))
    s.close()
    return data


def copy(full: Path, tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(full, data)
    return data, data / DB_NAME


def overwrite(path: Path, at: int, n: int, byte: bytes = b"\xab") -> bytes:
    b = bytearray(path.read_bytes())
    b[at : at + n] = byte * n
    path.write_bytes(b)
    return bytes(b)


def page_holding(path: Path, text: str, page: int = 4096) -> int:
    """The offset of the page that holds `text`: a page of answers in the middle of the file."""
    return path.read_bytes().index(text.encode()) // page * page


def kept_files(data: Path, marker: str) -> list[Path]:
    return sorted(p for p in data.iterdir() if f".{marker}-" in p.name)


def works(h, data: Path) -> int:
    """Record one more answer, reopen strictly: the new store is healthy. Answers kept."""
    s = open_store(data)
    s.record(h.rec("after", h.T0 + timedelta(days=30)))
    n = len(list(s.answers()))
    s.close()
    return n


def test_damage_in_the_middle_is_found_at_open(full: Path, tmp_path: Path) -> None:
    data, path = copy(full, tmp_path)
    before = overwrite(path, page_holding(path, f"typed answer {ANSWERS // 2}"), 4096)
    with pytest.raises(StoreError) as err:
        open_store(data)  # the header is intact: only a check of every page sees this
    assert err.value.kind == "corrupt" and err.value.can_start_fresh
    assert path.read_bytes() == before  # the strict opener still moves nothing


def test_damage_in_the_middle_is_set_aside_and_salvaged(h, full: Path, tmp_path: Path) -> None:
    data, path = copy(full, tmp_path)
    before = overwrite(path, page_holding(path, f"typed answer {ANSWERS // 2}"), 4096)
    s = open_repairing(data)
    rows = list(s.answers())
    repair = s.repair
    s.close()
    (kept,) = kept_files(data, "corrupt")
    assert kept.read_bytes() == before  # the damaged file, byte for byte, under a new name
    assert repair is not None and repair.kept == kept
    assert ANSWERS * 0.8 < repair.salvaged == len(rows) < ANSWERS  # a page's worth lost
    assert f"typed answer {ANSWERS // 2}" not in {r[2] for r in rows}
    assert {r[2] for r in rows} <= {f"typed answer {i}" for i in range(ANSWERS)}
    msg = repair.message("en")
    assert str(kept) in msg and "damaged" in msg and f"{len(rows)} answer(s)" in msg
    ar = repair.message("ar")  # a file name in an Arabic sentence is a left-to-right isolate
    assert f"\u2066{kept}\u2069" in ar and "تالف" in ar
    assert works(h, data) == len(rows) + 1


@pytest.mark.parametrize("table", ["answers_by_time", "cards"])
def test_damage_to_an_index_or_the_cards_loses_no_answer(
    h, full: Path, tmp_path: Path, table: str
) -> None:
    """Indexes and cards are rebuilt from the answers: such damage costs nothing once mended."""
    data, path = copy(full, tmp_path)
    conn = sqlite3.connect(path)
    try:
        page = conn.execute(
            "SELECT MAX(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
        ).fetchone()[0]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find the pages with")
    finally:
        conn.close()
    overwrite(path, (page - 1) * 4096, 4096)
    with pytest.raises(StoreError):
        open_store(data)
    s = open_repairing(data)
    assert s.repair is not None and s.repair.salvaged == ANSWERS
    assert len(s.schedule()) == 40  # a card for every question answered
    s.close()
    assert works(h, data) == ANSWERS + 1


def test_a_damaged_header_is_set_aside_and_the_pages_behind_it_read(
    h, full: Path, tmp_path: Path
) -> None:
    data, path = copy(full, tmp_path)
    before = overwrite(path, 0, 100, b"\x00")
    with pytest.raises(StoreError):
        open_store(data)
    s = open_repairing(data)
    assert s.repair is not None and s.repair.salvaged == ANSWERS
    s.close()
    (kept,) = kept_files(data, "corrupt")
    assert kept.read_bytes() == before
    assert works(h, data) == ANSWERS + 1


def test_a_file_that_is_no_database_at_all_starts_afresh(h, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    s = open_repairing(data)
    assert s.repair is not None and s.repair.salvaged == 0
    assert "nothing could be recovered" in s.repair.message()
    s.close()
    (kept,) = kept_files(data, "corrupt")
    assert kept.read_bytes() == b"this is not sqlite at all" * 100
    assert works(h, data) == 1


def test_a_truncated_store_keeps_the_answers_before_the_cut(h, full: Path, tmp_path: Path) -> None:
    data, path = copy(full, tmp_path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) * 2 // 3])
    s = open_repairing(data)
    repair = s.repair
    s.close()
    assert repair is not None and 0 < repair.salvaged < ANSWERS
    (kept,) = kept_files(data, "corrupt")
    assert kept.read_bytes() == whole[: len(whole) * 2 // 3]
    assert works(h, data) == repair.salvaged + 1


def test_a_journal_without_its_database_is_kept_and_read(h, tmp_path: Path) -> None:
    """A killed tutor leaves history in the -wal; if the main file then goes missing, SQLite
    would silently delete that journal at the next open."""
    data = tmp_path / "data"
    s = open_store(data)
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")  # everything stays in the journal
    for i in range(30):
        s.record(h.rec(f"q{i}", h.T0 + timedelta(minutes=i)))
    wal = data / (DB_NAME + "-wal")
    journal = wal.read_bytes()
    s.close()
    (data / DB_NAME).unlink(missing_ok=True)
    for p in data.iterdir():
        p.unlink()
    wal.write_bytes(journal)
    with pytest.raises(StoreError) as err:
        open_store(data)
    assert err.value.kind == "orphan" and wal.read_bytes() == journal
    s = open_repairing(data)
    repair = s.repair
    s.close()
    assert repair is not None and repair.kind == "orphan"
    (kept,) = kept_files(data, "orphan")
    assert kept.name.endswith("-wal") and kept.read_bytes() == journal
    assert repair.salvaged == 30 and "journal" in repair.message()
    assert works(h, data) == 31


def test_an_empty_journal_or_a_stray_shm_is_no_cause_for_alarm(h, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / (DB_NAME + "-shm")).write_bytes(b"\0" * 32768)
    (data / (DB_NAME + "-wal")).write_bytes(b"")
    s = open_repairing(data)
    assert s.repair is None
    s.record(h.rec("q1", h.T0))
    s.close()
    assert not [p for p in data.iterdir() if "orphan" in p.name]


def test_damage_in_a_read_only_folder_is_read_as_far_as_it_goes(
    h, full: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither moved nor written: stats and export still show what the file holds."""
    from tutor.store import recover

    data, path = copy(full, tmp_path)
    before = overwrite(path, page_holding(path, f"typed answer {ANSWERS // 2}"), 4096)

    def refuse(*args: object, **kw: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(recover, "move_aside", refuse)
    with pytest.raises(StoreError) as err:
        open_repairing(data)
    assert err.value.kind == "io" and "cannot be set aside" in str(err.value)
    s = recover.open_for_reading(data)
    try:
        assert s.read_only and s.repair is not None and s.repair.kept is None
        assert ANSWERS * 0.8 < len(list(s.answers())) == s.repair.salvaged < ANSWERS
        assert "Nothing will be saved" in s.repair.message()
        with pytest.raises(StoreError):
            s.record(h.rec("q1", h.T0))
    finally:
        s.close()
    assert path.read_bytes() == before


def test_a_folder_where_the_file_should_be_is_moved_aside(h, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / DB_NAME).mkdir(parents=True)
    (data / DB_NAME / "inside.txt").write_text("keep me")
    with pytest.raises(StoreError) as err:
        open_store(data)
    assert err.value.kind == "notafile"
    s = open_repairing(data)
    assert s.repair is not None and "folder" in s.repair.message()
    s.close()
    (moved,) = kept_files(data, "moved")
    assert (moved / "inside.txt").read_text() == "keep me"
    assert works(h, data) == 1


def test_a_healthy_store_is_not_touched(h, full: Path, tmp_path: Path) -> None:
    data, _ = copy(full, tmp_path)
    s = open_repairing(data)
    assert s.repair is None and len(list(s.answers())) == ANSWERS
    s.close()
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]


def test_newer_and_foreign_stores_are_still_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        open_repairing(data)
    assert err.value.kind == "foreign"
    assert sorted(p.name for p in data.iterdir()) == [DB_NAME]
