"""`tutor host FILE`: host a live drill; students join with `tutor join`. Loopback only unless
--listen names an address (0.0.0.0: every interface)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path

from tutor.commands.common import add_bidi_argument, bidi_of, data_dir, load_drill_or_report

HELP = "host a live drill for a class (students join with `tutor join`)"
DEFAULT_PORT = 8765


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the drill spec")
    p.add_argument(
        "--listen",
        metavar="ADDR",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: all)",
    )
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="N",
        help=f"default {DEFAULT_PORT}; 0 picks a free one",
    )
    add_bidi_argument(p)
    p.add_argument(
        "--plain", action="store_true", default=False,
        help="the teacher's console as lines of text (automatic without a terminal)",
    )  # fmt: skip
    p.add_argument(
        "--resume",
        action="store_true",
        help="continue a drill this spec hosted before (after a crash)",
    )
    p.add_argument(
        "--export",
        metavar="DIR",
        default=None,
        help="write each student's results file and a class CSV here at the end",
    )


def run(args: argparse.Namespace) -> int:
    from tutor.drill.host import host_db_path
    from tutor.drill.ledger import Ledger, LedgerError
    from tutor.drill.spec import select_questions
    from tutor.store.paths import default_data_dir

    for stream in (sys.stdin, sys.stdout):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    loaded = load_drill_or_report(args.file, args, "tutor host")
    if loaded is None:
        return 1
    spec, bank = loaded
    if not 0 <= args.port <= 65535:
        print("tutor host: --port: 0 to 65535", file=sys.stderr)
        return 2
    db = host_db_path(data_dir(args) or default_data_dir(), spec)
    try:
        ledger = Ledger(db, digest=spec.digest, resume=args.resume)
    except LedgerError as e:
        print(f"tutor host: {e}", file=sys.stderr)
        return 1
    try:
        questions = select_questions(spec, bank)
        if not getattr(args, "plain", False) and sys.stdin.isatty() and sys.stdout.isatty():
            return _screen(args, spec, bank, questions, ledger)
        return asyncio.run(_main(args, spec, bank, questions, ledger))
    except OSError as e:
        print(
            f"tutor host: cannot listen on {args.listen}:{args.port}: {e.strerror or e}",
            file=sys.stderr,
        )
        if not args.resume and not ledger.students():  # nothing happened: no record to resume
            ledger.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        return 1
    finally:
        ledger.close()


def _greeting(host, ledger, args) -> list[str]:
    if not args.resume:
        return []
    return [
        f"resumed: {len(host.students)} student(s), {len(ledger.rows())} answer(s) kept; "
        + ("question paused — start goes on" if host.paused else "type next")
    ]


def _screen(args, spec, bank, questions, ledger) -> int:
    """The Textual teacher's screen."""
    from tutor.commands.study import resolve_bidi
    from tutor.drill.host import Host
    from tutor.ui.drill_host import HostApp

    host = Host(spec, bank, questions, ledger, resume=args.resume)
    app = HostApp(
        host, listen=args.listen, port=args.port,
        export=Path(args.export).expanduser() if args.export else None,
        greeting=tuple(_greeting(host, ledger, args)), bidi=resolve_bidi(bidi_of(args)),
    )  # fmt: skip
    status = app.run()
    if app.failure is not None:
        raise app.failure
    return int(status or 0)


async def _main(args, spec, bank, questions, ledger) -> int:
    from tutor.drill.console import Console
    from tutor.drill.host import Host
    from tutor.drill.lines import Lines

    lines = Lines(sys.stdin, sys.stdout)
    host = Host(spec, bank, questions, ledger, say=lines.say, resume=args.resume)
    port = await host.serve(args.listen, args.port)
    where = (
        "this machine only" if args.listen in ("127.0.0.1", "localhost", "::1") else "the network"
    )
    lines.say(
        f"hosting «{spec.title}»: {len(questions)} question(s), listening on "
        f"{args.listen}:{port} ({where})"
    )
    lines.say(f"students join with: tutor join HOST:{port} --name NAME --code {host.code}")
    from tutor.drill.qr import join_url, qr_lines

    url = join_url(args.listen, port)
    lines.say(f"or in a browser: {url}  (code {host.code})")
    if sys.stdout.isatty():  # a code to scan off the screen; a pipe gets the address alone
        lines.say("\n".join(qr_lines(url)))
    for line in _greeting(host, ledger, args):
        lines.say(line)
    lines.say("type help for the commands, start to begin")
    console = Console(host, lines, Path(args.export).expanduser() if args.export else None)
    try:
        return await console.run()
    finally:
        await host.stop()
