"""Where a question's proof stands in its article, and where the answer stands in that proof.

Front ends highlight the answer inside the quoted passage; they get character spans from here so
that no front end has to know how answers are normalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tutor.bank.model import Article, Bank, Localized, PartialDate, Question
from tutor.bank.quotes import find_evidence
from tutor.grading.normalize import fold as _fold
from tutor.grading.normalize import normalize as _normalize

_PREFIXES = {"", "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل"}

MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTHS_AR = (  # Levantine/Iraqi names, then the names used in Egypt and the Gulf
    ("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"), ("نيسان", "أبريل"),
    ("أيار", "مايو"), ("حزيران", "يونيو"), ("تموز", "يوليو"), ("آب", "أغسطس"),
    ("أيلول", "سبتمبر"), ("تشرين الأول", "أكتوبر"), ("تشرين الثاني", "نوفمبر"),
    ("كانون الأول", "ديسمبر"),
)  # fmt: skip


def locate(article: Article, evidence: str) -> tuple[int, int] | None:
    """(start, end) of `evidence` in the article text, whitespace-insensitive, or None."""
    start = find_evidence(article, evidence)
    if start is None:
        return None
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    m = re.compile(pattern).match(article.text, start)
    return (start, m.end()) if m else None


def _date_forms(d: PartialDate) -> list[str]:
    out = [str(d)]
    names = [MONTHS_EN[d.month - 1], *MONTHS_AR[d.month - 1], " ".join(MONTHS_AR[d.month - 1])]
    for m in names:
        if d.day is not None:
            out += [f"{d.day} {m} {d.year}", f"{m} {d.day} {d.year}", f"{d.day} {m}"]
        out.append(f"{m} {d.year}")
    out.append(str(d.year))  # last resort: at least the year
    return out


def answer_forms(q: Question) -> list[str]:
    """Every way the expected answer may be written in a passage, longest first."""
    a = q.answer
    forms: list[str] = []
    if isinstance(a, Localized):
        forms += a.forms()
    elif q.type in ("list", "order") and isinstance(a, tuple):
        for item in a:
            if isinstance(item, Localized):
                forms += item.forms()
    elif q.type == "choice" and isinstance(a, int) and 0 <= a < len(q.choices):
        forms += q.choices[a].forms()
    elif q.type == "date" and isinstance(a, PartialDate):
        forms += _date_forms(a)
    elif q.type == "year" and isinstance(a, int):
        forms.append(str(a))
    elif q.type == "number" and isinstance(a, int | float) and not isinstance(a, bool):
        forms += [str(a), f"{a:,}" if isinstance(a, int) else f"{a:g}"]
    if q.type != "bool":
        forms += q.accept
    seen = dict.fromkeys(f.strip() for f in forms if f and f.strip())
    return sorted(seen, key=len, reverse=True)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """`text` normalised character by character, and for each output character its source index."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = " " if ch.isspace() else _fold(ch)
        if piece and not piece.isspace() and not _normalize(piece):
            piece = " "  # punctuation separates words, as in the grader's `normalize`
        for c in piece:
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            where.append(i)
    return "".join(out), where


def _is_word(c: str) -> bool:
    return c.isalnum()


def highlight_spans(passage: str, forms: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping (start, end) spans in `passage` where one of `forms` is written.

    Matches are on whole words, allowing an Arabic proclitic or article before the first word
    (والصين matches الصين and صين), so "19" never lights up inside "1961".
    """
    norm, where = _folded_with_map(passage)
    spans: list[tuple[int, int]] = []
    for form in forms:
        needle = _normalize(form)
        if not needle or len(needle) > len(norm):  # cannot be in it (and a huge regex is slow)
            continue
        for m in re.finditer(re.escape(needle), norm):
            s, e = m.start(), m.end()
            if e < len(norm) and _is_word(norm[e]):
                continue
            ws = s
            while ws > 0 and _is_word(norm[ws - 1]):
                ws -= 1
            if norm[ws:s] not in _PREFIXES:
                continue
            start, end = where[s], where[e - 1] + 1
            while end < len(passage) and not passage[end].isspace() and not _fold(passage[end]):
                end += 1  # keep trailing harakat with their letter
            if any(start < b and a < end for a, b in spans):
                continue
            spans.append((start, end))
    return tuple(sorted(spans))


Found = tuple[Article, int, int, tuple[tuple[int, int], ...]]


def find_all(bank: Bank, q: Question) -> list[Found]:
    """Every passage of the question's evidence that stands in its article, in the bank's order:
    (article, passage offsets, answer spans inside the passage). A quote may name another article
    than the question's own."""
    out: list[Found] = []
    forms = None
    for quote in q.passages():
        article = bank.articles.get(quote.article or q.article or "")
        where = locate(article, quote.text) if article is not None else None
        if article is None or where is None:
            continue
        if forms is None:
            forms = answer_forms(q)
        start, end = where
        out.append((article, start, end, highlight_spans(article.text[start:end], forms)))
    return out


def find(bank: Bank, q: Question) -> Found | None:
    """The first passage (see find_all): the question's article, the passage offsets, and the
    answer spans inside the passage."""
    found = find_all(bank, q)
    return found[0] if found else None
