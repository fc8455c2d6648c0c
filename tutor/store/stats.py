"""What the learner has done and what is coming: numbers for `tutor stats` and the stats screen.

Accuracy counts each time a question was asked once, by its first try (partial answers by their
score). Only an unaided first try counts: an answer given after a hint (or after reading the
article) is not a first-try success, and an "I was right" override is its own kind, listed for
review and never counted as right. Retention is that accuracy on questions seen before, week by
week. Answers to questions no longer in the bank are kept but not counted here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from tutor.bank.model import Bank
from tutor.store.db import Store
from tutor.store.picker import day_start
from tutor.store.schedule import to_dt, to_us

DAYS = 14  # the daily series
WEEKS = 8  # the weekly retention series


@dataclass(frozen=True)
class Group:
    """An article or a tag: how much of it has been seen and how well it is known."""

    key: str
    title: str
    seen: int
    total: int
    asked: int  # times its questions were asked
    accuracy: float | None  # 0..1, None before any answer


@dataclass(frozen=True)
class Point:
    """One day or week of a series."""

    start: date
    asked: int
    accuracy: float | None


@dataclass(frozen=True)
class Override:
    """An "I was right": what the learner typed against what the grader said, for review."""

    question_id: str
    at: datetime
    answer: str
    verdict: str  # what it overturned: partial | incorrect
    attempt: int


@dataclass(frozen=True)
class Stats:
    now: datetime
    total: int  # askable questions in the bank
    seen: int  # of those, answered at least once
    due_today: int
    due_week: int  # due within 7 days, today included (overdue ones too)
    new_today: int
    asked: int
    accuracy: float | None
    by_article: list[Group]
    by_tag: list[Group]
    daily: list[Point]  # the last DAYS days, oldest first: questions asked and accuracy
    weekly: list[Point]  # the last WEEKS weeks, oldest first: retention (seen-before questions)
    streak: int  # consecutive days with answers, up to today (or yesterday)
    best_streak: int
    hinted: int = 0  # times asked whose first answer came after a hint: not first-try successes
    overridden: int = 0  # times asked that ended in "I was right": not counted as right
    overrides: list[Override] = field(default_factory=list)  # newest first, for review


@dataclass
class _Review:
    qid: str
    day: date
    score: float  # the unaided first try's score; 0 after a hint
    repeat: bool  # the question had been asked before
    hinted: bool = False  # the first answer came after a hint
    overridden: bool = False  # the learner said "I was right" about this time


def compute_stats(
    store: Store, bank: Bank, now: datetime | None = None, tz: tzinfo | None = None
) -> Stats:
    now = now or datetime.now(UTC)
    today = now.astimezone(tz).date()
    askable = {q.id: q for q in bank.questions if q.prompt is not None}
    reviews, active_days, overrides = _reviews(store, set(askable), tz)
    schedule = store.schedule()
    cards = {qid: due for qid, due in schedule if qid in askable}

    end_today = to_us(day_start(now, tz) + timedelta(days=1))
    end_week = to_us(day_start(now, tz) + timedelta(days=7))

    by_article: dict[str, list] = {}
    by_tag: dict[str, list] = {}
    for q in askable.values():
        if q.article:
            by_article.setdefault(q.article, []).append(q.id)
        for tag in q.tags:
            by_tag.setdefault(tag, []).append(q.id)
    per_q: dict[str, list[float]] = {}
    for r in reviews:
        per_q.setdefault(r.qid, []).append(r.score)

    def group(key: str, title: str, ids: list[str]) -> Group:
        scores = [s for i in ids for s in per_q.get(i, ())]
        seen = sum(1 for i in ids if i in cards)
        return Group(key, title, seen, len(ids), len(scores), _mean(scores))

    articles = [
        group(a, bank.articles[a].display_title("en") if a in bank.articles else a, ids)
        for a, ids in sorted(by_article.items())
    ]
    tags = [group(t, t, ids) for t, ids in sorted(by_tag.items())]

    by_day: dict[date, list[_Review]] = {}
    by_week: dict[date, list[_Review]] = {}
    for r in reviews:
        by_day.setdefault(r.day, []).append(r)
        if r.repeat:
            by_week.setdefault(r.day - timedelta(days=r.day.weekday()), []).append(r)
    days = [today - timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    daily = [_point(d, by_day.get(d, [])) for d in days]
    week0 = today - timedelta(days=today.weekday())  # Monday of this week
    weeks = [week0 - timedelta(weeks=WEEKS - 1 - i) for i in range(WEEKS)]
    weekly = [_point(w, by_week.get(w, [])) for w in weeks]
    streak, best = _streaks(active_days, today)
    return Stats(
        now=now,
        total=len(askable),
        seen=len(cards),
        due_today=sum(1 for d in cards.values() if d < end_today),
        due_week=sum(1 for d in cards.values() if d < end_week),
        new_today=sum(1 for r in by_day.get(today, ()) if not r.repeat),
        asked=len(reviews),
        accuracy=_mean([r.score for r in reviews]),
        by_article=articles,
        by_tag=tags,
        daily=daily,
        weekly=weekly,
        streak=streak,
        best_streak=best,
        hinted=sum(1 for r in reviews if r.hinted),
        overridden=sum(1 for r in reviews if r.overridden),
        overrides=overrides[::-1],
    )


def _reviews(
    store: Store, ids: set[str], tz: tzinfo | None
) -> tuple[list[_Review], set[date], list[Override]]:
    """One entry per time a bank question was asked; every day with any answer at all; and the
    overrides of bank questions, oldest first."""
    out: list[_Review] = []
    last: dict[str, _Review] = {}
    last_verdict: dict[str, str] = {}
    overrides: list[Override] = []
    days: set[date] = set()
    for qid, at_us, answer, verdict, score, _s, hints, _m, override, attempt in store.answers():
        day = to_dt(at_us).astimezone(tz).date()
        days.add(day)
        if qid not in ids:
            continue  # history of a question the bank no longer has: kept, not counted
        prev = last.get(qid)
        if override:
            if prev is not None:
                prev.overridden = True
            was = last_verdict.get(qid, "incorrect")
            overrides.append(Override(qid, to_dt(at_us), answer, was, attempt))
            continue
        last_verdict[qid] = verdict
        if attempt > 1 and prev is not None:
            continue  # a second try: the first one is what was known
        hinted = hints > 0
        known = float(score) if verdict in ("correct", "partial") and not hinted else 0.0
        r = _Review(qid, day, known, bool(prev), hinted=hinted)
        out.append(r)
        last[qid] = r
    return out, days, overrides


def _point(start: date, rs: list[_Review]) -> Point:
    return Point(start, len(rs), _mean([r.score for r in rs]))


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current streak, best streak) in days; a streak survives until a whole day is missed."""
    end = today if today in days else today - timedelta(days=1)
    current = 0
    while end - timedelta(days=current) in days:
        current += 1
    best = run = 0
    prev: date | None = None
    for d in sorted(days):
        run = run + 1 if prev is not None and d - prev == timedelta(days=1) else 1
        best = max(best, run)
        prev = d
    return current, best
