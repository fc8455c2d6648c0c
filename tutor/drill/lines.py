"""Line-mode input and output for the drill front ends (self-paced, the student's client, the
host console): lines read on a thread, so that a question's timer can run out while the student
is still typing; text written safely (control characters shown, long fields clipped) and, with
bidi="app", Arabic drawn right to left as plain study mode does."""

from __future__ import annotations

import queue
import shutil
import threading
from typing import TextIO

from tutor.display.safe import FIELD_LIMIT, clip, sanitize
from tutor.display.terminal_lines import terminal_lines

TIMEOUT = object()  # read(): the time given ran out before a line came


class Lines:
    def __init__(self, stdin: TextIO, stdout: TextIO, *, bidi: str = "terminal") -> None:
        self.inp, self.out, self.bidi = stdin, stdout, bidi
        self.width = shutil.get_terminal_size((80, 24)).columns
        self._q: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def _pump(self) -> None:
        try:
            while True:
                line = self.inp.readline()
                if not line:
                    break
                self._q.put(line.rstrip("\r\n"))
        except (OSError, ValueError, UnicodeDecodeError):
            pass
        self._q.put(None)

    def read(self, timeout: float | None = None) -> str | object | None:
        """A line; None at end of input; TIMEOUT when `timeout` seconds passed first."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._pump, daemon=True, name="drill-stdin")
            self._thread.start()
        try:
            line = self._q.get(timeout=max(timeout, 0.0) if timeout is not None else None)
        except queue.Empty:
            return TIMEOUT
        if line is None:
            self._q.put(None)  # every later read sees the end too
        return line

    def say(self, text: str = "") -> None:
        for line in sanitize(text).split("\n"):
            for shown in self._display(clip(line, FIELD_LIMIT)):
                self.out.write(shown + "\n")
        self.out.flush()

    def _display(self, line: str) -> list[str]:
        return terminal_lines(line, self.width, self.bidi)
