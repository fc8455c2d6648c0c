"""A drill run alone: the spec's attempts, hints and timer; every answer in the results file as
it is given; an interrupted drill resumes where it stopped."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from fakes import BANK_DIR

from tutor.commands.drill_alone import run_alone
from tutor.drill.spec import DrillSpec, dump_spec


def _spec(tmp_path: Path, **kw) -> Path:
    base = dict(title="Week 3", seed=3, ids=("t-year", "a-choice", "t-dover", "a-troops"))
    base.update(kw)
    path = tmp_path / "week3.yaml"
    path.write_text(dump_spec(DrillSpec(**base)), encoding="utf-8")
    return path


def _run(spec: Path, out: Path, typed: str, *extra: str) -> tuple[int, str]:
    args = argparse.Namespace(bank=str(BANK_DIR), data=None)
    stdout = io.StringIO()
    argv = [str(spec), "--name", "Ali", "--out", str(out), "--lang", "en", *extra]
    rc = run_alone(args, argv, stdin=io.StringIO(typed), stdout=stdout)
    return rc, stdout.getvalue()


def _rows(out: Path) -> list[dict]:
    (path,) = out.glob("*.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_attempts_hints_and_resume(tmp_path):
    spec = _spec(tmp_path, attempts=2, hints=True)
    out = tmp_path / "out"
    # the options are shown China, India with seed 3: "2" is India, wrong
    rc, text = _run(spec, out, "1961\n2\nIndia\nwrong\n/quit\n")
    assert rc == 0
    assert "Attempts left: 1." in text and "Hint: A British university" in text
    assert "go on where you stopped" in text and str(out) in text
    rows = _rows(out)
    assert [(r["id"], r["attempt"], r["verdict"]) for r in rows] == [
        ("t-year", 1, "correct"), ("a-choice", 1, "incorrect"), ("a-choice", 2, "incorrect"),
        ("t-dover", 1, "incorrect"),
    ]  # fmt: skip
    assert rows[1]["choices"] == ["الصين", "الهند"] and rows[1]["shown"] == [0, 1]
    rc, text = _run(spec, out, "University of Hull\n11000\n")
    assert "Resuming where you stopped: question 3 of 4." in text
    assert "In which year" not in text  # answered questions are not asked again
    assert "Drill over. Score: 3 of 4." in text
    rows = _rows(out)
    assert (rows[4]["id"], rows[4]["attempt"], rows[4]["hints"]) == ("t-dover", 2, 1)
    rc, text = _run(spec, out, "")
    assert "You have finished this drill. Score: 3 of 4." in text


def test_one_attempt_no_hints_answers_at_end(tmp_path):
    spec = _spec(tmp_path, show_answers="at_end")
    out = tmp_path / "out"
    _rc, text = _run(spec, out, "1991\n/hint\n1\n/skip\n11000\n")
    assert "Hints are off in this drill." in text
    before_end = text.split("The answers:")[0]
    assert "The answer:" not in before_end  # nothing revealed before the end
    assert text.count("The answer:") == 4
    assert [r["verdict"] for r in _rows(out)] == ["incorrect", "correct", "skipped", "correct"]


def test_time_runs_out(tmp_path):
    spec = _spec(tmp_path, ids=("t-year",), time_per_question=1.0)
    out = tmp_path / "out"

    class Slow(io.StringIO):
        def readline(self, *a):  # the student never answers
            import time

            time.sleep(5)
            return ""

    args = argparse.Namespace(bank=str(BANK_DIR), data=None)
    stdout = io.StringIO()
    argv = [str(spec), "--name", "Ali", "--out", str(out), "--lang", "en"]
    assert run_alone(args, argv, stdin=Slow(), stdout=stdout) == 0
    assert "Time is up for this question." in stdout.getvalue()
    (row,) = _rows(out)
    assert (row["verdict"], row["score"], row["answer"]) == ("timeout", 0.0, "")
