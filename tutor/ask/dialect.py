"""Colloquial Arabic in a learner's question read as the standard words it stands for.

Learners ask in Levantine, Egyptian or Gulf Arabic ("وين اجتمع بوتين وكيم", "امتى صارت المعاهده
ساريه المفعول"); the articles are in standard Arabic. A question's dialect interrogatives and
function words are swapped for standard ones (tutor/ask/dialect.tsv) so that BM25 drops them as it
drops their standard forms and the decline rule reads "when", "who", "how many" in them. Only the
question is rewritten, never an article: "راح" ("went") or "عم" ("uncle") in an article stay.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from tutor.grading.normalize import normalize


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """({group: {dialect word: standard word}}, {prefix: standard prefix}), normalised."""
    text = resources.files("tutor.ask").joinpath("dialect.tsv").read_text(encoding="utf-8")
    groups: dict[str, dict[str, str]] = {}
    prefixes: dict[str, str] = {}
    group = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
            continue
        said, _, standard = line.partition("\t")
        said, standard = said.strip(), standard.strip()
        if said.endswith("-"):
            prefixes[normalize(said[:-1])] = normalize(standard)
        else:
            groups.setdefault(group, {})[normalize(said)] = normalize(standard)
    return groups, prefixes


@lru_cache(maxsize=1)
def words() -> dict[str, str]:
    """Every dialect word (normalised) → its standard word."""
    return {k: v for g in table()[0].values() for k, v in g.items()}


def _word(w: str) -> str:
    table = words()
    if w in table:
        return table[w]
    if len(w) > 2 and w[0] in "وف" and w[1:] in table:  # ومين, فليش
        return w[0] + table[w[1:]]
    return w


@lru_cache(maxsize=4096)
def standard(text: str) -> str:
    """`text` normalised, its dialect words swapped for standard ones."""
    return " ".join(_word(w) for w in normalize(text).split())


def unglued(word: str) -> list[str]:
    """Readings of a normalised word with a dialect prefix swapped for its standard form:
    عالحكم → الحكم, هالتحالف → التحالف, بيشتغل → يشتغل. Tried only for a word the articles do
    not know as written."""
    out = []
    for prefix, instead in table()[1].items():
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 3:
            out.append(instead + rest)
    return out
