"""The bank's self-tests, run by `tutor check`: the grader must agree with what authors wrote."""

from __future__ import annotations

from tutor.bank.model import Bank
from tutor.bank.problems import Problem
from tutor.grading.grade import grade


def audit(bank: Bank) -> list[Problem]:
    """Every `accept` must grade correct and every `reject` incorrect."""
    problems: list[Problem] = []
    for q in bank.questions:
        file, line = (q.location.file, q.location.line) if q.location else (None, None)
        for a in q.accept:
            v = grade(q, a, bank=bank)
            if not v.correct:
                problems.append(
                    Problem(file, line, f"accepted form {a!r} grades {v.verdict}: {v.reason}",
                            qid=q.id, field="accept")
                )  # fmt: skip
        for r in q.reject:
            v = grade(q, r, bank=bank)
            if v.verdict != "incorrect":
                problems.append(
                    Problem(file, line, f"rejected form {r!r} grades {v.verdict}: {v.reason}",
                            qid=q.id, field="reject")
                )  # fmt: skip
    return problems
