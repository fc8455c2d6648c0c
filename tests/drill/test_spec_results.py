"""The drill spec and the results format: public contracts, so they round-trip, name every
problem by file, line and field, and every results line is a row `tutor grade` can regrade."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fakes import BANK_DIR

from tutor.cli import main
from tutor.drill.results import FIELDS, FORMAT, ResultRow, ResultsFile, read_rows, to_csv
from tutor.drill.spec import (
    DrillSpec,
    SpecError,
    check_against_bank,
    dump_spec,
    parse_spec,
    select_questions,
)

TUTOR = [sys.executable, "-c", "import sys; from tutor.cli import main; sys.exit(main())"]


def test_written_spec_reads_back_the_same(bank):
    spec = DrillSpec(
        title="الأسبوع 3: sanctions", seed=4711, tags=("sanctions", "treaty"), difficulty=(1, 2),
        count=3, time_per_question=45.0, time_total=600.0, attempts=2, hints=True,
        show_answers="at_end", languages=("en", "ar"),
    )  # fmt: skip
    again = parse_spec(dump_spec(spec))
    assert again == spec
    assert again.digest == spec.digest
    by_ids = DrillSpec(title="ids", seed=1, ids=("t-year", "a-choice"))
    assert parse_spec(dump_spec(by_ids)) == by_ids


def test_digest_ignores_comments_but_not_meaning():
    text = "title: W\nseed: 3\nquestions: [t-year]\n"
    a = parse_spec(text)
    b = parse_spec("# a comment\n" + text.replace("title: W", "title:   'W'"))
    c = parse_spec(text.replace("seed: 3", "seed: 4"))
    assert a.digest == b.digest != c.digest
    assert a.digest.startswith("sha256:") and len(a.digest) == len("sha256:") + 16


def test_every_problem_is_named_by_line_and_field(tmp_path):
    text = (
        "title: Week 3\n"
        "seed: many\n"
        "questions:\n"
        "  tags: sanctions\n"
        "  count: 0\n"
        "attempts: 9\n"
        "show_answers: later\n"
        "colour: red\n"
        "hints: maybe\n"
    )
    with pytest.raises(SpecError) as e:
        parse_spec(text, tmp_path / "w.yaml")
    found = {(p.line, p.field) for p in e.value.problems}
    assert found == {
        (2, "seed"), (5, "questions.count"), (6, "attempts"), (7, "show_answers"),
        (8, "colour"), (9, "hints"),
    }  # fmt: skip
    assert all(str(p).startswith(f"{tmp_path / 'w.yaml'}:") for p in e.value.problems)


def test_spec_yaml_is_read_safely():
    with pytest.raises(SpecError) as e:
        parse_spec("title: !!python/object/apply:os.system ['true']\nseed: 1\nquestions: [a]\n")
    assert "refused YAML tag" in str(e.value)


def test_same_spec_same_questions_and_order(bank):
    spec = DrillSpec(title="x", seed=9, count=5)
    first = [q.id for q in select_questions(spec, bank)]
    assert first == [q.id for q in select_questions(spec, bank)]
    assert len(first) == 5 and "g-capital" not in first  # grading-only questions never asked
    other = [q.id for q in select_questions(DrillSpec(title="x", seed=10, count=7), bank)]
    assert sorted(other) != first or other != first


def test_spec_checked_against_the_bank(bank):
    spec = DrillSpec(title="x", seed=1, ids=("t-year", "nope", "g-capital"))
    msgs = [p.message for p in check_against_bank(spec, bank)]
    assert any("unknown question id 'nope'" in m for m in msgs)
    assert any("grading-only" in m for m in msgs)
    msgs = [p.message for p in check_against_bank(DrillSpec("x", 1, tags=("nope",)), bank)]
    assert msgs == ["unknown tag nope"]


def test_drill_new_then_check(tmp_path, capsys):
    out = tmp_path / "week3.yaml"
    rc = main(["--bank", str(BANK_DIR), "drill", "new", "--tag", "sanctions", "--length", "2",
               "--seed", "5", "--time-per-question", "30", "--title", "Week 3"])  # fmt: skip
    assert rc == 0
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    spec = parse_spec(out.read_text(encoding="utf-8"))
    assert (spec.title, spec.seed, spec.tags, spec.count, spec.time_per_question) == (
        "Week 3", 5, ("sanctions",), 2, 30.0,
    )  # fmt: skip
    assert main(["--bank", str(BANK_DIR), "drill", "check", str(out)]) == 0
    assert "clean" in capsys.readouterr().out
    out.write_text(out.read_text().replace("attempts: 1", "attempts: 0"), encoding="utf-8")
    assert main(["--bank", str(BANK_DIR), "drill", "check", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out}:" in err and "attempts: a whole number from 1 to 5" in err


def test_drill_new_refuses_an_unknown_tag(capsys):
    assert main(["--bank", str(BANK_DIR), "drill", "new", "--tag", "nope"]) == 2
    assert "unknown tag nope" in capsys.readouterr().err


def _row(**kw) -> ResultRow:
    base = dict(
        drill="Week 3", drill_digest="sha256:0123456789abcdef", student="علي", id="t-year",
        answer="1961", verdict="correct", score=1.0, seconds=3.5, attempt=1, hints=0,
        at="2026-11-30T10:00:00.000Z",
    )  # fmt: skip
    base.update(kw)
    return ResultRow(**base)


def test_results_round_trip_and_torn_line(tmp_path):
    path = tmp_path / "r.jsonl"
    rows = [
        _row(),
        _row(id="a-choice", answer="2", verdict="incorrect", score=0.0, shown=(1, 0),
             choices=("India", "China"), late=True),
        _row(regraded_by="teacher"),
    ]  # fmt: skip
    f = ResultsFile(path)
    for r in rows:
        f.append(r)
    f.close()
    with open(path, "a", encoding="utf-8") as raw:
        raw.write('{"format": "tutor-drill-results/1", "drill": "Wee')  # a crash mid-line
    f = ResultsFile(path)
    f.append(_row(id="a-troops", answer="11000"))
    f.close()
    back = list(read_rows(path))
    assert back == [*rows, _row(id="a-troops", answer="11000")]
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert list(first) == [k for k in FIELDS if k != "choices"] and first["format"] == FORMAT
    assert path.stat().st_mode & 0o777 == 0o600


def test_results_lines_are_rows_tutor_grade_regrades(tmp_path):
    path = tmp_path / "r.jsonl"
    f = ResultsFile(path)
    f.append(_row(answer="1991", verdict="correct", score=1.0))  # wrong, recorded as right
    # the second option shown is China: "2" is right only with the order shown
    f.append(_row(id="a-choice", answer="2", verdict="incorrect", score=0.0, shown=(1, 0),
                  choices=("الهند", "China")))  # fmt: skip
    f.close()
    run = subprocess.run(
        [*TUTOR, "--bank", str(BANK_DIR), "grade", str(path)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 0, run.stderr
    assert [(r["id"], r["verdict"]) for r in out] == [
        ("t-year", "incorrect"),
        ("a-choice", "correct"),
    ]
    assert out[0]["student"] == "علي" and out[1]["shown"] == [1, 0]


def test_csv_export_has_a_bom_and_reads_back_in_tutor_grade(tmp_path, capsys):
    path = tmp_path / "r.jsonl"
    f = ResultsFile(path)
    f.append(_row(id="a-choice", answer="2", verdict="incorrect", score=0.0, shown=(1, 0),
                  choices=("India", "الصين")))  # fmt: skip
    f.close()
    text = to_csv(read_rows(path))
    assert text.startswith("\ufeff" + ",".join(FIELDS))
    assert main(["drill", "export", str(path)]) == 0
    csv_file = tmp_path / "r.csv"
    csv_file.write_bytes(capsys.readouterr().out.encode("utf-8", "surrogateescape"))
    run = subprocess.run(
        [*TUTOR, "--bank", str(BANK_DIR), "grade", str(csv_file)],
        capture_output=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    import csv

    rows = list(csv.DictReader(io.StringIO(run.stdout.decode("utf-8-sig"))))
    assert rows[0]["verdict"] == "correct" and rows[0]["student"] == "علي"


def test_file_name_is_safe():
    from tutor.drill.results import file_name

    name = file_name("Week 3/../x", "sha256:0123456789abcdef", "../ali")
    assert "/" not in name and name.endswith(".jsonl") and "01234567" in name
    assert Path(name).name == name
