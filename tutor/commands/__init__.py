"""Subcommands. Each module has HELP, add_arguments(parser) and run(args) -> exit status."""

from types import ModuleType

from tutor.commands import (
    ask,
    check,
    drill,
    export,
    grade,
    host,
    join,
    progress,
    report,
    serve,
    stats,
    study,
)

COMMANDS: dict[str, ModuleType] = {
    "study": study,
    "check": check,
    "grade": grade,
    "stats": stats,
    "progress": progress,
    "ask": ask,
    "drill": drill,
    "host": host,
    "join": join,
    "export": export,
    "report": report,
    "serve": serve,
}
