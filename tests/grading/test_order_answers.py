"""Order answers in the learner's own words: each piece is read as the item it restates best."""

from __future__ import annotations

import pytest
from grading.build import loc

from tutor.bank.model import Localized, Question
from tutor.grading import grade

REPORTS = Question(
    "o",
    "order",
    (
        loc("تقرير استخباراتي أمريكي عن خطة لشراء أسلحة", "a US intelligence report on a plan to buy "
            "old weapons", "the US intelligence report"),
        loc("قمة مع كيم ومخزونه الضخم من القذائف", "a summit with Kim and his huge stock of shells",
            "the summit with Kim"),
        loc("واشنطن تعدّ حاويات الذخائر المنقولة", "Washington counting the containers of munitions "
            "shipped", "the State Department report"),
    ),
    prompt=Localized("رتّب هذه الأخبار عن الذخائر", "Put these news items on munitions in order"),
)  # fmt: skip
STEPS = Question(
    "s",
    "order",
    (
        loc("مجلس الأمن يبدأ اعتماد قرارات العقوبات", "the Security Council starts adopting "
            "sanctions resolutions", "first sanctions resolutions"),
        loc("تقرير فريق الخبراء عن مشكلات العمل الإنساني", "the panel of experts reports on "
            "humanitarian problems", "panel report"),
        loc("روسيا تمنع قرارًا أمريكيًا بعقوبات جديدة", "Russia blocks a US draft for new sanctions"),
        loc("فيتو روسي ينهي تفويض مفتشي العقوبات", "a Russian veto ends the inspectors' mandate"),
    ),
    prompt=Localized("رتّب هذه المحطات في قصة العقوبات", "Put these steps in the sanctions story"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "verdict"),
    [
        # a shortened or reworded item is the item it restates, by a margin over the others
        (REPORTS, "the US intel report, then the summit with Kim, then the State Department’s "
                  "11,000 containers", "correct"),
        (REPORTS, "intelligence report → Kim summit → containers counted", "correct"),
        (REPORTS, "التقرير الاستخباراتي ثم القمة مع كيم ثم حاويات الذخائر", "correct"),
        (REPORTS, "containers counted, Kim summit, intelligence report", "incorrect"),
        (REPORTS, "the summit with Kim, then the US intel report, then the containers",
         "partial"),
        (REPORTS, "Kim summit, Kim summit, containers", "incorrect"),  # an item twice
        (REPORTS, "intelligence report, a Chinese trade fair, containers", "incorrect"),
        # "الأولى" is "first" of the item's English form: an item is all its forms
        (STEPS, "قرارات العقوبات الأولى ثم تقرير فريق الخبراء ثم منع روسيا للقرار الأمريكي ثم "
                "الفيتو الذي أنهى التفويض", "correct"),
        (STEPS, "first resolutions; panel of experts; Russia blocked the US draft; the veto "
                "ended the mandate", "correct"),
        (STEPS, "الفيتو الذي أنهى التفويض ثم منع روسيا للقرار الأمريكي ثم تقرير فريق الخبراء ثم "
                "قرارات العقوبات الأولى", "incorrect"),
    ],
)  # fmt: skip
def test_pieces_read_as_the_items_they_restate(q: Question, answer: str, verdict: str) -> None:
    assert grade(q, answer).verdict == verdict


def test_a_piece_that_fits_two_items_is_the_one_no_other_piece_names() -> None:
    """ "the US report" fits the intelligence report and Washington's count; the last piece
    names Washington's count, so the first is the intelligence report."""
    assert grade(
        REPORTS, "the US report, the Kim summit, the State Department's containers"
    ).correct
    # two pieces that each fit the same two items name neither
    v = grade(REPORTS, "the US report, the Kim summit, the US report")
    assert v.verdict == "incorrect"


def test_a_figure_with_a_thousands_comma_is_one_piece() -> None:
    v = grade(REPORTS, "intelligence report, summit with Kim, 11,000 containers")
    assert v.correct


# --- dates: an answer may order the items by the dates the bank gives them ---

VISITS = Question(
    "v",
    "order",
    (
        loc("كيم يصبح زعيمًا", "Kim becomes leader"),
        loc("أول زيارة لكيم إلى روسيا", "Kim's first visit to Russia"),
        loc("لقاء فوستوشني", "the Vostochny meeting"),
        loc("توقيع المعاهدة", "the treaty signed"),
        loc("دخول المعاهدة حيز التنفيذ", "the treaty enters into force"),
    ),
    dates=("2011", "2019", "2023", "2024-06-19", "2024-12-04"),
)
UNDATED = Question("u", "order", VISITS.answer)


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        ("2011, 2019, 2023, June 2024, December 2024", "correct"),
        ("٢٠١١، ٢٠١٩، ٢٠٢٣، يونيو ٢٠٢٤، ديسمبر ٢٠٢٤", "correct"),
        ("2011 then 2019 then 2023 then 19/6/2024 then 4 December 2024", "correct"),
        ("Kim becomes leader, 2019, Vostochny meeting, June 2024, entry into force", "correct"),
        # "2024" fits two items; the other parts name one of them, so it is the other
        ("2011, 2019, 2023, 2024, December 2024", "correct"),
        ("2011, 2019, 2023, 2024, 2024", "incorrect"),  # neither 2024 says which
        ("2011, 2019, 2023, December 2024, June 2024", "partial"),
        ("2024-12, June 2024, 2023, 2019, 2011", "incorrect"),
        ("2011, 2017, 2023, June 2024, December 2024", "incorrect"),  # no item of 2017
        ("2011, 2019, 2023, May 2024, December 2024", "incorrect"),  # wrong month
    ],
)
def test_dates_name_the_items_the_bank_dates(answer: str, verdict: str) -> None:
    assert grade(VISITS, answer).verdict == verdict


def test_without_dates_in_the_bank_a_sequence_of_years_names_no_items() -> None:
    v = grade(UNDATED, "2011, 2019, 2023, June 2024, December 2024")
    assert v.verdict == "incorrect"
