"""The tutor's own words exist in both languages and fill their blanks."""

from __future__ import annotations

import string

from tutor.i18n import CATALOG, other, t


def test_every_sentence_in_both_languages_with_the_same_blanks():
    fields = string.Formatter()
    for key, entry in CATALOG.items():
        assert entry.get("ar") and entry.get("en"), key
        names = [{f for _, f, _, _ in fields.parse(entry[lang]) if f} for lang in ("ar", "en")]
        assert names[0] == names[1], key


def test_header_and_fallbacks():
    kw = {"index": 3, "total": 10, "article": "X", "topic": "treaty", "difficulty": 2}
    assert t("question.header", "en", **kw) == "3 of 10 · X · treaty · difficulty 2"
    assert t("question.header", "ar", **kw) == "3 من 10 · X · treaty · الصعوبة 2"
    assert t("no.such.key", "ar") == "no.such.key"
    assert (
        t("question.header", "en") == CATALOG["question.header"]["en"]
    )  # missing blanks: no crash
    assert other("ar") == "en" and other("en") == "ar"
