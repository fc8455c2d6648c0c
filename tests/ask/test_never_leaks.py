"""While a question is open, asking the articles never shows what proves its answer: checked for
every question of the bundled bank, asked in its own words (the likeliest way to find its proof)
in both languages."""

from __future__ import annotations

import re

import pytest

from tutor.ask.answer import reply
from tutor.bank import load_bank
from tutor.grading.normalize import normalize

BANK = load_bank()
ASKED = [(q, lang) for q in BANK.questions if q.prompt is not None for lang in ("en", "ar")]


def _shown(lines) -> str:
    return " ".join(normalize(x.text) for x in lines if x.kind in ("quote", "practise"))


def _words(text: str) -> str:
    return " " + re.sub(r"\s+", " ", normalize(text)) + " "


def _proofs(q) -> list[str]:
    return [normalize(p.text) for p in q.passages() if p.text.strip()]


def _answers(q) -> list[str]:
    """The answer as the article would write it, long enough not to be a common word."""
    a = q.answer
    locs = [a] if q.type == "text" else list(a) if q.type in ("list", "order") else []
    if q.type == "choice":
        locs = [q.choices[a]]
    return [normalize(f) for loc in locs for f in loc.forms() if len(normalize(f)) >= 4]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_asking_an_open_questions_own_prompt_never_shows_its_proof_or_answer(lang):
    leaks = []
    for q, asked_lang in ASKED:
        if asked_lang != lang:
            continue
        lines = reply(BANK, q.prompt.get(lang), lang, open_question=q)
        shown = _words(_shown(lines))
        for proof in _proofs(q):
            if proof in shown:
                leaks.append((q.id, "evidence", proof))
        for answer in _answers(q):
            # a list or order answer has several items: its proof would name them all
            whole = f" {answer} " in shown
            if whole and q.type not in ("list", "order"):
                leaks.append((q.id, "answer", answer))
    assert not leaks


def test_the_same_prompts_find_their_proof_when_no_question_is_open():
    """Not vacuous: asked with nothing open, most prompts do bring up their own evidence."""
    sample = ASKED[::4]
    found = 0
    for q, lang in sample:
        shown = _words(_shown(reply(BANK, q.prompt.get(lang), lang)))
        found += any(proof in shown for proof in _proofs(q))
    assert found >= 0.9 * len(sample)
