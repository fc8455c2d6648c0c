"""Subcommands. Each module has HELP, add_arguments(parser) and run(args) -> exit status."""

from types import ModuleType

from tutor.commands import check, grade, progress, serve, stats, study

COMMANDS: dict[str, ModuleType] = {
    "study": study,
    "check": check,
    "grade": grade,
    "stats": stats,
    "progress": progress,
    "serve": serve,
}
