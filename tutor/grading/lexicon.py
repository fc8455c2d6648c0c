"""Is a typed word a word? A spelling slip must not turn one real word into another.

"Iraq" is one letter from "Iran", "dependent" two from "independent", "Taurus" one from "Aurus":
each is a word a learner may mean, so none is forgiven as a slip. The list (data/common-words.txt,
about 54,000 folded English and Arabic words from wordfreq) is read on first use.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from tutor.grading.normalize import word_variants

# Prefixes that turn a word into its opposite: never a slip, whatever the list says.
_ANTONYM_PREFIXES = frozenset({"in", "un", "non", "dis", "im", "il", "ir", "anti", "de"})
# Endings that make another form of the same word: "sanction"/"sanctions" is a slip at most.
_INFLECTIONS = frozenset(
    ["s", "es", "ed", "d", "ing", "er", "ers", "ly", "ات", "ون", "ين", "ه", "ي", "ا", "ان"]
)


_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "ي", "ك", "نا", "كم"})


@cache
def common_words() -> frozenset[str]:
    text = resources.files("tutor.grading").joinpath("data/common-words.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def _inflected(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :] in _INFLECTIONS:
        return True
    # Arabic ة (folded to ه) turns ت before a suffix: "ولايه" / "ولايته", "حكومه" / "حكومتها"
    stem = short[:-1] if short.endswith("ه") else None
    return stem is not None and long.startswith(stem + "ت") and long[len(stem) + 1 :] in _SUFFIXES


def opposite(a: str, b: str) -> bool:
    """One word is the other with a negating prefix ("dependent" / "independent")."""
    short, long = sorted((a, b), key=len)
    return long.endswith(short) and long[: len(long) - len(short)] in _ANTONYM_PREFIXES


def opposite_of_word(word: str) -> bool:
    """The word is another common word with a negating prefix ("unconcerned", "independent")."""
    return any(
        word.startswith(p) and len(word) - len(p) >= 4 and word[len(p) :] in common_words()
        for p in _ANTONYM_PREFIXES
    )


def clipped(short: str, long: str) -> bool:
    """`short` is `long` cut short, as people shorten words ("tech" for technology, "econ" for
    economic, "intl"-style cuts excepted): a Latin word of 4 letters or more that begins a word at
    least 3 letters longer."""
    return (
        short.isascii()
        and short.isalpha()
        and len(short) >= 4
        and len(long) >= len(short) + 3
        and long.startswith(short)
    )


# Prefixes that count ("bilateral", "trilateral", "multipolar", "unipolar"): one for another makes
# another word, never a slip.
_COUNT_PREFIXES = ("uni", "mono", "bi", "di", "tri", "quadri", "quad", "multi", "poly", "pan")


@lru_cache(maxsize=65536)
def _count_stem(word: str) -> tuple[str, str] | None:
    """("tri", "lateral") for "trilateral": a counting prefix and what follows it, or None."""
    for x in _COUNT_PREFIXES:
        if word.startswith(x) and len(word) - len(x) >= 4:
            return x, word[len(x) :]
    return None


def counted(a: str, b: str) -> bool:
    """The two words differ only by a counting prefix ("trilateral" / "bilateral")."""
    x, y = _count_stem(a), _count_stem(b)
    return x is not None and y is not None and x[1] == y[1] and x[0] != y[0]


# Surname endings that make the name of a man into that of a woman of the same family (Slavic:
# Zelensky / Zelenska, Lavrov / Lavrova, Putin / Putina), in both scripts: another person.
_GENDERED = (
    (("sky", "skyy", "ski", "skiy", "skyi", "skii", "سكي"), ("ska", "skaya", "سكا", "سكايا")),
    (("ov", "ev", "in", "yn", "وف", "يف", "ين"), ("ova", "eva", "ina", "yna", "وفا", "يفا", "ينا")),
)


def gendered(a: str, b: str) -> bool:
    """One word is the other surname with the other gender's ending ("Zelenska" for Zelensky)."""
    for male, female in _GENDERED:
        for x, y in ((a, b), (b, a)):
            for m in male:
                if not x.endswith(m) or len(x) <= len(m) + 2:
                    continue
                stem = x[: -len(m)]
                if any(y == stem + f for f in female):
                    return True
    return False


def slip_allowed(given: str, expected: str) -> bool:
    """May `given` (a few edits from `expected`) count as a misspelling of it?"""
    if opposite(given, expected) or gendered(given, expected) or counted(given, expected):
        return False
    if _inflected(given, expected):
        return True
    return given not in common_words()


def is_word(word: str) -> bool:
    """A common word as typed, or once its Arabic article or proclitic is taken off ("الهندي",
    "والهندي" are the word "هندي")."""
    words = common_words()
    return any(v in words for v in word_variants(word))


def run_slip_allowed(typed: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """May words run together or split apart (`typed`) count as a slip for the words `expected`?

    Not when a typed word is a real word standing for another real word: "المحيط الهندي" is the
    Indian Ocean, not a slip for "المحيط الهادئ". A real word for a name that is no word ("Eugene
    Rumor" for Rumer) is still a slip."""
    if not slip_allowed("".join(typed), "".join(expected)):
        return False
    if len(typed) != len(expected):
        # a name split into real words carries no more slips than its longest piece: "بيونغ
        # تشانغ" (Pyeongchang) is two letters from "بيونغيانغ", too many for "تشانغ"
        words = [w for w in typed if is_word(w)]
        return not words or _distance(typed, expected) <= max(_allowance(w) for w in typed)
    return not any(
        w != e and is_word(w) and is_word(e) for w, e in zip(typed, expected, strict=True)
    )


def _allowance(word: str) -> int:
    n = len(word)  # (text.allowance: none up to 3 letters, 1 up to 7, 2 beyond)
    return 0 if n <= 3 else 1 if n <= 7 else 2


def _distance(typed: tuple[str, ...], expected: tuple[str, ...]) -> int:
    return OSA.distance("".join(typed), "".join(expected))
