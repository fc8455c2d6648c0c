"""List scoring as questions/README.md states it: each item named earns 1/need, each wrong item
costs half an item, the score never drops below 0, and only a full score is `correct`. A word cut
short ("tech") counts as the one item word it begins. Both languages; invented questions."""

from __future__ import annotations

import pytest
from grading.build import listing, loc

from tutor.grading import grade

FIELDS = listing(loc("التكنولوجيا", "technology"), loc("الفضاء", "space"),
                 loc("الطاقة النووية السلمية", "peaceful nuclear energy"))  # fmt: skip
TWO_TECH = listing(loc("التكنولوجيا", "technology"), loc("التدريب التقني", "technical training"),
                   loc("الفضاء", "space"))  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "verdict", "score"),
    [
        (FIELDS, "technology, space, peaceful nuclear energy", "correct", 1.0),
        (FIELDS, "التكنولوجيا، الفضاء، الطاقة النووية السلمية", "correct", 1.0),
        # a word cut short is the item word it begins
        (FIELDS, "tech, space, peaceful nuclear energy", "correct", 1.0),
        (FIELDS, "tech and space", "partial", 0.6667),
        # ... not when it begins two items' words: then it is no item
        (TWO_TECH, "tech, space", "partial", 0.1667),
        # a wrong item costs half an item: (2 - 0.5) / 3
        (FIELDS, "technology, space, agriculture", "partial", 0.5),
        (FIELDS, "التكنولوجيا، الفضاء، الزراعة", "partial", 0.5),
        # one right and two wrong: (1 - 1) / 3 is nothing
        (FIELDS, "space, agriculture, tourism", "incorrect", 0.0),
        (FIELDS, "الفضاء، الزراعة، السياحة", "incorrect", 0.0),
    ],
)  # fmt: skip
def test_list_scoring(q, answer, verdict, score) -> None:
    v = grade(q, answer)
    assert (v.verdict, v.score) == (verdict, score), answer
