"""`tutor grade` on many JSON lines, as a whole process, against a plain json + WRatio script.

    .venv/bin/python tests/bench/bench_grade.py [--lines 100000] [--runs 3] [--source DIR]

Two inputs: distinct answers (tests/bench/make_answers.py: the bank's forms with slips, filler,
number formats, wrong answers) and the labelled answers repeated over and over. For each, both
wall times, whole process to whole process, and their ratio (target: ≤ 3×). Then the time to
grade one answer of up to 2,000 characters in process (target: p99 under 5 ms). `--source` runs
another checkout's tutor package (say, main's, for a before figure). Not a test: figures for
the note.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

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


def wall(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one whole process; on a machine shared with
    others the CPU figure is the steadier one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    # from a neutral folder: `python -m` puts the current one first on the path, where a tutor
    # package (this checkout's) would win over --source
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=tempfile.gettempdir())  # fmt: skip
    elapsed = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(name: str, f: Path, base: Path, lines: int, runs: int, env: dict[str, str]) -> None:
    ours, plain = [], []
    for _ in range(runs):  # interleaved, so that a busy moment of the machine hits both
        ours.append(wall([sys.executable, "-m", "tutor", "grade", str(f)], env))
        plain.append(wall([sys.executable, str(base), str(f)], env))
    o, p = (statistics.median(w for w, _ in ours), statistics.median(w for w, _ in plain))
    oc, pc = (statistics.median(c for _, c in ours), statistics.median(c for _, c in plain))
    print(f"{name}, {lines:,} lines: tutor grade {o:.2f} s wall / {oc:.2f} s CPU "
          f"({lines / o:,.0f} answers/s), json+WRatio {p:.2f} s / {pc:.2f} s CPU; "
          f"ratio {o / p:.2f}× wall, {oc / pc:.2f}× CPU")  # fmt: skip


def in_process(seed: int) -> None:
    """Answers of 1 to 2,000 characters, each fresh, to every question of the bank."""
    from make_answers import answers

    from tutor.bank import load_bank
    from tutor.grading import grade, warm

    bank = load_bank()
    warm(bank.questions, bank)
    rng = random.Random(seed)
    pool = [r["answer"] for r in answers(5000, seed)]
    times = []
    for i in range(20):
        for q in bank.questions:
            size = rng.choice([10, 50, 200, 500, 1000, 1500, 2000])
            text = ""
            while len(text) < size:
                text += rng.choice(pool) + " "
            text = f"{i} {text}"[:size]
            t = time.process_time()  # CPU time: steadier than wall time on a shared machine
            grade(q, text, bank=bank)
            times.append(time.process_time() - t)
    times.sort()
    worst = [t * 1e3 for t in times[-3:]]
    print(f"one answer of up to 2,000 characters in process ({len(times):,}), CPU time: "
          f"median {statistics.median(times) * 1e6:.0f} µs, "
          f"p99 {times[int(len(times) * 0.99)] * 1e3:.2f} ms, slowest {worst[-1]:.1f} ms")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", type=Path, default=None,
                    help="a folder holding the tutor package to measure (default: this one)")  # fmt: skip
    ap.add_argument("--only", choices=("distinct", "repeated", "in-process"), default=None)
    args = ap.parse_args()
    env = dict(os.environ)
    if args.source:
        env["PYTHONPATH"] = str(args.source.resolve())
    from make_answers import answers

    labelled = [json.loads(x) for x in (ROOT / "tests/data/labelled.jsonl").read_text("utf-8")
                .splitlines()]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        env.setdefault("TUTOR_HOME", tmp)
        base = Path(tmp) / "baseline.py"
        base.write_text(BASELINE, encoding="utf-8")
        if args.only in (None, "distinct"):
            f = Path(tmp) / "distinct.jsonl"
            with f.open("w", encoding="utf-8") as out:
                for row in answers(args.lines, args.seed):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            compare("distinct answers", f, base, args.lines, args.runs, env)
        if args.only in (None, "repeated"):
            f = Path(tmp) / "repeated.jsonl"
            with f.open("w", encoding="utf-8") as out:
                for i in range(args.lines):
                    r = labelled[i % len(labelled)]
                    row = {"id": r["id"], "answer": r["answer"], "n": i}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            compare(f"the {len(labelled):,} labelled answers repeated", f, base, args.lines,
                    args.runs, env)  # fmt: skip
    if args.only in (None, "in-process"):
        if args.source:
            print("(in process: this checkout's grader; run it from the other checkout for its)")
        in_process(args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
