"""`tutor join HOST[:PORT] --name NAME --code CODE`: join a live drill from this terminal."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from tutor.commands.common import data_dir

HELP = "join a live drill the teacher hosts (`tutor host`)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("where", metavar="HOST[:PORT]", help="the teacher's machine (port 8765)")
    p.add_argument("--name", required=True, help="your name, as the teacher knows you")
    p.add_argument("--code", required=True, help="the code the teacher gives")
    p.add_argument("--plain", action="store_true", help="line mode (the only mode for now)")
    p.add_argument("--lang", choices=("ar", "en"), default=None)
    p.add_argument("--bidi", choices=("auto", "app", "terminal"), default=argparse.SUPPRESS)


def url_of(where: str) -> str | None:
    """ws://HOST:PORT/ws from HOST, HOST:PORT or [V6]:PORT; None when it cannot be one."""
    from tutor.commands.host import DEFAULT_PORT

    text = where.strip()
    for prefix in ("ws://", "http://"):
        text = text.removeprefix(prefix)
    text = text.split("/", 1)[0]
    host, port = text, str(DEFAULT_PORT)
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            return None
        host, rest = text[: end + 1], text[end + 1 :]
        if rest.startswith(":"):
            port = rest[1:]
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return f"ws://{host}:{int(port)}/ws"


def run(args: argparse.Namespace) -> int:
    from tutor.drill.alone import check_name
    from tutor.drill.client import Client, TokenStore
    from tutor.drill.lines import Lines
    from tutor.i18n import default_lang
    from tutor.store.paths import default_data_dir

    for stream in (sys.stdin, sys.stdout):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    url = url_of(args.where)
    if url is None:
        print(f"tutor join: {args.where!r} is not HOST or HOST:PORT", file=sys.stderr)
        return 2
    why = check_name(args.name)
    if why:
        print(f"tutor join: --name: {why}", file=sys.stderr)
        return 2
    bidi = "app" if getattr(args, "bidi", None) == "app" else "terminal"
    tokens = TokenStore((data_dir(args) or default_data_dir()) / "drills" / "tokens.json")
    client = Client(
        url,
        " ".join(args.name.split()),
        args.code.strip(),
        Lines(sys.stdin, sys.stdout, bidi=bidi),
        lang=args.lang or default_lang(),
        tokens=tokens,
    )
    try:
        return asyncio.run(client.run())
    except KeyboardInterrupt:
        print("\nleft the drill: run the same command to rejoin (your answers are kept)")
        return 130
