"""The teacher's screen, line mode: typed commands drive the Host; the roster, who has answered,
and at each reveal the class's answers grouped, the evidence and the leaderboard."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from tutor.drill.host import Host
from tutor.drill.lines import Lines
from tutor.drill.results import ResultsFile, file_name, to_csv

HELP = """commands:
  start          show the first question (or go on after a pause)
  next           close this question, show the next
  pause          stop the clock; start goes on
  extend S       S more seconds for this question
  skip           move on without showing the answer
  reveal         close this question, show how the class answered (and the students, if the
                 drill shows answers after each question)
  accept N       count answer group N of the last reveal as right
  roster         who is here, their score, who has answered
  export         write the results files now (--export DIR)
  quit           end the drill: scores to everyone, results written"""


class Console:
    def __init__(self, host: Host, lines: Lines, export: Path | None) -> None:
        self.host, self.io, self.export_dir = host, lines, export
        self._last_count: tuple[int, int] | None = None

    def say(self, text: str) -> None:
        self.io.say(text)

    async def run(self) -> int:
        ticker = asyncio.create_task(self._ticker())
        loop = asyncio.get_running_loop()
        try:
            while True:
                line = await loop.run_in_executor(None, self.io.read, None)
                if line is None:
                    line = "quit"
                assert isinstance(line, str)
                if not await self.command(line.strip()):
                    return 0
        finally:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker

    async def command(self, line: str) -> bool:
        """Act on one typed line; False when the drill is over."""
        h = self.host
        word, _, arg = line.partition(" ")
        word = word.lower().lstrip("/")
        if not word:
            return True
        if word in ("start", "next", "pause", "skip"):
            self.say(await getattr(h, word)())
        elif word == "extend":
            try:
                seconds = float(arg)
                if not 0 < seconds <= 3600:
                    raise ValueError
            except ValueError:
                self.say("extend S: seconds from 1 to 3600")
                return True
            self.say(await h.extend(seconds))
        elif word == "reveal":
            self.say("\n".join(await h.reveal()))
        elif word == "accept":
            try:
                n = int(arg)
            except ValueError:
                self.say("accept N: the number of an answer group shown at the reveal")
                return True
            self.say(await h.accept(n))
        elif word in ("roster", "who"):
            done, n = h.answered()
            self.say(f"{n} student(s); {done} done with this question")
            self.say("\n".join(h.roster()))
        elif word == "export":
            self.say(self.export())
        elif word in ("quit", "end", "exit"):
            self.say(await h.finish())
            self.say("leaderboard:")
            board = h.leaderboard()
            self.say("\n".join(f"  {i}. {n}  {s:g}" for i, (n, s) in enumerate(board, 1)))
            self.say(self.export())
            return False
        elif word == "help":
            self.say(HELP)
        else:
            self.say(f"unknown command {word!r}; type help")
        return True

    def export(self) -> str:
        """Each student's results file, and one CSV for the class, from the ledger."""
        ledger_note = f"every answer is in {self.host.ledger.path}"
        if self.export_dir is None:
            return ledger_note + " (--export DIR writes results files)"
        rows = self.host.ledger.rows()
        spec = self.host.spec
        d = self.export_dir
        d.mkdir(parents=True, exist_ok=True)
        by_student: dict[str, list] = {}
        for r in rows:
            by_student.setdefault(r.student, []).append(r)
        for name, rs in by_student.items():
            path = d / file_name(spec.title, spec.digest, name)
            path.unlink(missing_ok=True)
            f = ResultsFile(path)
            for r in rs:
                f.append(r)
            f.close()
        csv_path = d / file_name(spec.title, spec.digest, "class").replace(".jsonl", ".csv")
        csv_path.write_bytes(to_csv(rows).encode("utf-8"))
        return f"{ledger_note}; results for {len(by_student)} student(s) in {d}, {csv_path.name}"

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            if self.host.open:
                count = self.host.answered()
                if count != self._last_count:
                    self._last_count = count
                    self.say(f"  {count[0]}/{count[1]} answered")
