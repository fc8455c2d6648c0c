"""`tutor export` as a user runs it: formats to stdout or -o, the study filters, warnings on
stderr, clear refusals."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

from export.gift_checker import parse as parse_gift

from tutor.cli import main


def test_gift_to_stdout_with_filters(capsysbinary, bundled):
    assert (
        main(["export", "--format", "gift", "--article", "asia-tension", "--difficulty", "1"]) == 0
    )
    out = capsysbinary.readouterr().out.decode()
    names = [q.name for q in parse_gift(out)]
    want = [q.id for q in bundled.questions if q.article == "asia-tension" and q.difficulty == 1]
    assert names == want and want


def test_moodle_to_a_file_says_what_changed(tmp_path, capsys, bundled):
    path = tmp_path / "bank.xml"
    assert main(["export", "--format", "moodle", "--tag", "sanctions", "-o", str(path)]) == 0
    err = capsys.readouterr().err
    root = ET.parse(path).getroot()
    ids = [e.findtext("idnumber") for e in root if e.get("type") != "category"]
    tagged = [q for q in bundled.questions if "sanctions" in q.tags]
    articles = list(dict.fromkeys(q.article for q in tagged))  # one category per article
    assert ids == [q.id for a in articles for q in tagged if q.article == a]
    lists = [q.id for q in bundled.questions if "sanctions" in q.tags and q.type == "list"]
    for qid in lists:
        assert f"{qid}: exported as essay" in err
    assert f"{len(ids)} question(s) written to {path}" in err


def test_length_with_a_seed_draws_the_same_questions(capsysbinary):
    args = ["export", "--format", "json", "--length", "5", "--seed", "9"]
    main(args)
    first = capsysbinary.readouterr().out
    main(args)
    assert capsysbinary.readouterr().out == first
    assert first.count(b'"id"') == 5


def test_anki_needs_a_file_and_writes_one(tmp_path, capsys):
    assert main(["export", "--format", "anki"]) == 2
    assert "give -o PATH" in capsys.readouterr().err
    path = tmp_path / "deck.apkg"
    assert main(["export", "--format", "anki", "--lang", "en", "-o", str(path)]) == 0
    assert "collection.anki2" in zipfile.ZipFile(path).namelist()


def test_unknown_filters_and_unwritable_paths_are_refused_clearly(tmp_path, capsys):
    assert main(["export", "--format", "csv", "--article", "nope"]) == 2
    assert "unknown article or tag nope" in capsys.readouterr().err
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "no" / "such" / "x.csv")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_a_worksheet_without_a_seed_says_which_seed_it_used(tmp_path, capsys):
    path = tmp_path / "w.html"
    assert main(["export", "--format", "worksheet", "--length", "3", "-o", str(path)]) == 0
    err = capsys.readouterr().err
    seed = int(err.split("--seed ")[1].split()[0])
    again = tmp_path / "again.html"
    assert (
        main(
            [
                "export",
                "--format",
                "worksheet",
                "--length",
                "3",
                "--seed",
                str(seed),
                "-o",
                str(again),
            ]
        )
        == 0
    )
    assert again.read_bytes() == path.read_bytes()


def test_grading_only_questions_are_skipped_and_listed(capsysbinary):
    assert main(["export", "--format", "gift", "--bank", "tests/data/engine_bank"]) == 0
    captured = capsysbinary.readouterr()
    err = captured.err.decode()
    assert "g-capital: skipped: no prompt (a grading-only question)" in err
    assert "1 question(s) skipped: g-capital" in err
    assert b"::g-capital::" not in captured.out and b"::t-year::" in captured.out
