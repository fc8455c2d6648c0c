"""Where the learner types: one AnswerInput, which draws Arabic as it reads while the text it
holds (and submits) stays in logical order."""

from __future__ import annotations

from textual.containers import Vertical

from tutor.ui.widgets.answer_input import AnswerInput


class AnswerBox(Vertical):
    DEFAULT_CSS = """
    AnswerBox { height: auto; }
    """

    def __init__(self, *, mode: str, placeholder: str = "") -> None:
        super().__init__()
        self.mode = mode
        self.placeholder = placeholder

    def compose(self):
        yield AnswerInput(
            mode=self.mode, placeholder=self.placeholder, id="answer", select_on_focus=False
        )

    @property
    def input(self) -> AnswerInput:
        return self.query_one("#answer", AnswerInput)
