"""Asking the articles in the chat (plain mode): what is answered, and that the open question's
proof never shows while it is open."""

from __future__ import annotations

import io

from tutor.ask.rule import wants_answer
from tutor.bank import load_bank
from tutor.engine.session import RoundSpec, Session
from tutor.plain import PlainChat

BANK = load_bank()
DURATION = "how long did the meeting at the vostochny cosmodrome last?"


def chat(ids: list[str], stdin: str, records: list | None = None) -> str:
    qs = [BANK.get(i) for i in ids]

    class Rec:
        def record(self, r):
            (records if records is not None else []).append(r)

    def make(spec: RoundSpec) -> Session:
        return Session(BANK, spec, questions=qs, recorder=Rec(), mode="plain", seed=1)

    out = io.StringIO()
    PlainChat(BANK, make, RoundSpec(), lang="en", stdin=io.StringIO(stdin), stdout=out).run()
    return out.getvalue()


def test_the_rule():
    assert wants_answer("/ask when?", question_open=True) == "when?"
    assert wants_answer("/اسأل متى؟", question_open=True) == "متى؟"
    assert wants_answer("Vostochny?", question_open=True) is None  # graded as an answer
    assert wants_answer("Vostochny?", question_open=False) == "Vostochny?"
    assert wants_answer("متى وقعت المعاهدة؟", question_open=False) == "متى وقعت المعاهدة؟"
    assert wants_answer("/?", question_open=False) is None  # /help
    assert wants_answer("1961", question_open=False) is None


def test_asking_never_shows_the_open_questions_evidence_and_counts_as_a_hint():
    records: list = []
    out = chat(["chm-duration"], f"/ask {DURATION}\n5\n", records)
    asked = out[: out.index("Correct")]
    assert "counts as a hint" in asked
    assert "held back until you have answered that" in asked
    assert "خمس ساعات" not in asked and "استمر" not in asked
    assert records[-1].hints == 1


def test_the_same_question_is_answered_with_that_passage_when_another_is_open():
    out = chat(["ast-first-visit"], f"/ask {DURATION}\n/quit\n")
    assert "From «The defiant meeting between Putin and Kim» (date not given):" in out
    assert "«والذي استمر خمس ساعات في قاعدة فوستوشني الفضائية" in out  # the sentence, marked
    assert "Practise this: " in out


def test_a_question_mark_answers_the_open_question_but_asks_after_the_round():
    out = chat(["chm-venue"], "Vostochny?\nwhat did kim call the gathering of evil?\nn\n")
    assert "Correct" in out
    after = out[out.index("Score:") :]
    assert "From «The defiant meeting between Putin and Kim»" in after
    assert "تجمع الشر" in after


def test_user_text_is_never_markup_and_unanswerable_is_said_plainly():
    # (not "the capital of Japan": a passage naming Tokyo beside Washington and Seoul is found)
    out = chat(["chm-venue"], "/ask [bold]who won the 1998 football world cup?[/bold]\n/quit\n")
    assert "The articles do not answer that." in out


def test_help_names_ask_in_both_languages():
    out = chat(["chm-venue"], "/help\n/lang\n/مساعدة\n/quit\n")
    assert "/ask" in out and "ask the articles a question of your own" in out
    assert "/اسأل" in out and "اطرح سؤالك على المقالات" in out


def test_a_search_that_fails_is_said_and_the_round_goes_on(monkeypatch):
    from tutor.ask import answer

    def broken(*args, **kw):
        raise PermissionError("cache folder is read-only")

    monkeypatch.setattr(answer, "search", broken)
    out = chat(["chm-duration"], f"/ask {DURATION}\n5\n")
    assert "The articles could not be searched (cache folder is read-only)." in out
    assert "Correct" in out[out.index("could not be searched") :]  # the answer is still graded
    assert "Traceback" not in out
