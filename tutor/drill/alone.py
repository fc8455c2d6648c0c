"""A drill run alone, in line mode (`tutor drill FILE --name NAME`): the spec's timer, attempts
and hint rules, no overrides. Every answer is appended (fsync'd) to the student's results file
the moment it is graded; run again, the drill resumes where it stopped, from that file.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tutor.bank.model import Bank, Question
from tutor.drill.lines import TIMEOUT, Lines
from tutor.drill.questions import (
    GRACE,
    MAX_ANSWER,
    closed_row,
    grade_attempt,
    is_final,
    prompt_payload,
    reveal_payload,
)
from tutor.drill.render import question_lines, reveal_lines, verdict_line
from tutor.drill.results import ResultRow, ResultsFile, read_rows
from tutor.drill.spec import DrillSpec
from tutor.drill.texts import rules_text, tr
from tutor.engine.commands import answer_text, parse


@dataclass
class Progress:
    """Where a student stands, read back from their results file."""

    done: dict[str, ResultRow] = field(default_factory=dict)  # question id -> its final row
    attempts: dict[str, int] = field(default_factory=dict)  # attempts used on open questions
    hints: dict[str, int] = field(default_factory=dict)
    started: float | None = None  # wall clock (epoch seconds) of the first question shown
    score: float = 0.0

    @classmethod
    def of(cls, rows: list[ResultRow], spec: DrillSpec) -> Progress:
        p = cls()
        for r in rows:
            if r.drill_digest != spec.digest:
                continue
            if p.started is None:
                with contextlib.suppress(ValueError):
                    at = datetime.fromisoformat(r.at.replace("Z", "+00:00"))
                    p.started = at.timestamp() - r.seconds
            p.attempts[r.id] = max(p.attempts.get(r.id, 0), r.attempt)
            p.hints[r.id] = max(p.hints.get(r.id, 0), r.hints)
            if is_final(r, spec):
                p.done[r.id] = r
        p.score = sum(0.0 if r.late else r.score for r in p.done.values())
        return p


class AloneDrill:
    def __init__(
        self,
        spec: DrillSpec,
        bank: Bank,
        questions: list[Question],
        student: str,
        results: ResultsFile,
        lines: Lines,
        *,
        lang: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.spec, self.bank, self.questions, self.student = spec, bank, questions, student
        self.results, self.io = results, lines
        self.lang = lang if lang in spec.languages else spec.lang
        self.clock, self.wall = clock, wall

    def say(self, text: str) -> None:
        self.io.say(text)

    def run(self) -> int:
        spec, lang, total = self.spec, self.lang, len(self.questions)
        progress = Progress.of(list(read_rows(self.results.path)), spec)
        self.say(tr("welcome", lang, title=spec.title, total=total, rules=rules_text(spec, lang)))
        todo = [i for i, q in enumerate(self.questions) if q.id not in progress.done]
        if not todo:
            self._finish(progress, already=True)
            return 0
        if progress.done or progress.attempts:
            self.say(tr("resumed", self.lang, index=todo[0] + 1, total=total))
        started = progress.started if progress.started is not None else self.wall()
        end_total = None
        if spec.time_total:
            end_total = self.clock() + (started + spec.time_total - self.wall())
        for i in todo:
            why = self._ask(i, progress, end_total)
            if why == "quit":
                self.say(tr("quit.resume", self.lang))
                self.say(tr("results_at", self.lang, path=self.results.path))
                return 0
            if why == "total":
                self.say(tr("time.total_up", self.lang))
                break
        self._finish(progress)
        return 0

    def _ask(self, i: int, progress: Progress, end_total: float | None) -> str:
        """Ask question `i` until it is final; "next", "quit" or "total" (time for all is up)."""
        spec, q = self.spec, self.questions[i]
        payload = prompt_payload(q, spec, i, len(self.questions), self.bank)
        attempt = progress.attempts.get(q.id, 0) + 1
        hints = progress.hints.get(q.id, 0)
        if attempt > 1 and spec.hints and q.hint is not None:
            hints = max(hints, 1)  # offered after the miss before the drill stopped
        shown_at = self.clock()
        deadline = shown_at + spec.time_per_question if spec.time_per_question else None
        if end_total is not None:
            deadline = end_total if deadline is None else min(deadline, end_total)
        if deadline is not None and deadline <= self.clock():
            return "total"
        left = None if deadline is None else deadline - self.clock()
        self.say("\n".join(question_lines(payload, self.lang, left)))
        while True:
            wait = None if deadline is None else deadline + GRACE - self.clock()
            line = self.io.read(wait)

            def close(kind: str, attempt: int = attempt, hints: int = hints) -> None:
                """The question ends unanswered (timeout, skip), as it stands now."""
                row = closed_row(q, kind, spec=spec, student=self.student, attempt=attempt,
                                 hints=hints, seconds=self.clock() - shown_at)  # fmt: skip
                self._record(row, progress, final=True)

            if line is TIMEOUT:
                close("timeout")
                self.say(tr("time.up", self.lang))
                self._reveal_now(q)
                return "total" if end_total is not None and self.clock() >= end_total else "next"
            if line is None:
                return "quit"
            assert isinstance(line, str)
            cmd = parse(line)
            if cmd is not None:
                if cmd.name == "quit":
                    return "quit"
                if cmd.name == "skip":
                    close("skipped")
                    self.say(tr("skipped", self.lang))
                    self._reveal_now(q)
                    return "next"
                if cmd.name == "hint":
                    if not spec.hints:
                        self.say(tr("hint.off", self.lang))
                    elif q.hint is None:
                        self.say(tr("hint.none", self.lang))
                    else:
                        hints = max(hints, 1)
                        self.say(tr("hint.offered", self.lang, hint=q.hint.get(self.lang)))
                elif cmd.name == "lang":
                    others = [x for x in spec.languages if x != self.lang]
                    if not others:
                        self.say(tr("lang.only", self.lang))
                    else:
                        self.lang = others[0]
                        self.say(tr("lang.switched", self.lang))
                        self.say("\n".join(question_lines(payload, self.lang)))
                elif cmd.name == "help":
                    self.say(tr("help", self.lang))
                else:
                    self.say(tr("not_in_drill", self.lang))
                continue
            answer = answer_text(line)
            if not answer.strip():
                continue
            if len(answer) > MAX_ANSWER:
                self.say(tr("answer.too_long", self.lang, length=len(answer), limit=MAX_ANSWER))
                continue
            now = self.clock()
            late = deadline is not None and now > deadline + GRACE
            g = grade_attempt(
                q,
                answer,
                spec=spec,
                bank=self.bank,
                student=self.student,
                attempt=attempt,
                hints=hints,
                seconds=now - shown_at,
                late=late,
            )
            self._record(g.row, progress, final=g.final)
            reason = (g.reason_ar or g.reason) if self.lang == "ar" else (g.reason or g.reason_ar)
            self.say(verdict_line(g.row.verdict, reason, self.lang))
            if late:
                self.say(tr("late", self.lang))
            if g.final:
                self._reveal_now(q)
                return "next"
            attempt += 1
            self.say(tr("attempts.left", self.lang, n=spec.attempts - attempt + 1))
            if spec.hints and q.hint is not None:
                hints = max(hints, 1)
                self.say(tr("hint.offered", self.lang, hint=q.hint.get(self.lang)))

    def _record(self, row: ResultRow, progress: Progress, *, final: bool) -> None:
        self.results.append(row)  # fsync'd before anything is shown
        progress.attempts[row.id] = row.attempt
        if final:
            progress.done[row.id] = row
            progress.score += 0.0 if row.late else row.score

    def _reveal_now(self, q: Question) -> None:
        if self.spec.show_answers == "after_each":
            self.say("\n".join(reveal_lines(reveal_payload(q, self.bank), self.lang)))

    def _finish(self, progress: Progress, *, already: bool = False) -> None:
        lang = self.lang
        if self.spec.show_answers == "at_end":
            self.say("\n" + tr("answers_title", lang))
            for q in self.questions:
                prompt = q.prompt.get(lang) if q.prompt else q.id
                self.say("\n".join(["", prompt, *reveal_lines(reveal_payload(q, self.bank), lang)]))
        key = "already_done" if already else "done"
        self.say("\n" + tr(key, lang, score=f"{progress.score:g}", total=len(self.questions)))
        self.say(tr("results_at", lang, path=self.results.path))


def check_name(name: str) -> str | None:
    """Why `name` cannot be a student's name, or None."""
    if not name.strip():
        return "the name is empty"
    if len(name) > 40:
        return "the name is longer than 40 characters"
    if not name.isprintable():
        return "the name holds control characters"
    return None
