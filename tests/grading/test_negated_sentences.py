"""A yes/no answer written as a sentence whose verb is negated denies the claim it is about,
even when the verb is put in other words than the claim's; "X didn't …, Y did" asserts it of Y.
Both languages, with near misses that must keep their verdict. Invented questions."""

from __future__ import annotations

import pytest
from grading.build import loc

from tutor.bank.model import Question
from tutor.grading import grade


def claim(value: bool, ar: str, en: str) -> Question:
    return Question("b", "bool", value, prompt=loc(f"صح أم خطأ: {ar}", f"True or false: {en}"))


WORRIED = claim(True, "أثار الاجتماع مخاوف جدية لدى الجيران.",
                "the meeting raised serious fears among the neighbours.")  # fmt: skip
DROVE = claim(False, "قاد الأمير السيارة أولا وجلس الملك إلى جانبه.",
              "the prince drove the car first, with the king beside him.")  # fmt: skip
KING_DROVE = claim(True, "قاد الملك السيارة أولا وجلس الأمير إلى جانبه.",
                   "the king drove the car first, with the prince beside him.")  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # the subject restated, its verb negated in other words: a denial of the claim
        (WORRIED, "the neighbours weren't worried at all", False),
        (WORRIED, "the neighbours are not afraid of it", False),
        (WORRIED, "الجيران لم يقلقوا أبدا", False),
        (WORRIED, "الجيران ليسوا قلقين", False),
        # ... and kept as a yes when nothing is negated, or the negation is turned round
        (WORRIED, "the neighbours were worried", True),
        (WORRIED, "الجيران قلقون", True),
        (WORRIED, "the neighbours were not unconcerned, they feared it", True),
        (WORRIED, "the neighbours didn't rule out a threat, they feared it", True),
        (WORRIED, "لم يستبعد الجيران الخطر", True),
    ],
)  # fmt: skip
def test_a_negated_verb_denies_the_claim_in_other_words(q, answer, right) -> None:
    assert grade(q, answer).correct is right


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # "X didn't, Y did" says it of Y: right or wrong by who the claim says did it
        (DROVE, "the king didn't drive first, the prince did", False),
        (DROVE, "the prince didn't drive first, the king did", True),
        (KING_DROVE, "the prince didn't drive first, the king did", True),
        (KING_DROVE, "the king didn't drive first, the prince did", False),
        (DROVE, "لم يقد الملك أولا بل الأمير", False),
        (DROVE, "لم يقد الأمير أولا بل الملك", True),
        # a plain denial still denies
        (DROVE, "the prince didn't drive first", True),
        (KING_DROVE, "the king didn't drive first", False),
    ],
)  # fmt: skip
def test_who_did_it_instead(q, answer, right) -> None:
    assert grade(q, answer).correct is right
