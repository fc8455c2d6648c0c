"""Accuracy of the grader on the labelled set, next to two baselines, per category.

    .venv/bin/python tests/bench/eval_grader.py [--misses]

Baselines (issue 3): exact match after case folding against any expected form, and rapidfuzz
`WRatio >= 85` on the raw strings. A false accept is a wrong answer graded right (or partial); a
false reject is a right answer graded wrong. Partial answers count as right when graded partial.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from tutor.bank import load_bank  # noqa: E402
from tutor.bank.model import Localized, PartialDate, Question  # noqa: E402
from tutor.grading import grade  # noqa: E402

SETS = sorted((ROOT / "tests" / "data").glob("labelled*.jsonl"))


def expected(q: Question) -> list[str]:
    a = q.answer
    if isinstance(a, Localized):
        return [*a.forms(), *q.accept]
    if q.type == "list":
        return [", ".join(i.get(lang) for i in a) for lang in ("en", "ar")]  # type: ignore[union-attr]
    if q.type == "choice":
        return [*q.choices[a].forms(), *q.accept]  # type: ignore[index]
    if isinstance(a, PartialDate):
        return [str(a), *q.accept]
    if q.type == "bool":
        return ["yes", "true", "نعم", "صح"] if a else ["no", "false", "لا", "خطأ"]
    return [str(a), *q.accept]


def exact(q: Question, answer: str) -> str:
    ok = answer.strip().casefold() in {e.strip().casefold() for e in expected(q)}
    return "correct" if ok else "incorrect"


def wratio(q: Question, answer: str) -> str:
    ok = any(fuzz.WRatio(answer, e) >= 85 for e in expected(q))
    return "correct" if ok else "incorrect"


def shown_order(q: Question, row: dict) -> list[int] | None:
    """The row's `choices` (option texts in the order the learner saw them) as indexes."""
    texts = row.get("choices")
    if not texts:
        return None
    index = {t: i for i, c in enumerate(q.choices) for t in (c.ar, c.en) if t}
    return [index[t] for t in texts]


def _still_asked(bank, row: dict) -> bool:
    q = bank.get(row["id"])
    if q is None:
        return False
    try:
        shown_order(q, row)
    except KeyError:
        return False
    return True


# What decides a verdict: a row written against an older bank is left out when any of these
# changed for its question since (its prompt too: the question may now ask something else).
GRADED = ("type", "answer", "prompt", "accept", "reject", "tolerance", "unit", "need", "choices",
          "dates")  # fmt: skip


def unchanged(bank, then, row: dict) -> bool:
    q, old = bank.get(row["id"]), then.get(row["id"])
    return (
        q is not None and old is not None and all(getattr(q, f) == getattr(old, f) for f in GRADED)
    )


def ours(bank):
    return lambda q, answer, shown=None: grade(q, answer, bank=bank, shown=shown).verdict


def right(label: str, verdict: str) -> bool:
    return verdict == label


def evaluate(rows: list[dict], bank, graders: dict) -> dict:
    stats: dict = {name: defaultdict(lambda: [0, 0, 0, 0, 0]) for name in graders}
    # per category: n, right, false accepts, wrong labelled answers, false rejects (of right ones)
    misses: list[tuple[str, dict, str]] = []
    for r in rows:
        q = bank.get(r["id"])
        for name, g in graders.items():
            v = g(q, r["answer"], shown_order(q, r)) if name == "tutor" else g(q, r["answer"])
            for key in (r["category"], "ALL"):
                s = stats[name][key]
                s[0] += 1
                s[1] += right(r["label"], v)
                if r["label"] == "incorrect":
                    s[3] += 1
                    s[2] += v != "incorrect"
                else:
                    s[4] += v == "incorrect"
            if name == "tutor" and not right(r["label"], v):
                misses.append((name, r, v))
    return {"stats": stats, "misses": misses}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    –"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", action="store_true", help="list the answers the grader got wrong")
    ap.add_argument(
        "--set", type=Path, action="append",
        help="evaluate these files instead, e.g. tests/data/blind/*.jsonl: answers labelled before "
        "the grader ever saw them, kept out of the test suite so that they stay a fair measure",
    )  # fmt: skip
    ap.add_argument(
        "--written-against", type=Path, metavar="DIR",
        help="the bank (a folder with questions/ and seeds/) the set was written against: rows "
        "whose question has since changed in what decides its verdict are left out",
    )  # fmt: skip
    args = ap.parse_args()
    bank = load_bank()
    sets = args.set or SETS
    rows = [json.loads(x) for f in sets for x in f.read_text(encoding="utf-8").splitlines() if x]
    usable = [r for r in rows if _still_asked(bank, r)]
    if args.written_against:
        then = load_bank(args.written_against)
        usable = [r for r in usable if unchanged(bank, then, r)]
    if len(usable) < len(rows):
        print(f"{len(rows) - len(usable)} rows left out: their question left the bank, or "
              "changed since the set was written\n")  # fmt: skip
    rows = usable
    graders = {"tutor": ours(bank), "exact": exact, "WRatio≥85": wratio}
    res = evaluate(rows, bank, graders)
    stats = res["stats"]
    cats = [*sorted({r["category"] for r in rows}), "ALL"]
    print(f"{len(rows)} labelled answers, {sum(r['label'] == 'incorrect' for r in rows)} wrong\n")
    head = f"{'category':34} {'n':>4} " + " ".join(f"{g + ' acc':>15}" for g in graders)
    print(head)
    for c in cats:
        n = stats["tutor"][c][0]
        accs = " ".join(f"{pct(stats[g][c][1], n):>15}" for g in graders)
        print(f"{c:34} {n:>4} {accs}")
    print()
    for g in graders:
        s = stats[g]["ALL"]
        rights = s[0] - s[3]
        print(f"{g:10} accuracy {pct(s[1], s[0])}  false accepts {pct(s[2], s[3])} "
              f"({s[2]}/{s[3]})  false rejects {pct(s[4], rights)} ({s[4]}/{rights})")  # fmt: skip
    if args.misses:
        print()
        for _, r, v in res["misses"]:
            print(f"{r['id']:28} {r['label']:9} got {v:9} [{r['category']}] {r['answer'][:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
