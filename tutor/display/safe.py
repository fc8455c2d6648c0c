"""Text the program did not write itself (a bank, an article, what the learner typed or pasted)
made safe to put on a terminal.

A control character in such text is an instruction to the terminal: ESC starts sequences that set
the window title, write the clipboard (OSC 52), clear the screen or hide text. Every front end
passes outside text through `sanitize` before it reaches the screen; the bank's loader refuses the
same characters (`control_chars`) so that an author hears about them first.
"""

from __future__ import annotations

import re

# C0 (but newline and tab), DEL and C1: what a terminal may act on instead of showing.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi controls: they reorder what follows them, so a line can read other than it is stored.
BIDI_CONTROL_RE = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

ELLIPSIS = "…"
TYPED_LIMIT = 2000  # characters of anything the learner typed that a front end shows back
FIELD_LIMIT = 2000  # characters of one bank text (prompt, answer, hint...) a front end shows


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 has no pictures


def sanitize(text: str) -> str:
    """`text` with every control character but newline and tab replaced by a visible stand-in
    (␛ for ESC, ␇ for BEL, � for C1), one character for one, so offsets into the text (the
    highlighted answer in its evidence) still hold."""
    if CONTROL_RE.search(text) is None:  # the usual case: no copy
        return text
    return CONTROL_RE.sub(_picture, text)


def clip(text: str, limit: int = TYPED_LIMIT) -> str:
    """At most `limit` characters, the cut marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + ELLIPSIS


def shown(text: str, limit: int = FIELD_LIMIT) -> str:
    """Sanitized and clipped: outside text as a front end may show it."""
    return sanitize(clip(text, limit))


def control_chars(text: str) -> list[tuple[int, str]]:
    """(offset, character) of each control character in `text` (newline and tab are fine)."""
    return [(m.start(), m.group()) for m in CONTROL_RE.finditer(text)]


def bidi_controls(text: str) -> list[tuple[int, str]]:
    """(offset, character) of each bidi control character in `text`."""
    return [(m.start(), m.group()) for m in BIDI_CONTROL_RE.finditer(text)]


def describe(ch: str) -> str:
    """'U+001B' and, for the usual suspects, what it is."""
    names = {
        0x1B: "ESC", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x7F: "DEL", 0x9B: "CSI", 0x9D: "OSC",
        0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM", 0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF",
        0x202D: "LRO", 0x202E: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    }  # fmt: skip
    code = ord(ch)
    name = names.get(code)
    return f"U+{code:04X} {name}" if name else f"U+{code:04X}"
