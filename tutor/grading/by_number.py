"""Grading a figure or a year: parsed, compared exactly (or within the bank's tolerance)."""

from __future__ import annotations

from tutor.grading import reasons as R
from tutor.grading.numbers import figures, show, show_year
from tutor.grading.prepared import Prepared
from tutor.grading.verdict import Verdict

MAX_OTHER_WORDS = 12


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


def grade_number(p: Prepared, answer: str) -> Verdict:
    q = p.question
    year = q.type == "year"
    expected = float(q.answer)  # type: ignore[arg-type]
    fig = figures(answer)
    values = sorted(set(fig.values))
    if not values:
        return R.incorrect(R.VAGUE_NUMBER if fig.vague else R.NO_NUMBER)
    if len(values) > 1:
        return R.incorrect(R.HEDGE)
    if fig.other_words > MAX_OTHER_WORDS:
        return R.incorrect(R.TOO_LONG)
    v = values[0]
    fmt = show_year if year else show
    tol = float(q.tolerance or 0)
    scale = unit_scale(q)
    if scale != 1 and abs(v - expected * scale) <= (tol + 1e-9) * scale:
        v = v / scale  # "240 billion" when the unit is already "billion dollars"
    if abs(v - expected) <= tol + 1e-9 * max(1.0, abs(expected)):
        reason = R.within_tolerance(fmt(v)) if v != expected else R.NONE
        return R.correct(reason, fmt(expected))
    return R.incorrect(R.too_high(fmt(v), year) if v > expected else R.too_low(fmt(v), year))
