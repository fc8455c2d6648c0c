"""`tutor grade` with worker processes (`--jobs`): a big batch is graded side by side, and the
output is the same, line for line, as one process gives: order, echoed fields, error lines with
their numbers, stderr, exit status."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.commands.grade import CHUNK

BANK = Path(__file__).resolve().parents[1] / "data" / "grading_only" / "answers.yaml"
ANSWERS = {
    "treaty-year": ["1961", "في عام ١٩٦١", "1991", "nineteen sixty-one", "not 1961"],
    "dover-university": ["Hull", "جامعه هال", "University of Hell", "Oxford"],
    "troops": ["11,000", "11 ألف", "12000", "11000 tons"],
    "cities": ["Vladivostok", "Moscow and Khabarovsk", "Kazan"],
    "signed": ["19 June 2024", "2024-06-20"],
    "veto": ["yes", "no", "نعم", "yes and no"],
    "leader": ["Kim Jong Un", "a", "c", "3"],
}


def _input(lines: int, seed: int) -> bytes:
    """Answers with bad lines scattered, some at the edges of the chunks workers get."""
    rng = random.Random(seed)
    ids = list(ANSWERS)
    edges = {CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK - 1}
    out: list[bytes] = []
    for n in range(1, lines + 1):
        qid = rng.choice(ids)
        row = {"id": qid, "answer": f"{rng.choice(ANSWERS[qid])}", "n": n}
        if n in edges or rng.random() < 0.02:
            out.append(rng.choice([
                b"not json", b"", b"[1, 2]", b'{"id": "nope", "answer": "x"}',
                b'{"id": "veto"}', b'{"id": "veto", "answer": "\\ud800"}',
                b'{"id": "Veto ", "answer": "yes"}', b'{"id": "veto", "answer": "\xff\xfe"}',
            ]))  # fmt: skip
        else:
            out.append(json.dumps(row, ensure_ascii=False).encode("utf-8"))
    return b"\n".join(out) + b"\n"


def _grade(data: bytes, jobs: int) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tutor", "grade", "--bank", str(BANK), "--jobs", str(jobs)],
        input=data, capture_output=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("jobs", [2, 0])  # 0: one per CPU
def test_workers_give_the_same_lines_in_the_same_order_as_one_process(jobs):
    data = _input(4 * CHUNK + 123, seed=3)
    alone, shared = _grade(data, 1), _grade(data, jobs)
    assert alone.returncode == shared.returncode == 1
    assert shared.stdout == alone.stdout
    assert shared.stderr == alone.stderr
    rows = [json.loads(line) for line in shared.stdout.splitlines()]
    numbered = [r["n"] for r in rows if "n" in r]
    assert numbered == sorted(numbered) and len(set(numbered)) == len(numbered)
    errors = [r for r in rows if r["verdict"] == "error"]
    assert errors and all(isinstance(r["line"], int) for r in errors)
    # every error is on stderr with its own line number, in order, then the count
    told = [line for line in shared.stderr.decode().splitlines() if "<stdin>:" in line]
    assert [int(t.split(":")[2]) for t in told[:-1]] == [r["line"] for r in errors]
    assert f"{len(errors)} line(s) could not be graded" in told[-1]


def test_each_bad_line_is_reported_where_it_stands_with_workers():
    data = _input(3 * CHUNK + 5, seed=8)
    lines = data.split(b"\n")
    lines[CHUNK - 1] = b"not json"  # the last line of the first chunk
    lines[2 * CHUNK] = b'{"id": "nope", "answer": "x"}'  # the first of the third
    out = _grade(b"\n".join(lines), 2)
    rows = {r.get("line"): r for r in map(json.loads, out.stdout.splitlines()) if "line" in r}
    assert rows[CHUNK]["reason"].startswith("not JSON")
    assert rows[2 * CHUNK + 1]["reason"] == "unknown question id 'nope'"
    assert out.returncode == 1 and b"Traceback" not in out.stderr
