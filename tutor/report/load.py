"""Reading drill results (docs/drills.md, tutor-drill-results/1) from files and folders, saying
which file and line could not be read instead of failing on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tutor.drill.results import FORMAT, ResultRow


@dataclass
class Loaded:
    rows: list[ResultRow] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: why", or "PATH: why"


def _invalid(row: ResultRow) -> str | None:
    """What makes a parsed line unusable: a field of the wrong type."""
    for name, kinds in (
        ("student", str),
        ("id", str),
        ("answer", str),
        ("verdict", str),
        ("score", (int, float)),
        ("seconds", (int, float)),
        ("attempt", int),
    ):
        value = getattr(row, name)
        if not isinstance(value, kinds) or isinstance(value, bool):
            return f"field {name!r} is {value!r}"
    if not 0 <= row.score <= 1:
        return f"field 'score' is {row.score!r}, not 0-1"
    return None


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.jsonl") if p.is_file())
    return [path]


def load_results(paths: list[Path]) -> Loaded:
    """Every results row in `paths` (files, or folders searched for *.jsonl), in file order."""
    out = Loaded()
    for given in paths:
        if not given.exists():
            out.problems.append(f"{given}: no such file or folder")
            continue
        files = _files(given)
        if not files:
            out.problems.append(f"{given}: no .jsonl results files in this folder")
        for path in files:
            try:
                text = path.read_text(encoding="utf-8-sig", errors="replace")
            except OSError as e:
                out.problems.append(f"{path}: cannot read: {e.strerror or e}")
                continue
            before = len(out.rows)
            for n, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    row = ResultRow.from_json(line)
                except (ValueError, TypeError) as e:
                    why = str(e) if "not a" in str(e) else "not a JSON results line"
                    out.problems.append(f"{path}:{n}: skipped: {why}")
                    continue
                bad = _invalid(row)
                if bad:
                    out.problems.append(f"{path}:{n}: skipped: {bad}")
                else:
                    out.rows.append(row)
            if len(out.rows) == before:
                out.problems.append(f"{path}: no {FORMAT} lines")
            else:
                out.files.append(path)
    return out
