"""A learner's question to ranked passages of the articles, or a plain "the articles don't say".

A passage's score is its sentence's BM25 score against the question (Arabic words as they are,
English words through the glossary) plus QUESTION_WEIGHT times the best BM25 score of a bank
question whose evidence it holds. Whether to answer at all is decided by coverage: the share of
the question's words (weighted by idf; a word the bank has never seen weighs most) that the best
passage, or the bank questions tied to it, contain. A question about something the articles do
not mention leaves its rarest words unmatched and is declined.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tutor.ask import analyze
from tutor.ask.index import NEIGHBOURS, AskIndex

QUESTION_WEIGHT = 1.0
MIN_COVERAGE = 0.45  # of the question's idf mass matched by the best passage
UNSEEN = 1.5  # a word found nowhere weighs this many times index.unseen_idf
# Below this share of index.max_idf (BM25 scores grow with the number of sentences) the best
# passage is too far to show.
MIN_SCORE_SHARE = 0.63
MORE_SHARE = 0.6  # a further passage is shown if it scores this share of the best


@dataclass(frozen=True)
class Hit:
    sentence: int  # index into AskIndex.sentences
    score: float
    coverage: float  # 0..1


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]  # the question's terms, typos repaired
    arabic: dict[str, tuple[str, ...]]  # English term → the Arabic terms it stands for


def _typos(word: str) -> int:
    """Slips a word the index does not know may hold and still stand for one it does: as the
    grader allows, none in a short word, one up to 7 letters, two beyond."""
    return 0 if len(word) < 5 else 1 if len(word) <= 7 else 2


def _repair(index: AskIndex, words: list[str], known: set[str]) -> list[str]:
    out = []
    for w in words:
        if w not in known and _typos(w) and not w.isdigit():
            best = process.extractOne(
                w, index.vocabulary, scorer=Levenshtein.distance, score_cutoff=_typos(w)
            )
            if best is not None and best[0].isascii() == w.isascii():
                w = best[0]
        out.append(w)
    return out


def query(index: AskIndex, text: str) -> Query:
    known = _known(index)
    words = list(dict.fromkeys(_repair(index, analyze.terms(text), known)))
    arabic: dict[str, tuple[str, ...]] = {}
    for size in (4, 3, 2, 1):  # longest phrases first; a word takes the first it is part of
        for i in range(len(words) - size + 1):
            key = tuple(words[i : i + size])
            value = index.glossary.get(key)
            if value and not any(w in arabic for w in key):
                for w in key:
                    arabic[w] = value
    return Query(tuple(words), arabic)


def _known(index: AskIndex) -> set[str]:
    cached = getattr(index, "_known", None)
    if cached is None:
        cached = set(index.vocabulary)
        index._known = cached  # type: ignore[attr-defined]
    return cached


def _scores(bm25, tokens: list[str], size: int) -> np.ndarray:
    vocab = bm25.vocab_dict
    tokens = [t for t in dict.fromkeys(tokens) if t in vocab]
    if not tokens:
        return np.zeros(size, dtype=np.float32)
    return bm25.get_scores(tokens)


def _ties_of(index: AskIndex) -> dict[int, list[int]]:
    cached = getattr(index, "_ties_of", None)
    if cached is None:
        cached = {}
        for k, sents in enumerate(index.tie_sentences):
            for s in sents.tolist():
                cached.setdefault(s, []).append(k)
        index._ties_of = cached  # type: ignore[attr-defined]
    return cached


def _flat(index: AskIndex) -> tuple[np.ndarray, np.ndarray]:
    """(tie, sentence) pairs as two arrays, to spread tie scores onto sentences in one call."""
    cached = getattr(index, "_flat", None)
    if cached is None:
        sizes = [len(s) for s in index.tie_sentences]
        tie_of = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        sentence_of = np.concatenate(index.tie_sentences) if sizes else np.zeros(0, np.int64)
        cached = (tie_of, sentence_of)
        index._flat = cached  # type: ignore[attr-defined]
    return cached


def _window_ties(index: AskIndex, sentence: int) -> list[int]:
    """Bank questions tied to the passage around `sentence` (the sentence and its neighbours)."""
    by_sentence = _ties_of(index)
    article = index.sentences[sentence].article
    out: dict[int, None] = {}
    for j in range(sentence - NEIGHBOURS, sentence + NEIGHBOURS + 1):
        if 0 <= j < len(index.sentences) and index.sentences[j].article == article:
            out.update(dict.fromkeys(by_sentence.get(j, ())))
    return list(out)


def coverage(index: AskIndex, q: Query, sentence: int) -> float:
    """The idf-weighted share of the question's terms found in the passage around `sentence` or
    in its bank questions. (Giving a match by stem alone less weight than one by the word as
    written was measured, and only lost answers.)"""
    words = index.sentence_terms[sentence]
    tied = [index.tie_terms[k] for k in _window_ties(index, sentence)]
    total = found = 0.0
    for t in q.terms:
        w = (
            max(index.text_idf.get(t, 0.0), index.question_idf.get(t, 0.0))
            or UNSEEN * index.unseen_idf
        )
        total += w
        if (
            t in words
            or any(t in tt for tt in tied)
            or any(a in words for a in q.arabic.get(t, ()))
        ):
            found += w
    return found / total if total else 0.0


def rank(index: AskIndex, text: str, k: int = 3) -> tuple[Query, list[Hit]]:
    """The k best sentences for `text`, best first (none scoring zero)."""
    q = query(index, text)
    n = len(index.sentences)
    if not q.terms or not n:
        return q, []
    tokens = list(q.terms) + [a for v in q.arabic.values() for a in v]
    scores = _scores(index.text, tokens, n).astype(np.float64)
    if index.questions is not None:
        tie_scores = _scores(index.questions, list(q.terms), len(index.ties))
        tie_of, sentence_of = _flat(index)
        best = np.zeros(n)
        np.maximum.at(best, sentence_of, tie_scores[tie_of])
        scores += QUESTION_WEIGHT * best
    order = np.argsort(-scores, kind="stable")[: max(k, 1) * 4]
    hits = [
        Hit(int(i), float(scores[i]), coverage(index, q, int(i))) for i in order if scores[i] > 0
    ]
    return q, hits[:k] if k > 0 else hits


def answers(index: AskIndex, hits: list[Hit]) -> bool:
    """Whether the best hit is good enough to answer with."""
    if not hits:
        return False
    return hits[0].coverage >= MIN_COVERAGE and hits[0].score >= MIN_SCORE_SHARE * index.max_idf


def passage_bounds(index: AskIndex, sentence: int) -> tuple[int, int]:
    """Character offsets in its article of a sentence with its neighbours."""
    s = index.sentences[sentence]
    lo = hi = sentence
    for _ in range(NEIGHBOURS):
        if lo - 1 >= 0 and index.sentences[lo - 1].article == s.article:
            lo -= 1
        if hi + 1 < len(index.sentences) and index.sentences[hi + 1].article == s.article:
            hi += 1
    return index.sentences[lo].start, index.sentences[hi].end
