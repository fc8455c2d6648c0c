"""Grading a list: each item named earns credit, each wrong item costs some.

Naming every candidate must not earn full marks, so a wrong item takes half an item's credit.
A word cut short ("tech") counts as the item's word it begins, when it begins only one.
"""

from __future__ import annotations

import re

from tutor.grading import reasons as R
from tutor.grading.by_text import judge
from tutor.grading.lexicon import clipped
from tutor.grading.normalize import fold, normalize
from tutor.grading.prepared import Prepared
from tutor.grading.text import Reach
from tutor.grading.verdict import Verdict
from tutor.grading.vocab import ALTERNATIVES, DESCRIPTORS, FILLER

WRONG_COST = 0.5
# Hard separators only: "and" and "و" may sit inside an item ("military and space technology");
# the segmenter below skips them between items.
_SPLIT = re.compile(r"[,;/\n|+&]")
_JOINERS = frozenset(
    normalize(w) for w in ("and", "و", "ثم", "then", "also", "plus", "أيضا", "كذلك")
)


_NEVER_WRONG = FILLER | DESCRIPTORS | ALTERNATIVES | _JOINERS


def _segments(p: Prepared, words: tuple[str, ...]) -> list[tuple[int | None, str]]:
    """Cut one piece of the answer into items: the longest run of words naming an item wins.

    Returns (item index or None for a wrong item, the words as typed) in order.
    """
    out: list[tuple[int | None, str]] = []
    wrong: list[str] = []
    i, n = 0, len(words)
    longest = max((t.max_words for t in p.targets), default=1) + 3  # an item and its filler
    reach = Reach(words, p.targets)  # a quick "no" for most runs and items
    while i < n:
        hit = None
        if words[i] in _NEVER_WRONG:
            i += 1  # an item never starts with "the" or "and" that it cannot start without
            continue
        for k in range(min(n, i + longest), i, -1):
            run = words[i:k]
            for idx, t in enumerate(p.targets):
                if reach.may(i, k, idx) and judge(t, run, p, strict=True).ok:
                    hit = (idx, k)
                    break
            if hit:
                break
        if hit is None:
            w = words[i]
            if (
                w not in FILLER
                and w not in DESCRIPTORS
                and w not in ALTERNATIVES
                and w not in _JOINERS
            ):
                wrong.append(w)
            i += 1
            continue
        if wrong:
            out.append((None, " ".join(wrong)))
            wrong = []
        out.append((hit[0], " ".join(words[i : hit[1]])))
        i = hit[1]
    if wrong:
        out.append((None, " ".join(wrong)))
    return out


_BEGINNINGS: dict[int, tuple[Prepared, frozenset[str], dict[str, list[str]]]] = {}


def _beginnings(p: Prepared) -> tuple[frozenset[str], dict[str, list[str]]]:
    """The items' words, and those words by their first four letters (per prepared question)."""
    hit = _BEGINNINGS.get(id(p))
    if hit is None or hit[0] is not p:
        if len(_BEGINNINGS) > 4096:
            _BEGINNINGS.clear()
        known = frozenset(w for t in p.targets for w in t.words)
        index: dict[str, list[str]] = {}
        for k in known:
            index.setdefault(k[:4], []).append(k)
        hit = _BEGINNINGS[id(p)] = (p, known, index)
    return hit[1], hit[2]


def _unclipped(p: Prepared, words: tuple[str, ...]) -> tuple[str, ...]:
    """Words cut short put back whole ("tech" → "technology") when one word of the list's items
    begins so, and the word as typed is none of theirs."""
    known, index = _beginnings(p)
    out = []
    for w in words:
        if w not in known and len(w) >= 4:
            whole = {k for k in index.get(w[:4], ()) if clipped(w, k)}
            w = whole.pop() if len(whole) == 1 else w
        out.append(w)
    return tuple(out)


def grade_list(p: Prepared, answer: str) -> Verdict:
    q = p.question
    need = q.needed
    pieces = [_unclipped(p, tuple(normalize(s).split())) for s in _SPLIT.split(fold(answer))]
    pieces = [pc for pc in pieces if pc]
    limit = sum(t.max_words for t in p.targets) * 2 + 6
    if sum(len(pc) for pc in pieces) > limit:
        return R.incorrect(R.TOO_LONG)
    found: list[int] = []
    wrong: list[str] = []
    for pc in pieces:
        for idx, text in _segments(p, pc):
            if idx is None:
                wrong.append(text)
            elif idx not in found:
                found.append(idx)
    right = min(len(found), need)
    score = max(0.0, right - WRONG_COST * len(wrong)) / need
    matched = ", ".join(p.targets[i].shown for i in found) or None
    if score >= 1.0:
        return R.correct(R.NONE, matched)
    reason = R.named(right, need, wrong)
    if score > 0:
        return R.partial(score, reason, matched)
    return R.incorrect(reason)
