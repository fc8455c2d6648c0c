"""Grading a choice (by letter, number or text) and a yes/no question (in either language)."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.grading import reasons as R
from tutor.grading.by_text import judge
from tutor.grading.normalize import normalize
from tutor.grading.prepared import Prepared
from tutor.grading.text import Form, word_edits
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
    ]
)


def _index(word: str, n: int) -> int | None:
    for letters in _LETTERS:
        if len(word) == 1 and word in letters[:n]:
            return letters.index(word)
    if word.isdigit() and 1 <= int(word) <= n:
        return int(word) - 1
    return None


def _same_word(a: str, b: str) -> bool:
    """Equal within a slip, or the same stem ("reviewing"/"reviewed", "launch"/"launching")."""
    if word_edits(a, b) is not None:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 or (n >= 4 and min(len(a), len(b)) == n)


def _overlap(answer: list[str], option: Form) -> tuple[float, float]:
    """Share of the answer's words found in the option, and of the option's words found."""
    words = [w for w in option.words if w not in FILLER]
    if not answer or not words:
        return 0.0, 0.0
    found = sum(any(_same_word(a, w) for w in words) for a in answer)
    covered = sum(any(_same_word(a, w) for a in answer) for w in words)
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


def grade_choice(p: Prepared, norm: str, shown: Sequence[int] | None = None) -> Verdict:
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
            idx = closest_option(p, given)
        if idx is None:
            return R.incorrect(R.PICK_ONE if len(rest) != 1 else R.NONE)
        hits = [idx]
    if hits[0] == expected:
        return R.correct(R.NONE, p.targets[hits[0]].shown)
    return R.incorrect()


def _words(s: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in s.split())


TRUE = _words(
    "yes y yeah yep yup true correct right agree affirmative sure "
    "نعم أجل ايوه ايوا إي بلى صح صحيح صحيحة صحيحا صواب طبعا أكيد بالتأكيد"
)
FALSE = _words("no n nope false wrong incorrect disagree لا كلا خطأ خطا خاطئ خاطئة غلط أبدا")
NEGATORS = _words("not isnt ليس ليست غير مش مو ما")


def grade_bool(p: Prepared, norm: str) -> Verdict:
    given = norm.split()
    if len(given) > 15:
        return R.incorrect(R.TOO_LONG)
    said: set[bool] = set()
    skip = False
    for i, w in enumerate(given):
        if skip:
            skip = False
            continue
        nxt = given[i + 1] if i + 1 < len(given) else ""
        if w in NEGATORS and nxt in TRUE:
            said.add(False)
            skip = True
        elif w in NEGATORS and nxt in FALSE:
            said.add(True)
            skip = True
        elif w in TRUE:
            said.add(True)
        elif w in FALSE:
            said.add(False)
    if len(said) != 1:
        return R.incorrect(R.HEDGE if said else R.YES_NO)
    value = said.pop()
    if value == p.question.answer:
        return R.correct(R.NONE, p.question.answer_text("en"))
    return R.incorrect()
