"""Names, places, organisations: forgiving of how people type, strict about who is named."""

from __future__ import annotations

import pytest
from grading.build import bank, text

from tutor.grading import grade

KJU = text(
    "كيم جونغ أون",
    "Kim Jong Un",
    qid="kju",
    prompt=("من زعيم كوريا الشمالية؟", "Who leads North Korea?"),
)
KJI = text("كيم جونغ إيل", "Kim Jong Il", qid="kji")
WHO = ("من هو الباحث المقتبس؟", "Who is the researcher quoted?")
RUMER = text("يوجين رومر", "Eugene Rumer", qid="rumer", accept=["Rumer"], prompt=WHO)
DOVER = text("روبرت دوفر", "Robert Dover", qid="dover", prompt=WHO)
HULL = text("جامعة هال", "University of Hull", qid="hull", accept=["Hull"])
PY = text("بيونغ يانغ", "Pyongyang", qid="py", accept=["بيونج يانج"])
CITY = ("في أي مدينة عُقدت القمة؟", "In which city was the summit held?")
KAZAN = text("قازان", "Kazan", qid="kazan", reject=["Moscow", "موسكو"], prompt=CITY)
RUSSIA = text("روسيا", "Russia", qid="russia")  # so "Russia" is another answer's name
KIMS = bank(KJU, KJI, RUMER, DOVER, HULL, PY, KAZAN, RUSSIA)

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
    (KAZAN, "Kazan, Russia", ""), (KAZAN, "قازان، روسيا", ""), (KAZAN, "in Kazan, Russia", ""),
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
    (KAZAN, "Kazan, Moscow", "it adds another name: moscow"),
    (KAZAN, "قازان وموسكو", "it adds another name: موسكو"),
    (KAZAN, "Russia", ""),
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


def test_a_country_beside_an_answer_is_context_only_when_a_place_in_it_is_asked() -> None:
    assert grade(KAZAN, "Kazan, Russia", bank=KIMS).verdict == "correct"
    v = grade(PY, "Pyongyang, Russia", bank=KIMS)  # not a "which city" question
    assert (v.verdict, v.reason) == ("incorrect", "it adds another name: russia")


def test_the_latin_al_is_an_article_not_another_answers_name() -> None:
    outlets = bank(PY, text("الحل نت", "Al-Hal Net", qid="alhal"))  # "al" is in another answer
    assert grade(PY, "al Pyongyang", bank=outlets).verdict == "correct"
    assert grade(outlets.get("alhal"), "Al Hal Net", bank=outlets).verdict == "correct"


def test_a_phrase_may_come_in_another_order_but_a_persons_name_may_not() -> None:
    crisis = text("الأزمة في أوكرانيا", "the crisis in Ukraine", qid="crisis")
    assert grade(crisis, "the Ukraine crisis").verdict == "correct"
    assert grade(crisis, "the Ukraine crisis", bank=KIMS).verdict == "correct"
    assert grade(KJU, "Kim Un Jong", bank=KIMS).verdict == "incorrect"  # "who leads…?"
    assert grade(crisis, "the Ukrane crisis").verdict == "incorrect"  # reordered: no slips too


def test_where_someone_works_is_context_after_of_the() -> None:
    who = ("من الخبير المقتبس؟", "Which expert is quoted?")
    tkachenko = text("ستانيسلاف تكاشينكو", "Stanislav Tkachenko", qid="tk", prompt=who)
    valdai = text("نادي فالداي", "the Valdai Club", qid="valdai")
    experts = bank(tkachenko, valdai)
    v = grade(tkachenko, "Stanislav Tkachenko of the Valdai Club", bank=experts)
    assert v.verdict == "correct"
    assert grade(tkachenko, "Tkachenko and the Valdai Club", bank=experts).verdict == "incorrect"
    assert grade(valdai, "Valdai", bank=experts).verdict == "correct"  # "club" is a descriptor


def test_family_name_alone_only_where_no_other_answer_shares_it() -> None:
    il_sung = text("كيم إيل سونغ", "Kim Il Sung", qid="kis")
    jong_un = text("كيم جونغ أون", "Kim Jong Un", qid="kju")
    alone = bank(jong_un)
    assert grade(jong_un, "Un", bank=alone).verdict == "incorrect"  # too short to stand alone
    rumer = text("يوجين رومر", "Eugene Rumer", qid="rumer", prompt=WHO)
    another = text("جون رومر", "John Rumer", qid="john", prompt=WHO)
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


def test_a_family_name_stands_for_a_person_not_for_a_place_or_an_alliance() -> None:
    nato = text(
        "الناتو الآسيوي",
        "an Asian NATO",
        prompt=("ماذا يخشى المقال؟", "What does the article fear?"),
    )
    fleet = text("أسطول المحيط الهادئ", "the Pacific Fleet", prompt=("أي أسطول؟", "Which fleet?"))
    assert not grade(nato, "NATO").correct and not grade(nato, "الناتو").correct
    assert not grade(fleet, "Fleet").correct
    arabic_only = text("يوجين رومر", "Eugene Rumer", prompt=("بحسب المقال، من قال ذلك؟", ""))
    assert grade(arabic_only, "رومر").correct


def test_a_role_beside_the_name_is_context_not_a_second_answer() -> None:
    lavrov = text("سيرغي لافروف", "Sergei Lavrov", prompt=WHO)
    assert grade(lavrov, "Lavrov, the foreign minister").correct
    assert grade(lavrov, "وزير الخارجية لافروف").correct


def test_a_place_named_as_context_is_not_a_second_answer() -> None:
    venue = text("قاعدة فوستوشني الفضائية", "Vostochny Cosmodrome", qid="venue")
    city = text("كومسومولسك على أمور", "Komsomolsk-on-Amur", qid="city")
    both = bank(venue, city)
    assert grade(venue, "Vostochny cosmodrome in the Amur region", bank=both).correct
    assert grade(venue, "قاعدة فوستوشني في مقاطعة أمور", bank=both).correct
    assert not grade(venue, "Vostochny and Komsomolsk", bank=both).correct
    assert not grade(venue, "Vostochny and Baikonur cosmodrome", bank=both).correct


def test_a_name_joined_by_and_is_a_second_candidate_even_from_the_prompt() -> None:
    zelensky = text("فولوديمير زيلينسكي", "Volodymyr Zelensky",
                    prompt=("مع أي رئيس خططت إدارة بايدن للقاء؟", "Which president did the Biden administration plan to meet?"))  # fmt: skip
    assert grade(zelensky, "Zelensky").correct
    assert grade(zelensky, "the Biden administration met Zelensky").correct
    assert grade(zelensky, "Zelensky and Biden").reason == "the answer adds “biden”"
    assert not grade(zelensky, "زيلينسكي وبايدن").correct


def test_an_affiliation_after_of_is_context() -> None:
    dover = text("روبرت دوفر", "Robert Dover", qid="dover", prompt=WHO)
    hull = text("جامعة هال", "University of Hull", qid="hull")
    assert grade(dover, "Prof. Robert Dover of Hull", bank=bank(dover, hull)).correct
    assert not grade(dover, "Robert Dover and Hull", bank=bank(dover, hull)).correct


def test_a_dropped_long_vowel_in_a_short_arabic_word_is_a_slip() -> None:
    hull = text("جامعة هال", "University of Hull")
    assert grade(hull, "جامعة هل").reason == "accepted with a spelling slip: جامعة هال"
    kim = text("كيم جونغ أون", "Kim Jong Un")
    assert not grade(kim, "كيم جونغ ايل").correct and grade(kim, "كيم جونغ ان").correct
