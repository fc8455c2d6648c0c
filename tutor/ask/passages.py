"""Articles cut into sentences, each with its character offsets, and passages around them.

A sentence ends at . ! ? ؟ or a line break. Some of the articles run a whole paragraph as one
comma-spliced sentence, so a sentence of more than LONG words is cut again at its commas into
clauses of about CLAUSE words: an answer should point at the lines that hold it, not a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tutor.bank.model import Article

LONG = 40  # words: a sentence longer than this is cut at its commas
CLAUSE = 18  # words: clauses are joined until they hold about this many

_END = re.compile(r"[^.!?؟\n]+(?:[.!?؟]+[\"”»’)]*|\n|$)")
_COMMA = re.compile(r"[^،,]+(?:[،,]+|$)")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or clause) of an article: `article.text[start:end]`."""

    article: str  # article id
    index: int  # position among the article's sentences
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A long sentence as runs of comma-separated clauses of about CLAUSE words."""
    parts = [(start + m.start(), start + m.end()) for m in _COMMA.finditer(text[start:end])]
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for a, b in parts:
        cur = (cur[0], b) if cur else (a, b)
        if len(text[cur[0] : cur[1]].split()) >= CLAUSE:
            out.append(cur)
            cur = None
    if cur:
        if out and len(text[cur[0] : cur[1]].split()) < CLAUSE // 3:
            out[-1] = (out[-1][0], cur[1])  # a short tail joins the clause before it
        else:
            out.append(cur)
    return out


def split(article: Article) -> list[Sentence]:
    """The article's sentences in order, none empty."""
    text = article.text
    out: list[Sentence] = []
    for m in _END.finditer(text):
        start, end = _trimmed(text, m.start(), m.end())
        if start >= end:
            continue
        spans = _clauses(text, start, end) if len(text[start:end].split()) > LONG else []
        for a, b in spans or [(start, end)]:
            a, b = _trimmed(text, a, b)
            if a < b and any(ch.isalnum() for ch in text[a:b]):
                out.append(Sentence(article.id, len(out), a, b))
    return out
