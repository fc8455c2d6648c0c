"""One logical line as a line-mode front end prints it: shaped and reordered by the app when it
draws the bidi itself, as typed when the terminal does."""

from __future__ import annotations


def terminal_lines(line: str, width: int, bidi: str) -> list[str]:
    """`line` as the screen lines to write (`bidi` "app": wrapped to `width`, shaped, right to
    left; anything else: `line` itself)."""
    if bidi != "app" or not line:
        return [line]
    try:
        from tutor.display.bidi import visual_lines  # on first use: startup never pays for it

        return [s.rstrip() for s in visual_lines(line, width)] or [""]
    except Exception:  # not built yet, or a display bug: logical order still reads
        return [line]
