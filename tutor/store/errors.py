"""The one error the store raises, carrying what a front end needs to offer a way out."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The progress store cannot be used; the message is meant for the learner.

    kind: "corrupt" (not a readable SQLite file), "newer" (written by a newer tutor),
    "foreign" (a SQLite file that is not a tutor store), "io" (folder or file not usable),
    "data" (an import file is wrong).
    """

    def __init__(self, message: str, *, kind: str = "io", path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path

    @property
    def can_start_fresh(self) -> bool:
        """Whether moving the file aside (see move_aside / start_fresh) would help."""
        return self.kind in ("corrupt", "newer", "foreign") and self.path is not None
