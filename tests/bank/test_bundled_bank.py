"""The bundled bank meets the bar of issue 4: size, spread over articles, types, topics and
difficulty, and a complete question every time (both languages, hint, explanation, near misses)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tutor.bank import load_bank
from tutor.bank.check import check_bank
from tutor.bank.model import Localized

BANK = load_bank()
QS = BANK.questions
README = (Path(__file__).resolve().parents[2] / "questions" / "README.md").read_text("utf-8")
DOCUMENTED_TAGS = set(re.findall(r"^\| `([a-z-]+)` \|", README.split("## Tags", 1)[1], re.M))


def is_name(q) -> bool:
    """A person, organisation or place: its English answer holds a capitalised word."""
    a = q.answer
    if q.type == "text" and isinstance(a, Localized) and a.en:
        return bool(re.search(r"\b[A-Z][a-z]", a.en))
    if q.type == "list":
        return all(item.en and re.search(r"\b[A-Z][a-z]", item.en) for item in a)
    return False


def test_at_least_170_questions_and_25_per_article() -> None:
    assert len(QS) >= 170
    per = Counter(q.article for q in QS)
    assert set(per) == set(BANK.articles), "every article has questions"
    assert min(per.values()) >= 25, per


def test_every_type_is_used() -> None:
    assert {q.type for q in QS} == {"text", "number", "year", "date", "list", "choice", "bool"}


def test_a_quarter_names_and_a_quarter_figures_years_or_dates() -> None:
    names = sum(is_name(q) for q in QS)
    figures = sum(q.type in ("number", "year", "date") for q in QS)
    assert names >= len(QS) / 4, names
    assert figures >= len(QS) / 4, figures


def test_three_difficulties_roughly_a_third_each() -> None:
    per = Counter(q.difficulty for q in QS)
    assert set(per) == {1, 2, 3}
    assert all(0.2 <= n / len(QS) <= 0.45 for n in per.values()), per


def test_tags_are_the_documented_set_of_eight_to_twelve_and_all_used() -> None:
    used = {t for q in QS for t in q.tags}
    assert 8 <= len(DOCUMENTED_TAGS) <= 12
    assert used == DOCUMENTED_TAGS
    assert all(1 <= len(q.tags) <= 3 for q in QS)


@pytest.mark.parametrize("q", QS, ids=[q.id for q in QS])
def test_each_question_is_complete_in_both_languages(q) -> None:
    for field in ("prompt", "hint", "explanation"):
        value = getattr(q, field)
        assert value is not None and value.ar and value.en, field
    assert q.evidence and q.article
    assert q.reject, "near misses prove the grader tells them apart"


def test_check_is_clean_and_no_reject_needs_the_authors_list() -> None:
    report = check_bank(BANK)
    assert report.errors == []
    leaning = [str(p) for p in report.problems if p.field == "reject"]
    assert leaning == [], "the grader alone must grade every listed near miss wrong"
