"""`tutor check` checks a bank for the use it will have: a study bank needs a prompt, an article
and evidence for every question; a bank for `tutor grade` says so with --grading-only. It warns
about bidi controls and texts too long to read."""

from __future__ import annotations

from pathlib import Path

from tutor.cli import main

ARTICLE = "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو.\n\nسطر\u202e آخر.\n"


def bank(tmp_path: Path, questions: str) -> str:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "demo.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "q.yaml").write_text("questions:\n" + questions, encoding="utf-8")
    return str(tmp_path / "q.yaml")


PROMPT_ONLY = """\
  - id: no-source
    type: year
    prompt: "When was the friendship treaty signed?"
    answer: 1961
"""


def test_a_study_question_without_article_or_evidence_is_not_clean(tmp_path, capsys):
    assert main(["check", "--bank", bank(tmp_path, PROMPT_ONLY)]) == 1
    out = capsys.readouterr().out
    assert "q.yaml:2 [no-source] article: no article and no evidence" in out
    assert "--grading-only" in out and "checked for study" in out and "clean" not in out


def test_the_same_bank_checked_for_grading_only_is_clean_and_says_so(tmp_path, capsys):
    assert main(["check", "--grading-only", "--bank", bank(tmp_path, PROMPT_ONLY)]) == 0
    out = capsys.readouterr().out
    assert "checked for grading only (--grading-only)" in out and out.rstrip().endswith("clean")


def test_a_study_question_needs_a_prompt_and_its_evidence(tmp_path, capsys):
    body = "  - {id: bare, type: year, answer: 1961, article: demo}\n"
    assert main(["check", "--bank", bank(tmp_path, body)]) == 1
    out = capsys.readouterr().out
    assert "[bare] prompt: missing prompt" in out and "[bare] evidence: missing evidence" in out


def test_bidi_controls_and_absurd_lengths_are_warnings(tmp_path, capsys):
    body = f"""\
  - id: tricky
    type: text
    article: demo
    prompt: {{ar: "أين وُقّعت\u202eالمعاهدة؟", en: "{"Where " * 100}?"}}
    answer: {{ar: "موسكو", en: "Moscow"}}
    reject: ["{"x" * 300}"]
    evidence: "في موسكو"
"""
    assert main(["check", "--bank", bank(tmp_path, body)]) == 0  # warnings only
    out = capsys.readouterr().out
    assert "warning: " in out
    assert "[tricky] prompt.ar: bidi control character U+202E RLO at character 11" in out
    assert "[tricky] prompt.en: 601 characters, more than 500" in out
    assert "[tricky] reject[0]: 300 characters, more than 200" in out
    assert "demo.txt:3 text: bidi control character U+202E RLO" in out
