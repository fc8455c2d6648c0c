"""`tutor join`'s line-mode client against a host on loopback: what the student reads, what it
sends, reconnecting with its token after a drop, and refusals it reports."""

from __future__ import annotations

import asyncio
import io
import os

from drillbots import make_host
from fakes import BANK_DIR

from tutor.commands.join import url_of
from tutor.drill.client import Client, TokenStore
from tutor.drill.lines import Lines
from tutor.drill.spec import DrillSpec

SPEC = DrillSpec(title="Live", seed=3, ids=("t-year", "a-choice"), attempts=2, hints=True)


async def _until(out: io.StringIO, text: str, timeout: float = 10.0) -> None:
    async def wait():
        while text not in out.getvalue():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(wait(), timeout)


def test_student_answers_rejoins_after_a_drop_and_sees_the_end(tmp_path):
    async def scenario() -> tuple[int, str]:
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", SPEC)
        port = await host.serve("127.0.0.1", 0)
        r, w = os.pipe()
        stdin = os.fdopen(r, "r", encoding="utf-8")
        typing = os.fdopen(w, "w", encoding="utf-8")
        out = io.StringIO()
        tokens = TokenStore(tmp_path / "tokens.json")
        client = Client(url_of(f"127.0.0.1:{port}"), "Ali", host.code, Lines(stdin, out),
                        lang="en", tokens=tokens)  # fmt: skip
        task = asyncio.create_task(client.run())

        def type_(line: str) -> None:
            typing.write(line + "\n")
            typing.flush()

        await _until(out, "«Live»: 2 question(s)")
        await host.start()
        await _until(out, "In which year was the friendship treaty signed?")
        type_("1991")
        await _until(out, "Attempts left: 1.")
        assert "Hint: In the sixties" in out.getvalue()
        type_("/reveal")
        await _until(out, "Not available in a drill.")
        type_("1961")
        await _until(out, "Correct.")
        # the network drops: the client reconnects by itself and keeps its score
        await host.students["Ali"].ws.close()
        await _until(out, "connection lost: reconnecting…")
        await _until(out, "Ali, score 1.")
        assert tokens.get(client.key) == host.students["Ali"].token
        await host.reveal()
        await _until(out, "The answer: 1961")
        await host.next()
        await _until(out, "1. China")
        await host.finish()
        await _until(out, "Drill over. Score: 1 of 2.")
        status = await asyncio.wait_for(task, 10)
        typing.close()
        await host.stop()
        return status, out.getvalue()

    status, text = asyncio.run(asyncio.wait_for(scenario(), 60))
    assert status == 0 and "place 1 of 1" in text


def test_a_refused_join_says_why_and_fails(tmp_path):
    async def scenario() -> tuple[int, str]:
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", SPEC)
        port = await host.serve("127.0.0.1", 0)
        out = io.StringIO()
        client = Client(url_of(f"127.0.0.1:{port}"), "Ali", "not-the-code",
                        Lines(io.StringIO(""), out), lang="en")  # fmt: skip
        status = await asyncio.wait_for(client.run(), 10)
        await host.stop()
        return status, out.getvalue()

    status, text = asyncio.run(scenario())
    assert status == 1 and "refused: wrong code" in text


def test_join_address_forms():
    assert url_of("10.0.0.5") == "ws://10.0.0.5:8765/ws"
    assert url_of("class.local:9000") == "ws://class.local:9000/ws"
    assert url_of("[::1]:9000") == "ws://[::1]:9000/ws"
    assert url_of("ws://10.0.0.5:80/ws") == "ws://10.0.0.5:80/ws"
    assert url_of("host:notaport") is None and url_of(":80") is None
