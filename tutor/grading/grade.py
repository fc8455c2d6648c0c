"""Placeholder grader: exact match after light normalisation (replaced by the real grader)."""

from __future__ import annotations

import unicodedata

from tutor.bank.model import Bank, Localized, Question
from tutor.grading.verdict import CORRECT, INCORRECT, Verdict


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


def _forms(q: Question) -> list[str]:
    a = q.answer
    if isinstance(a, Localized):
        return [*a.forms(), *q.accept]
    return [q.answer_text("en"), q.answer_text("ar"), *q.accept]


def grade(question: Question, answer: str, *, bank: Bank | None = None) -> Verdict:
    given = _norm(answer)
    for form in _forms(question):
        if _norm(form) == given:
            return Verdict(CORRECT, 1.0, "correct", matched=form)
    return Verdict(INCORRECT, 0.0, "not the expected answer")
