"""Drill messages as lines of text: a question as the student sees it, a verdict, a reveal. The
same payloads (tutor.drill.questions) go over the wire to a live client, so the self-paced drill
and the client show a question the same way."""

from __future__ import annotations

from typing import Any

from tutor.drill.texts import tr

MARK = ("*", "*")


def pick(loc: dict[str, str] | None, lang: str) -> str:
    """A {ar, en} text in `lang`, else the other."""
    if not isinstance(loc, dict):
        return ""
    other = "en" if lang == "ar" else "ar"
    v = loc.get(lang) or loc.get(other) or ""
    return v if isinstance(v, str) else ""


def question_lines(p: dict[str, Any], lang: str, seconds_left: float | None = None) -> list[str]:
    head = f"[{p.get('index', 0) + 1}/{p.get('total', '?')}]"
    article = pick(p.get("article"), lang)
    if article:
        head += f" {article}"
    if seconds_left is not None:
        head += " " + tr("time.left", lang, seconds=int(max(seconds_left, 0) + 0.5))
    lines = ["", head, pick(p.get("prompt"), lang) or str(p.get("id", ""))]
    qtype, options = p.get("qtype"), p.get("options") or []
    if qtype == "choice":
        lines.append(tr("question.choices", lang))
        lines += [f"  {i}. {pick(o, lang)}" for i, o in enumerate(options, 1)]
    elif qtype == "order":
        lines.append(tr("question.order", lang))
        lines += [f"  {i}. {pick(o, lang)}" for i, o in enumerate(options, 1)]
    elif qtype == "bool":
        lines.append(tr("question.bool", lang))
    elif qtype == "list" and p.get("need"):
        lines.append(tr("question.list", lang, need=p["need"]))
    if p.get("unit"):
        lines.append(tr("question.unit", lang, unit=pick(p["unit"], lang)))
    return lines


def verdict_line(verdict: str, reason: str, lang: str) -> str:
    if verdict == "correct":
        return tr("verdict.correct", lang)
    if verdict == "skipped":
        return tr("skipped", lang)
    if verdict == "timeout":
        return tr("time.up", lang)
    key = "verdict.partial" if verdict == "partial" else "verdict.incorrect"
    return (
        tr(key, lang, reason=reason.rstrip(".")) if reason else tr("verdict.incorrect_plain", lang)
    )


def marked(text: str, marks: list[list[int]]) -> str:
    out, last = [], 0
    for a, b in marks:
        out += [text[last:a], MARK[0], text[a:b], MARK[1]]
        last = b
    out.append(text[last:])
    return "".join(out)


def reveal_lines(r: dict[str, Any], lang: str) -> list[str]:
    lines = [tr("answer.revealed", lang, answer=pick(r.get("answer"), lang))]
    for ev in r.get("evidence") or []:
        lines.append(tr("evidence.header", lang, title=pick(ev.get("title"), lang)))
        text, marks = ev.get("text", ""), ev.get("marks") or []
        ok = isinstance(text, str) and all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(x, int) for x in m)
            for m in marks
        )
        lines.append("  " + (marked(text, marks) if ok else str(text)))
    if r.get("explanation"):
        lines.append(tr("explanation", lang, text=pick(r["explanation"], lang)))
    return lines
