"""The search index of a bank: its articles' sentences and the bank's questions, under BM25.

Two BM25 indexes (bm25s), one over the articles' sentences, each with its neighbours' words, and
one over the bank's questions (both languages), each question standing for the sentences its
evidence covers. Built once per bank; a query never rebuilds anything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import bm25s
import numpy as np

from tutor.ask import analyze
from tutor.ask.bridge import (
    Common,
    Glossary,
    Lexicon,
    Tie,
    common_lexicon,
    glossary,
    lexicon,
    question_text,
    ties,
)
from tutor.ask.passages import Sentence, split
from tutor.bank.model import Bank

K1, B = 1.2, 0.75
MIN_SENTENCES = 100  # see AskIndex.unseen_idf
NEIGHBOURS = 1  # sentences on each side indexed (and shown) with a sentence


def _bm25(docs: list[list[str]]) -> bm25s.BM25:
    index = bm25s.BM25(k1=K1, b=B)
    index.index(docs, show_progress=False)
    return index


def _idf(docs: list[list[str]]) -> dict[str, float]:
    """BM25's (Lucene) idf of every term of `docs`."""
    n = len(docs)
    df = Counter(t for d in docs for t in set(d))
    return {t: float(np.log(1 + (n - c + 0.5) / (c + 0.5))) for t, c in df.items()}


@dataclass
class AskIndex:
    bank: Bank
    sentences: list[Sentence]
    sentence_terms: list[frozenset[str]]  # each sentence's own terms and its neighbours'
    text: bm25s.BM25
    text_idf: dict[str, float]
    ties: list[Tie]
    tie_terms: list[frozenset[str]]
    tie_sentences: list[np.ndarray]  # for each tie, the sentences its quote covers
    questions: bm25s.BM25 | None
    question_idf: dict[str, float]
    glossary: Glossary
    lexicon: Lexicon
    # The same sentences by their words' roots (analyze.root): a word of the question's family
    # that the stemmer leaves apart (العزلة / معزول, توقيع / موقعة) still finds them.
    roots: bm25s.BM25 | None = None
    sentence_roots: list[frozenset[str]] = field(default_factory=list)
    # Each sentence by its own words alone, without its neighbours': a passage whose matched
    # sentence itself holds the question's words, close together, ranks above one whose words
    # are spread over three sentences (tutor/ask/ranker.py SENTENCE_WEIGHT).
    own: bm25s.BM25 | None = None
    common: Common = field(default_factory=dict)  # bridge.common_lexicon: ordinary words
    first_of: dict[str, int] = field(default_factory=dict)  # article id → its first sentence
    vocabulary: list[str] = field(default_factory=list)  # every term, for typo repair

    @property
    def max_idf(self) -> float:
        """The idf BM25 gives a word found in no sentence: more than any word found weighs."""
        n = max(len(self.sentences), 1)
        return float(np.log(1 + (n + 0.5) / 0.5))

    @property
    def unseen_idf(self) -> float:
        """max_idf, counted as if the bank held at least MIN_SENTENCES sentences: in a bank of
        a few paragraphs every idf is small, and a question about something it never mentions
        must still weigh that."""
        n = max(len(self.sentences), MIN_SENTENCES)
        return float(np.log(1 + (n + 0.5) / 0.5))


def _window(per_sentence: list[list[str]], sents: list[Sentence], i: int) -> list[str]:
    out = list(per_sentence[i])
    for j in range(i - NEIGHBOURS, i + NEIGHBOURS + 1):
        if j != i and 0 <= j < len(sents) and sents[j].article == sents[i].article:
            out += per_sentence[j]
    return out


def build(bank: Bank) -> AskIndex:
    sentences: list[Sentence] = []
    first_of: dict[str, int] = {}
    for article in bank.articles.values():
        first_of[article.id] = len(sentences)
        base = len(sentences)
        sentences += [Sentence(s.article, base + s.index, s.start, s.end) for s in split(article)]
    texts = [bank.articles[s.article].text[s.start : s.end] for s in sentences]
    own = [analyze.terms(t) for t in texts]
    docs = [_window(own, sentences, i) for i in range(len(sentences))]
    own_roots = [analyze.roots(t) for t in texts]
    root_docs = [_window(own_roots, sentences, i) for i in range(len(sentences))]

    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_article.setdefault(s.article, []).append(s)
    all_ties = ties(bank)
    tie_docs: list[list[str]] = []
    tie_sentences: list[np.ndarray] = []
    kept: list[Tie] = []
    for tie in all_ties:
        covered = [
            s.index
            for s in by_article.get(tie.article, [])
            if s.start < tie.end and tie.start < s.end
        ]
        if covered:
            kept.append(tie)
            said = question_text(tie.question)
            tie_docs.append(analyze.terms(said))
            tie_sentences.append(np.array(covered, dtype=np.int64))

    vocabulary = sorted({t for d in docs for t in d} | {t for d in tie_docs for t in d})
    return AskIndex(
        bank=bank,
        sentences=sentences,
        sentence_terms=[frozenset(d) for d in docs],
        text=_bm25(docs),
        text_idf=_idf(docs),
        ties=kept,
        tie_terms=[frozenset(d) for d in tie_docs],
        tie_sentences=tie_sentences,
        questions=_bm25(tie_docs) if tie_docs else None,
        question_idf=_idf(tie_docs),
        glossary=glossary(bank),
        lexicon=lexicon(bank),
        roots=_bm25(root_docs) if any(root_docs) else None,
        sentence_roots=[frozenset(d) for d in root_docs],
        own=_bm25(own) if any(own) else None,
        common=common_lexicon(),
        first_of=first_of,
        vocabulary=vocabulary,
    )
