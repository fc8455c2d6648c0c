"""`tutor progress export|import|reset`: move a learner's history, or start over with a backup."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

from tutor.commands.common import data_dir, open_store_or_report

HELP = "progress: export or import your history (JSON), or reset it (a backup is kept)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="write your history as JSON (to stdout by default)")
    export.add_argument("file", nargs="?", metavar="FILE", help="where to write (default: stdout)")
    imp = sub.add_parser("import", help="merge a history exported elsewhere (no duplicates)")
    imp.add_argument("file", metavar="FILE")
    reset = sub.add_parser("reset", help="delete your history, keeping a backup copy")
    reset.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    for q in (export, imp, reset):
        q.add_argument(
            "--data", metavar="DIR", default=argparse.SUPPRESS, help="where progress is kept"
        )


def run(args: argparse.Namespace) -> int:
    from tutor.store import StoreError

    try:
        if args.action == "export":
            return _export(args)
        if args.action == "import":
            return _import(args)
        return _reset(args)
    except StoreError as e:
        print(f"tutor: {e}", file=sys.stderr)
        return 1


def _export(args: argparse.Namespace) -> int:
    from tutor.store.transfer import export_data, export_json

    store = open_store_or_report(args, reading=True)
    if store is None:
        return 1
    try:
        text = export_json(store)
        count = len(export_data(store)["answers"]) if args.file else 0
    finally:
        store.close()
    if not args.file or args.file == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.file).expanduser()
    try:
        _write_atomically(target, text)
    except OSError as e:
        print(f"tutor: cannot write {target} ({e})", file=sys.stderr)
        return 1
    print(f"Exported {count} answer(s) to {target}.", file=sys.stderr)
    return 0


def _write_atomically(target: Path, text: str) -> None:
    """A half-written export must never replace a good one."""
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _import(args: argparse.Namespace) -> int:
    from tutor.store.transfer import import_file, read_export

    source = Path(args.file).expanduser()
    read_export(source)  # a bad file is reported before the store is even opened
    store = open_store_or_report(args)
    if store is None:
        return 1
    try:
        added, skipped = import_file(store, source)
    finally:
        store.close()
    print(f"Imported {added} answer(s) from {source}; {skipped} were already there.")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from tutor.store.paths import SIDE_FILES, db_path
    from tutor.store.transfer import reset

    path = db_path(data_dir(args))
    if not any(path.with_name(path.name + x).exists() for x in ("", *SIDE_FILES)):
        print(f"Nothing to reset: there is no progress in {path.parent}.")
        return 0
    if not args.yes:
        if not _isatty(sys.stdin):
            print(
                "tutor: progress reset asks for confirmation; add --yes to skip it.",
                file=sys.stderr,
            )
            return 2
        try:
            reply = input(f"Delete all progress in {path}? A backup copy is kept first. [y/N] ")
        except EOFError:
            reply = ""
        if reply.strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 1
    backup = reset(data_dir(args))
    print(f"Progress reset. The previous history is kept in {backup}.")
    return 0


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
