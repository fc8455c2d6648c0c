"""Grading a choice: by its position as shown (letter, number, ordinal) or by its text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tutor.grading import reasons as R
from tutor.grading.by_text import judge
from tutor.grading.descriptions import described_option
from tutor.grading.normalize import normalize
from tutor.grading.numbers import figures
from tutor.grading.paraphrase import restated_option, reverses
from tutor.grading.prepared import Prepared
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import ALTERNATIVES, FILLER

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


_LAST = frozenset(normalize(w) for w in ["last", "final", "الأخير", "الاخير", "الأخيرة", "اخير"])
_AKHIR = normalize("آخر")
_ONE = frozenset(normalize(w) for w in ["واحد", "واحدة", "إجابة", "جواب"])
_ANSWER = frozenset(normalize(w) for w in ["answer", "الجواب", "جواب", "الإجابة", "إجابة", "my"])


def _index(word: str, n: int) -> int | None:
    """The position a word names: "b", "ب", "2", "two", "second", "الثاني", "ثانيا"."""
    for letters in _LETTERS:
        if len(word) == 1 and word in letters[:n]:
            return letters.index(word)
    if word.isdigit():
        return int(word) - 1 if 1 <= int(word) <= n else None
    if word in _LAST:
        return n - 1
    fig = figures(word)
    if len(fig.values) == 1 and fig.values[0].is_integer() and 1 <= fig.values[0] <= n:
        return int(fig.values[0]) - 1
    return None


def _max_words(p: Prepared) -> int:
    return max(3 * max((t.max_words for t in p.targets), default=1), 30)


_OR = re.compile(r"(?i)(?<!\S)(?:or|either|أو|او|أم|ام)(?!\S)")


def grade_choice(
    p: Prepared, norm: str, shown: Sequence[int] | None = None, answer: str | None = None
) -> Verdict:
    """The option the answer names, by its text, position or meaning. Two candidates offered
    ("X or Y", "X، أو ربما Y") are a hedge unless both name the same option."""
    raw = answer or norm
    given = tuple(norm.split())
    if len(given) > _max_words(p):
        return R.incorrect(R.TOO_LONG)  # a paragraph, not a pick
    if any(w in ALTERNATIVES for w in given) and not any(
        w in ALTERNATIVES for t in p.targets for w in t.words
    ):
        parts = [x for x in _OR.split(raw) if normalize(x)]
        if len(parts) > 1:
            picks = {_picked(p, normalize(x), shown, x) for x in parts}
            if len(picks) != 1 or not isinstance(next(iter(picks)), int):
                return R.incorrect(R.HEDGE)
    hit = _picked(p, norm, shown, raw)
    if not isinstance(hit, int):
        return R.incorrect(hit)
    if hit == p.question.answer:
        return R.correct(R.NONE, p.targets[hit].shown)
    return R.incorrect()


def _picked(p: Prepared, norm: str, shown: Sequence[int] | None, answer: str) -> int | R.Reason:
    """The index of the option named, or why none is."""
    given = tuple(norm.split())
    if len(given) > _max_words(p):
        return R.TOO_LONG
    judged = [(i, judge(t, given, p)) for i, t in enumerate(p.targets)]
    hits = [i for i, j in judged if j.ok]
    if len(hits) > 1:
        # one option typed exactly and another within a slip of it: the exact one was meant
        exact = [i for i, j in judged if j.ok and j.edits == 0 and j.clean]
        if len(exact) != 1:
            return R.HEDGE
        hits = exact
    if not hits:
        if any(j.reason == R.HEDGE for _, j in judged):
            return R.HEDGE  # an option offered beside another candidate
        rest = [w for w in given if w not in FILLER and w not in _CHOICE_WORDS]
        if not rest and len(given) == 1:
            rest = list(given)  # "a" is filler in a sentence, but alone it names option a
        elif not rest and any(w in _CHOICE_WORDS or w in _ANSWER for w in given):
            # "answer A", "option a": after a choice word, "a" is a letter, not the article
            rest = [w for w in given if w not in _CHOICE_WORDS and w not in _ANSWER]
        idx = _index(rest[0], len(p.targets)) if len(rest) == 1 else None
        if idx is None and len(rest) == 1 and rest[0] == _AKHIR:
            # "آخر خيار": "آخر" before a choice word is "last"; after one it is "another"
            at = given.index(_AKHIR)
            if at + 1 < len(given) and given[at + 1] in _CHOICE_WORDS | _ONE:
                idx = len(p.targets) - 1
        if idx is not None and shown is not None:
            idx = shown[idx] if idx < len(shown) else None  # a position names the option as shown
        if idx is None:
            options = [[f for f in (c.ar, c.en) if f] for c in p.question.choices]
            idx = restated_option(answer, options, p.prompt_words)
            if idx is None:
                idx = described_option(p, answer)  # "the Hull professor"
        if idx is None:
            return R.PICK_ONE if len(rest) != 1 else R.NONE
        hits = [idx]
    picked = p.question.choices[hits[0]]
    if reverses(answer, [f for f in (picked.ar, picked.en) if f], p.prompt_words):
        return R.DENIED  # the option turned round: "X, not Y" for "Y, not X"
    return hits[0]
