"""Progress that lasts: a SQLite store of every answer and an FSRS schedule.

default_data_dir() -> Path        # $TUTOR_HOME, else platformdirs' user data dir
open_store(data_dir: Path | None) -> Store     # raises StoreError with a readable message
Store.record(rec: AnswerRecord) -> None        # written and committed at once (a Recorder)
Store.close() -> None
FsrsPicker(store, *, new_per_day: int = 20)    # a Picker: due first, then new, interleaved
start_fresh(data_dir) / move_aside(path)       # keep a damaged store aside and begin again
"""

from tutor.store.db import Store, move_aside, open_store, start_fresh
from tutor.store.errors import StoreError
from tutor.store.paths import default_data_dir
from tutor.store.picker import FsrsPicker

__all__ = [
    "FsrsPicker",
    "Store",
    "StoreError",
    "default_data_dir",
    "move_aside",
    "open_store",
    "start_fresh",
]
