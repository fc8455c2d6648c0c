"""A learner restates an option in other words: synonyms and definitions of news language in both
languages ("know-how" = expertise, "centres of power" = poles, "مضمون" = محتوى), a word cut short
("tech" for technological), and a prohibition said as "not to …" for an option's "no …". The option
restated best, by a margin, is picked; near misses stay wrong. Invented questions."""

from __future__ import annotations

import pytest
from grading.build import loc

from tutor.bank.model import Question
from tutor.grading import grade


def pick(prompt: tuple[str, str], *options: tuple[str, str], answer: int) -> Question:
    return Question(
        "c", "choice", answer, prompt=loc(*prompt), choices=tuple(loc(*o) for o in options)
    )


GIVES = pick(
    ("ماذا يقدم الحليف في المقابل؟", "What does the ally give in return?"),
    ("شحنات النفط والحبوب", "oil and grain shipments"),
    ("مدفوعات بالعملة الصعبة", "hard-currency payments"),
    ("الخبرة التكنولوجية", "technological expertise"),
    answer=2,
)
WORLD = pick(
    ("ما الذي تعهد ببنائه؟", "What did he pledge to build?"),
    ("نظام أمني أوراسي جديد", "a new Eurasian security order"),
    ("عالم جديد متعدد الأقطاب", "a new multipolar world"),
    ("اتحاد جديد بين دول ذات سيادة", "a new union of sovereign states"),
    answer=1,
)
TALKS = pick(
    ("كيف وصف المتحدث المباحثات؟", "How did the spokesman describe the talks?"),
    ("تاريخية وودية", "historic and friendly"),
    ("صعبة لكنها ضرورية", "difficult but necessary"),
    ("غنية المحتوى", "rich in content"),
    answer=2,
)
CHANGED = pick(
    ("كيف تغيّر الحزب؟", "How has the party changed?"),
    ("أصبح أكثر تطرفا", "it has become more radical"),
    ("أصبح أكثر حذرا", "it has become more cautious"),
    ("أصبح أكثر انفتاحا على الحوار", "it has grown more open to dialogue"),
    answer=0,
)
CLAUSE = pick(
    ("ماذا يلزم البند كل طرف؟", "What does the clause bind each side to?"),
    ("أن يعاقب من يعاقب الآخر", "to sanction anyone who sanctions the other"),
    ("أن يبلغ الآخر بكل اتفاق", "to tell the other of every deal it signs"),
    ("عدم عقد صفقات مع دول تهدد الآخر", "no deals with states that threaten the other"),
    answer=2,
)


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        (GIVES, "tech know-how", True), (GIVES, "technology know-how", True),
        (GIVES, "الدراية التقنية", True), (GIVES, "خبرات تكنولوجية", True),
        (GIVES, "tech shipments of oil", False), (GIVES, "مدفوعات تقنية بالعملة الصعبة", False),
        (WORLD, "a world with many centres of power", True),
        (WORLD, "عالم متعدد مراكز القوة", True), (WORLD, "a world with one centre of power", False),
        (TALKS, "substantive, full of content", True), (TALKS, "مضمونها غني", True),
        (TALKS, "friendly content", False),
        (CHANGED, "more extreme", True), (CHANGED, "أكثر راديكالية", True),
        (CHANGED, "less extreme", False), (CHANGED, "more careful", False),
        (CLAUSE, "not to make agreements with states that threaten the other side", True),
        (CLAUSE, "لا صفقات مع دول تهدد الطرف الآخر", True),
        (CLAUSE, "to make deals with states that threaten the other", False),
    ],
)  # fmt: skip
def test_an_option_restated_in_other_words(q, answer, right) -> None:
    assert grade(q, answer).correct is right, answer
