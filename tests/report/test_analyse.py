"""The figures a teacher reads, on rows small enough to check by hand."""

from __future__ import annotations

import pytest
from report.conftest import row

from tutor.report.analyse import analyse, regrade
from tutor.report.clusters import cluster_answers


def test_the_last_line_of_the_last_attempt_counts_and_late_scores_nothing(bank):
    rows = [
        row("Ali", "ast-camp-david", "incorrect", 0.0, attempt=1),
        row("Ali", "ast-camp-david", "correct", 1.0, attempt=2),
        row("Sara", "ast-camp-david", "incorrect", 0.0, answer="Singapore"),
        row("Sara", "ast-camp-david", "correct", 1.0, answer="Singapore", regraded_by="teacher"),
        row("Omar", "ast-camp-david", "correct", 1.0, late=True),
    ]
    r = analyse(rows, bank)
    scores = {s.name: s.score for s in r.students}
    assert scores == {"Ali": 1.0, "Sara": 1.0, "Omar": 0.0}
    assert [o.student for o in r.overrides] == ["Sara"]
    assert [x.student for x in r.late] == ["Omar"]
    assert r.questions[0].mean_seconds == pytest.approx((20 + 10 + 10) / 3)


def test_facility_and_upper_lower_discrimination(bank):
    # 4 students, 2 questions: k = round(4 * 0.27) = 1 student in each group
    rows = []
    for name, a, b in (("A", 1, 1), ("B", 1, 0), ("C", 1, 0), ("D", 0, 0)):
        rows.append(row(name, "ast-camp-david", "correct" if a else "incorrect", float(a)))
        rows.append(row(name, "ast-hackers", "correct" if b else "incorrect", float(b)))
    r = analyse(rows, bank)
    q = {x.qid: x for x in r.questions}
    assert q["ast-camp-david"].facility == 0.75 and q["ast-hackers"].facility == 0.25
    assert q["ast-camp-david"].discrimination == 1.0  # A (top) right, D (bottom) wrong
    assert q["ast-hackers"].discrimination == 1.0
    assert r.mean == pytest.approx((1 + 0.5 + 0.5 + 0) / 4)
    assert r.distribution[0] == 1 and r.distribution[5] == 2 and r.distribution[9] == 1
    assert not r.reliable
    assert [s.name for s in r.students if s.needs_help] == ["D"]


def test_a_question_nobody_reached_counts_zero_for_the_student(bank):
    rows = [row("A", "ast-camp-david", "correct", 1.0), row("A", "ast-hackers", "correct", 1.0),
            row("B", "ast-camp-david", "correct", 1.0)]  # fmt: skip
    r = analyse(rows, bank)
    b = next(s for s in r.students if s.name == "B")
    assert b.score == 0.5 and ("ast-hackers", "", "unanswered") in b.wrong
    assert b.by_topic["west"] == (1.0, 1) and b.by_topic["sanctions"] == (0.0, 1)


def test_wrong_answers_cluster_by_the_graders_normaliser_and_rapidfuzz():
    clusters = cluster_answers(
        ["Moscow", "moscow", "Moscw", "موسكو", "مُوسكو", "2018", "2019", "2018", "Kazan"]
    )
    got = {c.sample: (c.count, set(c.variants)) for c in clusters}
    assert got["Moscow"] == (3, {"Moscow", "moscow", "Moscw"})
    assert got["موسكو"] == (2, {"موسكو", "مُوسكو"})
    assert got["2018"][0] == 2 and got["2019"][0] == 1  # figures never merge by a digit
    assert clusters[0].count == 3


def test_regrade_applies_the_current_bank_and_lists_the_changes(bank):
    rows = [
        row("A", "ast-camp-david", "incorrect", 0.0, answer="Camp Davd"),  # right by today's bank
        row("B", "ast-camp-david", "correct", 1.0, answer="Singapore"),  # listed in reject
        row("C", "ast-camp-david", "incorrect", 0.0, answer="Singapore", regraded_by="teacher"),
        row("D", "ast-camp-david", "correct", 1.0, answer="كامب ديفيد"),
    ]
    new, changes = regrade(rows, bank)
    assert [(c.student, c.before[0], c.after[0]) for c in changes] == [
        ("A", "incorrect", "correct"), ("B", "correct", "incorrect"),
    ]  # fmt: skip
    r = analyse(new, bank, regraded=True)
    assert {s.name: s.score for s in r.students} == {"A": 1.0, "B": 0.0, "C": 0.0, "D": 1.0}


def test_the_simulated_class_reads_like_a_class(class_dir, bank):
    from tutor.report.load import load_results

    loaded = load_results([class_dir])
    assert loaded.problems == [] and len(loaded.files) == 30
    r = analyse(loaded.rows, bank)
    assert len(r.students) == 30 and len(r.questions) == 12 and r.reliable
    assert 0.4 < r.mean < 0.9
    assert sum(r.distribution) == 30
    assert any(q.clusters and q.clusters[0].count >= 3 for q in r.questions)
    assert r.overrides and r.partials and r.late
