"""The one error the store raises, carrying what a front end needs to offer a way out."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The progress store cannot be used; the message is meant for the learner.

    kind: "corrupt" (not a readable SQLite file), "newer" (written by a newer tutor),
    "foreign" (a SQLite file that is not a tutor store), "notafile" (a folder where the file
    should be), "orphan" (a -wal journal without its database), "io" (folder or file not usable),
    "data" (an import file is wrong).
    """

    def __init__(
        self, message: str, *, kind: str = "io", path: Path | None = None, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path
        self.detail = detail  # the short technical cause ("database disk image is malformed")

    @property
    def can_start_fresh(self) -> bool:
        """Whether moving the file aside (see move_aside / start_fresh) would help."""
        return (
            self.kind in ("corrupt", "newer", "foreign", "notafile", "orphan")
            and self.path is not None
        )
