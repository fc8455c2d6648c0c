"""What a question is about (its entities) and what it asks of them (its focus).

"Which university did Andrei Murtazin graduate from?" names a person the articles know and asks
for something they never say: a passage on Murtazin holds the names, not "university" or
"graduate". Whether the best passage answers is told apart from whether it merely shares the
question's names by splitting the question's terms in two:

- entities: names the bank knows (words its English texts capitalise mid-sentence more often
  than not, and the Arabic its glossary and lexicon give for them), numbers, and words of the
  question that are none of its language's common words or that it capitalises mid-sentence;
- focus: every other content word, what is asked of them ("university", "graduate", "vote
  count", تخرج).

Focus words are looked for in the passage's own text (its words, the Arabic senses of an English
word, an Arabic word's root), not in the bank questions tied to it: a bank question on the same
passage that says "vote" does not make the passage hold the vote count.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from tutor.ask import analyze
from tutor.ask.decline import is_name
from tutor.ask.dialect import standard
from tutor.bank.model import Bank, Localized
from tutor.grading.normalize import normalize

if TYPE_CHECKING:
    from tutor.ask.index import AskIndex
    from tutor.ask.ranker import Query

# A capitalised word that does not start a sentence (or a quote): a name, in English.
_MID_CAPITAL = re.compile(r"(?<=[\w,;)\"'»”’] )([A-Z][\w'’-]*)")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
CAPITAL_RATIO = 5  # capitalised this many times as often as not: "University of Hull" is a name,
# "which university" is not
MIN_SENSE = 0.8  # an English name's Arabic sense in the lexicon counts as a name this sure

# Asking about the present ("right now", حاليا, هلق): the articles are of their day, and what
# holds now is past what they say.
_NOW = re.compile(
    r"\b(?:right now|now|currently|nowadays|these days|today|at present|at the moment|"
    r"as of (?:now|today))\b"
    r"|(?:^|\s)(?:الان|حاليا|حاليه|الحالي|الحاليه|اليوم|هلق|هلا|هلء|دلوقتي|دلوقت|هالايام|"
    r"هذه الايام|في الوقت الحالي|حتي الان|لحد الان|للحين|الحين|توا)(?:\s|$)"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _english_names(index: AskIndex) -> frozenset[str]:
    """English terms the bank's own English writes capitalised mid-sentence more often than
    not ("Murtazin", "Vostochny", "Korea"; not "University", said in lower case too)."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for en in _english_texts(index.bank):
        capital = {m.start(1) for m in _MID_CAPITAL.finditer(en)}
        for m in _WORD.finditer(en):
            word = m.group(0)
            if m.start() in capital or (word.isupper() and len(word) > 1):
                upper[word.lower()] += 1
            elif word[0].islower():
                lower[word.lower()] += 1
    out = set()
    for word, n in upper.items():
        if n >= CAPITAL_RATIO * lower[word]:
            out.update(analyze.terms(word))
    return frozenset(t for t in out if not t.isdigit())


def _english_texts(bank: Bank) -> set[str]:
    """The English the bank writes (prompts, hints, explanations, answers, options, labels),
    each distinct text once: a bank of copies says everything many times."""
    out: set[str] = set()
    for q in bank.questions:
        a = q.answer
        answers = [a] if isinstance(a, Localized) else list(a) if isinstance(a, tuple) else []
        for x in (q.prompt, q.hint, q.explanation, q.unit, *q.choices, *answers):
            if isinstance(x, Localized) and x.en:
                out.add(x.en)
    out.update(a.label.en for a in bank.articles.values() if a.label and a.label.en)
    return out


def names(index: AskIndex) -> frozenset[str]:
    """The index terms the bank knows as names, in both languages (kept on the index)."""
    cached = getattr(index, "_focus_names", None)
    if cached is not None:
        return cached
    english = _english_names(index)
    arabic: set[str] = set()
    for key, value in index.glossary.items():
        if all(t in english for t in key):
            arabic.update(value)
    for term in english:
        arabic.update(a for a, d in index.lexicon.get(term, ()) if d >= MIN_SENSE)
    cached = frozenset(english | arabic)
    index._focus_names = cached  # type: ignore[attr-defined]
    return cached


def question_names(question: str) -> frozenset[str]:
    """Terms of `question` that are names by their own look: numbers, words none of their
    language's common words, English words capitalised mid-sentence."""
    out = set()
    for w in normalize(standard(question)).split():
        if analyze.is_stop(w):
            continue
        if w.isdigit() or is_name(w):
            out.add(analyze.term(w))
    for m in _MID_CAPITAL.finditer(question):
        out.update(analyze.terms(m.group(1)))
    return frozenset(out)


def split(index: AskIndex, q: Query, question: str) -> list[bool]:
    """For each of `q.terms`, whether it is an entity (True) or a focus word (False)."""
    known = names(index) | question_names(question)
    return [t in known or t.isdigit() for t in q.terms]


def in_text(index: AskIndex, q: Query, sentence: int) -> list[float]:
    """For each of the question's terms, how much of it the passage around `sentence` holds in
    its own words (not its bank questions'): 1 as written, an English word's Arabic sense by
    its surety, a root shared by ranker.ROOT_WEIGHT."""
    from tutor.ask import ranker

    words = index.sentence_terms[sentence]
    own_roots = index.sentence_roots[sentence] if index.sentence_roots else frozenset()
    out = []
    for t in q.terms:
        if t in words:
            out.append(1.0)
            continue
        by_sense = max((d for a, d in q.arabic.get(t, ()) if a in words), default=0.0)
        by_root = ranker.ROOT_WEIGHT if not own_roots.isdisjoint(q.roots.get(t, ())) else 0.0
        out.append(max(by_sense, by_root))
    return out


def asks_now(question: str, latest_year: int | None = None) -> bool:
    """Whether the question asks about the present, or a year after `latest_year`: past what
    the articles could say."""
    s = normalize(standard(question))
    if _NOW.search(s):
        return True
    if latest_year is not None:
        return any(int(y) > latest_year for y in _YEAR.findall(s))
    return False


def latest_year(index: AskIndex) -> int | None:
    """The year of the bank's newest article: its date where the bank gives one, else the
    latest year its articles mention."""
    cached = getattr(index, "_latest_year", False)
    if cached is not False:
        return cached
    years = []
    for a in index.bank.articles.values():
        dated = [int(y) for y in _YEAR.findall(a.date or "")]
        years += dated or [int(y) for y in _YEAR.findall(a.text)]
    latest = max(years) if years else None
    index._latest_year = latest  # type: ignore[attr-defined]
    return latest
