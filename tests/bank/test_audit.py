"""`tutor check` holds the bank to its own word: accepts grade right, rejects wrong, no confusions.

The banks here are grading-only (no articles, no prompts), so they are checked as such."""

from __future__ import annotations

from pathlib import Path

from tutor.cli import main


def grading_bank(tmp_path: Path, body: str) -> str:
    f = tmp_path / "bank.yaml"
    f.write_text("questions:\n" + body, encoding="utf-8")
    return str(f)


PORT_AND_BASE = """\
  - id: port
    type: text
    answer: {ar: "ميناء راجين", en: "Rajin port"}
  - id: town
    type: text
    answer: {ar: "راجين", en: "Rajin"}
  - id: base
    type: text
    answer: {ar: "قاعدة فوستوشني", en: "Vostochny Cosmodrome"}
"""


def test_an_answer_the_grader_takes_for_another_question_is_an_error(tmp_path, capsys):
    assert main(["check", "--grading-only", "--bank", grading_bank(tmp_path, PORT_AND_BASE)]) == 1
    out = capsys.readouterr().out
    assert "bank.yaml:2 [port] reject: the grader accepts 'راجين' (the answer to town)" in out
    assert "bank.yaml:5 [town] reject: the grader accepts 'ميناء راجين' (the answer to port)" in out
    assert "[base]" not in out


def test_a_reject_settles_the_confusion(tmp_path, capsys):
    body = PORT_AND_BASE.replace(
        '{ar: "ميناء راجين", en: "Rajin port"}',
        '{ar: "ميناء راجين", en: "Rajin port"}\n    reject: ["Rajin", "راجين"]',
    ).replace('en: "Rajin"}', 'en: "Rajin"}\n    reject: ["Rajin port", "ميناء راجين"]')
    assert main(["check", "--grading-only", "--bank", grading_bank(tmp_path, body)]) == 0
    out = capsys.readouterr().out
    assert "answer to town" not in out and "answer to port" not in out
    assert (
        "warning: " in out
        and "[port] reject: rejected form 'Rajin' is wrong only because it is listed" in out
    )


def test_same_answer_twice_and_digits_in_a_text_answer_are_warnings(tmp_path, capsys):
    body = """\
  - id: one
    type: text
    answer: "Pyongyang"
  - id: two
    type: text
    answer: {ar: "بيونغ يانغ", en: "PYONGYANG"}
  - id: mig
    type: text
    answer: "MiG-29"
"""
    main(["check", "--grading-only", "--bank", grading_bank(tmp_path, body)])
    out = capsys.readouterr().out
    assert "warning: " in out and "[one] answer: same answer as two" in out
    assert "[mig] answer: a text answer holding digits" in out


def test_accept_that_grades_wrong_and_reject_that_grades_right(tmp_path, capsys):
    body = """\
  - id: year
    type: year
    answer: 1961
    accept: ["the sixties"]
    reject: ["١٩٦١"]
"""
    assert main(["check", "--grading-only", "--bank", grading_bank(tmp_path, body)]) == 1
    out = capsys.readouterr().out
    assert "bank.yaml:2 [year] accept: accepted form 'the sixties' grades incorrect" in out
    assert "warning: " in out
    assert (
        "bank.yaml:2 [year] reject: rejected form '١٩٦١' is wrong only because it is listed: the grader alone grades it correct"
        in out
    )


ORDER_OK = """\
  - id: treaties-order
    type: order
    answer:
      - {ar: "معاهدة الصداقة", en: "the friendship treaty", accept: ["1961"]}
      - {ar: "المعاهدة الجديدة", en: "the new treaty", accept: ["2000"]}
      - {ar: "الشراكة الاستراتيجية الشاملة", en: "the comprehensive partnership", accept: ["2024"]}
    accept: ["1961 2000 2024", "أ ب ج"]
    reject: ["2024, 2000, 1961"]
"""


def test_an_order_question_passes_its_self_tests(tmp_path, capsys):
    assert main(["check", "--grading-only", "--bank", grading_bank(tmp_path, ORDER_OK)]) == 0
    assert "[treaties-order]" not in capsys.readouterr().out


def test_order_items_the_grader_cannot_tell_apart_are_an_error(tmp_path, capsys):
    body = ORDER_OK.replace('accept: ["2000"]', 'accept: ["2000", "the friendship treety"]')
    assert main(["check", "--grading-only", "--bank", grading_bank(tmp_path, body)]) == 1
    out = capsys.readouterr().out
    assert (
        "[treaties-order] answer: item 2's form 'the friendship treety' is also read as item 1"
        in out
    )


def test_an_order_accept_that_is_not_the_order_fails(tmp_path, capsys):
    body = ORDER_OK.replace('"أ ب ج"', '"ب أ ج"')
    assert main(["check", "--grading-only", "--bank", grading_bank(tmp_path, body)]) == 1
    out = capsys.readouterr().out
    assert "[treaties-order] accept: accepted form 'ب أ ج' grades partial" in out
