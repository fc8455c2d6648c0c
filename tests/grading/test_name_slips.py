"""Issue rule 3 and its one exception. A typed word that is itself a known word is not a slip when
it stands alone or could name something else (an answer or rejected answer in the bank, a country,
a word with a negating or counting prefix: "trilateral" for bilateral, "bipolar" for multipolar).
Inside a name of two words or more whose other words all match, one small slip that happens to make
a common word (and names no candidate) is a typo. Both languages; invented questions."""

from __future__ import annotations

import pytest
from grading.build import bank, loc, text

from tutor.bank.model import Question
from tutor.grading import grade

SQUARE = text("ساحة كيم إيل سونغ", "Kim Il Sung Square", reject=["Red Square"],
              prompt=("في أي ساحة أقيم العرض؟", "In which square was the parade held?"),
              qid="square")  # fmt: skip
BLOC = text("منظمة شنغهاي للتعاون", "the Shanghai Cooperation Organisation",
            prompt=("إلى أي منظمة انضمت؟", "Which organisation did it join?"),
            qid="bloc")  # fmt: skip
GROUP = text("وفد تجاري كبير", "a large trade delegation",
             prompt=("من أرسلت البلاد؟", "Whom did the country send?"), qid="group")  # fmt: skip
SON = text("كيم جونغ أون", "Kim Jong Un", prompt=("من يحكم؟", "Who rules?"), qid="son")
TIES = text("ثنائية", "bilateral", reject=["military"],
            prompt=("كيف وصف العلاقة؟", "How did he describe the relationship?"),
            qid="ties")  # fmt: skip
CAPITAL = text("طهران", "Tehran", prompt=("أين؟", "Where?"), qid="capital")
OCEAN = text("المحيط الهادئ", "the Pacific Ocean", prompt=("أين؟", "In which ocean?"), qid="sea")
SCHOOL = text("جامعة هال", "Hull University", prompt=("أين يدرّس؟", "Where does he teach?"),
              qid="school")  # fmt: skip
BANK = bank(SQUARE, BLOC, GROUP, SON, TIES, CAPITAL, OCEAN, SCHOOL)


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # a common-word slip inside a name whose other words match: a typo
        (SQUARE, "Kim Il Sun Square", True), (BLOC, "Shanghai Corporation Organisation", True),
        (GROUP, "a large trade relegation", True),
        (SQUARE, "ساحة كيم ايل سونج", True), (BLOC, "منظمة شنغهاي للتعاوم", True),
        # ... not when it names another candidate, or more than one word slips
        (SQUARE, "Kim Jong Sung Square", False), (SQUARE, "Kim Il Sung Red", False),
        (SQUARE, "Kim Al Sun Square", False), (GROUP, "a large trade relegation team", False),
        (SQUARE, "ساحة كيم جونغ سونغ", False),
        # a known word alone is never a slip; nor is a counting or negating prefix
        (TIES, "trilateral", False), (TIES, "multilateral", False), (TIES, "bilaterl", True),
        (TIES, "ثلاثية", False),
        # beside only a descriptor ("ocean", "university") the slipped word is the whole name
        (OCEAN, "المحيط الهندي", False), (SCHOOL, "Hall University", False),
    ],
)  # fmt: skip
def test_a_slip_inside_a_name(q, answer, right):
    assert (grade(q, answer, bank=BANK).verdict == "correct") is right, answer


WORLD = Question(
    "c", "choice", 1,
    prompt=loc("ما الذي تحدث عن بنائه؟", "What did he speak of building?"),
    choices=(loc("نظام أمني جديد", "a new security order"),
             loc("عالم جديد متعدد الأقطاب", "a new multipolar world"),
             loc("اتحاد جديد بين الدول", "a new union of states")),
)  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("a new multipolar world", True), ("a multi-polar world", True),
        ("a new bipolar world", False), ("a unipolar world", False),
        ("عالم متعدد الأقطاب", True), ("عالم ثنائي القطب", False),
    ],
)  # fmt: skip
def test_a_counting_prefix_makes_another_option(answer, right):
    assert grade(WORLD, answer).correct is right, answer
