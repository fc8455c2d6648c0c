"""Properties over the bundled bank and over arbitrary text (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.bank import load_bank
from tutor.bank.model import Localized, PartialDate
from tutor.grading import grade
from tutor.grading.normalize import fold, normalize

BANK = load_bank()
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # and tatweel
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)


@given(st.text(alphabet=st.one_of(ARABIC, st.characters(max_codepoint=0x24F)), max_size=40))
def test_normalisation_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)
    assert normalize(normalize(s)) == normalize(s)


def expected_forms(q) -> list[str]:
    """What a learner could copy from the answer key: every form the bank writes down."""
    a = q.answer
    if isinstance(a, Localized):
        return [*a.forms(), *q.accept]
    if q.type in ("list", "order"):  # an order: its items typed in the right order
        sep = {"ar": "، ", "en": ", "}
        return [sep[lang].join(item.get(lang) for item in a) for lang in ("ar", "en")] + list(
            q.accept
        )
    if q.type == "choice":
        return [*q.choices[a].forms(), *q.accept]
    if isinstance(a, PartialDate):
        return [str(a), *q.accept]
    if q.type == "bool":
        return ["true" if a else "false", "صح" if a else "خطأ", *q.accept]
    return [str(a), *q.accept]


CASES = [(q, f) for q in BANK.questions for f in expected_forms(q)]


@pytest.mark.parametrize(("q", "form"), CASES, ids=[f"{q.id}:{f[:20]}" for q, f in CASES])
def test_every_expected_form_and_accept_grades_correct(q, form: str) -> None:
    assert grade(q, form, bank=BANK).correct


ARABIC_TEXT = [
    (q, q.answer.ar) for q in BANK.questions if isinstance(q.answer, Localized) and q.answer.ar
]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ARABIC_TEXT), st.data())
def test_diacritics_and_tatweel_keep_a_right_arabic_answer_right(case, data) -> None:
    q, answer = case
    marks = data.draw(
        st.lists(st.sampled_from(HARAKAT), min_size=len(answer), max_size=len(answer))
    )
    decorated = "".join(
        c + (m if "\u0621" <= c <= "\u064a" else "") for c, m in zip(answer, marks, strict=True)
    )
    assert grade(q, decorated, bank=BANK).correct, decorated
