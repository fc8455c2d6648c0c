"""`tutor grade`: grade answers collected elsewhere, one output line per input line, in order.

A public contract (teachers' scripts read it): JSON Lines by default, CSV with `--format csv` or a
`.csv` file. Input keys or columns are echoed as they are; `verdict`, `score`, `reason` are added.
A line that cannot be graded gets `"verdict": "error"` and the rest are still graded; the exit
status is then 1.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
from typing import IO, Any

from tutor.bank.model import Bank
from tutor.commands.common import load_or_report

HELP = "grade answers from a JSON Lines or CSV file (or stdin) against the bank"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", nargs="?", metavar="FILE", default="-",
        help='answers: JSON Lines {"id": …, "answer": …} or CSV with id,answer columns '
        "(default: stdin)",
    )  # fmt: skip
    p.add_argument(
        "--format", choices=("jsonl", "csv"), default=None,
        help="input and output format (default: csv for a .csv FILE, else jsonl)",
    )  # fmt: skip
    p.add_argument(
        "--lang", choices=("en", "ar"), default="en", help="language of the reasons (default: en)"
    )


def _open_input(name: str) -> IO[str]:
    if name == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    return open(name, encoding="utf-8-sig", newline="")


def _warn(where: str, message: str) -> None:
    print(f"tutor grade: {where}: {message}", file=sys.stderr)


def _jsonl(bank: Bank, src: IO[str], out: IO[str], name: str, lang: str) -> int:
    from tutor.grading.batch import ERROR, grade_row

    failed = 0
    for n, line in enumerate(src, start=1):
        if not line.strip():
            continue  # blank lines separate nothing in JSON Lines
        try:
            row: Any = json.loads(line)
        except json.JSONDecodeError as e:
            result: dict[str, Any] = {
                "line": n, "verdict": ERROR, "score": 0.0, "reason": f"not JSON: {e.msg}",
            }  # fmt: skip
        else:
            if not isinstance(row, dict):
                result = {"line": n, "verdict": ERROR, "score": 0.0,
                          "reason": "not a JSON object"}  # fmt: skip
            else:
                result = grade_row(bank, row, lang=lang)
                if result["verdict"] == ERROR:
                    result = {**result, "line": n}
        if result["verdict"] == ERROR:
            failed += 1
            _warn(f"{name}:{n}", result["reason"])
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return failed


def _csv(bank: Bank, src: IO[str], out: IO[str], name: str, lang: str) -> int | None:
    from tutor.grading.batch import ADDED, ERROR, grade_row

    reader = csv.DictReader(src)
    columns = reader.fieldnames
    if not columns or "id" not in columns or "answer" not in columns:
        _warn(f"{name}:1", "the first row must name the columns, with at least id and answer")
        return None
    fields = [*columns, *(c for c in ADDED if c not in columns)]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    failed = 0
    for row in reader:
        extra = row.pop(None, None)  # cells beyond the header
        result = grade_row(bank, row, lang=lang)
        if extra and result["verdict"] != ERROR:
            result = {**result, "verdict": ERROR, "score": 0.0,
                      "reason": "more cells than columns"}  # fmt: skip
        if result["verdict"] == ERROR:
            failed += 1
            _warn(f"{name}:{reader.line_num}", result["reason"])
        writer.writerow(result)
    return failed


def run(args: argparse.Namespace) -> int:
    bank = load_or_report(args, strict=True)
    if bank is None:
        return 1
    name = "<stdin>" if args.file == "-" else args.file
    fmt = args.format or ("csv" if args.file.lower().endswith(".csv") else "jsonl")
    try:
        src = _open_input(args.file)
    except OSError as e:
        _warn(name, e.strerror or str(e))
        return 1
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
    try:
        with src:
            grade = _csv if fmt == "csv" else _jsonl
            failed = grade(bank, src, out, name, args.lang)
    except UnicodeDecodeError:
        _warn(name, "not UTF-8 text")
        return 1
    except csv.Error as e:
        _warn(name, f"CSV: {e}")
        return 1
    finally:
        with contextlib.suppress(BrokenPipeError):
            out.flush()
        out.detach()
    if failed is None:
        return 1
    if failed:
        _warn(name, f"{failed} line(s) could not be graded")
    return 1 if failed else 0
