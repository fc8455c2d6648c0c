"""A small fixed bank (tests/data/engine_bank), a recorder that remembers, and a clock we turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.bank import Bank, load_bank
from tutor.engine.ports import AnswerRecord
from tutor.engine.session import RoundSpec, Session

BANK_DIR = Path(__file__).resolve().parent.parent / "data" / "engine_bank"


class ListRecorder:
    def __init__(self) -> None:
        self.records: list[AnswerRecord] = []

    def record(self, rec: AnswerRecord) -> None:
        self.records.append(rec)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank(BANK_DIR)


@pytest.fixture
def recorder() -> ListRecorder:
    return ListRecorder()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session_of(bank, recorder, clock):
    """A Session over the named questions, in that order."""

    def make(*ids: str, mode: str = "plain") -> Session:
        qs = [bank.get(i) for i in ids]
        assert all(qs), ids
        return Session(bank, RoundSpec(length=len(qs)), recorder=recorder, mode=mode,
                       questions=qs, clock=clock)  # fmt: skip

    return make
