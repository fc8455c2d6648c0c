"""`tutor export`: the bank (or the questions the study filters choose) as Moodle XML, GIFT, an
Anki deck, a printable worksheet, CSV or JSON. Text formats go to stdout unless -o is given."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from tutor.commands.common import load_or_report, positive

HELP = "export: the bank as Moodle XML, GIFT, an Anki deck, a printable worksheet, CSV or JSON"
FORMATS = ("moodle", "gift", "anki", "worksheet", "csv", "json")


def add_arguments(p: argparse.ArgumentParser) -> None:
    arg = p.add_argument
    arg("--format", choices=FORMATS, required=True, help="what to write")
    arg("-o", "--output", metavar="PATH", help="the file to write (default: stdout)")
    arg("--lang", choices=("ar", "en"), default=None,
        help="one language only (default: both; Moodle gets multilang spans)")  # fmt: skip
    arg("--article", action="append", metavar="ID", default=[],
        help="only questions on this article (repeatable)")  # fmt: skip
    arg("--tag", action="append", metavar="TAG", default=[],
        help="only questions with this tag (repeatable)")  # fmt: skip
    arg("--difficulty", action="append", type=int, choices=(1, 2, 3), metavar="N", default=[],
        help="only questions of this difficulty, 1-3 (repeatable)")  # fmt: skip
    arg("--length", type=positive, metavar="N", default=None,
        help="at most N questions (default: all; drawn by --seed when given)")  # fmt: skip
    arg("--seed", type=int, metavar="N", default=None,
        help="the order of options and events, and the draw (default: a new one)")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from tutor.export import BINARY, write
    from tutor.export.common import Filters, select, unaskable

    bank = load_or_report(args)
    if bank is None:
        return 2
    filters = Filters(tuple(args.article), tuple(args.tag), tuple(args.difficulty), args.length)
    unknown = [a for a in filters.articles if a not in bank.articles]
    tags = {t for q in bank.questions for t in q.tags}
    unknown += [t for t in filters.tags if t not in tags]
    if unknown:
        known = ", ".join(sorted(bank.articles)) + "; tags: " + ", ".join(sorted(tags))
        print(f"tutor export: unknown article or tag {', '.join(unknown)} (articles: {known})",
              file=sys.stderr)  # fmt: skip
        return 2
    seed = args.seed
    if seed is None and (args.format == "worksheet" or args.length):
        seed = random.randrange(10_000)
        print(f"tutor export: seed {seed} (--seed {seed} gives this export again)", file=sys.stderr)
    questions = select(bank, filters, seed if args.length else None)
    if not questions:
        skipped = ", ".join(q.id for q in unaskable(bank, filters))
        why = f" (skipped, no prompt: {skipped})" if skipped else ""
        print(f"tutor export: no question to export matches these filters{why}", file=sys.stderr)
        return 1
    if args.format in BINARY and not args.output:
        print(f"tutor export: --format {args.format} writes a file: give -o PATH", file=sys.stderr)
        return 2
    out = write(args.format, bank, questions, args.lang, seed)
    out.skipped[:0] = [
        (q.id, "no prompt (a grading-only question)") for q in unaskable(bank, filters)
    ]
    for qid, why in out.changed:
        print(f"tutor export: {qid}: exported as {why}", file=sys.stderr)
    for qid, why in out.skipped:
        print(f"tutor export: {qid}: skipped: {why}", file=sys.stderr)
    if out.skipped:
        ids = ", ".join(qid for qid, _ in out.skipped)
        print(f"tutor export: {len(out.skipped)} question(s) skipped: {ids}", file=sys.stderr)
    if args.output:
        path = Path(args.output).expanduser()
        try:
            path.write_bytes(out.data)
        except OSError as e:
            print(f"tutor export: cannot write {path}: {e.strerror or e}", file=sys.stderr)
            return 1
        print(f"tutor export: {out.count} question(s) written to {path}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(out.data)
        sys.stdout.flush()
    return 0
