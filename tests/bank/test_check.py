"""`tutor check`: evidence is verbatim, prompts are unique, the summary counts the bank."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.bank import load_bank
from tutor.bank.articles import load_articles
from tutor.bank.check import check_bank
from tutor.bank.load import ALL_FIELDS, FILE_FIELDS
from tutor.bank.paths import data_root
from tutor.cli import main

ARTICLE = """---
id: demo
title: عنوان تجريبي
outlet: unknown
date: unknown
language: ar
---
وقّع البلدان معاهدة الصداقة عام 1961 في موسكو.

وقال روبرت دوفر، أستاذ الاستخبارات بجامعة هال، إن الصور تظهر تعاطفا حقيقيا.
"""


def make_bank(tmp_path: Path, questions: str) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "demo.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "demo.yaml").write_text(
        "article: demo\nquestions:\n" + questions, encoding="utf-8"
    )
    return tmp_path


Q_YEAR = """\
  - id: treaty-year
    type: year
    prompt: {ar: "متى وُقّعت معاهدة الصداقة؟", en: "When was the friendship treaty signed?"}
    answer: 1961
    evidence: "وقّع البلدان معاهدة   الصداقة\\nعام 1961"
"""


def test_evidence_with_other_whitespace_passes(tmp_path):
    bank = load_bank(make_bank(tmp_path, Q_YEAR))
    report = check_bank(bank)
    assert report.errors == []
    assert report.summary["article"]["demo"] == 1


def test_changed_evidence_fails_and_shows_the_closest_passage(tmp_path, capsys):
    q = Q_YEAR.replace(
        "وقّع البلدان معاهدة   الصداقة\\nعام 1961", "وقع البلدان معاهدة الصداقة عام 1961"
    )
    root = make_bank(tmp_path, q)
    assert main(["check", "--bank", str(root)]) == 1
    out = capsys.readouterr().out
    assert "[treaty-year] evidence: evidence is not a verbatim span of 'demo'" in out
    assert "«وقّع البلدان معاهدة الصداقة عام 1961" in out
    assert "demo.yaml:3" in out


def test_unknown_article_is_named(tmp_path):
    bank = load_bank(
        make_bank(tmp_path, Q_YEAR.replace("    answer", "    article: nope\n    answer"))
    )
    (p,) = check_bank(bank).errors
    assert p.field == "article" and "'nope'" in p.message and "demo" in p.message


def test_same_prompt_twice_is_reported(tmp_path):
    bank = load_bank(make_bank(tmp_path, Q_YEAR + Q_YEAR.replace("treaty-year", "treaty-again")))
    (p,) = check_bank(bank).errors
    assert p.qid == "treaty-again" and "same" in p.message and "treaty-year" in p.message


def test_clean_bank_prints_summary_and_exits_zero(tmp_path, capsys):
    assert main(["check", "--bank", str(make_bank(tmp_path, Q_YEAR))]) == 0
    out = capsys.readouterr().out
    for line in ("per article: demo 1", "per type: year 1", "clean"):
        assert line in out


def test_folder_without_questions_subfolder_reads_yaml_recursively(tmp_path):
    (tmp_path / "unit1").mkdir()
    (tmp_path / "unit1" / "a.yml").write_text(
        "questions:\n  - {id: a, type: bool, answer: true}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        "questions:\n  - {id: b, type: year, answer: 2000}\n", encoding="utf-8"
    )
    bank = load_bank(tmp_path)
    assert [q.id for q in bank.questions] == ["b", "a"]  # sorted by path: b.yaml < unit1/a.yml


def test_articles_carry_metadata_and_exact_text():
    articles, problems = load_articles(data_root() / "seeds")
    assert problems == []
    assert sorted(articles) == [
        "asia-tension", "authoritarian-alliance", "axis-of-impunity",
        "challenge-meeting", "sanctions-alliance",
    ]  # fmt: skip
    a = articles["authoritarian-alliance"]
    assert a.title.startswith("تقوم روسيا ببناء تحالف أوثق")
    assert "المذنب" in a.outlet
    assert articles["asia-tension"].title == "unknown"  # the page gives no headline
    assert all(art.language == "ar" and art.date for art in articles.values())


def test_seed_text_is_unchanged_from_the_source_lines():
    """Page chrome may go; every kept line must be a line of the article as received."""
    shared = Path(__file__).resolve().parents[3] / "shared" / "seeds"  # beside the clone
    if not shared.is_dir():
        pytest.skip("the articles as received (../shared/seeds) are not beside this checkout")
    articles, _ = load_articles(data_root() / "seeds")
    for article in articles.values():
        meta = (article.path.read_text(encoding="utf-8").split("source_file: ", 1)[1]).split()[0]
        source = shared / meta
        original = set(source.read_text(encoding="utf-8").split("\n"))
        kept = [ln for ln in article.text.split("\n") if ln]
        assert kept and all(ln in original for ln in kept), article.id


def test_schema_names_exactly_the_fields_the_loader_accepts():
    schema = json.loads((data_root() / "questions" / "schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == FILE_FIELDS
    assert set(schema["$defs"]["question"]["properties"]) == ALL_FIELDS
