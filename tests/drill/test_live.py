"""A live drill on loopback: simulated students join, answer, drop and rejoin; the host is
stopped and resumed from its record; every acknowledged answer is still there."""

from __future__ import annotations

import asyncio
import json

import aiohttp
from drillbots import Bot, make_host
from fakes import BANK_DIR

from tutor.drill.ledger import Ledger
from tutor.drill.spec import DrillSpec

IDS = ("t-year", "a-choice", "t-dover", "a-troops")
RIGHT = {
    "t-year": "1961",
    "a-choice": "China",
    "t-dover": "University of Hull",
    "a-troops": "11000",
}
WRONG = {"t-year": "1991", "a-choice": "India", "t-dover": "Oxford", "a-troops": "500"}


def spec(**kw) -> DrillSpec:
    base = dict(title="Live", seed=3, ids=IDS, attempts=2, hints=True)
    base.update(kw)
    return DrillSpec(**base)


def run(coro, timeout: float = 60):
    return asyncio.run(asyncio.wait_for(coro, timeout))


def acked_keys(acks) -> set[tuple[str, str, int]]:
    return {(name, a["qid"], a["attempt"]) for name, a in acks if a["type"] == "ack"}


def test_ten_students_drops_rejoins_and_a_host_restart(tmp_path):
    db = tmp_path / "host.sqlite3"
    s = spec()

    async def scenario():
        acks: list[tuple[str, dict]] = []
        host = make_host(BANK_DIR, db, s)
        port = await host.serve("127.0.0.1", 0)
        async with aiohttp.ClientSession() as session:
            bots = [Bot(session, port, f"student{i}", host.code) for i in range(10)]
            welcomes = await asyncio.gather(*(b.connect() for b in bots))
            assert all(w["type"] == "welcome" for w in welcomes)

            async def answer(b: Bot, qid: str, right: bool):
                a = await b.answer(qid, RIGHT[qid] if right else WRONG[qid])
                acks.append((b.name, a))
                return a

            for qi, qid in enumerate(IDS[:2]):
                await (host.start() if qi == 0 else host.next())
                await asyncio.gather(*(b.expect("question") for b in bots))
                # three students drop before answering, and come back with their token
                for b in bots[qi * 3 : qi * 3 + 3]:
                    await b.drop()
                results = await asyncio.gather(
                    *(
                        answer(b, qid, i % 3 != 0)
                        for i, b in enumerate(bots[: qi * 3] + bots[qi * 3 + 3 :])
                    )
                )
                assert all(r["type"] == "ack" for r in results)
                for b in bots[qi * 3 : qi * 3 + 3]:
                    w = await b.connect()
                    assert w["type"] == "welcome"
                    q = await b.expect("question")
                    assert q["id"] == qid and not q["done"]
                    await answer(b, qid, True)
            # a wrong first try, then the second attempt: both acknowledged
            await host.next()
            await asyncio.gather(*(b.expect("question") for b in bots))
            await asyncio.gather(*(answer(b, "t-dover", False) for b in bots[:5]))
            scores = {b.name: host.students[b.name].score for b in bots}
            # the host dies: no goodbye to anyone, nothing flushed beyond what was acknowledged
            await host.runner.shutdown()
            host.ledger.close()
            for t in (host._timer, host._writer):
                t.cancel()
            await asyncio.gather(*(b.drop() for b in bots), return_exceptions=True)

            host2 = make_host(BANK_DIR, db, s, resume=True)
            port2 = await host2.serve("127.0.0.1", 0)
            stored = {(r.student, r.id, r.attempt) for r in host2.ledger.rows()}
            assert acked_keys(acks) <= stored
            assert {n: host2.students[n].score for n in scores} == scores
            assert host2.current == 2 and host2.paused
            for b in bots:
                b.port = port2
            welcomes = await asyncio.gather(*(b.connect() for b in bots))
            assert [w["score"] for w in welcomes] == [scores[b.name] for b in bots]
            # the question comes back as it stood: the five who tried once have one try left
            qs = await asyncio.gather(*(b.expect("question") for b in bots))
            assert [q["attempts_used"] for q in qs] == [1] * 5 + [0] * 5
            await host2.start()
            await asyncio.gather(*(answer(b, "t-dover", True) for b in bots))
            lines = await host2.reveal()
            assert any("correct" in line and " 10 " in line for line in lines)
            await host2.finish()
            ends = await asyncio.gather(*(b.expect("end") for b in bots))
            await host2.stop()
        return acks, ends, host2

    acks, ends, host2 = run(scenario())
    rows = Ledger(db, digest=s.digest, resume=True).rows()
    assert acked_keys(acks) == {(r.student, r.id, r.attempt) for r in rows}
    assert len(rows) == len(acks)
    # places agree with scores: 1.0 per right answer, nothing lost or doubled
    by_name = {n: sc for n, sc in host2.leaderboard()}
    assert by_name["student1"] == 3.0 and by_name["student0"] == 2.0
    assert all(e["of"] == 10 for e in ends)


def test_refused_never_crashed(tmp_path):
    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", spec(attempts=1, hints=False))
        port = await host.serve("127.0.0.1", 0)
        async with aiohttp.ClientSession() as session:
            ali = Bot(session, port, "Ali", host.code)
            assert (await ali.connect())["type"] == "welcome"
            wrong = Bot(session, port, "Bob", host.code)
            m = await wrong.connect(code="000000" if host.code != "000000" else "111111")
            assert (m["type"], m["message"], m["fatal"]) == ("error", "wrong code", True)
            thief = Bot(session, port, "Ali", host.code)
            m = await thief.connect(token=None)
            assert m["type"] == "error" and "taken" in m["message"]
            m = await thief.connect(token="guessed-token")
            assert m["type"] == "error" and "taken" in m["message"]
            m = await thief.connect(token=None, name="ALI")
            assert m["type"] == "error" and m["message"] == "the name 'Ali' is taken"
            assert host.students["Ali"].online  # the real Ali is still connected

            async def refused(payload) -> str:
                await ali.send(payload)
                m = await ali.expect("error", "ack")
                assert m["type"] == "error", m
                return m["message"]

            assert await refused("not json") == "not JSON"
            assert await refused("[1, 2]") == "not a JSON object"
            assert "unknown message type" in await refused({"type": "steal"})
            assert await refused("x" * 5000) == "message larger than 4096 bytes"
            assert await refused({"type": "answer", "qid": "t-year", "answer": "1961"}) == (
                "that question is not open yet"
            )
            assert (
                await refused({"type": "answer", "qid": "nope", "answer": "x"})
                == "no such question"
            )
            assert "longer than" in await refused(
                {"type": "answer", "qid": "t-year", "answer": "x" * 600}
            )
            assert await refused({"type": "hint", "qid": "t-year"}) == "hints are off in this drill"
            await host.start()
            await ali.expect("question")
            assert (await ali.answer("t-year", "1961"))["verdict"] == "correct"
            assert await refused({"type": "answer", "qid": "t-year", "answer": "1961"}) == (
                "you have answered this question"
            )
            # a flood: refused with a message, then the connection is closed
            for _ in range(60):
                await ali.send({"type": "ping"})
            kinds = []
            while True:
                m = await ali.expect("error", "pong", "_closed")
                kinds.append(m["type"])
                if m["type"] == "_closed":
                    break
            assert "error" in kinds
            # guessing the code: after 10 wrong codes from one address in a minute, even the right
            # one waits
            guess = Bot(session, port, "Eve", host.code)
            wrong_code = "000000" if host.code != "000000" else "111111"
            for _ in range(9):  # Bob's wrong code above was the first
                assert (await guess.connect(code=wrong_code))["message"] == "wrong code"
            m = await guess.connect()
            assert m["message"] == "too many wrong codes: wait a minute"
            host._wrong_codes.clear()  # a minute later
            # the host still serves: a student with a new name joins and answers
            cara = Bot(session, port, "Cara", host.code)
            assert (await cara.connect())["type"] == "welcome"
            await cara.expect("question")
            assert (await cara.answer("t-year", "1961"))["verdict"] == "correct"
            # Ali comes back with his token: the new connection takes over the old one
            assert (await ali.connect())["type"] == "welcome"
            other = Bot(session, port, "Ali", host.code)
            other.token = ali.token
            assert (await other.connect())["type"] == "welcome"
            m = await ali.expect("error")
            assert m["message"] == "you joined from elsewhere"
            await host.stop()

    run(scenario())


def test_no_message_holds_the_answer_before_the_reveal(tmp_path):
    s = spec(attempts=2, hints=True)

    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", s)
        port = await host.serve("127.0.0.1", 0)
        async with aiohttp.ClientSession() as session:
            b = Bot(session, port, "Ali", host.code)
            await b.connect()
            await host.start()
            for qid in IDS:
                q = await b.expect("question")
                assert q["id"] == qid
                await b.send({"type": "hint", "qid": qid})
                await b.answer(qid, WRONG[qid])
                before = list(b.raw)
                for raw in before:
                    m = json.loads(raw)
                    assert not {"answer", "accept", "reject", "evidence", "explanation"} & set(m)
                    key = host.bank.get(qid)
                    if key.type in ("choice", "order"):
                        continue  # the options are shown; only which is right is withheld
                    for form in (key.answer_text("en"), key.answer_text("ar")):
                        assert form not in raw, (form, raw)
                await host.reveal()
                r = await b.expect("reveal")
                assert r["answer"]["en"] == host.bank.get(qid).answer_text("en")
                b.raw.clear()
                await host.next()
            await host.stop()

    run(scenario())


def test_late_answers_are_kept_not_scored(tmp_path):
    now = [1000.0]
    s = spec(attempts=1, hints=False, time_per_question=30.0)

    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", s)
        host.clock = lambda: now[0]
        port = await host.serve("127.0.0.1", 0)
        async with aiohttp.ClientSession() as session:
            a, b, c = (Bot(session, port, n, host.code) for n in ("A", "B", "C"))
            for x in (a, b, c):
                await x.connect()
            await host.start()
            for x in (a, b, c):
                await x.expect("question")
            now[0] += 31.0  # past the deadline, within the grace
            assert (await a.answer("t-year", "1961"))["late"] is False
            now[0] += 5.0  # past the grace: the host closes the question
            m = await b.expect("closed")
            assert m["why"] == "time"
            ack = await c.answer("t-year", "1961")
            assert (ack["verdict"], ack["late"], ack["score"]) == ("correct", True, 0.0)
            await host.stop()
            return host

    host = run(scenario())
    last = {r.student: r for r in host.ledger.rows()}  # the line that counts is the last
    rows = {(r.student, r.verdict, r.late, r.score) for r in last.values()}
    assert rows == {
        ("A", "correct", False, 1.0),
        ("B", "timeout", False, 0.0),
        ("C", "correct", True, 0.0),
    }
    assert host.leaderboard()[0] == ("A", 1.0)


def test_teacher_accepts_a_cluster_of_wrong_answers(tmp_path):
    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", spec(attempts=1))
        port = await host.serve("127.0.0.1", 0)
        async with aiohttp.ClientSession() as session:
            bots = [Bot(session, port, f"s{i}", host.code) for i in range(5)]
            for b in bots:
                await b.connect()
            await host.next()
            await host.next()
            await host.next()  # t-dover
            for b in bots:
                await b.expect("question")
            answers = ["Oxford", "oxford university", "Oxfrod", "University of Hull", "Cambridge"]
            for b, text in zip(bots, answers, strict=True):
                await b.answer("t-dover", text)
            lines = await host.reveal()
            text = "\n".join(lines)
            assert "correct" in text and "leaderboard:" in text and "جامعة هال" in text
            wrong = [c for c in host.clusters if c.kind == "wrong"]
            assert len(wrong[0].students) >= 2 and wrong[0].label.lower().startswith("oxf")
            n = host.clusters.index(wrong[0]) + 1
            assert "accepted" in await host.accept(n)
            m = await bots[0].expect("regraded")
            assert m["total"] == 1.0
            await host.stop()
            return host

    host = run(scenario())
    regraded = [r for r in host.ledger.rows() if r.regraded_by == "teacher"]
    assert {r.student for r in regraded} >= {"s0"} and all(r.score == 1.0 for r in regraded)


def test_answers_at_end_and_a_result_for_who_comes_back_after_it(tmp_path):
    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", spec(show_answers="at_end"))
        port = await host.serve("127.0.0.1", 0)
        async with aiohttp.ClientSession() as session:
            a, b = Bot(session, port, "A", host.code), Bot(session, port, "B", host.code)
            await a.connect()
            await b.connect()
            await host.start()
            await a.expect("question")
            await a.answer("t-year", "1961")
            await b.drop()  # B is away at the end
            await host.reveal()
            assert (await a.expect("closed"))["why"] == "reveal"
            await host.finish()
            end = await a.expect("end")
            assert "reveal" not in [m["type"] for m in a.seen]  # nothing shown before the end
            assert [r["id"] for r in end["reveals"]] == list(IDS)
            assert (end["place"], end["of"]) == (1, 2)
            m = await b.connect()  # with the token kept from the first join
            assert (m["type"], m["score"], m["place"], m["of"]) == ("end", 0.0, 2, 2)
            m = await Bot(session, port, "C", host.code).connect()
            assert (m["type"], m["message"]) == ("error", "the drill is over")
            await host.stop()

    run(scenario())


def test_no_ack_for_an_answer_the_record_did_not_take(tmp_path):
    async def scenario():
        host = make_host(BANK_DIR, tmp_path / "h.sqlite3", spec(attempts=2))
        port = await host.serve("127.0.0.1", 0)
        said: list[str] = []
        host.say = said.append
        async with aiohttp.ClientSession() as session:
            a = Bot(session, port, "A", host.code)
            await a.connect()
            await host.start()
            await a.expect("question")
            real = host.ledger.add_rows

            def full_disk(rows):
                raise OSError(28, "No space left on device")

            host.ledger.add_rows = full_disk
            m = await a.answer("t-year", "1991")
            assert (m["type"], m["message"]) == (
                "error", "the host could not take this message; try again",
            )  # fmt: skip
            assert any("No space left" in line for line in said)
            assert host.students["A"].seat("t-year").attempts == 0  # the try was not used up
            host.ledger.add_rows = real
            m = await a.answer("t-year", "1961")
            assert (m["type"], m["attempt"], m["verdict"]) == ("ack", 1, "correct")
            await host.stop()
            return host

    host = run(scenario())
    assert [(r.answer, r.attempt) for r in host.ledger.rows()] == [("1961", 1)]
