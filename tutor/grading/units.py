# ruff: noqa: E501  (the unit table reads best one unit a line)
"""What a figure counts: "11,000 tons" is not 11,000 containers, "two decades" is 20 years.

A unit belongs to a kind (time, length, weight, a currency, or a thing counted: containers,
shells, people…) and has a size within its kind. Sizes are given only where the conversion is
exact (an hour is 60 minutes; a month is not a whole number of weeks), so "time" is two kinds: the
clock (minutes to weeks) and the calendar (months to centuries). Between the two, `roughly`
converts at 30.4 days a month, and the grader says so when it accepts such a figure.

The question's unit comes from the bank's `unit` field, or, where that is missing, from the
prompt ("how many hours…", "كم ساعة…"). An answer with no unit is read in the question's unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tutor.grading.normalize import normalize, word_variants


@dataclass(frozen=True)
class Unit:
    kind: str  # "clock", "calendar", "length", "weight", "usd", "container", "person", …
    size: float | None  # in the kind's base unit; None: no exact conversion (mile vs km)
    name_en: str  # the kind as a reason names it
    name_ar: str


# (kind, size, en, ar): words in both languages, singular, plural and dual, abbreviations.
_TABLE: list[tuple[str, float | None, str, str, str]] = [
    ("clock", 1 / 60, "seconds", "ثواني", "second seconds sec secs s ثانية ثانيه ثوان ثواني ثانيتين"),
    ("clock", 1, "minutes", "دقائق", "minute minutes min mins دقيقة دقيقه دقائق دقايق دقيقتين دقيقتان"),
    ("clock", 60, "hours", "ساعات", "hour hours hr hrs h ساعة ساعه ساعات ساعتين ساعتان"),
    ("clock", 1440, "days", "أيام", "day days يوم يوما أيام ايام يومين يومان"),
    ("clock", 10080, "weeks", "أسابيع", "week weeks wk wks أسبوع اسبوع أسبوعا اسبوعا أسابيع اسابيع أسبوعين اسبوعين أسبوعان اسبوعان"),
    ("calendar", 1, "months", "أشهر", "month months mo شهر شهرا أشهر اشهر شهور شهرين شهران"),
    ("calendar", 12, "years", "سنوات", "year years yr yrs سنة سنه سنوات سنين سنتين سنتان عام عاما أعوام اعوام عامين عامان"),
    ("calendar", 120, "decades", "عقود", "decade decades عقد عقدا عقود عقدين عقدان"),
    ("calendar", 1200, "centuries", "قرون", "century centuries قرن قرنا قرون قرنين قرنان"),
    ("length", 1, "kilometres", "كيلومترات", "km kms kilometre kilometres kilometer kilometers كم كيلومتر كيلومترا كيلومترات كيلو كلم"),
    ("length", 0.001, "metres", "أمتار", "metre metres meter meters متر مترا أمتار امتار"),
    ("length", None, "miles", "أميال", "mile miles ميل ميلا أميال اميال"),
    ("weight", 1, "tonnes", "أطنان", "ton tons tonne tonnes طن طنا أطنان اطنان"),
    ("weight", 0.001, "kilograms", "كيلوغرامات", "kg kilogram kilograms kilo kilos كيلوغرام كيلوجرام كغ"),
    ("usd", 1, "dollars", "دولارات", "dollar dollars usd $ دولار دولارا دولارات"),
    ("rub", 1, "roubles", "روبلات", "rouble roubles ruble rubles روبل روبلات"),
    ("cny", 1, "yuan", "يوان", "yuan rmb يوان"),
    ("eur", 1, "euros", "يوروهات", "euro euros € يورو"),
    ("krw", 1, "won", "وون", "won وون"),
    ("container", 1, "containers", "حاويات", "container containers حاوية حاويه حاويات حاويتين"),
    ("shell", 1, "shells", "قذائف", "shell shells round rounds قذيفة قذيفه قذائف"),
    ("missile", 1, "missiles", "صواريخ", "missile missiles rocket rockets صاروخ صواريخ صاروخين"),
    ("satellite", 1, "satellites", "أقمار", "satellite satellites قمر قمرا أقمار اقمار قمرين قمران"),
    ("person", 1, "people", "أشخاص", "people person persons soldier soldiers troops troop worker workers شخص أشخاص اشخاص جندي جنود عامل عمال عاملا فرد أفراد"),
    ("country", 1, "countries", "دول", "country countries state states nation nations دولة دوله دول بلد بلدان بلدين دولتين"),
    ("times", 1, "times", "مرات", "times occasions مرة مره مرات مرتين مرتان"),
    ("resolution", 1, "resolutions", "قرارات", "resolution resolutions قرار قرارات قرارين"),
    ("test", 1, "tests", "تجارب", "test tests تجربة تجربه تجارب اختبار اختبارات"),
    ("problem", 1, "problems", "مشكلات", "problem problems issue issues مشكلة مشكله مشكلات مشاكل"),
    ("weapon", 1, "weapons", "أسلحة", "weapon weapons arms سلاح أسلحة اسلحه"),
    ("track", 1, "tracks", "مسارات", "track tracks مسار مسارا مسارات مسارين"),
    ("area", 1, "areas", "مجالات", "area areas direction directions مجال مجالا مجالات مجالين اتجاه اتجاها اتجاهات اتجاهين"),
]  # fmt: skip

UNITS: dict[str, Unit] = {}
for _kind, _size, _en, _ar, _words in _TABLE:
    for _w in _words.split():
        UNITS.setdefault(normalize(_w) or _w, Unit(_kind, _size, _en, _ar))
# Arabic duals are a figure and a unit in one word: "شهرين" is two months.
_DUALS = {
    k: u
    for k, u in UNITS.items()
    if k.endswith(("ين", "ان")) and len(k) > 4 and not k.endswith(("يين", "عاملين"))
}
# "كم" is also "how many"; "s", "h", "mo" are letters: only right after a figure (see below).
_AFTER_FIGURE_ONLY = frozenset({"كم", "s", "h", "mo", "min", "$", "won"})


def unit_of_word(word: str, *, after_figure: bool = False) -> Unit | None:
    """The unit a word names, trying it without its Arabic proclitics ("بالساعات")."""
    if word in _AFTER_FIGURE_ONLY and not after_figure:
        return None
    for v in word_variants(word):
        u = UNITS.get(v)
        if u is not None:
            return u
    return None


_LINKS = frozenset(normalize(w) for w in ["of", "من", "the"])


@lru_cache(maxsize=65536)
def units_in(text: str) -> tuple[Unit, ...]:
    """The units the text gives its figures, in order: a unit word right after a figure ("11,000
    tons", "5 ساعات", "two decades", "عشرة آلاف حاوية"), a dual that is both ("شهرين"), or "$".

    Unit words elsewhere in the answer ("in the year 2023", "at the time") are context.
    """
    from tutor.grading.numbers import NUMBER_WORDS  # numbers imports nothing from here

    out: list[Unit] = []
    after = False  # the previous word was a figure, or part of one
    for tok in normalize(text.replace("$", " usd ")).split():
        is_number = tok[0].isdigit() or tok in NUMBER_WORDS or tok[1:] in NUMBER_WORDS
        u = unit_of_word(tok, after_figure=after) if (after or tok == "usd") else None
        if u is None and is_number and tok in _DUALS:
            u = _DUALS[tok]
        if u is not None:
            out.append(u)
            after = False
            continue
        if tok in _LINKS and after:
            continue  # "11,000 containers of", "ثلاثة من الأشهر"
        after = is_number
    return tuple(out)


_HOW_MANY = ("how many", "how much", "how long", "كم", "لكم", "بكم", "عدد")


def expected_unit(unit_texts: tuple[str, ...], prompt: str | None) -> Unit | None:
    """The question's unit: the bank's `unit`, else the first unit word after "how many"/"كم"."""
    for t in unit_texts:  # the bank's unit names the unit itself: "years", "مليار دولار"
        found = [u for w in normalize(t.replace("$", " usd ")).split()
                 if (u := unit_of_word(w, after_figure=True)) is not None]  # fmt: skip
        if found:
            return found[0]
    if not prompt:
        return None
    words = normalize(prompt).split()
    for i, w in enumerate(words):
        pair = " ".join(words[i : i + 2])
        if w in _HOW_MANY or pair in _HOW_MANY:
            for nxt in words[i + 1 : i + 4]:
                u = unit_of_word(nxt)
                if u is not None:
                    return u
    return None


def convert(value: float, given: Unit, wanted: Unit) -> float | None:
    """`value` in `given` units, expressed in `wanted` units; None when not exactly convertible."""
    if given.kind != wanted.kind:
        return None
    if given == wanted:
        return value
    if given.size is None or wanted.size is None:
        return None
    return value * given.size / wanted.size


DAYS_PER_MONTH = 30.4  # a month is 28 to 31 days: days and weeks say months only roughly
_MINUTES_PER_MONTH = DAYS_PER_MONTH * 1440


def roughly(value: float, given: Unit, wanted: Unit) -> float | None:
    """Days or weeks as months (or years), and months as days, at 30.4 days a month; None
    between other kinds. Never exact: the grader allows the question's tolerance, or for a whole
    number of months or more, the nearest whole one ("about 90 days" is three months)."""
    if {given.kind, wanted.kind} != {"clock", "calendar"} or not (given.size and wanted.size):
        return None
    if given.kind == "clock":
        return value * given.size / _MINUTES_PER_MONTH / wanted.size
    return value * given.size * _MINUTES_PER_MONTH / wanted.size


def rough_slack(expected: float, wanted: Unit, tolerance: float) -> float:
    """How far a rough conversion into `wanted` may land from `expected` and still count."""
    if wanted.kind == "calendar" and float(expected).is_integer():
        return max(tolerance, 0.5)  # to the nearest whole month (or year)
    return tolerance


def rough_reason(typed: str, given: Unit, value: str, wanted: Unit) -> tuple[str, str]:
    """Says the conversion was rough: "168 days is about 5.5 months (30.4 days a month)"."""
    return (
        f"{typed} {given.name_en} is about {value} {wanted.name_en} ({DAYS_PER_MONTH:g} days a "
        "month): close enough",
        f"{typed} {given.name_ar} تقارب {value} {wanted.name_ar} (الشهر {DAYS_PER_MONTH:g} يوما): "
        "قريبة بما يكفي",
    )


# Durations said in parts: "a year and four months", "half a year", "a decade and a half".
_FRACTIONS = {normalize(w): v for w, v in [("half", 0.5), ("نصف", 0.5), ("quarter", 0.25),
              ("ربع", 0.25), ("third", 1 / 3), ("ثلث", 1 / 3)]}  # fmt: skip
_A = frozenset({"a", "an", "one"})
_AND = frozenset({"and", "و"})
_OF = frozenset({"of", "a", "an"})  # "a quarter of a year", "half a year"
_TIME = frozenset({"clock", "calendar"})


def _fraction(tok: str) -> float | None:
    """ "half", "نصف", "ونصف", "بنصف": a fraction word, with or without a proclitic."""
    for v in word_variants(tok):
        if v in _FRACTIONS:
            return _FRACTIONS[v]
    return None


def _count(words: list[str]) -> float | None:
    """The figure a run of words says ("four", "وأربعة", "2"), or None."""
    from tutor.grading.numbers import figures

    fig = figures(" ".join(words))
    return fig.values[0] if len(fig.values) == 1 and not fig.vague else None


@lru_cache(maxsize=65536)
def duration(text: str) -> tuple[float, Unit] | None:
    """A duration said in parts, as one figure in its smallest unit: "a year and four months"
    → (16, months), "half a year" → (0.5, years), "a decade and a half" → (1.5, decades),
    "عقد ونصف", "سنة وأربعة أشهر", "ربع سنة". None unless the text is a compound or fractional
    duration of one kind of time (a plain "three months" is left to the figure reader), or when a
    figure in it belongs to no part.
    """
    from tutor.grading.numbers import NUMBER_WORDS

    toks = normalize(text).split()
    parts: list[tuple[float, Unit]] = []
    pending: list[str] = []  # number words waiting for their unit
    frac = 1.0  # "half a", "a quarter of a": the next unit's share
    one = False  # "a"/"an"/"one" right before the unit
    compound = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        u = unit_of_word(tok, after_figure=bool(pending))
        if u is not None and u.kind in _TIME and u.size is not None:
            if pending:
                n = _count(pending)
                if n is None:
                    return None
            else:
                n = 2.0 if tok in _DUALS else 1.0
            if frac != 1.0:
                compound = True
            # "a year and a half", "عقد ونصف": half of this unit more
            rest = toks[i + 1 : i + 4]
            half = 0.0
            if rest[:3] in (["and", "a", "half"], ["and", "an", "half"]) or rest[:2] == [
                "and",
                "half",
            ]:
                half, i = 0.5, i + (3 if rest[1] in _A else 2)
            elif rest and _fraction(rest[0]) == 0.5 and rest[0][0] == "و":
                half, i = 0.5, i + 1
            elif rest[:2] == ["و", "نصف"]:
                half, i = 0.5, i + 2
            if half:
                compound = True
            parts.append(((n + half) * frac, u))
            pending, frac, one = [], 1.0, False
            i += 1
            continue
        f = _fraction(tok)
        if f is not None and not pending:
            frac, compound = frac * f, True  # "half a year", "ربع سنة"
        elif f is not None and pending and i + 1 < len(toks):
            # "two and a half years": the half joins the count before it
            if pending[-1] in ("a", "an"):
                pending.pop()
            if pending and pending[-1] in _AND:
                pending.pop()
            n = _count(pending)
            if n is None:
                return None
            pending = [str(n + f)]
            compound = True
        elif tok[0].isdigit() or tok in NUMBER_WORDS or tok[1:] in NUMBER_WORDS:
            pending.append(tok)
        elif pending and (tok in _AND or tok in _A):
            pending.append(tok)  # "two and a half", "one hundred and five"
        elif tok in _A or tok in _OF or tok in _AND:
            one = one or tok in _A
        elif pending:
            return None  # a figure that counts nothing of time
        i += 1
    if pending or not parts:
        return None
    if len(parts) > 1:
        compound = True
    if not compound or len({u.kind for _, u in parts}) > 1:
        return None
    small = min((u for _, u in parts), key=lambda u: u.size or 0)
    total = sum(n * (u.size or 0) for n, u in parts) / (small.size or 1)
    return total, small
