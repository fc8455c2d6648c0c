"""`tutor report`'s parser must not make every `tutor` start pay for openpyxl, rapidfuzz or the
report's writers."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from tutor.cli import build_parser
build_parser().parse_args(["report", "results.jsonl", "--format", "xlsx", "-o", "r.xlsx"])
heavy = ("openpyxl", "rapidfuzz", "tutor.report.analyse", "tutor.report.xlsx",
         "tutor.report.html", "tutor.drill.results", "statistics")
print(",".join(sorted(m for m in heavy if m in sys.modules)))
"""


def test_parsing_report_options_imports_no_writer():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
