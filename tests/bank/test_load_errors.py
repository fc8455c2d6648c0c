"""A bad bank gets every problem at once, each naming its file, line and question id."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tutor.bank import BankError, load_bank
from tutor.cli import main

GOOD = """\
  - id: good-one
    type: year
    prompt: {ar: "في أي عام وقّع الاتحاد السوفيتي المعاهدة؟", en: "In which year?"}
    answer: 1961
"""


def write(path: Path, body: str) -> Path:
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(BankError) as err:
        load_bank(path)
    return err.value.problems


def only(problems: list, qid: str):
    found = [p for p in problems if p.qid == qid]
    assert len(found) == 1, problems
    return found[0]


def test_broken_yaml_names_file_and_line(tmp_path):
    f = write(tmp_path / "b.yaml", "questions:\n  - id: x\n    type: [year\n    answer: 1\n")
    (p,) = problems_of(f)
    assert p.file == f
    assert p.line in (3, 4)
    assert "broken YAML" in p.message


@pytest.mark.parametrize(
    ("body", "qid", "field", "line", "words"),
    [
        ("  - id: q-type\n    type: essay\n    answer: x\n", "q-type", "type", 2, "unknown type"),
        ("  - id: q-miss\n    type: year\n", "q-miss", None, 1, "missing 'answer'"),
        ("  - id: q-year\n    type: year\n    answer: soon\n", "q-year", "answer", 3, "year"),
        ("  - id: q-num\n    type: number\n    answer: many\n", "q-num", "answer", 3, "number"),
        ("  - id: q-bool\n    type: bool\n    answer: maybe\n", "q-bool", "answer", 3, "true or false"),
        ("  - id: q-list\n    type: list\n    answer: one\n", "q-list", "answer", 3, "list"),
        ("  - id: q-date\n    type: date\n    answer: '2024-02-30'\n", "q-date", "answer", 3, "bad date"),
        ("  - id: q-datef\n    type: date\n    answer: 19/6/2024\n", "q-datef", "answer", 3, "YYYY-MM"),
        (
            "  - id: q-need\n    type: list\n    answer: [a, b]\n    need: 3\n",
            "q-need", "need", 4, "only 2 items",
        ),
        (
            "  - id: q-typo\n    type: year\n    answer: 2000\n    evidance: x\n",
            "q-typo", "evidance", 4, "did you mean 'evidence'",
        ),
        (
            "  - id: q-choice\n    type: choice\n    choices: [a, b]\n    answer: c\n",
            "q-choice", "answer", 4, "not exactly one of the choices",
        ),
        (
            "  - id: q-tol\n    type: year\n    answer: 2000\n    tolerance: 1\n",
            "q-tol", "tolerance", 4, "only applies to number",
        ),
        ("  - id: q-diff\n    type: bool\n    answer: true\n    difficulty: 5\n", "q-diff", "difficulty", 4, "1, 2 or 3"),
        ("  - id: Bad_Id\n    type: bool\n    answer: true\n", "Bad_Id", "id", 1, "lower-case"),
    ],
)  # fmt: skip
def test_each_bad_question_is_located(tmp_path, body, qid, field, line, words):
    f = write(tmp_path / "bank.yaml", "questions:\n" + GOOD + body)
    p = only(problems_of(f), qid)
    assert p.file == f
    assert p.field == field
    assert p.line == 5 + line  # the good question takes lines 2–5
    assert words in p.message


def test_python_tag_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    f = write(
        tmp_path / "evil.yaml",
        "questions:\n" + GOOD + "  - id: evil\n    type: text\n"
        f"    answer: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    p = only(problems_of(f), "evil")
    assert "refused YAML tag" in p.message
    assert p.line == 8
    assert not marker.exists()


def test_duplicate_id_across_files_names_both(tmp_path):
    write(tmp_path / "a.yaml", "questions:\n" + GOOD)
    write(tmp_path / "b.yaml", "questions:\n" + GOOD)
    (p,) = problems_of(tmp_path)
    assert p.file == tmp_path / "b.yaml"
    assert p.line == 2
    assert p.qid == "good-one"
    assert "duplicate id" in p.message and "a.yaml:2" in p.message


def test_every_problem_is_reported_at_once(tmp_path):
    write(tmp_path / "a.yaml", "questions:\n  - id: a1\n    type: nope\n    answer: 1\n")
    write(tmp_path / "b.yaml", "questions:\n  - id: b1\n    type: year\n    answr: 1\n")
    problems = problems_of(tmp_path)
    assert {p.qid for p in problems} == {"a1", "b1"}
    assert {p.file.name for p in problems} == {"a.yaml", "b.yaml"}


def test_same_key_twice_is_reported(tmp_path):
    f = write(tmp_path / "k.yaml", "questions:\n" + GOOD + "    answer: 1962\n")
    (p,) = problems_of(f)
    assert "given twice" in p.message and p.line == 6


def test_check_command_prints_locations_and_fails(tmp_path, capsys):
    f = write(tmp_path / "c.yaml", "questions:\n  - id: c1\n    type: essay\n    answer: x\n")
    assert main(["check", "--bank", str(f)]) == 1
    out = capsys.readouterr().out
    assert f"{f}:3 [c1] type: unknown type 'essay'" in out


def test_missing_bank_path_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["check", "--bank", str(tmp_path / "nowhere.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nowhere.yaml'}: no such file or folder" in err
