"""`tutor grade` never lets one line spoil the batch: whatever a line holds, it gets one valid
output line, and every other line is graded as if it were not there."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from grading.inprocess import GRADING_ONLY, grade_in_process

from tutor.bank import load_bank
from tutor.grading import grade


def jsonl(*rows: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def strict_json(line: str) -> dict:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(line, parse_constant=refuse)


def csv_rows(out: bytes) -> list[dict[str, str]]:
    assert out.startswith(b"\xef\xbb\xbf")  # Excel needs the mark to read UTF-8
    return list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))


GOOD = {"id": "veto", "answer": "نعم"}


def test_a_rule_that_fails_on_one_answer_costs_that_line_only(monkeypatch):
    import tutor.grading.batch as batch

    real = batch.grade

    def fragile(q, answer, **kw):
        if answer == "boom":
            raise RuntimeError("a rule tripped")
        return real(q, answer, **kw)

    monkeypatch.setattr(batch, "grade", fragile)
    run = grade_in_process(jsonl(GOOD, {"id": "troops", "answer": "boom"}, GOOD))
    rows = [strict_json(x) for x in run.lines]
    assert [r["verdict"] for r in rows] == ["correct", "error", "correct"]
    assert rows[1]["line"] == 2 and "RuntimeError: a rule tripped" in rows[1]["reason"]
    assert run.status == 1
    assert "<stdin>:2: the grader failed on this answer" in run.stderr
    assert "1 line(s) could not be graded (lines 2)" in run.stderr


HOSTILE = [
    {"id": "signed", "answer": "1" * 4301},  # int() refuses 4,301 digits
    {"id": "leader", "answer": "1" * 4301},
    {"id": "troops", "answer": "hundred " * 160},  # a float overflow in the number parser
    {"id": "dover-university", "answer": "\ud800"},  # a lone surrogate from a JSON escape
    {"id": "dover-university", "answer": "of Hull " * 20_000},
]


@pytest.mark.parametrize("row", HOSTILE, ids=["date-digits", "choice-digits", "hundreds",
                                              "surrogate", "long"])  # fmt: skip
def test_hostile_answers_get_one_valid_line_and_the_next_line_is_graded(row):
    data = json.dumps(row).encode("ascii") + b"\n" + jsonl(GOOD)
    run = grade_in_process(data)
    assert "Traceback" not in run.stderr
    first, second = (strict_json(x) for x in run.lines)
    assert first["verdict"] in ("incorrect", "error") and first["id"] == row["id"]
    assert second["verdict"] == "correct"


def test_an_answer_over_the_cap_is_too_long_to_be_an_answer_in_both_languages():
    bank = load_bank()
    for q in bank.questions:
        v = grade(q, "x" * 2001, bank=bank)
        assert (v.verdict, v.reason, v.reason_ar) == (
            "incorrect", "too long to be an answer", "أطول من أن تكون إجابة",
        )  # fmt: skip
    assert grade(bank.questions[0], "x" * 2000, bank=bank).reason != "too long to be an answer"
    run = grade_in_process(jsonl({"id": "cities", "answer": "Moscow " * 300}), "--lang", "ar")
    assert strict_json(run.lines[0])["reason"] == "أطول من أن تكون إجابة"


def test_unreadable_json_is_an_error_line_naming_why():
    data = (
        b'{"id": "veto", "answer": "yes", "n": ' + b"9" * 4400 + b"}\n"
        + b"[" * 100_000 + b"\n"
        + jsonl(GOOD)
    )  # fmt: skip
    run = grade_in_process(data)
    rows = [strict_json(x) for x in run.lines]
    assert rows[0] == {"line": 1, "verdict": "error", "score": 0.0, "reason":
                       "not JSON this program can read: a number of more than 4,300 digits"}  # fmt: skip
    assert rows[1]["reason"] == "not JSON this program can read: nested too deeply"
    assert rows[2]["verdict"] == "correct" and run.status == 1


def test_nan_and_infinity_are_echoed_as_null():
    data = b'{"id": "veto", "answer": "yes", "mark": NaN, "w": [Infinity, 1e999, -Infinity]}\n'
    run = grade_in_process(data)
    row = strict_json(run.lines[0])
    assert row["mark"] is None and row["w"] == [None, None, None]
    assert row["verdict"] == "correct" and run.status == 0


def test_lone_surrogates_never_reach_the_output():
    run = grade_in_process(b'{"id": "veto", "answer": "yes", "who": "Ali \\udc80"}\n')
    assert strict_json(run.lines[0])["who"] == "Ali \ufffd"


def test_bytes_that_are_not_utf8_are_an_error_line_not_a_crash():
    data = jsonl(GOOD) + b'{"id": "veto", "answer": "\xff\xfe"}\n' + jsonl(GOOD)
    run = grade_in_process(data)
    rows = [strict_json(x) for x in run.lines]
    assert [r["verdict"] for r in rows] == ["correct", "error", "correct"]
    assert rows[1] == {"line": 2, "verdict": "error", "score": 0.0,
                       "reason": "not UTF-8 text (byte 0xff at character 27)"}  # fmt: skip
    assert run.status == 1 and "<stdin>:2: not UTF-8 text" in run.stderr


def test_an_id_off_by_spaces_or_case_is_an_error_that_names_the_id_meant():
    run = grade_in_process(jsonl(
        {"id": "veto ", "answer": "yes"}, {"id": "VETO", "answer": "yes"},
        {"id": "vetoes", "answer": "yes"}, {"id": "veto", "answer": "yes"},
    ))  # fmt: skip
    rows = [strict_json(x) for x in run.lines]
    assert [r["verdict"] for r in rows] == ["error", "error", "error", "correct"]
    assert rows[0]["reason"] == "unknown question id 'veto '; did you mean 'veto'?"
    assert rows[1]["reason"] == "unknown question id 'VETO'; did you mean 'veto'?"
    assert rows[2]["reason"] == "unknown question id 'vetoes'"


def test_csv_is_written_with_a_byte_order_mark_and_read_with_or_without_one():
    body = "id,answer,student\nveto,نعم,علي\n".encode()
    for data in (body, b"\xef\xbb\xbf" + body):
        run = grade_in_process(data, "--format", "csv")
        rows = csv_rows(run.stdout)
        assert rows == [{"id": "veto", "answer": "نعم", "student": "علي", "verdict": "correct",
                         "score": "1.0", "reason": ""}]  # fmt: skip


def test_a_csv_field_of_any_size_is_read_and_the_file_goes_on():
    huge = "Moscow " * 30_000  # 210,000 characters: over csv's default limit of 131,072
    data = f'id,answer\ncities,"{huge}"\nveto,yes\n'.encode()
    run = grade_in_process(data, "--format", "csv")
    rows = csv_rows(run.stdout)
    assert [(r["verdict"], r["reason"]) for r in rows] == [
        ("incorrect", "too long to be an answer"), ("correct", ""),
    ]  # fmt: skip
    assert rows[0]["answer"] == huge and run.status == 0


def test_csv_bytes_that_are_not_utf8_are_an_error_row_and_the_file_goes_on():
    data = b"id,answer,student\nveto,yes,Al\xe9\nveto,yes,Mona\n"
    run = grade_in_process(data, "--format", "csv")
    rows = csv_rows(run.stdout)
    assert [(r["student"], r["verdict"]) for r in rows] == [("Al\ufffd", "error"),
                                                            ("Mona", "correct")]  # fmt: skip
    assert rows[0]["reason"].startswith("not UTF-8 text (byte 0xe9")
    assert run.status == 1 and "<stdin>:2: not UTF-8 text" in run.stderr


SHOWN = ["Kim Jong Un", "Kim Il Sung", "Kim Jong Il"]  # the bank's order: Il Sung, Jong Il, Jong Un


def test_choices_shown_to_the_learner_decide_what_a_letter_names():
    run = grade_in_process(jsonl(
        {"id": "leader", "answer": "a", "choices": SHOWN},
        {"id": "leader", "answer": "a"},
        {"id": "leader", "answer": "3", "choices": json.dumps(SHOWN)},
        {"id": "leader", "answer": "أ", "choices": " | ".join(SHOWN)},
    ))  # fmt: skip
    rows = [strict_json(x) for x in run.lines]
    assert [r["verdict"] for r in rows] == ["correct", "incorrect", "incorrect", "correct"]
    assert rows[0]["choices"] == SHOWN  # echoed as given


def test_choices_in_a_csv_cell_as_a_json_list_or_separated_by_bars():
    out = io.StringIO()
    w = csv.writer(out)
    w.writerows([["id", "answer", "choices"], ["leader", "a", json.dumps(SHOWN)],
                 ["leader", "b", "|".join(SHOWN)], ["veto", "yes", ""]])  # fmt: skip
    run = grade_in_process(out.getvalue().encode(), "--format", "csv")
    assert [r["verdict"] for r in csv_rows(run.stdout)] == ["correct", "incorrect", "correct"]


@pytest.mark.parametrize(("choices", "reason"), [
    (["Kim Jong Un", "Kim Il Sung"], "choices: 2 option(s) given, the question has 3"),
    (["Kim Jong Un", "Kim Il Sung", "Putin"], "choices: 'Putin' is not one of this question's options"),
    (["Kim Jong Un", "kim jong un", "Kim Il Sung"], "choices: 'kim jong un' is given twice"),
    ("[1, 2", "choices: not a JSON list of option texts"),
    ({"a": 1}, "choices must be a list of option texts"),
])  # fmt: skip
def test_choices_that_are_not_the_questions_options_are_an_error_naming_the_problem(
    choices, reason
):
    run = grade_in_process(jsonl({"id": "leader", "answer": "a", "choices": choices}, GOOD))
    rows = [strict_json(x) for x in run.lines]
    assert (rows[0]["verdict"], rows[0]["reason"]) == ("error", reason)
    assert rows[1]["verdict"] == "correct" and run.status == 1


def test_choices_for_a_question_without_options_are_an_error():
    run = grade_in_process(jsonl({"id": "veto", "answer": "yes", "choices": ["yes", "no"]}))
    assert (
        strict_json(run.lines[0])["reason"] == "choices given, but 'veto' is not a choice question"
    )


def test_repeated_answers_are_graded_once(monkeypatch):
    import tutor.grading.batch as batch

    calls = []
    real = batch.grade

    def counting(q, answer, **kw):
        calls.append(answer)
        return real(q, answer, **kw)

    monkeypatch.setattr(batch, "grade", counting)
    run = grade_in_process(
        jsonl(*[{"id": "troops", "answer": "11 ألف", "n": i} for i in range(50)])
    )
    assert len(run.lines) == 50 and [strict_json(x)["n"] for x in run.lines] == list(range(50))
    assert calls == ["11 ألف"]


def test_a_whole_process_survives_a_file_of_hostile_lines(tmp_path):
    f = tmp_path / "answers.jsonl"
    f.write_bytes(
        b"".join(json.dumps(r).encode() + b"\n" for r in HOSTILE)
        + b"\xff\n[[[[" * 3 + b"\n"
        + b'{"id": "veto", "answer": "yes", "x": NaN}\n'
    )  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "tutor", "grade", "--bank", str(GRADING_ONLY), str(f)],
        capture_output=True,
    )  # fmt: skip
    lines = out.stdout.decode("utf-8").splitlines()
    assert b"Traceback" not in out.stderr
    assert len(lines) == len(HOSTILE) + 5
    assert [strict_json(x)["verdict"] for x in lines][-1] == "correct"
    assert out.returncode == 1 and b"line(s) could not be graded (lines " in out.stderr


def test_unicode_line_breaks_in_a_value_do_not_split_the_output_line():
    run = grade_in_process(jsonl({"id": "veto", "answer": "yes", "note": "a\u2028b\x85c\u2029"}))
    assert len(run.stdout.decode("utf-8").splitlines()) == 1
    assert strict_json(run.lines[0])["note"] == "a\u2028b\x85c\u2029"


def test_answers_that_fold_alike_are_graded_once_where_the_rules_read_only_that(monkeypatch):
    import tutor.grading.batch as batch

    calls = []
    real = batch.grade

    def counting(q, answer, **kw):
        calls.append(answer)
        return real(q, answer, **kw)

    monkeypatch.setattr(batch, "grade", counting)
    rows = [
        {"id": "dover-university", "answer": a} for a in ("جامعة هال", "جامعه هال", " جَامعة  هال ")
    ]
    rows += [{"id": "troops", "answer": a} for a in ("11,000", "11000")]  # figures: read as typed
    run = grade_in_process(jsonl(*rows))
    assert [strict_json(x)["verdict"] for x in run.lines] == ["correct"] * 5
    assert [strict_json(x)["answer"] for x in run.lines][1] == "جامعه هال"  # echoed as typed
    assert calls == ["جامعة هال", "11,000", "11000"]


def test_a_value_json_cannot_hold_is_an_error_line_not_a_crash():
    from tutor.commands.grade import _json_line

    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert _json_line({"id": "veto", "x": deep}) is None  # the caller writes an error line
    assert _json_line({"x": float("nan")}) == '{"x": null}\n'
