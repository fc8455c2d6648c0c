"""Shared test fixtures: every test gets its own progress folder, never the user's; the small
fixed bank and a recorder that remembers, for the engine, UI and plain-mode tests."""

from __future__ import annotations

import pytest
from fakes import BANK_DIR, ListRecorder

from tutor.bank import Bank, load_bank


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path_factory.mktemp("tutor-home")))


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank(BANK_DIR)


@pytest.fixture
def recorder() -> ListRecorder:
    return ListRecorder()
