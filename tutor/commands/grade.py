"""`tutor grade`: grade answers collected elsewhere, one output line per input line, in order.

A public contract (teachers' scripts read it): JSON Lines by default, CSV with `--format csv` or a
`.csv` file. Input keys or columns are echoed as they are; `verdict`, `score`, `reason` are added.
A line that cannot be graded gets `"verdict": "error"` and the rest are still graded; the exit
status is then 1.

Whatever the bytes in, the output is valid: UTF-8 (bytes that were not UTF-8, lone surrogates
from a JSON escape: an error line, or U+FFFD where a value is echoed), JSON without NaN or
Infinity (echoed as null), CSV of any field size, starting with a byte-order mark so that Excel
reads Arabic as Arabic.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import gc
import io
import itertools
import json
import math
import multiprocessing
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from tutor.commands.common import load_or_report

if TYPE_CHECKING:
    from tutor.grading.batch import Batch

HELP = "grade answers from a JSON Lines or CSV file (or stdin) against the bank"

ERROR = "error"  # tutor.grading.batch.ERROR, without importing the grader before the bank
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes (surrogateescape) or a JSON escape
# Line breaks to str.splitlines() and JavaScript, though not to JSON: escaped, so that every
# reader sees one line per row.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file", nargs="?", metavar="FILE", default="-",
        help='answers: JSON Lines {"id": …, "answer": …} or CSV with id,answer columns '
        "(default: stdin)",
    )  # fmt: skip
    p.add_argument(
        "--format", choices=("jsonl", "csv"), default=None,
        help="input and output format (default: csv for a .csv FILE, else jsonl)",
    )  # fmt: skip
    p.add_argument(
        "--lang", choices=("en", "ar"), default="en", help="language of the reasons (default: en)"
    )
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N",
        help="processes grading a big JSON Lines batch side by side (default 1; 0: one per "
        "CPU, at most 4). Pays on idle cores and mostly distinct answers",
    )  # fmt: skip


def _open_input(name: str) -> IO[str]:
    """Text that never fails to decode: bytes that are not UTF-8 come through as lone
    surrogates (surrogateescape), and the line that holds them is reported, not the file."""
    raw = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _warn(where: str, message: str) -> None:
    print(f"tutor grade: {where}: {message}", file=sys.stderr)


def _not_utf8(text: str) -> str | None:
    """Why `text` (decoded with surrogateescape) is not UTF-8, or None when it is."""
    if text.isascii():
        return None
    m = _SURROGATE.search(text)
    if m is None:
        return None
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"not UTF-8 text (byte 0x{code - 0xDC00:02x} at character {m.start() + 1})"
    return "not UTF-8 text"


def _valid_utf8(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _finite(value: Any) -> Any:
    """`value` with NaN and ±Infinity as null, which JSON can hold."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _json_line(result: dict[str, Any]) -> str | None:
    """One line of valid JSON, or None when `result` cannot be written as JSON at all."""
    try:
        try:
            text = _encode(result)
        except ValueError:  # NaN or Infinity in an echoed field
            text = _encode(_finite(result))
    except (ValueError, RecursionError):
        return None
    if not text.isascii():
        if _SURROGATE.search(text):
            text = _valid_utf8(text)  # a lone surrogate from a JSON escape such as "\ud800"
        if "\u2028" in text or "\u2029" in text or "\x85" in text:
            text = text.translate(_LINE_BREAKS)
    return text + "\n"


def _parse(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON: {e.msg}") from None
    except RecursionError:
        raise ValueError("not JSON this program can read: nested too deeply") from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise ValueError(
            f"not JSON this program can read: a number of more than "
            f"{sys.get_int_max_str_digits():,} digits"
        ) from None


class _Chunks:
    """Output bytes written a chunk at a time: stdout may be unbuffered (PYTHONUNBUFFERED), and a
    system call per line would cost more than the JSON."""

    def __init__(self, out: IO[bytes], size: int = 1 << 16) -> None:
        self._out, self._size = out, size
        self._parts: list[bytes] = []
        self._held = 0

    def write(self, data: bytes) -> None:
        self._parts.append(data)
        self._held += len(data)
        if self._held >= self._size:
            self.flush()

    def flush(self) -> None:
        if self._parts:
            data = b"".join(self._parts)
            self._parts.clear()
            self._held = 0
            self._out.write(data)
        self._out.flush()


def _grade_line(batch: Batch, n: int, line: str) -> tuple[str, str | None] | None:
    """Input line `n` graded: its output line and, for an error line, why; None for a blank."""
    why = _not_utf8(line)
    result: dict[str, Any]
    if why is not None:
        result = {"line": n, "verdict": ERROR, "score": 0.0, "reason": why}
    elif not line.strip():
        return None  # blank lines separate nothing in JSON Lines
    else:
        try:
            row = _parse(line)
        except ValueError as e:
            result = {"line": n, "verdict": ERROR, "score": 0.0, "reason": str(e)}
        else:
            if not isinstance(row, dict):
                result = {"line": n, "verdict": ERROR, "score": 0.0,
                          "reason": "not a JSON object"}  # fmt: skip
            else:
                result = batch.grade_row(row)
                if result["verdict"] == ERROR:
                    result["line"] = n
    text = _json_line(result)
    if text is None:
        result = {"line": n, "verdict": ERROR, "score": 0.0,
                  "reason": "cannot be written back as JSON"}  # fmt: skip
        text = _encode(result) + "\n"
    return text, result["reason"] if result["verdict"] == ERROR else None


Chunk = list[tuple[int, str]]
Graded = tuple[bytes, list[tuple[int, str]]]  # output bytes; (line number, why) per error line


def _grade_chunk(batch: Batch, chunk: Chunk) -> Graded:
    texts: list[str] = []
    bad: list[tuple[int, str]] = []
    for n, line in chunk:
        graded = _grade_line(batch, n, line)
        if graded is not None:
            texts.append(graded[0])
            if graded[1] is not None:
                bad.append((n, graded[1]))
    return "".join(texts).encode("utf-8"), bad


CHUNK = 1000  # lines handed to a worker process at a time
_worker_batch: Batch | None = None  # a worker's Batch: the parent's, inherited through fork


def _worker_chunk(chunk: Chunk) -> Graded:
    assert _worker_batch is not None
    return _grade_chunk(_worker_batch, chunk)


def _chunks(src: Iterable[str]) -> Iterator[Chunk]:
    chunk: Chunk = []
    for n, line in enumerate(src, start=1):
        chunk.append((n, line))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _jsonl(batch: Batch, src: Iterable[str], out: _Chunks, name: str, jobs: int = 1) -> list[int]:
    """Grade every line, in order. With `jobs` > 1 and more than two chunks of lines, worker
    processes grade the chunks side by side; the output is the same, line for line."""
    bad: list[int] = []

    def emit(graded: Graded) -> None:
        data, errors = graded
        for n, why in errors:
            bad.append(n)
            _warn(f"{name}:{n}", why)
        out.write(data)

    chunks = _chunks(src)
    head = list(itertools.islice(chunks, 3))
    if jobs <= 1 or len(head) < 3 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in itertools.chain(head, chunks):
            emit(_grade_chunk(batch, chunk))
        return bad
    _prepare_for_workers(batch)
    global _worker_batch
    _worker_batch = batch
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pending: collections.deque[Any] = collections.deque()
            for chunk in itertools.chain(head, chunks):
                pending.append(pool.apply_async(_worker_chunk, (chunk,)))
                if len(pending) > 2 * jobs:  # a bounded read-ahead: memory stays flat
                    emit(pending.popleft().get())
            while pending:
                emit(pending.popleft().get())
    finally:
        _worker_batch = None
    return bad


def _prepare_for_workers(batch: Batch) -> None:
    """Work every worker would repeat, done once before they fork from this process: the
    questions' preparation and the word list."""
    from tutor.grading import warm
    from tutor.grading.lexicon import common_words

    warm(batch.bank.questions, batch.bank)
    common_words()


def _few_collections() -> None:
    """Grading makes many short-lived objects and remembers many (the verdicts, the matches):
    with the default thresholds the cycle collector walks the remembered ones again and again,
    a quarter of the time, though grading makes almost no cycles. The loaded bank is set aside
    for good (gc.freeze, which also keeps forked workers' memory shared), and the collector
    runs seldom."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)


def default_jobs() -> int:
    """Worker processes for `--jobs 0`: one per CPU this process may use, at most 4.

    Not the default: each worker grades (and remembers) its own answers, so a class's repeated
    answers are graded once per worker, and lines go to the workers and back; on a busy or
    one-core machine that costs more than it gains."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def _allow_any_field_size() -> None:
    """A pasted essay in one cell is an answer too (graded as too long), not a broken file."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long narrower than sys.maxsize (Windows)
            limit //= 2


def _csv(batch: Batch, src: IO[str], out: IO[bytes], name: str) -> list[int] | None:
    from tutor.grading.batch import ADDED

    _allow_any_field_size()
    reader = csv.reader(src)
    try:
        columns = next(reader, None)
    except csv.Error as e:
        _warn(f"{name}:1", f"CSV: {e}")
        return None
    if not columns or "id" not in columns or "answer" not in columns:
        _warn(f"{name}:1", "the first row must name the columns, with at least id and answer")
        return None
    if _not_utf8("".join(columns)):
        _warn(f"{name}:1", "not UTF-8 text")
        return None
    fields = [*columns, *(c for c in ADDED if c not in columns)]
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        text.write("\ufeff")  # a byte-order mark: Excel reads UTF-8 (Arabic) only with one
        writer = _CsvWriter(text)
        writer.writerow(fields)
        return _csv_rows(batch, reader, writer, columns, fields, name)
    finally:
        with contextlib.suppress(BrokenPipeError):
            text.flush()
        text.detach()


class _CsvWriter:
    """csv.writer with "\n" line ends, which (before Python 3.12) leaves a lone "\r" in a field
    unquoted, so that a reader sees the row end there: such a row is written all quoted."""

    def __init__(self, out: IO[str]) -> None:
        self._plain = csv.writer(out, lineterminator="\n")
        self._quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, values: list[Any]) -> None:
        cr = any(isinstance(v, str) and "\r" in v for v in values)
        (self._quoted if cr else self._plain).writerow(values)


def _csv_rows(
    batch: Batch, reader: Any, writer: _CsvWriter, columns: list[str], fields: list[str], name: str
) -> list[int]:
    bad: list[int] = []
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            cells, problem = [], f"CSV: {e}"
        else:
            problem = None
            if not cells:
                start = reader.line_num + 1
                continue  # a blank line
        n, start = start, reader.line_num + 1
        row: dict[str, Any] = dict(zip(columns, cells, strict=False))
        for c in columns[len(cells) :]:
            row.setdefault(c, None)
        if problem is None:
            problem = _not_utf8("".join(cells))
        if problem is not None:
            row = {k: _valid_utf8(v) if isinstance(v, str) else v for k, v in row.items()}
            result = {**row, "verdict": ERROR, "score": 0.0, "reason": problem}
        else:
            result = batch.grade_row(row)
            if len(cells) > len(columns) and result["verdict"] != ERROR:
                result = {**result, "verdict": ERROR, "score": 0.0,
                          "reason": "more cells than columns"}  # fmt: skip
        if result["verdict"] == ERROR:
            bad.append(n)
            _warn(f"{name}:{n}", result["reason"])
        values = [result.get(c) for c in fields]
        try:
            writer.writerow(values)
        except UnicodeEncodeError:
            writer.writerow([_valid_utf8(v) if isinstance(v, str) else v for v in values])
    return bad


def _numbers(lines: list[int], most: int = 20) -> str:
    shown = ", ".join(str(n) for n in lines[:most])
    return shown + (f" and {len(lines) - most} more" if len(lines) > most else "")


def run(args: argparse.Namespace) -> int:
    bank = load_or_report(args, strict=True)
    if bank is None:
        return 1
    name = "<stdin>" if args.file == "-" else args.file
    fmt = args.format or ("csv" if args.file.lower().endswith(".csv") else "jsonl")
    try:
        src = _open_input(args.file)
    except OSError as e:
        _warn(name, e.strerror or str(e))
        return 1
    from tutor.grading.batch import Batch

    batch = Batch(bank, lang=args.lang)
    _few_collections()
    sys.stdout.flush()
    raw = sys.stdout.buffer
    out: _Chunks | IO[bytes] = raw if fmt == "csv" else _Chunks(raw)  # CSV: text layer buffers
    try:
        with src:
            if isinstance(out, _Chunks):
                jobs = default_jobs() if args.jobs == 0 else args.jobs
                bad = _jsonl(batch, src, out, name, jobs)
            else:
                bad = _csv(batch, src, out, name)
    except BrokenPipeError:
        raise  # the reader went away (| head): the CLI ends quietly
    except OSError as e:  # a read error
        _warn(name, e.strerror or str(e))
        return 1
    finally:
        with contextlib.suppress(BrokenPipeError):
            out.flush()
    if bad is None:
        return 1
    if bad:
        _warn(name, f"{len(bad)} line(s) could not be graded (lines {_numbers(bad)})")
    return 1 if bad else 0
