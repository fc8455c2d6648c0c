"""Commands that need no terminal UI must not pay for importing it (Harlequin-style cold start)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from tutor.cli import build_parser
build_parser().parse_args(["check"])
slow = ("textual", "fsrs", "bidi", "arabic_reshaper", "yaml", "rapidfuzz", "tutor.grading.grader")
heavy = sorted(m for m in slow if m in sys.modules)
print(",".join(heavy))
"""


def test_cli_parser_imports_no_ui_scheduler_yaml_or_grader():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_lists_every_subcommand():
    out = subprocess.run(
        [sys.executable, "-m", "tutor", "--help"], capture_output=True, text=True, check=True
    )
    for name in ("study", "check", "grade", "stats", "progress"):
        assert name in out.stdout
