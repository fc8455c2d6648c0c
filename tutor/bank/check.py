"""`tutor check`: everything a bank author needs to hear before learners see the bank."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tutor.bank.model import Article, Bank, Question
from tutor.bank.problems import Problem
from tutor.bank.quotes import find_evidence, squash


def closest_passage(article: Article, evidence: str) -> tuple[str, float]:
    """The passage of the article nearest to `evidence`, for the author to copy."""
    text = squash(article.text)
    al = fuzz.partial_ratio_alignment(squash(evidence), text)
    if al is None:
        return "", 0.0
    start, end = al.dest_start, al.dest_end
    while start > 0 and not text[start - 1].isspace():  # widen to whole words
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end], al.score


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    summary: dict[str, Counter] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def _where(q: Question) -> tuple:
    return (q.location.file, q.location.line) if q.location else (None, None)


def check_evidence(bank: Bank) -> list[Problem]:
    """Every quote, in whichever article it names, must stand there verbatim (whitespace aside)."""
    known = ", ".join(sorted(bank.articles)) or "none found"
    problems = []
    for q in bank.questions:
        file, line = _where(q)
        problems += [Problem(file, line, m, q.id, f) for m, f in _quote_problems(bank, q, known)]
    return problems


def _quote_problems(bank: Bank, q: Question, known: str) -> list[tuple[str, str]]:
    """(message, field) for each quote of `q` that is not where it says it is."""
    if q.article is not None and q.article not in bank.articles:
        return [(f"unknown article {q.article!r} (articles: {known})", "article")]
    if not q.passages():
        return [("missing evidence", "evidence")] if q.article is not None else []
    out = []
    quotes = q.passages()
    for n, quote in enumerate(quotes, 1):
        which = f"quote {n}: " if len(quotes) > 1 else ""
        aid = quote.article or q.article
        article = bank.articles.get(aid) if aid else None
        if aid is None:
            out.append((f"{which}has evidence but no article", "article"))
        elif article is None:
            out.append((f"{which}unknown article {aid!r} (articles: {known})", "evidence"))
        elif find_evidence(article, quote.text) is None:
            passage, score = closest_passage(article, quote.text)
            out.append((
                f"{which}evidence is not a verbatim span of {article.id!r}; closest passage "
                f"({score:.0f}%): «{passage}»", "evidence",
            ))  # fmt: skip
    return out


def check_prompts(bank: Bank) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], Question] = {}
    for q in bank.questions:
        if q.prompt is None:
            continue
        clashes: dict[str, list[str]] = {}
        for lang in ("ar", "en"):
            text = getattr(q.prompt, lang)
            if not text:
                continue
            key = (lang, squash(text).casefold())
            if key in seen:
                clashes.setdefault(seen[key].id, []).append(lang)
            else:
                seen[key] = q
        for other, langs in clashes.items():
            file, line = _where(q)
            problems.append(
                Problem(file, line, f"same prompt ({'/'.join(langs)}) as {other!r}", q.id, "prompt")
            )
    return problems


def summarize(bank: Bank) -> dict[str, Counter]:
    return {
        "article": Counter(q.article or "(none)" for q in bank.questions),
        "type": Counter(q.type for q in bank.questions),
        "tag": Counter(t for q in bank.questions for t in q.tags),
        "difficulty": Counter(str(q.difficulty or "-") for q in bank.questions),
    }


def check_bank(bank: Bank, *, grading_only: bool = False) -> Report:
    """Run every check. `grading_only` skips what needs articles (evidence)."""
    from tutor.bank.lints import lint
    from tutor.grading.audit import audit

    problems = list(bank.problems)
    summary = summarize(bank)
    if not grading_only:
        problems += check_evidence(bank)
        problems += check_prompts(bank)
        warnings, counts = lint(bank)
        problems += warnings
        summary.update(counts)
    problems += audit(bank)
    return Report(problems, summary)
