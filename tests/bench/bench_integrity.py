"""The cost of checking the whole store at open (PRAGMA quick_check), and of mending a damaged one.

    .venv/bin/python tests/bench/bench_integrity.py [--answers 3000 100000] [--runs 15]

For each size: a store of that many answers over the bundled bank's questions (3,000 is a year of
daily study; 100,000 the large store of bench_store.py), then the median time to open it (open_store,
which now runs quick_check), of quick_check alone, and — after 4 KiB in the middle of the file is
overwritten — of open_repairing (set aside, salvage, fresh store). Not a test.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import tutor.store.db as db_module  # noqa: E402
from tutor.bank.load import load_bank  # noqa: E402
from tutor.store import open_store  # noqa: E402
from tutor.store.paths import DB_NAME  # noqa: E402
from tutor.store.recover import open_repairing  # noqa: E402
from tutor.store.schedule import to_us  # noqa: E402


def build(data: Path, n: int, ids: list[str]) -> None:
    rng = random.Random(1)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows = []
    for _ in range(n):
        at = start + timedelta(seconds=rng.randrange(365 * 86_400))
        verdict = rng.choices(("correct", "partial", "incorrect"), (0.6, 0.1, 0.3))[0]
        score = {"correct": 1.0, "partial": 0.5}.get(verdict, 0.0)
        rows.append((rng.choice(ids), to_us(at), "a typed answer", verdict, score,
                     rng.uniform(3, 90), 0, "app", 0, 1))  # fmt: skip
    rows.sort(key=lambda r: r[1])
    s = open_store(data)
    s.insert_new(rows)
    s.close()


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers", type=int, nargs="+", default=[3000, 100_000])
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    ids = [q.id for q in load_bank(None).questions]
    checked = db_module.check_integrity
    for n in a.answers:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            build(data, n, ids)
            db = data / DB_NAME
            size = db.stat().st_size

            def check(db: Path = db) -> None:
                c = sqlite3.connect(db)
                assert c.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                c.close()

            def opened(data: Path = data) -> None:
                open_store(data).close()

            check_ms, open_ms = median_ms(check, a.runs), median_ms(opened, a.runs)
            db_module.check_integrity = lambda conn, path: None  # open as before issue 12
            bare_ms = median_ms(opened, a.runs)
            db_module.check_integrity = checked
            mend = []
            for _ in range(max(3, a.runs // 5)):
                work = Path(tmp) / "work"
                shutil.rmtree(work, ignore_errors=True)
                shutil.copytree(data, work)
                b = bytearray((work / DB_NAME).read_bytes())
                at = len(b) // 2 // 4096 * 4096
                b[at : at + 4096] = b"\xab" * 4096
                (work / DB_NAME).write_bytes(bytes(b))
                t = time.perf_counter()
                s = open_repairing(work)
                mend.append(time.perf_counter() - t)
                saved = s.repair.salvaged if s.repair else n
                s.close()
        print(f"{n:,} answers, {size / 2**20:.1f} MiB: open_store {open_ms:.1f} ms"
              f" ({bare_ms:.1f} ms without the check; quick_check alone {check_ms:.1f} ms);"
              f" mending 4 KiB of damage"
              f" {statistics.median(mend) * 1e3:.0f} ms ({saved:,} answers kept)")  # fmt: skip


if __name__ == "__main__":
    main()
