"""Asking the articles in the Textual app (Pilot): the open question's proof is held back, the
learner's text is shown as typed, never read as markup."""

from __future__ import annotations

from fakes import ListRecorder
from pilot import answer, learner_said, run, tutor_said

from tutor.bank import load_bank
from tutor.engine.session import RoundSpec, Session
from tutor.ui.app import TutorApp

BANK = load_bank()
ASKED = "[bold]how long did the meeting at the vostochny cosmodrome last?[/bold]"


def make_app(order: list[str], recorder: ListRecorder) -> TutorApp:
    def make_session(spec: RoundSpec) -> Session:
        return Session(BANK, spec, recorder=recorder, questions=[BANK.get(i) for i in order])

    return TutorApp(bank=BANK, make_session=make_session, spec=RoundSpec(length=len(order)),
                    lang="en", bidi="terminal")  # fmt: skip


async def asks(pilot, text: str) -> None:
    """Type a question for the articles, and wait for the answer: it is searched in a worker."""
    await answer(pilot, text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_ask_holds_back_the_open_questions_evidence_until_it_is_answered() -> None:
    recorder = ListRecorder()

    async def script(pilot):
        await asks(pilot, f"/ask {ASKED}")
        said = tutor_said(pilot.app)[-1]
        assert "counts as a hint" in said
        assert "held back until you have answered that" in said
        assert "خمس ساعات" not in said
        assert learner_said(pilot.app)[-1] == f"/ask {ASKED}"  # as typed: no markup read
        await answer(pilot, "5")
        assert recorder.records[-1].hints == 1
        await asks(pilot, f"/ask {ASKED}")  # the next question is open now: nothing to hide
        said = tutor_said(pilot.app)[-1]
        assert "From «The defiant meeting between Putin and Kim» (date not given):" in said
        assert "والذي استمر خمس ساعات في قاعدة فوستوشني الفضائية" in said

    run(make_app(["chm-duration", "ast-first-visit"], recorder), script)


def test_the_chat_goes_on_while_the_articles_are_searched(monkeypatch) -> None:
    """The first question of a session loads the index and the sentence encoder: a second or
    more that must not freeze the chat. Here the search waits until the test lets it go."""
    import threading

    from tutor.ask import answer as ask_answer

    go, real = threading.Event(), ask_answer.reply

    def slow(*args, **kw):
        assert go.wait(10)
        return real(*args, **kw)

    monkeypatch.setattr(ask_answer, "reply", slow)

    async def script(pilot):
        await answer(pilot, "/ask when was the treaty signed?")
        assert learner_said(pilot.app)[-1] == "/ask when was the treaty signed?"
        assert pilot.app.query_one("#answer").value == ""  # the box is free for the next line
        waiting = len(tutor_said(pilot.app))
        go.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert len(tutor_said(pilot.app)) == waiting + 1  # the answer, once found

    run(make_app(["chm-duration"], ListRecorder()), script)


def test_a_search_that_fails_is_said_not_raised(monkeypatch) -> None:
    from tutor.ask import answer as ask_answer

    def broken(*args, **kw):
        raise OSError("cache folder is read-only")

    monkeypatch.setattr(ask_answer, "search", broken)

    async def script(pilot):
        await asks(pilot, "/ask when was the treaty signed?")
        assert "could not be searched (cache folder is read-only)" in tutor_said(pilot.app)[-1]
        await answer(pilot, "5")  # and the round goes on
        assert len(learner_said(pilot.app)) == 2

    run(make_app(["chm-duration"], ListRecorder()), script)
