"""The conversation: a scrolling column of bubbles, the tutor's on one side, the learner's on the
other. A bubble is one widget that lays out all its paragraphs itself (few widgets keep the chat
quick to update); each paragraph is a Part whose kind picks its look (component classes in
app.tcss)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.geometry import Size
from textual.widget import Widget

from tutor.bank.model import has_arabic
from tutor.display import bidi
from tutor.display.safe import FIELD_LIMIT, clip

KINDS = (
    "header", "subheader", "prompt", "note", "choice", "verdict", "correct", "partial", "wrong",
    "hint", "answer", "source", "quote", "explanation", "offer",
)  # fmt: skip
GAP_BEFORE = {"source", "explanation", "offer"}  # a blank line before these
QUOTE_BAR = "▌ "  # reversed (" ▌") after a right-to-left line


def unbold(style: Style, emphasis: Style) -> Style:
    """Bold Arabic loses the dots of a final ي (and more) in common terminal fonts: Arabic is
    drawn regular, a bold with no colour of its own becomes the emphasis colour."""
    if not style.bold:
        return style
    if style.color is None:
        style += Style(color=emphasis.color)
    return style + Style(bold=False)


@dataclass(frozen=True)
class Part:
    """One paragraph of a bubble; `classes` (space-separated kinds) picks its look."""

    text: str
    classes: str = ""
    highlights: tuple[tuple[int, int], ...] = field(default=())


class Bubble(Widget):
    """A message: the tutor's (class "tutor") or the learner's (class "learner")."""

    COMPONENT_CLASSES = {f"bubble--{k}" for k in KINDS} | {"bubble--highlight", "bubble--emphasis"}
    DEFAULT_CSS = """
    Bubble { height: auto; }
    """

    def __init__(self, parts: Sequence[Part], *, who: str, mode: str) -> None:
        super().__init__(classes=who)
        self.parts = tuple(parts)
        self.mode = mode
        self._laid: tuple[int, list[Text]] | None = None

    @property
    def plain(self) -> str:
        """The bubble's text in logical order (what tests and screen readers want)."""
        return "\n".join(p.text for p in self.parts)

    def _style(self, classes: str, arabic: bool = False) -> Style:
        style = Style()
        for kind in classes.split():
            if kind in KINDS:
                style += self.get_component_rich_style(f"bubble--{kind}", partial=True)
        return unbold(style, self._emphasis) if arabic else style

    @property
    def _emphasis(self) -> Style:
        return self.get_component_rich_style("bubble--emphasis", partial=True)

    def lines(self, width: int) -> list[Text]:
        """The bubble as drawn at `width` cells, one Text per screen line."""
        if self._laid is not None and self._laid[0] == width:
            return self._laid[1]
        width = max(width, 4)
        bright = self.get_component_rich_style("bubble--highlight", partial=True)
        out: list[Text] = []
        for part in self.parts:
            kinds = part.classes.split()
            if out and GAP_BEFORE.intersection(kinds):
                out.append(Text(""))
            arabic = has_arabic(part.text[:FIELD_LIMIT])
            style = self._style(part.classes, arabic)
            quote = "quote" in kinds
            shown = clip(part.text, FIELD_LIMIT)  # a 10 MB answer is not drawn whole
            rtl_quote = quote and self.mode == "app" and bidi.is_rtl(shown)
            inner = width - len(QUOTE_BAR) if quote else width
            if self.mode == "app":  # the display layer also sanitizes (no ESC reaches the screen)
                laid = bidi.visual_spans(shown, inner, part.highlights)
            else:
                laid = bidi.logical_spans(shown, inner, part.highlights)
            highlight = unbold(bright, self._emphasis) if arabic else bright
            for line, spans in laid:
                text = Text(line, style=style, no_wrap=True, overflow="crop")
                for a, b in spans:
                    text.stylize(highlight, a, b)
                if rtl_quote:  # the bar goes where the lines start: on the right
                    text = Text.assemble(text, (QUOTE_BAR[::-1], self._style("source")))
                elif quote:
                    text = Text.assemble((QUOTE_BAR, self._style("source")), text)
                out.append(text)
        self._laid = (width, out)
        return out

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.lines(width)))

    def render(self) -> Text:
        return Text("\n", no_wrap=True, overflow="crop").join(self.lines(self.content_size.width))

    def notify_style_update(self) -> None:
        self._laid = None
        super().notify_style_update()


class ChatLog(VerticalScroll):
    """The column of bubbles; it keeps the newest in view, also when a resize rewraps them (until
    the learner scrolls up to read, and again once they are back at the end)."""

    following = True  # at the end, so the next bubble or a resize keeps the end in view

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.following = new >= self.max_scroll_y - 1

    def on_resize(self, event: Resize) -> None:
        if self.following:  # bubbles rewrap to the new width: the end moves, follow it
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def add(self, parts: Sequence[Part], *, who: str, mode: str) -> Bubble:
        bubble = Bubble(parts, who=who, mode=mode)
        self.add_bubbles([bubble])
        return bubble

    def add_bubbles(self, bubbles: Sequence[Bubble]) -> None:
        self.mount_all(bubbles)
        self.scroll_end(animate=False, immediate=False)
