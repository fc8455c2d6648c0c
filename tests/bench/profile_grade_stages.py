"""Where the time of `tutor grade` goes, stage by stage, on the distinct answers of bench_grade.

    .venv/bin/python tests/bench/profile_grade_stages.py [--lines 100000] [--seed 1] [--part P]

Grades make_answers.py's lines in process, as `tutor grade` does (its own functions: parse, a
Batch, write), each part in a process of its own so that none finds the caches another warmed:
plain, for the time per line; line by line, apart for the lines that are exactly a form the bank
accepts; the floor under any answer (the same lines again, every verdict remembered: parse, look
up, write); one exact accepted form per question graded with the answer-keyed caches emptied
first; and by stage, each stage's functions wrapped by a timer that charges a function's CPU
time to its stage minus the time of the stages it calls (JSON in, the batch's row handling,
normalising, preparing the question, polarity, each type's grader, reasons, JSON out, and
grade()'s own glue), the timers' own cost taken out. Not a test: figures for the note.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

NS = time.process_time_ns  # CPU time, as the totals: steadier on a shared machine
_excl: defaultdict[str, int] = defaultdict(int)
_calls: defaultdict[str, int] = defaultdict(int)
_children: defaultdict[str, int] = defaultdict(int)  # timed calls a stage made
_stack: list[list[int]] = []


def timed(stage: str | Callable[..., str], fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn`, charging its time, less that of timed stages inside it, to `stage` (or to the
    stage `stage(*args)` names)."""

    @functools.wraps(fn)
    def w(*a: Any, **k: Any) -> Any:
        name = stage if isinstance(stage, str) else stage(*a)
        _stack.append([0, 0])
        t0 = NS()
        try:
            return fn(*a, **k)
        finally:
            el = NS() - t0
            inner, children = _stack.pop()
            _excl[name] += el - inner
            _calls[name] += 1
            _children[name] += children
            if _stack:
                _stack[-1][0] += el
                _stack[-1][1] += 1

    return w


def instrument() -> None:
    """Wrap every stage's functions wherever a module holds them (a `from … import` copies the
    name into the importing module, so each module's binding is replaced)."""
    import tutor.commands.grade as cmd
    import tutor.grading.batch as batch
    import tutor.grading.grader as grader
    import tutor.grading.normalize as nz
    import tutor.grading.reasons as R

    stages: dict[object, str | Callable[..., str]] = {
        nz.normalize: "normalise",
        nz.fold: "normalise",
        nz.words: "normalise",
        grader.polarity: "polarity",
        grader.prepared: "prepared lookup",
        grader._by_type: lambda p, *_: f"type grader: {p.question.type}",
        batch.grade: "grade() glue",
        cmd._parse: "JSON in",
        cmd._not_utf8: "JSON in",
        cmd._json_line: "JSON out",
    }
    for name in dir(R):
        f = getattr(R, name)
        if callable(f) and getattr(f, "__module__", "") == R.__name__:
            stages[f] = "reasons"
    stages[R.Verdict] = "reasons"
    wrapped = {id(f): timed(s, f) for f, s in stages.items()}
    for mod in list(sys.modules.values()):
        if not getattr(mod, "__name__", "").startswith("tutor."):
            continue
        for k, v in list(vars(mod).items()):
            if id(v) in wrapped and v in stages:
                setattr(mod, k, wrapped[id(v)])
    batch.Batch.grade_row = timed("batch row", batch.Batch.grade_row)


def _calls_outside(cost: float) -> float:
    """The timers' cost charged to no stage (calls made from the untimed loop)."""
    return (sum(_calls.values()) - sum(_children.values())) * cost


def chunks(lines: list[str], size: int = 1000) -> list[list[tuple[int, str]]]:
    numbered = list(enumerate(lines, start=1))
    return [numbered[i : i + size] for i in range(0, len(numbered), size)]


def run_all(lines: list[str]) -> float:
    """Seconds (CPU) to grade `lines` with a fresh Batch, as `tutor grade` does."""
    import tutor.commands.grade as cmd
    from tutor.bank import load_bank
    from tutor.grading.batch import Batch

    batch = Batch(load_bank())
    cmd._few_collections()
    t = time.process_time()
    out = []
    for c in chunks(lines):
        out.append(cmd._grade_chunk(batch, c)[0])
    return time.process_time() - t


def exact_forms() -> dict[str, set[str]]:
    """Per question, the texts the bank writes down as right: its answer's forms, accepted
    forms, the right option's forms."""
    from tutor.bank import load_bank
    from tutor.bank.model import Localized

    out: dict[str, set[str]] = {}
    for q in load_bank().questions:
        forms: set[str] = set(q.accept)
        if isinstance(q.answer, Localized):
            forms |= set(q.answer.forms())
        elif q.type == "choice" and isinstance(q.answer, int):
            forms |= set(q.choices[q.answer].forms())
        else:
            forms |= {q.answer_text("en"), q.answer_text("ar")}
        out[q.id] = {f for f in forms if f}
    return out


def per_line(lines: list[str], forms: dict[str, set[str]]) -> tuple[list[float], list[float]]:
    """CPU µs of each line graded on its own, as part of the whole run; the exact right forms'
    times apart."""
    import tutor.commands.grade as cmd
    from tutor.bank import load_bank
    from tutor.grading.batch import Batch

    batch = Batch(load_bank())
    every, exact = [], []
    for n, line in enumerate(lines, start=1):
        t = time.process_time_ns()
        text, _ = cmd._grade_line(batch, n, line) or ("", None)
        us = (time.process_time_ns() - t) / 1e3
        every.append(us)
        row = json.loads(line)
        if row["answer"] in forms.get(row["id"], ()) and '"verdict": "correct"' in text:
            exact.append(us)
    return every, exact


def cold_exact(forms: dict[str, set[str]], rounds: int = 20) -> list[float]:
    """µs to grade one exact right form per question, with the caches that remember answers
    (fold, normalize, polarity, a text judgement) emptied first; the question stays prepared."""
    import tutor.grading.by_text as by_text
    import tutor.grading.normalize as nz
    import tutor.grading.polarity as pol
    from tutor.bank import load_bank
    from tutor.grading import grade, warm

    bank = load_bank()
    warm(bank.questions, bank)
    clear = [nz.fold.cache_clear, nz.normalize.cache_clear, by_text._JUDGED.clear]
    clear += [f.cache_clear for f in vars(pol).values() if hasattr(f, "cache_clear")]
    out = []
    for _ in range(rounds):
        for q in bank.questions:
            form = min(forms[q.id], key=len)
            for c in clear:
                c()
            t = time.process_time_ns()
            v = grade(q, form, bank=bank)
            out.append((time.process_time_ns() - t) / 1e3)
            assert v.verdict == "correct", (q.id, form, v)
    return out


PARTS = ("plain", "per-line", "floor", "cold", "stages")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--part", choices=PARTS, default=None,
                    help="one measurement (default: each, in a process of its own, so that no "
                    "part finds the caches another warmed)")  # fmt: skip
    args = ap.parse_args()
    if args.part is None:
        for part in PARTS:
            cmd = [sys.executable, __file__, "--part", part, "--lines", str(args.lines),
                   "--seed", str(args.seed)]  # fmt: skip
            if subprocess.run(cmd, check=False).returncode:
                return 1
        return 0
    from make_answers import answers

    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in answers(args.lines, args.seed)]
    n = len(lines)
    if args.part == "stages":
        return stages(lines)
    if args.part == "plain":
        plain = run_all(lines)
        print(f"{n:,} distinct answers in process, CPU: {plain:.2f} s, "
              f"{plain / n * 1e6:.0f} µs a line")  # fmt: skip
    elif args.part == "per-line":
        every, exact = per_line(lines, exact_forms())
        print(f"line by line: median {statistics.median(every):.0f} µs, mean "
              f"{statistics.fmean(every):.0f} µs; the {len(exact):,} lines that are exactly a "
              f"right form: median {statistics.median(exact):.0f} µs, "
              f"mean {statistics.fmean(exact):.0f} µs")  # fmt: skip
    elif args.part == "floor":
        print(f"floor, every verdict already remembered (parse, look up, write): "
              f"{floor(lines) / n * 1e6:.1f} µs a line")  # fmt: skip
    else:
        cold = sorted(cold_exact(exact_forms()))
        print(f"one exact right form per question, answer caches emptied (grade() only, "
              f"{len(cold):,}): median {statistics.median(cold):.0f} µs, "
              f"p90 {cold[int(len(cold) * 0.9)]:.0f} µs")  # fmt: skip
    return 0


def floor(lines: list[str]) -> float:
    """CPU seconds for `lines` again, each an echo of one already graded (another field added)."""
    import tutor.commands.grade as cmd
    from tutor.bank import load_bank
    from tutor.grading.batch import Batch

    repeat = [json.dumps({**json.loads(x), "n": i}, ensure_ascii=False) + "\n"
              for i, x in enumerate(lines)]  # fmt: skip
    batch = Batch(load_bank())
    for c in chunks(lines):  # every verdict remembered
        cmd._grade_chunk(batch, c)
    t = time.process_time()
    for c in chunks(repeat):
        cmd._grade_chunk(batch, c)
    return time.process_time() - t


def stages(lines: list[str]) -> int:
    n = len(lines)
    # the wrapper's own cost, to read the shares by
    noop = timed("calibration", lambda: None)
    t = NS()
    for _ in range(100_000):
        noop()
    per_call = (NS() - t) / 100_000
    # what a timed call costs its caller beyond what the call itself is charged
    cost = per_call - _excl["calibration"] / _calls["calibration"]
    _excl.clear()
    _calls.clear()
    _children.clear()

    instrument()
    gc.collect()
    t = time.process_time()
    run_all(lines)
    total_ns = (time.process_time() - t) * 1e9
    overhead = sum(_calls.values()) * cost
    for s in list(_excl):  # the timers' own cost, taken out of the stages that paid it
        _excl[s] -= _children[s] * cost
    total_ns -= overhead
    timed_ns = sum(_excl.values())
    print(f"\nby stage ({total_ns / 1e9:.2f} s CPU once the timers' own {overhead / 1e9:.2f} s "
          f"({cost:.0f} ns a timed call) is taken out):")  # fmt: skip
    rows = sorted(_excl.items(), key=lambda kv: -kv[1])
    rows.append(("loop, chunks, encode (rest)", total_ns - timed_ns - _calls_outside(cost)))
    for stage, ns in rows:
        c = _calls.get(stage)
        calls = f"{c / n:5.2f} calls a line, {ns / c / 1e3:6.1f} µs a call" if c else ""
        print(f"  {stage:28} {ns / total_ns * 100:5.1f} %  {ns / n / 1e3:6.1f} µs a line  {calls}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
