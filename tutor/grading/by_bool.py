"""Grading a yes/no (true/false) question from what the learner said, in either language.

An explicit yes or no decides ("no, it did not", "not true", "صحيح", "مظبوط", "خطأ"); "no doubt"
and "لا شك" say yes; "yes and no", "maybe", "partly" hedge. Without a yes or a no, each clause is
read against the prompt's claim: one that restates it ("ليس من قبيل المصادفة" for "it was no
coincidence") says yes, one that denies it ("لم تنجح", "it did not") says no, and so does one that
states its opposite ("هناك شكوك" against "بلا شك", "it denied it" against "it confirmed"), while
denying the opposite says yes ("it didn't confirm anything" against "it denied"). Clauses that
disagree hedge.
"""

from __future__ import annotations

import itertools

from tutor.grading import reasons as R
from tutor.grading.lexicon import opposite_of_word
from tutor.grading.normalize import normalize
from tutor.grading.paraphrase import concept as _concept
from tutor.grading.paraphrase import opposed
from tutor.grading.polarity import DOUBT, WITHOUT, clauses, subject_denials, swapped, takes_back
from tutor.grading.polarity import NEGATORS as STATEMENT_NEGATORS
from tutor.grading.prepared import Prepared
from tutor.grading.text import same_word as _same_word
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import FUNCTION


def _words(s: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in s.split())


TRUE = _words(
    "yes y t yeah yep yup true correct right agree affirmative sure "
    "نعم أجل ايوه ايوا إي بلى صح صحيح صحيحة صحيحا صواب مظبوط مضبوط"
)
# Words that make a yes or a no surer ("wrong, of course", "definitely not", "غلط طبعا"): alone
# they say yes, beside a yes or a no they add nothing.
INTENSIFIERS = _words(
    "definitely certainly absolutely indeed undoubtedly doubtless surely course "
    "طبعا أكيد بالتأكيد مؤكد قطعا حتما"
)
FALSE = _words(
    "no n f nope false wrong incorrect disagree contrary opposite untrue "
    "لا كلا خطأ خطا خاطئ خاطئة غلط أبدا بالعكس العكس"
)
NEGATORS = _words("not isnt ليس ليست غير مش مو ما") | STATEMENT_NEGATORS
HEDGES = _words(
    "maybe perhaps possibly partly partially somewhat probably unsure half halfway kinda sorta "
    "ربما يمكن جزئيا نوعا حد لعل محتمل ممكن قد"
)


def _said(given: list[str]) -> set[bool]:
    # "صح وخطأ": a yes or a no may carry "and"
    given = [w[1:] if len(w) > 2 and w[0] == "و" and w[1:] in TRUE | FALSE else w for w in given]
    said: set[bool] = set()
    sure = False  # an intensifier was said
    skip = 0
    for i, w in enumerate(given):
        if skip:
            skip -= 1
            continue
        nxt = given[i + 1] if i + 1 < len(given) else ""
        after = given[i + 2] if nxt == "a" and i + 2 < len(given) else nxt  # "without a doubt"
        if w in WITHOUT and after in DOUBT:
            said.add(True)
            skip = 1 if nxt in DOUBT else 2
        elif w in NEGATORS and nxt in TRUE:
            said.add(False)
            skip = 1
        elif w in NEGATORS and nxt in FALSE:
            said.add(True)
            skip = 1
        elif w in INTENSIFIERS and (w != "course" or (i and given[i - 1] == "of")):
            sure = True
            if nxt in NEGATORS and all(x in FUNCTION for x in given[i + 2 :]):
                said.add(False)  # "definitely not", "of course not"
                skip = 1
        elif w in TRUE:
            said.add(True)
        elif w in FALSE:
            said.add(False)
    if sure and not said and not any(w in NEGATORS for w in given):
        said.add(True)  # "of course", "طبعا" alone
    return said


def _stems(word: str) -> set[str]:
    """A word's concept, and its verb's without the present prefix ("تنجح" → "نجح")."""
    return {_concept(word), _concept(word[1:]) if word[:1] in "تينا" and len(word) > 3 else ""}


def _restates(word: str, claim_word: str) -> bool:
    """The same word, stem or verb ("لم تنجح" restates "نجحت" negated)."""
    return _same_word(word, claim_word) or _concept(claim_word) in _stems(word)


_CERTAIN = _concept("certain")
_EXCEPT = _words("الا سوى")


def _claim(p: Prepared, arabic: bool) -> tuple[frozenset[str], frozenset[str], bool]:
    """The prompt's words and concepts, and whether its claim is itself negated, in the
    answer's language ("بلا شك" in a claim is the concept of certainty)."""
    prompt = p.question.prompt
    text = (prompt.ar if arabic else prompt.en) if prompt is not None else None
    words = normalize(text or "").split()
    certain = [i for i in range(1, len(words)) if words[i - 1] in WITHOUT and words[i] in DOUBT]
    words = [w for i, w in enumerate(words) if i not in certain and i + 1 not in certain]
    concepts = {_concept(w) for w in words} | ({_CERTAIN} if certain else set())
    # "لم يزرها إلا مرة", "never but once": a negator with an exception says "only", not "not"
    negated = any(w in NEGATORS for w in words) and not any(w in _EXCEPT for w in words)
    return frozenset(words), frozenset(concepts), negated


_STATES = frozenset(_concept(w) for w in ("china", "russia", "america", "britain", "pyongyang"))


def _entity(word: str) -> str | None:
    """The power a word names ("Beijing" and "الصين" alike), or None. (Only the powers whose
    names the synonym list folds: a smaller country is as often where as who, "in Ukraine".)"""
    c = _concept(word)
    return c if c in _STATES else None


def _leaning(part: str, claim: frozenset[str], concepts: frozenset[str]) -> int:
    """+1 when `part` restates the claim, -1 when it states its opposite or puts another country
    in it ("since the Cold War, China has been its main partner" against "Russia has been"),
    0 when it says nothing of it."""
    content = [w for w in normalize(part).split() if w not in FUNCTION and w not in NEGATORS]
    if any(opposed(s, c) for w in content for s in _stems(w) for c in concepts):
        return -1
    said = [w for w in content if _entity(w) is None and any(_restates(w, c) for c in claim)]
    if said and {_entity(w) for w in content} - {_entity(c) for c in claim} - {None}:
        return -1
    return int(bool(said) or any(_restates(w, c) for w in content for c in claim))


_ONLY = _words("only just solely merely فقط بس الا سوى وحسب")
_ALSO = _words("also too but بل ايضا كذلك وانما")


def _denies_only(given: list[str], claim: frozenset[str]) -> bool:
    """ "not only once, he came several times" against "only once": the restriction the claim
    makes is denied. ("Not only X but also Y" is an addition, not a denial.)"""
    if not claim & _ONLY or any(w in _ALSO for w in given):
        return False
    return any(w in NEGATORS and nxt in _ONLY for w, nxt in itertools.pairwise(given))


def _read_clauses(answer: str, claim, concepts, negated: bool = True) -> set[bool] | None:
    """What the clauses say of the claim: denials and opposites first (they carry the verdict:
    "the launch did not succeed" names the launch only as its subject), then plain restatements.
    None when nothing restates the claim."""
    strong: set[bool] = set()
    weak: set[bool] = set()
    for keep, gone in clauses(answer):
        if gone and (lean := _leaning(gone, claim, concepts)):
            strong.add(lean < 0)
        elif (lean := _leaning(keep, claim, concepts)) < 0:
            strong.add(False)
        elif lean > 0:
            weak.add(True)
    for subject, said in subject_denials(answer) if negated else ():
        # "the West wasn't worried at all" against "raised fears in the West": the subject
        # restated, its verb negated, denies the claim however the verb is worded
        words = [w for w in normalize(said).split() if w not in FUNCTION]
        if (
            words
            and _leaning(said, claim, concepts) == 0
            and _leaning(subject, claim, concepts) > 0
            and not any(_entity(w) or opposite_of_word(w) for w in words)
        ):
            strong.add(False)
    return strong or weak or None


def _instead(answer: str, prompt: str) -> set[bool] | None:
    """ "X didn't drive first, Y did": right when the claim says it of Y (named before X)."""
    pair = swapped(answer)
    if pair is None:
        return None
    words = normalize(prompt).split()

    def at(names: tuple[str, ...]) -> int | None:
        return next((k for k, w in enumerate(words) if any(_same_word(n, w) for n in names)), None)

    x, y = at(pair[0]), at(pair[1])
    if x is None or y is None or x == y:
        return None
    return {y < x}


def grade_bool(p: Prepared, norm: str, answer: str | None = None) -> Verdict:
    given = norm.split()
    if len(given) > 25:
        return R.incorrect(R.TOO_LONG)
    if any(w in HEDGES for w in given):
        return R.incorrect(R.HEDGE)
    said = set() if answer and takes_back(answer) else _said(given)
    if not said:
        arabic = any("\u0600" <= c <= "\u06ff" for c in norm)
        claim, concepts, claim_negated = _claim(p, arabic)
        read = {False} if _denies_only(given, claim) else None
        prompt = p.question.prompt
        text = (prompt.ar if arabic else prompt.en) if prompt is not None else None
        negated = any(w in NEGATORS for w in given)  # (else nothing is denied or swapped)
        read = read or (_instead(answer or norm, text or "") if negated else None)
        read = read or _read_clauses(answer or norm, claim, concepts, negated)
        if read is None:
            return R.incorrect(R.YES_NO)  # neither a yes nor a no, nor the claim restated
        said = {v == (not claim_negated) for v in read}
    if len(said) != 1:
        return R.incorrect(R.HEDGE)
    value = said.pop()
    if value == p.question.answer:
        return R.correct(R.NONE, p.question.answer_text("en"))
    return R.incorrect()
