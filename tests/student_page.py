"""Steps a student takes on the drill's web page, shared by the browser tests."""

from __future__ import annotations


def join(page, hosted, name: str, lang: str = "en") -> None:
    """Open the join page of `hosted`, type the name and the code, and wait to be let in."""
    page.goto(f"http://127.0.0.1:{hosted.port}/join?lang={lang}")
    page.fill("#name", name)
    page.fill("#code", hosted.host.code)
    page.click("#join button[type=submit]")
    page.wait_for_function("document.getElementById('join').hidden")


def text(page, selector: str) -> str:
    return page.locator(selector).inner_text().strip()
