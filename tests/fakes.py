"""Test doubles shared by the engine, UI and plain-mode tests: the fixed bank and a recorder."""

from __future__ import annotations

from pathlib import Path

from tutor.engine.ports import AnswerRecord

BANK_DIR = Path(__file__).resolve().parent / "data" / "engine_bank"


class ListRecorder:
    """Remembers every record, so a test can read what the store would have been told."""

    def __init__(self) -> None:
        self.records: list[AnswerRecord] = []

    def record(self, rec: AnswerRecord) -> None:
        self.records.append(rec)
