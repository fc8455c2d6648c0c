"""`tutor check`: load the bank, verify every question, print a summary; exit 0 only when clean."""

from __future__ import annotations

import argparse

from tutor.commands.common import add_bidi_argument, bidi_of, load_or_report

HELP = "check a question bank: format, evidence quotes, self-tests; print a summary"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--grading-only", action="store_true",
        help="check a bank used only by `tutor grade`: no prompts, articles or evidence needed",
    )  # fmt: skip
    add_bidi_argument(p)


def run(args: argparse.Namespace) -> int:
    from tutor.bank.check import check_bank  # here, not above: `tutor` alone never needs it
    from tutor.display.report import write_report
    from tutor.display.safe import sanitize

    bank = load_or_report(args, strict=False)
    if bank is None:
        return 1
    report = check_bank(bank, grading_only=args.grading_only)
    # problems stay in logical order (sanitized): an author copies quoted passages from them
    for p in report.problems:
        print(sanitize(f"{p.severity}: {p}"))
    n = len(bank.questions)
    lines = [f"\n{n} questions in {len(bank.files)} file(s), {len(bank.articles)} article(s)"]
    lines.append(
        "  checked for grading only (--grading-only): prompts, articles and evidence not checked"
        if report.grading_only
        else "  checked for study: every question needs a prompt, an article and its evidence"
    )
    for title, counts in report.summary.items():
        row = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        lines.append(f"  per {title}: {row}")
    errors = report.errors
    lines.append(f"\n{len(errors)} problem(s) found" if errors else "\nclean")
    write_report("\n".join(lines), bidi_of(args))  # tags and article ids may be Arabic
    return 1 if errors else 0
