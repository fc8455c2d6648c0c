"""One line of text being edited: the learner's text stays in logical order (the model), the screen
shows it shaped and reordered, and this maps between the two so that the caret sits where the
learner looks and the arrow keys move it the way the screen reads.

Levels come from python-bidi's own resolution (the algorithm tutor.display.bidi draws with); the
line rules are applied here: L1 (white space at the end of a line goes to the paragraph level), L2
(reversal) and L4 (a bracket or guillemet at an odd level is mirrored). Mirroring by level works on
one line alone, so a «quote» whose closing mark was wrapped onto the next line still points outward.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

_LEVEL = re.compile(r"Level\(\s*(\d+)")
# L1: these go to the paragraph level before a segment separator and at the end of the line
_TRAILING = {"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"}


def _resolved(line: str, rtl: bool) -> list[int] | None:
    """python-bidi's resolved level of each character, or None if its answer cannot be read."""
    from bidi import get_display

    info = get_display(line, base_dir="R" if rtl else "L", debug=True)
    if not isinstance(info, str) or "levels:" not in info:
        return None
    per_byte = [int(x) for x in _LEVEL.findall(info.split("levels:", 1)[1].split("paragraphs:")[0])]
    if len(per_byte) != len(line.encode()):
        return None
    out, at = [], 0
    for ch in line:  # one level per UTF-8 byte: take each character's first
        out.append(per_byte[at])
        at += len(ch.encode())
    return out


def _rough(line: str, rtl: bool) -> list[int]:
    """A stand-in should python-bidi ever stop telling its levels: strong letters only."""
    base = int(rtl)
    out = []
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            out.append(1)
        elif kind in ("L", "EN", "AN"):
            out.append(2 if rtl else 0)
        else:
            out.append(base)
    return out


@lru_cache(maxsize=2048)
def levels(line: str, rtl: bool) -> tuple[int, ...]:
    """The embedding level of each character of one display line, rule L1 applied."""
    if not line:
        return ()
    found = _resolved(line, rtl)
    lv = found if found is not None else _rough(line, rtl)
    base = int(rtl)
    trailing = True  # walking back from the end of the line
    for i in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[i])
        if kind in ("S", "B"):
            lv[i] = base
            trailing = True
        elif trailing and kind in _TRAILING:
            lv[i] = base
        else:
            trailing = False
    return tuple(lv)


def visual_order(lv: tuple[int, ...] | list[int]) -> list[int]:
    """Rule L2: for each screen position, the index of the character shown there."""
    order = list(range(len(lv)))
    odd = [x for x in lv if x % 2]
    if not odd:
        return order
    for level in range(max(lv), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if lv[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and lv[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return order


def _mirror(ch: str, level: int) -> str:
    if level % 2 and unicodedata.mirrored(ch):
        from bidi.mirror import MIRRORED

        return MIRRORED.get(ch, ch)
    return ch


def reorder(line: str, rtl: bool) -> str:
    """One line, logical order in, screen order out, brackets mirrored by their own level."""
    lv = levels(line, rtl)
    return "".join(_mirror(line[i], lv[i]) for i in visual_order(lv))


@dataclass(frozen=True)
class EditLine:
    """A line as drawn in an input box. Screen units are the drawn characters, left to right;
    `unit_of[i]` is the unit showing logical character i (a lam-alef ligature shows two, a haraka
    or an invisible mark is shown with its neighbour). The caret at logical position p is drawn on
    the unit of character p, the one Delete removes; at the end of the text it is drawn one unit
    past the text in the paragraph's direction: unit -1 (left of it) when right to left."""

    text: str
    cells: str
    rtl: bool
    unit_of: tuple[int, ...]
    columns: tuple[int, ...]  # the screen column where each unit starts
    width: int  # in cells

    @property
    def end_unit(self) -> int:
        return -1 if self.rtl else len(self.cells)

    def caret_unit(self, position: int) -> int:
        if position >= len(self.text):
            return self.end_unit
        return self.unit_of[max(position, 0)]

    def column(self, unit: int) -> int:
        """Where a unit starts on screen, the end caret's unit included."""
        if unit < 0:
            return -1
        if unit >= len(self.columns):
            return self.width
        return self.columns[unit]

    def position_at_unit(self, unit: int) -> int:
        """The logical caret position shown at a unit: the first character drawn there."""
        if unit == self.end_unit or not self.cells:
            return len(self.text)
        for i, u in enumerate(self.unit_of):
            if u == unit:
                return i
        return len(self.text)

    def position_at_column(self, column: int) -> int:
        """The caret position for a click at a screen column (relative to the first unit)."""
        if column < 0:
            return len(self.text) if self.rtl else 0
        for unit in range(len(self.columns)):
            if self.columns[unit] + cell_len(self.cells[unit]) > column:
                return self.position_at_unit(unit)
        return 0 if self.rtl and self.text else len(self.text)

    def step(self, position: int, delta: int) -> int:
        """The caret moved one unit to the left (delta -1) or right (+1) on screen."""
        low, high = (-1, len(self.cells) - 1) if self.rtl else (0, len(self.cells))
        unit = min(max(self.caret_unit(position) + delta, low), high)
        if unit == self.caret_unit(position):
            return position
        return self.position_at_unit(unit)


@lru_cache(maxsize=256)
def edit_line(text: str, shape: bool = True) -> EditLine:
    """Lay out one line of an input box. `shape` (the app does the bidi): letters joined and the
    line reordered here; without it the text is only measured and the terminal reorders it, but
    the caret's moves still follow the screen order the terminal will produce."""
    from tutor.display import bidi

    if shape and bidi._needs_bidi(text):
        shaped, index = bidi._shape(text)
    else:
        shaped, index = text, list(range(len(text)))
    rtl = bidi.is_rtl(text)
    lv = levels(shaped, rtl)
    order = visual_order(lv)
    unit_at: dict[int, int] = {}  # shaped index → unit
    cells: list[str] = []
    columns: list[int] = []
    col = 0
    pending: list[int] = []  # zero-width characters: drawn with the next visible unit
    for j in order:
        ch = _mirror(shaped[j], lv[j]) if shape else shaped[j]
        w = cell_len(ch)
        if w == 0:
            pending.append(j)
            continue
        unit_at[j] = len(cells)
        for p in pending:
            unit_at[p] = len(cells)
        pending = []
        cells.append(ch)
        columns.append(col)
        col += w
    for p in pending:
        unit_at[p] = max(len(cells) - 1, 0)
    unit_of = tuple(unit_at.get(index[i], 0) for i in range(len(text)))
    return EditLine(text, "".join(cells), rtl, unit_of, tuple(columns), col)
