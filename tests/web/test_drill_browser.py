"""The student's drill page in a real browser: a student joins the host's page with a name and
the class code, the teacher opens a question, the student answers and sees the verdict, then
the answer and the final score; in Arabic the page reads right to left."""

from __future__ import annotations

import pytest
from student_page import join as _join
from student_page import text as _text

pytestmark = pytest.mark.slow


def test_a_student_joins_answers_and_sees_verdict_answer_and_score(page, shot, hosting) -> None:
    hosted = hosting(ids=("t-dover",))
    _join(page, hosted, "Layla", "en")
    assert _text(page, "#title") == "Week 3"
    hosted.do(hosted.host.start)
    page.wait_for_function("document.getElementById('prompt').textContent.length > 0")
    assert _text(page, "#prompt") == "At which university does Robert Dover teach?"
    assert _text(page, "#position") == "Question 1 of 1"
    page.fill("#answer", "University of Hull")
    page.press("#answer", "Enter")
    page.wait_for_function("document.getElementById('verdict').textContent.length > 0")
    assert _text(page, "#verdict") == "Correct."
    assert page.locator("#answer").is_disabled()  # one attempt, used
    hosted.do(hosted.host.reveal)
    page.wait_for_selector("#reveal:not([hidden])")
    assert _text(page, "#reveal-answer") == "University of Hull"
    assert page.locator("#evidence mark").count() >= 1  # the answer marked in its passage
    shot(page, "drill-en.png")
    hosted.do(hosted.host.finish)
    page.wait_for_selector("#end:not([hidden])")
    assert "Score: 1 of 1" in _text(page, "#final-score")
    assert "Layla" in _text(page, "#leaderboard")


def test_in_arabic_the_page_is_right_to_left_and_takes_an_arabic_answer(page, shot, hosting):
    hosted = hosting(ids=("t-dover",))
    _join(page, hosted, "ليلى", "ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    hosted.do(hosted.host.start)
    page.wait_for_function("document.getElementById('prompt').textContent.length > 0")
    assert _text(page, "#prompt") == "في أي جامعة يعمل روبرت دوفر؟"
    assert page.evaluate("getComputedStyle(document.getElementById('prompt')).direction") == ("rtl")
    page.fill("#answer", "جامعة هال")
    page.press("#answer", "Enter")
    page.wait_for_function("document.getElementById('verdict').textContent.length > 0")
    assert _text(page, "#verdict") == "صحيح."
    shot(page, "drill-ar.png")


def test_the_page_never_holds_the_answer_before_the_reveal(page, hosting) -> None:
    hosted = hosting(ids=("t-dover",))
    _join(page, hosted, "Omar", "en")
    hosted.do(hosted.host.start)
    page.wait_for_function("document.getElementById('prompt').textContent.length > 0")
    assert "Hull" not in page.content()


def test_switching_language_after_the_reveal_shows_the_answer_in_that_language(page, hosting):
    hosted = hosting(ids=("t-dover",))
    _join(page, hosted, "Sara", "en")
    hosted.do(hosted.host.start)
    page.wait_for_function("document.getElementById('prompt').textContent.length > 0")
    page.fill("#answer", "Hull")
    page.press("#answer", "Enter")
    page.wait_for_function("document.getElementById('verdict').textContent.length > 0")
    hosted.do(hosted.host.reveal)
    page.wait_for_selector("#reveal:not([hidden])")
    assert _text(page, "#reveal-answer") == "University of Hull"
    page.click("#lang")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert _text(page, "#reveal-answer") == "جامعة هال"
    page.click("#lang")
    assert _text(page, "#reveal-answer") == "University of Hull"


def test_the_student_page_is_served_under_a_strict_content_security_policy(browser, hosting):
    """Only its own script, style and host: no inline code, no other origin, no framing; the
    page still joins and its WebSocket still connects with the policy enforced."""
    from tutor.drill.web import CSP

    assert "unsafe-inline" not in CSP and "*" not in CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self'" in CSP
    context = browser.new_context()  # the policy enforced: no test probe runs script in the page
    page = context.new_page()
    page.set_default_timeout(20_000)
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    try:
        hosted = hosting(ids=("t-year",))
        response = page.goto(f"http://127.0.0.1:{hosted.port}/join?lang=en")
        assert response is not None and response.headers["content-security-policy"] == CSP
        page.fill("#name", "Mona")
        page.fill("#code", hosted.host.code)
        page.click("#join button[type=submit]")
        page.wait_for_selector("#join", state="hidden")  # joined over its WebSocket
    finally:
        context.close()
    assert refused == []
