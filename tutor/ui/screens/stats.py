"""The stats screen: the same numbers as `tutor stats`, with bars and sparklines. Escape closes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar, Sparkline, Static

from tutor.commands.stats import bar, percent
from tutor.store.stats import Group, Stats


class StatsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f8", "app.pop_screen", "back")]
    DEFAULT_CSS = """
    StatsScreen VerticalScroll { padding: 1 2; }
    StatsScreen .heading { text-style: bold; margin-top: 1; }
    StatsScreen Sparkline { height: 3; width: 60; margin-bottom: 1; }
    StatsScreen ProgressBar { margin-bottom: 1; }
    """

    def __init__(self, stats: Stats) -> None:
        super().__init__()
        self.stats = stats

    def compose(self) -> ComposeResult:
        s = self.stats
        with VerticalScroll(id="stats"):
            yield Label(Text(f"Questions seen: {s.seen} of {s.total}"), classes="heading")
            seen = ProgressBar(total=max(s.total, 1), show_eta=False, id="seen")
            seen.progress = s.seen
            yield seen
            yield Static(Text(self._summary()), id="summary")
            yield Label(Text(f"Questions asked, last {len(s.daily)} days"), classes="heading")
            yield Sparkline([p.asked for p in s.daily], summary_function=max, id="daily")
            yield Label(Text("Retention by week (questions seen before)"), classes="heading")
            yield Sparkline(
                [p.accuracy or 0.0 for p in s.weekly], summary_function=max, id="weekly"
            )
            if s.by_article:
                yield Label(Text("By article"), classes="heading")
                yield Static(self._groups(s.by_article), id="articles")
            if s.by_tag:
                yield Label(Text("By tag"), classes="heading")
                yield Static(self._groups(s.by_tag), id="tags")
        yield Footer()

    def _summary(self) -> str:
        s = self.stats
        days = "day" if s.streak == 1 else "days"
        return (
            f"Due: {s.due_today} today, {s.due_week} this week ({s.new_today} new today)\n"
            f"Accuracy at the first try: {percent(s.accuracy)} ({s.asked} asked)\n"
            f"Streak: {s.streak} {days} (best {s.best_streak})"
        )

    @staticmethod
    def _groups(groups: list[Group]) -> Text:
        """Rich Text, never markup: titles and tags come from the bank's authors."""
        width = min(max((len(g.title) for g in groups), default=0), 30)
        out = Text()
        for g in groups:
            title = g.title if len(g.title) <= width else g.title[: width - 1] + "…"
            out.append(f"{title.ljust(width)}  {g.seen:>4}/{g.total:<4} ")
            acc = bar(g.accuracy or 0.0, 16)
            out.append(acc, style="green" if (g.accuracy or 0) >= 0.8 else "yellow")
            out.append(f" {percent(g.accuracy)}\n")
        out.rstrip()
        return out
