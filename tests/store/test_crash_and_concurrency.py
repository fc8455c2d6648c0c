"""A killed process loses nothing already recorded; two writers at once both succeed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tutor.engine.ports import AnswerRecord
from tutor.store import open_store

CHILD = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tutor.engine.ports import AnswerRecord
from tutor.store import open_store

store = open_store(Path(sys.argv[1]))
name, count = sys.argv[2], int(sys.argv[3])
t0 = datetime(2026, 3, 2, tzinfo=UTC)
i = 0
while count < 0 or i < count:
    store.record(AnswerRecord(f"{name}-{i % 50}", t0 + timedelta(seconds=i), f"answer {i}",
                              "correct", 1.0, 3.0, 0, "plain", attempt=1))
    print(i, flush=True)  # acknowledged: the record is committed
    i += 1
store.close()
"""


def _child(data: Path, name: str, count: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), name, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_answers_recorded_before_a_kill_9_are_all_there(tmp_path: Path) -> None:
    proc = _child(tmp_path, "q", -1)  # records until killed
    acknowledged = []
    assert proc.stdout is not None
    for line in proc.stdout:
        acknowledged.append(int(line))
        if len(acknowledged) == 40:
            break
    os.kill(proc.pid, signal.SIGKILL)  # mid-round: it is still recording
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    store = open_store(tmp_path)
    rows = list(store.answers())
    schedule = dict(store.schedule())
    store.close()
    assert {f"answer {i}" for i in acknowledged} <= {row[2] for row in rows}
    # every recorded answer has its card, and no card lacks its answer (the child may record one
    # or two more between its 40th acknowledgement and the kill: those count too)
    assert set(schedule) == {row[0] for row in rows}
    assert {f"q-{i}" for i in acknowledged} <= set(schedule)


@pytest.mark.slow
def test_two_processes_write_to_one_store_at_once(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    procs = [_child(tmp_path, name, 150) for name in ("first", "second")]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "locked" not in err
    store = open_store(tmp_path)
    rows = list(store.answers())
    store.close()
    assert len(rows) == 300
    assert {r[0].split("-")[0] for r in rows} == {"first", "second"}


def test_two_threads_with_their_own_connections_write_at_once(tmp_path: Path) -> None:
    stores = [open_store(tmp_path), open_store(tmp_path)]
    t0 = datetime(2026, 3, 2, tzinfo=UTC)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(100):
                stores[n].record(
                    AnswerRecord(
                        f"t{n}-{i % 10}",
                        t0 + timedelta(seconds=i),
                        "x",
                        "incorrect",
                        0.0,
                        1.0,
                        0,
                        "app",
                    )
                )
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=write, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(list(stores[0].answers())) == 200
    assert len(stores[1].schedule()) == 20
    for s in stores:
        s.close()


@pytest.mark.slow
def test_two_processes_opening_a_new_store_at_once_both_migrate_safely(tmp_path: Path) -> None:
    procs = [_child(tmp_path, name, 5) for name in ("x", "y", "z")]
    for p in procs:
        _out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    store = open_store(tmp_path)
    assert len(list(store.answers())) == 15
    store.close()
