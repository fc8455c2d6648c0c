"""Real-browser tests: headless Debian Chromium driven by Playwright for Python.

Playwright's own browser download is not used (nor reachable here): the system's chromium is
launched by path. Without either, every test asking for `browser` or `page` is skipped, saying
which is missing (.ci/run installs both). A page reaches only the loopback server under test.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from drillbots import make_host
from fakes import BANK_DIR

from tutor.drill.console import Console
from tutor.drill.lines import Lines
from tutor.drill.spec import DrillSpec

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page (its own storage) that may load only http://127.0.0.1: a page's request
    elsewhere (a CDN, were one named) would otherwise hold up window.onload for as long as
    DNS takes to fail."""
    # bypass_csp: the tests' own probes (wait_for_function, evaluate) are script the page's
    # policy would refuse; test_drill_browser checks the page under its policy on its own
    context = browser.new_context(viewport={"width": 1000, "height": 700}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("http://127.0.0.1:")
            else route.abort()
        ),
    )
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def shot(tmp_path: Path):
    """shot(page, "name.png"): a screenshot beside the test's files, and in $TUTOR_SCREENSHOTS
    when that is set (to look at what the browser drew)."""

    def take(page, name: str) -> Path:
        path = tmp_path / name
        page.screenshot(path=str(path))
        if os.environ.get("TUTOR_SCREENSHOTS"):
            shutil.copy(path, Path(os.environ["TUTOR_SCREENSHOTS"]) / name)
        return path

    return take


class Hosted:
    """A drill host on a free loopback port, in its own thread and event loop, as `tutor host`
    runs it; `do(coro_fn)` runs a coroutine there, `teacher("reveal")` a teacher's command as
    typed at the console (the line-mode teacher's screen, results written to `export`)."""

    def __init__(self, db: Path, spec: DrillSpec, export: Path | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.said = io.StringIO()  # what the console told the teacher
        self.log: list[str] = []  # what the host told the teacher (joins, drops, returns)

        async def start():
            host = make_host(
                BANK_DIR, db, spec, said=self.log
            )  # made here: its SQLite is used on this thread
            return host, await host.serve("127.0.0.1", 0)

        self.host, self.port = self.do(start)
        self.console = Console(self.host, Lines(io.StringIO(), self.said), export)

    def do(self, fn: Callable, timeout: float = 30):
        return asyncio.run_coroutine_threadsafe(fn(), self.loop).result(timeout)

    def later(self, coro):
        """Run a coroutine on the host's loop without waiting: its concurrent.futures.Future."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def teacher(self, command: str) -> bool:
        return self.do(lambda: self.console.command(command))

    def close(self) -> None:
        async def stop():
            await self.host.stop()
            self.host.ledger.close()

        with contextlib.suppress(Exception):
            self.do(stop, 10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def hosting(tmp_path: Path) -> Iterator[Callable[..., Hosted]]:
    """hosting(**spec): a live drill "Week 3" (seed 1) on the test bank; ended after the test."""
    hosts: list[Hosted] = []

    def start(*, title: str = "Week 3", export: Path | None = None, **spec) -> Hosted:
        db = tmp_path / f"host{len(hosts)}.sqlite3"
        hosts.append(Hosted(db, DrillSpec(title=title, seed=1, **spec), export))
        return hosts[-1]

    try:
        yield start
    finally:
        for hosted in hosts:
            hosted.close()
