"""`tutor` / `tutor study`: the study chat (placeholder until the app lands)."""

from __future__ import annotations

import argparse

HELP = "study: a round of questions in the chat (the default command)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    print("The study app is not built yet. Available now: tutor check, tutor --help.")
    return 0
