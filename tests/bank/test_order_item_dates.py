"""Order items may carry their date; `tutor check` holds each date to the question's evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.bank import BankError, load_bank
from tutor.bank.check import check_bank
from tutor.grading import grade

TREATY = """---
id: treaty
title: the treaty
---
وقّع البلدان معاهدة الصداقة عام 1961 في موسكو.

ثم وُقّعت معاهدة جديدة عام 2000.

وفي 19 يونيو 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة في بيونغ يانغ.
"""


def order(dates: tuple[str, str, str]) -> str:
    a, b, c = dates
    return f"""\
  - id: treaties-order
    type: order
    prompt: {{ar: "رتّب المعاهدات من الأقدم", en: "Put the treaties in order, oldest first"}}
    answer:
      - {{ar: "معاهدة الصداقة", en: "the friendship treaty"{a}}}
      - {{ar: "المعاهدة الجديدة", en: "the new treaty"{b}}}
      - {{ar: "الشراكة الاستراتيجية الشاملة", en: "the comprehensive partnership"{c}}}
    evidence:
      - "معاهدة الصداقة عام 1961"
      - "معاهدة جديدة عام 2000"
      - "وفي 19 يونيو 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة"
"""


def make_bank(tmp_path: Path, questions: str) -> Path:
    (tmp_path / "seeds").mkdir(parents=True)
    (tmp_path / "seeds" / "treaty.txt").write_text(TREATY, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "q.yaml").write_text(
        "article: treaty\nquestions:\n" + questions, encoding="utf-8"
    )
    return tmp_path


DATED = (', date: "1961"', ", date: 2000", ', date: "2024-06-19"')


def test_item_dates_load_and_order_an_answer_given_as_dates(tmp_path: Path) -> None:
    bank = load_bank(make_bank(tmp_path, order(DATED)))
    (q,) = bank.questions
    assert q.dates == ("1961", "2000", "2024-06-19")
    assert check_bank(bank).errors == []
    assert grade(q, "1961, 2000, 2024", bank=bank).correct
    assert grade(q, "2024, 2000, 1961", bank=bank).verdict == "incorrect"


def test_items_without_dates_have_none(tmp_path: Path) -> None:
    bank = load_bank(make_bank(tmp_path, order(("", ", date: 2000", ""))))
    assert bank.questions[0].dates == (None, "2000", None)
    bank = load_bank(make_bank(tmp_path / "b", order(("", "", ""))))
    assert bank.questions[0].dates == ()


@pytest.mark.parametrize("bad", ['"1961-13"', '"June 1961"', '"61"', '"1961-02-30"'])
def test_a_malformed_date_is_refused_naming_the_item(tmp_path: Path, bad: str) -> None:
    with pytest.raises(BankError) as err:
        load_bank(make_bank(tmp_path, order((f", date: {bad}", "", ""))))
    (problem,) = err.value.problems
    assert "item 1: date must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'" in str(problem)


@pytest.mark.parametrize(
    ("dates", "item", "date"),
    [
        ((', date: "1962"', "", ""), 1, "1962"),  # not the year the evidence gives
        (("", "", ', date: "2024-07"'), 3, "2024-07"),  # the evidence says June
        (("", "", ', date: "2024-06-20"'), 3, "2024-06-20"),  # and the 19th
    ],
)
def test_check_holds_each_date_to_the_evidence(tmp_path: Path, dates, item: int, date: str):
    bank = load_bank(make_bank(tmp_path, order(dates)))
    errors = [str(p) for p in check_bank(bank).errors]
    assert any(f"item {item}: no evidence quote gives its date {date}" in e for e in errors)
