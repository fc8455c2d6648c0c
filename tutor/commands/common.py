"""Helpers the subcommands share: loading the bank with a readable failure, the --bidi option."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tutor.bank import Bank, BankError

BIDI_HELP = (
    "who draws Arabic right to left: the app, or the terminal (default: auto — the app on a"
    " terminal that does no bidi, logical order into a pipe)"
)


def add_bidi_argument(p: argparse.ArgumentParser) -> None:
    """--bidi auto|app|terminal, as `tutor study` takes it (SUPPRESS: `tutor --bidi app stats`
    keeps the value given before the command)."""
    p.add_argument(
        "--bidi", choices=("auto", "app", "terminal"), default=argparse.SUPPRESS, help=BIDI_HELP
    )


def bidi_of(args: argparse.Namespace) -> str:
    return getattr(args, "bidi", None) or "auto"


def load_or_report(args: argparse.Namespace, *, strict: bool = True) -> Bank | None:
    """The bank named by --bank, or None after printing every problem to stderr.

    A strict load (every command but `tutor check`) may come from the bank cache.
    """
    path = getattr(args, "bank", None)
    try:
        if strict:
            from tutor.bank.cache import load_cached
            from tutor.store.paths import cache_dir

            data = getattr(args, "data", None)
            return load_cached(path, cache_dir(Path(data).expanduser() if data else None))
        from tutor.bank.load import load_bank

        return load_bank(path, strict=False)
    except BankError as e:
        print(f"tutor: the bank has {len(e.problems)} problem(s):", file=sys.stderr)
        for p in e.problems:
            print(f"  {p}", file=sys.stderr)
        return None
