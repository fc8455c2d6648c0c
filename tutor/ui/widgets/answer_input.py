"""The answer line: Textual's Input (its editing, paste, undo and messages) whose text stays in
logical order, drawn the way it reads. With the app doing the bidi, Arabic is shaped and laid right
to left, right-aligned, as it is everywhere else in the chat; Left and Right move the caret across
the screen, whatever order the characters are stored in. With the terminal doing the bidi the text
is drawn in logical order and the terminal reorders it (the caret's block travels with its
character); the arrows still follow the screen order, that of a row laid out left to right with
its Arabic runs reversed (what mlterm, Konsole and VTE do by default).

Backspace, Delete, Home and End keep their logical meaning: the previous character, the next one,
the start and the end of the answer (on the right and on the left of Arabic). Ctrl+Left/Right jump
a word across the screen in right-to-left text (by the words' logical order: exact for one
direction, approximate inside an embedded run of the other).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import Input
from textual.widgets._input import Selection

from tutor.display import bidi
from tutor.display.editing import EditLine, edit_line
from tutor.display.safe import TYPED_LIMIT, sanitize


class AnswerInput(Input):
    """An Input that draws right-to-left text itself (mode "app") or leaves it to the terminal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Tab would move focus to the chat, where typing goes nowhere: the answer box keeps it
        Binding("tab,shift+tab", "keep_focus", show=False),
    ]

    def __init__(self, *, mode: str = "app", **kwargs) -> None:
        super().__init__(**kwargs)
        self.mode = mode

    def validate_value(self, value: str) -> str:
        """Textual's Input draws what it holds as it is: a pasted ESC would reach the terminal,
        and a pasted megabyte would be measured on every frame (seconds each). It holds at most
        TYPED_LIMIT characters; longer than an answer may be is refused on Enter anyway."""
        return sanitize(value[:TYPED_LIMIT])

    # --- layout ---

    @property
    def line(self) -> EditLine | None:
        """The value as laid out for the screen, or None for text with nothing right to left (or
        a paste too long to be an answer: the chat refuses it, no need to shape it first)."""
        if len(self.value) > TYPED_LIMIT or not bidi._needs_bidi(self.value):
            return None
        if self.mode == "app":
            return edit_line(self.value)
        # a terminal that reorders (mlterm, Konsole, VTE) lays a row out left to right unless
        # told otherwise, Arabic runs reversed in place: the arrows follow that order
        return edit_line(self.value, shape=False, rtl=False)

    @property
    def _drawn(self) -> EditLine | None:
        """The line this widget reorders itself (the app does the bidi), else None."""
        return self.line if self.mode == "app" else None

    def _lead(self, line: EditLine) -> int:
        """Columns before the first unit: room for the end caret on the left of right-to-left
        text, and the padding that right-aligns it."""
        if not line.rtl:
            return 0
        room = self.scrollable_content_region.width
        return max(room - (line.width + 1), 0) + 1

    def visual_text(self) -> str:
        """The line as the screen shows it (without padding): what a reader sees."""
        line = self._drawn
        return self.value if line is None else line.cells

    @property
    def _rtl_placeholder(self) -> bool:
        """An empty box with an Arabic placeholder: both it and the caret wait on the right,
        where the first Arabic letter will appear."""
        return not self.value and self.mode == "app" and bidi._needs_bidi(self.placeholder)

    @property
    def _cursor_offset(self) -> int:
        if self._rtl_placeholder:
            return max(self.scrollable_content_region.width - 1, 0)
        line = self._drawn
        if line is None:
            return super()._cursor_offset
        return self._lead(line) + line.column(line.caret_unit(self.cursor_position))

    @property
    def content_width(self) -> int:
        line = self._drawn
        if line is None:
            return super().content_width
        return self._lead(line) + line.width + (0 if line.rtl else 1)

    def render_line(self, y: int) -> Strip:
        if y == 0 and self._rtl_placeholder:
            return self._render_rtl_placeholder()
        line = self._drawn
        if y != 0 or line is None:
            return super().render_line(y)
        width = self.scrollable_content_region.width
        lead = self._lead(line)
        result = Text(
            " " * lead + line.cells + ("" if line.rtl else " "),
            no_wrap=True,
            overflow="ignore",
            end="",
        )
        if self.has_focus:
            if not self.selection.is_empty:
                style = self.get_component_rich_style("input--selection")
                start, end = sorted(self.selection)
                for unit in {line.unit_of[i] for i in range(start, end)}:
                    result.stylize_before(style, lead + unit, lead + unit + 1)
            if self._cursor_visible:
                at = lead + line.caret_unit(self.cursor_position)
                result.stylize(self.get_component_rich_style("input--cursor"), at, at + 1)
        console = self.app.console
        options = self.app.console_options.update_width(max(self.content_width, width + 1))
        strip = Strip(console.render(result, options))
        scroll_x, _ = self.scroll_offset
        strip = strip.crop(scroll_x, scroll_x + width + 1).extend_cell_length(width + 1)
        return strip.apply_style(self.rich_style)

    def _render_rtl_placeholder(self) -> Strip:
        width = self.scrollable_content_region.width
        shown = self.placeholder  # already in visual order (tutor.ui.keys.short_label)
        lead = max(width - cell_len(shown) - 2, 0)
        text = Text(" " * lead + shown + "  ", no_wrap=True, overflow="ignore", end="")
        text.stylize(self.get_component_rich_style("input--placeholder"), lead, lead + len(shown))
        if self.has_focus and self._cursor_visible:
            at = len(text) - 1
            text.stylize(self.get_component_rich_style("input--cursor"), at, at + 1)
        options = self.app.console_options.update_width(width + 1)
        strip = Strip(self.app.console.render(text, options)).crop(0, width + 1)
        return strip.extend_cell_length(width + 1).apply_style(self.rich_style)

    def _cell_offset_to_index(self, offset: int) -> int:
        line = self._drawn
        if line is None:
            return super()._cell_offset_to_index(offset)
        scroll_x, _ = self.scroll_offset
        return line.position_at_column(offset + scroll_x - self._lead(line))

    # --- moving across the screen ---

    def _step(self, line: EditLine, delta: int, select: bool) -> None:
        start, end = self.selection
        if not select and not self.selection.is_empty:  # a selection collapses to its side
            columns = {p: line.column(line.caret_unit(p)) for p in (start, end)}
            pick = min if delta < 0 else max
            self.cursor_position = pick((start, end), key=columns.__getitem__)
        elif select:
            self.selection = Selection(start, line.step(end, delta))
        else:
            self.cursor_position = line.step(end, delta)

    def action_cursor_left(self, select: bool = False) -> None:
        line = self.line
        if line is None:
            super().action_cursor_left(select)
        else:
            self._step(line, -1, select)

    def action_cursor_right(self, select: bool = False) -> None:
        line = self.line
        if line is None:
            super().action_cursor_right(select)
        else:
            self._step(line, +1, select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        line = self.line
        if line is not None and line.rtl:  # leftwards is onwards in right-to-left text
            super().action_cursor_right_word(select)
        else:
            super().action_cursor_left_word(select)

    def action_cursor_right_word(self, select: bool = False) -> None:
        line = self.line
        if line is not None and line.rtl:
            super().action_cursor_left_word(select)
        else:
            super().action_cursor_right_word(select)

    def action_keep_focus(self) -> None:
        """Tab: stay here (what is typed is never left behind in an unfocused box)."""
