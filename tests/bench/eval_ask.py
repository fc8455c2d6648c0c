"""Scores `tutor ask` on the labelled learner questions in tests/data/ask/questions.jsonl.

Run on demand, never in CI:  .venv/bin/python tests/bench/eval_ask.py [--stemmer NAME]
[--rooter NAME] [--root-weight W] [--sentence-weight W] [--no-root-coverage] [--bridge] [--detail]
[--baseline] [--calibrate] [--calibrate-all] [--fit [--l2 L] [--label answerable|right]
[--drop NAMES] [--free] [--gate NAME] [--soft]]
[--set FILE] [--dense-weight W] [--no-dense] [--threshold P] [--rule-now]

The set (written before the ranker, paraphrased, some with typos): one JSON object a line,
{"id", "lang": "ar"|"en", "question", "answer": [{"article": ID, "span": VERBATIM TEXT}, ...]}
with "answer" null for a question the articles do not answer; a span may be given for each
article that answers it.

hit@1 / hit@3: an answerable question whose first (first three) returned passage(s) overlap a
labelled span; "sentence" counts the matched sentence alone, "passage" the sentence with its
neighbours as shown. declined: the share of unanswerable questions answered with nothing; wrongly
declined: the share of answerable ones. The baseline ranks sentences by rapidfuzz WRatio on the
grader's normalised text and declines below a cut-off (several cut-offs are shown).

--calibrate: the decline rule's two thresholds (ranker.MIN_COVERAGE, OLD_SCORE_SHARE; the
answer-slot check has none) fitted on the set by a grid search for the most right decisions
(answerable answered + unanswerable declined), and the same fit done leave-one-out: each question
decided by thresholds fitted on all the others. The cross-validated figures are the honest ones.
The score share is searched only up to SHARE_CAP: above it a teacher's own small bank no longer
answers what it plainly holds (tests/ask/test_rank.py), whatever this set prefers.

--fit: the decision to answer (tutor/ask/confidence.py) is a logistic regression (numpy, Newton's
method, classes weighed equally, an L2 penalty on standardised weights, each feature held to its
sign in confidence.SIGNS unless --free: one fitted against it is left out and the rest fitted
again) on confidence.features, fitted on the questions that pass confidence.GATE (their passage
holds the kind of answer asked for and says one of the focus words; the others are always
declined; --gate names another feature for that, --soft makes it one more feature), on all five
sets together with the questions tests/ask asks of small banks
(each weighed as EXTRA_WEIGHT questions, so that a fit that breaks a teacher's bank is not
shipped). Reported per set: the old two-threshold rule, the shipped weights, the fit on all sets,
the fit on the other four sets (leave-one-set-out: the honest figures), the two-threshold rule
fitted the same way on the other four, and ranking alone; then, pooled, the leave-one-set-out
figures at several probability thresholds, and the unanswerable questions declined when the
threshold lets at most 5, 10 or 15 % of the answerable ones be declined (one figure to compare
features by). Measured (2026-11-30, all five sets: 544 questions, 124 unanswerable; hit@1 /
hit@3 / declined / wrongly declined, leave-one-set-out at p >= 0.35, then declined at wrongly
declined <= 10 / 15 %), on main's ranking before ask-rank (8f4b749) and after (7c86b18):
                                   before ask-rank               after ask-rank
  before: coverage, share, asks, english (no gate but the kind of answer)
    all          71.4 / 80.2 / 62.9 / 12.6   62.1 / 67.7    72.9 / 82.1 / 62.9 / 12.6   59.7 / 66.9
    questions    88.5 / 92.7 / 62.5 /  5.2                  85.4 / 93.8 / 62.5 /  4.2
    heldout      79.2 / 95.8 / 83.3 /  4.2                  83.3 / 95.8 / 83.3 /  4.2
    heldout-2    72.2 / 78.5 / 53.3 / 12.7                  75.9 / 83.5 / 46.7 / 11.4
    heldout-3    66.7 / 72.5 / 63.6 / 16.7                  68.6 / 74.5 / 68.2 / 16.7
    heldout-4    59.7 / 74.8 / 63.4 / 16.8                  62.2 / 75.6 / 63.4 / 18.5
  after: share, focus words in the passage's text and with its bank questions, asks-now, asks,
  english; the gate (confidence.GATE) and decline.py's fixes
    all          72.6 / 81.7 / 66.9 / 11.2   65.3 / 70.2    73.8 / 82.9 / 66.9 / 11.9   66.9 / 68.5
    questions    87.5 / 91.7 / 75.0 /  7.3                  85.4 / 92.7 / 77.5 /  6.2
    heldout      79.2 / 100  / 66.7 /  0.0                  79.2 / 91.7 / 83.3 /  8.3
    heldout-2    75.9 / 82.3 / 60.0 /  8.9                  77.2 / 84.8 / 53.3 / 10.1
    heldout-3    68.6 / 74.5 / 59.1 / 14.7                  70.6 / 76.5 / 59.1 / 15.7
    heldout-4    60.5 / 75.6 / 65.9 / 15.1                  63.9 / 77.3 / 63.4 / 15.1
  (the "before ask-rank" column of "after" is without the gate, which came after the merge)
  two-threshold rule refitted leave-one-set-out, behind the same gate, after ask-rank:
                 76.2 / 85.7 / 66.9 /  9.3: as many declined, fewer wrongly (no "now")
  ranking alone, after ask-rank: 80.7 / 93.1 (heldout-4 72.3 / 92.4)
The sentence encoder (tutor/ask/dense.py, ask-dense) measured the same way (2026-11-30, on
main at 28c1d9e; --no-dense for main as it was, --dense-weight 0 for the encoder in the decision
only; its cosines are the features dense_best, dense_top, dense_margin, and dense_best, the
passage decided on's, came out against its sign and is left out). Leave-one-set-out, pooled,
hit@1 / hit@3 / declined / wrongly declined, then declined (hit@3) at wrongly declined <= 10 %:
  (a) main, lexical decision, p >= 0.35   73.6 / 82.9 / 66.9 / 11.9   66.9 (84.5)
      the same at p >= 0.30               76.0 / 85.0 / 66.1 /  9.5   (answers "what language
                                                                      is spoken in north korea?")
  (b) encoder in the ranking only, 0.35   74.0 / 83.3 / 66.9 / 11.7   66.9 (84.8)
  (c) in the ranking and the decision     76.0 / 85.5 / 71.0 /  9.8   71.0 (85.0)   shipped
      at p >= 0.22 / 0.30 / 0.35          76.0 / 85.7 / 69.4 /  9.3;  75.0 / 83.8 / 73.4 / 11.4;
                                          73.3 / 82.1 / 74.2 / 13.3
  (d) in the decision only (WEIGHT 0)     76.0 / 85.5 / 69.4 /  9.5   70.2 (85.0)
  (e) two-threshold rule behind the gate, refitted, declining "now" questions (--rule-now):
                                          76.0 / 85.5 / 67.7 /  9.5   (without "now" 66.9 / 9.3)
  per set, (a) at 0.35 -> (c) at 0.25:
    questions    85.4 / 92.7 / 77.5 /  6.2  ->  88.5 / 93.8 / 80.0 /  4.2
    heldout      79.2 / 91.7 / 83.3 /  8.3  ->  79.2 / 91.7 / 83.3 /  8.3
    heldout-2    77.2 / 84.8 / 53.3 / 10.1  ->  78.5 / 87.3 / 60.0 /  7.6
    heldout-3    70.6 / 76.5 / 59.1 / 15.7  ->  70.6 / 79.4 / 63.6 / 14.7
    heldout-4    63.0 / 77.3 / 63.4 / 15.1  ->  68.1 / 81.5 / 68.3 / 11.8
  the threshold chosen without the left-out set too (each fold's, best for hit@3 + declined
  leave-one-set-out over the other four; the figures move by a question or two from run to run):
    (a) 75.2 / 83.8 / 66.1 / 11.0 (p 0.27-0.4)   (c) 74.3-75.0 / 83.3-84.0 / 72.6 / 11.4-11.9
The encoder earns its place through the decision, not the ranking ((b) is (a) within a
question): at the same wrongly declined it declines 4 points more (5 questions of 124), and at
p >= 0.25 it beats (a) as shipped on all four figures and (e) by 3.3 points declined at the same
hit@1 / hit@3. The features and the threshold were chosen on these pooled figures (a mild
tuning); (c) over (d) is two questions.
The tests' own questions (test_cases, weighed EXTRA_WEIGHT each) cost the learned decision some
of its leave-one-set-out figures (without those of tests/ask/test_confidence.py and
test_focus.py: 75.7 / 84.8 / 66.1 / 9.8, but "what language is spoken in north korea?" answered).
The feature set was chosen on these pooled leave-one-set-out figures (a mild tuning on them):
measured and left out, the coverage of all the question's words and of its entities (they
answered "the capital of Japan"), the margin over the next passage, the rarest word found, the
share of unseen words, the score per unit of the question's idf mass and its length, the best
single sentence's coverage, the share of focus words the articles say elsewhere but not here, and
a gate on the next two passages as well as the best, light verbs ("go", "show", صار) left out of
the focus words (no better either way, on main's ranking and on ask-rank's), the kind of answer as a feature rather
than a gate, and a BM25 share weighed by focus coverage (with any sign: 63.7 / 71.0 / 71.8 declined at 5 / 10 /
15 %, but by answering near misses the more surely the more their names alone matched). The
figures move by a question from run to run (set order in the bridge).

--bridge: the English words of the English questions ranked wrongly that have no Arabic
counterpart, or only Arabic senses the answer's passage does not hold.

--calibrate-all: the same, on all five sets together (questions, heldout, heldout-2 to -4), over the
two thresholds and the weight of a common word the bank has never seen (ranker.UNSEEN_COMMON):
the fit keeps wrongly declined at or under MAX_WRONGLY on every set when it can, and the
leave-one-out figures (each question decided by the rule fitted on all the others, from every
set) are reported per set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rapidfuzz import fuzz

from tutor.ask import analyze
from tutor.bank.load import load_bank
from tutor.engine.evidence import locate
from tutor.grading.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
# The decline rule tutor/ask/confidence.py replaced: coverage >= ranker.MIN_COVERAGE and BM25 >=
# this share of the index's max_idf; --calibrate and --fit report it beside the fitted decision.
OLD_SCORE_SHARE = 0.60
DATA = ROOT / "tests" / "data" / "ask" / "questions.jsonl"


def load(path: Path, bank) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for r in rows:
        gold = []
        for g in r["answer"] or []:
            where = locate(bank.articles[g["article"]], g["span"])
            if where is None:
                sys.exit(f"{r['id']}: span not in {g['article']}: {g['span']!r}")
            gold.append((g["article"], *where))
        r["gold"] = gold
    return rows


def overlaps(gold, article: str, start: int, end: int) -> bool:
    return any(a == article and s < end and start < e for a, s, e in gold)


def score(rows, answer) -> dict:
    """`answer(question)` → None (declined) or a list of (article, start, end, s_start, s_end)."""
    res = {"n": 0, "h1": 0, "h3": 0, "s1": 0, "s3": 0, "neg": 0, "declined": 0, "missed_decl": 0}
    misses = []
    for r in rows:
        got = answer(r["question"])
        if not r["gold"]:
            res["neg"] += 1
            res["declined"] += got is None
            if got is not None:
                misses.append((r["id"], "answered an unanswerable", r["question"]))
            continue
        res["n"] += 1
        if got is None:
            res["missed_decl"] += 1
            misses.append((r["id"], "declined", r["question"]))
            continue
        p = [overlaps(r["gold"], a, s, e) for a, s, e, _, _ in got]
        c = [overlaps(r["gold"], a, s, e) for a, _, _, s, e in got]
        res["h1"] += bool(p[:1] and p[0])
        res["h3"] += any(p[:3])
        res["s1"] += bool(c[:1] and c[0])
        res["s3"] += any(c[:3])
        if not any(p[:3]):
            misses.append((r["id"], "not in top 3", r["question"]))
        elif not p[0]:
            misses.append((r["id"], "not first", r["question"]))
    return res, misses


def report(name: str, res: dict) -> str:
    n, neg = res["n"] or 1, res["neg"] or 1
    return (
        f"{name:<28} hit@1 {res['h1'] / n:6.1%}  hit@3 {res['h3'] / n:6.1%}  "
        f"(sentence: {res['s1'] / n:6.1%} / {res['s3'] / n:6.1%})  "
        f"declined {res['declined'] / neg:6.1%}  wrongly declined {res['missed_decl'] / n:6.1%}"
    )


def fuzzy_baseline(bank, cutoff: float, scorer=fuzz.WRatio):
    """rapidfuzz `scorer` (WRatio, or token_set_ratio) of the normalised question against each
    normalised sentence; passages are the same sentences with their neighbours as tutor ask
    shows."""
    from tutor.ask.passages import split

    sents = []
    for a in bank.articles.values():
        cut = split(a)
        for i, s in enumerate(cut):
            lo, hi = cut[max(i - 1, 0)], cut[min(i + 1, len(cut) - 1)]
            sents.append(
                (a.id, lo.start, hi.end, s.start, s.end, normalize(a.text[s.start : s.end]))
            )

    def answer(question: str):
        q = normalize(question)
        scored = sorted(((scorer(q, t), *rest) for *rest, t in sents), reverse=True)
        if not scored or scored[0][0] < cutoff:
            return None
        return [tuple(x[1:]) for x in scored[:3]]

    return answer


COVERAGES = [round(0.2 + 0.025 * i, 3) for i in range(21)]  # 0.2 .. 0.7
SHARES = [round(0.3 + 0.03 * i, 2) for i in range(12)]  # 0.3 .. 0.63
SHARE_CAP = 0.63


def features(index, rows) -> list[tuple[bool, float, float, bool, bool, bool]]:
    """For each question: (answerable, best coverage, best BM25 / max_idf, slot filled, first
    passage right, one of the first three right)."""
    from tutor.ask import ranker

    out = []
    for r in rows:
        q, hits = ranker.rank(index, r["question"], k=9)
        if not hits:
            out.append((bool(r["gold"]), 0.0, 0.0, False, False, False))
            continue
        h = hits[0]
        filled = ranker.fills_slot(index, r["question"], h.sentence, q)
        gold = r["gold"] if isinstance(r["gold"], list) else []
        right = [overlaps(gold, *p[:3]) for p in _passages(index, hits)]
        out.append(
            (bool(r["gold"]), h.coverage, h.bm25 / index.max_idf, filled, any(right[:1]),
             any(right[:3]))
        )  # fmt: skip
    return out


def _passages(index, hits) -> list[tuple[str, int, int, int, int]]:
    """The first three distinct passages of `hits`, as tutor ask shows them."""
    from tutor.ask import ranker

    out: list[tuple[str, int, int, int, int]] = []
    for h in hits:
        s = index.sentences[h.sentence]
        a, b = ranker.passage_bounds(index, h.sentence)
        if not any(x[0] == s.article and x[1] < b and a < x[2] for x in out):
            out.append((s.article, a, b, s.start, s.end))
    return out[:3]


def _answers(f, c: float, s: float) -> bool:
    return f[1] >= c and f[2] >= s and f[3]


def _fit(feats) -> tuple[float, float]:
    """The thresholds with the most right decisions; of several, the one nearest the middle of
    them all (a margin on both sides, rather than an edge that one question moves)."""
    scored = {
        (c, s): sum(_answers(f, c, s) == f[0] for f in feats) for c in COVERAGES for s in SHARES
    }
    top = max(scored.values())
    best = [k for k, v in scored.items() if v == top]
    mc = sum(c for c, _ in best) / len(best)
    ms = sum(s for _, s in best) / len(best)
    return min(best, key=lambda k: ((k[0] - mc) / 0.5) ** 2 + ((k[1] - ms) / 0.33) ** 2)


def _rates(feats, decided) -> str:
    neg = [d for f, d in zip(feats, decided, strict=True) if not f[0]]
    pos = [d for f, d in zip(feats, decided, strict=True) if f[0]]
    return (
        f"declined {neg.count(False) / (len(neg) or 1):6.1%} ({neg.count(False)}/{len(neg)})  "
        f"wrongly declined {pos.count(False) / (len(pos) or 1):6.1%} "
        f"({pos.count(False)}/{len(pos)})"
    )


def calibrate(index, rows) -> None:
    from tutor.ask import ranker

    feats = features(index, rows)
    shipped = (ranker.MIN_COVERAGE, OLD_SCORE_SHARE)
    print(f"shipped   coverage {shipped[0]:.3f} share {shipped[1]:.2f}  "
          + _rates(feats, [_answers(f, *shipped) for f in feats]))  # fmt: skip
    no_slot = [f[1] >= shipped[0] and f[2] >= shipped[1] for f in feats]
    print("shipped, without the answer-slot check  " + _rates(feats, no_slot))
    c, s = _fit(feats)
    print(f"fitted    coverage {c:.3f} share {s:.2f}  "
          + _rates(feats, [_answers(f, c, s) for f in feats]))  # fmt: skip
    loo, chosen = [], []
    for i, f in enumerate(feats):
        ci, si = _fit(feats[:i] + feats[i + 1 :])
        chosen.append((ci, si))
        loo.append(_answers(f, ci, si))
    spread = sorted(set(chosen))
    print(f"leave-one-out ({len(spread)} distinct fits, e.g. {spread[:3]})  " + _rates(feats, loo))


SETS = ["questions.jsonl", "heldout.jsonl", "heldout-2.jsonl", "heldout-3.jsonl", "heldout-4.jsonl"]
# A teacher's own small bank (tests/data/engine_bank, as tests/ask/test_cli.py asks it): a rule that
# gets one of these wrong is not fitted, whatever the three sets prefer.
SMALL_BANK = ROOT / "tests" / "data" / "engine_bank"
SMALL = [
    ("which university does robert dover teach at?", True),
    ("what is the population of north korea?", False),
]
UNSEEN_COMMONS = [0.25, 0.5, 0.75, 1.0, 1.5]
MAX_WRONGLY = 0.10


def _pooled(bank, index):
    """{unseen_common: (answerable, coverage, share, filled) arrays}, and each row's set."""
    import numpy as np

    from tutor.ask import ranker

    rows, set_of = [], []
    for k, name in enumerate(SETS):
        got = load(DATA.parent / name, bank)
        rows += got
        set_of += [k] * len(got)
    from tutor.ask.index import build

    small = build(load_bank(SMALL_BANK))
    keep = ranker.UNSEEN_COMMON
    out = {}
    try:
        for u in UNSEEN_COMMONS:
            ranker.UNSEEN_COMMON = u
            f = features(index, rows)
            out[u] = tuple(np.array([x[i] for x in f]) for i in range(6))
            f = features(small, [{"question": q, "gold": ok} for q, ok in SMALL])
            out[u, "small"] = tuple(np.array([x[i] for x in f]) for i in range(6))
    finally:
        ranker.UNSEEN_COMMON = keep
    return out, np.array(set_of)


def calibrate_all(bank, index) -> None:
    """Fit (unseen_common, coverage, share) on all sets; leave-one-out per set."""
    import numpy as np

    feats, set_of = _pooled(bank, index)
    grid = [(u, c, s) for u in UNSEEN_COMMONS for c in COVERAGES for s in SHARES]
    n = len(set_of)
    decide = np.zeros((len(grid), n), dtype=bool)
    small_ok = np.zeros(len(grid), dtype=bool)
    for g, (u, c, s) in enumerate(grid):
        gold, cov, share, filled = feats[u][:4]
        decide[g] = (cov >= c) & (share >= s) & filled
        sgold, scov, sshare, sfilled = feats[u, "small"][:4]
        small_ok[g] = (((scov >= c) & (sshare >= s) & sfilled) == sgold.astype(bool)).all()
    gold = feats[UNSEEN_COMMONS[0]][0].astype(bool)
    right = decide == gold
    wrong_decl = (~decide) & gold  # answerable, declined
    n_sets = len(SETS)
    pos = np.array([(gold & (set_of == k)).sum() for k in range(n_sets)])
    wd = np.stack([wrong_decl[:, set_of == k].sum(axis=1) for k in range(n_sets)], axis=1)
    # Balanced: a declined unanswerable counts as much as all answerable questions over all
    # unanswerable ones, so that the few unanswerable questions are not outvoted by the others.
    weight = np.where(gold, 1.0, gold.sum() / max((~gold).sum(), 1))
    total = (right * weight).sum(axis=1)
    params = np.array(grid)
    scale = np.array([1.0, 0.5, 0.33])

    def fit(leave: int | None) -> int:
        t, w, p = total, wd, pos
        if leave is not None:
            t = total - right[:, leave] * weight[leave]
            w = wd.copy()
            w[:, set_of[leave]] -= wrong_decl[:, leave]
            p = pos.copy()
            p[set_of[leave]] -= gold[leave]
        ok = (w <= MAX_WRONGLY * p).all(axis=1) & small_ok
        score = np.where(ok, t, -1) if ok.any() else np.where(small_ok, t, -1)
        best = np.flatnonzero(score == score.max())
        mid = params[best].mean(axis=0)
        return int(best[np.argmin((((params[best] - mid) / scale) ** 2).sum(axis=1))])

    def rates(decided, k, g=None) -> str:
        m = set_of == k
        neg, pos_ = m & ~gold, m & gold
        u = grid[g][0] if g is not None else UNSEEN_COMMONS[-1]
        h1, h3 = feats[u][4].astype(bool), feats[u][5].astype(bool)
        return (
            f"hit@1 {(decided & h1)[pos_].mean():6.1%}  hit@3 {(decided & h3)[pos_].mean():6.1%}  "
            f"declined {(~decided[neg]).mean():6.1%} ({(~decided[neg]).sum()}/{neg.sum()})  "
            f"wrongly declined {(~decided[pos_]).mean():6.1%} ({(~decided[pos_]).sum()}/{pos_.sum()})"
        )

    g = fit(None)
    print(f"fitted on all sets: unseen_common {grid[g][0]} coverage {grid[g][1]:.3f} "
          f"share {grid[g][2]:.2f}")  # fmt: skip
    for k, name in enumerate(SETS):
        print(f"  {name:<18} fitted         " + rates(decide[g], k, g))
    chosen = [fit(i) for i in range(n)]
    loo = np.array([decide[chosen[i], i] for i in range(n)])
    spread = sorted({grid[c] for c in chosen})
    print(f"leave-one-out ({len(spread)} distinct fits, e.g. {spread[:4]})")
    for k, name in enumerate(SETS):
        print(f"  {name:<18} cross-validated " + rates(loo, k))


def _learned(index, rows) -> list[tuple[tuple[float, ...], bool, bool, bool]]:
    """For each question: (confidence.features of its best passage, answerable, first passage
    right, one of the first three right)."""
    from tutor.ask import confidence, ranker

    out = []
    for r in rows:
        q, hits = ranker.rank(index, r["question"], k=ranker.DECIDED_ON)
        gold = r["gold"] if isinstance(r["gold"], list) else []
        if not hits:
            out.append(((0.0,) * len(confidence.NAMES), bool(r["gold"]), False, False))
            continue
        x = ranker.decision_features(index, hits, r["question"], q)
        right = [overlaps(gold, *p[:3]) for p in _passages(index, hits)]
        out.append((x, bool(r["gold"]), any(right[:1]), any(right[:3])))
    return out


def logistic(x, y, l2: float = 1.0, extra=None):
    """(weights, bias) of a logistic regression of y on x, classes weighed equally, an L2
    penalty on the standardised weights; Newton's method (numpy only). A feature whose weight
    comes out against its sign in confidence.SIGNS (more of the question found lowering the
    probability) is left out and the rest fitted again, until none is."""
    import numpy as np

    from tutor.ask import confidence

    signs = np.array([confidence.SIGNS.get(n, 0) for n in confidence.NAMES])
    x = x.copy()
    extra = None if extra is None else (extra[0].copy(), extra[1])
    while True:
        w, b = _logistic(x, y, l2, extra)
        wrong = (signs * w < -1e-9) & (x != 0).any(axis=0)
        if not MONOTONE or not wrong.any():
            return w, b
        worst = int(np.argmin(np.where(wrong, signs * w, 0.0)))
        x[:, worst] = 0.0
        if extra is not None:
            extra[0][:, worst] = 0.0


MONOTONE = True  # --free: fit without confidence.SIGNS


def _logistic(x, y, l2: float = 1.0, extra=None):
    import numpy as np

    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    cw = np.where(y, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    if extra is not None:  # (x, y) that must come out right: weighed as EXTRA_WEIGHT questions
        x = np.vstack([x, extra[0]])
        y = np.concatenate([y, extra[1]])
        cw = np.concatenate([cw, np.full(len(extra[1]), EXTRA_WEIGHT)])
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    pen = np.full(z.shape[1], l2)
    pen[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        g = z.T @ (cw * (p - y)) + pen * w
        h = (z * (cw * p * (1 - p))[:, None]).T @ z + np.diag(pen)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = w[:-1] / sd
    return raw, float(w[-1] - (raw * mu).sum())


EXTRA_WEIGHT = 10.0
THRESHOLDS = (0.2, 0.22, 0.25, 0.27, 0.3, 0.32, 0.35, 0.4)  # --fit: the thresholds reported
RULE_NOW = False  # --rule-now: the two-threshold rule declines a question about the present
GATE = 5  # the feature that must be 1 for an answer: confidence.GATE, or --gate
SOFT = False  # --soft: the kind of answer asked for is one more feature, not a gate


def logistic_filled(x, y, l2: float = 1.0, extra=None):
    """`logistic` fitted on the questions whose best passage holds the kind of answer asked
    for (feature 5): the others are declined whatever the rest says."""
    if SOFT:
        return logistic(x, y, l2, extra)
    keep = x[:, GATE] > 0
    if extra is not None:
        ek = extra[0][:, GATE] > 0
        extra = (extra[0][ek], extra[1][ek])
    return logistic(x[keep], y[keep], l2, extra)


def test_cases():
    """(index, question, answers) the tests in tests/ask ask of small banks built there and of
    the bundled articles: a fit that gets one wrong breaks a test (the teacher's small bank)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from ask import test_rank as tr

    from tutor.ask.index import build
    from tutor.bank.model import Localized

    life = build(tr.bank(tr.q("life", "Where was the writer born?", "أين ولد الكاتب؟",
                              "في مدينة قازان")))  # fmt: skip
    said = Localized(
        ar="وُلد الكاتب في قازان، ثم عمل في مصنع للسيارات.",
        en="Born in Kazan, the writer later worked in a car factory.",
    )
    born = build(tr.bank(
        tr.q("work", "Where did the writer work?", "أين عمل الكاتب؟", "في مصنع للسيارات",
             explanation=said),
        tr.q("make", "What did the factory make?", "ماذا صنع المصنع؟", "في مصنع للسيارات",
             explanation=said, hint=Localized(ar="وُلد الكاتب قبل ذلك.", en="He was born first.")),
    ))  # fmt: skip
    bundled = build(load_bank())
    small = build(load_bank(SMALL_BANK))
    return [(small, q, ok) for q, ok in SMALL] + [
        (life, "في اي عام ولد الكاتب في مدينة قازان؟", True),
        (life, "كم ابنا أنجب الكاتب من الطبيبة التي تزوجها؟", True),
        (life, "امتى انولد الكاتب بمدينة قازان", True),
        (life, "قديش ابن انجب الكاتب من الطبيبه اللي تزوجها", True),
        (life, "وين درس الكاتب الهندسه", True),
        (life, "متى أقيم تمثال الكاتب في الساحة الكبرى؟", False),
        (life, "كم كان ثمن التمثال الذي أقيم في الساحة الكبرى؟", False),
        (life, "امتى انعمل تمثال الكاتب بالساحه الكبرى", False),
        (born, "where was the writer born?", True),
        (bundled, "ما هي عاصمة اليابان", False),
        (bundled, "[bold]who won the 1998 football world cup?[/bold]", False),
        (bundled, "what is the population of north korea?", False),
        (bundled, "how much did the aurus limousine cost?", False),
        (bundled, "how tall is the kim il sung statue", False),
        (bundled, "when did the soviet union collapse", True),
        (bundled, "كم بلغت التجارة بين الصين وروسيا؟", True),
        (bundled, "how many containers of ammunition did north korea send", True),
        (bundled, "من المتحدث باسم الكرملين الذي علق على المحادثات؟", True),
        # tests/ask/test_confidence.py
        (bundled, "what is the name of kim jong un's sister?", False),
        (bundled, "What is the name of Kim Jong Un's daughter?", False),
        (bundled, "what language is spoken in north korea?", False),
        (bundled, "شو اسم السفير الروسي ببيونغ يانغ", False),
        (bundled, "كيف سمى كيم الصراع اللي دخلته موسكو", True),
        # tests/ask/test_focus.py
        (bundled, "which university did andrei mortazin graduate from?", False),
        (bundled, "من أي جامعة تخرج أندريه مورتازين؟", False),
        (bundled, "how many north korean workers are in russia right now?", False),
        (bundled, "كم عامل كوري شمالي في روسيا حاليا؟", False),
        (bundled, "who is russia's defence minister now?", False),
        (bundled, "مين وزير الدفاع الروسي هلق؟", False),
        (bundled, "how many hours did the putin kim meeting last?", True),
        (bundled, "كم ساعة استمر لقاء بوتين وكيم؟", True),
        (bundled, "when did the treaty enter into force?", True),
        (bundled, "متى دخلت المعاهدة حيز التنفيذ؟", True),
        (bundled, "what did lavrov say about sanctions?", True),
        (bundled, "لماذا زار بوتين بيونغ يانغ؟", True),
    ]


def fit_learned(
    bank, index, l2: float, label: str, drop: tuple[str, ...] = (), with_tests: bool = True
) -> None:
    """The learned decision (tutor/ask/confidence.py) fitted on all sets, and leave-one-set-out:
    fitted on three sets, tested on the fourth; the two-threshold rule beside it, fitted the
    same way (balanced right decisions) on the same three sets."""
    import numpy as np

    from tutor.ask import confidence, ranker

    rows, set_of = [], []
    for k, name in enumerate(SETS):
        got = load(DATA.parent / name, bank)
        rows += got
        set_of += [k] * len(got)
    set_of = np.array(set_of)
    data = _learned(index, rows)
    x = np.array([d[0] for d in data])
    use = np.array([n not in drop for n in confidence.NAMES])
    use[confidence.NAMES.index("filled")] = True
    use[confidence.NAMES.index("encoded")] = False  # which fit decides, not a feature
    use[GATE] = True
    raw = x  # the old rule reads coverage and share whatever the fit leaves out
    x = np.where(use, x, 0.0)
    gold = np.array([d[1] for d in data])
    h1 = np.array([d[2] for d in data])
    h3 = np.array([d[3] for d in data])
    # what the decision is taught to answer: every answerable question, or only those the
    # ranking gets right in its first three
    y = gold & h3 if label == "right" else gold
    cases = test_cases()
    sx = np.array([_learned(ix, [{"question": q, "gold": ok}])[0][0] for ix, q, ok in cases])
    sx = np.where(use, sx, 0.0)
    sy = np.array([ok for _, _, ok in cases])
    extra = (sx, sy) if with_tests else None

    def decide(w, b, xs, lexical=False):
        t = confidence.LEXICAL_THRESHOLD if lexical else confidence.THRESHOLD
        z = xs @ w + b
        return (z >= np.log(t / (1 - t))) & ((xs[:, GATE] > 0) | SOFT)

    def rates(decided, m) -> str:
        neg, pos = m & ~gold, m & gold
        return (
            f"hit@1 {(decided & h1)[pos].mean():6.1%}  hit@3 {(decided & h3)[pos].mean():6.1%}  "
            f"declined {(~decided[neg]).mean():6.1%} ({(~decided[neg]).sum()}/{neg.sum()})  "
            f"wrongly declined {(~decided[pos]).mean():6.1%}"
        )

    cov, share, gated = raw[:, 0], raw[:, 1], raw[:, GATE].astype(bool)
    filled = raw[:, confidence.NAMES.index("filled")].astype(bool)

    asks_now = raw[:, confidence.NAMES.index("now")].astype(bool)

    def rule(c, s, m=None):
        """The two thresholds, behind the same gate as the learned decision (and, with
        RULE_NOW, never answering a question about the present)."""
        return (cov >= c) & (share >= s) & gated & ~(asks_now & RULE_NOW)

    def fit_rule(train):
        wt = np.where(y, 0.5 / y[train].mean(), 0.5 / (1 - y[train].mean()))
        best = max(
            ((c, s) for c in COVERAGES for s in SHARES),
            key=lambda cs: ((rule(*cs) == y) * wt)[train].sum(),
        )
        return best

    w, b = logistic_filled(x, y, l2, extra)
    print(f"learned, fitted on all sets (l2 {l2}, label {label}):")
    for name, wi in zip(confidence.NAMES, w, strict=True):
        print(f"    {name:<10} {wi:+.4f}")
    print(f"    bias       {b:+.4f}")
    print("    WEIGHTS = (" + ", ".join(f"{v:.4f}" for v in w) + f")\n    BIAS = {b:.4f}")
    wrong = [q for (_, q, _), ok in zip(cases, decide(w, b, sx) == sy, strict=True) if not ok]
    print(f"    the tests' questions decided wrongly: {wrong}")
    shipped = (cov >= ranker.MIN_COVERAGE) & (share >= OLD_SCORE_SHARE) & filled
    lexical = not x[:, confidence.NAMES.index("encoded")].any()  # --no-dense: the lexical fit
    now = (
        decide(np.array(confidence.LEXICAL_WEIGHTS), confidence.LEXICAL_BIAS, x, lexical)
        if lexical
        else decide(np.array(confidence.WEIGHTS), confidence.BIAS, x)
    )
    allrows = np.ones(len(gold), dtype=bool)
    for k, name in [*enumerate(SETS), (None, "all")]:
        m = allrows if k is None else set_of == k
        print(f"  {name}")
        print("    old rule (0.30, 0.60)      " + rates(shipped, m))
        print("    shipped weights            " + rates(now, m))
        print("    learned, fitted on all     " + rates(decide(w, b, x), m))
        if k is None:
            print("    ranking alone              " + rates(np.ones(len(gold), dtype=bool), m))
            continue
        wk, bk = logistic_filled(x[~m], y[~m], l2, extra)
        print("    learned, set left out      " + rates(decide(wk, bk, x), m))
        ck = fit_rule(~m)
        print(f"    rule {ck}, set left out " + rates(rule(*ck), m))
        print("    ranking alone              " + rates(np.ones(len(gold), dtype=bool), m))
    loso = np.zeros(len(gold), dtype=bool)
    loso_rule = np.zeros(len(gold), dtype=bool)
    for k in range(len(SETS)):
        m = set_of == k
        wk, bk = logistic_filled(x[~m], y[~m], l2, extra)
        loso[m] = decide(wk, bk, x)[m]
        loso_rule[m] = rule(*fit_rule(~m))[m]
    print("  all, leave-one-set-out: learned " + rates(loso, allrows))
    zs = np.zeros(len(gold))
    for k in range(len(SETS)):
        m = set_of == k
        wk, bk = logistic_filled(x[~m], y[~m], l2, extra)
        zs[m] = np.where((x[:, GATE] > 0) | SOFT, x @ wk + bk, -99)[m]
    for t in (*THRESHOLDS, 0.45, 0.5, 0.6, 0.7):
        lt = np.log(t / (1 - t))
        print(f"    leave-one-set-out at p >= {t}: " + rates(zs >= lt, allrows))
    print("  all, leave-one-set-out: rule    " + rates(loso_rule, allrows))
    # the threshold chosen without the left-out set as well: for each set, the one of THRESHOLDS
    # best (hit@3 + declined) leave-one-set-out over the other four
    nested, chosen = np.zeros(len(gold), dtype=bool), []
    for k in range(len(SETS)):
        out = set_of == k
        inner = np.zeros(len(gold))
        for j in set(range(len(SETS))) - {k}:
            m = set_of == j
            wj, bj = logistic_filled(x[~out & ~m], y[~out & ~m], l2, extra)
            inner[m] = np.where((x[:, GATE] > 0) | SOFT, x @ wj + bj, -99)[m]

        def both(t, inner=inner, out=out):
            d = inner >= np.log(t / (1 - t))
            return (d & h3)[~out & gold].mean() + (~d)[~out & ~gold].mean()

        t = max(THRESHOLDS, key=both)
        chosen.append(t)
        nested[out] = (zs >= np.log(t / (1 - t)))[out]
    print(f"  all, threshold chosen within (p >= {chosen}): " + rates(nested, allrows))
    # one figure to compare features by: unanswerable declined when the threshold lets at most
    # 10 % of the answerable ones be declined, leave-one-set-out
    for cap in (0.05, 0.10, 0.15):
        if (zs[gold] <= -99).mean() > cap:
            print(
                f"    leave-one-set-out, wrongly declined <= {cap:.0%}: the gate alone declines more"
            )
            continue
        best = max((t for t in np.unique(zs) if (zs[gold] < t).mean() <= cap), default=-99.0)
        print(
            f"    leave-one-set-out, wrongly declined <= {cap:.0%}: " + rates(zs >= best, allrows)
        )


def build_small():
    from tutor.ask.index import build

    return build(load_bank(SMALL_BANK))


def _gold_terms(index, gold) -> set[str]:
    """The terms of every sentence window that overlaps a labelled span."""
    out: set[str] = set()
    for i, s in enumerate(index.sentences):
        if overlaps(gold, s.article, s.start, s.end):
            out |= index.sentence_terms[i]
    return out


def bridge_gaps(index, rows) -> None:
    """English words of the English questions ranking alone gets wrong (not first) that have no
    Arabic counterpart: no glossary phrase and no lexicon sense. (A word the bank's English
    prompts hold still reaches its questions' evidence; it is counted apart.)"""
    from collections import Counter

    from tutor.ask import ranker

    missing: Counter[str] = Counter()
    tie_only: Counter[str] = Counter()
    astray: Counter[str] = Counter()  # has Arabic senses, none of them in the answer
    n_miss = n_words = 0
    for r in rows:
        if r["lang"] != "en" or not r["gold"]:
            continue
        q, hits = ranker.rank(index, r["question"], k=9)
        got = _passages(index, hits)
        if got and overlaps(r["gold"], *got[0][:3]):
            continue
        n_miss += 1
        gold_terms = _gold_terms(index, r["gold"])
        for t in q.terms:
            if not t.isascii() or t.isdigit():
                continue
            n_words += 1
            if t in q.arabic:
                if not any(a in gold_terms for a, _ in q.arabic[t]):
                    astray[t] += 1
                continue
            (tie_only if t in index.question_idf else missing)[t] += 1
    print(
        f"{n_miss} English misses, {n_words} English words: {sum(missing.values())} with no "
        f"Arabic counterpart and in no bank question, {sum(tie_only.values())} only in bank "
        f"questions' English"
    )
    print(
        f"  {sum(astray.values())} with Arabic senses none of which the answer's passage holds: "
        + ", ".join(f"{w} {c}" for w, c in astray.most_common(40))
    )
    print("  none: " + ", ".join(f"{w} {c}" for w, c in missing.most_common(40)))
    print("  bank questions only: " + ", ".join(f"{w} {c}" for w, c in tie_only.most_common(40)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=str(DATA))
    ap.add_argument("--stemmer", default=None, choices=sorted(analyze.STEMMERS))
    ap.add_argument("--rooter", default=None, choices=sorted(analyze.ROOTERS))
    ap.add_argument("--root-weight", type=float, default=None, help="ranker.ROOT_WEIGHT")
    ap.add_argument("--dense-weight", type=float, default=None, help="dense.WEIGHT (0: off)")
    ap.add_argument("--no-dense", action="store_true", help="no sentence encoder at all")
    ap.add_argument("--sentence-weight", type=float, default=None, help="ranker.SENTENCE_WEIGHT")
    ap.add_argument(
        "--no-root-coverage", action="store_true", help="roots rank, but count for no coverage"
    )
    ap.add_argument(
        "--bridge", action="store_true", help="English words of the misses with no Arabic"
    )
    ap.add_argument("--detail", action="store_true", help="list every miss")
    ap.add_argument("--baseline", action="store_true", help="also score the fuzzy baseline")
    ap.add_argument(
        "--calibrate", action="store_true", help="fit the decline thresholds, leave-one-out"
    )
    ap.add_argument(
        "--calibrate-all",
        action="store_true",
        help="fit the decline rule on all four sets, leave-one-out per set",
    )
    ap.add_argument(
        "--fit", action="store_true", help="fit the learned decision, leave-one-set-out"
    )
    ap.add_argument("--free", action="store_true", help="--fit: weights of any sign")
    ap.add_argument("--threshold", type=float, default=None, help="confidence.THRESHOLD")
    ap.add_argument("--rule-now", action="store_true", help="--fit: the rule declines 'now'")
    ap.add_argument("--gate", default=None, help="--fit: the feature that gates an answer")
    ap.add_argument("--soft", action="store_true", help="--fit: 'filled' a feature, no gate")
    ap.add_argument("--drop", default="", help="--fit: features left out, comma-separated")
    ap.add_argument("--l2", type=float, default=1.0, help="--fit: L2 penalty")
    ap.add_argument("--label", default="answerable", choices=["answerable", "right"])
    args = ap.parse_args()
    if args.stemmer:
        analyze.stemmer_name = args.stemmer
    if args.rooter:
        analyze.rooter_name = args.rooter
    if args.root_weight is not None:
        from tutor.ask import ranker as _ranker

        _ranker.ROOT_WEIGHT = args.root_weight
    if args.dense_weight is not None:
        from tutor.ask import dense

        dense.WEIGHT = args.dense_weight
    if args.no_dense:
        from tutor.ask import dense

        dense.ENABLED = False
    if args.sentence_weight is not None:
        from tutor.ask import ranker as _ranker

        _ranker.SENTENCE_WEIGHT = args.sentence_weight
    if args.no_root_coverage:
        from tutor.ask import ranker as _ranker

        _ranker.ROOT_COVERAGE = False
    from tutor.ask import search
    from tutor.ask.index import build

    bank = load_bank()
    rows = load(Path(args.set), bank)
    index = build(bank)

    def ours(question: str):
        r = search(index, question, k=3)
        if not r.answered:
            return None
        return [(p.article, p.start, p.end, p.sentence_start, p.sentence_end) for p in r.passages]

    from tutor.ask import ranker

    def ranked_only(question: str):  # the same passages, never declining: ranking alone
        _, hits = ranker.rank(index, question, k=9)
        out = []
        for h in hits:
            s = index.sentences[h.sentence]
            a, b = ranker.passage_bounds(index, h.sentence)
            if not any(x[0] == s.article and x[1] < b and a < x[2] for x in out):
                out.append((s.article, a, b, s.start, s.end))
        return out[:3] or None

    n_ar = sum(r["lang"] == "ar" for r in rows)
    print(
        f"{len(rows)} questions ({n_ar} Arabic, {len(rows) - n_ar} English), "
        f"{sum(not r['gold'] for r in rows)} unanswerable; stemmer {analyze.stemmer_name}, "
        f"roots {analyze.rooter_name} weighted {ranker.ROOT_WEIGHT}"
    )
    res, misses = score(rows, ours)
    print(report("tutor ask", res))
    for lang in ("ar", "en"):
        sub, _ = score([r for r in rows if r["lang"] == lang], ours)
        print(report(f"  {lang} only", sub))
    print(report("  ranking alone (no decline)", score(rows, ranked_only)[0]))
    if args.calibrate:
        calibrate(index, rows)
    if args.calibrate_all:
        calibrate_all(bank, index)
    if args.fit:
        global SOFT, GATE, MONOTONE, RULE_NOW
        SOFT = args.soft
        RULE_NOW = args.rule_now
        MONOTONE = not args.free
        from tutor.ask import confidence as _confidence

        GATE = _confidence.NAMES.index(args.gate or _confidence.GATE)
        if args.threshold is not None:
            _confidence.THRESHOLD = args.threshold
        fit_learned(
            bank, index, args.l2, args.label, tuple(args.drop.split(",")) if args.drop else ()
        )
    if args.bridge:
        bridge_gaps(index, rows)
    if args.detail:
        for m in misses:
            print("  ", *m)
    if args.baseline:
        for name, scorer in (("WRatio", fuzz.WRatio), ("token_set", fuzz.token_set_ratio)):
            for cutoff in (0, 30, 40, 50, 60, 70):
                b, _ = score(rows, fuzzy_baseline(bank, cutoff, scorer))
                print(report(f"fuzzy {name}, cut-off {cutoff}", b))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
