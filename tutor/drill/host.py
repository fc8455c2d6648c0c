"""The live drill's host: it alone holds the bank, grades, and keeps the record.

Students connect over a WebSocket (aiohttp, which will also serve a browser page on the same
port later). The host sends each question as it is shown — the prompt and the options in the
drill's order, never `answer`, `accept`, the evidence or the explanation — and the answer and its
evidence only at the reveal, as the spec allows. Every answer is committed to the ledger
(SQLite, synchronous=FULL) before it is acknowledged; answers arriving together are committed in
one transaction (group commit), so a class answering at once waits for one fsync, not thirty.

The teacher drives the class through the methods start / next / pause / extend / skip / reveal
/ accept / finish; the console (tutor.drill.console) maps typed commands to them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from tutor.bank.model import Bank, Question
from tutor.drill import protocol as P
from tutor.drill.ledger import Ledger
from tutor.drill.questions import (
    GRACE,
    closed_row,
    grade_attempt,
    is_final,
    prompt_payload,
    reveal_payload,
)
from tutor.drill.results import ResultRow, now_iso
from tutor.drill.spec import DrillSpec
from tutor.drill.web import routes as student_page
from tutor.grading.verdict import CORRECT, PARTIAL


@dataclass
class Seat:
    """One student's state on one question."""

    attempts: int = 0
    hints: int = 0
    final: bool = False
    last: ResultRow | None = None  # the row that counts (the last one)


@dataclass
class Student:
    name: str
    token: str
    ws: web.WebSocketResponse | None = None
    seats: dict[str, Seat] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def seat(self, qid: str) -> Seat:
        return self.seats.setdefault(qid, Seat())

    @property
    def score(self) -> float:
        return sum(0.0 if s.last.late else s.last.score for s in self.seats.values() if s.last)

    @property
    def online(self) -> bool:
        return self.ws is not None and not self.ws.closed


@dataclass(frozen=True)
class Cluster:
    """Answers the grader judged alike, for the teacher's reveal view."""

    kind: str  # correct | partial | wrong
    label: str  # a representative answer
    students: tuple[str, ...]


class Host:
    def __init__(
        self,
        spec: DrillSpec,
        bank: Bank,
        questions: list[Question],
        ledger: Ledger,
        *,
        say: Callable[[str], None] = print,
        resume: bool = False,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.spec, self.bank, self.questions, self.ledger = spec, bank, questions, ledger
        self.say, self.clock, self.wall = say, clock, wall
        self.ids = [q.id for q in questions]
        self.students: dict[str, Student] = {}
        self.current = -1  # index of the question shown; -1 before start
        self.open = False  # answers to the current question are taken
        self.deadline: float | None = None  # clock() time the current question closes
        self.paused_left: float | None = None  # time left when paused (None: not paused)
        self.paused = False
        self.opened_at: dict[int, float] = {}
        self.revealed: set[int] = set()
        self.ended = False
        self.clusters: list[Cluster] = []
        self.cluster_qid: str | None = None
        self._wrong_codes: dict[str, list[float]] = {}  # peer address -> times of wrong codes
        self._verdicts: dict = {}  # (question id, answer) -> Verdict: one grading per answer
        self._pending: list[tuple[list[ResultRow], asyncio.Future[None]]] = []
        self._wake: asyncio.Event | None = None
        self._writer: asyncio.Task[None] | None = None
        self._timer: asyncio.Task[None] | None = None
        self.runner: web.AppRunner | None = None
        self.port: int | None = None
        code = ledger.get("code")
        if code is None:
            code = f"{secrets.randbelow(10**6):06d}"
            ledger.put("code", code)
        self.code = code
        if resume:
            self._restore()

    # --- the record ---

    def _restore(self) -> None:
        for name, token in self.ledger.students().items():
            self.students[name] = Student(name, token)
        for row in self.ledger.rows():
            st = self.students.get(row.student)
            if st is None:
                continue
            seat = st.seat(row.id)
            seat.attempts = max(seat.attempts, row.attempt)
            seat.hints = max(seat.hints, row.hints)
            seat.last = row
            seat.final = seat.final or is_final(row, self.spec)
        state = self.ledger.get_json("state") or {}
        self.current = int(state.get("current", -1))
        self.revealed = set(state.get("revealed", []))
        self.ended = bool(state.get("ended", False))
        if state.get("open") and 0 <= self.current < len(self.questions):
            self.open = True
            self.paused = True  # the teacher resumes with `start` (or `extend S`)
            left = state.get("deadline_wall")
            self.paused_left = max(left - self.wall(), 0.0) if left is not None else None
            self.opened_at[self.current] = self.clock()

    def _save_state(self) -> None:
        left = self.time_left()
        self.ledger.put_json(
            "state",
            {
                "current": self.current,
                "open": self.open,
                "revealed": sorted(self.revealed),
                "ended": self.ended,
                "deadline_wall": None if left is None else self.wall() + left,
            },
        )

    async def commit(self, rows: list[ResultRow]) -> None:
        """Durable when this returns: joins the next group commit."""
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((rows, fut))
        assert self._wake is not None
        self._wake.set()
        await fut

    async def _write_loop(self) -> None:
        assert self._wake is not None
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, []
            if not batch:
                continue
            rows = [r for rs, _ in batch for r in rs]
            try:
                await asyncio.to_thread(self.ledger.add_rows, rows)
            except Exception as e:  # the disk failed: nobody is told their answer was kept
                for _, fut in batch:
                    if not fut.done():
                        fut.set_exception(e)
                continue
            for _, fut in batch:
                if not fut.done():
                    fut.set_result(None)

    # --- serving ---

    def app(self) -> web.Application:
        app = web.Application(client_max_size=P.MAX_MESSAGE)
        app.router.add_get("/ws", self._ws)
        app.router.add_get("/", self._index)
        app.add_routes(student_page())  # /join: the student's page in a browser
        return app

    async def serve(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Start listening; returns the port (0: a free one). The grader is loaded and the
        drill's questions prepared first, so the first answers wait for none of it."""
        from tutor import grading

        await asyncio.to_thread(grading.warm, self.questions, self.bank)
        self._wake = asyncio.Event()
        self._writer = asyncio.create_task(self._write_loop())
        self._timer = asyncio.create_task(self._timer_loop())
        self.runner = web.AppRunner(self.app(), handle_signals=False)
        await self.runner.setup()
        site = web.TCPSite(self.runner, host, port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.port

    async def stop(self) -> None:
        for st in self.students.values():
            if st.online:
                with contextlib.suppress(Exception):
                    await st.ws.close()  # type: ignore[union-attr]
        if self.runner is not None:
            await self.runner.cleanup()
        for task in (self._timer, self._writer):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _index(self, request: web.Request) -> web.Response:
        return web.Response(text=f"tutor drill host: {self.spec.title}. Join with `tutor join`.\n")

    async def _ws(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=P.MAX_FRAME, heartbeat=20)
        await ws.prepare(request)
        bucket = P.Bucket(self.clock())
        student: Student | None = None
        strikes = 0
        try:
            async for msg in ws:
                if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                    break
                if not bucket.allow(self.clock()):
                    strikes += 1
                    await _send(ws, "error", message="too many messages: slow down")
                    if strikes >= P.MAX_STRIKES:
                        break
                    continue
                try:
                    m = P.parse(msg.data)
                    if isinstance(m, P.Join):
                        if student is not None:
                            raise P.Refused("already joined")
                        student = await self._join(ws, m, request.remote or "")
                        if student is None:
                            break
                    elif student is None:
                        raise P.Refused("join first")
                    elif student.ws is not ws:
                        break  # replaced by a newer connection of the same student
                    elif isinstance(m, P.Answer):
                        await self._answer(student, m)
                    elif isinstance(m, P.HintAsk):
                        await self._hint(student, m)
                    else:
                        await _send(ws, "pong")
                except P.Refused as e:
                    strikes += 1
                    await _send(ws, "error", message=str(e))
                    if strikes >= P.MAX_STRIKES:
                        break
                except Exception as e:  # a bug or a full disk: this message fails, not the class
                    self.say(
                        f"! could not take a message from {student.name if student else '?'}: "
                        f"{type(e).__name__}: {e}"
                    )
                    await _send(
                        ws, "error", message="the host could not take this message; try again"
                    )
        finally:
            if student is not None and student.ws is ws:
                student.ws = None
                self.say(f"- {student.name} left")
        return ws

    # --- students ---

    async def _join(self, ws: web.WebSocketResponse, m: P.Join, peer: str = "") -> Student | None:
        now = self.clock()
        tries = [t for t in self._wrong_codes.get(peer, []) if now - t < 60.0]
        if len(tries) >= P.MAX_WRONG_CODES:
            await _send(ws, "error", message="too many wrong codes: wait a minute", fatal=True)
            return None
        if not hmac.compare_digest(m.code.encode(), self.code.encode()):
            self._wrong_codes[peer] = [*tries, now]
            await _send(ws, "error", message="wrong code", fatal=True)
            return None
        st = self.students.get(m.name)
        if self.ended:  # a student who was away at the end still hears their result
            known = st is not None and m.token is not None
            if known and hmac.compare_digest(m.token.encode(), st.token.encode()):  # type: ignore[union-attr]
                await self._send_end(st, ws)  # type: ignore[arg-type]
            else:
                await _send(ws, "error", message="the drill is over", fatal=True)
            return None
        if st is None:
            folded = m.name.casefold()
            alike = [s for s in self.students.values() if s.name.casefold() == folded]
            if alike:  # "ali" beside "Ali" would confuse the teacher's roster
                await _send(ws, "error", message=f"the name {alike[0].name!r} is taken",
                            fatal=True)  # fmt: skip
                return None
        if st is not None:
            if m.token is None or not hmac.compare_digest(m.token.encode(), st.token.encode()):
                await _send(ws, "error", message=f"the name {m.name!r} is taken", fatal=True)
                return None
            old, st.ws = st.ws, ws
            if old is not None and not old.closed:
                await _send(old, "error", message="you joined from elsewhere", fatal=True)
                await old.close()
            self.say(f"+ {st.name} is back ({st.score:g})")
        else:
            if len(self.students) >= P.MAX_STUDENTS:
                await _send(ws, "error", message="the class is full", fatal=True)
                return None
            st = Student(m.name, secrets.token_urlsafe(18), ws)
            self.students[st.name] = st  # taken now: a second join of the name waits for none
            try:
                await asyncio.to_thread(self.ledger.add_student, st.name, st.token, now_iso())
            except Exception:
                del self.students[st.name]
                raise
            self.say(f"+ {st.name} joined ({len(self.students)} in class)")
        await _send(
            ws,
            "welcome",
            protocol=P.PROTOCOL,
            token=st.token,
            name=st.name,
            title=self.spec.title,
            total=len(self.questions),
            score=st.score,
            rules=self._rules(),
        )
        if self.open and not self.paused:
            await self._send_question(st)
        elif self.paused:
            await self._send_question(st)
            await _send(ws, "paused")
        return st

    def _rules(self) -> dict[str, Any]:
        s = self.spec
        return {
            "time_per_question": s.time_per_question,
            "attempts": s.attempts,
            "hints": s.hints,
            "show_answers": s.show_answers,
            "languages": list(s.languages),
        }

    async def _send_question(self, st: Student) -> None:
        if st.ws is None or self.current < 0:
            return
        q = self.questions[self.current]
        seat = st.seat(q.id)
        payload = prompt_payload(q, self.spec, self.current, len(self.questions), self.bank)
        await _send(
            st.ws,
            "question",
            **payload,
            left=self.time_left(),
            attempts_used=seat.attempts,
            done=seat.final,
        )

    async def _answer(self, st: Student, m: P.Answer) -> None:
        async with st.lock:  # one answer of a student at a time: attempts stay in order
            if m.qid not in self.ids:
                raise P.Refused("no such question")
            idx = self.ids.index(m.qid)
            if idx > self.current or self.current < 0:
                raise P.Refused("that question is not open yet")
            if idx in self.revealed:
                raise P.Refused("the answer has been shown: answers are closed")
            if idx == self.current and self.paused:
                raise P.Refused("the drill is paused")
            q = self.questions[idx]
            seat = st.seat(q.id)
            timed_out = seat.last is not None and seat.last.verdict == "timeout"
            if seat.final and not timed_out:  # after a timeout, one late answer is still kept
                raise P.Refused("you have answered this question")
            now = self.clock()
            late = idx != self.current or not self.open
            if not late and self.deadline is not None:
                late = now > self.deadline + GRACE
            seconds = now - self.opened_at.get(idx, now)
            g = grade_attempt(
                q,
                m.answer.strip(),
                spec=self.spec,
                bank=self.bank,
                student=st.name,
                attempt=seat.attempts + 1,
                hints=seat.hints,
                seconds=seconds,
                late=late,
                cache=self._verdicts,
            )
            await self.commit([g.row])  # durable before anyone hears of it
            seat.attempts += 1
            seat.last = g.row
            seat.final = g.final
            hint = None
            if not g.final and self.spec.hints and q.hint is not None:
                seat.hints = max(seat.hints, 1)
                hint = {"ar": q.hint.ar, "en": q.hint.en}
            if st.ws is not None:
                await _send(
                    st.ws,
                    "ack",
                    seq=m.seq,
                    qid=q.id,
                    attempt=g.row.attempt,
                    verdict=g.row.verdict,
                    score=g.row.score,
                    final=g.final,
                    late=late,
                    attempts_left=self.spec.attempts - seat.attempts if not g.final else 0,
                    hint=hint,
                    reason=g.reason,
                    reason_ar=g.reason_ar,
                    total=st.score,
                )

    async def _hint(self, st: Student, m: P.HintAsk) -> None:
        if not self.spec.hints:
            raise P.Refused("hints are off in this drill")
        if self.current < 0 or m.qid != self.ids[self.current] or not self.open:
            raise P.Refused("that question is not open")
        q = self.questions[self.current]
        if q.hint is None:
            raise P.Refused("this question has no hint")
        st.seat(q.id).hints = max(st.seat(q.id).hints, 1)
        assert st.ws is not None
        await _send(st.ws, "hint", qid=q.id, hint={"ar": q.hint.ar, "en": q.hint.en})

    async def _broadcast(self, kind: str, **fields: Any) -> None:
        text = P.encode(kind, **fields)
        await asyncio.gather(
            *(_send_text(st.ws, text) for st in self.students.values() if st.online),
            return_exceptions=True,
        )

    # --- the teacher's commands ---

    def time_left(self) -> float | None:
        if self.paused:
            return self.paused_left
        if self.deadline is None or not self.open:
            return None
        return max(self.deadline - self.clock(), 0.0)

    async def start(self) -> str:
        if self.ended:
            return "the drill is over"
        if self.paused:
            self.paused = False
            left = self.paused_left
            self.deadline = None if left is None else self.clock() + left
            self.paused_left = None
            self._save_state()
            await self._broadcast("resumed", left=self.time_left())
            for st in self.students.values():
                if st.online:
                    await self._send_question(st)
            return "resumed"
        if self.current >= 0:
            return "already started: next, pause, reveal..."
        return await self._open(0)

    async def _open(self, idx: int) -> str:
        if idx >= len(self.questions):
            return await self.finish()
        self.current, self.open, self.paused = idx, True, False
        now = self.clock()
        self.opened_at[idx] = now
        tpq = self.spec.time_per_question
        self.deadline = now + tpq if tpq else None
        self._save_state()
        await asyncio.gather(
            *(self._send_question(st) for st in self.students.values() if st.online),
            return_exceptions=True,
        )
        q = self.questions[idx]
        prompt = q.prompt.get(self.spec.lang) if q.prompt else q.id
        return f"question {idx + 1}/{len(self.questions)}: {prompt}"

    async def close_current(self, why: str = "closed") -> None:
        if self.open:
            self.open = False
            self.paused = False
            self._save_state()
            await self._broadcast("closed", qid=self.ids[self.current], why=why)

    async def next(self) -> str:
        if self.current < 0:
            return await self.start()
        await self.close_current()
        return await self._open(self.current + 1)

    async def skip(self) -> str:
        """Move on without showing the answer; answers given stay."""
        return await self.next()

    async def pause(self) -> str:
        if not self.open or self.paused:
            return "nothing to pause"
        self.paused_left = self.time_left()
        self.paused = True
        self._save_state()
        await self._broadcast("paused")
        return "paused"

    async def extend(self, seconds: float) -> str:
        if not self.open:
            return "no open question"
        if self.paused:
            self.paused_left = (self.paused_left or 0.0) + seconds
        elif self.deadline is not None:
            self.deadline = max(self.deadline, self.clock()) + seconds
        else:
            return "this question has no time limit"
        self._save_state()
        await self._broadcast("time", qid=self.ids[self.current], left=self.time_left())
        return f"{self.time_left():.0f} s left"

    async def reveal(self) -> list[str]:
        """Close the current question, show the teacher how the class answered, and the
        students the answer if the spec says after_each."""
        if self.current < 0:
            return ["nothing to reveal"]
        await self.close_current("reveal")
        idx = self.current
        q = self.questions[idx]
        self.revealed.add(idx)
        self._save_state()
        if self.spec.show_answers == "after_each":
            payload = reveal_payload(q, self.bank)
            for st in self.students.values():
                if st.online:
                    seat = st.seats.get(q.id)
                    mine = seat.last.verdict if seat and seat.last else None
                    await _send(st.ws, "reveal", **payload, yours=mine)  # type: ignore[arg-type]
        return self.reveal_lines(q)

    def reveal_lines(self, q: Question) -> list[str]:
        from tutor.drill.render import reveal_lines

        self.clusters = cluster_answers(q, self.students.values())
        self.cluster_qid = q.id
        lang = self.spec.lang
        out = [f"answers to {q.id}:"]
        for i, c in enumerate(self.clusters, 1):
            out.append(
                f"  [{i}] {c.kind:8} {len(c.students):3}  {c.label!r}  ({', '.join(c.students)})"
            )
        missing = [
            s.name for s in self.students.values() if q.id not in s.seats or not s.seats[q.id].last
        ]
        if missing:
            out.append(f"  no answer: {', '.join(missing)}")
        out += reveal_lines(reveal_payload(q, self.bank), lang)
        out.append("leaderboard:")
        out += [
            f"  {i}. {name}  {score:g}" for i, (name, score) in enumerate(self.leaderboard(), 1)
        ]
        return out

    async def accept(self, n: int) -> str:
        """Count cluster `n` of the last reveal as correct: a new line per student, regraded_by
        teacher."""
        if not self.clusters or self.cluster_qid is None or not 1 <= n <= len(self.clusters):
            return "no such cluster: reveal first, then accept N"
        c = self.clusters[n - 1]
        if c.kind == "correct":
            return "that cluster is correct already"
        q = self.bank.get(self.cluster_qid)
        assert q is not None
        rows = []
        for name in c.students:
            seat = self.students[name].seats[q.id]
            assert seat.last is not None
            rows.append(
                ResultRow(
                    **{
                        **seat.last.__dict__,
                        "verdict": CORRECT,
                        "score": 0.0 if seat.last.late else 1.0,
                        "regraded_by": "teacher",
                        "at": now_iso(),
                    },
                )
            )
        await self.commit(rows)
        for row in rows:
            st = self.students[row.student]
            seat = st.seats[q.id]
            seat.last, seat.final = row, True
            if st.online:
                await _send(
                    st.ws,
                    "regraded",
                    qid=q.id,
                    verdict=CORRECT,
                    score=row.score,  # type: ignore[arg-type]
                    total=st.score,
                )
        c2 = Cluster(CORRECT, c.label, c.students)
        self.clusters[n - 1] = c2
        return f"accepted {c.label!r} for {len(rows)} student(s)"

    async def finish(self) -> str:
        """End the drill: answers close; each student gets their score, place and, if the spec
        says at_end, every answer."""
        await self.close_current("end")
        self.ended = True
        self._save_state()
        for st in self.students.values():
            if st.online:
                await self._send_end(st)
        return "the drill is over"

    async def _send_end(self, st: Student, ws: web.WebSocketResponse | None = None) -> None:
        """A student's score, place and, with at_end, every answer."""
        board = self.leaderboard()
        reveals = []
        if self.spec.show_answers == "at_end":
            reveals = [reveal_payload(q, self.bank) for q in self.questions]
        place = 1 + sum(1 for _, score in board if score > st.score)  # ties share a place
        await _send(
            ws or st.ws, "end", score=st.score, total=len(self.questions), place=place,  # type: ignore[arg-type]
            of=len(board), leaderboard=board[:10], reveals=reveals,
        )  # fmt: skip

    def leaderboard(self) -> list[tuple[str, float]]:
        board = [(s.name, s.score) for s in self.students.values()]
        return sorted(board, key=lambda x: (-x[1], x[0]))

    def roster(self) -> list[str]:
        q = self.questions[self.current] if self.current >= 0 else None
        out = []
        for s in self.students.values():
            mark = ""
            if q is not None:
                seat = s.seats.get(q.id)
                mark = (
                    "answered"
                    if seat and seat.final
                    else (f"{seat.attempts} tries" if seat and seat.attempts else "—")
                )
            out.append(f"  {s.name:20} {'online ' if s.online else 'offline'} {s.score:5g}  {mark}")
        return out

    def answered(self) -> tuple[int, int]:
        """(students done with the current question, students)."""
        if self.current < 0:
            return (0, len(self.students))
        qid = self.ids[self.current]
        done = sum(1 for s in self.students.values() if s.seats.get(qid, Seat()).final)
        return done, len(self.students)

    async def _timer_loop(self) -> None:
        """Close the current question once its time (and the grace) is up; tell the teacher."""
        while True:
            await asyncio.sleep(0.2)
            if (
                self.open
                and not self.paused
                and self.deadline is not None
                and self.clock() > self.deadline + GRACE
            ):
                idx = self.current
                await self.close_current("time")
                await self._timeouts(idx)
                done, n = self.answered()
                self.say(f"time is up: {done}/{n} answered — reveal, or next")

    async def _timeouts(self, idx: int) -> None:
        """A `timeout` line for each student who had not finished question `idx`."""
        q = self.questions[idx]
        await asyncio.gather(*(self._timeout(st, q, idx) for st in list(self.students.values())))

    async def _timeout(self, st: Student, q: Question, idx: int) -> None:
        async with st.lock:  # after any answer of theirs in flight
            seat = st.seat(q.id)
            if seat.final:
                return
            row = closed_row(
                q,
                "timeout",
                spec=self.spec,
                student=st.name,
                attempt=seat.attempts + 1,
                hints=seat.hints,
                seconds=self.clock() - self.opened_at.get(idx, self.clock()),
            )
            await self.commit([row])
            seat.last, seat.final = row, True


def cluster_answers(q: Question, students) -> list[Cluster]:
    """Right, partly right, then wrong answers grouped by likeness (normalised; a slip or an
    extra word apart), biggest group first, so the teacher reads a class's thirty answers as a
    handful of groups."""
    from rapidfuzz import fuzz

    from tutor.grading.normalize import normalize

    def alike(a: str, b: str) -> bool:
        if a == b:
            return True
        if min(len(a), len(b)) <= 3 or a.isdigit() or b.isdigit():
            return False  # short answers and figures: only the same one is alike
        return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b)) >= 80

    groups: dict[str, list[tuple[str, list[str], list[str]]]] = {
        CORRECT: [],
        PARTIAL: [],
        "wrong": [],
    }
    for st in students:
        seat = st.seats.get(q.id)
        if seat is None or seat.last is None:
            continue
        r = seat.last
        kind = r.verdict if r.verdict in (CORRECT, PARTIAL) else "wrong"
        text = r.answer.strip() or f"({r.verdict})"
        key = normalize(text) or text
        for rep_key, answers, names in groups[kind]:
            if alike(rep_key, key):
                names.append(st.name)
                if text not in answers:
                    answers.append(text)
                break
        else:
            groups[kind].append((key, [text], [st.name]))
    out = []
    for kind in (CORRECT, PARTIAL, "wrong"):
        for _key, answers, names in sorted(groups[kind], key=lambda g: -len(g[2])):
            out.append(Cluster(kind, " / ".join(answers[:4]), tuple(names)))
    return out


async def _send(ws: web.WebSocketResponse, kind: str, **fields: Any) -> None:
    await _send_text(ws, P.encode(kind, **fields))


async def _send_text(ws: web.WebSocketResponse | None, text: str) -> None:
    if ws is None or ws.closed:
        return
    with contextlib.suppress(ConnectionError, RuntimeError):
        await ws.send_str(text)


def host_db_path(data: Path, spec: DrillSpec) -> Path:
    from tutor.drill.results import file_name

    return (
        data / "drills" / file_name(spec.title, spec.digest, "host").replace(".jsonl", ".sqlite3")
    )
