"""Reading a date out of an answer: Arabic months in both series, English months, numeric forms.

A month table of our own: dateparser misses the Levantine months (حزيران) without a locale hint
and costs up to seconds on its first call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tutor.grading.normalize import NearIndex, fold, normalize, word_variants
from tutor.grading.numbers import figures

_MONTH_NAMES = {
    1: "january jan يناير جانفي كانون_الثاني كانون_ثاني",
    2: "february feb فبراير فبراير فيفري شباط",
    3: "march mar مارس اذار",
    4: "april apr ابريل افريل نيسان",
    5: "may مايو ماي ايار",
    6: "june jun يونيو يونيه جوان حزيران",
    7: "july jul يوليو يوليه جويليه تموز",
    8: "august aug اغسطس اغشت اوت اب",
    9: "september sep sept سبتمبر شتنبر ايلول",
    10: "october oct اكتوبر تشرين_الاول تشرين_اول",
    11: "november nov نوفمبر نونبر تشرين_الثاني تشرين_ثاني",
    12: "december dec ديسمبر دجنبر كانون_الاول كانون_اول",
}
MONTHS: dict[str, int] = {
    normalize(name.replace("_", " ")).replace(" ", "_"): m
    for m, names in _MONTH_NAMES.items()
    for name in names.split()
}
MONTH_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTH_AR = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
]  # fmt: skip

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?(?!\d)")
_MY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{4})(?!\d)")
_NUM = re.compile(r"\d+")


@dataclass(frozen=True)
class DateParts:
    """Every year, month and day an answer mentions (more than one of a kind is a hedge)."""

    years: frozenset[int]
    months: frozenset[int]
    days: frozenset[int]
    stray: bool  # a number that is neither a plausible day nor a year

    @property
    def empty(self) -> bool:
        return not (self.years or self.months or self.days)


def _add(years: set, months: set, days: set, y, m, d) -> bool:
    """Record a numeric date; False when it cannot be a date at all."""
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None and not 1 <= d <= 31:
        return False
    if y is not None:
        years.add(y)
    if m is not None:
        months.add(m)
    if d is not None:
        days.add(d)
    return True


@cache
def _month_names() -> NearIndex:
    return NearIndex((n for n in MONTHS if "_" not in n and len(n) >= 4), 1)


@lru_cache(maxsize=65536)
def misspelt_month(tok: str) -> int | None:
    """The month a typo stands for ("Juen", "Agust", "سبتمير"): the only month name within one
    edit (a transposition counts as one), and the typed word not a word of its own."""
    from rapidfuzz.distance import OSA

    from tutor.grading.lexicon import common_words

    if len(tok) < 4 or tok in common_words():
        return None
    near = {MONTHS[name] for name in _month_names().near(tok, 1)
            if OSA.distance(tok, name, score_cutoff=1) <= 1}  # fmt: skip
    return near.pop() if len(near) == 1 else None


# Between a day said in words and its month: "the fourth of December", "December the fourth",
# "الرابع من ديسمبر", "الرابع عشر في يونيو"
_DAY_LINKS = frozenset(normalize(w) for w in ("of", "the", "من", "في"))
_AND = frozenset(("and", "و"))


def _number_word(tok: str) -> bool:
    f = figures(tok)
    return bool(f.values) and not f.other_words and not f.vague


def _runs(toks: list[str], words: list[int]) -> list[tuple[int, int]]:
    """Adjacent number words as (start, end) spans, "and"/"و" between two of them included:
    "twenty fourth", "الحادي والعشرين", "two thousand and twenty four"."""
    out: list[tuple[int, int]] = []
    for i in words:
        if out and (out[-1][1] == i or (out[-1][1] == i - 1 and toks[i - 1] in _AND)):
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def _next_to_month(toks: list[str], start: int, end: int, month_at: set[int]) -> bool:
    """A day in words counts only beside its month (one linking word allowed): elsewhere a
    "first" or "third" is about something else."""
    after = end + 1 if end < len(toks) and toks[end] in _DAY_LINKS else end
    before = start - 2 if start >= 1 and toks[start - 1] in _DAY_LINKS else start - 1
    return after in month_at or before in month_at


@lru_cache(maxsize=65536)
def _month(tok: str) -> int | None:
    """The month one word names, as written or misspelt (looked up once a word)."""
    hit = next((MONTHS[v] for v in word_variants(tok) if v in MONTHS), None)
    if hit is None and not tok[:1].isdigit():
        hit = misspelt_month(tok)
    return hit


@lru_cache(maxsize=65536)
def date_parts(answer: str) -> DateParts:
    """19/6/2024, 2024-06-19, "19 حزيران/يونيو 2024", "June 19th, 2024" → years, months, days."""
    s = fold(answer)
    years: set[int] = set()
    months: set[int] = set()
    days: set[int] = set()
    stray = False

    def iso(m: re.Match) -> str:
        d = int(m[3]) if m[3] else None
        _add(years, months, days, int(m[1]), int(m[2]), d)
        return " "

    def dmy(m: re.Match) -> str:
        a, b = int(m[1]), int(m[2])
        y = int(m[3]) if m[3] else None
        if y is not None and y < 100:
            y += 2000 if y < 50 else 1900
        if b > 12 and a <= 12:  # 6/19/2024: month first
            a, b = b, a
        if not _add(years, months, days, y, b, a):
            nonlocal stray
            stray = True
        return " "

    def my(m: re.Match) -> str:
        _add(years, months, days, int(m[2]), int(m[1]), None)
        return " "

    s = _ISO.sub(iso, s)
    s = _DMY.sub(dmy, s)  # before month/year: "6/19/2024" is a whole date, not "19/2024"
    s = _MY.sub(my, s)
    toks = normalize(s).split()
    month_at: set[int] = set()  # where a month name stands (both tokens of a two-word one)
    words: list[int] = []  # where a number word stands ("fourth", "الرابع", "ألفين")
    i = 0
    while i < len(toks):
        tok = toks[i]
        pair = f"{tok}_{toks[i + 1]}" if i + 1 < len(toks) else ""
        if pair in MONTHS:
            months.add(MONTHS[pair])
            month_at |= {i, i + 1}
            i += 2
            continue
        hit = _month(tok)
        if hit is not None:
            months.add(hit)
            month_at.add(i)
        elif not _NUM.search(tok):  # "و2023" is a year after "and"
            if _number_word(tok):
                words.append(i)
        else:
            for n in _NUM.findall(tok):
                v = int(n)
                if len(n) == 4 or v > 31:
                    if 1000 <= v <= 2999:
                        years.add(v)
                    else:
                        stray = True
                elif v >= 1:
                    days.add(v)
                else:
                    stray = True
        i += 1
    for start, end in _runs(toks, words):
        found = [int(v) for v in figures(" ".join(toks[start:end])).values if v.is_integer()]
        # "two thousand and twenty-four", "ألفين وأربعة وعشرين"
        years.update(v for v in found if 1000 <= v <= 2999)
        small = [v for v in found if 1 <= v <= 31]
        if small and _next_to_month(toks, start, end, month_at):
            days.update(small)  # "the fourth of December", "الرابع من ديسمبر", "June nineteenth"
    return DateParts(frozenset(years), frozenset(months), frozenset(days), stray)
