"""A class in a live drill, as CI can run it: 5 students in headless Chromium (the host's /join
page, three in English, two in Arabic) and 25 protocol clients answer three questions together
in Arabic and English; one browser student closes her page mid-drill and rejoins under the same
name, keeping her score; the teacher reveals each question and ends the drill. Nothing may be
lost: every student's every answer is in their results file as typed, with the score it earned,
and every student's final score is the sum of those.

Loopback only; bounded by its waits (no step waits more than 30 s); skipped without chromium.
The on-demand benchmark (tests/bench/bench_drill_class.py) runs the same class against a real
`tutor host` in tmux and times it.
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
from drillbots import Bot

from tutor.drill.results import file_name, read_rows

pytestmark = pytest.mark.slow

IDS = ("t-dover", "a-troops", "t-year")
PROMPTS = {
    "en": ("At which university", "How many soldiers", "In which year"),
    "ar": ("في أي جامعة", "كم جنديا", "في أي عام"),
}
RIGHT = {  # what a student who knows types, in each language (Arabic-Indic digits in Arabic)
    "en": ("University of Hull", "11,000", "1961"),
    "ar": ("جامعة هال", "١١٬٠٠٠", "١٩٦١"),
}
WRONG = {"en": ("Oxford", "5,000", "1991"), "ar": ("جامعة أكسفورد", "٥٠٠٠", "١٩٩١")}
BROWSERS = [("Layla", "en"), ("Omar", "en"), ("Sara", "en"), ("ليلى", "ar"), ("يوسف", "ar")]
DROPPER = "يوسف"  # closes her page while question 2 is open, then rejoins with the same name
BOTS = 25
WAIT_MS = 30_000


def typed(name: str, lang: str, n: int) -> tuple[str, float]:
    """What student `name` answers to question n, and the score it must earn: every fourth
    student misses question n when (their number + n) says so, so scores differ."""
    wrong = (sum(map(ord, name)) + n) % 4 == 0
    return (WRONG if wrong else RIGHT)[lang][n], 0.0 if wrong else 1.0


class Browser:
    def __init__(self, browser, name: str, lang: str, width: int, height: int) -> None:
        self.name, self.lang = name, lang
        # bypass_csp: the test's waits are script the page's policy would refuse (an EvalError
        # whenever a wait has to poll); test_drill_browser checks the page under its policy
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, bypass_csp=True
        )
        self.page = None

    def join(self, port: int, code: str) -> None:
        page = self.context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.route(  # the page may reach the host and nothing else
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1:") else r.abort(),
        )
        page.goto(f"http://127.0.0.1:{port}/join?lang={self.lang}")
        page.fill("#name", self.name)
        page.fill("#code", code)
        page.click("#join button[type=submit]")
        self.page = page

    def joined(self) -> None:
        self.page.wait_for_function("document.getElementById('join').hidden")

    def wait_question(self, n: int) -> None:
        self.page.wait_for_function(
            "p => document.getElementById('prompt').textContent.startsWith(p)",
            arg=PROMPTS[self.lang][n],
        )

    def send(self, text: str) -> None:
        self.page.fill("#answer", text)
        self.page.press("#answer", "Enter")

    def acked(self) -> str:
        self.page.wait_for_function("document.getElementById('verdict').textContent.length > 0")
        return self.page.locator("#verdict").inner_text().strip()


def test_thirty_students_five_in_chromium_complete_a_live_drill_and_nothing_is_lost(
    browser, hosting, tmp_path
) -> None:
    t0 = time.monotonic()
    export = tmp_path / "export"
    hosted = hosting(ids=IDS, attempts=1, show_answers="after_each", export=export)
    port, code = hosted.port, hosted.host.code
    sizes = [(390, 844), (1280, 800)]
    students = [Browser(browser, n, lang, *sizes[i % 2]) for i, (n, lang) in enumerate(BROWSERS)]
    bot_langs = {f"bot{i:02d}": ("ar" if i % 2 else "en") for i in range(BOTS)}
    expected: dict[str, list[tuple[str, float]]] = {}  # name -> [(typed, score)] per question

    async def bots_join():
        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        bots = [Bot(session, port, name, code) for name in bot_langs]
        welcomes = await asyncio.gather(*(b.connect() for b in bots))
        assert all(w["type"] == "welcome" for w in welcomes), welcomes
        return session, bots

    async def bots_answer(n: int) -> list[dict]:
        async def one(b: Bot) -> dict:
            q = await b.expect("question")
            assert q["index"] == n
            text, _ = typed(b.name, bot_langs[b.name], n)
            return await b.answer(q["id"], text)

        return await asyncio.gather(*(one(b) for b in bots))

    async def bots_expect(kind: str) -> list[dict]:
        return await asyncio.gather(*(b.expect(kind) for b in bots))

    session, bots = hosted.do(bots_join)
    try:
        for s in students:  # five pages load and join while the protocol clients are in
            s.join(port, code)
        for s in students:
            s.joined()
        assert len(hosted.host.students) == 30

        for n, qid in enumerate(IDS):
            assert hosted.teacher("start" if n == 0 else "next")
            bot_acks = hosted.later(bots_answer(n))
            for s in students:
                s.wait_question(n)
            if n == 1:  # she closes the page (her socket with it) and comes back
                dropper = next(s for s in students if s.name == DROPPER)
                before = hosted.host.students[DROPPER].score
                dropper.page.close()
                deadline = time.monotonic() + 10
                while hosted.host.students[DROPPER].online and time.monotonic() < deadline:
                    time.sleep(0.05)
                assert not hosted.host.students[DROPPER].online
                dropper.join(port, code)  # the same name; the page finds her token
                dropper.joined()
                dropper.wait_question(n)  # the open question comes with the welcome
                assert hosted.host.students[DROPPER].score == before
            for s in students:
                text, score = typed(s.name, s.lang, n)
                expected.setdefault(s.name, []).append((text, score))
                s.send(text)
            for s in students:
                verdict = s.acked()
                _, score = expected[s.name][n]
                right = {"en": "Correct.", "ar": "صحيح."}[s.lang]
                assert verdict.startswith(right) == (score == 1.0), (s.name, n, verdict)
            for b, ack in zip(bots, bot_acks.result(WAIT_MS / 1000), strict=True):
                text, score = typed(b.name, bot_langs[b.name], n)
                expected.setdefault(b.name, []).append((text, score))
                assert ack["type"] == "ack" and ack["score"] == score, (b.name, text, ack)
            hosted.teacher("reveal")
            revealed = hosted.later(bots_expect("reveal"))
            for s in students:
                s.page.wait_for_selector("#reveal:not([hidden])")
                right = RIGHT["en"][0] if n == 0 else None
                if right and s.lang == "en":
                    assert s.page.locator("#reveal-answer").inner_text() == right
            assert all(m["id"] == qid for m in revealed.result(WAIT_MS / 1000))

        assert not hosted.teacher("quit")  # the drill ends; results are written to export
        ends = hosted.do(lambda: bots_expect("end"))
        finals = {}
        for s in students:
            s.page.wait_for_selector("#end:not([hidden])")
            finals[s.name] = s.page.locator("#final-score").inner_text()
    finally:

        async def close_bots():
            for b in bots:
                if b.ws is not None:
                    await b.ws.close()
            await session.close()

        hosted.do(close_bots)
        for s in students:
            s.context.close()

    # Nothing lost: each student's results file holds each answer as typed, scored as expected.
    spec = hosted.host.spec
    for name, answers in expected.items():
        rows = list(read_rows(export / file_name(spec.title, spec.digest, name)))
        got = [(r.id, r.answer, r.score, r.late) for r in rows]
        want = [(qid, text, score, False) for qid, (text, score) in zip(IDS, answers, strict=True)]
        assert got == want, name
    assert len(expected) == 30 and len(list(export.glob("*.jsonl"))) == 30
    # The scores each student was told at the end are the sums of those rows.
    for b, end in zip(bots, ends, strict=True):
        assert end["score"] == sum(score for _, score in expected[b.name]), b.name
        assert end["total"] == len(IDS) and end["of"] == 30
    for s in students:
        score = sum(sc for _, sc in expected[s.name])
        want = f"Score: {score:g} of 3" if s.lang == "en" else f"النتيجة: {score:g} من 3"
        assert finals[s.name].startswith(want), (s.name, finals[s.name])
    # The teacher saw her come back with her score, not a new student join.
    assert sum(line.startswith(f"+ {DROPPER} is back") for line in hosted.log) == 1
    print(
        f"class of 30 (5 in Chromium) through {len(IDS)} questions: {time.monotonic() - t0:.1f} s"
    )
