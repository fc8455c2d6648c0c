"""A small bank built in code and a fresh store per test."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tutor.bank.model import Article, Bank, Localized, Question
from tutor.engine.ports import AnswerRecord
from tutor.store import open_store
from tutor.store.db import Store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning


def question(qid: str, article: str, *tags: str) -> Question:
    return Question(
        id=qid,
        type="text",
        answer=Localized(en="answer"),
        prompt=Localized(en=f"question {qid}?"),
        tags=tags,
        article=article,
    )


def make_bank(questions: list[Question]) -> Bank:
    arts = {q.article for q in questions if q.article}
    return Bank(
        questions=questions,
        articles={a: Article(id=a, text="text", title=f"Article {a.upper()}") for a in arts},
    )


@pytest.fixture
def bank() -> Bank:
    qs = [question(f"a{i}", "a", "summits" if i % 2 else "arms") for i in range(1, 5)]
    qs += [question(f"b{i}", "b", "arms") for i in range(1, 4)]
    qs += [question(f"c{i}", "c", "economy") for i in range(1, 3)]
    return make_bank(qs)


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "data")
    yield s
    s.close()


def rec(
    qid: str,
    at: datetime,
    verdict: str = "correct",
    *,
    score: float | None = None,
    seconds: float = 20.0,
    hints: int = 0,
    override: bool = False,
    attempt: int = 1,
    answer: str = "typed",
) -> AnswerRecord:
    if score is None:
        score = {"correct": 1.0, "partial": 0.5}.get(verdict, 0.0)
    return AnswerRecord(
        question_id=qid,
        answered_at=at,
        answer=answer,
        verdict=verdict,
        score=score,
        seconds=seconds,
        hints=hints,
        mode="plain",
        override=override,
        attempt=attempt,
    )


def answer_all(store: Store, qids: list[str], at: datetime, verdict: str = "correct") -> None:
    for i, qid in enumerate(qids):
        store.record(rec(qid, at + timedelta(seconds=i), verdict))


@pytest.fixture
def h():
    """The helpers above, for test modules (conftest is not importable with importlib mode)."""
    from types import SimpleNamespace

    return SimpleNamespace(
        T0=T0, rec=rec, question=question, make_bank=make_bank, answer_all=answer_all
    )
