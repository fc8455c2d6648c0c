"""The article reader: the current question's article, scrolled to its evidence, highlighted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from tutor.bank.model import Article
from tutor.engine.session import Evidence
from tutor.i18n import t
from tutor.ui.keys import BACK, label_keys
from tutor.ui.widgets.rtl_text import RtlText

UNKNOWN = ("", "unknown")  # what article metadata says when the page does not tell


def heading(article: Article, lang: str) -> str:
    """'Article: title (outlet, date)', naming only what the page gives."""
    title = article.display_title(lang)
    known = [x for x in (article.outlet, article.date) if x.strip() not in UNKNOWN]
    if not known:
        return t("source.header_title", lang, title=title)
    sep = "، " if lang == "ar" else ", "
    return f"{t('source.header_title', lang, title=title)} ({sep.join(known)})"


class ArticleReader(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f4", "app.pop_screen", "back")]

    def __init__(
        self, article: Article, evidence: Evidence | None, *, lang: str, mode: str
    ) -> None:
        super().__init__()
        self.article = article
        self.evidence = (
            evidence if evidence is not None and evidence.article.id == article.id else None
        )
        self.lang = lang
        self.mode = mode
        self.target: RtlText | None = None

    def compose(self) -> ComposeResult:
        a = self.article
        header = heading(a, self.lang)
        with VerticalScroll(id="article"):
            yield RtlText(header, mode=self.mode, classes="header")
            offset = 0
            for para in a.text.split("\n"):
                start, end = offset, offset + len(para)
                offset = end + 1
                if not para.strip():
                    continue
                spans, marks = self._spans(start, end)
                widget = RtlText(
                    para, mode=self.mode, highlights=marks, marks=spans, classes="para"
                )
                if spans and self.target is None:
                    self.target = widget
                yield widget
        yield Footer()

    def _spans(
        self, start: int, end: int
    ) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
        """The evidence (underlined) and the answer in it (highlighted), in paragraph offsets."""
        ev = self.evidence
        if ev is None or ev.end <= start or ev.start >= end:
            return (), ()
        evidence = ((max(ev.start, start) - start, min(ev.end, end) - start),)
        answer = tuple(
            (max(ev.start + a, start) - start, min(ev.start + b, end) - start)
            for a, b in ev.highlights
            if ev.start + a < end and ev.start + b > start
        )
        return evidence, answer or evidence

    def on_mount(self) -> None:
        label_keys(self, self.lang, self.mode, BACK)
        if self.target is not None:
            target = self.target
            self.call_after_refresh(lambda: target.scroll_visible(top=True, animate=False))
