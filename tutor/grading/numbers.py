"""Reading figures out of an answer: digits with separators, multipliers and number words.

A figure is parsed, never fuzzy-matched: 1991 and 1961 differ by one keystroke and a whole era.
Libraries for Arabic number words misread common forms ("أحد عشر ألف" → 11), so this is a small
parser of our own over the folded text (see normalize.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tutor.grading.normalize import NearIndex, fold

_UNITS = {
    "once": 1, "twice": 2, "thrice": 3,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "صفر": 0, "واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "اثني": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
    "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
    "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    # Arabic duals name two of something: "شهرين" is two months
    "شهرين": 2, "شهران": 2, "ساعتين": 2, "ساعتان": 2, "سنتين": 2, "سنتان": 2, "عامين": 2,
    "عامان": 2, "يومين": 2, "يومان": 2, "اسبوعين": 2, "اسبوعان": 2, "مرتين": 2, "مرتان": 2,
    "قمرين": 2, "قمران": 2, "دولتين": 2, "دولتان": 2, "قرارين": 2, "قراران": 2,
    "صاروخين": 2, "صاروخان": 2,
}  # fmt: skip
# Ordinals count as their number: "the second largest" answers a question asking for a rank.
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "1st": 1, "2nd": 2, "3rd": 3,
    "اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4, "رابعه": 4,
    "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8,
    "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10,
    "حادي": 1, "حاديه": 1,  # only in compounds: "الحادي عشر" (11th), "الحادي والعشرون" (21st)
    "تاني": 2, "تانيه": 2, "تالت": 3, "تالته": 3, "تامن": 8, "تامنه": 8,  # spoken, ت for ث
}  # fmt: skip
_HUNDREDS = {"مئه": 100, "مائه": 100, "ميه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200,
             "مائتين": 200}  # fmt: skip
for _i, _stem in enumerate(("ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"), start=3):
    for _h in ("مئه", "مائه"):
        _HUNDREDS[_stem + _h] = _i * 100
_HUNDREDS["ثمانيمئه"] = _HUNDREDS["ثمانيمائه"] = 800

# Spoken Arabic (Egyptian, Levantine, Gulf), as people type it: ت for ث (تلاتة، تمانية), teens in
# -tāsh / -ṭaʿash (خمستاشر، ثلطعش), hundreds run together with مية (تلتمية، ميتين).
_SPOKEN = {
    2: ["اتنين", "تنين", "ثنين", "اتنان"], 3: ["تلاته", "تلات"],
    8: ["تمانيه", "تمنيه", "تماني", "تمان", "ثمنيه"],
    30: ["تلاتين"], 80: ["تمانين", "تمنين"],
    11: ["احداشر", "حداشر", "احدعش", "حدعش", "احدعشر"],
    12: ["اتناشر", "اطناشر", "تناشر", "ثنعش", "اثنعش", "اتنعش", "ثناعش"],
}  # fmt: skip
_TEEN_STEMS = {
    13: ["تلت", "تلط", "ثلت", "ثلط"], 14: ["اربع", "اربعت", "اربعط"],
    15: ["خمس", "خمست", "خمسط"], 16: ["س", "ست", "سط"], 17: ["سبع", "سبعت", "سبعط"],
    18: ["تمن", "تمنت", "تمنط", "تمانت", "تمانط", "ثمنط", "ثمانط"],
    19: ["تسع", "تسعت", "تسعط"],
}  # fmt: skip
for _v, _stems in _TEEN_STEMS.items():
    for _stem in _stems:
        for _end in ("تاشر", "طاشر", "تعش", "طعش", "عش", "اشر"):
            if _end == "اشر" and _stem[-1] not in "تط":
                continue  # "تلطاشر", but no "خمساشر"
            _w = _stem + _end
            if len(_w) >= 4:
                _SPOKEN.setdefault(_v, []).append(_w)
_UNITS.update({w: v for v, ws in _SPOKEN.items() for w in ws})
for _i, _stem in enumerate(("تلت", "ربع", "خمس", "ست", "سبع", "تمن", "تسع"), start=3):
    _HUNDREDS[_stem + "ميه"] = _i * 100  # "تلتمية" (folded: تلتميه)
_HUNDREDS.update({"ميتين": 200, "تمانميه": 800})
# the tables are matched against folded text (مئة → ميه), so fold their keys the same way
_UNITS = {fold(k): v for k, v in _UNITS.items()}
_HUNDREDS = {fold(k): v for k, v in _HUNDREDS.items()}
_ORDINALS = {fold(k): v for k, v in _ORDINALS.items()}

# Scale words: (multiplier, needs a count before it). A plural ("آلاف", "thousands") alone is vague.
_SCALES = {
    "thousand": (1_000, False), "million": (1_000_000, False), "billion": (1_000_000_000, False),
    "thousands": (1_000, True), "millions": (1_000_000, True), "billions": (1_000_000_000, True),
    "الف": (1_000, False), "الفا": (1_000, False), "الاف": (1_000, True),
    "الفين": (2_000, False), "الفان": (2_000, False), "الفي": (2_000, False),
    "مليوني": (2_000_000, False), "ملياري": (2_000_000_000, False),
    "مليون": (1_000_000, False), "مليونا": (1_000_000, False), "ملايين": (1_000_000, True),
    "مليونين": (2_000_000, False), "مليونان": (2_000_000, False),
    "مليار": (1_000_000_000, False), "مليارا": (1_000_000_000, False),
    "مليارات": (1_000_000_000, True), "بليون": (1_000_000_000, False),
    "ملياران": (2_000_000_000, False), "مليارين": (2_000_000_000, False),
    "trillion": (10**12, False), "trillions": (10**12, True), "تريليون": (10**12, False),
    "ترليون": (10**12, False), "تريليونا": (10**12, False), "تريليونات": (10**12, True),
    "ترليونات": (10**12, True),
    "تلاف": (1_000, True),  # spoken: "تلات تلاف", three thousand
    "dozen": (12, False),  # a multiplier: "two dozen" is 24, not 2 + 12
}  # fmt: skip
_SCALES = {fold(k): v for k, v in _SCALES.items()}
# Abbreviations that only count straight after digits ("11k", "2 bn").
_SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
             "b": 1_000_000_000, "bln": 1_000_000_000, "ك": 1_000, "tn": 10**12,
             "trn": 10**12}  # fmt: skip
# "several million", "بضعة آلاف": a count that is no figure makes the scale after it vague.
_SOME = frozenset(
    fold(w)
    for w in [
        "several",
        "few",
        "many",
        "some",
        "dozens",
        "tens",
        "hundreds",
        "عدة",
        "عده",
        "بضعة",
        "بضعه",
        "بضع",
        "عشرات",
        "مئات",
    ]
)
# Arabic proclitics a number word may carry: "لثلاثة عقود", "بخمس ساعات", "كعشرة".
_CLITICS = ("و", "ب", "ل", "ك", "ف")
_JOIN = {"and", "و"}

_DECADES = (
    "twenties thirties forties fifties sixties seventies eighties nineties "
    "العشرينيات الثلاثينيات الاربعينيات الخمسينيات الستينيات السبعينيات الثمانينيات التسعينيات"
)
# Words that name a quantity: in a name they must be typed exactly, since "billion" is one
# letter from "million" and "التسعينيات" two from "السبعينيات".
NUMBER_WORDS = frozenset(
    {*_UNITS, *_HUNDREDS, *_ORDINALS, *_SCALES, "hundred", "hundreds", "مئات", "ميات"}
    | {fold(w) for w in _DECADES.split()}
)

_HALF_DOZEN = re.compile(r"\bhalf an? dozen\b|نصف دزين[هة]")
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:[, \u00a0\u202f]\d{3})+)(?![\d])(?!\.\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")


MAX_FIGURE = 1e18  # beyond any quantity in news, and well inside a float


@dataclass(frozen=True)
class Figures:
    """What an answer says numerically."""

    values: tuple[float, ...]  # every figure, in order
    vague: bool  # "thousands", "آلاف" with no count
    other_words: int  # words that are neither figures nor part of one


def _ungroup(m: re.Match) -> str:
    return m[1] + re.sub(r"\D", "", m[2])


def _bare(tok: str) -> list[str]:
    """The word, then without one or two proclitics and the article ("وبالثلاثة" → "ثلاثه")."""
    out = [tok]
    w = tok
    for _ in range(2):
        if len(w) > 3 and w[0] in _CLITICS:
            w = w[1:]
            out.append(w)
    for v in list(out):
        if v.startswith("ال") and len(v) > 4:
            out.append(v[2:])  # "عام الألفين"
    return out


@lru_cache(maxsize=65536)
def _word_value(tok: str, ordinals: bool = True) -> tuple[str, float] | None:
    """('unit'|'hundred'|'scale'|'vague', value) for a number word, trying it without proclitics."""
    for w in _bare(tok):
        if w in _UNITS:
            return "unit", _UNITS[w]
        ordinal = w[2:] if w.startswith("ال") and w[2:] in _ORDINALS else w
        if ordinal not in _ORDINALS and ordinal.endswith("ا") and ordinal[:-1] in _ORDINALS:
            ordinal = ordinal[:-1]  # "رابعا", "ثانيا": the ordinal as an adverb
        if ordinal in _ORDINALS:
            return ("unit", _ORDINALS[ordinal]) if ordinals else None
        if w in _HUNDREDS:
            return "hundred", _HUNDREDS[w]
        if w == "hundred":
            return "hundred", 100
        if w in _SCALES:
            mult, needs_count = _SCALES[w]
            return ("vague" if needs_count else "scale"), mult
    fixed = misspelt_number_word(tok)
    return _word_value(fixed, ordinals) if fixed is not None else None


@cache
def _number_words() -> NearIndex:
    return NearIndex((*_UNITS, *_ORDINALS, *_HUNDREDS, *_SCALES, "hundred"), 2)


@lru_cache(maxsize=65536)
def misspelt_number_word(tok: str) -> str | None:
    """The number word a typo stands for ("fiev", "eigthy", "sxi"): one within the edits its
    length allows (transpositions count as one), the only one that close, and the typed word not
    a word of its own ("sex" is not six)."""
    from rapidfuzz.distance import OSA

    from tutor.grading.lexicon import common_words

    if len(tok) < 3 or not tok.isalpha() or tok in common_words():
        return None
    cut = 1 if len(tok) <= 7 else 2
    near = {
        w
        for w in _number_words().near(tok, cut)
        if abs(len(w) - len(tok)) <= cut and OSA.distance(tok, w, score_cutoff=cut) <= cut
    }
    if len({_table_value(w) for w in near}) == 1:
        return min(near)  # "تلاثة": ثلاثة or تلاتة, three either way
    return None


def _table_value(w: str) -> tuple[str, float]:
    for kind, table in (("unit", _UNITS), ("ordinal", _ORDINALS), ("hundred", _HUNDREDS)):
        if w in table:
            return kind, table[w]
    if w in _SCALES:
        return "scale", _SCALES[w][0]
    return "hundred", 100  # "hundred"


@lru_cache(maxsize=65536)
def figures(answer: str, ordinals: bool = True) -> Figures:
    """Every figure in `answer`: "11 ألف" → 11000, "١١٬٠٠٠" → 11000, "two thousand six" → 2006."""
    s = _GROUPED.sub(_ungroup, _HALF_DOZEN.sub(" 6 ", fold(answer)))
    s = _DECIMAL_COMMA.sub(".", s)
    tokens = _TOKEN.findall(s)
    values: list[float] = []
    vague = False
    other = 0
    total = group = 0.0
    active = False
    last = ""  # kind of the previous number token: digit | unit | hundred | scale
    last_word = 0.0  # the value of the previous number word
    paired = False  # "nineteen sixty": the group is a year read in pairs

    def flush() -> None:
        nonlocal total, group, active, last, paired
        if active:
            v = total + group
            if v < MAX_FIGURE:
                values.append(v)
            else:  # "hundred hundred hundred…": no figure anyone means, and no float holds it
                nonlocal vague
                vague = True
        total = group = 0.0
        active, last, paired = False, "", False

    for i, tok in enumerate(tokens):
        if tok[0].isdigit():
            if active and last in ("digit", "unit", "hundred"):
                flush()
            if len(tok) > 18:  # a run of digits no figure has: noise, not a number
                vague = True
                continue
            group += float(tok)
            active, last = True, "digit"
            continue
        if last == "digit" and tok in _SUFFIXES:
            total += group * _SUFFIXES[tok]
            group, last = 0.0, "scale"
            continue
        wv = _word_value(tok, ordinals)
        if wv is None:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if active and tok in _JOIN and _word_value(nxt):
                continue  # "one hundred and five", "خمسة و عشرون"
            flush()
            other += 1
            continue
        kind, v = wv
        if kind == "scale" and not active and i and tokens[i - 1] in _SOME:
            kind = "vague"  # "several million", "بضعة آلاف": an order of size, not a figure
        if kind == "unit":
            if active and last == "digit":
                flush()
            if active and last == "unit" and not total and last_word >= 10 and v >= 10:
                if paired or group >= 100:
                    flush()  # a third pair is a new figure
                else:  # "nineteen sixty", "twenty twenty": a year said in two pairs
                    group, paired = group * 100 + v, True
                    last_word = v
                    continue
            elif active and last == "unit" and last_word < 10 and v < 10 and not paired:
                flush()  # "five six": two figures
            elif active and last == "unit" and last_word % 10 and v < 10:
                flush()  # "twenty-one two"
            group += v
            active, last = True, "unit"
            last_word = v
        elif kind == "hundred":
            group = float(group or 1) * v if v == 100 else group + v
            active, last = True, "hundred"
        elif kind == "scale" and last == "scale" and not group and total:
            total *= v  # "ألف مليون", "a thousand million": a billion
        elif kind == "scale" or (kind == "vague" and active and group):
            total += float(group or 1) * v
            group = 0.0
            active, last = True, "scale"
        else:
            vague = True
            other += 1
    flush()
    return Figures(tuple(values), vague, other)


def show(v: float) -> str:
    """A figure as a learner reads it: 11,000 · 2.5."""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:g}"


def show_year(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
