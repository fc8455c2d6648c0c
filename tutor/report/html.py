"""The report as one self-contained HTML page: inline CSS, inline SVG charts, nothing fetched;
right to left with lang="ar" for Arabic; printable (sections do not split across pages).

The charts are written by hand: two bar charts do not justify a plotting library's start-up
(matplotlib took 1.5-3.4 s to import here, pygal's default page fetches its tooltips script from
the web); see docs/report.md.
"""

from __future__ import annotations

from html import escape as _escape

from tutor.report.analyse import ClassReport
from tutor.report.text import BANDS
from tutor.report.words import disc, minutes, pct, short, verdict_word, w

CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans", sans-serif; color: #111;
       max-width: 60em; margin: 1em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 2px solid #333; }
section { break-inside: avoid-page; margin-bottom: 1.5em; }
.figures { display: flex; flex-wrap: wrap; gap: 1.2em; }
.figure { border: 1px solid #ccc; border-radius: 6px; padding: .4em .8em; min-width: 7em; }
.figure b { display: block; font-size: 1.5em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { border-bottom: 1px solid #ddd; padding: .25em .4em; text-align: start;
         vertical-align: top; }
td.n { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.help { color: #a00; font-weight: bold; }
.low { color: #a00; } .note { font-size: .85em; color: #444; }
code { font-size: .85em; color: #555; }
bdi[dir="ltr"] { white-space: nowrap; }
svg text { font-family: "DejaVu Sans", sans-serif; font-size: 11px; }
@media print { body { max-width: none; } a { color: inherit; } }
"""


def escape(s: object) -> str:
    return _escape(str(s), quote=True)


def num(s: str) -> str:
    """A figure that keeps its left-to-right order inside Arabic ("+0.25", "×3", "54 %")."""
    return f'<bdi dir="ltr">{escape(s)}</bdi>'


def histogram(counts: list[int], label: str) -> str:
    """Students per 10 % band, as an inline SVG bar chart."""
    width, height, pad, base = 520, 200, 28, 170
    top = max(counts) or 1
    bar = (width - 2 * pad) / len(counts)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" direction="ltr">',
        f'<line x1="{pad}" y1="{base}" x2="{width - pad}" y2="{base}" stroke="#333"/>',
    ]
    for i, n in enumerate(counts):
        h = (base - 20) * n / top
        x = pad + i * bar + 3
        color = "#c0392b" if i < 5 else "#2e86c1"
        parts.append(
            f'<rect class="band" x="{x:.1f}" y="{base - h:.1f}" width="{bar - 6:.1f}" '
            f'height="{h:.1f}" fill="{color}"><title>{BANDS[i]} %: {n}</title></rect>'
        )
        if n:
            parts.append(
                f'<text x="{x + (bar - 6) / 2:.1f}" y="{base - h - 4:.1f}" '
                f'text-anchor="middle">{n}</text>'
            )
        parts.append(
            f'<text x="{x + (bar - 6) / 2:.1f}" y="{base + 14}" text-anchor="middle">'
            f"{i * 10}</text>"
        )
    parts.append(f'<text x="{width - pad}" y="{base + 28}" text-anchor="end">%</text></svg>')
    return "".join(parts)


def facility_bar(x: float) -> str:
    """A small horizontal bar for one question's facility."""
    width = 90
    color = "#c0392b" if x < 0.4 else "#e67e22" if x < 0.7 else "#27ae60"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="12" direction="ltr">'
        f'<rect width="{width}" height="12" fill="#eee"/>'
        f'<rect class="facility" width="{width * x:.1f}" height="12" fill="{color}"/></svg>'
    )


def html(r: ClassReport, lang: str = "en") -> str:
    dir_ = "rtl" if lang == "ar" else "ltr"
    title = f"{w('title', lang)}: {', '.join(r.drills)}"
    helped = [s for s in r.students if s.needs_help]
    figures = [
        (w("participants", lang), str(len(r.students))), (w("mean", lang), pct(r.mean)),
        (w("median", lang), pct(r.median)), (w("spread", lang), pct(r.spread)),
        (w("time", lang), minutes(r.median_seconds)),
    ]  # fmt: skip
    out = [
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{dir_}">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        f"<h1>{escape(title)}</h1>",
        f'<section id="glance"><h2>{escape(w("glance", lang))}</h2><div class="figures">',
        *[f'<div class="figure">{escape(k)}<b>{escape(v)}</b></div>' for k, v in figures],
        f"</div><h3>{escape(w('distribution', lang))}</h3>",
        histogram(r.distribution, w("distribution", lang)),
        f'<p><span class="help">{escape(w("help", lang))}</span> '
        f'<span class="note">({escape(w("help_rule", lang))})</span>: ',
        ", ".join(f"<bdi>{escape(s.name)}</bdi> ({num(pct(s.score))})" for s in helped)
        or escape(w("nobody", lang)),
        "</p>",
    ]
    if r.unknown:
        out.append(f'<p class="note">{escape(w("unknown", lang, ids=", ".join(r.unknown)))}</p>')
    out.append("</section>")
    out += [
        f'<section id="questions"><h2>{escape(w("questions", lang))}</h2><table>',
        f"<tr><th>#</th><th>{escape(w('question', lang))}</th>"
        f"<th>{escape(w('facility', lang))}</th><th>{escape(w('discrimination', lang))}</th>"
        f"<th>{escape(w('mean_time', lang))}</th><th>{escape(w('wrong_common', lang))}</th></tr>",
    ]
    for i, q in enumerate(r.questions, 1):
        wrong = "<br>".join(
            f"<bdi>{escape(c.sample)}</bdi> {num(f'×{c.count}')}"
            + (
                f' <span class="note">(<bdi>{escape(", ".join(c.variants[1:3]))}</bdi>)</span>'
                if len(c.variants) > 1
                else ""
            )
            for c in q.clusters[:4]
        )
        weak = q.discrimination is not None and q.discrimination < 0.2
        low = ' class="n low"' if weak else ' class="n"'
        out.append(
            f'<tr class="question"><td class="n">{i}</td><td>{escape(short(q, lang, 110))}<br>'
            f"<code>{escape(q.qid)}</code></td>"
            f'<td class="n">{facility_bar(q.facility)} {num(pct(q.facility))}</td>'
            f"<td{low}>{num(disc(q.discrimination))}</td>"
            f'<td class="n">{num(minutes(q.mean_seconds))}</td><td>{wrong}</td></tr>'
        )
    k = max(1, round(len(r.students) * 0.27))
    reliable = w("reliable" if r.reliable else "unreliable", lang)
    note = w("disc_note", lang, n=len(r.students), k=k, reliable=reliable)
    out.append(f'</table><p class="note">{escape(note)}</p></section>')
    out += [
        f'<section id="students"><h2>{escape(w("students", lang))}</h2><table>',
        f"<tr><th>{escape(w('student', lang))}</th><th>{escape(w('score', lang))}</th>"
        f"<th>{escape(w('seconds', lang))}</th><th>{escape(w('by_topic', lang))}</th>"
        f"<th>{escape(w('by_article', lang))}</th><th>{escape(w('wrong', lang))}</th></tr>",
    ]
    for s in r.students:
        topics = ", ".join(
            f"<bdi>{escape(t)}</bdi> {num(pct(v[0]))}"
            for t, v in sorted(s.by_topic.items(), key=lambda kv: kv[1][0])
        )
        articles = ", ".join(
            f"<bdi>{escape(a)}</bdi> {num(pct(v[0]))}" for a, v in sorted(s.by_article.items())
        )
        wrong = "<br>".join(
            f"<code>{escape(qid)}</code> <bdi>{escape(a)}</bdi> ({escape(verdict_word(v, lang))})"
            for qid, a, v in s.wrong
        )
        cls = ' class="student help"' if s.needs_help else ' class="student"'
        out.append(
            f'<tr{cls}><td><bdi>{escape(s.name)}</bdi></td><td class="n">{num(pct(s.score))}</td>'
            f'<td class="n">{num(minutes(s.seconds))}</td><td>{topics}</td><td>{articles}</td>'
            f"<td>{wrong}</td></tr>"
        )
    out.append("</table></section>")
    out.append(f'<section id="review"><h2>{escape(w("review", lang))}</h2>')
    for key, rows in (("overrides", r.overrides), ("partials", r.partials), ("late", r.late)):
        items = "".join(
            f"<li><bdi>{escape(x.student)}</bdi> · <code>{escape(x.id)}</code> · "
            f"<bdi>{escape(x.answer)}</bdi> ({escape(verdict_word(x.verdict, lang))}"
            f"{', ' + num(pct(x.score)) if x.verdict == 'partial' else ''})</li>"
            for x in rows
        )
        items = items or f"<li>{escape(w('none', lang))}</li>"
        out.append(f"<h3>{escape(w(key, lang))}</h3><ul>{items}</ul>")
    out.append("</section>")
    if r.regraded:
        out.append(f'<section id="regrade"><h2>{escape(w("regrade", lang))}</h2><ul>')
        out += [
            f"<li><bdi>{escape(c.student)}</bdi> · <code>{escape(c.qid)}</code> · "
            f"<bdi>{escape(c.answer)}</bdi>: {escape(verdict_word(c.before[0], lang))} "
            f"{pct(c.before[1])} → {escape(verdict_word(c.after[0], lang))} {pct(c.after[1])}</li>"
            for c in r.changes
        ] or [f"<li>{escape(w('no_changes', lang))}</li>"]
        out.append("</ul></section>")
    out.append("</body>\n</html>\n")
    return "\n".join(out)
