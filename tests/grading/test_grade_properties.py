"""Properties of grading whatever arrives: any text to any question, any bytes to `tutor grade`."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from grading.inprocess import grade_in_process
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.bank import load_bank
from tutor.grading import Verdict, grade
from tutor.grading.batch import BY_NORMALISED
from tutor.grading.normalize import fold

BANK = load_bank()
IDS = ["treaty-year", "dover-university", "troops", "cities", "signed", "veto", "leader"]
VERDICTS = {"correct", "partial", "incorrect", "error"}

# Text as learners and hostile files produce it: Arabic, Latin, digits, punctuation, spaces, the
# odd surrogate or control character, and runs long enough to reach the length cap.


ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(max_codepoint=0x24F),
        st.sampled_from(" ,.-/0123456789٠١٢٣"),
        st.characters(),
        st.sampled_from("\ud800\udfff\x00\r\n\u200f\ufeff"),
    ),
    max_size=2500,
)
WORDY = st.lists(
    st.sampled_from(["of", "the", "في", "من", "hundred", "ألف", "1961", "Kim", "Moscow", "و",
                     "and", "or", "a", "b", "2", "June", "يونيو", "2024", "نعم", "no", "not"]),
    max_size=400,
).map(" ".join)  # fmt: skip
HUNDREDS = (
    "hundred",
    "مائة",
)  # each multiplies: past ~154 of them a figure would leave float range


def _repeat(word: str, n: int, sep: str) -> str:
    return sep.join([word] * n)


REPEATED = st.builds(
    _repeat,
    st.sampled_from([*HUNDREDS, "thousand", "ألف", "مليون", "9", "of", "a", "Kim", "x" * 40]),
    st.integers(1, 2100),
    st.sampled_from([" ", "", ","]),
)  # a word many times over: a multiplier, a run of digits, a paste


@settings(
    max_examples=300, deadline=timedelta(seconds=1), suppress_health_check=[HealthCheck.too_slow]
)
@given(st.sampled_from(BANK.questions), st.one_of(ANY_TEXT, WORDY, REPEATED))
def test_any_text_to_any_bundled_question_is_a_verdict_in_bounded_time(q, answer) -> None:
    v = grade(
        q, answer, bank=BANK
    )  # the deadline bounds the time: a second is far more than needed
    assert isinstance(v, Verdict) and v.verdict in ("correct", "partial", "incorrect")
    assert 0.0 <= v.score <= 1.0


NUMBER_QUESTION = next(q for q in BANK.questions if q.type == "number")


@pytest.mark.parametrize("word", HUNDREDS)
def test_hundreds_past_float_range(word) -> None:
    """ "hundred" × 160 multiplies past float range: no figure, an incorrect verdict, no error."""
    v = grade(NUMBER_QUESTION, f"{word} " * 160, bank=BANK)
    assert isinstance(v, Verdict) and v.verdict == "incorrect"


@pytest.mark.parametrize("kind", ["number", "year", "choice"])
def test_digits_that_int_cannot_read(kind) -> None:
    """'፩' is a digit to isdigit() but not to int(): the normaliser drops it as noise."""
    q = next(q for q in BANK.questions if q.type == kind)
    assert isinstance(grade(q, "12 ፩", bank=BANK), Verdict)
    assert isinstance(grade(q, "፩", bank=BANK), Verdict)


def _nasty_value() -> st.SearchStrategy[object]:
    return st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.floats(),  # NaN and ±Infinity among them
        st.booleans(),
        st.none(),
        st.lists(st.text(max_size=10), max_size=4),
        st.just([[[[[1]]]]]),
    )


ROW = st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(IDS), st.sampled_from(IDS).map(str.upper), st.text(max_size=8))},
    optional={"answer": st.one_of(ANY_TEXT, WORDY, REPEATED, _nasty_value()), "choices": _nasty_value(),
              "student": _nasty_value()},
)  # fmt: skip


def _row_bytes(row: dict, ascii_only: bool) -> bytes:
    text = json.dumps(row, ensure_ascii=ascii_only)
    return text.encode(
        "utf-8", "surrogatepass"
    )  # a lone surrogate becomes bytes that are not UTF-8


LINE = st.one_of(
    st.builds(_row_bytes, ROW, st.booleans()),
    st.binary(max_size=60),
    st.sampled_from([b"[" * 5000, b'{"id": "veto", "answer": 1' + b"0" * 5000 + b"}", b"NaN",
                     b"\xef\xbb\xbf{}", b"", b"   ", b"\x00"]),
)  # fmt: skip


def _input_lines(data: bytes) -> list[str]:
    """The lines `tutor grade` reads, as it reads them (universal newlines)."""
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", errors="surrogateescape",
                            newline="")  # fmt: skip
    return list(text)


def _counts(line: str) -> bool:
    return bool(line.strip()) or any("\udc80" <= c <= "\udcff" for c in line)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])  # fmt: skip
@given(st.lists(LINE, max_size=8))
def test_tutor_grade_writes_one_valid_json_line_per_input_line_for_any_bytes(lines) -> None:
    data = b"\n".join(lines)
    run = grade_in_process(data)
    assert "Traceback" not in run.stderr
    out = run.stdout.decode("utf-8")  # strict: every byte written is UTF-8
    got = out.splitlines()
    expected = [n for n, line in enumerate(_input_lines(data), start=1) if _counts(line)]
    assert len(got) == len(expected)
    rows = [
        json.loads(x, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c))) for x in got
    ]
    errors = [r["line"] for r in rows if r["verdict"] == "error"]
    assert all(isinstance(r, dict) and r["verdict"] in VERDICTS for r in rows)
    assert set(errors) <= set(expected)
    assert run.status == (1 if errors else 0)


CELL = st.one_of(ANY_TEXT, WORDY, st.sampled_from(IDS))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.one_of(st.sampled_from(IDS), CELL), CELL, CELL), max_size=6))
def test_tutor_grade_csv_writes_one_valid_row_per_record(records) -> None:
    buf = io.StringIO()
    csv.writer(buf).writerows([("id", "answer", "student"), *records])
    data = buf.getvalue().encode("utf-8", "surrogatepass")
    run = grade_in_process(data, "--format", "csv")
    assert "Traceback" not in run.stderr
    out = run.stdout.decode("utf-8")
    assert out.startswith("\ufeff")
    read_back = list(csv.reader(io.StringIO(out[1:], newline="")))
    assert read_back[0] == ["id", "answer", "student", "verdict", "score", "reason"]
    given_rows = [r for r in csv.reader(io.StringIO(data.decode("utf-8", "surrogateescape"),
                                                    newline=""))][1:]  # fmt: skip
    assert len(read_back) - 1 == len([r for r in given_rows if r])
    assert all(r[3] in VERDICTS for r in read_back[1:])


ALIKE = [q for q in BANK.questions if q.type in BY_NORMALISED]
DRESSINGS = [
    str.upper, str.title, lambda s: f"  {s}. ", lambda s: s.replace(" ", "  ") + "?",
    lambda s: "".join(c + ("\u064e" if "\u0628" <= c <= "\u064a" else "") for c in s),
    lambda s: s.replace("ا", "أ").replace("ه", "ة"), lambda s: s.replace("ل", "لـ", 1) + "؟",
    lambda s: f"«{s}»", lambda s: s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
]  # fmt: skip


def _forms(q) -> list[str]:
    return [f for c in (q.answer, *q.choices) if hasattr(c, "forms") for f in c.forms()]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALIKE), st.data())
def test_answers_that_normalise_alike_get_one_verdict_where_batch_caches_them(q, data) -> None:
    """tutor grade grades text, choice and bool answers once per folded form."""
    answer = data.draw(st.one_of(st.sampled_from(_forms(q) or ["yes"]), WORDY, ANY_TEXT))
    dressed = data.draw(st.sampled_from(DRESSINGS))(answer)
    if fold(dressed) != fold(answer) or len(dressed) > 2000:
        return
    assert grade(q, dressed, bank=BANK) == grade(q, answer, bank=BANK)
