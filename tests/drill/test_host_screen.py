"""The teacher's Textual screen drives the same host: the roster and clock update as students
join and answer, typed commands work, quit ends the drill for everyone."""

from __future__ import annotations

import asyncio

import aiohttp
from drillbots import Bot, make_host
from fakes import BANK_DIR
from textual.widgets import DataTable, RichLog, Static

from tutor.drill.spec import DrillSpec
from tutor.ui.drill_host import HostApp

SPEC = DrillSpec(title="Live", seed=3, ids=("t-year", "a-choice"), time_per_question=60.0)


def _log(app: HostApp) -> str:
    return "\n".join(line.text for line in app.query_one("#log", RichLog).lines)


def test_teacher_screen_runs_a_drill(tmp_path):
    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", SPEC)
        app = HostApp(host, bidi="terminal")
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert f"--code {host.code}" in _log(app)
            async with aiohttp.ClientSession() as session:
                bot = Bot(session, app.port, "Ali", host.code)
                await bot.connect()

                async def type_(text: str) -> None:
                    await pilot.click("#command")
                    for ch in text:
                        await pilot.press(ch if ch != " " else "space")
                    await pilot.press("enter")
                    await pilot.pause()

                await type_("start")
                await bot.expect("question")
                assert (await bot.answer("t-year", "1961"))["verdict"] == "correct"
                await asyncio.sleep(0.6)  # the screen refreshes twice a second
                status = str(app.query_one("#status", Static).render())
                assert "question 1/2" in status and "1/1 answered" in status
                table = app.query_one("#roster", DataTable)
                assert [str(c) for c in table.get_row_at(0)] == ["Ali", "yes", "1", "correct"]
                await type_("reveal")
                assert "[1] correct    1  '1961'  (Ali)" in _log(app)
                await type_("bogus")
                assert "unknown command 'bogus'" in _log(app)
                await type_("quit")
                end = await bot.expect("end")
                assert end["score"] == 1.0
        return app.return_code

    assert asyncio.run(asyncio.wait_for(scenario(), 60)) == 0


def test_an_arabic_name_on_the_leaderboard_keeps_rank_then_name_then_score(tmp_path):
    """A host line such as "  9. يوسف  3" stays in its left-to-right frame in xterm: the name
    reads right to left between its rank and its score (before, the line was turned round)."""

    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", SPEC)
        app = HostApp(host, bidi="app")
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            app.log_line("  9. يوسف  3")
            await pilot.pause()
            last = app.query_one("#log", RichLog).lines[-1].text.rstrip()
            assert last.startswith("  9. ") and last.endswith("  3"), last
            assert "ﻒﺳﻮﻳ" in last  # shaped, in visual (right-to-left) order
            app.exit(0)

    asyncio.run(asyncio.wait_for(scenario(), 60))
