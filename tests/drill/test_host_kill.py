"""`tutor host` killed with SIGKILL mid-drill, then `tutor host --resume`: every answer a
student saw acknowledged is in the record, and students rejoin with their score."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading

import aiohttp
import pytest
from drillbots import Bot
from fakes import BANK_DIR

from tutor.drill.ledger import Ledger
from tutor.drill.spec import DrillSpec, dump_spec

TUTOR = [sys.executable, "-c", "import sys; from tutor.cli import main; sys.exit(main())"]
JOIN = re.compile(r"tutor join HOST:(\d+) --name NAME --code (\d+)")
pytestmark = pytest.mark.slow


def _start(spec_file, data, *extra) -> tuple[subprocess.Popen, int, str]:
    p = subprocess.Popen(
        [
            *TUTOR,
            "--bank",
            str(BANK_DIR),
            "--data",
            str(data),
            "host",
            str(spec_file),
            "--port",
            "0",
            *extra,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert p.stdout is not None
    watchdog = threading.Timer(120, p.kill)  # a host that hangs must not hang the test run
    watchdog.daemon = True
    watchdog.start()
    for _ in range(20):
        line = p.stdout.readline()
        m = JOIN.search(line)
        if m:
            return p, int(m.group(1)), m.group(2)
    p.kill()
    raise AssertionError(f"the host did not say its port: {p.stderr.read()}")


def _say(p: subprocess.Popen, command: str) -> None:
    assert p.stdin is not None
    p.stdin.write(command + "\n")
    p.stdin.flush()


def test_sigkill_then_resume_keeps_every_acknowledged_answer(tmp_path):
    spec = DrillSpec(title="Kill", seed=3, ids=("t-year", "t-dover", "a-troops"), attempts=1)
    spec_file = tmp_path / "kill.yaml"
    spec_file.write_text(dump_spec(spec), encoding="utf-8")
    data = tmp_path / "data"
    host, port, code = _start(spec_file, data)
    acked: set[tuple[str, str]] = set()

    async def before_kill() -> dict[str, str]:
        async with aiohttp.ClientSession() as s:
            bots = [Bot(s, port, f"s{i}", code) for i in range(6)]
            await asyncio.gather(*(b.connect() for b in bots))
            _say(host, "start")
            await asyncio.gather(*(b.expect("question") for b in bots))
            for b in bots:
                a = await b.answer("t-year", "1961")
                assert a["type"] == "ack"
                acked.add((b.name, "t-year"))
            _say(host, "next")
            await asyncio.gather(*(b.expect("question") for b in bots))

            async def fire(b: Bot):
                a = await b.answer("t-dover", "Hull")
                if a["type"] == "ack":
                    acked.add((b.name, "t-dover"))

            tasks = [asyncio.create_task(fire(b)) for b in bots]
            await tasks[0]  # at least one answered; the rest may be in flight at the kill
            os.kill(host.pid, signal.SIGKILL)
            await asyncio.gather(*tasks, return_exceptions=True)
            return {b.name: b.token for b in bots}

    tokens = asyncio.run(asyncio.wait_for(before_kill(), 60))
    host.wait(timeout=10)
    assert host.returncode == -signal.SIGKILL

    host2, port2, code2 = _start(spec_file, data, "--resume")
    assert code2 == code  # the class keeps its code

    async def after() -> list[dict]:
        async with aiohttp.ClientSession() as s:
            bots = []
            for name, token in tokens.items():
                b = Bot(s, port2, name, code)
                b.token = token
                bots.append(b)
            return await asyncio.gather(*(b.connect() for b in bots))

    welcomes = asyncio.run(asyncio.wait_for(after(), 60))
    assert all(w["type"] == "welcome" for w in welcomes)
    _say(host2, "quit")
    host2.communicate(timeout=30)
    (db,) = (data / "drills").glob("*.sqlite3")
    rows = Ledger(db, digest=spec.digest, resume=True).rows()
    assert acked <= {(r.student, r.id) for r in rows}
    for w in welcomes:
        kept = sum(r.score for r in rows if r.student == w["name"])
        assert w["score"] == kept
    assert db.stat().st_mode & 0o777 == 0o600
