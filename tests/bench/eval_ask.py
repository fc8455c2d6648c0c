"""Scores `tutor ask` on the labelled learner questions in tests/data/ask/questions.jsonl.

Run on demand, never in CI:  .venv/bin/python tests/bench/eval_ask.py [--stemmer NAME] [--detail]

The set (written before the ranker, paraphrased, some with typos): one JSON object a line,
{"id", "lang": "ar"|"en", "question", "answer": [{"article": ID, "span": VERBATIM TEXT}, ...]}
with "answer" null for a question the articles do not answer; a span may be given for each
article that answers it.

hit@1 / hit@3: an answerable question whose first (first three) returned passage(s) overlap a
labelled span; "sentence" counts the matched sentence alone, "passage" the sentence with its
neighbours as shown. declined: the share of unanswerable questions answered with nothing; wrongly
declined: the share of answerable ones. The baseline ranks sentences by rapidfuzz WRatio on the
grader's normalised text and declines below a cut-off (several cut-offs are shown).
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=str(DATA))
    ap.add_argument("--stemmer", default=None, choices=sorted(analyze.STEMMERS))
    ap.add_argument("--detail", action="store_true", help="list every miss")
    ap.add_argument("--baseline", action="store_true", help="also score the fuzzy baseline")
    args = ap.parse_args()
    if args.stemmer:
        analyze.stemmer_name = args.stemmer
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
        f"{sum(not r['gold'] for r in rows)} unanswerable; stemmer {analyze.stemmer_name}"
    )
    res, misses = score(rows, ours)
    print(report("tutor ask", res))
    for lang in ("ar", "en"):
        sub, _ = score([r for r in rows if r["lang"] == lang], ours)
        print(report(f"  {lang} only", sub))
    print(report("  ranking alone (no decline)", score(rows, ranked_only)[0]))
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
