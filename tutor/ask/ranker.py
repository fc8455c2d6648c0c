"""A learner's question to ranked passages of the articles, or a plain "the articles don't say".

A sentence's BM25 score against the question (Arabic words as they are; English words through
the glossary's phrases, or the lexicon's Arabic senses, each weighted by how surely it stands for
the word) plus QUESTION_WEIGHT times the best BM25 score of a bank question whose evidence it
holds; passages are ordered with ROOT_WEIGHT times the BM25 of the Arabic words' roots added
(analyze.root) and SENTENCE_WEIGHT times the sentence's BM25 for its own words alone (the
question's words said in one sentence beat the same words spread over three), both of which the
decision to answer leaves out (Hit.bm25). Coverage is the share of the question's
words (weighted by idf; a word the bank has never seen weighs most) that the passage, or the bank
questions tied to it, contain; the best CANDIDATES by BM25 are ordered again by score weighted by
coverage.

With a sentence encoder (tutor/ask/dense.py) each candidate's cosine with the question is added
at dense.WEIGHT times the best lexical score, and the sentences nearest by cosine alone join the
candidates; Hit.lexical keeps the score before that.

Whether to answer at all (tutor/ask/confidence.py, read by `answers` on the best of the first
DECIDED_ON hits by lexical score): a passage that does not hold the kind of answer the question
asks for (a date for "when", a figure for "how many", a price with its currency, a name, a place,
a reason: tutor/ask/decline.py), or says none of the question's focus words (what it asks beside
the names the bank knows: tutor/ask/focus.py), never answers; otherwise a logistic regression must
reach confidence.THRESHOLD: on the BM25 share of max_idf, the coverage of the focus words by the
passage and its bank questions, whether the question asks for a kind of answer, asks about the
present ("right now", حاليا), its language, and the encoder's best cosine and its margin over the
next passage's (without the encoder, a fit without those). It is fitted offline on the five
labelled sets (tests/bench/eval_ask.py --fit, leave-one-set-out). MIN_COVERAGE keeps weak extra
passages out of the chat.

A question in colloquial Arabic is read as standard Arabic first (tutor/ask/dialect.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tutor.ask import analyze, confidence, decline, dense, dialect
from tutor.ask.index import NEIGHBOURS, AskIndex
from tutor.grading.lexicon import common_words
from tutor.grading.normalize import fold, normalize

QUESTION_WEIGHT = 1.0
# How surely an ordinary English word stands for each Arabic word the hand list gives it
# (bridge.common_lexicon; the bank's own lexicon says how surely by its Dice coefficient).
COMMON_SENSE = 1.0
MIN_COVERAGE = 0.30  # of the question's idf mass: a passage after the first covers this much
UNSEEN = 1.5  # a word found nowhere weighs this many times index.unseen_idf
# ... and a common word of its language ("deep", "tech", "تنفع") as much: weighing it less, as a
# learner's own way of putting things, was measured (eval_ask.py --calibrate-all) and lets a
# teacher's small bank answer "what is the population of north korea?".
UNSEEN_COMMON = 1.5
MORE_SHARE = 0.6  # a further passage is shown if it scores this share of the best
# Ranking: a sentence's score is weighted by its coverage, (1 - BY_COVERAGE) + BY_COVERAGE * c,
# among the CANDIDATES best by BM25 alone.
BY_COVERAGE = 0.3
CANDIDATES = 40
NAME_IN_PASSAGE = False
# A word of the question found in a passage only by its root (analyze.root: a word of the same
# family the stemmer leaves apart) counts this share of a word found as it is, in BM25 and in
# coverage.
ROOT_WEIGHT = 0.25
ROOT_COVERAGE = True  # whether a root match counts towards coverage too (measured)
# A sentence's BM25 for its own words alone is added at this weight to that of its window (the
# sentence and its neighbours): the question's words close together, in the sentence shown as
# the match, beat the same words spread over three sentences. Chosen leave-one-set-out on the
# five labelled sets (tests/bench/eval_ask.py --sentence-weight). Only an English word's sure
# Arabic counts there: a sense the lexicon is unsure of, in one sentence alone, put "where was
# the writer born?" on the sentence where he worked (counting every sense was measured: 0.7
# points of hit@1 more on the sets, and that teacher's bank wrong).
SENTENCE_WEIGHT = 0.5


@dataclass(frozen=True)
class Hit:
    sentence: int  # index into AskIndex.sentences
    score: float  # bm25 weighted by coverage: what hits are ordered by
    coverage: float  # 0..1
    bm25: float = 0.0  # the sentence's and its bank questions' BM25 score alone
    # fused with a sentence encoder (tutor/ask/dense.py): the question's cosine with the
    # sentence, and `score` before the fusion (the decision to answer is made on that)
    dense: float | None = None
    lexical: float | None = None


Senses = tuple[tuple[str, float], ...]  # Arabic terms and how surely each stands for a word


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]  # the question's terms, typos repaired
    arabic: dict[str, Senses]  # English term → the Arabic terms it stands for
    # What English brings to the Arabic text: each group scores the best of its alternatives
    # (a phrase of the glossary: all its terms; a word of the lexicon: one sense, weighted).
    groups: tuple[tuple[tuple[tuple[str, ...], float], ...], ...] = ()
    common: frozenset[str] = frozenset()  # terms that stand for common words of the language
    roots: dict[str, tuple[str, ...]] = field(default_factory=dict)  # Arabic term → its roots


def _typos(word: str) -> int:
    """Slips a word the index does not know may hold and still stand for one it does: as the
    grader allows, none in a short word, one up to 7 letters, two beyond."""
    return 0 if len(word) < 5 else 1 if len(word) <= 7 else 2


def _repair(
    index: AskIndex, words: list[str], known: set[str], common: frozenset[str] = frozenset()
) -> list[str]:
    """Each word the index does not know, replaced by the nearest one it does within _typos;
    a `common` word (one of the language's common words, as the grader keeps them) is a word
    the learner meant, never a slip: "france" is not "frank", nor "mayor" "major"."""
    out = []
    for w in words:
        if w not in known and w not in common and _typos(w) and not w.isdigit():
            best = process.extractOne(
                w, index.vocabulary, scorer=Levenshtein.distance, score_cutoff=_typos(w)
            )
            if best is not None and best[0].isascii() == w.isascii():
                w = best[0]
        out.append(w)
    return out


def _question_terms(index: AskIndex, text: str) -> list[tuple[str, str]]:
    """The terms of a question read as standard Arabic (tutor/ask/dialect.py): dialect words
    swapped, and a word the index does not know with a dialect prefix glued on (عالحكم,
    هالتحالف, بيشتغل) read without it when the rest is a word it knows."""
    known = _known(index)
    out = []
    for w in text.split():
        if analyze.is_stop(w):
            continue
        t = analyze.term(w)
        if t not in known and not w.isascii():
            for alt in dialect.unglued(w):
                if not analyze.is_stop(alt) and analyze.term(alt) in known:
                    t, w = analyze.term(alt), alt
                    break
        out.append((t, w))
    return out


def query(index: AskIndex, text: str) -> Query:
    known = _known(index)
    text = dialect.standard(text)
    common = _common(text)
    pairs = _question_terms(index, text)
    repaired = _repair(index, [t for t, _ in pairs], known, common)
    roots: dict[str, tuple[str, ...]] = {}
    for t, (_, w) in zip(repaired, pairs, strict=True):
        r = analyze.root(w) if t == analyze.term(w) else analyze.root(t)
        if r and t not in roots:
            roots[t] = r
    words = list(dict.fromkeys(repaired))
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
        if not w.isascii() or w in arabic:
            continue
        senses = index.lexicon.get(w, ())
        alternatives = [((a,), d) for a, d in senses]
        have = {a for a, _ in senses}
        for tokens in index.common.get(w, ()):
            if not set(tokens) <= have:
                alternatives.append((tokens, COMMON_SENSE))
                senses += tuple((t, COMMON_SENSE) for t in tokens if t not in have)
                have.update(tokens)
        if alternatives:
            arabic[w] = senses
            groups.append(tuple(alternatives))
    return Query(tuple(words), arabic, tuple(groups), common, roots)


def _common(text: str) -> frozenset[str]:
    """The terms of `text` that stand for common words of their language."""
    words = common_words()
    return frozenset(analyze.term(w) for w in normalize(text).split() if fold(w) in words)


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


def weight(index: AskIndex, q: Query, t: str) -> float:
    return max(index.text_idf.get(t, 0.0), index.question_idf.get(t, 0.0)) or (
        (UNSEEN_COMMON if t in q.common else UNSEEN) * index.unseen_idf
    )


def found(index: AskIndex, q: Query, sentence: int) -> list[float]:
    """For each of the question's terms, how much of it the passage around `sentence` or its
    bank questions hold: 1 as it is, a sense's surety for an English word, ROOT_WEIGHT by its
    root alone."""
    words = index.sentence_terms[sentence]
    own_roots = index.sentence_roots[sentence] if index.sentence_roots else frozenset()
    tied = [index.tie_terms[k] for k in _window_ties(index, sentence)]
    out = []
    for t in q.terms:
        if t in words or any(t in tt for tt in tied):
            out.append(1.0)
            continue
        # by its root only a word the bank never says: one it says elsewhere ("capital") is no
        # other form of a word of this passage
        by_root = (
            ROOT_WEIGHT
            if ROOT_COVERAGE
            and t not in index.text_idf
            and t not in index.question_idf
            and not own_roots.isdisjoint(q.roots.get(t, ()))
            else 0.0
        )
        by_sense = max((d for a, d in q.arabic.get(t, ()) if a in words), default=0.0)
        out.append(max(by_root, by_sense))
    return out


def coverage(index: AskIndex, q: Query, sentence: int) -> float:
    """The idf-weighted share of the question's terms found in the passage around `sentence` or
    in its bank questions. (Giving a match by stem alone less weight than one by the word as
    written was measured, and only lost answers.)"""
    weights = [weight(index, q, t) for t in q.terms]
    total = sum(weights)
    got = sum(w * f for w, f in zip(weights, found(index, q, sentence), strict=True))
    return got / total if total else 0.0


def same_passage(index: AskIndex, a: Hit, b: Hit) -> bool:
    """Whether two hits' passages (a sentence with its neighbours) overlap."""
    sa, sb = index.sentences[a.sentence], index.sentences[b.sentence]
    return sa.article == sb.article and abs(a.sentence - b.sentence) <= 2 * NEIGHBOURS


def _text_scores(index: AskIndex, q: Query, n: int) -> np.ndarray:
    """BM25 of every sentence (with its neighbours) for the question's terms and what its
    English brings."""
    return _bm25_scores(index.text, q, n)


def _own_scores(index: AskIndex, q: Query, n: int) -> np.ndarray | None:
    """SENTENCE_WEIGHT times the same for each sentence's own words alone: it orders passages,
    and is left out of the score that decides whether to answer at all."""
    if not SENTENCE_WEIGHT or index.own is None:
        return None
    return SENTENCE_WEIGHT * _bm25_scores(index.own, q, n, senses=False)


def _bm25_scores(bm25, q: Query, n: int, senses: bool = True) -> np.ndarray:
    """BM25 for the question's terms and what its English brings: every group, or with
    `senses` False only the sure ones (a glossary phrase, a word with one sense as sure)."""
    scores = _scores(bm25, list(q.terms), n).astype(np.float64)
    for group in q.groups if senses else [g for g in q.groups if len(g) == 1 and g[0][1] >= 1.0]:
        best = np.zeros(n)
        for tokens, weight in group:
            np.maximum(best, weight * _scores(bm25, list(tokens), n), out=best)
        scores += best
    return scores


def _root_scores(index: AskIndex, q: Query, n: int) -> np.ndarray | None:
    """ROOT_WEIGHT times the BM25 of every sentence for the roots of the question's words: it
    orders passages, and is left out of the score that decides whether to answer at all."""
    if not ROOT_WEIGHT or index.roots is None or not q.roots:
        return None
    return ROOT_WEIGHT * _scores(index.roots, [r for rs in q.roots.values() for r in rs], n)


def rank(index: AskIndex, text: str, k: int = 3) -> tuple[Query, list[Hit]]:
    """The k best sentences for `text`, best first (none scoring zero)."""
    q = query(index, text)
    n = len(index.sentences)
    if not q.terms or not n:
        return q, []
    scores = _text_scores(index, q, n)
    if index.questions is not None:
        tie_scores = _scores(index.questions, list(q.terms), len(index.ties))
        tie_of, sentence_of = _flat(index)
        best = np.zeros(n)
        np.maximum.at(best, sentence_of, tie_scores[tie_of])
        scores += QUESTION_WEIGHT * best
    ranked = scores
    for extra in (_root_scores(index, q, n), _own_scores(index, q, n)):
        if extra is not None:
            ranked = ranked + extra
    order = np.argsort(-ranked, kind="stable")[: max(k * 4, CANDIDATES)]
    hits = []
    for i in order.tolist():
        if ranked[i] > 0:
            c = coverage(index, q, i)
            weighted = float(ranked[i] * (1 - BY_COVERAGE + BY_COVERAGE * c))
            hits.append(Hit(i, weighted, c, float(scores[i])))
    hits.sort(key=lambda h: -h.score)
    # what the question means, beside its words: a sentence encoder's cosine (tutor/ask/dense.py)
    hits = dense.fuse(
        index, text, hits, lambda i: Hit(i, 0, coverage(index, q, i), float(scores[i]))
    )
    return q, hits[:k] if k > 0 else hits


# The hits the decision reads (eval_ask.py --fit ranks this many): the encoder's best cosine
# and its margin over the next passage's depend on how many there are.
DECIDED_ON = 9


def answers(index: AskIndex, hits: list[Hit], question: str = "", q: Query | None = None) -> bool:
    """Whether the best hit is good enough to answer `question` (analysed as `q`) with, as the
    fitted decision of tutor/ask/confidence.py judges from what the ranking found."""
    if not hits:
        return False
    return confidence.answers(decision_features(index, hits, question, q))


def decision_features(
    index: AskIndex, hits: list[Hit], question: str = "", q: Query | None = None
) -> tuple[float, ...]:
    """confidence.features of the hits (not empty), as `answers` (and eval_ask.py --fit) read
    them: on the lexical ranking's best, as confidence.py was fitted (dense.py reorders only),
    among the first DECIDED_ON hits whatever the number asked for."""
    hits = hits[:DECIDED_ON]
    hits = sorted(hits, key=lambda h: -(h.score if h.lexical is None else h.lexical))
    q = q or query(index, question)
    filled = fills_slot(index, question, hits[0].sentence, q)
    return confidence.features(index, q, hits, question, filled)


def _closest(index: AskIndex, q: Query, sentence: int) -> int:
    """The sentence of the passage around `sentence` whose own words match most of `q`."""
    article = index.bank.articles[index.sentences[sentence].article]
    best, most = sentence, -1.0
    for j in [sentence, sentence - 1, sentence + 1]:  # the matched sentence wins a tie
        if not 0 <= j < len(index.sentences) or index.sentences[j].article != article.id:
            continue
        s = index.sentences[j]
        own = set(analyze.terms(article.text[s.start : s.end]))
        got = sum(
            index.text_idf.get(t, 0.0) or index.question_idf.get(t, 0.0) or index.max_idf
            for t in q.terms
            if t in own or any(a in own for a, _ in q.arabic.get(t, ()))
        )
        if got > most:
            best, most = j, got
    return best


def fills_slot(index: AskIndex, question: str, sentence: int, q: Query | None = None) -> bool:
    """Whether the passage around `sentence` holds the kind of answer `question` asks for: in
    the sentence that matched, or the sentence of the passage that says most of what the
    question does (a year beside "Kim Jong Un's father visited Russia" is not when Kim Jong Un
    was born), or a bank question on either. A name ("who said ...") may be anywhere in the
    passage: a quote's speaker is often named in the sentence before it."""
    kind = decline.slot(question)
    if kind is None:
        return True
    at = _closest(index, q or query(index, question), sentence)
    where = [sentence] if at == sentence else [sentence, at]
    if kind == "name":
        article = index.sentences[sentence].article
        where = [
            j
            for j in range(sentence - NEIGHBOURS, sentence + NEIGHBOURS + 1)
            if 0 <= j < len(index.sentences) and index.sentences[j].article == article
        ]
    for j in where:
        s = index.sentences[j]
        text = index.bank.articles[s.article].text[s.start : s.end]
        types = frozenset(index.ties[k].question.type for k in _ties_of(index).get(j, ()))
        if decline.fills(kind, text, types, question):
            return True
    return False


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
