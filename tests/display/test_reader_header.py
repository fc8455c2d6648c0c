"""The article reader's header names only what the page gives: no '(unknown, unknown)'."""

from __future__ import annotations

import asyncio

import pytest

from tutor.bank.model import Article, Bank, Localized, Question
from tutor.engine.session import RoundSpec, Session
from tutor.ui.app import TutorApp
from tutor.ui.screens.reader import ArticleReader, heading
from tutor.ui.widgets.rtl_text import RtlText


def article(outlet: str = "unknown", date: str = "unknown") -> Article:
    return Article(id="a", text="نص المقالة.", title="The title", outlet=outlet, date=date,
                   label=Localized(ar="العنوان", en="The title"))  # fmt: skip


@pytest.mark.parametrize(
    ("outlet", "date", "lang", "expected"),
    [
        ("unknown", "unknown", "en", "Article: The title"),
        ("unknown", "unknown", "ar", "المقالة: العنوان"),
        ("Al-Hal Net", "unknown", "en", "Article: The title (Al-Hal Net)"),
        ("unknown", "2024-06-19", "en", "Article: The title (2024-06-19)"),
        ("الحل نت", "2024-06-19", "ar", "المقالة: العنوان (الحل نت، 2024-06-19)"),
        ("", "", "en", "Article: The title"),
    ],
)
def test_heading_names_only_what_is_known(outlet, date, lang, expected):
    assert heading(article(outlet, date), lang) == expected


def test_the_reader_shows_no_unknowns():
    q = Question(id="q", type="year", answer=1961, prompt=Localized(en="When?"), article="a")
    bank = Bank([q], {"a": article()})

    def make(spec: RoundSpec) -> Session:
        return Session(bank, spec, questions=[q])

    app = TutorApp(bank=bank, make_session=make, spec=RoundSpec(length=1), bidi="terminal")

    async def go() -> None:
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, ArticleReader)
            header = app.screen.query_one(".header", RtlText).text
            assert header == "Article: The title"

    asyncio.run(go())
