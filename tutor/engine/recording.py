"""A Recorder that never takes the study down with it.

A full disk or a locked database must not end a learner's round in a traceback: the first failure
is reported once through `on_error`, and the study goes on without saving.
"""

from __future__ import annotations

from collections.abc import Callable

from tutor.engine.ports import AnswerRecord, Recorder


class GuardedRecorder:
    def __init__(self, inner: Recorder, on_error: Callable[[Exception], None]) -> None:
        self.inner = inner
        self.on_error = on_error
        self.failed = False

    def record(self, rec: AnswerRecord) -> None:
        if self.failed:
            return
        try:
            self.inner.record(rec)
        except Exception as e:  # any store failure: say so once, keep studying
            self.failed = True
            self.on_error(e)
