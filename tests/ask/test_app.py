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


def test_ask_holds_back_the_open_questions_evidence_until_it_is_answered() -> None:
    recorder = ListRecorder()

    async def script(pilot):
        await answer(pilot, f"/ask {ASKED}")
        said = tutor_said(pilot.app)[-1]
        assert "counts as a hint" in said
        assert "held back until you have answered that" in said
        assert "خمس ساعات" not in said
        assert learner_said(pilot.app)[-1] == f"/ask {ASKED}"  # as typed: no markup read
        await answer(pilot, "5")
        assert recorder.records[-1].hints == 1
        await answer(pilot, f"/ask {ASKED}")  # the next question is open now: nothing to hide
        said = tutor_said(pilot.app)[-1]
        assert "From «The defiant meeting between Putin and Kim» (date not given):" in said
        assert "والذي استمر خمس ساعات في قاعدة فوستوشني الفضائية" in said

    run(make_app(["chm-duration", "ast-first-visit"], recorder), script)
