"""A simulated class of 30 (tests/bench/make_class.py), written once per session, and a builder
of hand-made result rows for exact figures."""

from __future__ import annotations

import pytest
from bench.make_class import make_class

from tutor.bank import Bank, load_bank
from tutor.drill.results import ResultRow


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank(None)


@pytest.fixture(scope="session")
def class_dir(tmp_path_factory, bank):
    out = tmp_path_factory.mktemp("class")
    make_class(bank, out, students=30, questions=12, seed=7)
    return out


def row(student: str, qid: str, verdict: str, score: float, **kw) -> ResultRow:
    base = dict(drill="Week 1", drill_digest="sha256:0123456789abcdef", student=student, id=qid,
                answer=kw.pop("answer", "x"), verdict=verdict, score=score,
                seconds=kw.pop("seconds", 10.0), attempt=kw.pop("attempt", 1), hints=0)  # fmt: skip
    return ResultRow(**base, **kw)
