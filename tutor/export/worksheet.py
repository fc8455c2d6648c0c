"""A printable worksheet: one HTML file (no network), numbered questions with room to write, and
the answer key with its evidence on a page of its own.

Arabic reads right to left: the page (lang ar) or each Arabic block (both languages) carries
dir="rtl" and lang="ar". Options and events are shuffled by the seed, which the page prints, so
the same seed gives the same worksheet.
"""

from __future__ import annotations

from html import escape as _escape

from tutor.bank.model import LANGS, Bank, Question
from tutor.export.common import Export, evidence, shuffled
from tutor.export.pieces import prompt_html

LABELS = {"ar": "أبجدهوزحطي", "en": "abcdefghij"}
WORDS = {
    "title": {"en": "Worksheet", "ar": "ورقة عمل"},
    "name": {"en": "Name", "ar": "الاسم"},
    "date": {"en": "Date", "ar": "التاريخ"},
    "key": {"en": "Answer key", "ar": "مفتاح الإجابات"},
    "bool": {"en": "True / False", "ar": "صح / خطأ"},
    "order": {"en": "Order:", "ar": "الترتيب:"},
    "seed": {"en": "seed {seed}", "ar": "البذرة {seed}"},
    "from": {"en": "From «{title}»:", "ar": "من «{title}»:"},
    "accepted": {"en": "Also accepted: {forms}", "ar": "يُقبل أيضا: {forms}"},
}

CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Naskh Arabic", "Noto Sans", "DejaVu Sans", sans-serif; font-size: 12pt;
       line-height: 1.5; color: #000; max-width: 48em; margin: 1em auto; }
header { display: flex; justify-content: space-between; border-bottom: 1px solid #000;
         margin-bottom: 1em; }
header .fill { display: inline-block; min-width: 12em; border-bottom: 1px dotted #000; }
ol.questions > li { break-inside: avoid; margin-bottom: 1.2em; }
.bi { margin: 0 0 .2em; }
ol.options { list-style: none; padding-inline-start: 1em; margin: .3em 0; }
.line { border-bottom: 1px solid #999; height: 1.8em; }
.box { display: inline-block; width: 1.6em; height: 1.4em; border: 1px solid #000;
       vertical-align: middle; margin-inline-end: .4em; }
section.key { break-before: page; page-break-before: always; }
section.key li { break-inside: avoid; margin-bottom: .8em; }
.evidence { font-size: 10.5pt; color: #333; margin: .2em 0; }
footer { font-size: 9pt; color: #555; margin-top: 2em; }
"""


def escape(s: str) -> str:
    return _escape(s, quote=False)


def _attrs(code: str) -> str:
    return f'lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"'


def _blocks(codes: tuple[str, ...], page: str, make) -> str:
    """One block per language; a block in the page's own language needs no attributes."""
    if len(codes) == 1:
        return make(codes[0])
    return "".join(f'<div class="bi" {_attrs(c)}>{make(c)}</div>' for c in codes)


def _question(q: Question, codes: tuple[str, ...], page: str, seed: int) -> str:
    parts = [_blocks(codes, page, lambda c: prompt_html(q, c))]
    if q.type in ("choice", "order"):
        items = q.choices if q.type == "choice" else q.answer
        shown = shuffled(list(items), seed, q.id)  # type: ignore[arg-type]
        for code in codes:
            lis = "".join(
                f"<li>{'<span class=box></span>' if q.type == 'order' else ''}"
                f"{LABELS[code][i]}) {escape(item.get(code))}</li>"
                for i, item in enumerate(shown)
            )
            attrs = f" {_attrs(code)}" if len(codes) > 1 else ""
            parts.append(f'<ol class="options"{attrs}>{lis}</ol>')
    if q.type == "bool":
        marks = " · ".join(f"<bdi {_attrs(c)}>{escape(WORDS['bool'][c])}</bdi>" for c in codes)
        parts.append(f'<div class="bool">{marks}</div>')
    if q.type not in ("choice", "bool"):
        lines = q.needed + 1 if q.type == "list" else 1 if q.type == "order" else 2
        parts.append('<div class="line"></div>' * lines)
    return f"<li>{''.join(parts)}</li>"


def _key(bank: Bank, q: Question, codes: tuple[str, ...], page: str, seed: int) -> str:
    def answer(code: str) -> str:
        text = q.answer_text(code)
        if q.type in ("choice", "order"):
            items = q.choices if q.type == "choice" else q.answer
            shown = shuffled(list(items), seed, q.id)  # type: ignore[arg-type]
            if q.type == "choice":
                text = f"{LABELS[code][shown.index(q.choices[q.answer])]}) {text}"  # type: ignore[index]
            else:
                sep = "، " if code == "ar" else ", "
                text = sep.join(LABELS[code][shown.index(i)] for i in q.answer) + f" — {text}"  # type: ignore[union-attr]
        shown_key = (q.answer_text("ar"), q.answer_text("en"))
        extra = [f for f in q.accept if f not in shown_key]
        out = f"<b>{escape(text)}</b>"
        if extra:
            also = WORDS["accepted"][code].format(forms=" · ".join(extra))
            out += f"<br><small>{escape(also)}</small>"
        return out

    parts = [_blocks(codes, page, answer)]
    for title, quote in evidence(bank, q, page):
        head = escape(WORDS["from"][page].format(title=title))
        parts.append(f'<div class="evidence" lang="ar" dir="rtl">{head} «{escape(quote)}»</div>')
    return f"<li>{''.join(parts)}</li>"


def write_worksheet(
    bank: Bank, questions: list[Question], lang: str | None = None, seed: int | None = None
) -> Export:
    seed = 0 if seed is None else seed
    codes: tuple[str, ...] = (lang,) if lang else LANGS
    page = lang or "ar"
    w = WORDS
    title = escape(" — ".join(dict.fromkeys(w["title"][c] for c in codes)))
    body = "".join(_question(q, codes, page, seed) for q in questions)
    key = "".join(_key(bank, q, codes, page, seed) for q in questions)

    def label(k: str, colon: str = "") -> str:
        """A label in each language, each isolated so that its direction holds."""
        return " / ".join(f"<bdi {_attrs(c)}>{escape(w[k][c])}{colon}</bdi>" for c in codes)

    html = f"""<!DOCTYPE html>
<html {_attrs(page)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{label("title")}</h1><p>{label("name", ":")} <span class="fill"></span><br>
{label("date", ":")} <span class="fill"></span></p></header>
<ol class="questions">{body}</ol>
<section class="key">
<h2>{label("key")}</h2>
<ol class="answers">{key}</ol>
</section>
<footer>tutor · {escape(w["seed"][page].format(seed=seed))} · {len(questions)}</footer>
</body>
</html>
"""
    return Export(html.encode("utf-8"), count=len(questions))
