"""The student's side of a live drill, line mode: questions as the host sends them, answers
typed back; it never grades and never holds an answer key (the host sends none before the
reveal). A dropped connection is retried, and the student rejoins with the token the host
gave at the first join, keeping score and place; the token is kept on disk (0600) so that a
restarted client rejoins too."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from pathlib import Path
from typing import Any

import aiohttp

from tutor.drill.lines import Lines
from tutor.drill.render import pick, question_lines, reveal_lines, verdict_line
from tutor.drill.texts import tr
from tutor.engine.commands import answer_text, parse

RETRY_FOR = 120.0  # seconds a lost connection is retried before giving up


class TokenStore:
    """Tokens by (host, code, name): a student who restarts the client rejoins as themself."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def _read(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def get(self, key: str) -> str | None:
        v = self._read().get(key)
        return v if isinstance(v, str) else None

    def put(self, key: str, token: str) -> None:
        if self.path is None:
            return
        data = self._read()
        data[key] = token
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)


class Client:
    def __init__(
        self,
        url: str,
        name: str,
        code: str,
        lines: Lines,
        *,
        lang: str = "ar",
        tokens: TokenStore | None = None,
        key: str = "",
    ) -> None:
        self.url, self.name, self.code, self.io = url, name, code, lines
        self.lang = lang
        self.tokens = tokens or TokenStore(None)
        self.key = key or f"{url} {code} {name}"
        self.token = self.tokens.get(self.key)
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.question: dict[str, Any] | None = None
        self.languages: list[str] = ["ar", "en"]
        self.seq = 0
        self.ended = False
        self.fatal: str | None = None

    def say(self, text: str) -> None:
        self.io.say(text)

    async def run(self) -> int:
        reader = asyncio.create_task(self._read_input())
        try:
            async with aiohttp.ClientSession() as session:
                lost_at: float | None = None
                loop = asyncio.get_running_loop()
                while not self.ended and self.fatal is None:
                    try:
                        async with session.ws_connect(self.url, heartbeat=20) as ws:
                            self.ws = ws
                            lost_at = None
                            await ws.send_str(
                                json.dumps(
                                    {
                                        "type": "join",
                                        "name": self.name,
                                        "code": self.code,
                                        "token": self.token,
                                    }
                                )
                            )
                            async for msg in ws:
                                if msg.type != aiohttp.WSMsgType.TEXT:
                                    break
                                self.on_message(msg.data)
                                if self.ended or self.fatal:
                                    break
                    except (TimeoutError, aiohttp.ClientError, OSError):
                        pass
                    self.ws = None
                    if self.ended or self.fatal:
                        break
                    now = loop.time()
                    if lost_at is None:
                        lost_at = now
                        self.say("connection lost: reconnecting…")
                    elif now - lost_at > RETRY_FOR:
                        self.say("the host cannot be reached; run the same command to rejoin")
                        return 1
                    await asyncio.sleep(1.0)
        finally:
            reader.cancel()
        if self.fatal:
            self.say(f"refused: {self.fatal}")
            return 1
        return 0

    # --- from the host ---

    def on_message(self, data: str) -> None:
        try:
            m = json.loads(data)
        except ValueError:
            return
        if not isinstance(m, dict):
            return
        kind, lang = m.get("type"), self.lang
        if kind == "welcome":
            self.token = m.get("token")
            if isinstance(self.token, str):
                self.tokens.put(self.key, self.token)
            rules = m.get("rules") or {}
            langs = rules.get("languages") or ["ar", "en"]
            self.languages = [x for x in langs if x in ("ar", "en")] or ["ar", "en"]
            if self.lang not in self.languages:
                self.lang = self.languages[0]
            self.say(
                f"«{m.get('title', '')}»: {m.get('total', '?')} question(s); "
                f"{m.get('name', '')}, score {m.get('score', 0):g}. " + tr("help", self.lang)
            )
        elif kind == "question":
            self.question = m
            self.say("\n".join(question_lines(m, lang, m.get("left"))))
            if m.get("done"):
                self.say("(answered — wait for the next question)")
        elif kind == "ack":
            reason = m.get("reason_ar") or m.get("reason") if lang == "ar" else m.get("reason")
            self.say(verdict_line(str(m.get("verdict")), str(reason or ""), lang))
            if m.get("late"):
                self.say(tr("late", lang))
            if not m.get("final"):
                self.say(tr("attempts.left", lang, n=m.get("attempts_left", 0)))
                if m.get("hint"):
                    self.say(tr("hint.offered", lang, hint=pick(m["hint"], lang)))
            else:
                self.say(f"(score {m.get('total', 0):g} — wait for the next question)")
        elif kind == "hint":
            self.say(tr("hint.offered", lang, hint=pick(m.get("hint"), lang)))
        elif kind == "closed":
            self.say(tr("time.up", lang) if m.get("why") == "time" else "(answers closed)")
        elif kind == "reveal":
            self.say("\n".join(reveal_lines(m, lang)))
        elif kind == "regraded":
            self.say(
                f"your answer to {m.get('qid')} now counts as right (score {m.get('total', 0):g})"
            )
        elif kind == "paused":
            self.say("(paused by the teacher)")
        elif kind == "resumed":
            self.say("(going on)")
        elif kind == "time":
            self.say(tr("time.left", lang, seconds=int(m.get("left") or 0)))
        elif kind == "end":
            for r in m.get("reveals") or []:
                self.say("\n".join(["", *reveal_lines(r, lang)]))
            self.say("\n" + tr("done", lang, score=f"{m.get('score', 0):g}", total=m.get("total")))
            self.say(f"place {m.get('place')} of {m.get('of')}")
            for i, (n, s) in enumerate(m.get("leaderboard") or [], 1):
                self.say(f"  {i}. {n}  {s:g}")
            self.ended = True
        elif kind == "error":
            if m.get("fatal"):
                self.fatal = str(m.get("message"))
            else:
                self.say(f"host: {m.get('message')}")

    # --- from the keyboard ---

    async def _read_input(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, self.io.read, None)
            if line is None:
                return
            assert isinstance(line, str)
            await self.on_line(line)

    async def on_line(self, line: str) -> None:
        cmd = parse(line)
        q = self.question
        if cmd is not None:
            if cmd.name == "quit":
                self.say(tr("quit.resume", self.lang))
                self.ended = True
                if self.ws is not None:
                    await self.ws.close()
            elif cmd.name == "hint" and q is not None:
                await self._send({"type": "hint", "qid": q.get("id")})
            elif cmd.name == "lang":
                others = [x for x in self.languages if x != self.lang]
                if others:
                    self.lang = others[0]
                    self.say(tr("lang.switched", self.lang))
                    if q is not None:
                        self.say("\n".join(question_lines(q, self.lang)))
                else:
                    self.say(tr("lang.only", self.lang))
            elif cmd.name == "help":
                self.say(tr("help", self.lang))
            else:
                self.say(tr("not_in_drill", self.lang))
            return
        answer = answer_text(line).strip()
        if not answer:
            return
        if q is None:
            self.say("(no question yet — wait for the teacher)")
            return
        self.seq += 1
        await self._send({"type": "answer", "qid": q.get("id"), "answer": answer, "seq": self.seq})

    async def _send(self, m: dict[str, Any]) -> None:
        if self.ws is None or self.ws.closed:
            self.say("(not connected — try again in a moment)")
            return
        with contextlib.suppress(ConnectionError, RuntimeError):
            await self.ws.send_str(json.dumps(m, ensure_ascii=False))
