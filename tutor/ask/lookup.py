"""The public face of tutor.ask: a question in, passages of the articles (or none) out."""

from __future__ import annotations

from dataclasses import dataclass

from tutor.ask import ranker
from tutor.ask.index import AskIndex, build
from tutor.bank.model import Bank


@dataclass(frozen=True)
class Passage:
    """A sentence with its neighbours, as it stands in the article: `text` is
    `article.text[start:end]`; the sentence that matched is [sentence_start, sentence_end)."""

    article: str
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    score: float
    coverage: float
    questions: tuple[str, ...]  # ids of bank questions whose evidence lies in the passage


@dataclass(frozen=True)
class Result:
    question: str
    answered: bool
    passages: tuple[Passage, ...]  # best first; empty when not answered


_cache: list[tuple[Bank, AskIndex]] = []


def index_for(bank: Bank) -> AskIndex:
    """The bank's index, built on first use and kept for the bank last asked about."""
    if _cache and _cache[0][0] is bank:
        return _cache[0][1]
    index = build(bank)
    _cache[:] = [(bank, index)]
    return index


def _questions_in(index: AskIndex, article: str, start: int, end: int) -> tuple[str, ...]:
    ids = [
        t.question.id
        for t in index.ties
        if t.article == article and t.start < end and start < t.end
    ]
    return tuple(dict.fromkeys(ids))


def search(
    bank: Bank | AskIndex, question: str, k: int = 3, *, only_adding: bool = False
) -> Result:
    """Up to `k` passages that answer `question`, best first, none overlapping another; or
    `answered` False and no passage when the best is not good enough. `only_adding`: a passage
    after the first only if it scores near the first and covers the question as well (the chat
    shows no weak extras)."""
    index = bank if isinstance(bank, AskIndex) else index_for(bank)
    q, hits = ranker.rank(index, question, k=max(k, 3) * 3)
    if not ranker.answers(index, hits, question, q):
        return Result(question, False, ())
    out: list[Passage] = []
    for hit in hits:
        if len(out) >= k:
            break
        s = index.sentences[hit.sentence]
        weak = hit.score < ranker.MORE_SHARE * hits[0].score or hit.coverage < ranker.MIN_COVERAGE
        if out and only_adding and weak:
            break
        start, end = ranker.passage_bounds(index, hit.sentence)
        if any(p.article == s.article and p.start < end and start < p.end for p in out):
            continue  # the same lines again: nothing added
        text = index.bank.articles[s.article].text
        out.append(
            Passage(
                s.article, text[start:end], start, end, s.start, s.end, round(hit.score, 3),
                round(hit.coverage, 3), _questions_in(index, s.article, start, end),
            )
        )  # fmt: skip
    return Result(question, True, tuple(out))
