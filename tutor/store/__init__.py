"""Progress that lasts: a SQLite store of every answer and an FSRS schedule.

CONTRACT (stub): implemented by the store helper; keep these names.
  default_data_dir() -> Path        # $TUTOR_HOME, else platformdirs' user data dir
  open_store(data_dir: Path | None) -> Store     # raises StoreError with a readable message
  Store.record(rec: AnswerRecord) -> None        # written and committed at once (a Recorder)
  Store.close() -> None
  FsrsPicker(store, *, new_per_day: int = 20)    # a Picker: due first, then new, interleaved
"""
