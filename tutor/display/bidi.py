"""Right-to-left display for terminals that neither shape nor reorder Arabic (xterm, kitty, ...).

Textual and Rich draw characters in the order they are stored, so a paragraph of Arabic comes out
backwards and unjoined. In "app" mode we do the terminal's job: shape the letters into their joined
presentation forms, wrap in logical order (so a line break never reverses the reading order of the
lines), then reorder each wrapped line for display and right-align it. In "terminal" mode (Konsole,
mlterm: they reorder by themselves) text is left in logical order.

Everything is cached: the same question text is drawn at the same width many times.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

from tutor.display.safe import sanitize

MODES = ("auto", "app", "terminal")

# The "Allah" ligature is one code point drawn two or three cells wide by most fonts: it would
# break the one-character-one-cell rule everything below relies on. Lam-alef stays: it is one cell.
# Harakat are dropped: once a line is reversed they would sit on the wrong letter.
_RESHAPER_CONFIG = {
    "support_ligatures": True,
    "ARABIC LIGATURE ALLAH": False,
    "delete_harakat": True,
    "delete_tatweel": False,
}


@lru_cache(maxsize=1)
def _reshaper():  # imported on first Arabic text: an English-only session never pays for it
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(_RESHAPER_CONFIG)


# Brackets that read the other way round in a right-to-left run.
_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">", "«": "»", "‹": "›"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}

Span = tuple[int, int]


def resolve_mode(mode: str, env: Mapping[str, str] = os.environ) -> str:
    """'auto' → 'terminal' under Konsole or mlterm (they reorder themselves), else 'app'."""
    if mode in ("app", "terminal"):
        return mode
    term = env.get("TERM", "") + " " + env.get("TERM_PROGRAM", "")
    if env.get("KONSOLE_VERSION") or env.get("MLTERM") or "mlterm" in term.lower():
        return "terminal"
    return "app"


def warm_up() -> None:
    """Import the shaper and the bidi algorithm now (after the first frame), not on the first
    Arabic line a learner waits for."""
    _reshaper().reshape("لا إله")  # its ligature regex is compiled on the first call
    _reorder("سلام (1)", True)


def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    return None


def is_rtl(paragraph: str) -> bool:
    """The paragraph's base direction, from its first strong character."""
    for ch in paragraph:
        d = _strong(ch)
        if d is not None:
            return d == "R"
    return False


def _needs_bidi(text: str) -> bool:
    return any(_strong(ch) == "R" for ch in text)


def cells(text: str) -> int:
    """The cells `text` takes on screen once shaped: a lam-alef pair takes one, harakat none (for
    lining up columns beside Arabic names)."""
    if not _needs_bidi(text):
        return cell_len(text)
    return cell_len(_reshaper().reshape(text))


def _shape(text: str) -> tuple[str, list[int]]:
    """Joined letter forms, and for each original character the index of its shaped character
    (a lam-alef pair maps to one ligature; a dropped haraka maps to its neighbour)."""
    shaped = _reshaper().reshape(text)
    in_shaped = set(shaped)  # `ch in shaped` would read the whole text for each character
    index: list[int] = []
    j = 0
    i = 0
    while i < len(text):
        if j >= len(shaped):
            index.append(len(shaped) - 1 if shaped else 0)
            i += 1
            continue
        base = unicodedata.normalize("NFKC", shaped[j])
        ch = text[i]
        if base and base[0] == unicodedata.normalize("NFKC", ch)[:1]:
            take = max(len(base), 1)
            # a ligature takes as many source letters as it stands for (harakat between are kept
            # out of the reshaped text, so skip them too)
            taken = 0
            while i < len(text) and taken < take:
                index.append(j)
                if not unicodedata.combining(text[i]):
                    taken += 1
                i += 1
            j += 1
        elif unicodedata.combining(ch) or ch not in in_shaped:
            index.append(max(j - 1, 0))  # deleted haraka (or anything else the reshaper drops)
            i += 1
        else:
            index.append(j)
            i += 1
            j += 1
    return shaped, index


def _cells_within(text: str, a: int, b: int, budget: int) -> int | None:
    """The cells of text[a:b] when they are at most `budget`, else None. Reads no further than
    it must (about `budget` characters), so measuring a 10 MB word costs as much as a short one."""
    if budget < 0:
        return None
    k = min(b, a + budget + 1)  # budget + 1 characters already overflow, unless some take 0 cells
    cells = cell_len(text[a:k])
    if cells > budget:
        return None
    while k < b:  # zero-width characters (harakat) left room: go on a character at a time
        cells += get_character_cell_size(text[k])
        if cells > budget:
            return None
        k += 1
    return cells


def _cut(text: str, start: int, width: int) -> int:
    """The end of the longest run from `start` that fits in `width` cells (at least one char)."""
    n = len(text)
    k = min(n, start + width)
    cells = cell_len(text[start:k])
    while cells > width and k > start + 1:  # wide characters: give some back
        k -= 1
        cells -= get_character_cell_size(text[k])
    while k < n:  # zero-width ones (and room left by wide ones given back) still fit
        more = get_character_cell_size(text[k])
        if cells + more > width:
            break
        cells += more
        k += 1
    return max(k, start + 1)


def _wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Line ranges of `text` (logical order), breaking at spaces; over-long words are cut.

    Linear in the length of the text: each word is measured once, only as far as the line it
    might go on, and the next space is looked for once, however long the word."""
    width = max(width, 1)
    n = len(text)
    if _cells_within(text, 0, n, width) is not None:
        return [(0, n)]
    lines: list[tuple[int, int]] = []
    start = 0
    space = -1  # the next space after the current position (found once, kept until passed)
    while start < n:
        end, cells = start, 0
        while end < n:  # the longest prefix that fits, a word at a time
            if space <= end:
                space = text.find(" ", end + 1)
                space = n if space < 0 else space
            more = _cells_within(text, end, space, width - cells)
            if more is None:
                break
            cells += more
            end = space
        if end >= n:
            lines.append((start, n))
            break
        if end > start:  # break at the space after the last word that fits
            lines.append((start, end))
            start = end + 1 if text[end] == " " else end
            continue
        cut = _cut(text, start, width)  # a word longer than the line: cut it
        lines.append((start, cut))
        start = cut
    return lines or [(0, 0)]


def mend_brackets(visual: str) -> str:
    """python-bidi reverses right-to-left runs but does not mirror their brackets, leaving
    ")word(" — turn every pair that reads closer-first back into opener-first."""
    chars = list(visual)
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(chars):
        if ch not in _PAIRS and ch not in _CLOSERS:
            continue
        if stack:
            j, top = stack[-1]
            if _PAIRS.get(top) == ch:  # already opener-first
                stack.pop()
                continue
            if _CLOSERS.get(top) == ch:  # closer-first: mirror both
                stack.pop()
                chars[j], chars[i] = ch, top
                continue
        stack.append((i, ch))
    return "".join(chars)


def _reorder(line: str, rtl: bool) -> str:
    if not _needs_bidi(line):
        return line
    from tutor.display.editing import reorder

    return reorder(line, rtl)  # mirrors by level: right even when a pair is split by a wrap


def _find_visual(visual: str, segment: str, rtl: bool, nth: int) -> int:
    """Where the `nth` logical occurrence of `segment` landed in the reordered line, or -1."""
    hits = []
    start = visual.find(segment)
    while start >= 0:
        hits.append(start)
        start = visual.find(segment, start + 1)
    if not hits:
        return -1
    if rtl:
        hits.reverse()
    return hits[min(nth, len(hits) - 1)]


# LRM, RLM, ALM, the embeddings and overrides, and the isolates (LRI, RLI, FSI, PDI)
_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                   "\u2066\u2067\u2068\u2069"))  # fmt: skip


@lru_cache(maxsize=4096)
def _layout(
    paragraph: str, width: int, spans: tuple[Span, ...]
) -> tuple[tuple[str, tuple[Span, ...]], ...]:
    out: list[tuple[str, tuple[Span, ...]]] = []
    offset = 0
    for raw in paragraph.split("\n"):
        out.extend(_layout_one(raw, width, _shift(spans, offset, len(raw))))
        offset += len(raw) + 1
    return tuple(out)


def _shift(spans: tuple[Span, ...], offset: int, length: int) -> tuple[Span, ...]:
    res = []
    for a, b in spans:
        a2, b2 = max(a - offset, 0), min(b - offset, length)
        if a2 < b2:
            res.append((a2, b2))
    return tuple(res)


def _wrap_spans(
    paragraph: str, width: int, spans: tuple[Span, ...]
) -> list[tuple[str, tuple[Span, ...]]]:
    lines = []
    for a, b in _wrap(paragraph, width):
        local = tuple((max(s, a) - a, min(e, b) - a) for s, e in spans if s < b and e > a)
        lines.append((paragraph[a:b], local))
    return lines


def _layout_one(
    paragraph: str, width: int, spans: tuple[Span, ...]
) -> list[tuple[str, tuple[Span, ...]]]:
    if not _needs_bidi(paragraph):
        return _wrap_spans(paragraph, width, spans)
    rtl = is_rtl(paragraph)
    shaped, index = _shape(paragraph)
    # the highlighted characters, in shaped positions
    marked = [False] * len(shaped)
    for s, e in spans:
        for i in range(max(s, 0), min(e, len(index))):
            marked[index[i]] = True
    lines = []
    for a, b in _wrap(shaped, width):
        text = shaped[a:b]
        visual = _reorder(text, rtl)
        vspans: list[Span] = []
        seen: dict[str, int] = {}
        i = a
        while i < b:  # each highlighted run of the line, located in the visual line
            if not marked[i]:
                i += 1
                continue
            j = i
            while j < b and marked[j]:
                j += 1
            segment = shaped[i:j].strip()
            if segment:
                shown = _reorder(segment, rtl) if _needs_bidi(segment) else segment
                pos = _find_visual(visual, shown, rtl, seen.get(shown, 0))
                seen[shown] = seen.get(shown, 0) + 1
                if pos >= 0:
                    vspans.append((pos, pos + len(shown)))
            i = j
        if not vspans:  # reordered: the direction marks and isolates have done their work
            visual = visual.translate(_CONTROLS)
        if rtl:
            pad = max(width - cell_len(visual), 0)
            visual = " " * pad + visual
            vspans = [(s + pad, e + pad) for s, e in vspans]
        lines.append((visual, tuple(sorted(vspans))))
    return lines


def visual_lines(paragraph: str, width: int) -> list[str]:
    """Wrap `paragraph` to `width` cells in logical order, then reshape and reorder each line for
    display; RTL lines are right-aligned (padded to `width`). Control characters are shown as
    harmless stand-ins (tutor.display.safe.sanitize), never sent to the terminal."""
    return [line for line, _ in _layout(sanitize(paragraph), max(width, 1), ())]


def visual_spans(
    paragraph: str, width: int, spans: Sequence[Span] = ()
) -> list[tuple[str, tuple[Span, ...]]]:
    """Like visual_lines, with `spans` (character offsets into `paragraph`, e.g. the answer inside
    its evidence) carried to column ranges of each visual line, for highlighting."""
    return list(_layout(sanitize(paragraph), max(width, 1), tuple(sorted(spans))))


def logical_lines(paragraph: str, width: int) -> list[str]:
    """'terminal' mode: wrapped, but left in logical order for a terminal that reorders itself."""
    return [line for line, _ in logical_spans(paragraph, width)]


def logical_spans(
    paragraph: str, width: int, spans: Sequence[Span] = ()
) -> list[tuple[str, tuple[Span, ...]]]:
    """'terminal' mode with highlights: wrapped in logical order, spans carried to each line."""
    out: list[tuple[str, tuple[Span, ...]]] = []
    offset = 0
    for raw in sanitize(paragraph).split("\n"):
        out.extend(_wrap_spans(raw, max(width, 1), _shift(tuple(sorted(spans)), offset, len(raw))))
        offset += len(raw) + 1
    return out
