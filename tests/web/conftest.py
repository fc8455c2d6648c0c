"""Real-browser tests: headless Debian Chromium driven by Playwright for Python.

Playwright's own browser download is not used (nor reachable here): the system's chromium is
launched by path. Without either, every test asking for `browser` or `page` is skipped, saying
which is missing (.ci/run installs both). A page reaches only the loopback server under test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

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
