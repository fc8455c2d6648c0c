"""No front end writes a control character it did not write itself: bank text from a bank loaded
some other way (the loader refuses them), the learner's typed or pasted answer, article text. And
nothing outside the program is drawn longer than a display cap."""

from __future__ import annotations

import asyncio
import io
import re

from textual import events
from textual.widgets import Input

from tutor.bank.model import Article, Bank, Localized, Question
from tutor.display.safe import FIELD_LIMIT, clip, sanitize
from tutor.engine.session import RoundSpec, Session
from tutor.plain import PlainChat
from tutor.ui.app import TutorApp
from tutor.ui.widgets.chat import Bubble

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
WIPE = "\x1b[2J\x1b[H"
HIDE = "\x1b[8m"

ARTICLE = Article(
    id="demo",
    text=f"The treaty was signed in Moscow{WIPE} in 1961.\n\nA second{HIDE} paragraph.\n",
    title=f"Treaty{TITLE}",
    outlet=f"Outlet{CLIPBOARD}",
)
QUESTION = Question(
    id="where",
    type="text",
    answer=Localized(en=f"Moscow{TITLE}"),
    prompt=Localized(en=f"Where was the treaty signed?{WIPE}"),
    hint=Localized(en=f"A capital{CLIPBOARD}"),
    explanation=Localized(en=f"Because{HIDE} it was."),
    evidence="signed in Moscow",
    article="demo",
    tags=(f"tag{TITLE}",),
)
LONG = Question(
    id="long",
    type="text",
    answer=Localized(en="x" * 10_000_000),  # a 10 MB answer with no spaces
    prompt=Localized(en="What is long?"),
)


def crafted_bank(*questions: Question) -> Bank:
    return Bank(list(questions or (QUESTION,)), {"demo": ARTICLE})


def test_sanitize_shows_controls_one_for_one_and_keeps_newline_and_tab():
    text = f"a{TITLE}b\tc\n\x9bd\x7f"
    clean = sanitize(text)
    assert len(clean) == len(text) and not CONTROLS.search(clean)
    assert clean == "a␛]0;pwned␇b\tc\n\ufffdd␡"
    assert sanitize("plain text") == "plain text"


def test_clip_marks_the_cut():
    assert clip("x" * 10, 5) == "xxxx…" and clip("short", 5) == "short"


def plain_run(bank: Bank, stdin: str, *, bidi: str = "terminal") -> str:
    def make(spec: RoundSpec) -> Session:
        return Session(bank, spec, questions=list(bank.questions), mode="plain")

    out = io.StringIO()
    chat = PlainChat(
        bank, make, RoundSpec(), lang="en", bidi=bidi, stdin=io.StringIO(stdin), stdout=out
    )
    chat.run()
    return out.getvalue()


def test_plain_mode_never_writes_a_control_character_from_the_bank_or_the_learner():
    typed = f"Kazan{TITLE}\n/hint\n/source\n/nope{WIPE}\nLeningrad{CLIPBOARD}\n/source\n"
    for bidi in ("terminal", "app"):
        out = plain_run(crafted_bank(), typed + "/quit\n", bidi=bidi)
        assert "\x1b" not in out and not CONTROLS.search(out), bidi
        assert "Where was the treaty signed?␛[2J" in out  # shown, harmless, not hidden
        assert "Unknown command /nope␛[2J" in out and "A capital␛]52;c;" in out


def test_plain_mode_clips_a_ten_megabyte_answer():
    out = plain_run(crafted_bank(LONG), "/reveal\n/quit\n")
    shown = [ln for ln in out.splitlines() if "xxxx" in ln]  # the reveal, the round's summary
    assert shown and all(len(ln) <= FIELD_LIMIT and ln.endswith("x…") for ln in shown)


def test_plain_mode_clips_what_the_learner_typed():
    out = plain_run(crafted_bank(), "/" + "y" * 100_000 + "\n/quit\n")
    assert max(len(ln) for ln in out.splitlines()) <= FIELD_LIMIT


def screen_text(app: TutorApp) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def run_app(bank: Bank, script) -> None:
    def make(spec: RoundSpec) -> Session:
        return Session(bank, spec, questions=list(bank.questions))

    app = TutorApp(bank=bank, make_session=make, spec=RoundSpec(length=1), lang="en", bidi="app")

    async def go() -> None:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(go())


def test_the_chat_screen_is_not_wiped_and_no_escape_reaches_it():
    async def script(pilot):
        app = pilot.app
        assert "Where was the treaty signed?␛[2J␛[H" in screen_text(app)
        box = app.query_one("#answer", Input)
        box.post_message(events.Paste(f"Kazan{WIPE}{TITLE}"))  # what a terminal paste delivers
        await pilot.pause()
        assert not CONTROLS.search(box.value) and not CONTROLS.search(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        for command in ("/hint", "/reveal"):
            box.value = command
            await pilot.press("enter")
            await pilot.pause()
        shown = screen_text(app)
        assert not CONTROLS.search(shown)
        assert "Moscow␛]0;pwned␇" in shown and "Where was the treaty signed?" in shown
        await pilot.press("f4")  # the article, its outlet and text
        await pilot.pause()
        shown = screen_text(app)
        assert "Moscow␛[2J␛[H in 1961" in shown and not CONTROLS.search(shown)

    run_app(crafted_bank(), script)


def test_the_chat_draws_a_ten_megabyte_answer_clipped():
    async def script(pilot):
        box = pilot.app.query_one("#answer", Input)
        box.value = "/reveal"
        await pilot.press("enter")
        await pilot.pause()
        reveal = [b for b in pilot.app.query(Bubble) if "xxxx" in b.plain][-1]
        lines = [line.plain for line in reveal.lines(80)]
        assert len(lines) < 60 and any(line.rstrip().endswith("x…") for line in lines)

    run_app(crafted_bank(LONG), script)
