"""`tutor report` as a teacher runs it."""

from __future__ import annotations

from report.conftest import row

from tutor.cli import main


def test_markdown_to_stdout_from_a_folder(capsysbinary, class_dir):
    assert main(["report", str(class_dir), "--format", "md"]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert out.startswith("# Class report: Week 3: the class drill")


def test_terminal_report_in_arabic(capsys, class_dir):
    assert main(["report", str(class_dir), "--lang", "ar", "--bidi", "terminal"]) == 0
    assert "الصف في لمحة" in capsys.readouterr().out


def test_html_and_xlsx_to_files(tmp_path, capsys, class_dir):
    assert main(["report", str(class_dir), "--format", "html", "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", str(class_dir), "--format", "xlsx"]) == 2
    assert "give -o PATH" in capsys.readouterr().err
    assert main(["report", str(class_dir), "--format", "xlsx", "-o", str(tmp_path / "r.xlsx")]) == 0
    assert (tmp_path / "r.xlsx").read_bytes()[:2] == b"PK"


def test_regrade_lists_changes(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text(row("Ali", "ast-camp-david", "incorrect", 0.0, answer="Camp Davd").to_json() + "\n",
                 encoding="utf-8")  # fmt: skip
    assert main(["report", str(f), "--regrade", "--bidi", "terminal"]) == 0
    out = capsys.readouterr().out
    assert "Regrade with the current bank: 1" in out
    assert "Ali · ast-camp-david · «Camp Davd»: incorrect 0 % → correct 100 %" in out


def test_nothing_to_read_is_a_clear_failure(tmp_path, capsys):
    (tmp_path / "x.jsonl").write_text("not json\n", encoding="utf-8")
    assert main(["report", str(tmp_path / "x.jsonl"), str(tmp_path / "none")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'x.jsonl'}:1: skipped: not a JSON results line" in err
    assert "no such file or folder" in err and "no results to report on" in err


def test_unknown_questions_are_named(tmp_path, capsys):
    f = tmp_path / "a.jsonl"
    f.write_text(row("Ali", "no-such-question", "correct", 1.0).to_json() + "\n", encoding="utf-8")
    assert main(["report", str(f), "--bidi", "terminal"]) == 0
    assert "not in the bank: no-such-question" in capsys.readouterr().err
