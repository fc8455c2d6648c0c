"""A bank or article holding terminal escape sequences is refused, each one named by file, line,
question id and field: written raw, they set the window title, write the clipboard, wipe the
screen or hide text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.bank import BankError, load_bank
from tutor.cli import main

ARTICLE = """---
id: demo
title: عنوان تجريبي
outlet: unknown
date: unknown
---
وقّع البلدان معاهدة الصداقة عام 1961 في موسكو.
"""

# YAML double-quoted strings take escapes: \e is ESC, \a is BEL, \x9b is the one-byte CSI.
QUESTIONS = r"""article: demo
questions:
  - id: title-grab
    type: year
    prompt: {ar: "متى؟", en: "When?\e]0;pwned\a"}
    answer: 1961
    evidence: "عام 1961"
  - id: clipboard
    type: text
    prompt: "Where?"
    answer: {ar: "موسكو", en: "Moscow", accept: ["Mos\e]52;c;cm0gLXJmIH4=\acow"]}
    hint: "\e[2J\e[Hthe capital"
    evidence: "في موسكو"
  - id: hidden
    type: choice
    prompt: "Which?"
    choices: ["1961", "\e[8mhidden\e[28m"]
    answer: "1961"
    explanation: "fine"
  - id: c1
    type: number
    prompt: "How many?"
    answer: 3
    unit: {en: "\x9b2Jtimes"}
  - id: bell
    type: year
    prompt: "Rung?"
    answer: 1961
    tags: ["ok\x07"]
"""


def crafted_bank(tmp_path: Path, article: str = ARTICLE) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "demo.txt").write_text(article, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "bad.yaml").write_text(QUESTIONS, encoding="utf-8")
    return tmp_path


def test_every_escape_in_a_question_is_refused_with_file_line_id_and_field(tmp_path):
    with pytest.raises(BankError) as e:
        load_bank(crafted_bank(tmp_path))
    found = {(p.qid, p.field): p for p in e.value.problems}
    expected = {
        ("title-grab", "prompt.en"): 5,
        ("clipboard", "answer.accept[0]"): 11,
        ("clipboard", "hint"): 12,
        ("hidden", "choices[1]"): 17,
        ("c1", "unit.en"): 24,
        ("bell", "tags[0]"): 29,
    }
    for (qid, field), line in expected.items():
        p = found[(qid, field)]
        assert p.line == line and p.file.name == "bad.yaml", str(p)
        assert "control character U+" in p.message
    assert "U+001B ESC" in found[("title-grab", "prompt.en")].message
    assert "U+009B CSI" in found[("c1", "unit.en")].message
    assert "U+0007 BEL" in found[("bell", "tags[0]")].message
    assert "\x1b" not in str(e.value) and "\x9b" not in str(e.value)


def test_a_lenient_load_keeps_no_question_that_holds_one(tmp_path):
    bank = load_bank(crafted_bank(tmp_path), strict=False)
    assert bank.questions == []


def test_an_article_with_an_escape_is_refused_at_its_line(tmp_path):
    article = ARTICLE.replace("outlet: unknown", 'outlet: "\\e]0;x\\a"') + "سطر\x1b[2J آخر\n"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "demo.txt").write_text(article, encoding="utf-8")
    (tmp_path / "q.yaml").write_text(
        'article: demo\nquestions:\n  - {id: a, type: year, answer: 1961, prompt: "When?",'
        ' evidence: "عام 1961"}\n',
        encoding="utf-8",
    )
    with pytest.raises(BankError) as e:
        load_bank(tmp_path / "q.yaml")
    by_field = {p.field: p for p in e.value.problems}
    assert by_field["text"].line == 8 and by_field["text"].file.name == "demo.txt"
    assert "U+001B ESC at column 4" in by_field["text"].message
    assert by_field["outlet"].line == 4


def test_check_names_them_and_fails_without_writing_the_escape(tmp_path, capsys):
    assert main(["check", "--bank", str(crafted_bank(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml:5 [title-grab] prompt.en: control character U+001B ESC" in out
    assert "\x1b" not in out


def test_newlines_and_tabs_are_text(tmp_path):
    (tmp_path / "q.yaml").write_text(
        'questions:\n  - {id: a, type: year, answer: 1961, prompt: "When\\twas it?\\nSay."}\n',
        encoding="utf-8",
    )
    bank = load_bank(tmp_path / "q.yaml")
    assert bank.questions[0].prompt.en == "When\twas it?\nSay."
