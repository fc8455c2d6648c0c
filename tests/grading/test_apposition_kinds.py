"""An answer that names the key and then says what it is is right: a description may hold a
possessive ("Ukraine's 2nd city"), an ordinal, names of another kind than the question asks (people
beside a place: "the first Trump-Kim summit"), or, in a sentence, the answer's own frame again
("though Bush's axis was…"). A rejected name, or an answer of the same kind, stays a second answer.
Both languages; invented questions."""

from __future__ import annotations

import pytest
from grading.build import bank, text

from tutor.grading import grade

SUMMIT = text("سنغافورة", "Singapore", reject=["هانوي", "Hanoi", "Panmunjom"],
              prompt=("في أي مدينة التقى الزعيمان أول مرة؟", "In which city did the two leaders "
                      "first meet?"), qid="sg")  # fmt: skip
HOST = text("دونالد ترامب", "Donald Trump", accept=["Trump", "ترامب"],
            prompt=("من استضاف القمة؟", "Who hosted the summit?"), qid="host")  # fmt: skip
GUEST = text("كيم جونغ أون", "Kim Jong Un", accept=["Kim", "كيم"],
             prompt=("من حضر القمة؟", "Who came to the summit?"), qid="guest")  # fmt: skip
PORT = text("أوديسا", "Odesa", prompt=("في أي مدينة؟", "In which city?"), qid="port")
CITY = text("خاركيف", "Kharkiv", reject=["Kyiv", "كييف", "Lviv", "لفيف"],
            prompt=("في أي مدينة أوكرانية سقط الصاروخ؟", "In which Ukrainian city did the "
                    "missile fall?"), qid="kh")  # fmt: skip
NAME = text("محور الشر", "the axis of evil", accept=["axis of evil"],
            reject=["axis of upheaval", "محور الاضطراب"],
            prompt=("ما الاسم الذي يطلقه المحللون على التكتل؟", "What name do analysts give "
                    "the bloc?"), qid="axis")  # fmt: skip
BANK = bank(SUMMIT, HOST, GUEST, PORT, CITY, NAME)


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # people described beside a place: what the place is
        (SUMMIT, "Singapore (the first Trump-Kim summit, not Hanoi)", True),
        (SUMMIT, "Singapore, where Trump and Kim first met", True),
        (SUMMIT, "سنغافورة (أول قمة بين ترامب وكيم، لا هانوي)", True),
        # ... a place of the same kind, or a rejected one, is a second answer
        (SUMMIT, "Singapore, Hanoi", False), (SUMMIT, "Singapore, Odesa", False),
        (SUMMIT, "Hanoi (the second Trump-Kim summit, not Singapore)", False),
        (SUMMIT, "سنغافورة، هانوي", False),
        # a possessive and an ordinal in a description
        (CITY, "Kharkiv, Ukraine's 2nd biggest city", True),
        (CITY, "Kharkiv, the 2nd city of Ukraine", True),
        (CITY, "خاركيف، ثاني أكبر مدن أوكرانيا", True),
        (CITY, "Kharkiv, Kyiv's neighbour", False), (CITY, "Kharkiv, 2nd Kyiv", False),
        (CITY, "خاركيف، كييف", False),
        # in a sentence the answer's frame may come again as context, not filled by a rival
        (NAME, "they call it the axis of evil, though Bush's axis was Iran, Iraq and North Korea",
         True),
        (NAME, "يسمونه محور الشر، مع أن محور بوش كان إيران والعراق وكوريا الشمالية", True),
        (NAME, "they call it the axis of evil, though it is really the axis of upheaval", False),
        (NAME, "axis of evil, axis of upheaval", False),
    ],
)  # fmt: skip
def test_a_description_after_the_key(q, answer, right):
    assert (grade(q, answer, bank=BANK).verdict == "correct") is right, answer
