"""Names, places, organisations: forgiving of how people type, strict about who is named."""

from __future__ import annotations

import pytest
from grading.build import bank, text

from tutor.grading.grade import grade

KJU = text(
    "كيم جونغ أون",
    "Kim Jong Un",
    qid="kju",
    prompt=("من زعيم كوريا الشمالية؟", "Who leads North Korea?"),
)
KJI = text("كيم جونغ إيل", "Kim Jong Il", qid="kji")
RUMER = text("يوجين رومر", "Eugene Rumer", qid="rumer", accept=["Rumer"])
DOVER = text("روبرت دوفر", "Robert Dover", qid="dover")
HULL = text("جامعة هال", "University of Hull", qid="hull", accept=["Hull"])
PY = text("بيونغ يانغ", "Pyongyang", qid="py", accept=["بيونج يانج"])
KIMS = bank(KJU, KJI, RUMER, DOVER, HULL, PY)

RIGHT = [
    (KJU, "Kim Jong Un", ""), (KJU, "كيم جونغ اون", ""), (KJU, "كِيم جُونغ أُون", ""),
    (KJU, "kim jong-un", ""), (KJU, "كيمـــ جونغ أون", ""),
    (KJU, "I think it was Kim Jong Un", ""), (KJU, "الجواب هو كيم جونغ أون", ""),
    (RUMER, "Rumer", ""), (RUMER, "رومر", "accepted; in full: يوجين رومر"),
    (RUMER, "Eugene Rumor", "accepted with a spelling slip: Eugene Rumer"),
    (DOVER, "Dover", "accepted; in full: Robert Dover"),
    (HULL, "بجامعة هال", ""), (HULL, "Hull University", ""), (HULL, "hull", ""),
    (HULL, "University of Hul", "accepted with a spelling slip: University of Hull"),
    (PY, "بيونغيانغ", ""), (PY, "Pyong Yang", ""), (PY, "بيونج يانج", ""), (PY, "Pyongyang", ""),
    (PY, "بيونغ يانع", "accepted with a spelling slip: بيونغ يانغ"),
]  # fmt: skip

WRONG = [
    (KJU, "كيم جونغ إيل", ""), (KJU, "Kim Jong Il", ""), (KJU, "كيم جونغ ايل", ""),
    (KJI, "Kim Jong Un", ""),
    (KJU, "كيم", "incomplete: give the full name"),
    (KJU, "Kim Jong Un or Kim Jong Il", "give one answer, not several"),
    (KJU, "كيم جونغ أون أو كيم جونغ إيل", "give one answer, not several"),
    (RUMER, "Rumer and Dover", "it adds another name: dover"),
    (RUMER, "Rumer and Smith", "the answer adds “smith”"),
    (RUMER, "Eugene Rumer, Robert Dover", None),
    (HULL, "جامعة هارفارد", ""), (HULL, "Harvard University", ""), (HULL, "جامعة", ""),
    (HULL, "The article quotes Robert Dover, a professor of intelligence at the University of "
           "Hull, saying the images show real sympathy between the two leaders",
     "too long: answer in a few words"),
    (PY, "Seoul", ""), (PY, "سيول", ""),
]  # fmt: skip


@pytest.mark.parametrize(("q", "answer", "reason"), RIGHT)
def test_right_answers_typed_as_people_type_them(q, answer, reason) -> None:
    v = grade(q, answer, bank=KIMS)
    assert (v.verdict, v.reason) == ("correct", reason)


@pytest.mark.parametrize(("q", "answer", "reason"), WRONG)
def test_wrong_answers_that_look_right(q, answer, reason) -> None:
    v = grade(q, answer, bank=KIMS)
    assert v.verdict == "incorrect"
    if reason is not None:
        assert v.reason == reason


def test_family_name_alone_only_where_no_other_answer_shares_it() -> None:
    il_sung = text("كيم إيل سونغ", "Kim Il Sung", qid="kis")
    jong_un = text("كيم جونغ أون", "Kim Jong Un", qid="kju")
    alone = bank(jong_un)
    assert grade(jong_un, "Un", bank=alone).verdict == "incorrect"  # too short to stand alone
    rumer = text("يوجين رومر", "Eugene Rumer", qid="rumer")
    another = text("جون رومر", "John Rumer", qid="john")
    assert grade(rumer, "Rumer", bank=bank(rumer)).correct
    assert not grade(rumer, "Rumer", bank=bank(rumer, another)).correct
    assert grade(il_sung, "Kim Il Sung", bank=bank(il_sung, jong_un)).correct


def test_a_reason_never_gives_the_answer_away_when_wrong() -> None:
    for q, answer, _ in WRONG:
        v = grade(q, answer, bank=KIMS)
        assert q.answer.en not in v.reason and q.answer.ar not in v.reason_ar


def test_listed_reject_wins_but_only_for_that_form() -> None:
    q = text("ميناء راجين", "Rajin port", reject=["Rajin"])
    assert grade(q, "Rajin").verdict == "incorrect"
    assert grade(q, "Rajin", honour_reject=False).correct
    assert grade(q, "ميناء راجين").correct
