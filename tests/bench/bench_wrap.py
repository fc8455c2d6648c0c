"""How long tutor.display.bidi takes to lay out one long paragraph, as its length grows ×10.

Run: .venv/bin/python tests/bench/bench_wrap.py [--max 1000000] [--width 80]
For a word with no spaces (Latin and Arabic) and for ordinary Arabic words, prints seconds per
length and the growth from the previous length: about 10 is linear, about 100 quadratic.
(A 10 MB answer once froze the chat at 95 % CPU for minutes; bank fields and typed text are now
also capped for display, so this measures the wrapper itself.)
"""

from __future__ import annotations

import argparse
import time

from tutor.display import bidi

TEXTS = {
    "latin word": "x",
    "arabic word": "ب",
    "arabic words": "كلمة ",
}


def timed(layout, text: str, width: int) -> float:
    bidi._layout.cache_clear()
    start = time.perf_counter()
    layout(text, width)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=1_000_000, help="longest text, in characters")
    ap.add_argument("--width", type=int, default=80)
    args = ap.parse_args()
    print(f"{'text':14} {'layout':8} {'chars':>10} {'seconds':>9} {'growth':>7}")
    for name, unit in TEXTS.items():
        for layout in (bidi.logical_lines, bidi.visual_lines):
            previous = None
            n = 10_000
            while n <= args.max:
                text = (unit * (n // len(unit) + 1))[:n]
                secs = timed(layout, text, args.width)
                growth = f"{secs / previous:7.1f}" if previous else " " * 7
                kind = layout.__name__.split("_")[0]
                print(f"{name:14} {kind:8} {n:>10,} {secs:>9.3f} {growth}", flush=True)
                previous, n = secs, n * 10


if __name__ == "__main__":
    main()
