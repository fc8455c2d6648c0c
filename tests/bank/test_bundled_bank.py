"""The bundled bank meets the bar of issues 4 and 11: size, spread over articles, types, topics and
difficulty, and a complete question every time (both languages, hint, explanation, near misses)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tutor.bank import load_bank
from tutor.bank.check import check_bank
from tutor.bank.model import Localized
from tutor.grading.normalize import normalize
from tutor.grading.units import expected_unit

BANK = load_bank()
QS = BANK.questions
README = (Path(__file__).resolve().parents[2] / "questions" / "README.md").read_text("utf-8")
DOCUMENTED_TAGS = set(re.findall(r"^\| `([a-z-]+)` \|", README.split("## Tags", 1)[1], re.M))


def is_name(q) -> bool:
    """A person, organisation or place: its English answer holds a capitalised word or an
    acronym (NATO, BRICS)."""
    a = q.answer
    name = re.compile(r"\b([A-Z][a-z]|[A-Z]{3,}\b)")
    if q.type == "text" and isinstance(a, Localized) and a.en:
        return bool(name.search(a.en))
    if q.type == "list":
        return all(item.en and name.search(item.en) for item in a)
    if q.type == "choice":  # "who said it": every option is a person's name
        return all(c.en and re.fullmatch(r"[A-Z][\w'-]+( [A-Z][\w'-]+)+", c.en) for c in q.choices)
    return False


def test_at_least_170_questions_and_25_per_article() -> None:
    assert len(QS) >= 170
    per = Counter(q.article for q in QS)
    assert set(per) == set(BANK.articles), "every article has questions"
    assert min(per.values()) >= 25, per


def test_every_type_is_used() -> None:
    types = {"text", "number", "year", "date", "list", "choice", "bool", "order"}
    assert {q.type for q in QS} == types


def test_a_quarter_names_and_a_quarter_figures_years_or_dates() -> None:
    names = sum(is_name(q) for q in QS)
    figures = sum(q.type in ("number", "year", "date") for q in QS)
    assert names >= len(QS) / 4, names
    assert figures >= len(QS) / 4, figures


def test_every_unit_a_figure_gives_is_one_the_grader_checks() -> None:
    """A number question's unit is checked against the unit a learner types: "4 years" is not
    four areas of cooperation."""
    unread = [
        q.id
        for q in QS
        if q.type == "number"
        and q.unit is not None
        and expected_unit((q.unit.en, q.unit.ar), q.prompt.en) is None
    ]
    assert unread == []


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


def test_choice_keys_are_spread_over_positions() -> None:
    """Issue 11: 30 of 31 keys were option 1; no position may hold more than 40 % of the keys."""
    keys = Counter(q.answer for q in QS if q.type == "choice")
    assert max(keys.values()) <= 0.4 * sum(keys.values()), keys


def _articles(q) -> set[str]:
    return {p.article or q.article for p in q.passages()}


def _who_said(q) -> bool:
    return q.type == "choice" and is_name(q)


def test_questions_connect_the_articles() -> None:
    """Issue 11: order questions, questions proven from several articles, "who said it"."""
    orders = [q.id for q in QS if q.type == "order"]
    cross = [q.id for q in QS if len(_articles(q)) > 1]
    who = [q.id for q in QS if _who_said(q)]
    assert len(orders) >= 6, orders
    assert len(cross) >= 6, cross
    assert len(who) >= 6, who
    assert len(set(orders) | set(cross) | set(who)) >= 20


def _forms(q) -> list[str]:
    """The answer as a learner could read it elsewhere: text forms, the choice key, figures."""
    a = q.answer
    if q.type == "text":
        out = [*a.forms(), *q.accept]
    elif q.type == "choice":
        out = list(q.choices[a].forms())
    elif q.type in ("number", "year") and a >= 10:
        out = [str(a)]
    else:
        out = []
    return [n for f in out if len(n := normalize(f)) >= 4]


def _writes(text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _texts(loc) -> str:
    return normalize(f"{loc.ar} | {loc.en}") if loc else ""


def _gives(q, text: str) -> bool:
    """Whether `text` writes q's answer: one of its forms, or for a list as many items as earn
    full credit."""
    if q.type == "list":
        named = sum(
            any(_writes(text, n) for f in item.forms() if len(n := normalize(f)) >= 4)
            for item in q.answer
        )
        return named >= q.needed
    return any(_writes(text, f) for f in _forms(q))


def test_no_hint_gives_its_own_answer() -> None:
    leaks = [q.id for q in QS if _gives(q, _texts(q.hint))]
    assert leaks == []


def test_no_prompt_gives_away_another_answer_of_its_article() -> None:
    """Issue 11: 41 questions had their answer printed in a sibling's prompt; the few that
    remain are word clashes the author has checked and named in `leaks_ok`."""
    leaks = []
    for q in QS:
        ok = dict(q.leaks_ok)
        for other in QS:
            if other is q or other.article != q.article or other.id in ok:
                continue
            if _gives(q, _texts(other.prompt)):
                leaks.append(f"{q.id} in {other.id}")
    assert leaks == []
