"""From a question's answers to its FSRS card: ratings, and replaying history into a card.

The card is always the replay of the question's whole history, so an override, a second attempt
or an imported answer from another machine all land where they belong in time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler

FAST_SECONDS = 10.0  # a correct first try, no hint, within this → Easy
SLOW_SECONDS = 60.0  # a correct answer that took longer than this → Hard

# No fuzz: the same history always gives the same schedule (replays, imports, tests).
# No learning steps: a question is asked once a session, so a first right answer should not
# fall due again ten minutes later; it goes straight to its first interval (days).
SCHEDULER = Scheduler(enable_fuzzing=False, learning_steps=())


@dataclass(frozen=True)
class Answer:
    """The fields of a stored answer that scheduling needs."""

    at_us: int  # microseconds since the epoch, UTC
    verdict: str
    score: float
    seconds: float
    hints: int
    override: bool = False
    attempt: int = 1


def rating_for(a: Answer) -> Rating:
    """How well the learner knew it: a first try decides Easy/Good; help or effort makes it Hard."""
    if a.override:
        return Rating.Good
    if a.verdict == "correct":
        if a.attempt > 1 or a.hints > 0 or a.seconds > SLOW_SECONDS:
            return Rating.Hard
        return Rating.Easy if a.seconds <= FAST_SECONDS else Rating.Good
    if a.verdict == "partial":
        return Rating.Hard
    return Rating.Again  # incorrect, skipped, revealed


def reviews(answers: Iterable[Answer]) -> list[tuple[int, Rating]]:
    """One review per time a question was asked: a first attempt opens it, a second attempt or
    an override settles its rating. Input in time order; output (time, rating) pairs."""
    out: list[tuple[int, Rating]] = []
    for a in answers:
        if (a.attempt <= 1 and not a.override) or not out:
            out.append((a.at_us, rating_for(a)))
        else:
            out[-1] = (out[-1][0], rating_for(a))
    return out


def to_dt(us: int) -> datetime:
    return datetime.fromtimestamp(us / 1_000_000, UTC)


def to_us(dt: datetime) -> int:
    if dt.tzinfo is None:
        raise ValueError("a naive datetime: the store keeps UTC times only")
    delta = dt.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def replay(answers: Iterable[Answer]) -> Card | None:
    """The card after every review of this history; None for no history."""
    card: Card | None = None
    for at_us, rating in reviews(answers):
        when = to_dt(at_us)
        if card is None:
            card = Card(card_id=0, due=when)
        if card.last_review is not None and when < card.last_review:
            when = card.last_review  # clocks differ between machines: never review backwards
        card, _ = SCHEDULER.review_card(card, rating, when)
    return card
