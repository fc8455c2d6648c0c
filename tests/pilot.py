"""Driving the app in tests: type as a paste would, read back what each side said."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from tutor.ui.app import TutorApp
from tutor.ui.widgets.chat import Bubble

SIZE = (100, 40)


def tutor_said(app: TutorApp) -> list[str]:
    return [b.plain for b in app.query(Bubble) if b.has_class("tutor")]


def learner_said(app: TutorApp) -> list[str]:
    return [b.plain for b in app.query(Bubble) if b.has_class("learner")]


async def answer(pilot, text: str) -> None:
    """Type into the answer box the way a paste would (keeps Arabic harakat), then Enter."""
    box = pilot.app.query_one("#answer", Input)
    box.value = text
    await pilot.press("enter")
    await pilot.pause()


def run(app: TutorApp, script) -> TutorApp:
    async def go() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(go())
    return app
