"""`tutor serve`: the study chat in a browser tab, through textual-serve.

textual-serve starts one `tutor study` process per browser connection and relays its screen to
xterm.js in the page; this module only builds that command from the options given here, so the
served chat is the terminal's chat with the same bank, progress folder and study options.
xterm.js does no bidi of its own, so Arabic is drawn by the app as in xterm (--bidi auto → app).
The page itself is textual-serve's with its web font served locally (tutor/commands/serve_page):
it loads nothing from another host, so it works with no internet.
"""

from __future__ import annotations

import argparse
import shlex
import socket
import sys

from tutor.commands import study
from tutor.commands.serve_page import TEMPLATES

HELP = "serve: the study chat in a browser tab (one process per connection, loopback by default)"

# Options of `tutor study` that are not passed on: a browser tab has no line mode.
_NOT_SERVED = {"plain"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument("--port", type=_port, default=8000, help="the port (default: 8000)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers reach the server at, when not http://HOST:PORT"
        " (behind a proxy, or --host 0.0.0.0)",
    )
    study.add_arguments(p)


def _port(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {s!r}") from None
    if not 1 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1-65535, got {n}")
    return n


def study_argv(args: argparse.Namespace) -> list[str]:
    """The `tutor study` options the learner gave (before or after `serve`), as arguments."""
    probe = argparse.ArgumentParser(add_help=False)
    study.add_arguments(probe)
    argv: list[str] = []
    for name in ("bank", "data"):
        value = getattr(args, name, None)
        if value:
            argv += [f"--{name}", str(value)]
    for action in probe._actions:  # the options study declares, whatever they become
        if action.dest in _NOT_SERVED or not hasattr(args, action.dest):
            continue
        value = getattr(args, action.dest)
        flag = action.option_strings[0]
        if isinstance(action, argparse._StoreTrueAction):
            argv += [flag] if value else []
        elif isinstance(value, list):
            for item in value:
                argv += [flag, str(item)]
        elif value is not None:
            argv += [flag, str(value)]
    return argv


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each connection (it runs it through a shell)."""
    return shlex.join([sys.executable, "-m", "tutor", "study", *study_argv(args)])


def listen_problem(host: str, port: int) -> str | None:
    """Why (host, port) cannot be listened on, said before textual-serve prints its banner."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as e:
        return f"unknown host {host!r} ({e.strerror or e})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
        try:
            s.bind(address)
        except OSError as e:
            return e.strerror or str(e)
    return None


def run(args: argparse.Namespace) -> int:
    if getattr(args, "plain", False):
        print("tutor serve: --plain has no meaning in a browser tab", file=sys.stderr)
        return 2
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            "tutor serve: textual-serve is not installed (pip install textual-serve)",
            file=sys.stderr,
        )
        return 1
    problem = listen_problem(args.host, args.port)
    if problem:
        print(f"tutor serve: cannot listen on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return 1
    server = Server(
        app_command(args), host=args.host, port=args.port, title="tutor",
        public_url=args.public_url,
        templates_path=TEMPLATES,  # its page without Google Fonts: nothing from the internet
    )  # fmt: skip
    try:
        server.serve()
    except OSError as e:  # taken since listen_problem looked
        print(f"tutor serve: cannot listen on {args.host}:{args.port}: {e}", file=sys.stderr)
        return 1
    return 0
