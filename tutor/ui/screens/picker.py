"""Choosing a round: article, tag, difficulty and length."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from tutor.bank.model import Bank
from tutor.display.safe import sanitize
from tutor.engine.session import RoundSpec
from tutor.i18n import t, tag_name
from tutor.ui.keys import label_keys


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
        articles = [(sanitize(a.display_title(lang)), a.id) for a in self.bank.articles.values()]
        tags = sorted({tag for q in self.bank.questions for tag in q.tags})
        levels = sorted({q.difficulty for q in self.bank.questions if q.difficulty is not None})
        with Vertical(id="picker"):
            yield Label(t("picker.title", lang), classes="header")
            yield Label(t("picker.article", lang))
            one = self.spec.articles[0] if len(self.spec.articles) == 1 else Select.NULL
            yield Select(articles, prompt=t("picker.all", lang), id="article", value=one)
            yield Label(t("picker.tag", lang))
            yield Select(
                [(sanitize(tag_name(x, lang)), x) for x in tags],
                prompt=t("picker.all", lang),
                id="tag",
            )
            yield Label(t("picker.difficulty", lang))
            yield Select(
                [(str(d), d) for d in levels], prompt=t("picker.all", lang), id="difficulty"
            )
            yield Label(t("picker.length", lang))
            yield Input(str(self.spec.length or 10), id="length", type="integer")
            yield Button(t("picker.start", lang), id="start", variant="primary")

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
