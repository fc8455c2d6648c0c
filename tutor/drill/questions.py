"""A drill's questions as the rules see them: what a student may be shown (never the key), how
an attempt is graded and recorded, and what the reveal shows. Shared by the self-paced drill and
the host, so that both grade and record the same way. No UI, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tutor import grading
from tutor.bank.model import Bank, Localized, Question
from tutor.drill.results import ResultRow, now_iso
from tutor.drill.spec import DrillSpec
from tutor.engine import evidence as _evidence
from tutor.engine.options import item_order, option_order
from tutor.grading.verdict import CORRECT, Verdict

GRACE = 2.0  # seconds after a deadline an answer still counts (the network, a slow Enter)
MAX_ANSWER = 500  # characters; longer is refused before grading
CACHE_SIZE = 50_000  # verdicts a host remembers


def _loc(x: Localized | None) -> dict[str, str] | None:
    if x is None:
        return None
    return {k: v for k, v in (("ar", x.ar), ("en", x.en)) if v}


def shown_order(q: Question, seed: int) -> tuple[int, ...]:
    """A choice question's options, or an order question's items, as shown (bank indexes)."""
    if q.type == "choice" and q.choices:
        return option_order(q.id, len(q.choices), seed)
    if q.type == "order" and isinstance(q.answer, tuple):
        return item_order(q.id, len(q.answer), seed)
    return ()


def prompt_payload(
    q: Question, spec: DrillSpec, index: int, total: int, bank: Bank
) -> dict[str, Any]:
    """What a student sees of question `index`: the prompt, the options or items as shown, the
    unit. Built field by field from what is safe: never `answer`, `accept`, `reject`, evidence,
    the explanation or the hint (sent only when asked for, if the spec allows hints)."""
    shown = shown_order(q, spec.seed)
    options: list[dict[str, str] | None] = []
    if q.type == "choice":
        options = [_loc(q.choices[i]) for i in shown]
    elif q.type == "order" and isinstance(q.answer, tuple):
        options = [_loc(q.answer[i]) for i in shown]  # the items, never in their right order
    article = bank.article_of(q)
    need = q.needed if q.type == "list" else None
    return {
        "index": index,
        "total": total,
        "id": q.id,
        "qtype": q.type,
        "prompt": _loc(q.prompt),
        "options": options,
        "unit": _loc(q.unit),
        "need": need,
        "article": _loc(article.label) if article and article.label else None,
        "has_hint": bool(spec.hints and q.hint is not None),
        "attempts": spec.attempts,
    }


def choice_texts(q: Question, spec: DrillSpec) -> tuple[str, ...]:
    """A choice question's options as shown, as text `tutor grade` reads back (`choices`)."""
    if q.type != "choice":
        return ()
    return tuple(q.choices[i].get(spec.lang) for i in shown_order(q, spec.seed))


@dataclass(frozen=True)
class Graded:
    row: ResultRow
    final: bool  # no more attempts on this question
    reason: str = ""
    reason_ar: str = ""


def grade_attempt(
    q: Question,
    answer: str,
    *,
    spec: DrillSpec,
    bank: Bank,
    student: str,
    attempt: int,
    hints: int,
    seconds: float,
    late: bool,
    cache: dict[tuple[str, str], Verdict] | None = None,
) -> Graded:
    """Grade one attempt and build its results line. A late answer keeps its verdict (the
    teacher may want to see it) and scores 0; it ends the question. `cache`: verdicts by
    (question, answer) — a class gives the same answers many times, in one drill (one seed, so
    one option order per question)."""
    shown = shown_order(q, spec.seed)
    key = (q.id, answer)
    v = cache.get(key) if cache is not None else None
    if v is None:
        v = grading.grade(q, answer, bank=bank, shown=shown or None)
        if cache is not None:
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            cache[key] = v
    row = ResultRow(
        drill=spec.title,
        drill_digest=spec.digest,
        student=student,
        id=q.id,
        answer=answer,
        verdict=v.verdict,
        score=0.0 if late else v.score,
        seconds=round(seconds, 3),
        attempt=attempt,
        hints=hints,
        late=late,
        at=now_iso(),
        shown=shown,
        choices=choice_texts(q, spec),
    )
    final = late or v.verdict == CORRECT or attempt >= spec.attempts
    return Graded(row, final, v.reason, v.reason_ar)


def closed_row(
    q: Question,
    verdict: str,
    *,
    spec: DrillSpec,
    student: str,
    attempt: int,
    hints: int,
    seconds: float,
) -> ResultRow:
    """The line for a question ended without an answer: `skipped` or `timeout`."""
    return ResultRow(
        drill=spec.title,
        drill_digest=spec.digest,
        student=student,
        id=q.id,
        answer="",
        verdict=verdict,
        score=0.0,
        seconds=round(seconds, 3),
        attempt=attempt,
        hints=hints,
        at=now_iso(),
        shown=shown_order(q, spec.seed),
        choices=choice_texts(q, spec),
    )


def reveal_payload(q: Question, bank: Bank) -> dict[str, Any]:
    """The answer, the passages that prove it (answer spans marked), the explanation."""
    passages = []
    for article, start, end, spans in _evidence.find_all(bank, q):
        passages.append(
            {
                "title": _loc(article.label) or {"en": article.display_title("en")},
                "text": article.text[start:end],
                "marks": [list(s) for s in spans],
            }
        )
    return {
        "id": q.id,
        "answer": {"ar": q.answer_text("ar"), "en": q.answer_text("en")},
        "evidence": passages,
        "explanation": _loc(q.explanation),
    }


def is_final(row: ResultRow, spec: DrillSpec) -> bool:
    """Whether `row` ended its question for its student."""
    return (
        row.late
        or row.verdict in (CORRECT, "skipped", "timeout")
        or row.attempt >= spec.attempts
        or row.regraded_by is not None
    )
