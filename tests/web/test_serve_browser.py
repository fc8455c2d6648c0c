"""`tutor serve` in a real browser: headless Chromium opens the served chat, reads the question off
the terminal, types an answer and sees the verdict; in Arabic, the question reads right to left.

xterm.js (in textual-serve's page) draws on a canvas, so the screen is read from the terminal's
own buffer: an init script keeps the page's xterm.js Terminal as `window.__term`. The browser
comes from conftest.py (skipped without chromium or Playwright).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from fakes import BANK_DIR

from tutor.display.bidi import visual_lines

pytestmark = pytest.mark.slow

START_S = 30  # the server listening; the first screen drawn
ANSWER_S = 20  # a verdict after Enter

# textual.js sets `this.terminal = new Terminal(...)`: a setter on Object.prototype sees that
# assignment, keeps the Terminal for the test and gives the object its own ordinary property.
KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && typeof value.write === "function") window.__term = value;
  },
});
"""
SCREEN = """() => {
  const term = window.__term;
  if (!term) return null;
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows;
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(data: Path, *options: str) -> Iterator[str]:
    """`tutor serve` on a free loopback port, its URL; the server and its apps always end."""
    port = _free_port()
    log = data / "serve.log"
    command = [sys.executable, "-m", "tutor", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--data", str(data), "--bank", str(BANK_DIR), *options]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the apps it starts end with it
        )  # fmt: skip
    try:
        deadline = time.monotonic() + START_S
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"tutor serve did not listen on {port}:\n{log.read_text()}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def _open(page, url: str):
    page.add_init_script(KEEP_TERMINAL)
    page.goto(url, timeout=START_S * 1000)
    return page


def _type(page, text: str) -> None:
    """Type into the terminal as a learner would: its input box (xterm's textarea) has focus."""
    page.locator(".xterm-helper-textarea").focus()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def _wait_for(page, seen: Callable[[list[str]], bool], what: str, seconds: float) -> list[str]:
    deadline = time.monotonic() + seconds
    rows: list[str] = []
    while time.monotonic() < deadline:
        rows = page.evaluate(SCREEN) or []
        if seen(rows):
            return rows
        time.sleep(0.2)
    if not page.evaluate("!!window.__term"):
        pytest.fail("the page's xterm.js Terminal was not found (has textual.js changed?)")
    screen = "\n".join(r.rstrip() for r in rows)
    pytest.fail(f"no {what} within {seconds} s; the screen:\n{screen}")


def _recorded(data: Path, seconds: float = 5) -> list[tuple]:
    """The answers the served app saved in the --data folder it was given."""
    path = data / "progress.sqlite3"
    deadline = time.monotonic() + seconds
    rows: list[tuple] = []
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(sqlite3.Error),
            contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db,
        ):
            rows = db.execute("SELECT question_id, answer, verdict FROM answers").fetchall()
        if rows:
            break
        time.sleep(0.2)
    return rows


def test_english_question_answer_and_verdict(page, shot, tmp_path: Path) -> None:
    with served(tmp_path, "--lang", "en", "--tag", "analysts") as url:
        _open(page, url)
        question = "At which university does Robert Dover teach?"
        _wait_for(page, lambda rows: any(question in r for r in rows), "question", START_S)
        _type(page, "University of Hull")
        _wait_for(page, lambda rows: any("Correct." in r for r in rows), "verdict", ANSWER_S)
        shot(page, "serve-en.png")


def test_arabic_reads_right_to_left_and_arabic_answers_are_graded(page, shot, tmp_path) -> None:
    """xterm.js does no bidi: the rows must hold the app's own visual order, shaped."""
    with served(tmp_path, "--lang", "ar", "--tag", "analysts") as url:
        _open(page, url)
        question = "في أي جامعة يعمل روبرت دوفر؟"
        drawn = visual_lines(question, 200)[0].strip()
        assert drawn != question  # reordered and shaped: the check below can tell them apart
        rows = _wait_for(page, lambda rows: any(drawn in r for r in rows), "question", START_S)
        assert not any(question in r for r in rows)  # never the logical order
        # The question is right-aligned: its row ends at its bubble's right edge, not its left.
        row = next(r for r in rows if drawn in r)
        assert row.index(drawn) > len(row.rstrip()) // 2
        _type(page, "جامعة هال")
        verdict = visual_lines("صحيح.", 200)[0].strip()
        _wait_for(page, lambda rows: any(verdict in r for r in rows), "verdict", ANSWER_S)
        shot(page, "serve-ar.png")
    # Typed Arabic reached the app intact, and its progress went to the --data folder.
    assert _recorded(tmp_path) == [("t-dover", "جامعة هال", "correct")]


class _References(HTMLParser):
    """Every address a page would load: src, href (not <a>: a link loads nothing), and url()
    in its styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "src" or (name == "href" and tag != "a") or name == "srcset"):
                self.found.append(value)
            if value and name == "style":
                self.found += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.found += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)
            self.found += re.findall(r"@import\s+['\"]([^'\"]+)", data)


def test_the_served_page_references_no_other_host(tmp_path: Path) -> None:
    """With no internet (a classroom, a train), the page must not wait on a CDN: every script,
    style, font and image it names is on the server it came from."""
    with served(tmp_path, "--lang", "en") as url:
        with urllib.request.urlopen(url, timeout=10) as response:
            html = response.read().decode("utf-8")
        parser = _References()
        parser.feed(html)
        assert parser.found, "the page names no resource at all: the parser is not reading it"
        own = urlsplit(url).netloc
        elsewhere = [r for r in parser.found if urlsplit(urljoin(url, r)).netloc != own]
        assert elsewhere == []
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        # The font the terminal asks for ('Roboto Mono') is served from here, and is there.
        font = next(r for r in parser.found if r.endswith(".ttf"))
        with urllib.request.urlopen(urljoin(url, font), timeout=10) as response:
            assert response.status == 200 and len(response.read()) > 10_000


def test_in_the_browser_the_page_loads_only_from_the_server_and_draws_in_its_font(
    browser, tmp_path: Path
) -> None:
    """Every request the page makes goes to the server; the terminal's font is loaded."""
    context = browser.new_context(viewport={"width": 1000, "height": 700}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    requested: list[str] = []

    def route(r) -> None:
        requested.append(r.request.url)
        r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort()

    page.route("**/*", route)
    try:
        with served(tmp_path, "--lang", "en", "--tag", "analysts") as url:
            _open(page, url)
            question = "At which university does Robert Dover teach?"
            _wait_for(page, lambda rows: any(question in r for r in rows), "question", START_S)
            page.wait_for_function("document.fonts.check('16px \"Roboto Mono\"')")
            assert page.evaluate("document.fonts.status") == "loaded"
            loaded = page.evaluate(
                "[...document.fonts].filter(f => f.family.includes('Roboto Mono'))"
                ".map(f => f.status)"
            )
            assert "loaded" in loaded
    finally:
        context.close()
    assert requested and all(u.startswith("http://127.0.0.1:") for u in requested), requested
