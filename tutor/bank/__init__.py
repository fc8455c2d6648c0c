"""The question bank: its format, loading and checking."""

from tutor.bank.load import load_bank, load_file
from tutor.bank.model import Article, Bank, Localized, PartialDate, Question
from tutor.bank.problems import BankError, Problem

__all__ = [
    "Article", "Bank", "BankError", "Localized", "PartialDate", "Problem", "Question",
    "load_bank", "load_file",
]  # fmt: skip
