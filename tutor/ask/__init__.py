"""Ask the articles: a learner's own question answered with the passages that answer it.

Only the articles' own words come back (and the bank's questions on the same passage); when
nothing answers well enough the result says so (`answered` False) rather than guess. Names are
loaded on first use: the chat imports tutor.ask.rule on every line, and the index (numpy, bm25s)
only when a question is asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.ask.lookup import Passage, Result, index_for, search

__all__ = ["Passage", "Result", "index_for", "search"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        import importlib

        return getattr(importlib.import_module("tutor.ask.lookup"), name)
    raise AttributeError(name)
