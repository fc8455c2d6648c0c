"""Picking the next round from a large store: 10,000 questions, 100,000 past answers.

    .venv/bin/python tests/bench/bench_store.py [--questions 10000] [--answers 100000]

Prints the time FsrsPicker takes to choose a round of 10 (median and p95 over many picks;
issue 6 target: under 20 ms), the time to record one more answer, and the store's file size.
Not a test: figures for the closing note.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tutor.bank.model import Localized, Question  # noqa: E402
from tutor.engine.ports import AnswerRecord  # noqa: E402
from tutor.store import FsrsPicker, open_store  # noqa: E402
from tutor.store.schedule import to_us  # noqa: E402

TAGS = ("treaty", "summits", "analysts", "military", "sanctions", "space", "china", "history")


def bank(n: int) -> list[Question]:
    return [
        Question(
            id=f"q{i:05d}",
            type="text",
            answer=Localized(en="answer"),
            prompt=Localized(en=f"question {i}?"),
            tags=(TAGS[i % len(TAGS)],),
            article=f"article-{i % 5}",
        )
        for i in range(n)
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=10_000)
    ap.add_argument("--answers", type=int, default=100_000)
    ap.add_argument("--picks", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(1)
    questions = bank(args.questions)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    span = 365 * 86_400
    seen = questions[: int(args.questions * 0.8)]  # a fifth of the bank still new
    rows = []
    for _ in range(args.answers):
        q = rng.choice(seen)
        at = start + timedelta(seconds=rng.randrange(span))
        verdict = rng.choices(("correct", "partial", "incorrect"), (0.6, 0.1, 0.3))[0]
        score = {"correct": 1.0, "partial": 0.5}.get(verdict, 0.0)
        rows.append((q.id, to_us(at), "typed", verdict, score, rng.uniform(3, 90), 0, "app", 0, 1))
    rows.sort(key=lambda r: r[1])
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = open_store(data)
        t = time.perf_counter()
        store.insert_new(rows)
        load = time.perf_counter() - t
        picker = FsrsPicker(store, new_per_day=20)
        now = start + timedelta(seconds=span + 86_400)
        times = []
        for i in range(args.picks):
            t = time.perf_counter()
            picker.pick(questions, 10, now + timedelta(minutes=i))
            times.append(time.perf_counter() - t)
        rec_times = []
        for i in range(50):
            rec = AnswerRecord(
                question_id=seen[i].id, answered_at=now + timedelta(seconds=i), answer="x",
                verdict="correct", score=1.0, seconds=10.0, hints=0, mode="app",
            )  # fmt: skip
            t = time.perf_counter()
            store.record(rec)
            rec_times.append(time.perf_counter() - t)
        store.close()
        size = sum(f.stat().st_size for f in data.iterdir())
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    print(f"{args.questions:,} questions, {args.answers:,} answers (loaded in {load:.1f} s)")
    print(f"pick a round of 10: median {statistics.median(times) * 1e3:.1f} ms, "
          f"p95 {p95 * 1e3:.1f} ms (target < 20 ms)")  # fmt: skip
    print(f"record one answer: median {statistics.median(rec_times) * 1e3:.2f} ms")
    print(f"store size: {size / 2**20:.1f} MiB ({size / args.answers:.0f} bytes an answer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
