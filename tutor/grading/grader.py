"""grade(question, answer): the one entry point every front end and `tutor grade` call.

Pure: no I/O, no printing. Per-question work is cached (prepared.py), so a call costs microseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tutor.bank.model import Bank, Question
from tutor.grading import reasons as R
from tutor.grading.by_bool import grade_bool
from tutor.grading.by_choice import grade_choice
from tutor.grading.by_date import grade_date
from tutor.grading.by_list import grade_list
from tutor.grading.by_number import grade_number
from tutor.grading.by_order import grade_order
from tutor.grading.by_text import grade_text
from tutor.grading.normalize import normalize
from tutor.grading.polarity import polarity
from tutor.grading.prepared import Prepared, prepared
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import FILLER, NO_ANSWER

MAX_ANSWER = 2000
"""Characters. Longer is a pasted page, not an answer: wrong at once, before any rule reads it,
so that a huge paste (or a hostile line in `tutor grade`) costs nothing and trips no parser."""


def is_no_answer(answer: str) -> bool:
    """Empty, "لا أعرف", "I don't know": wrong, but nothing to correct."""
    norm = normalize(answer)
    return not norm or norm in NO_ANSWER


def grade(
    question: Question,
    answer: str,
    *,
    bank: Bank | None = None,
    honour_reject: bool = True,
    shown: Sequence[int] | None = None,
) -> Verdict:
    """Grade one answer. `bank` adds bank-wide knowledge (is a family name shared?).

    `shown` is the order the learner saw a choice question's options in (indexes into
    `question.choices`, or an order question's items): "2" or "ب" means the second option *as
    shown*. None: the bank's order.

    A form the author listed in `reject` is wrong whatever the rules say; `tutor check` turns that
    off (`honour_reject=False`) to see whether the rules alone tell it apart.
    """
    if len(answer) > MAX_ANSWER:
        return R.incorrect(R.NOT_AN_ANSWER)
    norm = normalize(answer)
    if not norm or norm in NO_ANSWER:
        return R.incorrect(no_answer=True)
    p = prepared(question, bank)
    v = _asserted(p, answer, norm, shown)
    if honour_reject and norm in p.rejects and v.verdict != "incorrect":
        return R.incorrect()  # the author listed it as wrong: the bank has the last word
    return v


_DENIAL_TYPES = frozenset({"text", "number", "year", "date", "choice", "list"})


def _asserted(p: Prepared, answer: str, norm: str, shown: Sequence[int] | None) -> Verdict:
    """Grade what the answer asserts: "not Dover" gives no answer, "2000, not 1961" gives 2000.

    A denied part that is itself right contradicts the rest ("2000, not 2000").
    """
    if p.question.type not in _DENIAL_TYPES or not p.negatable or norm.count(" ") > 60:
        return _by_type(p, answer, norm, shown)  # (a paragraph is too long whatever it denies)
    pol = polarity(answer)
    said = normalize(pol.asserted)
    if not pol.has_denial:  # "no doubt Hull": the affirmation is dropped
        return _by_type(p, pol.asserted if said and said != norm else answer, said or norm, shown)
    if not said or all(w in FILLER for w in said.split()):
        return R.incorrect(R.DENIED)
    v = _by_type(p, pol.asserted, said, shown)
    if v.verdict != "incorrect":
        for part in pol.denied:
            if _by_type(p, part, normalize(part), shown).verdict != "incorrect":
                return R.incorrect(R.DENIED)
    return v


def _by_type(p: Prepared, answer: str, norm: str, shown: Sequence[int] | None) -> Verdict:
    t = p.question.type
    if t == "text":
        return grade_text(p, norm)
    if t in ("number", "year"):
        return grade_number(p, answer)
    if t == "date":
        return grade_date(p, answer)
    if t == "list":
        return grade_list(p, answer)
    if t == "choice":
        return grade_choice(p, norm, shown, answer)
    if t == "bool":
        return grade_bool(p, norm, answer)
    if t == "order":
        return grade_order(p, answer, norm, shown)
    raise ValueError(f"unknown question type {t!r}")  # the loader lets no other type through


def warm(questions: Iterable[Question], bank: Bank | None = None) -> None:
    """Prepare `questions` ahead of their answers, so the first verdict costs no more than the
    rest. Front ends call it in the background once the first question is on screen."""
    for q in questions:
        prepared(q, bank)
