"""Is a typed word a word? A spelling slip must not turn one real word into another.

"Iraq" is one letter from "Iran", "dependent" two from "independent", "Taurus" one from "Aurus":
each is a word a learner may mean, so none is forgiven as a slip. The list (data/common-words.txt,
about 54,000 folded English and Arabic words from wordfreq) is read on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Prefixes that turn a word into its opposite: never a slip, whatever the list says.
_ANTONYM_PREFIXES = ("in", "un", "non", "dis", "im", "il", "ir", "anti", "de")
# Endings that make another form of the same word: "sanction"/"sanctions" is a slip at most.
_INFLECTIONS = frozenset(
    ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "ات", "ون", "ين", "ه", "ي", "ا", "ان"]
)


@cache
def common_words() -> frozenset[str]:
    text = resources.files("tutor.grading").joinpath("data/common-words.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in _INFLECTIONS


def opposite(a: str, b: str) -> bool:
    """One word is the other with a negating prefix ("dependent" / "independent")."""
    short, long = sorted((a, b), key=len)
    return any(long == p + short for p in _ANTONYM_PREFIXES)


def slip_allowed(given: str, expected: str) -> bool:
    """May `given` (a few edits from `expected`) count as a misspelling of it?"""
    if opposite(given, expected):
        return False
    if _inflected(given, expected):
        return True
    return given not in common_words()
