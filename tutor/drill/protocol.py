"""The live drill's messages: small JSON objects over one WebSocket, each with a `type`.
Described in docs/drills.md (protocol version 1). Everything a client sends is checked here
before the host acts on it; a message that does not fit is refused with a reason, never a crash.

Client → host: join, answer, hint, ping.
Host → client: welcome, question, ack, hint, closed, reveal, regraded, paused, resumed, end,
error, pong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

PROTOCOL = 1
MAX_MESSAGE = 4096  # bytes a client may send in one message (an answer is at most 500 chars)
MAX_FRAME = 65536  # beyond this the WebSocket itself is closed (1009); up to it, a refusal
MAX_NAME = 40
MAX_ANSWER = 500
RATE = 5.0  # messages a second a client may send, on average ...
BURST = 20  # ... with this many at once
MAX_STRIKES = 20  # refused messages before the host closes the connection
MAX_STUDENTS = 500
MAX_WRONG_CODES = 10  # wrong codes from one address in a minute before it must wait


class Refused(Exception):
    """A client message that cannot be acted on; the message says why, for the student."""


def encode(kind: str, **fields: Any) -> str:
    return json.dumps({"type": kind, **fields}, ensure_ascii=False)


@dataclass(frozen=True)
class Join:
    name: str
    code: str
    token: str | None


@dataclass(frozen=True)
class Answer:
    qid: str
    answer: str
    seq: int


@dataclass(frozen=True)
class HintAsk:
    qid: str


@dataclass(frozen=True)
class Ping:
    pass


def _text(d: dict[str, Any], key: str, limit: int, *, required: bool = True) -> str | None:
    v = d.get(key)
    if v is None and not required:
        return None
    if not isinstance(v, str):
        raise Refused(f"{key}: text is required")
    if len(v) > limit:
        raise Refused(f"{key}: longer than {limit} characters")
    return v


def parse(data: str | bytes) -> Join | Answer | HintAsk | Ping:
    """One client message, checked; Refused says what is wrong with it."""
    if isinstance(data, bytes | bytearray):
        if len(data) > MAX_MESSAGE:
            raise Refused(f"message larger than {MAX_MESSAGE} bytes")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused("not UTF-8 text") from None
    if len(data.encode("utf-8", "surrogatepass")) > MAX_MESSAGE:
        raise Refused(f"message larger than {MAX_MESSAGE} bytes")
    try:
        d = json.loads(data)
    except (ValueError, RecursionError):
        raise Refused("not JSON") from None
    if not isinstance(d, dict):
        raise Refused("not a JSON object")
    kind = d.get("type")
    if kind == "join":
        name = _text(d, "name", MAX_NAME)
        assert name is not None
        name = " ".join(name.split())
        if not name:
            raise Refused("name: empty")
        if not name.isprintable():
            raise Refused("name: control characters")
        code = _text(d, "code", 32)
        token = _text(d, "token", 64, required=False)
        assert code is not None
        return Join(name, code.strip(), token)
    if kind == "answer":
        qid = _text(d, "qid", 200)
        answer = _text(d, "answer", MAX_ANSWER)
        seq = d.get("seq", 0)
        if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq < 2**31:
            raise Refused("seq: a whole number")
        assert qid is not None and answer is not None
        return Answer(qid, answer, seq)
    if kind == "hint":
        qid = _text(d, "qid", 200)
        assert qid is not None
        return HintAsk(qid)
    if kind == "ping":
        return Ping()
    raise Refused(f"unknown message type {str(kind)[:40]!r}")


class Bucket:
    """A token bucket: `allow()` is False when a client sends faster than RATE for long."""

    def __init__(self, now: float, rate: float = RATE, burst: int = BURST) -> None:
        self.rate, self.burst = rate, burst
        self.tokens = float(burst)
        self.at = now

    def allow(self, now: float) -> bool:
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
