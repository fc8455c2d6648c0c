"""A choice of people answered by describing one ("the Hull professor"): the option whose person
the bank describes with every word of the description, and only when it fits exactly one."""

from __future__ import annotations

import pytest
from grading.build import loc

from tutor.bank.model import Bank, Question
from tutor.grading import grade

DOVER = loc("روبرت دوفر", "Robert Dover")
RUMER = loc("يوجين رومر", "Eugene Rumer")
ZAKHAROVA = loc("ماريا زاخاروفا", "Maria Zakharova")
PUTIN = loc("فلاديمير بوتين", "Vladimir Putin")

WHO_HULL = Question(
    "who-hull", "text", DOVER,
    prompt=loc("من هو أستاذ جامعة هال الذي نقل عنه المقال مرتين؟",
               "Who is the University of Hull professor quoted twice?"),
)  # fmt: skip
WHO_CARNEGIE = Question(
    "who-carnegie", "text", RUMER,
    prompt=loc("من هو محلل كارنيغي؟", "Who is the Carnegie analyst in the article?"),
)  # fmt: skip
SAID_VISIT = Question(
    "said-visit", "choice", 3, choices=(DOVER, RUMER, ZAKHAROVA, PUTIN),
    prompt=loc("من الذي كشف المدينة التي سيزورها؟", "Who revealed which city he would visit?"),
    explanation=loc(None, "Maria Zakharova, the Russian foreign ministry spokeswoman, declined to "
                          "comment. The Russian president Vladimir Putin said it himself."),
)  # fmt: skip
SAID_BLOC = Question(
    "said-bloc", "choice", 0, choices=(DOVER, RUMER, ZAKHAROVA),
    prompt=loc("من الذي قال إن كتلة مناهضة للغرب تتشكل؟", "Who said an anti-Western bloc is forming?"),
)  # fmt: skip
BANK = Bank([WHO_HULL, WHO_CARNEGIE, SAID_VISIT, SAID_BLOC], {}, [], [])


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # the bank's question asking for Dover describes him
        (SAID_BLOC, "the Hull professor", True),
        (SAID_BLOC, "أستاذ جامعة هال", True),
        (SAID_BLOC, "the Carnegie analyst", False),  # Rumer, described as such: wrong
        (SAID_BLOC, "the professor", False),  # one word describes too many
        (SAID_BLOC, "the Russian foreign ministry spokeswoman", False),
        # an explanation describes the person named next to the words
        (SAID_VISIT, "the Russian president himself", True),
        (SAID_VISIT, "الرئيس الروسي نفسه", True),
        (SAID_VISIT, "the Russian foreign ministry spokeswoman", False),
        (SAID_VISIT, "the Hull professor", False),
        # words that fit no option, or that no option's description holds all of
        (SAID_BLOC, "the Chinese professor at Carnegie", False),
    ],
)  # fmt: skip
def test_a_description_names_the_one_option_it_fits(q, answer, right):
    assert (grade(q, answer, bank=BANK).verdict == "correct") is right, answer


def test_a_description_needs_the_bank():
    """Without a bank there is nothing to say who is who: no description picks an option."""
    assert grade(SAID_BLOC, "the Hull professor").verdict == "incorrect"
