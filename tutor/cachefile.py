"""Files in the cache folder (the bank's JSON copy, tutor ask's sentence vectors), read and
written one way.

The folder may be one others can write (`--data` or TUTOR_HOME naming a class folder): a file
not owned by this user, or writable by others, is never read. Files are written atomically (a
reader never sees half of one), mode 0600, in a folder created 0700.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class Foreign(ValueError):
    """A cache file this user did not write, or that others may change: it is not read."""


def read_own(file: Path) -> bytes:
    """The file's bytes; Foreign if it is no regular file of ours, OSError if it cannot be read."""
    with file.open("rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise Foreign("not a regular file")
        if hasattr(os, "geteuid") and (st.st_uid != os.geteuid() or st.st_mode & 0o022):
            raise Foreign("written by someone else, or writable by others")
        return f.read()


def write_atomic(file: Path, data: bytes) -> None:
    """`data` as `file`, whole or not at all."""
    folder = file.parent
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, file)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
