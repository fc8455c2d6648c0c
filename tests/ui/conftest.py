"""Apps over the shared fixed bank (tests/conftest.py), rounds in a fixed order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from fakes import ListRecorder

from tutor.bank import Bank
from tutor.engine.session import RoundSpec, Session
from tutor.ui.app import TutorApp
from tutor.ui.widgets.answer_input import AnswerInput

NARROW = (80, 24)  # the smallest terminal we promise to fit


@pytest.fixture
def make_app(bank: Bank, recorder: ListRecorder) -> Callable[..., TutorApp]:
    """An app whose rounds ask `order` (question ids) in that order, whatever the spec."""

    def factory(order=("t-year", "t-dover"), lang="en", bidi="app", stats_screen=None) -> TutorApp:
        def make_session(spec: RoundSpec) -> Session:
            chosen = [bank.get(i) for i in order]
            qs = [q for q in chosen if q is not None and spec.admits(q)]
            return Session(bank, spec, recorder=recorder, questions=qs)

        return TutorApp(
            bank=bank, make_session=make_session, spec=RoundSpec(length=len(order)), lang=lang,
            bidi=bidi, stats_screen=stats_screen,
        )  # fmt: skip

    return factory


@pytest.fixture
def run_at() -> Callable[..., TutorApp]:
    """Run `script(pilot, answer_box)` on an app at a fixed size (80×24 unless told), caret
    blink off."""

    def runner(app: TutorApp, script, size: tuple[int, int] = NARROW) -> TutorApp:
        async def go() -> None:
            async with app.run_test(size=size) as pilot:
                box = app.query_one("#answer", AnswerInput)
                box.cursor_blink = False
                await pilot.pause()
                await script(pilot, box)

        asyncio.run(go())
        return app

    return runner
