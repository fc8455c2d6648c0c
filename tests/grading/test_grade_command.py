"""`tutor grade` as a teacher's script uses it: a whole process, stdin or a file, JSONL or CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

BANK = Path(__file__).resolve().parents[1] / "data" / "grading_only" / "answers.yaml"


def tutor_grade(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tutor", "grade", "--bank", str(BANK), *args],
        input=stdin, capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip


def jsonl(*rows: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def test_each_line_graded_in_order_with_its_keys_echoed():
    out = tutor_grade(stdin=jsonl(
        {"id": "treaty-year", "answer": "في عام ١٩٦١", "student": "Ali"},
        {"id": "treaty-year", "answer": "1991", "student": "Mona"},
        {"id": "troops", "answer": "11 ألف"},
        {"id": "cities", "answer": "Vladivostok"},
        {"id": "dover-university", "answer": "جامعه هال"},
    ))  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["correct", "incorrect", "correct", "partial", "correct"]
    assert rows[0]["student"] == "Ali" and rows[0]["answer"] == "في عام ١٩٦١"
    assert rows[1]["reason"] == "1991 is too late"
    assert rows[3]["score"] == 0.5 and rows[3]["reason"] == "1 of 2 named"
    assert all(set(r) >= {"id", "answer", "verdict", "score", "reason"} for r in rows)


def test_bad_lines_get_an_error_and_the_rest_are_still_graded():
    stdin = (
        jsonl({"id": "veto", "answer": "نعم"})
        + "this is not json\n"
        + jsonl({"id": "no-such-question", "answer": "x"}, {"id": "veto"}, ["a", "list"])
        + jsonl({"id": "leader", "answer": "c"})
    )
    out = tutor_grade(stdin=stdin)
    assert out.returncode == 1
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == [
        "correct",
        "error",
        "error",
        "error",
        "error",
        "correct",
    ]
    assert rows[1] == {"line": 2, "verdict": "error", "score": 0.0,
                       "reason": "not JSON: Expecting value"}  # fmt: skip
    assert rows[2]["reason"] == "unknown question id 'no-such-question'" and rows[2]["line"] == 3
    assert rows[3]["reason"] == "no answer"
    assert rows[4]["reason"] == "not a JSON object"
    assert "<stdin>:3: unknown question id 'no-such-question'" in out.stderr
    assert "4 line(s) could not be graded" in out.stderr


def test_csv_file_keeps_its_columns_and_adds_the_verdict(tmp_path):
    f = tmp_path / "answers.csv"
    f.write_text(
        "student,id,answer\nAli,signed,19 حزيران 2024\nMona,signed,2024-06-20\n"
        'Zed,troops,"11,000"\n',
        encoding="utf-8",
    )
    out = tutor_grade(str(f))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("\ufeff")  # a byte-order mark, for Excel
    rows = list(csv.DictReader(io.StringIO(out.stdout.removeprefix("\ufeff"))))
    assert list(rows[0]) == ["student", "id", "answer", "verdict", "score", "reason"]
    assert [(r["student"], r["verdict"]) for r in rows] == [
        ("Ali", "correct"), ("Mona", "incorrect"), ("Zed", "correct"),
    ]  # fmt: skip
    assert rows[1]["reason"] == "the day is wrong"


def test_csv_from_stdin_with_format_and_a_missing_column():
    out = tutor_grade("--format", "csv", stdin="id,answer\nveto,no\n")
    assert out.returncode == 0 and "veto,no,incorrect,0.0," in out.stdout
    bad = tutor_grade("--format", "csv", stdin="id,response\nveto,no\n")
    assert bad.returncode == 1 and "at least id and answer" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_arabic_reasons_on_request():
    out = tutor_grade("--lang", "ar", stdin=jsonl({"id": "treaty-year", "answer": "1991"}))
    assert json.loads(out.stdout)["reason"] == "1991 متأخر عن المطلوب"


def test_missing_file_and_broken_bank_are_clear_messages(tmp_path):
    out = tutor_grade(str(tmp_path / "nope.jsonl"))
    assert out.returncode == 1 and "nope.jsonl" in out.stderr and "Traceback" not in out.stderr
    bank = tmp_path / "bad.yaml"
    bank.write_text("questions:\n  - id: x\n    type: year\n    answer: soon\n", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, "-m", "tutor", "grade", "--bank", str(bank)],
        input="", capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode == 1 and "bad.yaml:4" in bad.stderr and "[x]" in bad.stderr
