"""`tutor drill`: write a drill spec (new), check one (check), turn a results file into a
spreadsheet (export), or run a drill alone (`tutor drill FILE --name NAME`).

The sub-words are parsed here rather than as argparse sub-commands, so that `tutor drill FILE`
runs a drill while `tutor drill new` writes one.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from tutor.commands.common import load_or_report, positive

HELP = "classroom drills: `new`, `check FILE`, `export RESULTS`, or `FILE --name NAME` to run one"
WORDS = ("new", "check", "export")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "rest", nargs=argparse.REMAINDER, metavar="new|check|export|FILE ...",
        help="`new [filters] > week3.yaml`, `check FILE`, `export RESULTS [--format csv]`, "
        "or `FILE --name NAME [--out DIR] [--plain]` to run a drill alone",
    )  # fmt: skip


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"tutor drill {prog}".strip(), description=description)
    p.add_argument("--bank", metavar="PATH", default=argparse.SUPPRESS, help="another bank")
    p.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help="the data folder")
    return p


def _seconds(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {s!r}") from None
    if not 1 <= v <= 86400:
        raise argparse.ArgumentTypeError(f"seconds from 1 to 86400, got {s}")
    return v


def _merge(args: argparse.Namespace, sub: argparse.Namespace) -> argparse.Namespace:
    merged = argparse.Namespace(**vars(args))
    for k, v in vars(sub).items():
        setattr(merged, k, v)
    return merged


def run(args: argparse.Namespace) -> int:
    rest = list(args.rest or [])
    word = rest[0] if rest else None
    if word == "new":
        return _new(args, rest[1:])
    if word == "check":
        return _check(args, rest[1:])
    if word == "export":
        return _export(args, rest[1:])
    if word is None or (word.startswith("-") and word not in ("--bank", "--data")):
        print(
            "usage: tutor drill new|check|export ... or tutor drill FILE --name NAME "
            "(tutor drill --help)",
            file=sys.stderr,
        )
        return 2
    from tutor.commands.drill_alone import run_alone

    return run_alone(args, rest)


# --- new ---


def _new(args: argparse.Namespace, argv: list[str]) -> int:
    from tutor.drill.spec import REVEALS, DrillSpec, check_against_bank, dump_spec

    p = _parser("new", "write a drill spec to stdout (same filters as `tutor study`)")
    p.add_argument("--title", default="Drill", help="the drill's title (default: Drill)")
    p.add_argument(
        "--question", action="append", default=[], metavar="ID",
        help="these questions, in this order, instead of filters (repeatable)",
    )  # fmt: skip
    p.add_argument("--article", action="append", default=[], metavar="ID")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument(
        "--difficulty", action="append", default=[], type=int, choices=(1, 2, 3), metavar="N"
    )
    p.add_argument("--length", type=positive, default=10, metavar="N", help="questions (10)")
    p.add_argument("--seed", type=int, default=None, metavar="N", help="default: a new one")
    p.add_argument("--time-per-question", type=_seconds, default=None, metavar="S")
    p.add_argument("--time-total", type=_seconds, default=None, metavar="S")
    p.add_argument("--attempts", type=int, choices=range(1, 6), default=1, metavar="N")
    p.add_argument("--hints", action="store_true", help="allow hints")
    p.add_argument("--show-answers", choices=REVEALS, default="after_each")
    p.add_argument(
        "--lang", action="append", choices=("ar", "en"), default=[],
        help="languages, the first the default (repeatable; default: ar, en)",
    )  # fmt: skip
    sub = p.parse_args(argv)
    merged = _merge(args, sub)
    spec = DrillSpec(
        title=sub.title, seed=sub.seed if sub.seed is not None else random.randrange(10**6),
        ids=tuple(sub.question), articles=tuple(sub.article), tags=tuple(sub.tag),
        difficulty=tuple(sub.difficulty), count=sub.length,
        time_per_question=sub.time_per_question, time_total=sub.time_total,
        attempts=sub.attempts, hints=sub.hints, show_answers=sub.show_answers,
        languages=tuple(sub.lang) or ("ar", "en"),
    )  # fmt: skip
    bank = load_or_report(merged)
    if bank is None:
        return 1
    problems = [p for p in check_against_bank(spec, bank) if p.severity == "error"]
    if problems:
        for prob in problems:
            print(f"tutor drill new: {prob.message}", file=sys.stderr)
        return 2
    sys.stdout.write(dump_spec(spec))
    return 0


# --- check ---


def _check(args: argparse.Namespace, argv: list[str]) -> int:
    from tutor.display.safe import sanitize
    from tutor.drill.spec import SpecError, check_against_bank, load_spec, select_questions

    p = _parser("check", "check a drill spec: its fields, and that the bank has its questions")
    p.add_argument("file", metavar="FILE")
    sub = p.parse_args(argv)
    try:
        spec = load_spec(sub.file)
    except SpecError as e:
        for prob in e.problems:
            print(sanitize(f"error: {prob}"), file=sys.stderr)
        print(f"\n{len(e.problems)} problem(s) found", file=sys.stderr)
        return 1
    bank = load_or_report(_merge(args, sub))
    if bank is None:
        return 1
    problems = check_against_bank(spec, bank, Path(sub.file))
    for prob in problems:
        print(sanitize(f"{prob.severity}: {prob}"), file=sys.stderr)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        print(f"\n{len(errors)} problem(s) found", file=sys.stderr)
        return 1
    qs = select_questions(spec, bank)
    limit = f"{spec.time_per_question:g} s a question" if spec.time_per_question else "no limit"
    total = f", {spec.time_total:g} s in all" if spec.time_total else ""
    print(sanitize(f"{spec.title}: {len(qs)} question(s), {limit}{total}, ") + (
        f"{spec.attempts} attempt(s), hints {'on' if spec.hints else 'off'}, "
        f"answers shown {spec.show_answers}, seed {spec.seed}, {spec.digest}"
    ))  # fmt: skip
    print("clean")
    return 0


# --- export ---


def _export(args: argparse.Namespace, argv: list[str]) -> int:
    from tutor.drill.results import read_rows, to_csv

    p = _parser("export", "write results files (JSON Lines) as one CSV for a spreadsheet")
    p.add_argument("files", nargs="+", metavar="RESULTS")
    p.add_argument("--format", choices=("csv",), default="csv")
    sub = p.parse_args(argv)
    rows = []
    for name in sub.files:
        try:
            rows += list(read_rows(Path(name)))
        except OSError as e:
            print(f"tutor drill export: {name}: {e.strerror or e}", file=sys.stderr)
            return 1
    sys.stdout.buffer.write(to_csv(rows).encode("utf-8"))
    return 0
