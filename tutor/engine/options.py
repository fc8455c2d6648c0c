"""The order a choice question's options are shown in: shuffled, and reproducible from a seed.

Keys sit first in most hand-written banks, so showing options in file order lets "1" score. The
order depends only on (seed, question id), so a round, a drill and `tutor grade` can agree on it,
and everyone in a drill with the same seed sees the same order.
"""

from __future__ import annotations

import random


def option_order(question_id: str, n: int, seed: int | str) -> tuple[int, ...]:
    """Indexes into the question's `choices`, in the order they are shown."""
    order = list(range(n))
    random.Random(f"{seed}:{question_id}").shuffle(order)  # str seeds hash by sha512: stable
    return tuple(order)


def item_order(question_id: str, n: int, seed: int | str) -> tuple[int, ...]:
    """The order an order question's items are shown in: shuffled like options, but never the
    right order itself (which would give the answer away): that one is turned by one place."""
    order = option_order(question_id, n, seed)
    if order == tuple(range(n)) and n > 1:
        order = order[1:] + order[:1]
    return order
