"""Context on a right answer, and the residue of negation, yes/no and slips around it.

A second name that stands in a relation to the answer ("Kim Jong Il, Kim Jong Un's father",
"سنغافورة في 2018") is context; a rival offered beside it stays wrong. A slip may not make the
answer into another person's name ("Zelenska"); a yes or a no may be made surer ("غلط طبعا",
"definitely not") or hedged ("half true")."""

from __future__ import annotations

import pytest
from grading.build import bank, loc, text

from tutor.bank.model import Question
from tutor.grading import grade


def claim(value: bool, ar: str, en: str) -> Question:
    return Question("b", "bool", value, prompt=loc(ar, en))


CONDEMNED = claim(False, "صح أم خطأ: أدانت الصين موسكو بسبب غزوها.",
                  "True or false: China has condemned Moscow for its invasion.")  # fmt: skip
DEFENCE = claim(True, "صح أم خطأ: من بنود المعاهدة الدفاع المتبادل.",
                "True or false: the treaty has a mutual defence clause.")  # fmt: skip
COINCIDENCE = claim(False, "صح أم خطأ: كان اختيار مكان اللقاء مصادفة.",
                    "True or false: the choice of venue was a coincidence.")  # fmt: skip
ONCE = claim(False, "صح أم خطأ: لم يزر كيم روسيا إلا مرة واحدة.",
             "True or false: Kim visited Russia only once.")  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # an intensifier alone says yes; beside a yes or a no it only makes it surer
        (DEFENCE, "of course", True), (DEFENCE, "طبعا", True), (DEFENCE, "definitely", True),
        (DEFENCE, "definitely not", False), (DEFENCE, "of course not", False),
        (DEFENCE, "طبعا لا", False),
        (CONDEMNED, "غلط طبعا", True), (CONDEMNED, "no, of course", True),
        (CONDEMNED, "of course", False),
        # a half is a hedge
        (DEFENCE, "half true", False), (CONDEMNED, "half true", False),
        # contracted negators deny the claim
        (CONDEMNED, "China hasn't condemned Moscow", True),
        (CONDEMNED, "they haven't condemned it", True),
        (CONDEMNED, "China has condemned Moscow", False),
        # the claim restated in other words: صدفة is مصادفة
        (COINCIDENCE, "لم يكن صدفة", True), (COINCIDENCE, "كان صدفة", False),
        (COINCIDENCE, "it was no accident", True),
        # "not only once" denies "only once"; "not only X but also Y" adds
        (ONCE, "not only once, he came on a few occasions", True),
        (ONCE, "only once", False),
    ],
)  # fmt: skip
def test_yes_no_residue(q, answer, right):
    assert (grade(q, answer).verdict == "correct") is right, answer


ZELENSKY = text("فولوديمير زيلينسكي", "Volodymyr Zelensky", accept=["Zelensky", "زيلينسكي"],
                prompt=("مع أي رئيس؟", "Which president?"))  # fmt: skip
LAVROV = text("سيرغي لافروف", "Sergei Lavrov", accept=["Lavrov"], prompt=("", "Who said it?"))
PYONGYANG = text("بيونغ يانغ", "Pyongyang", accept=["بيونغيانغ", "Pyong Yang"],
                 prompt=("في أي عاصمة؟", "In which capital?"))  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # the other gender's surname is another person of the family, in either script
        (ZELENSKY, "Zelenska", False), (ZELENSKY, "زيلينسكا", False),
        (ZELENSKY, "Olena Zelenska", False), (LAVROV, "Lavrova", False),
        (ZELENSKY, "Zelenski", True), (ZELENSKY, "زيلنسكي", True), (LAVROV, "Lavrof", True),
        # a name split into real words carries no more slips than its longest piece
        (PYONGYANG, "بيونغ تشانغ", False), (PYONGYANG, "بيونغ يانج", True),
        (PYONGYANG, "pyong yang", True),
    ],
)  # fmt: skip
def test_no_slip_into_another_name(q, answer, right):
    assert (grade(q, answer, bank=bank(q)).verdict == "correct") is right, answer
