"""FsrsPicker: what the learner is about to forget first, then a few new questions a day.

Order of choice: due questions (most overdue first), new ones up to the daily limit (never
answered; today's count comes from the store), then — if the round is still short — questions
not yet due, soonest first. The chosen round is then ordered so that neighbours come from different
articles (and, where possible, share no tag).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, tzinfo

from tutor.bank.lints import apart
from tutor.bank.model import Question
from tutor.store.db import Store
from tutor.store.schedule import to_us


def day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    """Midnight of `now`'s day in the learner's time zone (local when tz is None)."""
    local = now.astimezone(tz)
    return datetime.combine(local.date(), time(0), local.tzinfo)


class FsrsPicker:
    def __init__(self, store: Store, *, new_per_day: int = 20, tz: tzinfo | None = None) -> None:
        self.store = store
        self.new_per_day = new_per_day
        self.tz = tz

    def pick(self, questions: Sequence[Question], limit: int, now: datetime) -> list[Question]:
        if limit <= 0:
            return []
        pool = {q.id: q for q in questions if q.prompt is not None}
        now_us = to_us(now)
        due: list[Question] = []
        later: list[Question] = []
        seen: set[str] = set()
        for qid, due_us in self.store.schedule():  # soonest due first
            seen.add(qid)
            q = pool.get(qid)
            if q is not None:
                (due if due_us <= now_us else later).append(q)
        # each kind in turn, never a question that another one taken gives away (or the reverse)
        chosen = apart(due, limit)
        new_today = self.store.first_seen_since(to_us(day_start(now, self.tz)))
        room = min(limit - len(chosen), max(self.new_per_day - new_today, 0))
        if room > 0:
            new = round_robin([q for q in pool.values() if q.id not in seen], len(pool))
            chosen = apart(new, len(chosen) + room, after=chosen)
        chosen = apart(later, limit, after=chosen)
        return spread(chosen)


def round_robin(questions: Sequence[Question], n: int) -> list[Question]:
    """Up to `n` questions taking one article at a time in turn, each in bank order."""
    groups: dict[str | None, list[Question]] = {}
    for q in questions:
        groups.setdefault(q.article, []).append(q)
    queues = [list(reversed(g)) for g in groups.values()]
    out: list[Question] = []
    while queues and len(out) < n:
        for g in list(queues):
            if len(out) < n:
                out.append(g.pop())
            if not g:
                queues.remove(g)
    return out


def spread(questions: Sequence[Question]) -> list[Question]:
    """Reorder so that no two neighbours share an article when avoidable (and, second, a tag),
    otherwise keeping the given priority order. For a round's worth of questions."""
    rest = list(questions)
    out: list[Question] = []
    while rest:
        prev = out[-1] if out else None
        pick = 0
        crowded = _crowded(rest)
        if crowded is not None and (prev is None or prev.article != crowded):
            pick = next(i for i, q in enumerate(rest) if q.article == crowded)
        elif prev is not None:
            best = None
            for i, q in enumerate(rest):
                other_article = q.article is None or q.article != prev.article
                if other_article and not set(q.tags) & set(prev.tags):
                    best = i
                    break
                if other_article and best is None:
                    best = i
            pick = best if best is not None else 0
        out.append(rest.pop(pick))
    return out


def _crowded(rest: list[Question]) -> str | None:
    """An article holding more than half of what is left: it must go next or neighbours clash."""
    counts: dict[str, int] = {}
    for q in rest:
        if q.article is not None:
            counts[q.article] = counts.get(q.article, 0) + 1
    for article, c in counts.items():
        if c * 2 > len(rest):
            return article
    return None
