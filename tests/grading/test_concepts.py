"""The grader's concepts, one table each, in both languages: units, polarity, words that are not
slips, choices by position and by paraphrase, numbers and dates in ordinary forms, yes/no."""

from __future__ import annotations

import pytest
from grading.build import bank, choice, loc, text, year

from tutor.bank.model import Question
from tutor.grading import grade


def counted(value, unit: tuple[str, str] | None, prompt: str = "") -> Question:
    return Question(
        "n", "number", value, unit=loc(*unit) if unit else None, prompt=loc(None, prompt or None)
    )


CONTAINERS = counted(11000, ("حاوية", "containers"), "How many containers were sent?")
HOURS = counted(5, ("ساعات", "hours"), "How many hours did the meeting last?")
MONTHS_NO_UNIT = counted(2, None, "How many months later was the satellite launched?")
DECADES = counted(3, ("عقود", "decades"), "For how many decades had relations declined?")
BILLIONS = counted(240, ("مليار دولار", "billion dollars"), "How much was trade worth?")
DAY_OF_DECEMBER = Question(
    "d", "number", 4, prompt=loc("في أي يوم من شهر ديسمبر دخلت حيز التنفيذ؟",
                                 "On which day of December did it enter into force?"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        (CONTAINERS, "11,000 containers", True), (CONTAINERS, "١١ ألف حاوية", True),
        (CONTAINERS, "11000", True), (CONTAINERS, "11,000 tons", False),
        (CONTAINERS, "11 ألف طن", False), (CONTAINERS, "11000 shells", False),
        (HOURS, "300 minutes", True), (HOURS, "خمس ساعات", True), (HOURS, "بخمس ساعات", True),
        (HOURS, "5 minutes", False), (HOURS, "5 days", False), (HOURS, "٥ دقائق", False),
        (MONTHS_NO_UNIT, "شهرين", True), (MONTHS_NO_UNIT, "2 months", True),
        (MONTHS_NO_UNIT, "2 weeks", False), (MONTHS_NO_UNIT, "سنتين", False),
        (DECADES, "thirty years", True), (DECADES, "لثلاثة عقود", True),
        (DECADES, "3 years", False),
        (BILLIONS, "$240bn", True), (BILLIONS, "240 مليار دولار", True),
        (BILLIONS, "$240 trillion", False), (BILLIONS, "240 billion yuan", False),
    ],
)  # fmt: skip
def test_a_figure_is_a_value_and_a_unit_of_the_right_kind(q, answer, right) -> None:
    assert grade(q, answer).correct is right


def test_a_wrong_unit_says_so_without_giving_the_answer() -> None:
    v = grade(CONTAINERS, "11,000 tons")
    assert "containers" in v.reason and "11,000" not in v.reason
    assert "5 minutes" in grade(HOURS, "5 minutes").reason


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("4", True), ("٤ كانون الأول", True), ("4 December", True), ("the 4th", True),
        ("4 November", False), ("٤ تشرين الثاني", False), ("14", False),
    ],
)  # fmt: skip
def test_a_day_of_a_named_month(answer, right) -> None:
    assert grade(DAY_OF_DECEMBER, answer).correct is right


HULL = text("جامعة هال", "University of Hull", prompt=("في أي جامعة يعمل دوفر؟",
            "At which university does Robert Dover teach?"), reject=["Oxford"])  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("not Hull", False), ("ليست جامعة هال", False), ("Hull isn't it", False),
        ("it was not Hull", False), ("لم تكن هال", False), ("غير هال", False),
        ("Hull, not Oxford", True), ("Oxford? no, Hull", True), ("ليست أكسفورد بل هال", True),
        ("جامعة هال وليست أكسفورد", True), ("Oxford, not Hull", False), ("لا هال بل أكسفورد", False),
        ("Hull, isn't it?", True), ("no doubt Hull", True),
    ],
)  # fmt: skip
def test_what_is_denied_is_not_given_and_what_is_set_aside_is_no_hedge(answer, right) -> None:
    assert grade(HULL, answer).correct is right


@pytest.mark.parametrize(
    ("q", "answer"),
    [
        (text("إيران", "Iran", qid="t1"), "Iraq"),
        (text("مستقلة", "independent", qid="t2"), "dependent"),
        (text("أوروس", "Aurus", qid="t3"), "Taurus"),
        (text("هال", "Hull", qid="t4"), "حال"),
    ],
)
def test_a_slip_never_turns_one_real_word_into_another(q, answer) -> None:
    assert not grade(q, answer).correct


@pytest.mark.parametrize(
    ("q", "answer"),
    [
        (text("إيران", "Iran", qid="t5"), "Irann"),
        (text("أوروس", "Aurus", qid="t6"), "Aurrus"),
        (text("بوتين", "Putin", qid="t7"), "بوتن"),
        (text("عقوبات", "sanctions", qid="t8"), "sanction"),
    ],
)
def test_a_real_slip_is_still_forgiven(q, answer) -> None:
    assert grade(q, answer).correct


TERM = choice(
    loc("كانت ولايته الخامسة، لا السادسة", "it was his fifth term, not his sixth"),
    loc("كانت ولايته السادسة فعلًا", "it really was his sixth term"),
    loc("كانت ولايته الرابعة", "it was his fourth term"),
    answer=0,
)
TRADE = choice(
    loc("علاقات تجارية قوية", "strong trade relations"),
    loc("تحالف عسكري", "a military alliance"),
    loc("قطيعة دبلوماسية كاملة", "a complete diplomatic break"),
    answer=0,
)


@pytest.mark.parametrize(
    ("q", "answer", "shown", "right"),
    [
        (TRADE, "1", None, True), (TRADE, "1", [2, 0, 1], False), (TRADE, "2", [2, 0, 1], True),
        (TRADE, "ب", [2, 0, 1], True), (TRADE, "the second one", [2, 0, 1], True),
        (TRADE, "الخيار الثاني", [2, 0, 1], True), (TRADE, "c", [2, 1, 0], True),
        (TRADE, "strong commercial ties", None, True), (TRADE, "روابط تجارية متينة", None, True),
        (TRADE, "a defence pact", None, False),
        (TERM, "it was actually his fifth term", None, True),
        (TERM, "it was his sixth term, not his fifth", None, False),
        (TERM, "كانت السادسة لا الخامسة", None, False),
    ],
)  # fmt: skip
def test_choices_by_position_as_shown_and_by_meaning(q, answer, shown, right) -> None:
    assert grade(q, answer, shown=shown).correct is right


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("nineteen sixty-one", True), ("ألف وتسعمائة وواحد وستون", True), ("1961", True),
        ("6 July 1961", True), ("٦ تموز ١٩٦١", True), ("the 1960s", False),
        ("before 1961", False), ("قبل 1961", False), ("nineteen ninety-one", False),
        ("1961, not 2000", True), ("لا ٢٠٠٠ بل ١٩٦١", True), ("2000, not 1961", False),
    ],
)  # fmt: skip
def test_a_year_in_words_in_a_date_or_contrasted(answer, right) -> None:
    assert grade(year(1961), answer).correct is right


CLAIM = Question(
    "b", "bool", False,
    prompt=loc("صح أم خطأ: نجحت المحاولة الأولى لإطلاق القمر الصناعي.",
               "True or false: the first attempt to launch the satellite succeeded."),
)  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("no, it did not", True), ("not true", True), ("خطأ", True), ("F", True),
        ("لم تنجح", True), ("the launch did not succeed", True), ("it succeeded", False),
        ("yes and no", False), ("نعم ولا", False), ("maybe", False), ("ربما", False),
        ("partly true", False), ("no doubt", False), ("لا شك", False), ("صحيح", False),
    ],
)  # fmt: skip
def test_yes_and_no_in_the_ways_people_say_them(answer, right) -> None:
    assert grade(CLAIM, answer).correct is right


def test_a_sentence_names_its_answer_among_context_but_not_beside_a_rival() -> None:
    rumer = text("يوجين رومر", "Eugene Rumer", qid="r",
                 prompt=("من كتب ذلك؟", "Who wrote that?"))  # fmt: skip
    dover = text("روبرت دوفر", "Robert Dover", qid="d", prompt=("من قال ذلك؟", "Who said it?"))
    b = bank(rumer, dover)
    assert grade(rumer, "I think it was Eugene Rumer who wrote it in the end", bank=b).correct
    assert not grade(rumer, "I think it was Eugene Rumer or maybe Robert Dover", bank=b).correct
    assert not grade(rumer, "it was written by Eugene Rumer together with Dover", bank=b).correct
