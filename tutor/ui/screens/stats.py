"""The stats screen: the same numbers as `tutor stats`, with bars and sparklines, in the
conversation's language. Escape closes.

In Arabic with `--bidi app` every line is laid out in visual order here: the heading and the
article or topic name on the right, the figures and bars to their left, as a reader expects.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar, Sparkline, Static

from tutor.bank.model import Bank
from tutor.commands.stats import aided_line, bar, named_groups, override_lines, percent
from tutor.display import bidi as bidi_layout
from tutor.i18n import t
from tutor.store.stats import Group, Stats
from tutor.ui.keys import BACK, label_keys

WIDTH = 64  # the column everything lines up in; right-to-left lines end at its right edge
NAME = 30
BAR = 16
ROW_NAME = WIDTH - (5 + BAR + 1 + 9 + 2)  # what a right-to-left row leaves for the name


class StatsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f8", "app.pop_screen", "back")]
    DEFAULT_CSS = """
    StatsScreen VerticalScroll { padding: 1 2; }
    StatsScreen .heading { text-style: bold; margin-top: 1; }
    StatsScreen Sparkline { height: 3; width: 60; margin-bottom: 1; }
    StatsScreen ProgressBar { margin-bottom: 1; }
    """

    def __init__(
        self, stats: Stats, bank: Bank | None = None, *, lang: str = "en", mode: str = "app"
    ) -> None:
        super().__init__()
        self.stats = stats
        self.bank = bank
        self.lang = lang
        self.mode = mode
        self.rtl = lang == "ar" and mode == "app"  # we draw right to left ourselves

    def on_mount(self) -> None:
        label_keys(self, self.lang, self.mode, BACK)

    def _line(self, text: str, width: int = WIDTH) -> str:
        """`text` as the terminal must draw it: in Arabic, reordered and right-aligned in
        `width` cells (wrapped if longer)."""
        if not self.rtl:
            return text
        return "\n".join(bidi_layout.visual_lines(text, width))

    def compose(self) -> ComposeResult:
        s, lang = self.stats, self.lang
        with VerticalScroll(id="stats"):
            yield self._heading(t("stats.seen", lang, seen=s.seen, total=s.total))
            seen = ProgressBar(total=max(s.total, 1), show_eta=False, id="seen")
            seen.progress = s.seen
            yield seen
            yield Static(Text(self._summary()), id="summary")
            yield self._heading(t("stats.daily", lang, days=len(s.daily)))
            yield Sparkline([p.asked for p in s.daily], summary_function=max, id="daily")
            yield self._heading(t("stats.weekly", lang))
            yield Sparkline(
                [p.accuracy or 0.0 for p in s.weekly], summary_function=max, id="weekly"
            )
            articles, tags = named_groups(s, self.bank, lang)
            if articles:
                yield self._heading(t("stats.by_article", lang))
                yield Static(self._groups(articles), id="articles")
            if tags:
                yield self._heading(t("stats.by_tag", lang))
                yield Static(self._groups(tags), id="tags")
            if s.overrides:  # "I was right", for review: never counted as right
                yield self._heading(t("stats.overrides", lang))
                rows = "\n".join(override_lines(s, self.bank, lang)).split("\n")
                yield Static(Text("\n".join(self._line(r) for r in rows)), id="overrides")
        yield Footer()

    def _heading(self, text: str) -> Label:
        return Label(Text(self._line(text)), classes="heading")

    def _summary(self) -> str:
        s, lang = self.stats, self.lang
        rows = [
            t("stats.due", lang, today=s.due_today, week=s.due_week, new=s.new_today),
            t("stats.accuracy", lang, accuracy=percent(s.accuracy), asked=s.asked),
            *filter(None, [aided_line(s, lang)]),
            t("stats.streak", lang, streak=s.streak, best=s.best_streak),
        ]
        return "\n".join(self._line(r) for r in rows)

    def _groups(self, groups: list[Group]) -> Text:
        """Rich Text, never markup: titles and tags come from the bank's authors."""
        names = [" ".join(g.title.split()) for g in groups]
        # right to left, every name ends at the headings' right edge; left to right, they share
        # the width of the longest
        width = ROW_NAME if self.rtl else min(max((len(n) for n in names), default=0), NAME)
        out = Text()
        for g, name in zip(groups, names, strict=True):
            name = name if len(name) <= width else name[: width - 1] + "…"
            figures = f"{g.seen:>4}/{g.total:<4}"
            good = "green" if (g.accuracy or 0) >= 0.8 else "yellow"
            acc = bar(g.accuracy or 0.0, BAR)
            if self.rtl:  # visual order, left to right: 80% ████ 12/36  the name
                out.append(f"{percent(g.accuracy):>4} ")
                out.append(acc, style=good)
                out.append(f" {figures}  {self._line(name, width)}\n")
            else:
                out.append(f"{name.ljust(width)}  {figures} ")
                out.append(acc, style=good)
                out.append(f" {percent(g.accuracy)}\n")
        out.rstrip()
        return out
