"""`tutor export` and its parser must not make every `tutor` start pay for genanki or the
format writers: they are imported when a format is written."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from tutor.cli import build_parser
build_parser().parse_args(["export", "--format", "anki", "-o", "x.apkg"])
heavy = ("genanki", "openpyxl", "anki", "xml.etree.ElementTree", "tutor.export.moodle",
         "tutor.export.anki", "tutor.export.worksheet", "yaml", "rapidfuzz")
print(",".join(sorted(m for m in heavy if m in sys.modules)))
"""


def test_parsing_export_options_imports_no_writer():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_lists_export():
    out = subprocess.run(
        [sys.executable, "-m", "tutor", "--help"], capture_output=True, text=True, check=True
    )
    assert "export" in out.stdout
