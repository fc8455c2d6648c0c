"""Stats tell hints and overrides apart: neither is a first-try success; overrides are listed."""

from __future__ import annotations

from datetime import UTC, timedelta

from tutor.commands.stats import format_stats
from tutor.store.stats import compute_stats


def stats(store, bank, h):
    return compute_stats(store, bank, now=h.T0 + timedelta(hours=1), tz=UTC)


def test_a_right_answer_after_a_hint_is_not_a_first_try_success(store, bank, h):
    store.record(h.rec("a1", h.T0, "correct", hints=1))
    store.record(h.rec("a2", h.T0 + timedelta(seconds=1), "correct"))
    s = stats(store, bank, h)
    assert s.asked == 2 and s.accuracy == 0.5 and s.hinted == 1
    assert {g.key: g.accuracy for g in s.by_article}["a"] == 0.5
    assert s.daily[-1].accuracy == 0.5


def test_an_override_is_its_own_kind_never_counted_as_right(store, bank, h):
    store.record(h.rec("a1", h.T0, "incorrect", answer="billions"))
    store.record(h.rec("a1", h.T0 + timedelta(seconds=5), "correct", override=True,
                       answer="billions"))  # fmt: skip
    store.record(h.rec("a2", h.T0 + timedelta(seconds=9), "partial", answer="half"))
    store.record(h.rec("a2", h.T0 + timedelta(seconds=12), "correct", override=True,
                       answer="half"))  # fmt: skip
    s = stats(store, bank, h)
    assert s.asked == 2 and s.accuracy == 0.25  # the partial keeps its half, no more
    assert s.overridden == 2 and s.hinted == 0
    assert [(o.question_id, o.answer, o.verdict) for o in s.overrides] == [
        ("a2", "half", "partial"),  # newest first
        ("a1", "billions", "incorrect"),
    ]


def test_an_override_after_a_second_try_is_listed_and_not_counted(store, bank, h):
    store.record(h.rec("b1", h.T0, "incorrect", answer="4"))
    store.record(h.rec("b1", h.T0 + timedelta(seconds=3), "incorrect", attempt=2, hints=1,
                       answer="6"))  # fmt: skip
    store.record(h.rec("b1", h.T0 + timedelta(seconds=4), "correct", override=True, attempt=2,
                       hints=1, answer="6"))  # fmt: skip
    s = stats(store, bank, h)
    assert (s.asked, s.accuracy, s.overridden) == (1, 0.0, 1)
    [o] = s.overrides
    assert (o.answer, o.verdict, o.attempt) == ("6", "incorrect", 2)


def test_tutor_stats_lists_overrides_for_review_and_says_what_is_not_counted(store, bank, h):
    store.record(h.rec("a1", h.T0, "incorrect", answer="billions"))
    store.record(h.rec("a1", h.T0 + timedelta(seconds=5), "correct", override=True,
                       answer="billions"))  # fmt: skip
    store.record(h.rec("a2", h.T0 + timedelta(seconds=9), "correct", hints=1))
    s = stats(store, bank, h)
    text = format_stats(s, "en", bank)
    assert "Accuracy        0% at the first try (2 asked)" in text
    assert "not counted: 1 after a hint, 1 “I was right”" in text
    assert "“I was right”, for review" in text
    assert "question a1?\n      you: «billions» (graded wrong); expected: answer" in text
    ar = format_stats(s, "ar", bank)
    assert "1 بعد تلميح، 1 «كنت محقًا»" in ar
    assert "«كنت محقًا» — للمراجعة" in ar and "إجابتك: «billions» (حُكم عليها بالخطأ)" in ar


def test_without_hints_or_overrides_the_report_is_as_before(store, bank, h):
    store.record(h.rec("a1", h.T0, "correct"))
    text = format_stats(stats(store, bank, h), "en", bank)
    assert "not counted" not in text and "I was right" not in text


def test_a_typed_control_character_never_reaches_the_report(store, bank, h):
    store.record(h.rec("a1", h.T0, "incorrect", answer="x\x1b[2Jy"))
    store.record(h.rec("a1", h.T0 + timedelta(seconds=5), "correct", override=True,
                       answer="x\x1b[2Jy"))  # fmt: skip
    text = format_stats(stats(store, bank, h), "en", bank)
    assert "\x1b" not in text and "you: «x␛[2Jy»" in text
