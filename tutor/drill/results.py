"""Drill results: JSON Lines, one line per answer, appended (and fsync'd) as it is given.

A public contract (docs/drills.md, format version 1). Each line is also a valid `tutor grade`
row — `id`, `answer` and, for a choice question, `choices` (the option texts in the order shown)
— so a teacher can regrade a class's file with another bank or a newer grader. A regrade or a
teacher's "accept" is a new line with `regraded_by` set; the last line for a (student, id,
attempt) is the one that counts.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = "tutor-drill-results/1"
FIELDS = (
    "format",
    "drill",
    "drill_digest",
    "student",
    "id",
    "shown",
    "choices",
    "answer",
    "verdict",
    "score",
    "seconds",
    "attempt",
    "hints",
    "late",
    "regraded_by",
    "at",
)


@dataclass(frozen=True)
class ResultRow:
    drill: str  # the spec's title
    drill_digest: str  # DrillSpec.digest: which spec exactly
    student: str
    id: str  # question id
    answer: str  # as typed ("" for a skip or no answer in time)
    verdict: str  # correct | partial | incorrect | skipped | timeout
    score: float  # 0..1; 0 when late
    seconds: float  # from the question shown to the answer
    attempt: int  # 1-based
    hints: int  # hints seen before this answer
    late: bool = False  # after the deadline and grace: recorded, not scored
    regraded_by: str | None = None  # None: the drill's grader; else who changed it
    at: str = ""  # UTC, ISO 8601
    shown: tuple[int, ...] = ()  # options (choice) or items (order) as shown: bank indexes
    choices: tuple[str, ...] = ()  # a choice question's option texts as shown (for tutor grade)
    format: str = FORMAT

    def to_json(self) -> str:
        d = asdict(self)
        d["shown"] = list(self.shown)
        d["choices"] = list(self.choices)
        if not self.choices:
            del d["choices"]  # `tutor grade` refuses choices on a question that is not a choice
        return json.dumps({k: d[k] for k in FIELDS if k in d}, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> ResultRow:
        d = json.loads(line)
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} line")
        known = {f for f in cls.__dataclass_fields__}
        kw: dict[str, Any] = {k: v for k, v in d.items() if k in known}
        kw["shown"] = tuple(kw.get("shown") or ())
        kw["choices"] = tuple(kw.get("choices") or ())
        return cls(**kw)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_UNSAFE = re.compile(r"[^\w.-]+")


def file_name(title: str, digest: str, student: str) -> str:
    """One file per student and drill: `<title>-<digest8>-<student>.jsonl`, safe on any disk."""

    def safe(s: str) -> str:
        return _UNSAFE.sub("_", s).strip("_")[:60] or "x"

    return f"{safe(title)}-{digest.removeprefix('sha256:')[:8]}-{safe(student)}.jsonl"


class ResultsFile:
    """Append-only: each row is written, flushed and fsync'd before `append` returns, so an
    answer the student saw acknowledged survives a crash or a pulled plug."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._f = os.fdopen(fd, "a", encoding="utf-8", newline="\n")
        self._mend_tail()

    def _mend_tail(self) -> None:
        """A crash mid-line leaves a line without its newline: end it, so the next row stands
        on its own line (the torn one is skipped when read)."""
        try:
            size = self.path.stat().st_size
            if size:
                with open(self.path, "rb") as f:
                    f.seek(size - 1)
                    if f.read(1) != b"\n":
                        self._f.write("\n")
                        self._f.flush()
        except OSError:
            pass

    def append(self, row: ResultRow) -> None:
        self._f.write(row.to_json() + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._f.close()


def read_rows(path: Path) -> Iterator[ResultRow]:
    """Every readable row; a torn last line (a crash mid-write) is skipped."""
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            with contextlib.suppress(ValueError, TypeError):
                yield ResultRow.from_json(line)


def latest(rows: Iterable[ResultRow]) -> dict[tuple[str, str, int], ResultRow]:
    """The row that counts for each (student, question, attempt): the last one written."""
    out: dict[tuple[str, str, int], ResultRow] = {}
    for r in rows:
        out[(r.student, r.id, r.attempt)] = r
    return out


def to_csv(rows: Iterable[ResultRow]) -> str:
    """CSV with a byte-order mark (Excel then reads Arabic as Arabic); `choices` and `shown` as
    JSON lists, which `tutor grade --format csv` reads back."""
    buf = io.StringIO()
    buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(FIELDS)
    for r in rows:
        d = asdict(r)
        d["shown"] = json.dumps(list(r.shown))
        d["choices"] = json.dumps(list(r.choices), ensure_ascii=False) if r.choices else ""
        d["late"] = "true" if r.late else "false"
        d["regraded_by"] = r.regraded_by or ""
        w.writerow([d[k] for k in FIELDS])
    return buf.getvalue()


@dataclass
class Totals:
    """A student's standing, from their rows."""

    score: float = 0.0
    answered: set[str] = field(default_factory=set)


def totals(rows: Iterable[ResultRow]) -> dict[str, Totals]:
    """Per student: the score of each question's final row (late rows score 0)."""
    per: dict[tuple[str, str], ResultRow] = {}
    for r in rows:
        per[(r.student, r.id)] = r  # later attempts and regrades replace earlier ones
    out: dict[str, Totals] = {}
    for (student, qid), r in per.items():
        t = out.setdefault(student, Totals())
        t.answered.add(qid)
        t.score += 0.0 if r.late else r.score
    return out
