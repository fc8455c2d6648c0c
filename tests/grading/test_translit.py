"""Transliteration: a name or word written in the other script, in Arabizi, or in another
romanization is the same answer; a name that only sounds near a rival, or a real word that only
sounds near the answer, is not."""

from __future__ import annotations

import pytest
from grading.build import bank, text

from tutor.grading import grade
from tutor.grading.translit import skeletons

WHO = ("من هو؟", "Who is it?")
PESKOV = text("دميتري بيسكوف", "Dmitry Peskov", qid="peskov", accept=["Peskov", "بيسكوف"],
              reject=["Lavrov", "لافروف"], prompt=WHO)  # fmt: skip
LAVROV = text("سيرغي لافروف", "Sergei Lavrov", qid="lavrov", prompt=WHO)
CITY = ("في أي مدينة أوكرانية؟", "In which Ukrainian city?")
KHARKIV = text("خاركيف", "Kharkiv", qid="kharkiv", accept=["Kharkov"],
               reject=["Kursk", "كورسك", "Kyiv", "كييف"], prompt=CITY)  # fmt: skip
VZGLYAD = text("فزغلياد", "Vzglyad", qid="vzglyad", reject=["Izvestia", "إزفستيا"])
AXIS = text("محور الشر", "the axis of evil", qid="axis", reject=["تجمع الشر"])
GATHERING = text("تجمع الشر", "the gathering of evil", qid="gathering", reject=["محور الشر"])
ALLIANCE = text("تحالف", "alliance", qid="alliance", reject=["شراكة", "partnership"])
SACRED = text("مقدس", "sacred", qid="sacred", reject=["عادل", "just"])
PANDEMIC = text("جائحة الفيروس التاجي", "the coronavirus pandemic", qid="pandemic",
                accept=["كورونا", "covid"], reject=["العقوبات", "sanctions"])  # fmt: skip
KJI = text("كيم جونغ إيل", "Kim Jong Il", qid="kji", reject=["Kim Jong Un", "Kim Il Sung"],
           prompt=WHO)  # fmt: skip
KJU = text("كيم جونغ أون", "Kim Jong Un", qid="kju", prompt=WHO)
KIS = text("كيم إيل سونغ", "Kim Il Sung", qid="kis", prompt=WHO)
KINGS = text("كينغز كوليدج", "King's College", qid="kings", reject=["Hull", "هال"])
HALNET = text("الحل نت", "Al-Hal Net", qid="halnet")
MOTHNIB = text("المذنب", "Al-Mothnib", qid="mothnib")
LI = text("لي هونغ تشونغ", "Li Hongzhong", qid="li", reject=["Wang Yi"], prompt=WHO)
EASLEY = text("ليف إريك إيسلي", "Leif-Eric Easley", qid="easley", prompt=WHO)
DOVER = text("روبرت دوفر", "Robert Dover", qid="dover", prompt=WHO)
YUN = text("يون سون", "Yun Sun", qid="yun", prompt=WHO)
FLEET = text("أسطول المحيط الهادئ", "the Pacific Fleet", qid="fleet",
             accept=["المحيط الهادئ", "Pacific"])  # fmt: skip
PYONGYANG = text("بيونغ يانغ", "Pyongyang", qid="py")
HULL = text("هال", "Hull", qid="hull")
UKRAINE = text("أوكرانيا", "Ukraine", qid="ukraine")
RAISI = text("إبراهيم رئيسي", "Ebrahim Raisi", qid="raisi", accept=["Raisi", "رئيسي"], prompt=WHO)
ALL = bank(PESKOV, LAVROV, KHARKIV, VZGLYAD, AXIS, GATHERING, ALLIANCE, SACRED, PANDEMIC, KJI,
           KJU, KIS, KINGS, HALNET, MOTHNIB, LI, EASLEY, DOVER, YUN, FLEET, PYONGYANG,
           HULL, UKRAINE, RAISI)  # fmt: skip

RIGHT = [
    # Arabic words in Latin letters and Arabizi digits (3 = ع, 7 = ح, 2 = hamza or Cairo's ق)
    (AXIS, "mehwar el sharr"), (GATHERING, "tajamo3 al shar"), (SACRED, "mo2addas"),
    (ALLIANCE, "ta7aluf"), (HALNET, "al 7al net"), (HALNET, "el Hall net"),
    (MOTHNIB, "al mozneb"), (PANDEMIC, "korona"),
    # a foreign name in another romanization (Arabic has no p or v: Biskov)
    (KHARKIV, "Charkiw"), (PESKOV, "Biskov"), (VZGLYAD, "Fazghliad"), (LI, "Li Hong Chong"),
    (EASLEY, "Leif Eric Isley"), (DOVER, "Robert Dauver"), (YUN, "Yoon Sun"),
    (KJI, "Kim Chong-il"), (KJI, "كيم جون إيل"), (KJI, "Kim Jong Ill"), (HALNET, "Al Hall Net"),
    # a foreign name in Arabic letters
    (KINGS, "كينجز كولج"), (VZGLYAD, "فازغلياد"), (PESKOV, "Peskof"),
]  # fmt: skip

WRONG = [
    # a rival's name, however written
    (PESKOV, "Lavrof"), (PESKOV, "لافروف"), (KHARKIV, "Kursk"), (KHARKIV, "Kiev"),
    (KJI, "Kim Chong Un"), (KJI, "Kim Chong"), (KJI, "كيم جون أون"), (VZGLYAD, "Izvestiya"),
    (AXIS, "tajamo3 al shar"), (GATHERING, "mehwar el sharr"), (ALLIANCE, "sharaka"),
    (SACRED, "3adel"),
    # another place or word that only sounds near
    (PYONGYANG, "Pyeongchang"), (SACRED, "scared"), (ALLIANCE, "allowance"), (HULL, "حال"),
    (FLEET, "المحيط الهندي"), (KHARKIV, "Kherson"), (DOVER, "Robert Denver"),
    # the same consonants as a rival, and vowels no nearer ("Ukraina" is K-R-N like كورونا)
    (PANDEMIC, "Ukraina"), (RAISI, "Aurus"),  # R-S: two consonants name nobody
]  # fmt: skip


@pytest.mark.parametrize(("q", "answer"), RIGHT)
def test_the_same_answer_written_in_another_script_or_romanization(q, answer) -> None:
    v = grade(q, answer, bank=ALL)
    assert v.verdict == "correct", v.reason


@pytest.mark.parametrize(("q", "answer"), WRONG)
def test_a_rival_or_a_word_that_only_sounds_near_stays_wrong(q, answer) -> None:
    assert grade(q, answer, bank=ALL).verdict == "incorrect"


def test_a_transliteration_says_which_form_it_was_read_as() -> None:
    v = grade(ALLIANCE, "ta7aluf", bank=ALL)
    assert v.reason == "accepted with a spelling slip: تحالف"


def test_the_rival_must_be_farther_than_the_answer() -> None:
    # "Kim Chong" is as near Kim Jong Il as Kim Jong Un: no answer is named
    lone = bank(KJI)
    assert grade(KJI, "Kim Chong-il", bank=lone).correct
    assert not grade(KJI, "Kim Chong", bank=ALL).correct


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Peskov", "بيسكوف"), ("ta7aluf", "تحالف"), ("Vzglyad", "فزغلياد"), ("King's College",
     "كينجز كولج"), ("Kharkiv", "خاركيف"), ("mo2addas", "مقدس"), ("Hongzhong", "هونغ تشونغ")],
)  # fmt: skip
def test_latin_and_arabic_letters_share_one_sound_skeleton(latin, arabic) -> None:
    from tutor.grading.normalize import normalize

    a = skeletons(tuple(normalize(latin).split()))
    b = skeletons(tuple(normalize(arabic).split()))
    assert a & b
