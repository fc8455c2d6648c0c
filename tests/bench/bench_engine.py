"""Time from Session.submit() to its Outcome, in-process (target: well under 50 ms).

Run: .venv/bin/python tests/bench/bench_engine.py [--bank PATH]
Measures a first wrong answer (grade + hint) and a final answer (grade + evidence + highlight),
over every askable question of the bank, and prints median / p95 / max in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from tutor.bank import load_bank
from tutor.engine.session import RoundSpec, Session

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "engine_bank"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bank", default=str(DEFAULT))
    ap.add_argument("--rounds", type=int, default=50)
    args = ap.parse_args()
    bank = load_bank(args.bank, strict=False)
    askable = [q for q in bank.questions if q.prompt is not None]
    first, final = [], []
    for _ in range(args.rounds):
        s = Session(bank, RoundSpec(length=len(askable)), questions=askable)
        while s.current is not None:
            q = s.current
            t0 = time.perf_counter()
            s.submit("not the answer at all")
            t1 = time.perf_counter()
            s.submit(q.answer_text("en"))
            t2 = time.perf_counter()
            first.append((t1 - t0) * 1000)
            final.append((t2 - t1) * 1000)
            s.next()
    for name, xs in (("first try (grade + hint)", first), ("final (grade + evidence)", final)):
        xs.sort()
        p95 = xs[int(len(xs) * 0.95) - 1]
        print(f"{name}: n={len(xs)} median {statistics.median(xs):.3f} ms, "
              f"p95 {p95:.3f} ms, max {xs[-1]:.3f} ms")  # fmt: skip
    print(f"questions: {len(askable)}, articles: {len(bank.articles)}")


if __name__ == "__main__":
    main()
