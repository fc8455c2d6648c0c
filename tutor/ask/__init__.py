"""Ask the articles: a learner's own question answered with the passages that answer it.

Only the articles' own words come back (and the bank's questions on the same passage); when
nothing answers well enough the result says so (`answered` False) rather than guess.
"""

from __future__ import annotations

from tutor.ask.search import Passage, Result, index_for, search

__all__ = ["Passage", "Result", "index_for", "search"]
