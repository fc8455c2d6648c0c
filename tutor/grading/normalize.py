"""One normaliser for every answer type, so that script and keyboard habits never cost a mark.

`fold` keeps punctuation (numbers and dates need their separators); `normalize` also turns
punctuation into spaces and collapses whitespace, for comparing words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Harakat, Quranic marks, superscript alef, tatweel, and Latin combining accents (after NFD,
# so that é → e and أ → ا + hamza mark → ا): dropped.
_DROP = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

_LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ة": "ه",
        "ى": "ي", "ی": "ي", "ئ": "ي",
        "ؤ": "و",
        "ک": "ك", "گ": "ك",
        "ڤ": "ف", "پ": "ب", "چ": "ج",
        "ء": "",
        # Arabic-Indic and Persian digits, Arabic decimal and thousands separators
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "٫": ".", "٬": ",",
        # Arabic punctuation to its Latin twin
        "،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"',
        # apostrophes vanish (O'Brien = OBrien); dashes become hyphens
        "'": "", "’": "", "‘": "", "`": "", "ʼ": "", "ʻ": "",
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "“": '"', "”": '"',
        "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u061c": "", "\ufeff": "",
    }
)  # fmt: skip

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """NFKC, case folding, accents and Arabic marks dropped, letters and digits folded.

    Punctuation is kept. Idempotent: fold(fold(s)) == fold(s).
    """
    s = unicodedata.normalize("NFKC", text).casefold()
    if not s.isascii():
        if any(c.isdigit() and not c.isdecimal() for c in s):  # "፩", "①" after NFKC: no
            s = "".join(" " if c.isdigit() and not c.isdecimal() else c for c in s)  # number reads
        s = _DROP.sub("", unicodedata.normalize("NFD", s))
        s = unicodedata.normalize("NFC", s).translate(_LETTERS)
        s = _DROP.sub("", s)
    elif "'" in s or "`" in s:
        s = s.replace("'", "").replace("`", "")
    return _SPACE.sub(" ", s).strip()


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """`fold`, then punctuation and hyphens to spaces: the form words are compared in."""
    s = _PUNCT.sub(" ", fold(text))
    return _SPACE.sub(" ", s).strip()


def words(text: str) -> list[str]:
    return normalize(text).split()


PROCLITICS = ("و", "ف", "ب", "ك", "ل")


@lru_cache(maxsize=65536)
def word_variants(word: str) -> tuple[str, ...]:
    """Extra forms of one Arabic word without its proclitic and article (وبالصين → الصين, صين).

    Never a normalisation step of its own: stripping ال or و from every word breaks names
    (واشنطن → اشنطن), so these are only tried alongside the word as written.
    """
    out = [word]
    w = word
    if word.isascii():
        if len(word) > 4 and word.startswith(("al", "el")):
            out.append(word[2:])  # the article glued on in Latin letters: "Alhal" = "hal"
        return tuple(out)
    if len(w) > 3 and w[0] in PROCLITICS:
        w = w[1:]
        out.append(w)
        if len(w) > 3 and w[0] in PROCLITICS and w[0] != "و":
            w = w[1:]
            out.append(w)
    for v in list(out):
        if (v.startswith("ال") and len(v) > 4) or (v.startswith("لل") and len(v) > 4):
            out.append(v[2:])
    return tuple(dict.fromkeys(out))


def deletions(word: str, k: int) -> set[str]:
    """`word` with up to `k` letters deleted, in every way."""
    out = {word}
    edge = {word}
    for _ in range(k):
        edge = {w[:i] + w[i + 1 :] for w in edge for i in range(len(w))}
        out |= edge
    return out


class NearIndex:
    """A fixed vocabulary under every string its words make with up to `k` letters deleted, so
    that the words within `k` edits of a typed word (optimal string alignment: an edit deletes
    at most one letter on each side to reach a common string) are found with a few lookups,
    not an alignment with every word. `near` gives those candidates, a superset."""

    def __init__(self, words: Iterable[str], k: int) -> None:
        self.k = k
        self._index: dict[str, set[str]] = {}
        self._longest = 0
        for w in words:
            self._longest = max(self._longest, len(w))
            for d in deletions(w, k):
                self._index.setdefault(d, set()).add(w)

    def near(self, tok: str, k: int) -> set[str]:
        """Every word of the vocabulary that may be within `k` (at most the index's) edits."""
        assert k <= self.k
        out: set[str] = set()
        if len(tok) > self._longest + k:
            return out  # longer than any word by more than k letters (and quick: no deletions)
        for d in deletions(tok, k):
            out |= self._index.get(d, set())
        return out
