"""`tutor grade` on many JSON lines, as a whole process, against a plain json + WRatio script.

    .venv/bin/python tests/bench/bench_grade.py [--lines 200000]

Prints both wall times, their ratio (issue 3 target: ≤ 3×), answers per second, and the time to
grade one answer in process (target: well under a millisecond). Not a test: figures for the note.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BASELINE = r"""
import json, sys
from rapidfuzz import fuzz
from tutor.bank import load_bank
bank = load_bank()
key = {}
for q in bank.questions:
    key[q.id] = q.answer_text("en")
out = sys.stdout
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    row["score"] = fuzz.WRatio(row["answer"], key[row["id"]]) / 100
    out.write(json.dumps(row, ensure_ascii=False) + "\n")
"""


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = [
        json.loads(x) for x in (ROOT / "tests/data/labelled.jsonl").read_text("utf-8").splitlines()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "answers.jsonl"
        with f.open("w", encoding="utf-8") as out:
            for i in range(args.lines):
                r = rows[i % len(rows)]
                out.write(
                    json.dumps({"id": r["id"], "answer": r["answer"], "n": i}, ensure_ascii=False)
                    + "\n"
                )
        base = Path(tmp) / "baseline.py"
        base.write_text(BASELINE, encoding="utf-8")
        ours = [wall([sys.executable, "-m", "tutor", "grade", str(f)]) for _ in range(args.runs)]
        plain = [wall([sys.executable, str(base), str(f)]) for _ in range(args.runs)]
    o, p = statistics.median(ours), statistics.median(plain)
    print(f"{args.lines} lines: tutor grade {o:.2f} s ({args.lines / o:,.0f} answers/s), "
          f"json+WRatio {p:.2f} s ({args.lines / p:,.0f} answers/s), ratio {o / p:.2f}×")  # fmt: skip

    from tutor.bank import load_bank
    from tutor.grading import grade

    bank = load_bank()
    cold = []
    for r in rows:
        q = bank.get(r["id"])
        t = time.perf_counter()
        grade(q, r["answer"] + " ", bank=bank)  # a fresh string: no cache hit on the answer
        cold.append(time.perf_counter() - t)
    cold.sort()
    print(f"one answer in process: median {statistics.median(cold) * 1e6:.0f} µs, "
          f"p99 {cold[int(len(cold) * 0.99)] * 1e6:.0f} µs, max {cold[-1] * 1e3:.2f} ms "
          "(first answers include the per-question preparation)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
