"""Choosing a round: article, tag, difficulty and length."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from tutor.bank.model import Bank
from tutor.engine.session import RoundSpec
from tutor.i18n import t, tag_name
from tutor.ui.keys import label_keys, short_label


class RoundPicker(ModalScreen[RoundSpec | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, bank: Bank, spec: RoundSpec, *, lang: str, mode: str) -> None:
        super().__init__()
        self.bank = bank
        self.spec = spec
        self.lang = lang
        self.mode = mode

    def on_mount(self) -> None:
        label_keys(self, self.lang, self.mode)

    def compose(self) -> ComposeResult:
        lang = self.lang

        def say(key: str) -> str:
            return short_label(t(key, lang), self.mode)

        articles = [
            (short_label(a.display_title(lang), self.mode), a.id)
            for a in self.bank.articles.values()
        ]
        tags = sorted({tag for q in self.bank.questions for tag in q.tags})
        levels = sorted({q.difficulty for q in self.bank.questions if q.difficulty is not None})
        rtl = lang == "ar" and self.mode == "app"
        # compact fields, in a scrolling box: the dialog fits 80×24 and scrolls below that
        with VerticalScroll(id="picker", classes="rtl" if rtl else ""):
            yield Label(say("picker.title"), classes="header")
            yield Label(say("picker.article"))
            one = self.spec.articles[0] if len(self.spec.articles) == 1 else Select.NULL
            yield Select(articles, prompt=say("picker.all"), id="article", value=one, compact=True)
            yield Label(say("picker.tag"))
            yield Select(
                [(short_label(tag_name(x, lang), self.mode), x) for x in tags],
                prompt=say("picker.all"),
                id="tag",
                compact=True,
            )
            yield Label(say("picker.difficulty"))
            yield Select(
                [(str(d), d) for d in levels], prompt=say("picker.all"), id="difficulty",
                compact=True,
            )  # fmt: skip
            yield Label(say("picker.length"))
            yield Input(str(self.spec.length or 10), id="length", type="integer", compact=True)
            yield Button(say("picker.start"), id="start", variant="primary", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.chosen())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(self.chosen())

    def chosen(self) -> RoundSpec:
        def value(widget_id: str) -> tuple:
            v = self.query_one(f"#{widget_id}", Select).value
            return () if v is Select.NULL or v is None else (v,)

        try:
            length = max(1, min(int(self.query_one("#length", Input).value or 10), 500))
        except ValueError:
            length = 10
        return RoundSpec(
            articles=value("article"),
            tags=value("tag"),
            difficulties=value("difficulty"),
            length=length,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
