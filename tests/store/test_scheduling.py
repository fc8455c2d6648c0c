"""What comes next: due questions first, then new ones up to the daily limit, articles mixed;
and a bank that changes under the store."""

from __future__ import annotations

import itertools
from datetime import timedelta

from tutor.bank.model import Localized
from tutor.store import FsrsPicker, open_store


def test_due_questions_come_before_new_ones(h, bank, store) -> None:
    store.record(h.rec("b2", h.T0, "incorrect"))  # a miss: due again soon
    store.record(h.rec("c1", h.T0, "correct"))  # right first time: not due for days
    later = h.T0 + timedelta(days=1, hours=1)
    picked = FsrsPicker(store, new_per_day=20).pick(bank.questions, 4, later)
    assert picked[0].id == "b2"
    assert "c1" not in [q.id for q in picked]  # not due, and new ones fill the round first


def test_no_more_new_questions_a_day_than_the_limit(h, bank, store) -> None:
    picker = FsrsPicker(store, new_per_day=3)
    first = picker.pick(bank.questions, 10, h.T0)
    assert len(first) == 3
    h.answer_all(store, [q.id for q in first], h.T0)
    assert all(
        q.id in {f.id for f in first}
        for q in picker.pick(bank.questions, 10, h.T0 + timedelta(hours=1))
    )
    tomorrow = picker.pick(bank.questions, 10, h.T0 + timedelta(days=1))
    assert len({q.id for q in tomorrow} - {q.id for q in first}) == 3  # three new again


def test_a_round_mixes_articles(h, bank, store) -> None:
    picked = FsrsPicker(store, new_per_day=20).pick(bank.questions, 6, h.T0)
    articles = [q.article for q in picked]
    assert all(a != b for a, b in itertools.pairwise(articles))
    assert len(set(articles)) == 3


def test_an_edited_question_keeps_its_history_and_a_removed_one_is_ignored(
    h, bank, tmp_path
) -> None:
    s = open_store(tmp_path)
    s.record(h.rec("a1", h.T0, "incorrect"))
    s.record(h.rec("gone", h.T0, "incorrect"))
    s.close()
    edited = [
        q if q.id != "a1" else type(q)(**{**q.__dict__, "prompt": Localized(en="reworded?")})
        for q in bank.questions
    ]
    s = open_store(tmp_path)
    picked = FsrsPicker(s).pick(edited, 3, h.T0 + timedelta(days=2))
    assert picked[0].id == "a1" and picked[0].prompt.en == "reworded?"
    assert "gone" not in [q.id for q in picked]
    assert {r[0] for r in s.answers()} == {"a1", "gone"}  # kept, though no longer asked
    s.close()
