"""The grader's quick "no"s must never say no where the full rules would say yes.

match_form, judge and restated_option skip their word-by-word work when cheap keys show it cannot
succeed (tutor/grading/text.py: may_match, similar_keys, Form.pieces). Each test here compares
the quick answer with the full one on words made to be near each other: spelling slips of both
kinds of letters, words run together, prefixes, proclitics.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.grading.text import (
    Form,
    _compact_match,
    _typed_keys,
    match_form,
    may_match,
    same_word,
    similar_keys,
    word_edits,
)

LATIN = "aeinorstbk"
ARABIC = "ابتمنيوهلكس"
WORDS = ["pyongyang", "vostochny", "kim", "jong", "un", "university", "hull", "dover", "rumer",
         "بيونغ", "يانغ", "بوتين", "الكرملين", "وبالصين", "موسكو", "هال", "جامعة", "of", "the",
         "1961", "2000", "nato", "independent", "dependent", "iran", "iraq"]  # fmt: skip


def _slip(word: str, rng: random.Random, alphabet: str) -> str:
    """`word` with up to two edits of any kind optimal string alignment counts."""
    for _ in range(rng.randint(0, 2)):
        if not word:
            break
        i = rng.randrange(len(word))
        kind = rng.randrange(4)
        if kind == 0:
            word = word[:i] + word[i + 1 :]
        elif kind == 1:
            word = word[:i] + rng.choice(alphabet) + word[i:]
        elif kind == 2:
            word = word[:i] + rng.choice(alphabet) + word[i + 1 :]
        elif i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def _word(rng: random.Random) -> str:
    alphabet = rng.choice([LATIN, ARABIC])
    base = rng.choice([*WORDS, "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))])
    return _slip(rng.choice(["", "و", "ال", "بال", "al"]) + base, rng, alphabet) or base


@settings(max_examples=400, deadline=None)
@given(st.randoms(use_true_random=False))
def test_words_within_a_slip_share_keys(rng: random.Random) -> None:
    a, b = _word(rng), _word(rng)
    if rng.random() < 0.5:
        b = _slip(a, rng, rng.choice([LATIN, ARABIC])) or a
    elif rng.random() < 0.3:  # another ending on the same stem: "reviewing" / "reviewed"
        b = a[: rng.randint(4, 6)] + "".join(rng.choice(LATIN) for _ in range(rng.randint(0, 4)))
    ka, kb = similar_keys(a), similar_keys(b)
    if same_word(a, b):
        assert ka is None or kb is None or not ka.isdisjoint(kb), (a, b)
    if word_edits(a, b) is not None:  # typed a, expected b: match_form's quick test
        form = Form.of(b)
        if form is not None and form.core == (b,):
            ta = _typed_keys(a)
            assert ta is None or not ta.isdisjoint(form.keys), (a, b)


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_may_match_says_no_only_when_no_form_matches(rng: random.Random) -> None:
    texts = [" ".join(_word(rng) for _ in range(rng.randint(1, 3))) for _ in range(3)]
    forms = tuple(f for f in (Form.of(t) for t in texts) if f is not None)
    words = [_word(rng) for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.5 and forms:  # the answer holds a form, slipped, split or run together
        f = rng.choice(forms)
        alphabet = rng.choice([LATIN, ARABIC])
        typed = [_slip(w, rng, alphabet) or w for w in f.core]
        if rng.random() < 0.3:
            typed = ["".join(typed)]
        elif rng.random() < 0.3 and len(typed[0]) > 3:
            typed = [typed[0][:2], typed[0][2:], *typed[1:]]
        words[rng.randrange(len(words) + 1) : 0] = typed
    answer = tuple(words)
    if may_match(answer, forms):
        return
    for f in forms:
        assert match_form(answer, f) is None, (answer, f.text)
        assert match_form(answer, f, reorder=True) is None, (answer, f.text)
        assert all(word_edits(g, c) is None for g in answer for c in f.core), (answer, f.text)


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_pieces_never_hide_a_run_together_match(rng: random.Random) -> None:
    alphabet = rng.choice([LATIN, ARABIC])
    core = [_word(rng) for _ in range(rng.randint(1, 3))]
    form = Form.of(" ".join(core))
    if form is None:
        return
    typed = _slip(form.compact, rng, alphabet) or form.compact
    cuts = sorted(rng.sample(range(1, len(typed)), min(len(typed) - 1, rng.randint(0, 3))))
    parts = [typed[a:b] for a, b in zip([0, *cuts], [*cuts, len(typed)], strict=True)]
    answer = tuple(p for p in [_word(rng), *parts, _word(rng)][rng.randint(0, 1) :] if p)
    quick = _compact_match(answer, form)
    full = Form(form.text, form.words, form.core, form.compact, form.family)
    full.__dict__["pieces"] = ("",)  # every string holds the empty piece: the full alignment
    slow = _compact_match(answer, full)
    assert (quick is None) == (slow is None), (answer, form.compact)
    if quick is not None and slow is not None:
        assert (quick.edits, quick.leftover) == (slow.edits, slow.leftover)


def test_words_of_one_stem_share_keys() -> None:
    """The same stem with other endings is the same word to paraphrase matching, however many
    letters the endings differ by."""
    for a, b in [("reviewing", "reviewed"), ("sanctioning", "sanctioned"), ("مرجحا", "مرجح")]:
        assert same_word(a, b)
        ka, kb = similar_keys(a), similar_keys(b)
        assert ka is not None and kb is not None and not ka.isdisjoint(kb), (a, b)


def _one_edit(word: str) -> set[str]:
    """Every word one edit from `word`: a letter dropped, added, changed, or two swapped."""
    out = set()
    for i in range(len(word) + 1):
        out.add(word[:i] + "x" + word[i:])
        if i < len(word):
            out.add(word[:i] + word[i + 1 :])
            out.add(word[:i] + "x" + word[i + 1 :])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return out


def test_every_slip_of_a_run_together_name_is_still_found() -> None:
    for name in ["pyong yang", "vostochny cosmodrome", "كيم جونغ اون", "بيونغ يانغ"]:
        form = Form.of(name)
        assert form is not None
        full = Form(form.text, form.words, form.core, form.compact, form.family)
        full.__dict__["pieces"] = ("",)
        typos = (
            _one_edit(form.compact) | {t for w in _one_edit(form.compact) for t in _one_edit(w)}
            if form.cut >= 2
            else _one_edit(form.compact)
        )
        for typed in typos:
            for cut in range(1, len(typed)):
                answer = (typed[:cut], typed[cut:])
                assert (_compact_match(answer, form) is None) == (
                    _compact_match(answer, full) is None
                ), (name, answer)
