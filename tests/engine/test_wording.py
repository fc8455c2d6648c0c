"""The round summary both front ends show: half points, topics in the learner's language, misses."""

from __future__ import annotations

from tutor.engine.session import RoundSummary
from tutor.wording import score_text, summary_rows


def test_half_points_show_one_decimal_and_whole_points_none():
    assert [score_text(x) for x in (0, 2.0, 1.5, 7)] == ["0", "2", "1.5", "7"]


def test_summary_names_topics_in_arabic_and_lists_what_was_missed(bank):
    q = bank.get("t-year")
    s = RoundSummary((), 1.5, 2, per_tag={"summits": (1.5, 2)}, missed=(q,))
    rows = dict((kind, text) for kind, text in summary_rows(s, "ar"))
    assert rows["score"] == "النتيجة: 1.5 من 2"
    assert rows["tag"] == "القمم والزيارات: 1.5 من 2"
    assert q.answer_text("ar") in rows["missed"]
    assert "none_missed" not in rows


def test_an_empty_round_says_so_and_nothing_else(bank):
    rows = summary_rows(RoundSummary((), 0.0, 0), "en")
    assert [kind for kind, _ in rows] == ["title", "empty"]
