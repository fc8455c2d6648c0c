"""The question bank: its format, loading and checking.

The loader (and with it PyYAML) is imported on first use, so that a start-up served from the
bank cache (cache.py) never parses YAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tutor.bank.model import Article, Bank, Localized, PartialDate, Question, Quote
from tutor.bank.problems import BankError, Problem

if TYPE_CHECKING:
    from tutor.bank.load import load_bank, load_file

__all__ = [
    "Article", "Bank", "BankError", "Localized", "PartialDate", "Problem", "Question", "Quote",
    "load_bank", "load_file",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in ("load_bank", "load_file"):
        from tutor.bank import load

        return getattr(load, name)
    raise AttributeError(f"module 'tutor.bank' has no attribute {name!r}")
