"""`tutor check`: load the bank, verify every question, print a summary; exit 0 only when clean."""

from __future__ import annotations

import argparse

from tutor.commands.common import load_or_report

HELP = "check a question bank: format, evidence quotes, self-tests; print a summary"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--grading-only", action="store_true",
        help="skip the checks that need articles (for a bank used only by `tutor grade`)",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from tutor.bank.check import check_bank  # here, not above: `tutor` alone never needs it

    bank = load_or_report(args, strict=False)
    if bank is None:
        return 1
    report = check_bank(bank, grading_only=args.grading_only)
    for p in report.problems:
        print(f"{p.severity}: {p}")
    n = len(bank.questions)
    print(f"\n{n} questions in {len(bank.files)} file(s), {len(bank.articles)} article(s)")
    for title, counts in report.summary.items():
        row = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"  per {title}: {row}")
    errors = report.errors
    if errors:
        print(f"\n{len(errors)} problem(s) found")
        return 1
    print("\nclean")
    return 0
