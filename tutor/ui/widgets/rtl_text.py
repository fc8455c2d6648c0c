"""The one widget every piece of text goes through, so Arabic is shaped and ordered everywhere.

In "app" mode each paragraph is laid out by tutor.display.bidi at the widget's current width; in
"terminal" mode it is only wrapped, in logical order. Text is always plain: it is put into a
rich Text object, never parsed as markup, so "[bold]" typed by a learner stays "[bold]".
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from tutor.bank.model import has_arabic
from tutor.display import bidi

Span = tuple[int, int]


class RtlText(Widget):
    """Plain text with optional highlighted spans (character offsets into `text`)."""

    DEFAULT_CSS = """
    RtlText { height: auto; width: 1fr; }
    """

    text: reactive[str] = reactive("", layout=True)

    def __init__(
        self,
        text: str = "",
        *,
        mode: str = "app",
        highlights: Sequence[Span] = (),
        marks: Sequence[Span] = (),
        highlight_style: str = "bold black on yellow",
        mark_style: str = "underline",
        style: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.mode = mode
        self.highlights = tuple(highlights)
        self.marks = tuple(marks)
        self.highlight_style = highlight_style
        self.mark_style = mark_style
        self.base_style = style
        self.set_reactive(RtlText.text, text)

    def update(
        self, text: str, highlights: Sequence[Span] = (), marks: Sequence[Span] = ()
    ) -> None:
        self.highlights = tuple(highlights)
        self.marks = tuple(marks)
        self.text = text
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Text]:
        """The text as it will be drawn at `width` cells, one Text per screen line."""
        width = max(width, 1)
        layout = bidi.visual_spans if self.mode == "app" else bidi.logical_spans
        laid = layout(self.text, width, self.highlights)
        marked = layout(self.text, width, self.marks) if self.marks else None
        highlight = Style.parse(self.highlight_style)
        if has_arabic(self.text):  # bold Arabic loses dots in common terminal fonts
            highlight += Style(bold=False)
        out = []
        for i, (line, spans) in enumerate(laid):
            t = Text(line, style=self.base_style, no_wrap=True, overflow="crop")
            if marked is not None:
                for a, b in marked[i][1]:
                    t.stylize(self.mark_style, a, b)
            for a, b in spans:
                t.stylize(highlight, a, b)
            out.append(t)
        return out

    def get_content_width(self, container: Size, viewport: Size) -> int:
        longest = max((len(p) for p in self.text.split("\n")), default=0)
        return max(1, min(longest, container.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render(self) -> Text:
        lines = self.lines(self.content_size.width)
        return Text("\n", no_wrap=True, overflow="crop").join(lines)
