"""Grading an order question: the learner puts 3–6 items (events, treaties, visits) in order.

An answer names the items by the labels they were shown with ("b a c", "2,1,3", "ب أ ج", "٢ ١ ٣")
or by their names in either language ("1961, 2000, 2024"). Credit is the share of pairs of items
put in the right order (Kendall's tau mapped to 0..1: (τ + 1) / 2), out of all the question's
pairs; only the exact order is correct. An answer that leaves items out earns only the pairs it
orders (partial at most); one that names an item twice, or something that is not an item, is
incorrect: it does not say one order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import combinations

from tutor.grading import reasons as R
from tutor.grading.by_list import _segments
from tutor.grading.dates import date_parts
from tutor.grading.normalize import fold, normalize
from tutor.grading.numbers import NUMBER_WORDS, figures
from tutor.grading.paraphrase import bag
from tutor.grading.prepared import Prepared
from tutor.grading.text import near_any
from tutor.grading.verdict import Verdict

LABELS = ("abcdef", "ابجدهو")  # as shown: a, b, c… / أ، ب، ج… (abjad order); or 1, 2, 3…
_JOINERS = frozenset(normalize(w) for w in ("then", "and", "ثم", "و", "after", "بعد", "ذلك"))
# Pieces of an answer in names: hard separators and arrows, either way round
_SPLIT = re.compile(
    r",(?!\d{3}(?!\d))"  # a comma, not one inside a figure ("11,000")
    r"|[;/\n|+&،؛>→←<⇒⟶➔]|\b(?:and )?then\b|\bfollowed by\b|(?:^|\s)و?ثم(?:\s|$)",
    re.IGNORECASE,
)


def _label(token: str, n: int) -> int | None:
    """The 0-based position a label names, or None."""
    if token.isdigit():
        k = int(token)
        return k - 1 if 1 <= k <= n else None
    for letters in LABELS:
        if len(token) == 1 and token in letters[:n]:
            return letters.index(token)
    return None


def by_labels(norm: str, n: int) -> list[int] | None:
    """Positions named by labels ("b a c", "213", "ب وا ج"), or None if any word is not one."""
    tokens = norm.split()
    if len(tokens) == 1 and len(tokens[0]) > 1:
        tokens = list(tokens[0])  # "bac", "213", "باج": labels written together
    for drop_joiners in (False, True):  # "و" is the sixth Arabic label, and also "and"
        out: list[int] = []
        for tok in tokens:
            if drop_joiners and tok in _JOINERS:
                continue
            k = _label(tok, n)
            if k is None and drop_joiners and len(tok) == 2 and tok[0] == "و":
                k = _label(tok[1], n)  # "وب": "and b"
            if k is None:
                break
            out.append(k)
        else:
            if out:
                return out
    return None


def _looks_like_labels(norm: str) -> bool:
    """ "a b d", "1 2 4": meant as labels, one of them not shown."""
    tokens = [t for t in norm.split() if t not in _JOINERS]
    return bool(tokens) and all(len(t) == 1 or (t.isdigit() and len(t) <= 2) for t in tokens)


def by_names(p: Prepared, answer: str) -> list[int | str]:
    """Items named in the learner's words, in the order given; a str for words naming no item.

    A piece between separators is read first as item names ("Vostochny and the treaty signed");
    where that leaves words naming no item, the whole piece is read as the one item it restates
    ("the summit with Kim" for "a summit with Kim and his huge stock of shells"), or, when the
    bank dates the items, as the item of that date ("2000", "June 2024"). A piece that fits two
    items is settled by the others: the one of them no other piece names."""
    out: list[int | str | tuple[set[int], str]] = []
    for piece in _SPLIT.split(_SLASHED.sub(lambda m: m[0].replace("/", "-"), fold(answer))):
        words = tuple(normalize(piece).split())
        if not words:
            continue
        named = _segments(p, words)
        if any(idx is None for idx, _ in named):
            fits = _dated(p, piece) if all(idx is None for idx, _ in named) else set()
            fits = fits or _restates(p, piece)
            if fits:
                out.append((fits, " ".join(words)))
                continue
        out += [text if idx is None else idx for idx, text in named]
    return _settle(out)


def _settle(given: list[int | str | tuple[set[int], str]]) -> list[int | str]:
    """Pieces that fit several items narrowed to the one item no other piece names; a piece
    still open names no one item (its words are returned)."""
    changed = True
    while changed:
        sure = {g for g in given if isinstance(g, int)}
        changed = False
        for k, g in enumerate(given):
            if isinstance(g, tuple):
                left = g[0] - sure
                if len(left) == 1:
                    given[k] = next(iter(left))
                    changed = True
    return [g[1] if isinstance(g, tuple) else g for g in given]


# "19/6/2024", "6/2024": a date's slashes do not separate pieces
_SLASHED = re.compile(r"(?<![\d/])\d{1,2}(?:/\d{1,2})?/(?:\d{4}|\d{2})(?![\d/])")
_THOUSANDS = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")  # "11,000" is one figure


def _dated(p: Prepared, piece: str) -> set[int]:
    """The items a date names ("2000", "June 2024", "19/6/2024"): those whose date in the bank
    agrees with it in every part both give. A piece that is not one date names none."""
    dates = p.question.dates
    if not dates:
        return set()
    d = date_parts(piece)
    if d.stray or len(d.years) != 1 or len(d.months) > 1 or len(d.days) > 1:
        return set()
    rest = [w for w in normalize(piece).split() if not w[:1].isdigit()]
    if len(rest) > 3:
        return set()  # a sentence with a date in it, not a date
    said = (next(iter(d.years)), min(d.months, default=None), min(d.days, default=None))
    out = set()
    for i, item in enumerate(dates):
        if item is None:
            continue
        parts = [int(x) for x in item.split("-")]
        if all(a == b for a, b in zip(said, parts, strict=False) if a is not None):
            out.add(i)
    return out


MIN_OWN = 0.5  # share of what a piece says (by weight) that the item it restates must hold
MARGIN = 0.2  # over the next item


def _concepts(text: str, ignore: frozenset[str]) -> list[tuple[str, str]]:
    """(word, concept) for the content words of `text`; a number word is its value, so that
    "first" and "الأولى" are one concept."""
    b = bag(_THOUSANDS.sub("", text), ignore)
    out = []
    for w, c in zip(b.words, b.concepts, strict=True):
        if w in NUMBER_WORDS or w[1:] in NUMBER_WORDS or w[:1].isdigit():
            fig = figures(w)
            if len(fig.values) == 1:
                c = f"#{fig.values[0]:g}"
        out.append((w, c))
    return out


def _restates(p: Prepared, piece: str) -> set[int]:
    """The items a piece of the answer restates best, by its concepts (stems, synonyms, both
    languages: an item is all its forms), weighted by how few items share them: one item when it
    leads the others by a margin, the leading few when they are close, none when no item holds
    most of what the piece says."""
    said = _concepts(piece, p.prompt_words)
    if not said or len(said) > 12:
        return set()
    items = []
    for it in p.question.answer:  # type: ignore[union-attr]
        pairs = [wc for f in it.forms() for wc in _concepts(f, p.prompt_words)]
        items.append(({c for _, c in pairs}, tuple(dict.fromkeys(w for w, _ in pairs))))
    n = len(items)

    def holds(item: tuple[set[str], tuple[str, ...]], w: str, c: str) -> bool:
        return c in item[0] or near_any(w, item[1])

    df = {c: sum(holds(it, w, c) for it in items) for w, c in said}
    weight = {c: math.log(1 + n / max(df[c], 1)) for c in df}
    total = sum(weight[c] for _, c in said)
    scores = [sum(weight[c] for w, c in said if holds(it, w, c)) / total for it in items]
    top = max(scores)
    if top < MIN_OWN:
        return set()
    return {i for i, sc in enumerate(scores) if top - sc < MARGIN}


def pairs_in_order(given: Sequence[int], n: int) -> int:
    """How many of the n·(n−1)/2 pairs of items the answer puts in the right order."""
    return sum(1 for a, b in combinations(given, 2) if a < b)


def _sep(lang: str) -> str:
    return " ← " if lang == "ar" else " → "


def grade_order(p: Prepared, answer: str, norm: str, shown: Sequence[int] | None = None) -> Verdict:
    """`shown`: the items' display order (indexes into the answer list); a label names the item
    at that place. None: labels follow the bank's order, for batch grading without a display."""
    n = len(p.targets)
    positions = by_labels(norm, n)
    if positions is not None:
        order = list(shown) if shown is not None and len(shown) == n else list(range(n))
        given: list[int | str] = [order[k] for k in positions]
    elif _looks_like_labels(norm):
        bad = [t for t in norm.split() if t not in _JOINERS and _label(t, n) is None]
        return R.incorrect(not_items(bad) if bad else ORDER_ALL)
    else:
        limit = sum(t.max_words for t in p.targets) * 2 + 6  # as for a list: more is a paragraph
        if norm.count(" ") + 1 > limit:
            return R.incorrect(R.TOO_LONG)
        given = by_names(p, answer)
    if len(given) > 2 * n + 4:
        return R.incorrect(R.TOO_LONG)
    stray = [g for g in given if isinstance(g, str)]
    if stray:
        return R.incorrect(not_items(stray))
    items = [g for g in given if isinstance(g, int)]
    twice = sorted({i for i in items if items.count(i) > 1})
    if twice:
        return R.incorrect(named_twice(p.targets[twice[0]].shown))
    total = n * (n - 1) // 2
    right = pairs_in_order(items, n)
    if len(items) == n and right == total:
        return R.correct(R.NONE, _sep("en").join(p.targets[i].shown for i in items))
    if len(items) < 2:
        return R.incorrect(ORDER_ALL)
    reason = in_order(right, total, len(items), n)
    return R.partial(right / total, reason) if right else R.incorrect(reason)


ORDER_ALL: R.Reason = (
    "put all the items in order, e.g. “b a c”",
    "رتّب العناصر كلها، مثلا «ب أ ج»",
)


def not_items(words: list[str]) -> R.Reason:
    w = ", ".join(words)
    return f"not one of the items: {w}", f"ليست من العناصر: {'، '.join(words)}"


def named_twice(item: str) -> R.Reason:
    return f"each item once: {item} is named twice", f"كل عنصر مرة واحدة: «{item}» مذكور مرتين"


def in_order(right: int, total: int, placed: int, n: int) -> R.Reason:
    en = f"{right} of {total} pairs in the right order"
    ar = f"{right} من {total} من الأزواج في ترتيبها الصحيح"
    if placed < n:
        en += f"; {placed} of {n} items placed"
        ar += f"؛ رُتّب {placed} من {n} عناصر"
    return en, ar
