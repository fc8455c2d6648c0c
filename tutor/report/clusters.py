"""Wrong answers grouped, so that a teacher reads "«Moscow» ×7" instead of seven spellings.

Answers are first folded by the grader's own normaliser (hamza, diacritics, case, Arabic-Indic
digits…), then groups whose normal forms are close (rapidfuzz ratio ≥ SIMILAR) are merged, the
largest first. Figures differ by one character and score low, so 2018 and 2019 stay apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

SIMILAR = 85


@dataclass
class Cluster:
    sample: str  # the commonest way it was written
    count: int
    variants: list[str]  # every distinct spelling, commonest first


def cluster_answers(answers: list[str]) -> list[Cluster]:
    """Clusters of `answers`, biggest first (ties: alphabetical by sample)."""
    from rapidfuzz import fuzz

    from tutor.grading.normalize import normalize

    by_norm: dict[str, Counter[str]] = {}
    for a in answers:
        by_norm.setdefault(normalize(a) or a.strip(), Counter())[a.strip()] += 1
    groups = sorted(by_norm.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    merged: list[tuple[str, Counter[str]]] = []
    for norm, spellings in groups:
        for head, into in merged:
            if fuzz.ratio(norm, head) >= SIMILAR:
                into.update(spellings)
                break
        else:
            merged.append((norm, Counter(spellings)))
    out = [
        Cluster(
            sample=spellings.most_common(1)[0][0],
            count=sum(spellings.values()),
            variants=[s for s, _ in spellings.most_common()],
        )
        for _, spellings in merged
    ]
    return sorted(out, key=lambda c: (-c.count, c.sample))
