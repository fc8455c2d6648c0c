"""Grading a choice (by letter, number or text) and a yes/no question (in either language)."""

from __future__ import annotations

from tutor.grading import reasons as R
from tutor.grading.by_text import judge
from tutor.grading.normalize import normalize
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
    ]
)


def _index(word: str, n: int) -> int | None:
    for letters in _LETTERS:
        if len(word) == 1 and word in letters[:n]:
            return letters.index(word)
    if word.isdigit() and 1 <= int(word) <= n:
        return int(word) - 1
    return None


def grade_choice(p: Prepared, norm: str) -> Verdict:
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
