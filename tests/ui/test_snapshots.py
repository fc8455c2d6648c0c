"""Pictures of the main screens, in both languages, at a fixed size (review them in the report
pytest-textual-snapshot writes on failure; update with --snapshot-update after checking)."""

from __future__ import annotations

import pytest
from textual.widgets import Input

SIZE = (100, 32)


async def _steady(pilot) -> None:
    for box in pilot.app.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def _typing(*answers: str):
    async def run_before(pilot) -> None:
        await _steady(pilot)
        box = pilot.app.query_one("#answer", Input)
        for text in answers:
            box.value = text
            await pilot.press("enter")
            await pilot.pause()
        await _steady(pilot)

    return run_before


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_first_question(snap_compare, make_app, lang: str) -> None:
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE, run_before=_steady)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_verdict_with_evidence(snap_compare, make_app, lang: str) -> None:
    app = make_app(order=("t-dover", "t-year"), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=_typing("Oxford", "Cambridge"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_hint_after_a_miss(snap_compare, make_app, lang: str) -> None:
    assert snap_compare(make_app(lang=lang), terminal_size=SIZE, run_before=_typing("1991"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_round_summary(snap_compare, make_app, lang: str) -> None:
    app = make_app(lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=_typing("1961", "/skip"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_article_reader(snap_compare, make_app, lang: str) -> None:
    app = make_app(order=("t-dover",), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, press=["f4"], run_before=_steady)


def test_arabic_answer_in_the_box(snap_compare, make_app) -> None:
    assert snap_compare(
        make_app(lang="ar"), terminal_size=SIZE, run_before=_typing_only("جامعة هال Hull 12")
    )


def test_help(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, press=["f1"], run_before=_steady)


def test_round_picker(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, press=["f9"], run_before=_steady)


def _typing_only(text: str):
    async def run_before(pilot) -> None:
        pilot.app.query_one("#answer", Input).value = text
        await _steady(pilot)

    return run_before


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_stats_screen(snap_compare, make_app, bank, tmp_path, lang: str) -> None:
    from datetime import UTC, datetime, timedelta

    from tutor.engine.ports import AnswerRecord
    from tutor.store import open_store
    from tutor.store.stats import compute_stats
    from tutor.ui.screens.stats import StatsScreen

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    store = open_store(tmp_path)
    for days, qid, verdict in [(3, "t-year", "incorrect"), (1, "t-year", "correct"),
                               (0, "t-dover", "correct")]:  # fmt: skip
        at = now - timedelta(days=days)
        store.record(AnswerRecord(qid, at, "x", verdict, float(verdict == "correct"), 5, 0, "app"))
    stats = compute_stats(store, bank, now=now, tz=UTC)
    store.close()
    app = make_app(lang=lang, stats_screen=lambda lg, mode: StatsScreen(stats, bank, lang=lg,
                                                                        mode=mode))  # fmt: skip
    assert snap_compare(app, terminal_size=SIZE, press=["f8"], run_before=_steady)


NARROW = (80, 24)


def test_narrow_arabic_typing(snap_compare, make_app) -> None:
    """80×24: the Arabic prompt in colour, not bold; typed Arabic joined, right to left, in the
    box; the footer's keys whole."""

    async def run_before(pilot) -> None:
        await _steady(pilot)
        await pilot.press(*"جامعة هال 1961", "right", "right")
        await _steady(pilot)

    assert snap_compare(make_app(lang="ar"), terminal_size=NARROW, run_before=run_before)


def test_narrow_round_picker(snap_compare, make_app) -> None:
    app = make_app(lang="ar")
    assert snap_compare(app, terminal_size=NARROW, press=["f9"], run_before=_steady)


def test_narrow_after_a_resize(snap_compare, make_app) -> None:
    """Answered at 100×32, then shrunk to 80×24: the chat still ends on the current question."""

    async def run_before(pilot) -> None:
        await _steady(pilot)
        await pilot.resize_terminal(100, 32)
        box = pilot.app.query_one("#answer", Input)
        for text in ("1991", "1961"):
            box.value = text
            await pilot.press("enter")
            await pilot.pause()
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        await _steady(pilot)

    app = make_app(order=("t-year", "t-dover"), lang="ar")
    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
