"""Where the learner types: an Input kept in logical order (so the caret behaves), with a preview
line above it showing Arabic as it reads, in "app" mode only."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widgets import Input

from tutor.bank.model import has_arabic
from tutor.display.safe import TYPED_LIMIT, sanitize
from tutor.ui.widgets.rtl_text import RtlText


class AnswerInput(Input):
    """Textual's Input draws what it holds as it is: a pasted ESC would reach the terminal, and a
    pasted megabyte is measured on every frame (seconds each). It holds at most TYPED_LIMIT
    characters, control characters shown as �; longer is refused on Enter anyway."""

    def validate_value(self, value: str) -> str:
        return sanitize(value[:TYPED_LIMIT])


class AnswerBox(Vertical):
    DEFAULT_CSS = """
    AnswerBox { height: auto; }
    AnswerBox #preview { display: none; color: $text-muted; padding: 0 2; }
    AnswerBox #preview.shown { display: block; }
    """

    def __init__(self, *, mode: str, placeholder: str = "") -> None:
        super().__init__()
        self.mode = mode
        self.placeholder = placeholder

    def compose(self):
        yield RtlText("", mode=self.mode, id="preview")
        yield AnswerInput(placeholder=self.placeholder, id="answer", select_on_focus=False)

    @property
    def input(self) -> Input:
        return self.query_one("#answer", Input)

    def on_input_changed(self, event: Input.Changed) -> None:
        preview = self.query_one("#preview", RtlText)
        show = self.mode == "app" and has_arabic(event.value)
        preview.set_class(show, "shown")
        preview.update(event.value if show else "")
