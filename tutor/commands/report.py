"""`tutor report`: a class's drill results (docs/drills.md) read against the bank, as a report a
teacher reads in a minute: in the terminal, CSV, Markdown, an Excel workbook or one HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tutor.commands.common import add_bidi_argument, bidi_of, load_or_report

HELP = "report: a class report from drill results (terminal, CSV, Markdown, Excel, HTML)"
FORMATS = ("terminal", "csv", "xlsx", "md", "html")


def add_arguments(p: argparse.ArgumentParser) -> None:
    arg = p.add_argument
    arg("results", nargs="+", metavar="RESULTS", help="results files (.jsonl) or folders of them")
    arg("--format", choices=FORMATS, default="terminal", help="what to write (default: terminal)")
    arg("-o", "--output", metavar="PATH", help="the file to write (default: stdout)")
    arg("--regrade", action="store_true",
        help="grade every answer again with the current bank and list what changed")  # fmt: skip
    arg("--lang", choices=("ar", "en"), default=None, help="the report's language (default: en)")
    add_bidi_argument(p)


def run(args: argparse.Namespace) -> int:
    from tutor.report.analyse import analyse, regrade
    from tutor.report.load import load_results

    lang = args.lang or "en"
    loaded = load_results([Path(p).expanduser() for p in args.results])
    for problem in loaded.problems:
        print(f"tutor report: {problem}", file=sys.stderr)
    if not loaded.rows:
        print("tutor report: no results to report on", file=sys.stderr)
        return 1
    bank = load_or_report(args)
    if bank is None:
        return 2
    rows, changes = loaded.rows, []
    if args.regrade:
        rows, changes = regrade(rows, bank)
    report = analyse(rows, bank, regraded=args.regrade)
    report.changes = changes
    if report.unknown:
        print(f"tutor report: not in the bank: {', '.join(report.unknown)}", file=sys.stderr)
    if len(report.drills) > 1:
        print(f"tutor report: results of {len(report.drills)} drills reported together: "
              f"{', '.join(report.drills)}", file=sys.stderr)  # fmt: skip
    if args.format == "xlsx" and not args.output:
        print("tutor report: --format xlsx writes a file: give -o PATH", file=sys.stderr)
        return 2
    data = _render(report, args.format, lang)
    if args.output:
        path = Path(args.output).expanduser()
        try:
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        except OSError as e:
            print(f"tutor report: cannot write {path}: {e.strerror or e}", file=sys.stderr)
            return 1
        print(f"tutor report: written to {path}", file=sys.stderr)
    elif args.format == "terminal":
        from tutor.display.report import write_report

        write_report(str(data), bidi_of(args))
    else:
        sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        sys.stdout.flush()
    return 0


def _render(report, fmt: str, lang: str) -> str | bytes:
    if fmt == "xlsx":
        from tutor.report.xlsx import xlsx

        return xlsx(report, lang)
    if fmt == "html":
        from tutor.report.html import html

        return html(report, lang)
    from tutor.report import text

    return {"terminal": text.terminal, "csv": text.gradebook_csv, "md": text.markdown}[fmt](
        report, lang
    )
