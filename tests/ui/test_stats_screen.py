"""The stats screen speaks the learner's language: headings, article titles, topics, the way back."""

from __future__ import annotations

from datetime import UTC, datetime

from pilot import run
from textual.widgets import Label, Static

from tutor.engine.ports import AnswerRecord
from tutor.store import open_store
from tutor.store.stats import compute_stats
from tutor.ui.screens.stats import StatsScreen


def stats_of(bank, tmp_path):
    store = open_store(tmp_path)
    store.record(AnswerRecord("t-year", datetime.now(UTC), "1961", "correct", 1.0, 4.0, 0, "app"))
    stats = compute_stats(store, bank)
    store.close()
    return stats


def screen_text(screen) -> str:
    parts = [str(w.render()) for w in screen.query(Label)]
    parts += [str(w.render()) for w in screen.query(Static)]
    return "\n".join(parts)


def test_stats_in_arabic_name_articles_and_topics_in_arabic(make_app, bank, tmp_path) -> None:
    stats = stats_of(bank, tmp_path)
    treaty = bank.articles["treaty"].display_title("ar")

    async def script(pilot):
        await pilot.press("f8")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, StatsScreen)
        text = screen_text(screen)
        assert "الأسئلة التي رأيتها: 1 من" in text
        assert "حسب المقالة" in text and "حسب الموضوع" in text
        assert treaty in text and "المعاهدات" in text  # the article's and the topic's Arabic names
        assert "By article" not in text
        back = {b.binding.description for b in screen.active_bindings.values()}
        assert "رجوع" in back

    factory = lambda lang, mode: StatsScreen(stats, bank, lang=lang, mode=mode)  # noqa: E731
    run(make_app(lang="ar", bidi="terminal", stats_screen=factory), script)


def test_stats_in_english_and_drawn_right_to_left_in_arabic(make_app, bank, tmp_path) -> None:
    stats = stats_of(bank, tmp_path)

    async def english(pilot):
        await pilot.press("f8")
        await pilot.pause()
        text = screen_text(pilot.app.screen)
        assert "Questions seen: 1 of" in text and "By topic" in text and "treaty" in text

    async def arabic_drawn_by_the_app(pilot):
        await pilot.press("f8")
        await pilot.pause()
        text = screen_text(pilot.app.screen)
        assert "ﺔﻟﺎﻘﻤﻟﺍ ﺐﺴﺣ" in text  # حسب المقالة, shaped and in visual order

    factory = lambda lang, mode: StatsScreen(stats, bank, lang=lang, mode=mode)  # noqa: E731
    run(make_app(stats_screen=factory), english)
    run(make_app(lang="ar", bidi="app", stats_screen=factory), arabic_drawn_by_the_app)
