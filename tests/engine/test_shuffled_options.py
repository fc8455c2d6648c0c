"""Choice options are shown shuffled, fixed within a round, and "2" means the second one shown."""

from __future__ import annotations

import pytest

from tutor.bank import load_bank
from tutor.engine.options import option_order
from tutor.engine.session import RoundSpec, Session


@pytest.fixture(scope="module")
def bundled_choices():
    bank = load_bank(None, strict=False)
    choice = [q for q in bank.questions if q.prompt is not None and q.type == "choice"]
    assert len(choice) >= 20, "the bundled bank lost its choice questions"
    return bank, choice


def test_answering_1_everywhere_scores_about_chance(bundled_choices):
    bank, choice = bundled_choices
    chance = sum(1 / len(q.choices) for q in choice) / len(choice)
    right = asked = 0
    for seed in range(40):  # forty rounds, each with its own order
        s = Session(bank, RoundSpec(length=len(choice)), questions=choice, seed=seed)
        while s.current is not None:
            o = s.submit("1")
            right += o.attempt == 1 and o.verdict.correct
            asked += 1
            if not o.final:
                s.reveal()
            s.next()
    rate = right / asked
    assert asked == 40 * len(choice)
    assert abs(rate - chance) < 0.08, (rate, chance)  # in file order "1" scored 30 of 31


def test_the_order_is_fixed_within_a_round_and_follows_the_seed(bank):
    q = bank.get("a-choice")
    s = Session(bank, RoundSpec(length=1), questions=[q], seed="drill-7")
    assert s.order() == option_order("a-choice", 2, "drill-7")
    assert s.order() == s.order(q)  # asked again (a language switch): the same order
    assert [c.en for c in s.choices()] == [q.choices[i].en for i in s.order()]
    assert Session(bank, RoundSpec(length=1), questions=[q], seed="drill-7").order() == s.order()
    assert s.order(bank.get("t-year")) == ()  # no options, no order


def test_rounds_without_a_seed_get_their_own(bank):
    q = bank.get("a-choice")
    orders = {Session(bank, RoundSpec(length=1), questions=[q]).order() for _ in range(40)}
    assert orders == {(0, 1), (1, 0)}


@pytest.mark.parametrize("seed", range(6))
def test_a_position_names_the_option_as_shown(bank, recorder, seed):
    q = bank.get("a-choice")  # China (the key) and India
    s = Session(bank, RoundSpec(length=1), questions=[q], recorder=recorder, seed=seed)
    key_at = s.order().index(0) + 1  # where China is shown, counting from 1
    o = s.submit(str(key_at))
    assert o.verdict.correct and o.final
    assert recorder.records[-1].shown == s.order()
    assert s.results[-1].shown == s.order()
    other = Session(bank, RoundSpec(length=1), questions=[q], recorder=recorder, seed=seed)
    assert not other.submit(str(3 - key_at)).verdict.correct  # the other position is India
    assert not other.submit("ب" if key_at == 1 else "أ").verdict.correct  # Arabic letters too


def test_a_drill_seed_survives_a_retry_of_the_missed(bank):
    q = bank.get("a-choice")
    s = Session(bank, RoundSpec(length=1), questions=[q], seed=11)
    s.skip()
    again = s.retry_missed()
    assert again.seed == 11 and again.order() == s.order()


def test_other_questions_record_no_order(session_of, recorder):
    s = session_of("t-year")
    s.submit("1961")
    assert recorder.records[-1].shown == ()
