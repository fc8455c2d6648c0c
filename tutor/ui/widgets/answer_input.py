"""The answer line: Textual's Input (its editing, paste, undo and messages) whose text stays in
logical order, drawn the way it reads. With the app doing the bidi, Arabic is shaped and laid right
to left, right-aligned, as it is everywhere else in the chat; Left and Right move the caret across
the screen, whatever order the characters are stored in. With the terminal doing the bidi the text
is drawn in logical order and the terminal reorders it (the caret's block travels with its
character); the arrows still follow the screen order.

Backspace, Delete, Home and End keep their logical meaning: the previous character, the next one,
the start and the end of the answer (on the right and on the left of Arabic).
"""

from __future__ import annotations

from typing import ClassVar

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
        """Textual's Input draws what it holds as it is: a pasted ESC would reach the terminal."""
        return sanitize(value)

    # --- layout ---

    @property
    def line(self) -> EditLine | None:
        """The value as laid out for the screen, or None for text with nothing right to left (or
        a paste too long to be an answer: the chat refuses it, no need to shape it first)."""
        if len(self.value) > TYPED_LIMIT or not bidi._needs_bidi(self.value):
            return None
        return edit_line(self.value, shape=self.mode == "app")

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
    def _cursor_offset(self) -> int:
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

    def _cell_offset_to_index(self, offset: int) -> int:
        line = self._drawn
        if line is None:
            return super()._cell_offset_to_index(offset)
        scroll_x, _ = self.scroll_offset
        return line.position_at_column(offset + scroll_x - self._lead(line))

    # --- moving across the screen ---

    def _step(self, delta: int, select: bool) -> None:
        line = self.line
        start, end = self.selection
        if line is None:
            position = end + delta
        elif not select and not self.selection.is_empty:  # a selection collapses to its side
            columns = {p: line.column(line.caret_unit(p)) for p in (start, end)}
            pick = min if delta < 0 else max
            self.cursor_position = pick((start, end), key=columns.__getitem__)
            return
        else:
            position = line.step(end, delta)
        if select:
            self.selection = Selection(start, position)
        else:
            self.cursor_position = position

    def action_cursor_left(self, select: bool = False) -> None:
        if self.line is None:
            super().action_cursor_left(select)
        else:
            self._step(-1, select)

    def action_cursor_right(self, select: bool = False) -> None:
        if self.line is None:
            super().action_cursor_right(select)
        else:
            self._step(+1, select)

    def action_keep_focus(self) -> None:
        """Tab: stay here (what is typed is never left behind in an unfocused box)."""
