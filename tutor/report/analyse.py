"""From a class's results rows to what a teacher reads: the class at a glance, each question
(facility, discrimination, time, the wrong answers grouped), each student, what to review.

Which line counts follows docs/drills.md: the last line for a (student, question, attempt), and
for a question the last attempt's; a late answer scores 0. No I/O, no printing.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tutor.bank.model import Bank, Question
from tutor.drill.results import ResultRow
from tutor.report.clusters import Cluster, cluster_answers

UPPER_LOWER = 0.27  # Kelley's upper and lower groups for the discrimination index
HELP_BELOW = 0.5  # a score under this, or 1 SD under the class mean: may need help
RELIABLE_FROM = 30  # students; fewer make the discrimination index a rough sign only


@dataclass
class Answered:
    """One student's work on one question: every attempt as it counts, and the final one."""

    student: str
    qid: str
    attempts: list[ResultRow]  # the row that counts for each attempt, in attempt order

    @property
    def final(self) -> ResultRow:
        return self.attempts[-1]

    @property
    def score(self) -> float:
        return 0.0 if self.final.late else float(self.final.score)

    @property
    def seconds(self) -> float:
        return sum(float(r.seconds) for r in self.attempts)


@dataclass
class QuestionStats:
    qid: str
    question: Question | None
    answered: int
    facility: float  # mean score, 0-1
    discrimination: float | None  # upper minus lower group facility, -1..1
    mean_seconds: float
    partial: int
    unanswered: int  # skipped, timed out or never reached
    clusters: list[Cluster] = field(default_factory=list)


@dataclass
class StudentStats:
    name: str
    score: float  # 0-1 over every question of the drill
    seconds: float
    answered: int
    by_topic: dict[str, tuple[float, int]] = field(default_factory=dict)  # tag: (score, count)
    by_article: dict[str, tuple[float, int]] = field(default_factory=dict)
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (qid, answer, verdict)
    needs_help: bool = False


@dataclass
class Change:
    """A regrade that changed a line: what the current bank says now."""

    student: str
    qid: str
    attempt: int
    answer: str
    before: tuple[str, float]
    after: tuple[str, float]


@dataclass
class ClassReport:
    drills: list[str]
    students: list[StudentStats]
    questions: list[QuestionStats]
    mean: float
    median: float
    spread: float  # population SD of the scores
    distribution: list[int]  # students per 10 % band, 0-10 … 90-100
    median_seconds: float
    overrides: list[ResultRow]
    partials: list[ResultRow]
    late: list[ResultRow]
    unknown: list[str]  # question ids the bank does not have
    scores: dict[tuple[str, str], float] = field(default_factory=dict)  # (student, qid)
    changes: list[Change] = field(default_factory=list)
    regraded: bool = False

    @property
    def reliable(self) -> bool:
        return len(self.students) >= RELIABLE_FROM


def counting(rows: list[ResultRow]) -> dict[tuple[str, str], Answered]:
    """(student, qid) → their attempts, each the last line written for that attempt."""
    last: dict[tuple[str, str, int], ResultRow] = {}
    for r in rows:
        last[(r.student, r.id, r.attempt)] = r
    per: dict[tuple[str, str], list[ResultRow]] = defaultdict(list)
    for (student, qid, _), r in last.items():
        per[(student, qid)].append(r)
    return {
        key: Answered(key[0], key[1], sorted(rs, key=lambda r: r.attempt))
        for key, rs in per.items()
    }


def regrade(rows: list[ResultRow], bank: Bank) -> tuple[list[ResultRow], list[Change]]:
    """Every line graded again by the current bank and grader; a teacher's decision, a skip, a
    timeout and a late answer stand. Returns the new rows and what changed."""
    from dataclasses import replace

    from tutor.grading import grade

    out, changes = [], []
    for r in rows:
        q = bank.get(r.id)
        if q is None or r.regraded_by or r.verdict in ("skipped", "timeout") or not r.answer:
            out.append(r)
            continue
        shown = tuple(r.shown) or None
        v = grade(q, r.answer, bank=bank, shown=shown if q.type in ("choice", "order") else None)
        score = 0.0 if r.late else v.score
        if (v.verdict, round(score, 4)) != (r.verdict, round(float(r.score), 4)):
            changes.append(
                Change(r.student, r.id, r.attempt, r.answer, (r.verdict, float(r.score)),
                       (v.verdict, score))
            )  # fmt: skip
            r = replace(r, verdict=v.verdict, score=score, regraded_by="regrade")
        out.append(r)
    return out, changes


def _band(score: float) -> int:
    return min(int(score * 10 + 1e-9), 9)


def analyse(rows: list[ResultRow], bank: Bank, *, regraded: bool = False) -> ClassReport:
    answered = counting(rows)
    qids = list(dict.fromkeys(r.id for r in rows))
    names = list(dict.fromkeys(r.student for r in rows))
    students: dict[str, StudentStats] = {}
    for name in names:
        mine = [answered[(name, q)] for q in qids if (name, q) in answered]
        total = sum(a.score for a in mine)
        s = StudentStats(
            name=name,
            score=total / len(qids) if qids else 0.0,
            seconds=sum(a.seconds for a in mine),
            answered=sum(a.final.verdict not in ("skipped", "timeout") for a in mine),
        )
        topics: dict[str, list[float]] = defaultdict(list)
        articles: dict[str, list[float]] = defaultdict(list)
        for qid in qids:
            a = answered.get((name, qid))
            score = a.score if a else 0.0
            q = bank.get(qid)
            for tag in (q.tags if q else ()) or ("—",):
                topics[tag].append(score)
            articles[(q.article if q else None) or "—"].append(score)
            if a is None:
                s.wrong.append((qid, "", "unanswered"))
            elif a.score < 1:
                verdict = "late" if a.final.late else a.final.verdict
                s.wrong.append((qid, a.final.answer, verdict))
        s.by_topic = {k: (sum(v) / len(v), len(v)) for k, v in topics.items()}
        s.by_article = {k: (sum(v) / len(v), len(v)) for k, v in articles.items()}
        students[name] = s
    scores = [s.score for s in students.values()]
    mean = statistics.fmean(scores) if scores else 0.0
    spread = statistics.pstdev(scores) if len(scores) > 1 else 0.0
    for s in students.values():
        s.needs_help = s.score < HELP_BELOW or (spread > 0 and s.score < mean - spread)
    ranked = sorted(students.values(), key=lambda s: s.score)
    k = max(1, round(len(ranked) * UPPER_LOWER))
    lower, upper = {s.name for s in ranked[:k]}, {s.name for s in ranked[-k:]}
    questions = []
    for qid in qids:
        mine = [answered[(n, qid)] for n in names if (n, qid) in answered]
        per_student = {
            n: (answered[(n, qid)].score if (n, qid) in answered else 0.0) for n in names
        }
        disc = None
        if len(names) >= 2:
            disc = statistics.fmean(per_student[n] for n in upper) - statistics.fmean(
                per_student[n] for n in lower
            )
        wrong = [
            r.answer for a in mine for r in a.attempts
            if r.verdict == "incorrect" and r.answer.strip() and not r.regraded_by
        ]  # fmt: skip
        questions.append(
            QuestionStats(
                qid=qid,
                question=bank.get(qid),
                answered=len(mine),
                facility=statistics.fmean(per_student.values()) if names else 0.0,
                discrimination=disc,
                mean_seconds=statistics.fmean(a.seconds for a in mine) if mine else 0.0,
                partial=sum(a.final.verdict == "partial" for a in mine),
                unanswered=len(names)
                - sum(a.final.verdict not in ("skipped", "timeout") for a in mine),
                clusters=cluster_answers(wrong),
            )
        )
    finals = [a.final for a in answered.values()]
    distribution = Counter(_band(s) for s in scores)
    return ClassReport(
        drills=list(dict.fromkeys(r.drill for r in rows)),
        students=sorted(students.values(), key=lambda s: (-s.score, s.name)),
        questions=questions,
        mean=mean,
        median=statistics.median(scores) if scores else 0.0,
        spread=spread,
        distribution=[distribution.get(i, 0) for i in range(10)],
        median_seconds=statistics.median([s.seconds for s in students.values()]) if names else 0,
        overrides=[r for r in rows if r.regraded_by and r.regraded_by != "regrade"],
        partials=[r for r in finals if r.verdict == "partial"],
        late=[r for r in finals if r.late],
        unknown=[q for q in qids if bank.get(q) is None],
        scores={key: a.score for key, a in answered.items()},
        regraded=regraded,
    )
