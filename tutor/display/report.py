"""Reports a command prints (`tutor stats`, `tutor check`'s summary): on a terminal that does no
bidi of its own, Arabic is drawn by the same layer as the chat (tutor.display.bidi: shaped, right
to left); into a pipe or a file it stays in logical order, for scripts and screen readers."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from typing import TextIO

from tutor.display.safe import sanitize


def _isatty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def report_mode(mode: str, stream: TextIO, env: Mapping[str, str] = os.environ) -> str:
    """'app' (visual order) or 'terminal' (logical order) for a report written to `stream`.

    'auto' is 'app' only on a terminal that does not reorder by itself (tutor study's detection);
    a pipe gets logical order. 'app' and 'terminal' are obeyed as given."""
    if mode in ("app", "terminal"):
        return mode
    if not _isatty(stream):
        return "terminal"
    from tutor.display.bidi import resolve_mode

    return resolve_mode(mode, env)


def report_lines(text: str, mode: str, width: int = 80) -> list[str]:
    """`text` as lines to print: sanitized always, laid out for display in 'app' mode (a
    right-to-left line is right-aligned to `width`)."""
    lines = sanitize(text).split("\n")
    if mode != "app":
        return lines
    from tutor.display.bidi import visual_lines

    out: list[str] = []
    for line in lines:
        out += [shown.rstrip() for shown in visual_lines(line, width)] if line else [""]
    return out


def write_report(text: str, mode: str = "auto", stream: TextIO | None = None) -> None:
    """Print `text` for `mode` ('auto', 'app' or 'terminal', as --bidi gives it)."""
    stream = stream or sys.stdout
    resolved = report_mode(mode, stream)
    width = shutil.get_terminal_size((80, 24)).columns
    for line in report_lines(text, resolved, width):
        stream.write(line + "\n")
    stream.flush()
