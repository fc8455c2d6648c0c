"""A clock we turn, and sessions over the shared fixed bank (see tests/conftest.py)."""

from __future__ import annotations

import pytest

from tutor.engine.session import RoundSpec, Session


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


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
