"""The `tutor` command line: one entry point, one module per subcommand in tutor/commands/."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tutor import __version__
from tutor.commands import COMMANDS


def _common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options every subcommand takes, before or after its name."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--bank", metavar="PATH", default=default,
        help="a question file, or a folder with questions/ and seeds/ (default: the bundled bank)",
    )  # fmt: skip
    parser.add_argument(
        "--data", metavar="DIR", default=default,
        help="where progress is kept (default: $TUTOR_HOME, else the user data folder)",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tutor",
        description="Study five Arabic articles on Russia–North Korea relations in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    _common(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        _common(p, suppress=True)
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    study = COMMANDS["study"]
    study.add_arguments(parser)  # `tutor` alone studies, so it takes study's options too
    parser.set_defaults(run=study.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
