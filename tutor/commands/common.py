"""Helpers the subcommands share: loading the bank and opening the progress store, with a
readable failure; the --bidi option."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.bank import Bank, BankError

BIDI_HELP = (
    "who draws Arabic right to left: the app, or the terminal (default: auto — the app on a"
    " terminal that does no bidi, logical order into a pipe)"
)


def positive(s: str) -> int:
    """argparse type for counts (--length, --k …): a whole number of at least 1."""
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {s!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def add_bidi_argument(p: argparse.ArgumentParser) -> None:
    """--bidi auto|app|terminal, as `tutor study` takes it (SUPPRESS: `tutor --bidi app stats`
    keeps the value given before the command)."""
    p.add_argument(
        "--bidi", choices=("auto", "app", "terminal"), default=argparse.SUPPRESS, help=BIDI_HELP
    )


def bidi_of(args: argparse.Namespace) -> str:
    return getattr(args, "bidi", None) or "auto"


if TYPE_CHECKING:
    from tutor.store import Store


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


def data_dir(args: argparse.Namespace) -> Path | None:
    data = getattr(args, "data", None)
    return Path(data).expanduser() if data else None


def open_store_or_report(
    args: argparse.Namespace, *, reading: bool = False, lang: str = "en"
) -> Store | None:
    """The progress store, mended if it was damaged, or None after saying why on stderr.

    `reading` (stats, export): a store that cannot be written is read from a copy in memory.
    What was mended, or that nothing will be saved, is said on stderr, which a pipe keeps apart.
    """
    from tutor.store import StoreError
    from tutor.store.recover import open_for_reading, open_repairing

    try:
        store = (open_for_reading if reading else open_repairing)(data_dir(args))
    except StoreError as e:
        print(f"tutor: {e}", file=sys.stderr)
        return None
    for line in store_notices(store, lang):
        print(f"tutor: {line}", file=sys.stderr)
    return store


def store_notices(store: Store, lang: str = "en") -> list[str]:
    """What the learner must be told about a store as it was opened (mended, read-only)."""
    from tutor.store.recover import read_only_message

    notes = []
    if store.repair is not None:
        notes.append(store.repair.message(lang))
    if store.read_only and (store.repair is None or store.repair.kept is not None):
        notes.append(read_only_message(store, lang))
    return notes


def load_drill_or_report(file: str, args: argparse.Namespace, who: str):
    """The drill spec at `file` and the bank it draws on, both checked, or None after saying
    what is wrong on stderr (`who` is the command, "tutor host")."""
    from tutor.display.safe import sanitize
    from tutor.drill.spec import SpecError, check_against_bank, load_spec

    try:
        spec = load_spec(file)
    except SpecError as e:
        for p in e.problems:
            print(sanitize(f"{who}: {p}"), file=sys.stderr)
        return None
    bank = load_or_report(args)
    if bank is None:
        return None
    errors = [p for p in check_against_bank(spec, bank, Path(file)) if p.severity == "error"]
    for p in errors:
        print(sanitize(f"{who}: {p}"), file=sys.stderr)
    return None if errors else (spec, bank)
