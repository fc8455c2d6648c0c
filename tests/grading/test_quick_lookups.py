"""Lookups that spare the grader work must never change what it finds.

The list segmenter's quick "no" (tutor/grading/text.py: Reach) must never say no where judging
the run would say yes: for every run of a list or order answer and every item of the bundled
bank, a run Reach rules out names no item, by any form, spelling slip, words run together or
acronym. The answers are made of the items' own words, slipped, split, run together, beside
filler and other answers' words. near_any, and the misspelt number words and months found
through a NearIndex, are compared with the word-by-word search they replace.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.bank import load_bank
from tutor.grading.by_text import judge
from tutor.grading.prepared import prepared
from tutor.grading.text import Reach, may_match, near_any, same_word

BANK = load_bank()
QUESTIONS = [q for q in BANK.questions if q.type in ("list", "order")]
FILLER = ["the", "and", "i", "think", "ال", "و", "ربما", "of", "a"]
OTHERS = [w for q in BANK.questions[:60] for w in (q.prompt.en or "").lower().split()[:4]]


def _slip(word: str, rng: random.Random) -> str:
    if len(word) < 4 or rng.random() < 0.5:
        return word
    i = rng.randrange(len(word) - 1)
    return rng.choice(
        [word[:i] + word[i + 1 :], word[:i] + word[i + 1] + word[i] + word[i + 2 :], word + "s"]
    )


def _answer(rng: random.Random, p) -> tuple[str, ...]:
    words: list[str] = []
    for _ in range(rng.randint(1, 6)):
        t = rng.choice(p.targets)
        form = rng.choice(t.forms)
        typed = [_slip(w, rng) for w in form.words]
        if rng.random() < 0.2:
            typed = ["".join(typed)]  # run together
        elif rng.random() < 0.2 and len(typed[0]) > 4:
            typed = [typed[0][:3], typed[0][3:], *typed[1:]]  # split apart
        elif rng.random() < 0.2 and len(form.core) >= 2 and form.core[0].isascii():
            typed = ["".join(w[0] for w in form.core)]  # an acronym
        words += typed
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(FILLER + OTHERS))
    return tuple(w for w in words if w)


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False))
def test_a_run_reach_rules_out_names_no_item(rng: random.Random) -> None:
    q = rng.choice(QUESTIONS)
    p = prepared(q, BANK)
    words = _answer(rng, p)
    reach = Reach(words, p.targets)
    longest = max(t.max_words for t in p.targets) + 3
    for i in range(len(words)):
        for k in range(i + 1, min(len(words), i + longest) + 1):
            run = words[i:k]
            for n, t in enumerate(p.targets):
                if reach.may(i, k, n):
                    continue
                assert not may_match(run, t.forms), (q.id, run, t.shown)
                assert not judge(t, run, p, strict=True).ok, (q.id, run, t.shown)


WORDS = [w for q in QUESTIONS for t in prepared(q, BANK).targets for f in t.forms for w in f.words]


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_near_any_is_same_word_with_any_of_the_words(rng: random.Random) -> None:
    """near_any compares a word only with the words that share a key with it: never a pair
    same_word would accept is left out."""
    words = tuple(_slip(rng.choice(WORDS), rng) for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.2:
        words += ("two words",)
    word = rng.choice([*words, *WORDS])
    word = _slip(_slip(word, rng), rng) if rng.random() < 0.7 else word[: rng.randint(1, 9)]
    full = " " not in word and any(" " not in w and same_word(word, w) for w in words)
    assert near_any(word, words) == full, (word, words)


def _brute_number_word(tok: str) -> str | None:
    from rapidfuzz.distance import OSA

    from tutor.grading import numbers as N
    from tutor.grading.lexicon import common_words

    if len(tok) < 3 or not tok.isalpha() or tok in common_words():
        return None
    cut = 1 if len(tok) <= 7 else 2
    near = {
        w
        for w in (*N._UNITS, *N._ORDINALS, *N._HUNDREDS, *N._SCALES, "hundred")
        if abs(len(w) - len(tok)) <= cut and OSA.distance(tok, w, score_cutoff=cut) <= cut
    }
    return min(near) if len({N._table_value(w) for w in near}) == 1 else None


def _brute_month(tok: str) -> int | None:
    from rapidfuzz.distance import OSA

    from tutor.grading.dates import MONTHS
    from tutor.grading.lexicon import common_words

    if len(tok) < 4 or tok in common_words():
        return None
    near = {m for name, m in MONTHS.items() if "_" not in name and len(name) >= 4
            and OSA.distance(tok, name, score_cutoff=1) <= 1}  # fmt: skip
    return near.pop() if len(near) == 1 else None


@settings(max_examples=400, deadline=None)
@given(st.randoms(use_true_random=False))
def test_misspelt_number_words_and_months_are_found_as_by_a_full_search(rng) -> None:
    from tutor.grading import numbers as N
    from tutor.grading.dates import MONTHS, misspelt_month

    vocab = [*N._UNITS, *N._ORDINALS, *N._HUNDREDS, *N._SCALES, *MONTHS, *WORDS]
    tok = rng.choice(vocab).replace("_", "")
    for _ in range(rng.randint(0, 3)):
        tok = _slip(tok, rng) if rng.random() < 0.6 else tok + rng.choice("aeيةو")
    assert N.misspelt_number_word(tok) == _brute_number_word(tok), tok
    assert misspelt_month(tok) == _brute_month(tok), tok


def test_a_long_word_costs_no_more_than_a_short_one() -> None:
    """A typed "word" of thousands of letters is no number word or month, and finding so must
    not try every way of deleting letters from it."""
    from tutor.grading import numbers as N
    from tutor.grading.dates import misspelt_month

    assert N._number_words().near("x" * 100_000, 2) == set()
    assert N.misspelt_number_word("q" * 100_000) is None
    assert misspelt_month("q" * 100_000) is None
