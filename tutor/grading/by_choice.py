"""Grading a choice: by its position as shown (letter, number, ordinal) or by its text."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.grading import reasons as R
from tutor.grading.by_text import judge
from tutor.grading.normalize import normalize
from tutor.grading.numbers import figures
from tutor.grading.paraphrase import restated_option, reverses
from tutor.grading.prepared import Prepared
from tutor.grading.text import Form, same_word
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


def _overlap(answer: list[str], option: Form) -> tuple[float, float]:
    """Share of the answer's words found in the option, and of the option's words found."""
    words = [w for w in option.words if w not in FILLER]
    if not answer or not words:
        return 0.0, 0.0
    found = sum(any(same_word(a, w) for w in words) for a in answer)
    covered = sum(any(same_word(a, w) for a in answer) for w in words)
    return found / len(answer), covered / len(words)


def closest_option(p: Prepared, given: tuple[str, ...]) -> int | None:
    """The option an answer in the learner's own words plainly means, or None.

    A choice is a closed set, so a paraphrase that restates most of an option picks it
    ("reviewing the sanctions regime against North Korea" for "that the sanctions regime against
    North Korea must be reviewed"): nearly all its words are that option's, it covers most of
    that option, and no other option comes close. A fragment ("agreements on satellites") names
    part of an option, not the option, and stays unanswered.
    """
    answer = [w for w in given if w not in FILLER and w not in _CHOICE_WORDS]
    if len(answer) < 3:
        return None
    scores = []
    for i, target in enumerate(p.targets):
        best = max((_overlap(answer, f) for f in target.forms), default=(0.0, 0.0))
        scores.append((best[0] + best[1], best, i))
    scores.sort(reverse=True)
    (top, (found, covered), i), rest = scores[0], scores[1:]
    runner_up = rest[0][0] if rest else 0.0
    if found >= 0.8 and covered >= 0.6 and top - runner_up >= 0.5:
        return i
    return None


def grade_choice(
    p: Prepared, norm: str, shown: Sequence[int] | None = None, answer: str | None = None
) -> Verdict:
    q = p.question
    expected = q.answer
    given = tuple(norm.split())
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
            idx = closest_option(p, given)
        if idx is None:
            return R.incorrect(R.PICK_ONE if len(rest) != 1 else R.NONE)
        hits = [idx]
    picked = p.question.choices[hits[0]]
    if reverses(answer or norm, [f for f in (picked.ar, picked.en) if f], p.prompt_words):
        return R.incorrect(R.DENIED)  # the option turned round: "X, not Y" for "Y, not X"
    if hits[0] == expected:
        return R.correct(R.NONE, p.targets[hits[0]].shown)
    return R.incorrect()
