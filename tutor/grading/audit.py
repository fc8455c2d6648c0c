"""The bank's self-tests, run by `tutor check`: the grader must agree with what authors wrote.

Besides each question's own `accept`/`reject`, answers are compared across questions: when the
grader would take one question's answer for another's (كيم جونغ أون / كيم جونغ إيل), a learner
could be marked right for naming the wrong person, and only an explicit `reject` settles it.
"""

from __future__ import annotations

from collections import defaultdict

from tutor.bank.model import Bank, Localized, Question
from tutor.bank.problems import Problem
from tutor.grading import grade
from tutor.grading.normalize import normalize


def _where(q: Question) -> tuple:
    return (q.location.file, q.location.line) if q.location else (None, None)


def _self_tests(bank: Bank, q: Question) -> list[Problem]:
    out: list[Problem] = []
    file, line = _where(q)
    for a in q.accept:
        v = grade(q, a, bank=bank)
        if not v.correct:
            out.append(Problem(file, line, f"accepted form {a!r} grades {v.verdict}: {v.reason}",
                               qid=q.id, field="accept"))  # fmt: skip
    for r in q.reject:
        v = grade(q, r, bank=bank, honour_reject=False)
        if v.verdict != "incorrect":
            out.append(Problem(
                file, line, f"rejected form {r!r} is wrong only because it is listed: the grader "
                f"alone grades it {v.verdict}", qid=q.id, field="reject", severity="warning",
            ))  # fmt: skip
    return out


def _text_forms(q: Question) -> tuple[str, ...]:
    return q.answer.forms() if isinstance(q.answer, Localized) else ()


def _cross(bank: Bank, texts: list[Question]) -> list[Problem]:
    """Text answers the grader confuses with one another, or that are the same answer."""
    out: list[Problem] = []
    by_norm: dict[str, list[Question]] = defaultdict(list)
    for q in texts:
        for key in {normalize(f) for f in _text_forms(q)}:
            by_norm[key].append(q)
    same = {frozenset(x.id for x in qs) for qs in by_norm.values() if len(qs) > 1}
    for ids in sorted(same, key=sorted):
        first, *rest = sorted(ids)
        q = bank.get(first)
        assert q is not None
        file, line = _where(q)
        out.append(Problem(file, line, f"same answer as {', '.join(rest)} (normalised)",
                           qid=first, field="answer", severity="warning"))  # fmt: skip
    for q in texts:
        mine = {normalize(f) for f in (*_text_forms(q), *q.accept)}
        for other in texts:
            if other is q:
                continue
            for form in _text_forms(other):
                if normalize(form) in mine:
                    continue  # the same answer, reported above
                if grade(q, form, bank=bank).correct:
                    file, line = _where(q)
                    out.append(Problem(
                        file, line,
                        f"the grader accepts {form!r} (the answer to {other.id}) for this "
                        "question: add it to reject if it is wrong, or to accept if it is right",
                        qid=q.id, field="reject",
                    ))  # fmt: skip
                    break
    return out


def _digits(q: Question) -> list[Problem]:
    forms = _text_forms(q)
    if not any(c.isdigit() for f in forms for c in normalize(f)):
        return []
    file, line = _where(q)
    return [Problem(file, line, "a text answer holding digits: a figure, year or date is graded "
                    "better as type number, year or date", qid=q.id, field="answer",
                    severity="warning")]  # fmt: skip


def _order(bank: Bank, q: Question) -> list[Problem]:
    """An order question's items, typed in order by name in each language, must grade correct and
    reversed incorrect; each form of each item must name that item alone."""
    from tutor.grading.by_list import _segments
    from tutor.grading.by_text import judge
    from tutor.grading.prepared import prepared

    items = q.answer
    assert isinstance(items, tuple)
    file, line = _where(q)
    out: list[Problem] = []

    def problem(message: str) -> None:
        out.append(Problem(file, line, message, qid=q.id, field="answer"))

    p = prepared(q, bank)
    for i, item in enumerate(items):
        for form in item.forms():
            words = tuple(normalize(form).split())
            also = [j + 1 for j, t in enumerate(p.targets) if j != i and judge(t, words, p).ok]
            got = [idx for idx, _ in _segments(p, words)]
            if also or got != [i]:
                read = ", ".join(str(j) for j in also) if also else (
                    ", ".join("?" if g is None else str(g + 1) for g in got) or "nothing"
                )  # fmt: skip
                problem(f"item {i + 1}'s form {form!r} is also read as item {read}: "
                        "make the items' names tell them apart")  # fmt: skip
    if out:
        return out
    for lang in ("ar", "en"):
        sep = "، " if lang == "ar" else ", "
        right = sep.join(item.get(lang) for item in items)
        v = grade(q, right, bank=bank)
        if not v.correct:
            problem(f"the right order typed by name ({lang}) grades {v.verdict}: {v.reason}")
        wrong = sep.join(item.get(lang) for item in reversed(items))
        v = grade(q, wrong, bank=bank)
        if v.verdict != "incorrect":
            problem(f"the reverse order typed by name ({lang}) grades {v.verdict}")
    return out


def audit(bank: Bank) -> list[Problem]:
    """Every `accept` grades correct, every `reject` incorrect, no two answers are confused, and
    an order question's items are told apart, in order and reversed.

    A reject the rules alone would pass is a warning, not an error: the author's list settles it,
    but it marks a place where the grader is weaker than a teacher.
    """
    problems: list[Problem] = []
    for q in bank.questions:
        problems += _self_tests(bank, q)
        if q.type == "text":
            problems += _digits(q)
        if q.type == "order":
            problems += _order(bank, q)
    problems += _cross(bank, [q for q in bank.questions if q.type == "text"])
    return problems
