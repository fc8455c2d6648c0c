"""Problems found in a bank, reported all at once with file, line, question id and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: Path | None
    line: int | None
    message: str
    qid: str | None = None
    field: str | None = None
    severity: str = "error"  # "error" fails `tutor check`; "warning" is shown only

    def __str__(self) -> str:
        where = str(self.file) if self.file else "<bank>"
        if self.line:
            where += f":{self.line}"
        if not self.qid and not self.field:
            return f"{where}: {self.message}"  # "file:line: message", as compilers say it
        parts = [where]
        if self.qid:
            parts.append(f"[{self.qid}]")
        if self.field:
            parts.append(f"{self.field}:")
        return " ".join(parts) + " " + self.message


class BankError(Exception):
    """The bank could not be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
