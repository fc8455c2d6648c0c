"""What the bank already says in both languages, as a way from an English question to Arabic text.

Two bridges, both made only of the bank's own words:

- each question, its prompt, answer, accepted forms and explanation in both languages, is tied to
  the sentences its evidence quote covers, so an English question that reads like a bank question
  finds that question's Arabic evidence;
- a glossary of English phrases and their Arabic forms: every answer, option and list item the
  bank gives in both languages, plus the short list of the articles' names and terms in
  terms.tsv (each Arabic entry is written in the bundled articles: tests/ask checks it);
- a lexicon of single words: an English term and the Arabic terms found with it in the same
  parallel texts (prompts, hints, explanations, answers, options, article labels) more often
  than apart, so that words no answer holds ("born", "replace") still cross; an Arabic word
  goes to the English word it stands beside most surely, not to every word beside it (measured
  with tests/bench/eval_ask.py --bridge: of the English words in the English misses, few have
  no Arabic at all; more have only Arabic words their answer does not hold);
- a hand list of ordinary words of questions about the news (words.tsv: "stay", "lack",
  "food", "isolated"), for any articles: what a bank of a few dozen questions never says in both
  languages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product

from tutor.ask.analyze import terms
from tutor.bank.model import Bank, Localized, Question, has_arabic
from tutor.engine.evidence import locate
from tutor.grading.normalize import normalize


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


_QUOTED = re.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\"|'([^']+)'")


def titles(bank: Bank) -> tuple[str, ...]:
    """The articles' titles, labels and outlets, normalised."""
    out: list[str] = []
    for a in bank.articles.values():
        out += [a.title, a.outlet, *(a.label.forms() if a.label else ())]
    return tuple(t for t in (normalize(x) for x in out if x and x != "unknown") if t)


def without_titles(text: str, known: tuple[str, ...]) -> str:
    """`text` without the quoted names of articles ("According to «لقاء التحدي», ..."): said
    in most prompts, they would pair every word of a title with every word of the other
    language's title ("meeting" with التحدي)."""
    if not known:
        return text

    def drop(m: re.Match[str]) -> str:
        inner = normalize(next(g for g in m.groups() if g))
        return " " if len(inner) >= 4 and any(inner in t for t in known) else m.group(0)

    return _QUOTED.sub(drop, text)


def question_text(q: Question) -> str:
    """All the bank says about `q` in words, both languages: what its tie is indexed by. (The
    articles' quoted titles are kept here: taking them out was measured, and lost answers.)"""
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
    """Each English form beside the Arabic form nearest it in length: an answer's accepted forms
    mix a bare word ("trade") with whole phrases, and pairing every English form with all the
    Arabic ones made one word stand for a sentence."""
    forms = [*loc.forms(), *extra]
    en = [f for f in forms if not has_arabic(f)]
    ar = [f for f in forms if has_arabic(f)]
    if not ar:
        return []
    out = []
    for e in en:
        size = len(e.split())
        out.append((e, min(ar, key=lambda a: abs(len(a.split()) - size))))
    return out


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
Lexicon = dict[str, tuple[tuple[str, float], ...]]

MIN_DICE = 0.3  # an English term stands for an Arabic one they share this much (Dice) ...
MIN_TOGETHER = 2  # ... in at least this many of the bank's parallel texts
MAX_SENSES = 3  # Arabic terms kept for one English term, strongest first
MUTUAL = 0.5  # ... and only if it is at least this share of the Arabic term's best Dice


def parallel(bank: Bank) -> list[tuple[str, str]]:
    """Every text the bank gives in both languages (English, Arabic): prompts, hints,
    explanations, units, answers, options, list items (without the articles' quoted titles),
    the articles' labels."""
    known = titles(bank)
    out: list[tuple[str, str]] = []
    for q in bank.questions:
        locs = [q.prompt, q.hint, q.explanation, q.unit, *q.choices]
        a = q.answer
        locs += [a] if isinstance(a, Localized) else list(a) if isinstance(a, tuple) else []
        out += [
            (without_titles(x.en, known), without_titles(x.ar, known))
            for x in locs
            if isinstance(x, Localized) and x.en and x.ar
        ]
    for article in bank.articles.values():
        if article.label and article.label.en and article.label.ar:
            out.append((article.label.en, article.label.ar))
    return out


def lexicon(bank: Bank) -> Lexicon:
    """English term → Arabic terms that go with it across the bank's parallel texts, by Dice
    coefficient of the texts they occur in: "born" finds ولد wherever the bank says both.
    Identical texts (a bank of copies) are counted by multiplicity, once each."""
    seen: Counter[tuple[frozenset[str], frozenset[str]]] = Counter()
    for en, ar in parallel(bank):
        e = frozenset(t for t in terms(en) if t.isascii() and not t.isdigit())
        a = frozenset(t for t in terms(ar) if not t.isascii())
        if e and a:
            seen[(e, a)] += 1
    n_en: Counter[str] = Counter()
    n_ar: Counter[str] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    by_times: dict[int, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for pair, times in seen.items():
        by_times.setdefault(times, []).append(pair)
    for times, pairs in by_times.items():
        once: Counter[tuple[str, str]] = Counter()
        for e, a in pairs:
            n_en.update(dict.fromkeys(e, times))
            n_ar.update(dict.fromkeys(a, times))
            once.update(product(e, a))  # counted in C: a bank holds many long explanations
        both.update({k: v * times for k, v in once.items()} if times > 1 else once)
    senses: dict[str, list[tuple[float, str]]] = {}
    scored: dict[tuple[str, str], float] = {}
    best_en: dict[str, float] = {}  # each Arabic term's best Dice with any English term
    for (x, y), c in both.items():
        if c >= MIN_TOGETHER:
            dice = 2 * c / (n_en[x] + n_ar[y])
            if dice >= MIN_DICE:
                scored[x, y] = dice
                best_en[y] = max(best_en.get(y, 0.0), dice)
    for (x, y), dice in scored.items():
        # An Arabic word that goes with another English word far more surely is that word's
        # (شامل with "comprehensive", not with "treaty" beside it): one-to-one, as words of a
        # translation mostly are.
        if dice >= MUTUAL * best_en[y]:
            senses.setdefault(x, []).append((dice, y))
    return {
        x: tuple((y, round(d, 3)) for d, y in sorted(v, reverse=True)[:MAX_SENSES])
        for x, v in senses.items()
    }


Common = dict[str, tuple[tuple[str, ...], ...]]


@lru_cache(maxsize=1)
def common_lexicon() -> Common:
    """English term → the index terms of each Arabic form words.tsv gives it: ordinary words of
    questions about the news ("stay", "lack", "food"), for what a bank never says in both
    languages. A form of several words ("طائرات بدون طيار") is one alternative of all its terms."""
    text = resources.files("tutor.ask").joinpath("words.tsv").read_text(encoding="utf-8")
    out: dict[str, dict[tuple[str, ...], None]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        en, ar = line.split("\t", 1)
        key = [t for t in terms(en) if t.isascii()]
        if len(key) != 1:
            continue
        for form in ar.split("|"):
            value = tuple(t for t in terms(form) if not t.isascii())
            if value:
                out.setdefault(key[0], {})[value] = None
    return {k: tuple(v) for k, v in out.items()}


def glossary(bank: Bank) -> Glossary:
    """English phrase (as index terms) → Arabic index terms, from the bank and terms.tsv."""
    out: dict[tuple[str, ...], dict[str, None]] = {}
    for en, ar in [*_listed_pairs(), *_bank_pairs(bank)]:
        key = tuple(terms(en))
        value = [t for t in terms(ar) if not t.isascii()]
        if key and value and len(key) <= 4:
            out.setdefault(key, {}).update(dict.fromkeys(value))
    return {k: tuple(v) for k, v in out.items()}
