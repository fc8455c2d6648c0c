"""A small, strict GIFT reader that follows Moodle's own importer (question/format/gift/format.php):
the same escapes, the same order of decisions (general feedback, then the type from the answer
text), and stricter where Moodle silently guesses: an unknown escape, a second brace, a question
without a name or an answer weight out of range are errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ESCAPES = {":": "\x01", "#": "\x02", "=": "\x03", "{": "\x04", "}": "\x05", "~": "\x06"}
BACK = {v: k for k, v in ESCAPES.items()} | {"\x07": "\n", "\x08": "\\"}
WEIGHT = re.compile(r"^%(-?\d{1,3}(?:\.\d+)?)%")


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str = ""


@dataclass
class GiftQuestion:
    name: str
    qtype: str
    text: str
    category: str
    general_feedback: str = ""
    answers: list[Answer] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching
    tolerance: float | None = None
    comments: list[str] = field(default_factory=list)


def _pre(s: str, where: str) -> str:
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            nxt = s[i + 1 : i + 2]
            if nxt in ESCAPES:
                out.append(ESCAPES[nxt])
            elif nxt == "n":
                out.append("\x07")
            elif nxt == "\\":
                out.append("\x08")
            else:
                raise GiftError(f"{where}: unknown escape \\{nxt!r}")
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _post(s: str) -> str:
    return "".join(BACK.get(c, c) for c in s).strip()


def _feedback(s: str) -> tuple[str, str]:
    text, _, fb = s.partition("#")
    return _post(text), _post(fb)


def _weighted(s: str, default: float, where: str) -> tuple[float, str]:
    m = WEIGHT.match(s)
    if not m:
        return default, s
    w = float(m.group(1))
    if not -100 <= w <= 100:
        raise GiftError(f"{where}: weight {w} out of range")
    return w / 100, s[m.end() :]


def parse(text: str) -> list[GiftQuestion]:
    """Every question in a GIFT file, or GiftError naming the first thing Moodle would misread."""
    out: list[GiftQuestion] = []
    category = ""
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = block.split("\n")
        comments = [ln.strip()[2:].strip() for ln in lines if ln.strip().startswith("//")]
        body = "\n".join(ln for ln in lines if not ln.strip().startswith("//")).strip()
        if not body:
            continue
        where = f"question {len(out) + 1}"
        body = _pre(body, where)
        if body.startswith("$CATEGORY:"):
            category = body[len("$CATEGORY:") :].strip()
            continue
        if not body.startswith("::"):
            raise GiftError(f"{where}: no ::name::")
        name, sep, rest = body[2:].partition("::")
        if not sep:
            raise GiftError(f"{where}: the name is not closed")
        name = _post(name)
        where = f"question {name!r}"
        if rest.count("{") != 1 or rest.count("}") != 1 or rest.index("{") > rest.index("}"):
            raise GiftError(f"{where}: needs exactly one unescaped {{...}}")
        start, end = rest.index("{"), rest.index("}")
        if rest[end + 1 :].strip():
            raise GiftError(f"{where}: text after the answers")
        qtext = rest[:start].strip()
        answer = rest[start + 1 : end].strip()
        general = ""
        if "####" in answer:
            answer, _, general = answer.rpartition("####")
            answer = answer.strip()
        if qtext.startswith("["):
            fmt, _, qtext = qtext[1:].partition("]")
            if fmt not in ("html", "moodle", "plain", "markdown"):
                raise GiftError(f"{where}: unknown text format [{fmt}]")
        q = GiftQuestion(name, "", _post(qtext), category, _post(general), comments=comments)
        if answer == "":
            q.qtype = "essay"
        elif answer.startswith("#"):
            q.qtype = "numerical"
            nums, _, wrong = answer[1:].partition("~")
            for part in [p.strip() for p in nums.split("=") if p.strip()]:
                frac, part = _weighted(part, 1.0, where)
                value, fb = _feedback(part)
                number, _, tol = value.partition(":")
                try:
                    q.answers.append(Answer(str(float(number)), frac, fb))
                    q.tolerance = float(tol or 0)
                except ValueError:
                    raise GiftError(f"{where}: {value!r} is not a number[:tolerance]") from None
            if not q.answers:
                raise GiftError(f"{where}: a numerical question without an answer")
            if wrong:
                q.answers.append(Answer("*", 0.0, _feedback(wrong)[1]))
        elif "~" in answer:
            q.qtype = "multichoice"
            for part in [p.strip() for p in answer.replace("=", "~=").split("~") if p.strip()]:
                if part.startswith("="):
                    frac, part = 1.0, part[1:]
                else:
                    frac, part = _weighted(part, 0.0, where)
                text_, fb = _feedback(part)
                q.answers.append(Answer(text_, frac, fb))
            if len(q.answers) < 2:
                raise GiftError(f"{where}: a choice needs two answers")
        elif "=" in answer and "->" in answer:
            q.qtype = "match"
            for part in [p.strip() for p in answer.split("=") if p.strip()]:
                if "->" not in part:
                    raise GiftError(f"{where}: a matching pair without ->")
                left, _, right = part.partition("->")
                q.pairs.append((_post(left), _post(right)))
            if len(q.pairs) < 2:
                raise GiftError(f"{where}: matching needs two pairs")
        elif answer.split("#")[0].strip() in ("T", "TRUE", "F", "FALSE"):
            q.qtype = "truefalse"
            q.answers.append(Answer(answer.split("#")[0].strip(), 1.0))
        else:
            q.qtype = "shortanswer"
            for part in [p.strip() for p in answer.split("=") if p.strip()]:
                frac, part = _weighted(part, 1.0, where)
                text_, fb = _feedback(part)
                q.answers.append(Answer(text_, frac, fb))
            if not any(a.fraction == 1.0 for a in q.answers):
                raise GiftError(f"{where}: no fully right answer")
        out.append(q)
    return out
