"""`tutor check`: everything a bank author needs to hear before learners see the bank."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tutor.bank.model import Article, Bank, Localized, Question
from tutor.bank.problems import Problem
from tutor.bank.quotes import find_evidence, squash
from tutor.display.safe import bidi_controls, describe

# Longer than this (characters, per language) and a field is warned about: no learner reads a
# 2,000-character prompt in a chat, and the front ends cut anything past 2,000 (questions/README).
LIMITS = {
    "prompt": 500, "hint": 300, "explanation": 1500, "evidence": 1000, "answer": 200,
    "accept": 200, "reject": 200, "choices": 200, "unit": 50, "tags": 40,
}  # fmt: skip
ARTICLE_LIMITS = {"title": 300, "label": 100, "outlet": 200, "date": 100}
ARTICLE_PARAGRAPH = 5000  # one line of an article; the reader draws it whole, however long
STUDY_NEEDS = ("prompt", "article", "evidence")


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
    grading_only: bool = False  # checked for `tutor grade` only: no articles, evidence, prompts

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
        problems += [Problem(file, line, m, q.id, "answer") for m in _date_problems(q)]
    return problems


def _date_problems(q: Question) -> list[str]:
    """An order item's date must be the evidence's: its year, and its month and day where it
    gives them, all in one of the question's quotes."""
    from tutor.grading.dates import date_parts

    out = []
    quotes = [date_parts(x.text) for x in q.passages()]
    for i, d in enumerate(q.dates, 1):
        if d is None:
            continue
        y, m, day = (int(x) if x else None for x in [*d.split("-"), None, None][:3])
        if not any(
            y in p.years and (m is None or m in p.months) and (day is None or day in p.days)
            for p in quotes
        ):
            out.append(f"item {i}: no evidence quote gives its date {d}")
    return out


def _quote_problems(bank: Bank, q: Question, known: str) -> list[tuple[str, str]]:
    """(message, field) for each quote of `q` that is not where it says it is."""
    if q.article is not None and q.article not in bank.articles:
        return [(f"unknown article {q.article!r} (articles: {known})", "article")]
    if not q.passages():
        if q.article is not None:
            return [("missing evidence", "evidence")]
        return [(
            "no article and no evidence: a study question needs both (a bank used only by"
            " `tutor grade` is checked with --grading-only)", "article",
        )]  # fmt: skip
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
            file, line = _where(q)
            problems.append(
                Problem(file, line, "missing prompt: a learner would see only the id", q.id,
                        "prompt")
            )  # fmt: skip
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


def _forms(field_name: str, value: Localized | None) -> list[tuple[str, str]]:
    if value is None:
        return []
    langs = [(lang, text) for lang in ("ar", "en") if (text := getattr(value, lang))]
    accepted = [(f"{field_name}.accept[{i}]", x) for i, x in enumerate(value.accept)]
    return [(f"{field_name}.{lang}", text) for lang, text in langs] + accepted


def question_texts(q: Question) -> list[tuple[str, str, str]]:
    """(field path, kind for LIMITS, text) of every text a learner may be shown."""
    out: list[tuple[str, str, str]] = []
    for name in ("prompt", "hint", "explanation", "unit"):
        out += [(path, name, text) for path, text in _forms(name, getattr(q, name))]
    if q.type == "text" and isinstance(q.answer, Localized):
        out += [(path, "answer", text) for path, text in _forms("answer", q.answer)]
    elif q.type == "list" and isinstance(q.answer, tuple):
        for i, item in enumerate(q.answer):
            out += [(path, "answer", text) for path, text in _forms(f"answer[{i}]", item)]
    for i, choice in enumerate(q.choices):
        out += [(path, "choices", text) for path, text in _forms(f"choices[{i}]", choice)]
    for name in ("accept", "reject", "tags"):
        out += [(f"{name}[{i}]", name, text) for i, text in enumerate(getattr(q, name))]
    if q.evidence:
        out.append(("evidence", "evidence", q.evidence))
    return out


def _bidi_warning(text: str) -> str | None:
    found = bidi_controls(text)
    if not found:
        return None
    offset, ch = found[0]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return (
        f"bidi control character {describe(ch)} at character {offset + 1}{more}: it reorders the"
        " text around it, so it may read other than it is written; remove it unless you mean it"
    )


def check_texts(bank: Bank, *, articles: bool = True) -> list[Problem]:
    """Warnings a learner would notice on screen: bidi controls that reorder what is shown, and
    texts too long to read (LIMITS, ARTICLE_LIMITS)."""
    problems = []
    for q in bank.questions:
        file, line = _where(q)
        for path, kind, text in question_texts(q):
            if (message := _bidi_warning(text)) is not None:
                problems.append(Problem(file, line, message, q.id, path, "warning"))
            if len(text) > LIMITS[kind]:
                problems.append(
                    Problem(file, line, f"{len(text):,} characters, more than {LIMITS[kind]:,}: "
                            "too long to read in a chat (the app cuts text at 2,000)", q.id, path,
                            "warning")
                )  # fmt: skip
    for article in bank.articles.values() if articles else ():
        problems += _article_warnings(article)
    return problems


def _article_warnings(article: Article) -> list[Problem]:
    problems = []
    meta = {name: getattr(article, name) for name in ARTICLE_LIMITS if name != "label"}
    meta |= {f"label.{lang}": text for lang, text in _label_forms(article)}
    for name, text in meta.items():
        if (message := _bidi_warning(text)) is not None:
            problems.append(Problem(article.path, None, message, field=name, severity="warning"))
        limit = ARTICLE_LIMITS[name.split(".")[0]]
        if len(text) > limit:
            problems.append(
                Problem(article.path, None, f"{len(text):,} characters, more than {limit:,}",
                        field=name, severity="warning")
            )  # fmt: skip
    for i, text in enumerate(article.text.split("\n")):
        if (message := _bidi_warning(text)) is not None:
            problems.append(
                Problem(article.path, article.body_line + i, message, field="text",
                        severity="warning")
            )  # fmt: skip
        if len(text) > ARTICLE_PARAGRAPH:
            problems.append(
                Problem(article.path, article.body_line + i,
                        f"a paragraph of {len(text):,} characters, more than "
                        f"{ARTICLE_PARAGRAPH:,}: break it at its sentences", field="text",
                        severity="warning")
            )  # fmt: skip
    return problems


def _label_forms(article: Article) -> list[tuple[str, str]]:
    if article.label is None:
        return []
    return [(lang, text) for lang in ("ar", "en") if (text := getattr(article.label, lang))]


def summarize(bank: Bank) -> dict[str, Counter]:
    return {
        "article": Counter(q.article or "(none)" for q in bank.questions),
        "type": Counter(q.type for q in bank.questions),
        "tag": Counter(t for q in bank.questions for t in q.tags),
        "difficulty": Counter(str(q.difficulty or "-") for q in bank.questions),
    }


def check_bank(bank: Bank, *, grading_only: bool = False) -> Report:
    """Run every check for the bank's use. A study bank (the default) needs a prompt, an article
    and verbatim evidence for every question; `grading_only` (a bank for `tutor grade`) skips
    what needs articles and prompts."""
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
    problems += check_texts(bank, articles=not grading_only)
    problems += audit(bank)
    return Report(problems, summary, grading_only=grading_only)
