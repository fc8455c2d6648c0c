"""Simulate a class taking a drill, in the drill results format (tutor-drill-results/1): one
JSON Lines file per student, graded by the real grader, for `tutor report`'s tests and demo.

Each student has an ability, each question a difficulty (from the bank's 1-3); a student who
misses gives a realistic wrong answer: a form the bank lists in `reject`, another question's
answer of the same type, a figure or year off by a little, a distractor, a list with items
missing, "I don't know", or nothing in time. Two attempts; some students use a hint; a teacher
accepts one answer (a `regraded_by` line); one answer comes in late.

    python tests/bench/make_class.py OUT_DIR [--students 30] [--questions 12] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tutor.bank import Bank, load_bank
from tutor.bank.model import Localized, PartialDate, Question
from tutor.drill.results import ResultRow, ResultsFile, file_name
from tutor.engine.options import item_order, option_order
from tutor.grading import grade

NAMES = [
    "Ali", "Fatima", "Omar", "Layla", "Youssef", "Mariam", "Hassan", "Nour", "Khalid", "Sara",
    "Ahmed", "Huda", "Karim", "Rania", "Tariq", "Dina", "Samir", "Aisha", "Bilal", "Yasmin",
    "Ziad", "Lina", "Hamza", "Salma", "Majid", "Reem", "Nabil", "Hiba", "Fadi", "Noor",
    "علي", "فاطمة", "عمر", "ليلى",
]  # fmt: skip
TITLE = "Week 3: the class drill"


def _typo(s: str, rng: random.Random) -> str:
    if len(s) < 5:
        return s
    i = rng.randrange(1, len(s) - 1)
    return s[:i] + s[i + 1 :]


def wrong_answer(q: Question, bank: Bank, rng: random.Random, lang: str) -> str:
    """An answer a real student might give that is not right."""
    a = q.answer
    pool: list[str] = list(q.reject)
    if q.type in ("number", "year") and isinstance(a, int | float):
        pool += [str(int(a) + d) for d in (-2, -1, 1, 10) if int(a) + d > 0]
    if q.type == "date" and isinstance(a, PartialDate):
        pool += [f"{a.year}-{(a.month % 12) + 1:02d}", f"{a.year - 1}-{a.month:02d}"]
    if q.type == "text":
        same = [o for o in bank.questions if o.type == "text" and o.id != q.id]
        other = rng.choice(same).answer
        assert isinstance(other, Localized)
        pool.append(other.get(lang))
    if q.type == "choice":
        return rng.choice([c.get(lang) for i, c in enumerate(q.choices) if i != a])
    if q.type == "bool":
        return ("خطأ" if a else "صح") if lang == "ar" else ("false" if a else "true")
    if q.type == "list" and isinstance(a, tuple):
        keep = rng.sample(list(a), max(1, len(a) - 1 - rng.randrange(2)))
        sep = "، " if lang == "ar" else ", "
        return sep.join(i.get(lang) for i in keep)
    if q.type == "order" and isinstance(a, tuple):
        items = [i.get(lang) for i in a]
        rng.shuffle(items)
        return ", ".join(items)
    if rng.random() < 0.1 or not pool:
        return "لا أعرف" if lang == "ar" else "I don't know"
    wrong = rng.choice(pool)
    return _typo(wrong, rng) if q.type == "text" and rng.random() < 0.3 else wrong


def right_answer(q: Question, rng: random.Random, lang: str) -> str:
    """The answer as a student types it: sometimes another accepted form, or with a slip."""
    forms = [q.answer_text(lang)]
    if q.type == "text":
        forms += list(q.accept)
    s = rng.choice(forms)
    return _typo(s, rng) if q.type == "text" and rng.random() < 0.2 else s


def make_class(
    bank: Bank, out: Path, students: int = 30, questions: int = 12, seed: int = 7
) -> list[Path]:
    rng = random.Random(seed)
    pool = [q for q in bank.questions if q.prompt is not None]
    chosen = rng.sample(pool, min(questions, len(pool)))
    digest = "sha256:" + hashlib.sha256(f"{TITLE}{seed}".encode()).hexdigest()[:16]
    start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    paths = []
    for n in range(students):
        name = NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else str(n))
        ability = rng.gauss(-0.3, 1.2)
        lang = "ar" if rng.random() < 0.5 else "en"
        speed = rng.uniform(0.7, 1.6)
        path = out / file_name(TITLE, digest, name)
        f = ResultsFile(path)
        clock = start + timedelta(seconds=rng.uniform(0, 60))
        try:
            for q in chosen:
                difficulty = (q.difficulty or 2) - 2.0
                p_right = 1 / (1 + math.exp(-(ability - difficulty * 1.2)))
                shown = ()
                if q.type == "choice":
                    shown = option_order(q.id, len(q.choices), seed)
                elif q.type == "order" and isinstance(q.answer, tuple):
                    shown = item_order(q.id, len(q.answer), seed)
                choices = tuple(q.choices[i].get(lang) for i in shown) if q.type == "choice" else ()
                hints = 0
                for attempt in (1, 2):
                    seconds = round(rng.lognormvariate(math.log(25 * speed), 0.5), 1)
                    clock += timedelta(seconds=seconds)
                    if rng.random() < 0.03:
                        row_answer, verdict, score = "", "timeout", 0.0
                    else:
                        right = rng.random() < p_right + (0.1 if attempt == 2 else 0)
                        if right:
                            row_answer = right_answer(q, rng, lang)
                        else:
                            row_answer = wrong_answer(q, bank, rng, lang)
                        v = grade(q, row_answer, bank=bank, shown=shown or None)
                        verdict, score = v.verdict, v.score
                    row = ResultRow(
                        drill=TITLE, drill_digest=digest, student=name, id=q.id,
                        answer=row_answer, verdict=verdict, score=score, seconds=seconds,
                        attempt=attempt, hints=hints, at=clock.isoformat().replace("+00:00", "Z"),
                        shown=shown, choices=choices,
                    )  # fmt: skip
                    f.append(row)
                    if verdict == "correct" or attempt == 2:
                        break
                    if rng.random() < 0.4:
                        hints = 1
            paths.append(path)
        finally:
            f.close()
    _teacher_and_late(out, digest, paths, rng)
    return paths


def _teacher_and_late(out: Path, digest: str, paths: list[Path], rng: random.Random) -> None:
    """A teacher accepts one wrong answer (a new line with regraded_by), one answer is late."""
    from tutor.drill.results import read_rows

    rows = [r for p in paths for r in read_rows(p)]
    wrong = [r for r in rows if r.verdict == "incorrect" and r.answer]
    if wrong:
        r = rng.choice(wrong)
        accepted = ResultRow(**{**r.__dict__, "verdict": "correct", "score": 1.0,
                                "regraded_by": "teacher"})  # fmt: skip
        f = ResultsFile(out / file_name(TITLE, digest, r.student))
        f.append(accepted)
        f.close()
    right = [r for r in rows if r.verdict == "correct" and r.regraded_by is None]
    if right:
        r = rng.choice(right)
        late = ResultRow(**{**r.__dict__, "score": 0.0, "late": True, "attempt": r.attempt + 1})
        f = ResultsFile(out / file_name(TITLE, digest, r.student))
        f.append(late)
        f.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path)
    p.add_argument("--students", type=int, default=30)
    p.add_argument("--questions", type=int, default=12)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--bank", default=None)
    a = p.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    paths = make_class(load_bank(a.bank), a.out, a.students, a.questions, a.seed)
    print(f"{len(paths)} results files in {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
