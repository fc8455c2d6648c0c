"""Chat commands: English and Arabic spellings, unknown commands, answers that look like commands."""

from __future__ import annotations

import pytest

from tutor.engine.commands import COMMANDS, answer_text, help_text, parse


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("/hint", "hint"), ("/HINT", "hint"), ("  /hint  ", "hint"), ("/تلميح", "hint"),
        ("/skip", "skip"), ("/تخطي", "skip"), ("/تخطى", "skip"),
        ("/source", "source"), ("/المصدر", "source"),
        ("/reveal", "reveal"), ("/اكشف", "reveal"), ("/اِكشف", "reveal"),
        ("/lang", "lang"), ("/لغة", "lang"), ("/لغه", "lang"),
        ("/right", "right"), ("/صح", "right"), ("/كنت محقا", "right"),
        ("/help", "help"), ("/?", "help"), ("/مساعدة", "help"), ("/؟", "help"),
        ("/quit", "quit"), ("/exit", "quit"), ("/خروج", "quit"),
        ("/stats", "stats"), ("/احصاءات", "stats"), ("/إحصاءات", "stats"),
        ("/new", "new"), ("/جديد", "new"),
    ],
)  # fmt: skip
def test_commands_in_both_languages(typed, name):
    cmd = parse(typed)
    assert cmd is not None and cmd.name == name


@pytest.mark.parametrize("typed", ["/x", "/hnt", "/", "/1961", "/تلميحات"])
def test_unknown_command_is_not_an_answer(typed):
    cmd = parse(typed)
    assert cmd is not None and cmd.name == "unknown"
    assert cmd.typed == typed.split()[0]


@pytest.mark.parametrize("typed", ["1961", "جامعة هال", "", "  ", "hint", "تلميح", "a/b", "//hint"])
def test_answers_are_not_commands(typed):
    assert parse(typed) is None


def test_double_slash_sends_a_slash_answer():
    assert answer_text("//2000") == "/2000"
    assert answer_text("1961") == "1961"


def test_help_lists_every_command_in_both_spellings():
    for lang in ("en", "ar"):
        text = help_text(lang)
        for c in COMMANDS:
            assert f"/{c.en[0]}" in text and f"/{c.ar[0]}" in text
    assert "a hint" in help_text("en") and "تلميح" in help_text("ar")
