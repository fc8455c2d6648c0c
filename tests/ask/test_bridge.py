"""The English–Arabic bridge holds only the articles' own words."""

from __future__ import annotations

from tutor.ask.analyze import terms
from tutor.ask.bridge import glossary, listed_terms
from tutor.bank import load_bank
from tutor.grading.normalize import normalize


def test_every_listed_arabic_term_is_written_in_the_articles():
    bank = load_bank()
    text = " ".join(normalize(a.text) for a in bank.articles.values())
    missing = [(en, ar) for en, ar in listed_terms() if normalize(ar) not in text]
    assert not missing


def test_the_glossary_carries_the_banks_own_answers():
    g = glossary(load_bank())
    assert terms("فوستوشني") == [*g[("vostochni",)]]  # the article's word, as it is indexed
