"""Grading a figure or a year: parsed, compared exactly (or within the bank's tolerance).

A figure is a value and a unit: the unit the learner typed must be of the kind the question
counts ("11,000 tons" is not 11,000 containers), and is converted where that is exact ("two
decades" for 20 years). A year must be a year: "the 2000s" and "before 2000" are not answers.
"""

from __future__ import annotations

import re

from tutor.grading import reasons as R
from tutor.grading.dates import date_parts
from tutor.grading.normalize import fold, normalize
from tutor.grading.numbers import figures, show, show_year
from tutor.grading.prepared import Prepared
from tutor.grading.units import convert, duration, rough_reason, rough_slack, roughly, units_in
from tutor.grading.verdict import Verdict

MAX_OTHER_WORDS = 20  # a sentence around one figure; a paragraph is more
_DECADE = re.compile(r"\d{2,4}\s?s\b|\d0\s?(?:ات|يات)\b")
_BOUNDS = frozenset(
    normalize(w)
    for w in [
        "before",
        "after",
        "prior",
        "until",
        "till",
        "pre",
        "post",
        "قبل",
        "بعد",
        "حتى",
        "لغاية",
    ]
)


def unit_scale(q) -> float:
    """The multiplier a unit carries ("مليار دولار" → 10⁹): the figure may be typed with it."""
    if q.unit is None:
        return 1.0
    for text in (q.unit.en, q.unit.ar):
        if text:
            fig = figures(text)
            if len(fig.values) == 1 and fig.values[0] >= 1000:
                return fig.values[0]
    return 1.0


def _vague_year(answer: str) -> bool:
    """ "the 2000s", "before 2000", "بعد 2000": a span, not the year."""
    folded = fold(answer)
    if _DECADE.search(folded):
        return True
    words = normalize(folded).split()
    return any(
        w in _BOUNDS and i + 1 < len(words) and words[i + 1][:1].isdigit()
        for i, w in enumerate(words)
    )


def _day_in_month(p: Prepared, answer: str) -> tuple[list[float], Verdict | None]:
    """A day-of-month answer that names its month: the day, or a verdict on a wrong month."""
    parts = date_parts(answer)
    if not parts.months:
        return [], None
    if p.day_of not in parts.months or len(parts.months) > 1:
        return [], R.incorrect(R.wrong_part("month"))
    return sorted(parts.days), None


def grade_number(p: Prepared, answer: str) -> Verdict:
    q = p.question
    year = q.type == "year"
    expected = float(q.answer)  # type: ignore[arg-type]
    if p.day_of is not None:
        days, wrong = _day_in_month(p, answer)
        if wrong is not None:
            return wrong
        if days:
            if len(days) > 1:
                return R.incorrect(R.HEDGE)
            ok = days[0] == expected
            return R.correct(R.NONE, show(expected)) if ok else R.incorrect(R.wrong_part("day"))
    if year:
        parts = date_parts(answer)
        if parts.months and len(parts.years) == 1:  # "6 July 1961": a date holds its year
            (y,) = parts.years
            ok = y == expected
            return (
                R.correct(R.NONE, show_year(expected))
                if ok
                else R.incorrect(
                    R.too_high(show_year(y), True)
                    if y > expected
                    else R.too_low(show_year(y), True)
                )
            )
    fig = figures(answer)
    values = sorted(set(fig.values))
    span = duration(answer) if p.unit is not None and not year else None
    if span is not None:
        values = [span[0]]  # "a year and four months": one figure, in its smallest unit
    if len(values) > 1:
        cardinal = sorted(set(figures(answer, ordinals=False).values))
        if len(cardinal) == 1:
            values = cardinal  # "in 2000, right after Putin first became president"
    if not values:
        return R.incorrect(R.VAGUE_NUMBER if fig.vague else R.NO_NUMBER)
    if len(values) > 1:
        return R.incorrect(R.HEDGE)
    if fig.other_words > MAX_OTHER_WORDS:
        return R.incorrect(R.TOO_LONG)
    if year and _vague_year(answer):
        return R.incorrect(R.VAGUE_YEAR)
    v = values[0]
    typed_in = None  # the unit the figure was typed in, when it is converted
    if p.unit is not None:
        given = (span[1],) if span is not None else units_in(answer)
        if given:
            same = next((u for u in given if u.kind == p.unit.kind), None)
            v2 = convert(v, same, p.unit) if same is not None else None
            if v2 is None and same is None:  # days for months: only roughly (units.roughly)
                near = next(
                    ((u, r) for u in given if (r := roughly(v, u, p.unit)) is not None), None
                )
                if near is not None:
                    slack = rough_slack(expected, p.unit, float(q.tolerance or 0))
                    if abs(near[1] - expected) <= slack + 1e-9:
                        value = show(round(near[1], 1))
                        return R.correct(
                            rough_reason(show(v), near[0], value, p.unit), show(expected)
                        )
                    return R.incorrect(R.off_in_unit(show(v), near[0].name_en, near[0].name_ar,
                                                     near[1] > expected))  # fmt: skip
            if v2 is None:
                u = same or given[0]
                return R.incorrect(
                    R.wrong_unit(u.name_en, u.name_ar, p.unit.name_en, p.unit.name_ar)
                )
            if same != p.unit:
                typed_in = (v, same)
            v = v2
    fmt = show_year if year else show
    tol = float(q.tolerance or 0)
    scale = unit_scale(q)
    if scale != 1 and abs(v - expected * scale) <= (tol + 1e-9) * scale:
        v = v / scale  # "240 billion" when the unit is already "billion dollars"
    if abs(v - expected) <= tol + 1e-9 * max(1.0, abs(expected)):
        reason = R.within_tolerance(fmt(v)) if v != expected else R.NONE
        return R.correct(reason, fmt(expected))
    if typed_in is not None:
        shown, u = typed_in
        return R.incorrect(R.off_in_unit(fmt(shown), u.name_en, u.name_ar, v > expected))
    return R.incorrect(R.too_high(fmt(v), year) if v > expected else R.too_low(fmt(v), year))
