"""`tutor grade` run in this process through the CLI's main(), bytes in and out: fast enough for
property tests, and exactly what a teacher's script sees but for the process boundary."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

from tutor.cli import main

GRADING_ONLY = Path(__file__).resolve().parents[1] / "data" / "grading_only" / "answers.yaml"


@dataclass
class Run:
    status: int
    stdout: bytes
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.decode("utf-8").splitlines()


def grade_in_process(data: bytes, *args: str, bank: Path | None = GRADING_ONLY) -> Run:
    """Run `tutor grade [--bank BANK] ARGS` with `data` on stdin."""
    saved = sys.stdin, sys.stdout, sys.stderr
    out = io.BytesIO()
    err = io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    sys.stdout, sys.stderr = stdout, err
    try:
        status = main(["grade", *(["--bank", str(bank)] if bank else []), *args])
        stdout.flush()
        written = out.getvalue()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        stdout.detach()
    return Run(status, written, err.getvalue())
