"""How fast `tutor ask` answers: on the bundled articles, and on a bank 100× larger.

Run on demand, never in CI:  .venv/bin/python tests/bench/bench_ask.py [--times N]

The larger bank is generated here: every article and question copied 100 times under new ids
(the copies are verbatim, so it measures speed, not accuracy). Each labelled question of
tests/data/ask/questions.jsonl is asked; the figures are per question, the index already built
(building it is timed apart: the chat builds it once, on the first question).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time
from pathlib import Path

from tutor.ask.index import build
from tutor.ask.lookup import search
from tutor.bank.load import load_bank
from tutor.bank.model import Bank, Quote

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "data" / "ask" / "questions.jsonl"


def bigger(bank: Bank, times: int) -> Bank:
    articles, questions = {}, []
    for k in range(times):
        for a in bank.articles.values():
            new = f"{a.id}-{k}"
            articles[new] = dataclasses.replace(a, id=new)
        for q in bank.questions:
            quotes = tuple(
                Quote(x.text, f"{x.article}-{k}" if x.article else None) for x in q.quotes
            )
            article = f"{q.article}-{k}" if q.article else None
            questions.append(
                dataclasses.replace(q, id=f"{q.id}-{k}", article=article, quotes=quotes)
            )
    return Bank(questions, articles)


def timed(bank: Bank, asked: list[str], label: str) -> None:
    t0 = time.perf_counter()
    index = build(bank)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    search(index, asked[0])  # warm caches built on first use (the sentences' vectors: dense.py)
    first = time.perf_counter() - t0
    took = []
    for text in asked:
        t = time.perf_counter()
        search(index, text, k=3)
        took.append((time.perf_counter() - t) * 1000)
    took.sort()
    p95 = took[int(len(took) * 0.95) - 1]
    print(
        f"{label}: {len(bank.articles)} articles, {len(index.sentences)} sentences, "
        f"{len(bank.questions)} questions; index built in {built:.2f} s, first question "
        f"{first:.2f} s (encodes the sentences unless cached); per question "
        f"median {statistics.median(took):.1f} ms, p95 {p95:.1f} ms, max {took[-1]:.1f} ms"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--times", type=int, default=100, help="copies in the larger bank")
    args = ap.parse_args()
    asked = [json.loads(line)["question"] for line in QUESTIONS.read_text("utf-8").splitlines()]
    bank = load_bank()
    timed(bank, asked, "bundled")
    timed(bigger(bank, args.times), asked, f"{args.times}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
