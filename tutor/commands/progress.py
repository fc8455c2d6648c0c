"""`tutor progress` (placeholder until it lands)."""

from __future__ import annotations

import argparse
import sys

HELP = "progress (not built yet)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    print("tutor progress is not built yet", file=sys.stderr)
    return 2
