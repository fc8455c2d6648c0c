"""The report as an Excel workbook (openpyxl, imported only here): a sheet for the class, the
questions, the students (a gradebook), the wrong answers and what to review. In Arabic every
sheet reads right to left."""

from __future__ import annotations

import io

from tutor.report.analyse import ClassReport
from tutor.report.text import BANDS
from tutor.report.words import minutes, short, verdict_word, w


def xlsx(r: ClassReport, lang: str = "en") -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows: list[list[object]], first: bool = False):
        ws = wb.active if first else wb.create_sheet()
        ws.title = title[:31]
        ws.sheet_view.rightToLeft = lang == "ar"
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append(row)
        ws.freeze_panes = "A2"
        return ws

    glance = [
        [w("drill", lang), ", ".join(r.drills)],
        [w("participants", lang), len(r.students)],
        [w("mean", lang), round(r.mean, 4)],
        [w("median", lang), round(r.median, 4)],
        [w("spread", lang), round(r.spread, 4)],
        [w("time", lang), minutes(r.median_seconds)],
        [w("help", lang), ", ".join(s.name for s in r.students if s.needs_help)],
        [],
        [w("distribution", lang), w("students_n", lang)],
        *[[f"{b} %", n] for b, n in zip(BANDS, r.distribution, strict=True)],
    ]
    ws = sheet(w("glance", lang), [w("title", lang), ""], glance, first=True)
    for row in (3, 4, 5):
        ws.cell(row=row + 1, column=2).number_format = "0%"
    chart = BarChart()
    chart.title = w("distribution", lang)
    chart.legend = None
    start = 11  # the header row is 1, the bands begin after the blank and their own header
    chart.add_data(
        Reference(ws, min_col=2, min_row=start, max_row=start + 9), titles_from_data=False
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=start, max_row=start + 9))
    ws.add_chart(chart, "D2")
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 40

    sheet(
        w("questions", lang),
        ["id", w("question", lang), w("facility", lang), w("discrimination", lang),
         w("mean_time", lang) + " (s)", w("partial", lang), w("unanswered", lang)],
        [[q.qid, short(q, lang, 200), round(q.facility, 4),
          None if q.discrimination is None else round(q.discrimination, 4),
          round(q.mean_seconds, 1), q.partial, q.unanswered] for q in r.questions],
    )  # fmt: skip
    qids = [q.qid for q in r.questions]
    sheet(
        w("students", lang),
        [w("student", lang), w("score", lang), w("seconds", lang) + " (s)", w("answered", lang),
         w("help", lang), *qids],
        [[s.name, round(s.score, 4), round(s.seconds, 1), s.answered, "!" if s.needs_help else "",
          *[round(r.scores.get((s.name, qid), 0.0), 4) for qid in qids]] for s in r.students],
    )  # fmt: skip
    sheet(
        w("wrong_common", lang),
        ["id", w("answer", lang), "×", "…"],
        [[q.qid, c.sample, c.count, " · ".join(c.variants[1:])]
         for q in r.questions for c in q.clusters],
    )  # fmt: skip
    review = [[w("overrides", lang), o.student, o.id, o.answer, verdict_word(o.verdict, lang)]
              for o in r.overrides]  # fmt: skip
    review += [[w("partials", lang), p.student, p.id, p.answer, round(p.score, 4)]
               for p in r.partials]  # fmt: skip
    review += [[w("late", lang), p.student, p.id, p.answer, ""] for p in r.late]
    review += [[w("regrade", lang), c.student, c.qid, c.answer,
                f"{c.before[0]} {c.before[1]:.2f} → {c.after[0]} {c.after[1]:.2f}"]
               for c in r.changes]  # fmt: skip
    sheet(w("review", lang), ["", w("student", lang), "id", w("answer", lang), ""], review)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
