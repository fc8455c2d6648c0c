"""The report as text: for the terminal (bars drawn with blocks) and as Markdown; and the
gradebook CSV (a row per student, a column per question, facility and discrimination below)."""

from __future__ import annotations

import csv
import io

from tutor.report.analyse import ClassReport
from tutor.report.words import disc, minutes, pct, short, verdict_word, w

BAR = 24
BANDS = [f"{i * 10}–{i * 10 + 9 if i < 9 else 100}" for i in range(10)]


def _bar(n: int, top: int, width: int = BAR) -> str:
    return "█" * round(width * n / top) if top else ""


def _k(r: ClassReport) -> int:
    return max(1, round(len(r.students) * 0.27))


def _note(r: ClassReport, lang: str) -> str:
    reliable = w("reliable" if r.reliable else "unreliable", lang)
    return w("disc_note", lang, n=len(r.students), k=_k(r), reliable=reliable)


def _review_lines(r: ClassReport, lang: str, bullet: str) -> list[str]:
    out = [f"{w('overrides', lang)}:"]
    out += [f"{bullet}{o.student} · {o.id} · «{o.answer}» → {verdict_word(o.verdict, lang)}"
            for o in r.overrides] or [f"{bullet}{w('none', lang)}"]  # fmt: skip
    out.append(f"{w('partials', lang)}:")
    out += [f"{bullet}{p.student} · {p.id} · «{p.answer}» ({pct(p.score)})"
            for p in r.partials] or [f"{bullet}{w('none', lang)}"]  # fmt: skip
    out.append(f"{w('late', lang)}:")
    out += [f"{bullet}{p.student} · {p.id} · «{p.answer}»" for p in r.late] or [
        f"{bullet}{w('none', lang)}"
    ]
    return out


def _regrade_lines(r: ClassReport, lang: str, bullet: str) -> list[str]:
    if not r.regraded:
        return []
    out = ["", f"{w('regrade', lang)}: {len(r.changes)}"]
    out += [
        f"{bullet}{c.student} · {c.qid} · «{c.answer}»: {verdict_word(c.before[0], lang)}"
        f" {pct(c.before[1])} → {verdict_word(c.after[0], lang)} {pct(c.after[1])}"
        for c in r.changes
    ] or [f"{bullet}{w('no_changes', lang)}"]
    return out


def terminal(r: ClassReport, lang: str = "en") -> str:
    lines = [f"{w('title', lang)} — {', '.join(r.drills)}", ""]
    lines.append(f"{w('glance', lang)}")
    lines.append(
        f"  {w('participants', lang)}: {len(r.students)} · {w('mean', lang)} {pct(r.mean)} · "
        f"{w('median', lang)} {pct(r.median)} · {w('spread', lang)} {pct(r.spread)} · "
        f"{w('time', lang)} {minutes(r.median_seconds)}"
    )
    lines.append(f"  {w('distribution', lang)}:")
    top = max(r.distribution) if r.distribution else 0
    for band, n in zip(BANDS, r.distribution, strict=True):
        lines.append(f"    {band:>7} % {_bar(n, top):<{BAR}} {n}")
    helped = [s for s in r.students if s.needs_help]
    names = ", ".join(f"{s.name} ({pct(s.score)})" for s in helped) or w("nobody", lang)
    lines.append(f"  {w('help', lang)} ({w('help_rule', lang)}): {names}")
    if r.unknown:
        lines.append("  " + w("unknown", lang, ids=", ".join(r.unknown)))
    lines += ["", w("questions", lang)]
    head = f"{w('facility', lang)} · {w('discrimination', lang)} · {w('mean_time', lang)}"
    lines.append(f"  ({head})")
    for i, q in enumerate(r.questions, 1):
        lines.append(
            f"  {i:>2}. {pct(q.facility):>5}  {disc(q.discrimination):>5}  "
            f"{minutes(q.mean_seconds):>5}  {q.qid}: {short(q, lang, 60)}"
        )
        for c in q.clusters[:3]:
            also = f" ({', '.join(c.variants[1:3])})" if len(c.variants) > 1 else ""
            lines.append(f"        ×{c.count} «{c.sample}»{also}")
    lines += ["", "  " + _note(r, lang), "", w("students", lang)]
    for s in r.students:
        flag = " !" if s.needs_help else ""
        weakest = sorted(s.by_topic.items(), key=lambda kv: kv[1][0])[:2]
        topics = ", ".join(f"{t} {pct(v[0])}" for t, v in weakest)
        low = sorted(s.by_article.items(), key=lambda kv: kv[1][0])[:2]
        articles = ", ".join(f"{a} {pct(v[0])}" for a, v in low)
        lines.append(f"  {s.name}{flag}: {pct(s.score)} · {minutes(s.seconds)}")
        lines.append(f"      {w('by_topic', lang)}: {topics} · {w('by_article', lang)}: {articles}")
    lines += ["", w("review", lang)]
    lines += ["  " + x for x in _review_lines(r, lang, "  · ")]
    lines += _regrade_lines(r, lang, "  · ")
    return "\n".join(lines) + "\n"


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def markdown(r: ClassReport, lang: str = "en") -> str:
    c = _md_cell
    out = [f"# {w('title', lang)}: {c(', '.join(r.drills))}", "", f"## {w('glance', lang)}", ""]
    out += [
        f"| {w('participants', lang)} | {w('mean', lang)} | {w('median', lang)} | "
        f"{w('spread', lang)} | {w('time', lang)} |",
        "|---:|---:|---:|---:|---:|",
        f"| {len(r.students)} | {pct(r.mean)} | {pct(r.median)} | {pct(r.spread)} | "
        f"{minutes(r.median_seconds)} |",
        "",
        f"### {w('distribution', lang)}",
        "",
        "```",
    ]
    top = max(r.distribution) if r.distribution else 0
    out += [
        f"{b:>7} % {_bar(n, top):<{BAR}} {n}" for b, n in zip(BANDS, r.distribution, strict=True)
    ]
    out += ["```", ""]
    helped = [s for s in r.students if s.needs_help]
    names = ", ".join(f"{c(s.name)} ({pct(s.score)})" for s in helped) or w("nobody", lang)
    out.append(f"**{w('help', lang)}** ({w('help_rule', lang)}): {names}")
    if r.unknown:
        out += ["", w("unknown", lang, ids=", ".join(r.unknown))]
    out += ["", f"## {w('questions', lang)}", ""]
    out.append(f"| # | {w('question', lang)} | {w('facility', lang)} | {w('discrimination', lang)}"
               f" | {w('mean_time', lang)} | {w('wrong_common', lang)} |")  # fmt: skip
    out.append("|---:|---|---:|---:|---:|---|")
    for i, q in enumerate(r.questions, 1):
        wrong = "; ".join(f"«{c(x.sample)}» ×{x.count}" for x in q.clusters[:3])
        out.append(f"| {i} | `{q.qid}` {c(short(q, lang))} | {pct(q.facility)} | "
                   f"{disc(q.discrimination)} | {minutes(q.mean_seconds)} | {wrong} |")  # fmt: skip
    out += ["", _note(r, lang), "", f"## {w('students', lang)}", ""]
    out.append(
        f"| {w('student', lang)} | {w('score', lang)} | {w('seconds', lang)} | "
        f"{w('by_topic', lang)} | {w('by_article', lang)} | {w('wrong', lang)} |"
    )
    out.append("|---|---:|---:|---|---|---|")
    for s in r.students:
        topics = ", ".join(f"{c(t)} {pct(v[0])}" for t, v in sorted(s.by_topic.items()))
        wrong = "; ".join(f"`{q}` «{c(a)}» ({verdict_word(v, lang)})" for q, a, v in s.wrong)
        name = f"**{c(s.name)}**" if s.needs_help else c(s.name)
        articles = ", ".join(f"{c(a)} {pct(v[0])}" for a, v in sorted(s.by_article.items()))
        out.append(
            f"| {name} | {pct(s.score)} | {minutes(s.seconds)} | {topics} | {articles} | {wrong} |"
        )
    out += ["", f"## {w('review', lang)}", ""]
    out += _review_lines(r, lang, "- ")
    out += _regrade_lines(r, lang, "- ")
    return "\n".join(out) + "\n"


def gradebook_csv(r: ClassReport, lang: str = "en") -> str:
    """A row per student (score, time, each question's score), then facility and
    discrimination per question; UTF-8 with a BOM so that Excel reads Arabic names."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    qids = [q.qid for q in r.questions]
    out.writerow([w("student", lang), w("score", lang), "seconds", w("answered", lang), *qids])
    for s in r.students:
        out.writerow([s.name, round(s.score, 4), round(s.seconds, 1), s.answered,
                      *[round(r.scores.get((s.name, qid), 0.0), 4) for qid in qids]])  # fmt: skip
    out.writerow([w("facility", lang), "", "", "", *[round(q.facility, 4) for q in r.questions]])
    out.writerow([w("discrimination", lang), "", "", "",
                  *["" if q.discrimination is None else round(q.discrimination, 4)
                    for q in r.questions]])  # fmt: skip
    return "\ufeff" + buf.getvalue()
