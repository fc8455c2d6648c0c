"""What the bank already says in both languages, as a way from an English question to Arabic text.

Two bridges, both made only of the bank's own words:

- each question, its prompt, answer, accepted forms and explanation in both languages, is tied to
  the sentences its evidence quote covers, so an English question that reads like a bank question
  finds that question's Arabic evidence;
- a glossary of English phrases and their Arabic forms: every answer, option and list item the
  bank gives in both languages, plus the short list of the articles' names and terms in
  terms.tsv (each Arabic entry is written in the bundled articles: tests/ask checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from tutor.ask.analyze import terms
from tutor.bank.model import Bank, Localized, Question, has_arabic
from tutor.engine.evidence import locate


@dataclass(frozen=True)
class Tie:
    """A question whose evidence covers article text [start, end)."""

    question: Question
    article: str
    start: int
    end: int


def ties(bank: Bank) -> list[Tie]:
    """Every located evidence quote of every question, in bank order."""
    out: list[Tie] = []
    for q in bank.questions:
        for quote in q.passages():
            article = bank.articles.get(quote.article or q.article or "")
            where = locate(article, quote.text) if article is not None else None
            if where is not None:
                out.append(Tie(q, article.id, *where))
    return out


def _forms(loc: Localized | None) -> list[str]:
    return [f for f in loc.forms()] if loc else []


def question_text(q: Question) -> str:
    """All the bank says about `q` in words, both languages: what its tie is indexed by."""
    parts: list[str] = []
    for loc in (q.prompt, q.explanation, q.unit):
        parts += _forms(loc)
    a = q.answer
    if isinstance(a, Localized):
        parts += a.forms()
    elif isinstance(a, tuple):
        for item in a:
            if isinstance(item, Localized):
                parts += item.forms()
    elif q.type == "choice" and isinstance(a, int) and 0 <= a < len(q.choices):
        parts += q.choices[a].forms()
    elif q.type in ("number", "year") and not isinstance(a, bool):
        parts.append(str(a))
    parts += q.accept
    return "\n".join(parts)


def _pairs_of(loc: Localized, extra: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    forms = [*loc.forms(), *extra]
    en = [f for f in forms if not has_arabic(f)]
    ar = [f for f in forms if has_arabic(f)]
    return [(e, " ".join(ar)) for e in en] if ar else []


def _bank_pairs(bank: Bank) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for q in bank.questions:
        a = q.answer
        if isinstance(a, Localized):
            pairs += _pairs_of(a, q.accept)
        elif isinstance(a, tuple):
            for item in a:
                if isinstance(item, Localized):
                    pairs += _pairs_of(item)
        for c in q.choices:
            pairs += _pairs_of(c)
    return pairs


def _listed_pairs() -> list[tuple[str, str]]:
    text = resources.files("tutor.ask").joinpath("terms.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            en, ar = line.split("\t", 1)
            out.append((en.strip(), ar.strip()))
    return out


def listed_terms() -> list[tuple[str, str]]:
    """The hand-kept list (English, Arabic) of the articles' names and terms."""
    return _listed_pairs()


Glossary = dict[tuple[str, ...], tuple[str, ...]]


def glossary(bank: Bank) -> Glossary:
    """English phrase (as index terms) → Arabic index terms, from the bank and terms.tsv."""
    out: dict[tuple[str, ...], dict[str, None]] = {}
    for en, ar in [*_listed_pairs(), *_bank_pairs(bank)]:
        key = tuple(terms(en))
        value = [t for t in terms(ar) if not t.isascii()]
        if key and value and len(key) <= 4:
            out.setdefault(key, {}).update(dict.fromkeys(value))
    return {k: tuple(v) for k, v in out.items()}
