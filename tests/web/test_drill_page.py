"""The student's drill page in a real browser, beyond a plain join and answer: the hint button,
the countdown, coming back after a dropped connection or a locked phone, names and titles shown
as text (never as HTML), and no answer key in anything the page receives before the reveal."""

from __future__ import annotations

import json
import re

import aiohttp
import pytest
from drillbots import Bot
from fakes import BANK_DIR
from student_page import join as _join
from student_page import text as _text

from tutor.bank import load_bank

pytestmark = pytest.mark.slow


def _wait_prompt(page, prompt: str) -> None:
    page.wait_for_function(
        "p => document.getElementById('prompt').textContent.startsWith(p)", arg=prompt
    )


def _answer(page, text: str) -> str:
    page.evaluate("document.getElementById('verdict').textContent = ''")
    page.fill("#answer", text)
    page.press("#answer", "Enter")
    page.wait_for_function("document.getElementById('verdict').textContent.length > 0")
    return _text(page, "#verdict")


# --- the hint button ---


def test_the_hint_button_shows_the_hint_when_the_drill_allows_hints(page, hosting) -> None:
    hosted = hosting(ids=("t-dover",), hints=True, attempts=2)
    _join(page, hosted, "Hana")
    hosted.do(hosted.host.start)
    _wait_prompt(page, "At which university")
    button = page.locator("#hint-button")
    assert button.is_visible() and _text(page, "#hint-button") == "Hint"
    assert page.locator("#hint").is_hidden()  # not before it is asked for
    button.click()
    page.wait_for_selector("#hint:not([hidden])")
    assert _text(page, "#hint") == "A British university"
    page.click("#lang")  # the hint follows the page's language
    assert _text(page, "#hint-button") == "تلميح"
    # The host counted it: the answer's results line says one hint was seen.
    assert _answer(page, "جامعة هال") == "صحيح."
    (row,) = hosted.host.ledger.rows()
    assert row.hints == 1


def test_no_hint_button_when_the_drill_has_hints_off(page, hosting) -> None:
    hosted = hosting(ids=("t-dover",), hints=False, attempts=2)
    _join(page, hosted, "Hadi")
    hosted.do(hosted.host.start)
    _wait_prompt(page, "At which university")
    assert page.locator("#hint-button").is_hidden()
    assert _answer(page, "Oxford").startswith("Not quite.")  # a miss: a second try, no hint
    assert "1 more try" in _text(page, "#verdict")
    assert page.locator("#hint").is_hidden()


# --- the countdown ---


def _seconds(page) -> int:
    shown = _text(page, "#clock")
    m = re.fullmatch(r"(\d+) s left", shown)
    assert m, shown
    return int(m.group(1))


def test_the_countdown_runs_down_follows_extend_and_the_question_closes_at_zero(page, hosting):
    hosted = hosting(ids=("t-dover", "t-year"), time_per_question=3)
    _join(page, hosted, "Tamer")
    hosted.do(hosted.host.start)
    _wait_prompt(page, "At which university")
    first = _seconds(page)
    assert first in (2, 3)
    page.wait_for_function(f"document.getElementById('clock').textContent !== '{first} s left'")
    assert _seconds(page) < first  # it counts down by itself, between messages
    hosted.do(lambda: hosted.host.extend(60))
    page.wait_for_function("parseInt(document.getElementById('clock').textContent) > 30")
    assert 55 <= _seconds(page) <= 63
    page.click("#lang")
    assert re.fullmatch(r"بقي \d+ ث", _text(page, "#clock"))
    page.click("#lang")
    # The next question has its own 3 s; at zero (and the host's grace) the host closes it: the
    # answer box is shut and the page says why.
    hosted.do(hosted.host.next)
    _wait_prompt(page, "In which year")
    assert _seconds(page) <= 3
    page.wait_for_function("document.getElementById('answer').disabled", timeout=15_000)
    assert _text(page, "#status") == "This question is closed."
    assert _text(page, "#clock") == ""


# --- a dropped connection, a locked screen ---


def test_a_connection_dropped_long_after_joining_is_rejoined_with_the_score_kept(page, hosting):
    """The two-minute retry runs from the drop, not from the join: a student whose Wi-Fi drops
    ten minutes into the drill comes back by themselves, same name, same score."""
    hosted = hosting(ids=("t-dover", "t-year"))
    page.clock.install()
    _join(page, hosted, "Mona")
    hosted.do(hosted.host.start)
    _wait_prompt(page, "At which university")
    assert _answer(page, "Hull") == "Correct."
    page.clock.fast_forward("10:00")  # ten minutes on

    async def drop():  # the network goes: the host's side of her socket closes
        await hosted.host.students["Mona"].ws.close()

    hosted.do(drop)
    page.wait_for_function(
        "document.getElementById('status').textContent === 'Connection lost, trying again…'"
    )
    assert page.locator("#join").is_hidden()
    hosted.do(hosted.host.next)  # the class moves on while she is away
    page.clock.run_for(2500)  # the page's retry timer
    _wait_prompt(page, "In which year")  # rejoined: the open question comes with the welcome
    assert page.locator("#join").is_hidden()
    assert _answer(page, "1961") == "Correct."
    assert list(hosted.host.students) == ["Mona"]  # the same student, not a second one
    assert hosted.host.students["Mona"].score == 2
    assert hosted.host.students["Mona"].online


def test_back_from_a_locked_screen_a_dead_connection_is_replaced_at_once(page, hosting):
    """A phone's locked screen can leave a socket that looks open and carries nothing. When the
    page is shown again it checks the connection with a ping, and without a pong it joins again
    with its token and shows the question the class is on now."""
    hosted = hosting(ids=("t-dover", "t-year"))
    dead = {"on": False}
    sockets: list[object] = []

    def relay(ws) -> None:
        n = len(sockets)
        sockets.append(ws)
        server = ws.connect_to_server()
        ws.on_message(lambda m: None if dead["on"] and n == 0 else server.send(m))
        server.on_message(lambda m: None if dead["on"] and n == 0 else ws.send(m))

    page.route_web_socket(re.compile(r".*/ws$"), relay)
    _join(page, hosted, "Zaid")
    hosted.do(hosted.host.start)
    _wait_prompt(page, "At which university")
    assert _answer(page, "University of Hull") == "Correct."
    dead["on"] = True  # the screen locks; the connection dies without a word to either side
    hosted.do(hosted.host.next)
    with pytest.raises(Exception, match="Timeout"):  # the page has not heard of question 2
        _wait_prompt_within(page, "In which year", 1000)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # the screen is back
    _wait_prompt_within(page, "In which year", 10_000)
    assert len(sockets) == 2
    assert _answer(page, "1961") == "Correct."
    assert hosted.host.students["Zaid"].score == 2
    assert list(hosted.host.students) == ["Zaid"]


def _wait_prompt_within(page, prompt: str, ms: int) -> None:
    page.wait_for_function(
        "p => document.getElementById('prompt').textContent.startsWith(p)",
        arg=prompt,
        timeout=ms,
    )


# --- names and titles are text ---

EVIL = "<img src=x onerror=window.__x=1>"


def test_names_and_the_title_are_shown_as_text_never_as_html(page, hosting) -> None:
    hosted = hosting(ids=("t-dover",), title="<b>Week</b> 3")

    async def bot_joins():
        session = aiohttp.ClientSession()
        bot = Bot(session, hosted.port, EVIL, hosted.host.code)
        assert (await bot.connect())["type"] == "welcome"
        return session, bot

    session, bot = hosted.do(bot_joins)
    try:
        # Another student typing the taken name is told so, the name as typed.
        page.goto(f"http://127.0.0.1:{hosted.port}/join?lang=en")
        page.fill("#name", EVIL)
        page.fill("#code", hosted.host.code)
        page.click("#join button[type=submit]")
        page.wait_for_function("document.getElementById('status').textContent.includes('taken')")
        assert EVIL in _text(page, "#status")
        _join(page, hosted, "<i>Nour</i>")
        assert _text(page, "#title") == "<b>Week</b> 3"
        hosted.do(hosted.host.start)
        _wait_prompt(page, "At which university")
        _answer(page, "Hull")
        hosted.do(hosted.host.finish)
        page.wait_for_selector("#end:not([hidden])")
        board = _text(page, "#leaderboard")
        assert "<i>Nour</i>" in board and EVIL in board
        assert (
            page.locator("main img, main b, main i, main script").count() == 0
        )  # no element made from a name
        assert page.evaluate("window.__x") is None  # and nothing ran
    finally:

        async def close():
            await bot.ws.close()
            await session.close()

        hosted.do(close)


# --- no answer key before the reveal ---


def test_nothing_the_page_receives_holds_an_answer_before_its_reveal(page, hosting) -> None:
    """Every WebSocket frame the page gets, for a text, a list, a number and a date question,
    missed once (so the ack's reason is there too): no answer, accepted form, hint, explanation
    or evidence until that question's reveal; then the reveal does hold it (the check sees)."""
    ids = ("t-dover", "t-cities", "a-troops", "t-date")
    hosted = hosting(ids=ids, attempts=2, hints=False)
    bank = load_bank(BANK_DIR)
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f))))
    _join(page, hosted, "Rami")
    hosted.do(hosted.host.start)
    for n, qid in enumerate(ids):
        if n:
            hosted.do(hosted.host.next)
        q = bank.get(qid)
        _wait_prompt(page, q.prompt.en[:15])
        _answer(page, "Moscow")
        secrets = _secrets(q)
        received = "\n".join(frames)
        for secret in secrets:
            assert secret not in received, (qid, secret)
        for f in frames:
            m = json.loads(f)
            assert m["type"] != "reveal"
            assert (
                not {"answer", "accept", "reject", "evidence", "explanation", "hint"} & set(m)
                or m["type"] == "ack"
            )
            if m["type"] == "ack":
                assert m["hint"] is None
        frames.clear()
        hosted.do(hosted.host.reveal)
        page.wait_for_selector("#reveal:not([hidden])")
        revealed = "\n".join(frames)
        assert json.dumps(q.answer_text("en"), ensure_ascii=False)[1:-1] in revealed
        frames.clear()


def _secrets(q) -> set[str]:
    """What would give a question away, as it would appear in a JSON frame."""
    texts = {q.answer_text("en"), q.answer_text("ar"), *q.accept}
    for loc in (q.hint, q.explanation):
        if loc is not None:
            texts |= {loc.en, loc.ar}
    if q.evidence:
        texts.add(q.evidence)
    if q.type == "number":
        texts.add(str(q.answer).replace(",", ""))
    return {json.dumps(t, ensure_ascii=False)[1:-1] for t in texts if t and len(t) >= 4}


# --- options lettered as the grader reads letters ---


def test_in_arabic_options_are_lettered_in_abjad_order_and_the_letter_seen_is_graded(
    page, hosting
) -> None:
    """An Arabic student sees أ، ب، ج… (not a, b, c) and may answer with the letter she sees."""
    hosted = hosting(ids=("a-choice",))
    _join(page, hosted, "سلمى", "ar")
    hosted.do(hosted.host.start)
    _wait_prompt(page, "من يحمي")
    style = "getComputedStyle(document.getElementById('options')).listStyleType"
    assert page.evaluate(style) == "abjad"
    shown = [li.strip() for li in page.locator("#options li").all_inner_texts()]
    letter = "أبجدهوزح"[shown.index("الصين")]
    assert _answer(page, letter) == "صحيح."
    page.click("#lang")
    assert page.evaluate(style) == "lower-alpha"  # in English: a, b, c
