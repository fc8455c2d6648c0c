"""Plain mode in-process: the lines a learner reads for each turn of the conversation."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tutor.bank import load_bank
from tutor.engine.options import option_order
from tutor.engine.recording import GuardedRecorder
from tutor.engine.session import Outcome, RoundSpec, Session
from tutor.grading.verdict import INCORRECT, Verdict
from tutor.plain import PlainChat

BANK = load_bank(Path(__file__).resolve().parent.parent / "data" / "engine_bank")


def chat(ids: list[str], stdin: str, *, lang: str = "en", recorder=None, stats=None, seed=None):
    qs = [BANK.get(i) for i in ids]

    def make(spec: RoundSpec) -> Session:
        return Session(BANK, spec, questions=qs, recorder=recorder, mode="plain", seed=seed)

    out = io.StringIO()
    c = PlainChat(BANK, make, RoundSpec(), lang=lang, stdin=io.StringIO(stdin), stdout=out,
                  stats_text=stats)  # fmt: skip
    return c, c.run(), out.getvalue()


def test_i_was_right_after_a_strict_verdict():
    records = []

    class Rec:
        def record(self, r):
            records.append(r)

    _, rc, out = chat(["t-dover"], "Oxford\nKingston upon Hull\n/right\n", recorder=Rec())
    assert rc == 0
    assert "Recorded: your answer counts as correct." in out
    assert "Score: 1 of 1" in out
    assert records[-1].override and records[-1].answer == "Kingston upon Hull"


def test_right_with_nothing_to_overturn():
    _, _, out = chat(["t-year"], "/right\n")
    assert "There is no strict verdict to overturn." in out


def test_no_answer_gets_no_penalty_message():
    c, _, _ = chat(["t-year"], "")
    q = BANK.get("t-year")
    o = Outcome(q, Verdict(INCORRECT, 0.0, "no answer", no_answer=True), 1, final=False,
                hint=q.hint, kind=INCORRECT)  # fmt: skip
    assert c.verdict_line(o) == "No problem."
    strict = Outcome(q, Verdict(INCORRECT, 0.0, "the year is 1961, not 1991", reason_ar="السنة 1961 لا 1991"),
                     1, final=False, kind=INCORRECT)  # fmt: skip
    assert c.verdict_line(strict) == "Not quite: the year is 1961, not 1991."
    c.lang = "ar"
    assert c.verdict_line(strict) == "ليس تماما: السنة 1961 لا 1991."


def seed_showing(first: str) -> int:
    """A seed under which a-choice shows `first` (China or India) as option 1."""
    q = BANK.get("a-choice")
    return next(s for s in range(100) if q.choices[option_order(q.id, 2, s)[0]].en == first)


@pytest.mark.parametrize(("first", "second"), [("China", "India"), ("India", "China")])
def test_choice_question_lists_its_options_in_the_order_shown(first, second):
    _, _, out = chat(["a-choice"], "", seed=seed_showing(first))
    assert f"  1. {first}\n  2. {second}" in out


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [("India", "China", "Correct"), ("China", "India", "Not quite")],
)
def test_2_picks_the_second_option_displayed(first, second, verdict):
    records = []

    class Rec:
        def record(self, r):
            records.append(r)

    _, _, out = chat(["a-choice"], "2\n", seed=seed_showing(first), recorder=Rec())
    assert f"  2. {second}\n{verdict}" in out
    assert records[0].shown == ((1, 0) if first == "India" else (0, 1))


def test_stats_without_a_store_says_so():
    _, _, out = chat(["t-year"], "/stats\n")
    assert "Statistics need the progress store" in out
    _, _, out = chat(["t-year"], "/stats\n", stats=lambda lang: f"seen 3 of 7 ({lang})")
    assert "seen 3 of 7 (en)" in out
    _, _, out = chat(["t-year"], "/stats\n", lang="ar", stats=lambda lang: f"seen ({lang})")
    assert "seen (ar)" in out  # the report comes in the conversation's language


def test_a_failing_store_is_reported_once_and_study_goes_on():
    said = []

    class Broken:
        def record(self, r):
            raise OSError("disk full")

    rec = GuardedRecorder(Broken(), lambda e: said.append(str(e)))
    _, rc, out = chat(["t-year", "t-dover"], "1961\nHull\n", recorder=rec)
    assert rc == 0 and said == ["disk full"]
    assert "Score: 2 of 2" in out


def test_ctrl_c_prints_the_summary():
    class Interrupting(io.StringIO):
        def readline(self, *a):
            raise KeyboardInterrupt

    qs = [BANK.get("t-year")]
    out = io.StringIO()
    c = PlainChat(BANK, lambda s: Session(BANK, s, questions=qs), RoundSpec(),
                  stdin=Interrupting(), stdout=out)  # fmt: skip
    assert c.run() == 130
    assert "Round over." in out.getvalue() and "Goodbye." in out.getvalue()


@pytest.mark.parametrize("reply", ["yes", "نعم", "Y"])
def test_yes_in_either_language_starts_the_retry(reply):
    _, _, out = chat(["t-year"], f"/skip\n{reply}\n")
    assert "Retrying the missed questions." in out


def test_i_was_right_on_a_year_shows_the_answer_and_asks_first():
    records = []

    class Rec:
        def record(self, r):
            records.append(r)

    _, _, out = chat(["t-year"], "1991\n1992\n/right\nyes\n", recorder=Rec())
    assert (
        "The expected answer is 1961; you answered «1992». Count yours as correct anyway? (yes/no)"
        "\nRecorded: your answer counts as correct." in out
    )
    assert records[-1].override and records[-1].answer == "1992"


@pytest.mark.parametrize("reply", ["no", "لا", ""])
def test_i_was_right_on_a_year_cancelled_keeps_the_verdict(reply):
    records = []

    class Rec:
        def record(self, r):
            records.append(r)

    _, _, out = chat(["t-year"], f"1991\n1992\n/right\n{reply}\n", recorder=Rec())
    assert "Not changed: the verdict stands." in out
    assert "Recorded" not in out and not any(r.override for r in records)
    assert "Score: 0 of 1" in out


def test_a_command_instead_of_a_reply_keeps_the_verdict_and_runs():
    _, rc, out = chat(["t-year", "t-dover"], "1991\n1992\n/right\n/quit\n")
    assert rc == 0 and "Not changed: the verdict stands." in out and "Goodbye." in out
    assert "Recorded" not in out
