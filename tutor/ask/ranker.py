"""A learner's question to ranked passages of the articles, or a plain "the articles don't say".

A sentence's BM25 score against the question (Arabic words as they are; English words through
the glossary's phrases, or the lexicon's Arabic senses, each weighted by how surely it stands for
the word) plus QUESTION_WEIGHT times the best BM25 score of a bank question whose evidence it
holds. Coverage is the share of the question's words (weighted by idf; a word the bank has never
seen weighs most) that the passage, or the bank questions tied to it, contain; the best
CANDIDATES by BM25 are ordered again by score weighted by coverage.

Whether to answer at all: the best passage must cover enough of the question, score high enough,
and stand out from the score distribution over all sentences (MIN_STANDING standard deviations).
A question about something the articles do not mention leaves its rarest words unmatched, or
matches common words ("Korea", "president") about as well everywhere, and is declined. The
thresholds were set on tests/data/ask/questions.jsonl (tests/bench/eval_ask.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tutor.ask import analyze
from tutor.ask.index import NEIGHBOURS, AskIndex

QUESTION_WEIGHT = 1.0
MIN_COVERAGE = 0.40  # of the question's idf mass matched by the best passage
UNSEEN = 1.5  # a word found nowhere weighs this many times index.unseen_idf
# Below this share of index.max_idf (BM25 scores grow with the number of sentences) the best
# passage is too far to show.
MIN_SCORE_SHARE = 0.63
MORE_SHARE = 0.6  # a further passage is shown if it scores this share of the best
# Ranking: a sentence's score is weighted by its coverage, (1 - BY_COVERAGE) + BY_COVERAGE * c,
# among the CANDIDATES best by BM25 alone.
BY_COVERAGE = 0.3
CANDIDATES = 40
# Declining: the best score must stand this many standard deviations above the mean score of
# all sentences (at most STANDING_SHARE of the most a bank of its size allows).
MIN_STANDING = 4.0
STANDING_SHARE = 0.35


@dataclass(frozen=True)
class Hit:
    sentence: int  # index into AskIndex.sentences
    score: float  # bm25 weighted by coverage: what hits are ordered by
    coverage: float  # 0..1
    bm25: float = 0.0  # the sentence's and its bank questions' BM25 score alone
    standing: float = 0.0  # how many standard deviations bm25 stands above all sentences' mean


Senses = tuple[tuple[str, float], ...]  # Arabic terms and how surely each stands for a word


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]  # the question's terms, typos repaired
    arabic: dict[str, Senses]  # English term → the Arabic terms it stands for
    # What English brings to the Arabic text: each group scores the best of its alternatives
    # (a phrase of the glossary: all its terms; a word of the lexicon: one sense, weighted).
    groups: tuple[tuple[tuple[tuple[str, ...], float], ...], ...] = ()


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
    arabic: dict[str, Senses] = {}
    groups: list[tuple[tuple[tuple[str, ...], float], ...]] = []
    for size in (4, 3, 2, 1):  # longest phrases first; a word takes the first it is part of
        for i in range(len(words) - size + 1):
            key = tuple(words[i : i + size])
            value = index.glossary.get(key)
            if value and not any(w in arabic for w in key):
                for w in key:
                    arabic[w] = tuple((a, 1.0) for a in value)
                groups.append(((value, 1.0),))
    for w in words:
        senses = index.lexicon.get(w) if w.isascii() and w not in arabic else None
        if senses:
            arabic[w] = senses
            groups.append(tuple(((a,), d) for a, d in senses))
    return Query(tuple(words), arabic, tuple(groups))


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
        if t in words or any(t in tt for tt in tied):
            found += w
        else:
            found += w * max((d for a, d in q.arabic.get(t, ()) if a in words), default=0.0)
    return found / total if total else 0.0


def _text_scores(bm25, q: Query, n: int) -> np.ndarray:
    """BM25 of every sentence for the question's own terms and what its English brings."""
    scores = _scores(bm25, list(q.terms), n).astype(np.float64)
    for group in q.groups:
        best = np.zeros(n)
        for tokens, weight in group:
            np.maximum(best, weight * _scores(bm25, list(tokens), n), out=best)
        scores += best
    return scores


def rank(index: AskIndex, text: str, k: int = 3) -> tuple[Query, list[Hit]]:
    """The k best sentences for `text`, best first (none scoring zero)."""
    q = query(index, text)
    n = len(index.sentences)
    if not q.terms or not n:
        return q, []
    scores = _text_scores(index.text, q, n)
    if index.questions is not None:
        tie_scores = _scores(index.questions, list(q.terms), len(index.ties))
        tie_of, sentence_of = _flat(index)
        best = np.zeros(n)
        np.maximum.at(best, sentence_of, tie_scores[tie_of])
        scores += QUESTION_WEIGHT * best
    order = np.argsort(-scores, kind="stable")[: max(k * 4, CANDIDATES)]
    mean, spread = float(scores.mean()), float(scores.std()) or 1.0
    hits = []
    for i in order.tolist():
        if scores[i] > 0:
            c = coverage(index, q, i)
            standing = float((scores[i] - mean) / spread)
            hits.append(Hit(i, float(scores[i] * (1 - BY_COVERAGE + BY_COVERAGE * c)), c,
                            float(scores[i]), standing))  # fmt: skip
    hits.sort(key=lambda h: -h.score)
    return q, hits[:k] if k > 0 else hits


def min_standing(index: AskIndex) -> float:
    """MIN_STANDING, or less in a bank too small for any score to stand that far out (among n
    scores none can be more than sqrt(n - 1) deviations above their mean)."""
    return min(MIN_STANDING, STANDING_SHARE * float(np.sqrt(max(len(index.sentences) - 1, 0))))


def answers(index: AskIndex, hits: list[Hit]) -> bool:
    """Whether the best hit is good enough to answer with: it covers enough of the question,
    scores high enough, and stands out from the rest of the articles (a question about
    something they do not treat matches common words everywhere about as well)."""
    if not hits:
        return False
    best = hits[0]
    return (
        best.coverage >= MIN_COVERAGE
        and best.bm25 >= MIN_SCORE_SHARE * index.max_idf
        and best.standing >= min_standing(index)
    )


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
