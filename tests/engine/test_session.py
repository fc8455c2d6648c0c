"""The quiz engine: attempts, hints, reveal, skip, override, timing, records, summary, retry."""

from __future__ import annotations

import pytest

from tutor.engine.ports import ShufflePicker
from tutor.engine.session import Phase, RoundSpec, Session


def test_right_first_time_is_final_with_evidence(session_of, recorder, clock):
    s = session_of("t-year", "t-dover")
    assert s.phase is Phase.ASKING and s.position == (1, 2)
    clock.advance(4.5)
    o = s.submit("1961")
    assert o.verdict.correct and o.final and o.attempt == 1 and not o.revealed
    assert o.evidence is not None
    assert o.evidence.passage == "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو"
    assert [o.evidence.passage[a:b] for a, b in o.evidence.highlights] == ["1961"]
    assert s.phase is Phase.ANSWERED
    [rec] = recorder.records
    assert (rec.question_id, rec.answer, rec.verdict, rec.score) == (
        "t-year",
        "1961",
        "correct",
        1.0,
    )
    assert rec.seconds == pytest.approx(4.5) and rec.hints == 0 and rec.mode == "plain"
    assert rec.answered_at.tzinfo is not None
    assert s.next().id == "t-dover" and s.position == (2, 2)


def test_wrong_then_hint_then_right(session_of, recorder):
    s = session_of("t-year")
    first = s.submit("1991")
    assert not first.final and first.attempt == 1
    assert first.hint is not None and first.hint.en == "In the sixties"
    assert first.evidence is None  # the passage would give the answer away
    assert s.phase is Phase.RETRY
    second = s.submit("1961")
    assert second.final and second.verdict.correct and second.attempt == 2 and not second.revealed
    assert [(r.verdict, r.attempt, r.hints) for r in recorder.records] == [
        ("incorrect", 1, 0),
        ("correct", 2, 1),  # the hint offered after the miss counts as used
    ]
    assert s.summary().score == 1.0


def test_wrong_twice_reveals(session_of, recorder):
    s = session_of("t-year", "t-dover")
    s.submit("1991")
    o = s.submit("2000")
    assert o.final and o.revealed and not o.verdict.correct and o.attempt == 2
    assert o.evidence is not None
    assert len(recorder.records) == 2
    assert s.phase is Phase.ANSWERED
    with pytest.raises(RuntimeError):
        s.submit("1961")  # no third try


def test_asking_for_a_hint_counts_once(session_of, recorder):
    s = session_of("t-dover")
    assert s.hint().en == "A British university"
    assert s.hint().en == "A British university"
    assert s.hints_used == 1
    s.submit("Hull")
    assert recorder.records[-1].hints == 1


def test_question_without_hint(session_of):
    s = session_of("t-cities")
    assert s.hint() is None and s.hints_used == 0
    o = s.submit("Moscow")
    assert not o.final and o.hint is None  # a second try even without a hint


def test_skip_and_reveal_end_the_question_and_are_recorded(session_of, recorder):
    s = session_of("t-year", "t-dover")
    o = s.skip()
    assert o.final and o.revealed and o.kind == "skipped" and o.evidence is not None
    s.next()
    s.submit("Oxford")
    o = s.reveal()
    assert o.final and o.revealed and o.kind == "revealed" and o.attempt == 2
    assert [r.verdict for r in recorder.records] == ["skipped", "incorrect", "revealed"]
    assert s.next() is None and s.phase is Phase.DONE
    assert s.summary().score == 0 and len(s.summary().missed) == 2


def test_override_turns_the_last_miss_into_correct(session_of, recorder):
    s = session_of("t-dover", "t-year")
    s.submit("Oxford")
    s.submit("Cambridge")
    assert s.override() is True
    assert s.override() is False  # once is enough
    rec = recorder.records[-1]
    assert rec.override and rec.verdict == "correct" and rec.score == 1.0
    assert rec.answer == "Cambridge" and rec.question_id == "t-dover"
    summary = s.summary()
    assert summary.score == 1.0 and summary.missed == ()
    assert summary.results[0].overridden


def test_nothing_to_override(session_of, recorder):
    s = session_of("t-year", "t-dover")
    assert s.override() is False  # nothing answered yet
    s.submit("1961")
    assert s.override() is False  # already correct
    s.next()
    s.skip()
    assert s.override() is False  # a skip is not a strict verdict
    assert not any(r.override for r in recorder.records)


def test_summary_per_tag_and_missed(session_of):
    s = session_of("t-year", "t-date", "a-troops")
    s.submit("1961")  # treaty
    s.next()
    s.skip()  # summits, treaty
    s.next()
    s.submit("11,000")  # military
    s.next()
    summary = s.summary()
    assert summary.total == 3 and summary.planned == 3 and summary.score == 2.0
    assert summary.per_tag == {"treaty": (1.0, 2), "summits": (0.0, 1), "military": (1.0, 1)}
    assert [q.id for q in summary.missed] == ["t-date"]
    assert summary.missed[0].answer_text("en") == "2024-06-19"


def test_retry_missed_asks_only_the_missed(session_of, recorder):
    s = session_of("t-year", "t-dover", "a-troops")
    s.submit("1961")
    s.next()
    s.skip()
    s.next()
    s.submit("5")
    s.submit("6")
    s.next()
    again = s.retry_missed()
    assert [q.id for q in again.questions] == ["t-dover", "a-troops"]
    assert again.phase is Phase.ASKING and again.position == (1, 2)
    again.submit("Hull")
    assert recorder.records[-1].question_id == "t-dover"  # same recorder


def test_quitting_early_summarises_what_was_answered(session_of):
    s = session_of("t-year", "t-dover", "a-troops")
    s.submit("1961")
    s.end()
    summary = s.summary()
    assert (summary.total, summary.planned, summary.score) == (1, 3, 1.0)
    assert s.current is None and s.phase is Phase.DONE


def test_time_runs_from_when_the_question_is_shown(session_of, recorder, clock):
    s = session_of("t-year")
    clock.advance(100)  # the front end took its time drawing
    s.shown()
    clock.advance(3)
    s.submit("1961")
    assert recorder.records[0].seconds == pytest.approx(3)


def test_grading_only_questions_are_never_asked(bank):
    s = Session(bank, RoundSpec(length=100), picker=ShufflePicker(seed=1))
    ids = {q.id for q in s.questions}
    assert "g-capital" not in ids
    assert len(ids) == 7


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (RoundSpec(articles=("arms",)), {"a-troops", "a-protect", "a-choice"}),
        (RoundSpec(tags=("summits",)), {"t-cities", "t-date"}),
        (RoundSpec(tags=("military", "analysts")), {"a-troops", "t-dover"}),
        (RoundSpec(difficulties=(1,)), {"t-year", "a-troops", "a-protect"}),
        (RoundSpec(articles=("treaty",), difficulties=(2,)), {"t-dover", "t-date"}),
        (RoundSpec(tags=("no-such-tag",)), set()),
    ],
)
def test_filters(bank, spec, expected):
    s = Session(bank, spec, picker=ShufflePicker(seed=0))
    assert {q.id for q in s.questions} == expected


def test_length_limits_the_round(bank):
    s = Session(bank, RoundSpec(length=3), picker=ShufflePicker(seed=0))
    assert len(s.questions) == 3 and s.position == (1, 3)


def test_empty_round_is_done_at_once(bank):
    s = Session(bank, RoundSpec(tags=("nothing",)))
    assert s.phase is Phase.DONE and s.current is None and s.next() is None
    assert s.summary().total == 0


def test_recorder_gets_every_answer_of_a_full_round(bank, recorder):
    s = Session(bank, RoundSpec(length=7), picker=ShufflePicker(seed=3), recorder=recorder)
    n = 0
    while s.current is not None:
        o = s.submit("?")
        n += 1
        if not o.final:
            s.submit("??")
            n += 1
        s.next()
    assert len(recorder.records) == n == 14
    assert {r.question_id for r in recorder.records} == {q.id for q in s.questions}


def test_picker_receives_the_filtered_pool_and_length(bank):
    seen = {}

    class Spy:
        def pick(self, questions, limit, now):
            seen["ids"], seen["limit"] = [q.id for q in questions], limit
            return list(questions)[:limit]

    s = Session(bank, RoundSpec(articles=("arms",), length=2), picker=Spy())
    assert seen == {"ids": ["a-troops", "a-protect", "a-choice"], "limit": 2}
    assert [q.id for q in s.questions] == ["a-troops", "a-protect"]


def test_partial_answers_get_a_second_try_and_count_half(session_of, recorder, monkeypatch):
    from tutor.grading.verdict import PARTIAL, Verdict

    monkeypatch.setattr(
        "tutor.grading.grade", lambda q, a, bank=None, shown=None: Verdict(PARTIAL, 0.5, "1 of 2")
    )
    s = session_of("t-cities")
    first = s.submit("Vladivostok")
    assert not first.final and first.kind == "partial"
    second = s.submit("Vladivostok")
    assert second.final and second.revealed and second.kind == "partial"
    summary = s.summary()
    assert summary.score == 0.5 and summary.per_tag == {"summits": (0.5, 1)}
    assert [q.id for q in summary.missed] == ["t-cities"]
    assert [(r.verdict, r.score) for r in recorder.records] == [("partial", 0.5), ("partial", 0.5)]
    assert s.override() and s.summary().score == 1.0


def test_no_answer_is_a_miss_that_still_offers_the_hint(session_of, recorder, monkeypatch):
    from tutor.grading.verdict import INCORRECT, Verdict

    monkeypatch.setattr(
        "tutor.grading.grade",
        lambda q, a, bank=None, shown=None: Verdict(INCORRECT, 0.0, "", no_answer=True),
    )
    s = session_of("t-year")
    o = s.submit("")
    assert o.verdict.no_answer and not o.final and o.hint is not None
    assert recorder.records[0].verdict == "incorrect" and recorder.records[0].answer == ""
    s.submit("I don't know")
    assert s.summary().missed[0].id == "t-year"
    assert s.override() is False  # "I don't know" cannot have been right


@pytest.mark.parametrize(
    ("qid", "first", "second", "confirm"),
    [
        ("t-year", "1991", "1992", True),  # a year
        ("t-date", "2023-01-01", "2022-05-05", True),  # a date
        ("a-troops", "5", "4", True),  # an exact number
        ("a-protect", "no", "false", True),  # yes/no: an option of two
        ("t-dover", "Oxford", "Cambridge", False),  # a name: spellings vary, no need to ask
        ("t-cities", "Moscow", "Kazan", False),
    ],
)
def test_overriding_an_exact_answer_needs_confirmation(
    session_of, recorder, qid, first, second, confirm
):
    s = session_of(qid)
    s.submit(first)
    s.submit(second)
    claim = s.override_claim()
    assert claim is not None and claim.confirm is confirm
    assert claim.answer == second and claim.verdict == "incorrect" and claim.question.id == qid
    if confirm:
        assert s.override() is False  # not without a yes
        assert not any(r.override for r in recorder.records)
        assert s.summary().score == 0
    assert s.override(confirmed=True) is True
    assert recorder.records[-1].override and s.summary().score == 1.0
    assert s.override_claim() is None


def test_overriding_a_choice_needs_confirmation(bank, recorder):
    q = bank.get("a-choice")
    s = Session(bank, RoundSpec(length=1), questions=[q], recorder=recorder, seed=3)
    wrong = str(s.order().index(1) + 1)  # India's position
    s.submit(wrong)
    s.submit(wrong)
    claim = s.override_claim()
    assert claim.confirm and claim.question.answer_text("en") == "China"
    assert s.override(confirmed=True)
    assert recorder.records[-1].shown == s.order()  # the override keeps the order it is about


def test_source_before_answering_marks_nothing_and_counts_as_a_hint(session_of, recorder):
    s = session_of("t-year")
    src = s.source()
    assert src.open and src.evidence is None and src.counted_as_hint
    assert src.article.id == "treaty" and src.question.id == "t-year"
    assert s.hints_used == 1
    assert not s.source().counted_as_hint and s.hints_used == 1  # once per question
    s.hint()
    assert s.hints_used == 2  # the article and the hint are two aids
    o = s.submit("1961")
    assert o.verdict.correct and o.attempt == 1
    assert recorder.records[-1].hints == 2  # so stats never count it as a first-try success


def test_source_after_the_question_shows_the_evidence_highlighted(session_of, recorder):
    s = session_of("t-year", "t-dover")
    s.submit("1961")
    src = s.source()  # answered, not moved on: this question's evidence
    assert not src.open and not src.counted_as_hint
    assert [src.evidence.passage[a:b] for a, b in src.evidence.highlights] == ["1961"]
    s.next()
    assert s.source().question.id == "t-dover" and s.source().open
    s.skip()
    s.next()
    assert s.phase is Phase.DONE
    assert s.source().question.id == "t-dover" and s.source().evidence is not None
    assert [r.hints for r in recorder.records] == [0, 1]


def test_source_with_no_article_is_none(bank):
    s = Session(bank, RoundSpec(tags=("nothing",)))
    assert s.source() is None


def test_an_approximate_number_needs_no_confirmation(bank):
    from dataclasses import replace

    q = replace(bank.get("a-troops"), id="a-troops-about", tolerance=0.1)
    s = Session(bank, RoundSpec(length=1), questions=[q])
    s.submit("5")
    s.submit("6")
    assert s.override_claim().confirm is False and s.override() is True
