"""Helpers the subcommands share: loading the bank with a readable failure."""

from __future__ import annotations

import argparse
import sys

from tutor.bank import Bank, BankError, load_bank


def load_or_report(args: argparse.Namespace, *, strict: bool = True) -> Bank | None:
    """The bank named by --bank, or None after printing every problem to stderr."""
    try:
        return load_bank(getattr(args, "bank", None), strict=strict)
    except BankError as e:
        print(f"tutor: the bank has {len(e.problems)} problem(s):", file=sys.stderr)
        for p in e.problems:
            print(f"  {p}", file=sys.stderr)
        return None
