"""Each output of the report on the simulated class: terminal in both languages, the gradebook
CSV, Markdown, the Excel workbook (Arabic sheets right to left) and the HTML page."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import openpyxl
import pytest

from tutor.report.analyse import analyse
from tutor.report.html import html
from tutor.report.load import load_results
from tutor.report.text import gradebook_csv, markdown, terminal
from tutor.report.xlsx import xlsx


@pytest.fixture(scope="module")
def report(class_dir, bank):
    return analyse(load_results([class_dir]).rows, bank)


def test_terminal_in_both_languages(report):
    en = terminal(report, "en")
    assert "Participants: 30" in en and "May need help" in en and "Discrimination" in en
    assert "top 27 %" in en and "a fair guide" in en
    weak = report.students[-1]
    article, (acc, _) = min(weak.by_article.items(), key=lambda kv: kv[1][0])
    assert f"By article: {article} {round(acc * 100)} %" in en
    ar = terminal(report, "ar")
    assert "المشاركون: 30" in ar and "قد يحتاجون إلى مساعدة" in ar and "Participants" not in ar
    worst = min(report.questions, key=lambda q: q.facility)
    c = worst.clusters[0]
    assert f"×{c.count} «{c.sample}»" in en


def test_the_gradebook_csv_has_a_row_per_student_and_the_question_figures(report):
    text = gradebook_csv(report, "en")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:4] == ["Student", "Score", "seconds", "Answered"]
    assert len(rows) == 1 + 30 + 2
    qids = rows[0][4:]
    for r in rows[1:31]:
        per = [float(x) for x in r[4:]]
        assert float(r[1]) == pytest.approx(sum(per) / len(qids), abs=1e-3)
    assert rows[31][0] == "Facility" and rows[32][0] == "Discrimination"


def test_markdown_tables_are_well_formed(report):
    md = markdown(report, "en")
    for table in re.findall(r"((?:^\|.*\|$\n?)+)", md, flags=re.M):
        widths = {line.count("|") - line.count("\\|") for line in table.strip().split("\n")}
        assert len(widths) == 1, table[:200]
    assert md.count("\n| ") >= 30 + 12
    assert "| Student | Score | Time | By topic | By article | Wrong or partial |" in md


def test_xlsx_has_every_sheet_and_arabic_reads_right_to_left(tmp_path, report):
    for lang, rtl in (("ar", True), ("en", False)):
        path = tmp_path / f"{lang}.xlsx"
        path.write_bytes(xlsx(report, lang))
        wb = openpyxl.load_workbook(path)
        assert len(wb.sheetnames) == 5
        assert all(bool(ws.sheet_view.rightToLeft) == rtl for ws in wb)
        students = wb.worksheets[2]
        assert students.max_row == 31
        assert students.cell(2, 2).value == pytest.approx(report.students[0].score, abs=1e-4)
        assert wb.worksheets[0]._charts  # the distribution chart


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def test_html_is_one_self_contained_page_rtl_in_arabic(report):
    for lang in ("ar", "en"):
        page = Page()
        text = html(report, lang)
        page.feed(text)
        assert page.stack == []
        assert page.tags[0] == ("html", {"lang": lang, "dir": "rtl" if lang == "ar" else "ltr"})
        assert not [t for t, a in page.tags if t in ("script", "link", "img", "iframe")]
        assert not [a for _, a in page.tags if "src" in a or "href" in a]
        bands = [a for t, a in page.tags if t == "rect" and a.get("class") == "band"]
        assert len(bands) == 10
        assert (
            sum(1 for t, a in page.tags if t == "tr" and a.get("class", "").startswith("student"))
            == 30
        )
        assert "@page" in text and "break-inside: avoid" in text
