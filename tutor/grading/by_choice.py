"""Grading a choice: by its position as shown (letter, number, ordinal) or by its text."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.grading import reasons as R
from tutor.grading.by_text import judge
from tutor.grading.normalize import normalize
from tutor.grading.numbers import figures
from tutor.grading.paraphrase import restated_option, reverses
from tutor.grading.prepared import Prepared
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import FILLER

_LETTERS = ("abcdefgh", "ابجدهوزح")
_CHOICE_WORDS = frozenset(
    normalize(w)
    for w in [
        "option",
        "choice",
        "answer",
        "number",
        "letter",
        "الخيار",
        "خيار",
        "رقم",
        "حرف",
        "الاختيار",
        "one",
        "the",
        "رقم",
        "الرقم",
    ]
)


def _index(word: str, n: int) -> int | None:
    """The position a word names: "b", "ب", "2", "two", "second", "الثاني", "ثانيا"."""
    for letters in _LETTERS:
        if len(word) == 1 and word in letters[:n]:
            return letters.index(word)
    if word.isdigit():
        return int(word) - 1 if 1 <= int(word) <= n else None
    fig = figures(word)
    if len(fig.values) == 1 and fig.values[0].is_integer() and 1 <= fig.values[0] <= n:
        return int(fig.values[0]) - 1
    return None


def grade_choice(
    p: Prepared, norm: str, shown: Sequence[int] | None = None, answer: str | None = None
) -> Verdict:
    q = p.question
    expected = q.answer
    given = tuple(norm.split())
    if len(given) > max(3 * max((t.max_words for t in p.targets), default=1), 30):
        return R.incorrect(R.TOO_LONG)  # a paragraph, not a pick
    judged = [(i, judge(t, given, p)) for i, t in enumerate(p.targets)]
    hits = [i for i, j in judged if j.ok]
    if len(hits) > 1:
        # one option typed exactly and another within a slip of it: the exact one was meant
        exact = [i for i, j in judged if j.ok and j.edits == 0 and j.clean]
        if len(exact) != 1:
            return R.incorrect(R.HEDGE)
        hits = exact
    if not hits:
        rest = [w for w in given if w not in FILLER and w not in _CHOICE_WORDS]
        if not rest and len(given) == 1:
            rest = list(given)  # "a" is filler in a sentence, but alone it names option a
        idx = _index(rest[0], len(p.targets)) if len(rest) == 1 else None
        if idx is not None and shown is not None:
            idx = shown[idx] if idx < len(shown) else None  # a position names the option as shown
        if idx is None:
            options = [[f for f in (c.ar, c.en) if f] for c in p.question.choices]
            idx = restated_option(answer or norm, options, p.prompt_words)
        if idx is None:
            return R.incorrect(R.PICK_ONE if len(rest) != 1 else R.NONE)
        hits = [idx]
    picked = p.question.choices[hits[0]]
    if reverses(answer or norm, [f for f in (picked.ar, picked.en) if f], p.prompt_words):
        return R.incorrect(R.DENIED)  # the option turned round: "X, not Y" for "Y, not X"
    if hits[0] == expected:
        return R.correct(R.NONE, p.targets[hits[0]].shown)
    return R.incorrect()
