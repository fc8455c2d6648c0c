"""Does a change to the grader's speed change any verdict? Grades one large, varied input with two
checkouts of tutor, whole process (`tutor grade`), and diffs the output line by line.

    .venv/bin/python tests/bench/verdict_identity.py --before DIR [--after DIR] [--count 60000]

DIR is a folder holding a `tutor` package (say `git archive main | tar -x -C /tmp/base`); --after
defaults to this checkout. The input: distinct answers from make_answers.py (--count of them, two
seeds), every labelled and blind set in tests/data/, those answers again in another case and with
the choice options shown in a shuffled order, long answers (up to and past 2,000 characters) made
of other answers, and lines that are errors (unknown ids, no answer, not JSON). Each is graded with
`--lang en` and `--lang ar`, as JSON Lines and (a part) as CSV; stdout, stderr and the exit status
are compared. Prints the first differences (verdict, score, reason) and a count; exits 1 if any.
Not a test: run on demand, before merging a change meant to be pure speed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

SETS = sorted((ROOT / "tests" / "data").glob("labelled*.jsonl")) + sorted(
    (ROOT / "tests" / "data" / "blind").glob("*.jsonl")
)


def rows(count: int, seed: int) -> list[dict]:
    from make_answers import answers

    from tutor.bank import load_bank

    bank = load_bank()
    rng = random.Random(seed)
    out: list[dict] = []
    for s in (seed, seed + 1):
        out += list(answers(count // 2, s))
    labelled = []
    for f in SETS:
        for line in f.read_text("utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                labelled.append({"id": r["id"], "answer": r["answer"]})
    out += labelled
    for r in labelled:  # the same answers dressed otherwise
        a = r["answer"]
        out.append(
            {"id": r["id"], "answer": rng.choice([a.upper(), a.title(), f"  {a}  ", a + "!"])}
        )
    by_id = {q.id: q for q in bank.questions}
    for r in labelled:  # choice questions with the options as a learner saw them, shuffled
        q = by_id.get(r["id"])
        if q is not None and q.type == "choice":
            opts = [c.get(rng.choice(["en", "ar"])) for c in q.choices]
            rng.shuffle(opts)
            out.append({"id": r["id"], "answer": r["answer"], "choices": opts})
            out.append({"id": r["id"], "answer": rng.choice("abcd1234أبجد"), "choices": opts})
    pool = [r["answer"] for r in out[:5000]] or ["x"]
    qids = list(by_id)
    for i in range(3000):  # long answers: paragraphs, pastes, past the length cap
        size = rng.choice([100, 300, 600, 1000, 1500, 1999, 2000, 2001, 3000])
        text = f"{i} "
        while len(text) < size:
            text += rng.choice(pool) + rng.choice([" ", ", ", " و", " and ", ". ", " not "])
        out.append({"id": rng.choice(qids), "answer": text[:size]})
    for i in range(200):  # lines that are errors, between the rest
        out.append(rng.choice([
            {"id": f"nope-{i}", "answer": "x"}, {"id": rng.choice(qids)},
            {"id": rng.choice(qids).upper(), "answer": "y"}, {"id": rng.choice(qids), "answer": i},
            {"id": rng.choice(qids), "answer": ["a list"]},
            {"id": rng.choice(qids), "answer": "a", "choices": ["not an option"]},
        ]))  # fmt: skip
    rng.shuffle(out)
    return out


def write_inputs(
    work: Path, count: int, seed: int, *, reuse: bool = False
) -> list[tuple[Path, list[str]]]:
    """The input files and the extra arguments each is graded with."""
    jl, ar, cs = work / "answers.jsonl", work / "answers-ar.jsonl", work / "answers.csv"
    out = [(jl, []), (ar, ["--lang", "ar"]), (cs, [])]
    if reuse and all(f.exists() for f, _ in out):
        return out
    data = rows(count, seed)
    with jl.open("w", encoding="utf-8") as f:
        for i, r in enumerate(data):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
            if i % 5000 == 2500:
                f.write("this line is not JSON\n\n")
    # the reasons in Arabic, on a third of the lines
    ar.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data[::3]), "utf-8")
    # CSV, on a fifth of the lines
    with cs.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "answer", "choices", "n"])
        for n, r in enumerate(data[::5]):
            ch = r.get("choices")
            w.writerow([r.get("id"), r.get("answer"), "|".join(ch) if isinstance(ch, list) else "",
                        n])  # fmt: skip
    return out


def run(
    source: Path, f: Path, extra: list[str], work: Path, tag: str, *, reuse: bool = False
) -> tuple[Path, int, float]:
    env = dict(os.environ, PYTHONPATH=str(source.resolve()), TUTOR_HOME=str(work / f"home-{tag}"))
    out = work / f"{f.name}.{tag}.out"
    err = out.with_suffix(".err")
    rcf = out.with_suffix(".rc")
    if reuse and rcf.exists():
        return out, int(rcf.read_text()), 0.0
    t = time.perf_counter()
    with out.open("wb") as o, err.open("wb") as e:
        # run from `work`: `python -m` puts the current folder first on the path, and a tutor
        # package there (this checkout's) would win over PYTHONPATH
        rc = subprocess.run([sys.executable, "-m", "tutor", "grade", *extra, str(f)], stdout=o,
                            stderr=e, env=env, check=False, cwd=work).returncode  # fmt: skip
    rcf.write_text(str(rc))
    return out, rc, time.perf_counter() - t


def verdicts(path: Path, is_csv: bool) -> list[tuple]:
    if is_csv:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return [(r.get("verdict"), r.get("score"), r.get("reason"), r.get("answer"), r.get("id"))
                    for r in csv.DictReader(f)]  # fmt: skip
    out = []
    for line in path.read_text("utf-8").splitlines():
        r = json.loads(line)
        out.append(
            (r.get("verdict"), r.get("score"), r.get("reason"), r.get("answer"), r.get("id"))
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, default=ROOT)
    ap.add_argument("--count", type=int, default=60_000, help="distinct generated answers")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=None, help="keep inputs and outputs here")
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--reuse", action="store_true",
                    help="with --work: keep the inputs and the before outputs already there")  # fmt: skip
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        inputs = write_inputs(work, args.count, args.seed, reuse=args.reuse)
        total = 0
        for f, extra in inputs:
            b, brc, bt = run(args.before, f, extra, work, "before", reuse=args.reuse)
            a, arc, at = run(args.after, f, extra, work, "after")
            assert work.resolve() not in (args.before.resolve(), args.after.resolve())
            is_csv = f.suffix == ".csv"
            vb, va = verdicts(b, is_csv), verdicts(a, is_csv)
            diffs = [(i, x, y) for i, (x, y) in enumerate(zip(vb, va, strict=False), 1) if x != y]
            same_bytes = b.read_bytes() == a.read_bytes()
            errs_same = b.with_suffix(".err").read_bytes() == a.with_suffix(".err").read_bytes()
            print(f"{f.name} {' '.join(extra)}: {len(vb):,} lines before, {len(va):,} after; "
                  f"{len(diffs)} differing; output bytes {'identical' if same_bytes else 'DIFFER'}; "
                  f"stderr {'identical' if errs_same else 'DIFFERS'}; exit {brc} / {arc}; "
                  f"{bt:.1f} s / {at:.1f} s wall")  # fmt: skip
            for i, x, y in diffs[: args.show]:
                print(f"  line {i}: {x[4]!r} {x[3]!r}\n    before {x[:3]}\n    after  {y[:3]}")
            problems = len(diffs) + (len(vb) != len(va)) + (not same_bytes) + (not errs_same)
            total += problems + (brc != arc)
        print("no differences" if total == 0 else f"{total} difference(s)")
        return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
