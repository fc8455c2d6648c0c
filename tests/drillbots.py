"""Simulated students for live-drill tests and the load benchmark: protocol-level WebSocket
clients (aiohttp), each remembering every message the host sent it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp

from tutor.bank import load_bank
from tutor.drill.host import Host
from tutor.drill.ledger import Ledger
from tutor.drill.spec import DrillSpec, select_questions

TIMEOUT = 10.0


class Bot:
    def __init__(self, session: aiohttp.ClientSession, port: int, name: str, code: str) -> None:
        self.session, self.port, self.name, self.code = session, port, name, code
        self.token: str | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.seen: list[dict[str, Any]] = []  # every message, in order
        self.raw: list[str] = []  # every message as it came over the wire
        self._reader: asyncio.Task | None = None
        self.seq = 0

    async def connect(
        self, *, code: str | None = None, token: str | None = "mine", name: str | None = None
    ) -> dict[str, Any]:
        self.ws = await self.session.ws_connect(f"http://127.0.0.1:{self.port}/ws")
        self._reader = asyncio.create_task(self._read(self.ws))
        tok = self.token if token == "mine" else token
        await self.ws.send_str(
            json.dumps(
                {"type": "join", "name": name or self.name, "code": code or self.code, "token": tok}
            )
        )
        m = await self.expect("welcome", "error", "end")
        if m["type"] == "welcome":
            self.token = m["token"]
        return m

    async def _read(self, ws) -> None:
        async for msg in ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.raw.append(msg.data)
                m = json.loads(msg.data)
                self.seen.append(m)
                await self.inbox.put(m)
        await self.inbox.put({"type": "_closed"})

    async def expect(self, *kinds: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        async def get():
            while True:
                m = await self.inbox.get()
                if m["type"] in kinds:
                    return m

        return await asyncio.wait_for(get(), timeout)

    async def send(self, m: dict[str, Any] | str) -> None:
        assert self.ws is not None
        await self.ws.send_str(m if isinstance(m, str) else json.dumps(m, ensure_ascii=False))

    async def answer(self, qid: str, text: str) -> dict[str, Any]:
        self.seq += 1
        await self.send({"type": "answer", "qid": qid, "answer": text, "seq": self.seq})
        return await self.expect("ack", "error")

    async def drop(self) -> None:
        """The network goes: the socket closes without a goodbye."""
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.wait_for(self._reader, TIMEOUT)
        self.inbox = asyncio.Queue()


def make_host(
    bank_dir: Path,
    db: Path,
    spec: DrillSpec,
    *,
    resume: bool = False,
    said: list[str] | None = None,
) -> Host:
    bank = load_bank(bank_dir)
    ledger = Ledger(db, digest=spec.digest, resume=resume)
    out = said if said is not None else []
    return Host(spec, bank, select_questions(spec, bank), ledger, say=out.append, resume=resume)
