"""Loading and validating question files.

Authors write these by hand, so every problem in every file is collected and reported at once, each
with its file, line, question id and field, instead of stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from tutor.bank import model as M
from tutor.bank.articles import load_articles
from tutor.bank.model import (
    QUESTION_TYPES,
    Article,
    Bank,
    Localized,
    Location,
    PartialDate,
    Question,
)
from tutor.bank.paths import resolve
from tutor.bank.problems import BankError, Problem
from tutor.bank.yamlio import YamlProblem, compose, construct, line_of, mapping_items
from tutor.display.safe import control_chars, describe, sanitize

FILE_FIELDS = {"article", "questions", "description"}
COMMON_FIELDS = {
    "id", "type", "prompt", "answer", "accept", "reject", "evidence",
    "hint", "explanation", "tags", "difficulty", "article", "leaks_ok",
}  # fmt: skip
TYPE_FIELDS = {
    "number": {"tolerance", "unit"},
    "list": {"need"},
    "choice": {"choices"},
}
ALL_FIELDS = COMMON_FIELDS | {f for fs in TYPE_FIELDS.values() for f in fs}
ID_RE = re.compile(r"^[a-z0-9-]+$")
ORDER_ITEMS = (3, 6)  # an order question puts 3 to 6 events in order
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
ITEM_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")  # an order item's date


class _Reporter:
    """Collects problems for one question, remembering where each field was written."""

    def __init__(self, file: Path, line: int | None, qid: str | None, key_lines: dict[str, int]):
        self.file, self.line, self.qid, self.key_lines = file, line, qid, key_lines
        self.problems: list[Problem] = []

    def __call__(self, field: str | None, message: str) -> None:
        line = self.key_lines.get(field, self.line) if field else self.line
        self.problems.append(Problem(self.file, line, message, qid=self.qid, field=field))


def _duplicate_keys(node: yaml.Node, file: Path) -> list[Problem]:
    """PyYAML keeps the last of two equal keys silently; an author should hear about it."""
    out: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    out.append(Problem(file, line_of(k), f"field {k.value!r} is given twice"))
                seen.add(k.value)
            out += _duplicate_keys(v, file)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _duplicate_keys(item, file)
    return out


def _scalars(node: yaml.Node, path: str, seen: set[int] | None = None):
    """Every scalar under `node` (keys included), with a field path such as 'prompt.en' or
    'choices[2]'. A node reached twice (a YAML alias) is visited once."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        yield node, path
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _scalars(k, path, seen)
            key = sanitize(k.value) if isinstance(k, yaml.ScalarNode) else "?"
            yield from _scalars(v, f"{path}.{key}" if path else str(key), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, f"{path}[{i}]", seen)


def control_problems(
    node: yaml.Node, file: Path, qid: str | None = None, field: str = ""
) -> list[Problem]:
    """A control character (ESC, BEL, C1...) in any text: written to a terminal, it would act
    (set the title, write the clipboard, clear the screen) instead of showing. YAML lets an author
    write one as an escape ("\\e"); PyYAML refuses them raw."""
    out = []
    for scalar, path in _scalars(node, field):
        found = control_chars(scalar.value) if isinstance(scalar.value, str) else []
        if found:
            offset, ch = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            out.append(
                Problem(file, line_of(scalar),
                        f"control character {describe(ch)} at character {offset + 1}{more}: "
                        "a terminal would act on it; remove it", qid=qid, field=path or None)
            )  # fmt: skip
    return out


def _localized(value: object, field: str, report: _Reporter, *, answer: bool = False):
    """A string, or {ar, en} (answers may add `accept`)."""
    allowed = {"ar", "en", "accept"} if answer else {"ar", "en"}
    if isinstance(value, str) and value.strip():
        return Localized.of(value.strip())
    if isinstance(value, dict):
        unknown = [k for k in value if k not in allowed]
        if unknown:
            report(field, f"unknown key(s) {', '.join(map(repr, unknown))}; use {sorted(allowed)}")
            return None
        texts = {k: value.get(k) for k in ("ar", "en")}
        for k, v in texts.items():
            if v is not None and not (isinstance(v, str) and v.strip()):
                report(field, f"{k!r} must be a non-empty string")
                return None
        if not any(texts.values()):
            report(field, "needs at least one of 'ar' or 'en'")
            return None
        extra = value.get("accept") or []
        if not isinstance(extra, list) or not all(isinstance(x, str | int) for x in extra):
            report(field, "'accept' must be a list of strings")
            return None
        return Localized(
            ar=texts["ar"] and texts["ar"].strip(),
            en=texts["en"] and texts["en"].strip(),
            accept=tuple(str(x) for x in extra),
        )
    report(field, "must be a string or a mapping with 'ar' and 'en'")
    return None


def _strings(value: object, field: str, report: _Reporter) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(
        isinstance(x, str | int | float) and not isinstance(x, bool) for x in value
    ):
        return tuple(str(x) for x in value)
    report(field, "must be a list of strings")
    return ()


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _answer(qtype: str, data: dict, report: _Reporter):
    """Check `answer` against its type; return the validated form (see Question.answer)."""
    a = data["answer"]
    if qtype == "text":
        return _localized(a, "answer", report, answer=True)
    if qtype == "number":
        if _is_number(a):
            return a
        report("answer", f"a number question needs a number, got {a!r}")
    elif qtype == "year":
        if isinstance(a, int) and not isinstance(a, bool) and 1 <= a <= 9999:
            return a
        report("answer", f"a year question needs a whole year such as 2000, got {a!r}")
    elif qtype == "date":
        if isinstance(a, dt.datetime):
            a = a.date()
        if isinstance(a, dt.date):
            return PartialDate(a.year, a.month, a.day)
        m = DATE_RE.match(a) if isinstance(a, str) else None
        if not m:
            report("answer", f"a date must be 'YYYY-MM-DD' or 'YYYY-MM', got {a!r}")
            return None
        year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
        try:
            dt.date(year, month, day or 1)
        except ValueError as e:
            report("answer", f"bad date {a!r}: {e}")
            return None
        return PartialDate(year, month, day)
    elif qtype == "list":
        if not isinstance(a, list) or not a:
            report("answer", "a list question needs a non-empty list of items")
            return None
        items = [_localized(x, "answer", report, answer=True) for x in a]
        return tuple(items) if all(items) else None
    elif qtype == "order":
        items = _order(a, report)
        if items is not None:
            data["_dates"] = _item_dates(a, report)  # type: ignore[arg-type]
        return items
    elif qtype == "choice":
        choices = data.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            report("choices", "a choice question needs 'choices': a list of at least two")
            return None
        opts = [_localized(c, "choices", report) for c in choices]
        if not all(opts):
            return None
        data["_choices"] = tuple(opts)
        if not isinstance(a, str):
            report("answer", "must name one of the choices (its Arabic or English text)")
            return None
        hits = [i for i, o in enumerate(opts) if a.strip() in o.forms()]
        if len(hits) != 1:
            report("answer", f"{a!r} is not exactly one of the choices")
            return None
        return hits[0]
    elif qtype == "bool":
        if isinstance(a, bool):
            return a
        report("answer", f"a bool question needs true or false, got {a!r}")
    return None


def _order(a: object, report: _Reporter) -> tuple[Localized, ...] | None:
    """3 to 6 items in their right order, no two the same once normalised (the grader could not
    tell them apart)."""
    from tutor.grading.normalize import normalize

    lo, hi = ORDER_ITEMS
    if not isinstance(a, list) or not lo <= len(a) <= hi:
        got = f"{len(a)} items" if isinstance(a, list) else repr(a)
        report("answer", f"an order question needs a list of {lo} to {hi} items, got {got}")
        return None
    items = [_localized(_undated(x), "answer", report, answer=True) for x in a]
    if not all(items):
        return None
    seen: dict[str, int] = {}
    for i, item in enumerate(items, 1):
        for form in {normalize(f) for f in item.forms()}:
            if form in seen and seen[form] != i:
                report("answer", f"items {seen[form]} and {i} are the same ({form!r})")
                return None
            seen[form] = i
    return tuple(items)


def _undated(item: object) -> object:
    """An order item without its `date`, which only order items may carry."""
    if isinstance(item, dict) and "date" in item:
        return {k: v for k, v in item.items() if k != "date"}
    return item


def _item_dates(items: list, report: _Reporter) -> tuple[str | None, ...]:
    """Each order item's `date` ("YYYY", "YYYY-MM", "YYYY-MM-DD") or None; () if none has one."""
    dates: list[str | None] = []
    for i, item in enumerate(items, 1):
        d = item.get("date") if isinstance(item, dict) else None
        if d is None:
            dates.append(None)
            continue
        m = ITEM_DATE_RE.match(str(d)) if isinstance(d, str | int) else None
        try:
            ok = m is not None and dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1)) is not None
        except ValueError:
            ok = False
        if not ok:
            report("answer", f"item {i}: date must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {d!r}")
            dates.append(None)
            continue
        dates.append(str(d))
    return tuple(dates) if any(dates) else ()


def _evidence(value: object, report: _Reporter) -> tuple[str | None, tuple[M.Quote, ...]]:
    """A quote from the question's article, or a list of {article, quote} across articles."""
    if isinstance(value, str) and value.strip():
        return value.strip(), (M.Quote(value.strip()),)
    if not isinstance(value, list) or not value:
        report("evidence", "must be a quote from the article, or a list of {article, quote}")
        return None, ()
    quotes: list[M.Quote] = []
    for i, entry in enumerate(value, 1):
        if isinstance(entry, str) and entry.strip():
            quotes.append(M.Quote(entry.strip()))
            continue
        if not isinstance(entry, dict):
            report("evidence", f'entry {i} must be {{article: ID, quote: "..."}}')
            return None, ()
        unknown = [k for k in entry if k not in ("article", "quote")]
        if unknown:
            report("evidence", f"entry {i}: unknown key(s) {', '.join(map(repr, unknown))}; "
                   "use 'article' and 'quote'")  # fmt: skip
            return None, ()
        text, article = entry.get("quote"), entry.get("article")
        if not (isinstance(text, str) and text.strip()):
            report("evidence", f"entry {i} needs 'quote': a non-empty string from the article")
            return None, ()
        if article is not None and not (isinstance(article, str) and article.strip()):
            report("evidence", f"entry {i}: 'article' must be an article id")
            return None, ()
        quotes.append(M.Quote(text.strip(), article.strip() if article else None))
    return None, tuple(quotes)


def _leaks_ok(value: object, report: _Reporter) -> tuple[tuple[str, str], ...]:
    """{question id: reason}: a give-away the author knows of, each with why it is fine."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        report("leaks_ok", 'must map question ids to a reason: {other-id: "why it is fine"}')
        return ()
    out = []
    for k, v in value.items():
        if not (isinstance(k, str) and ID_RE.match(k)):
            report("leaks_ok", f"{k!r} is not a question id")
        elif not (isinstance(v, str) and v.strip()):
            report("leaks_ok", f"{k!r} needs a reason: why this give-away is fine")
        else:
            out.append((k, v.strip()))
    return tuple(out)


def _question(
    node: yaml.Node, file: Path, default_article: str | None
) -> tuple[Question | None, list[Problem]]:
    key_lines = {
        k.value: line_of(k) for k, _ in mapping_items(node) if isinstance(k, yaml.ScalarNode)
    }
    line = line_of(node)
    try:
        data = construct(node)
    except YamlProblem as e:
        qid = next((v.value for k, v in mapping_items(node) if k.value == "id"), None)
        return None, [Problem(file, e.line or line, e.message, qid=qid)]
    if not isinstance(data, dict):
        return None, [Problem(file, line, "each question must be a mapping of fields")]
    qid = data.get("id")
    report = _Reporter(file, line, qid if isinstance(qid, str) else None, key_lines)
    report.problems += control_problems(node, file, report.qid)
    if not isinstance(qid, str) or not ID_RE.match(qid):
        report("id", f"needs an id of lower-case letters, digits and '-', got {qid!r}")
    qtype = data.get("type")
    if qtype not in QUESTION_TYPES:
        report("type", f"unknown type {qtype!r}; use one of {', '.join(QUESTION_TYPES)}")
        qtype = None
    for k in data:
        if k not in ALL_FIELDS:
            near = [f for f in ALL_FIELDS if _close(str(k), f)]
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            report(k, f"unknown field {k!r}{hint}")
        elif qtype and k not in COMMON_FIELDS and k not in TYPE_FIELDS.get(qtype, ()):
            owner = next(t for t, fs in TYPE_FIELDS.items() if k in fs)
            report(k, f"{k!r} only applies to {owner} questions, not {qtype}")
    if "answer" not in data:
        report(None, "missing 'answer'")
    answer = _answer(qtype, data, report) if qtype and "answer" in data else None

    def loc(field: str):
        v = data.get(field)
        return None if v is None else _localized(v, field, report)

    prompt, hint, explanation = loc("prompt"), loc("hint"), loc("explanation")
    unit = loc("unit")
    evidence, quotes = None, ()
    if data.get("evidence") is not None:
        evidence, quotes = _evidence(data["evidence"], report)
    leaks_ok = _leaks_ok(data.get("leaks_ok"), report)
    difficulty = data.get("difficulty")
    if difficulty is not None and difficulty not in (1, 2, 3):
        report("difficulty", f"must be 1, 2 or 3, got {difficulty!r}")
    tolerance = data.get("tolerance")
    if tolerance is not None and not (_is_number(tolerance) and tolerance >= 0):
        report("tolerance", f"must be a number ≥ 0, got {tolerance!r}")
    need = data.get("need")
    if need is not None:
        if not (isinstance(need, int) and not isinstance(need, bool) and need >= 1):
            report("need", f"must be a whole number ≥ 1, got {need!r}")
        elif isinstance(answer, tuple) and need > len(answer):
            report("need", f"need is {need} but the list has only {len(answer)} items")
    article = data.get("article", default_article)
    if article is not None and not isinstance(article, str):
        report("article", "must be an article id (a string)")
    if evidence is None and quotes:  # a list: the passage from the question's own article
        evidence = next((x.text for x in quotes if x.article in (None, article)), None)
    accept = _strings(data.get("accept"), "accept", report)
    reject = _strings(data.get("reject"), "reject", report)
    tags = _strings(data.get("tags"), "tags", report)
    if report.problems:
        return None, report.problems
    q = Question(
        id=qid,
        type=qtype,
        answer=answer,
        prompt=prompt,
        accept=accept,
        reject=reject,
        evidence=evidence,
        hint=hint,
        explanation=explanation,
        tags=tags,
        difficulty=difficulty,
        article=article,
        tolerance=tolerance,
        unit=unit,
        need=need,
        choices=data.get("_choices", ()),
        dates=data.get("_dates", ()),
        quotes=quotes,
        leaks_ok=leaks_ok,
        location=Location(file, line or 1),
    )
    return q, []


def _close(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= 2 and len(a) > 3


def load_file(file: Path) -> tuple[list[Question], list[Problem]]:
    """Questions of one file, and every problem found in it."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return [], [Problem(file, None, f"cannot read: {e}")]
    try:
        root = compose(text)
    except YamlProblem as e:
        return [], [Problem(file, e.line, e.message)]
    if root is None:
        return [], [Problem(file, 1, "the file is empty")]
    if not isinstance(root, yaml.MappingNode):
        return [], [Problem(file, line_of(root), "expected a mapping with 'questions:'")]
    problems = _duplicate_keys(root, file)
    fields = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    for name, (k, v) in fields.items():
        if name not in FILE_FIELDS:
            problems.append(Problem(file, line_of(k), f"unknown top-level field {name!r}"))
        elif name != "questions":  # each question is scanned with its id
            problems += control_problems(v, file, None, name)
    default_article = None
    if "article" in fields:
        anode = fields["article"][1]
        if isinstance(anode, yaml.ScalarNode) and anode.value:
            default_article = anode.value
        else:
            problems.append(Problem(file, line_of(anode), "'article' must be an article id"))
    if "questions" not in fields:
        problems.append(Problem(file, 1, "missing 'questions:' (a list of questions)"))
        return [], problems
    qnode = fields["questions"][1]
    if not isinstance(qnode, yaml.SequenceNode):
        problems.append(Problem(file, line_of(qnode), "'questions' must be a list"))
        return [], problems
    questions: list[Question] = []
    for item in qnode.value:
        q, found = _question(item, file, default_article)
        problems += found
        if q is not None:
            questions.append(q)
    return questions, problems


ARTICLE_META = ("id", "title", "outlet", "date", "language", "notes")
MAX_LINES_NAMED = 5  # a binary file pasted as an article should not bury every other problem


def _meta_line(path: Path | None, name: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").split("\n") if path else []
    except (OSError, UnicodeDecodeError):
        return None
    return next((i for i, ln in enumerate(lines, 1) if ln.startswith(f"{name}:")), None)


def article_control_problems(article: Article) -> list[Problem]:
    """Control characters in an article's text or metadata, refused as in question files."""
    out = []
    lines = article.text.split("\n")
    bad = [(i, found) for i, line in enumerate(lines) if (found := control_chars(line))]
    for i, found in bad[:MAX_LINES_NAMED]:
        offset, ch = found[0]
        out.append(
            Problem(article.path, article.body_line + i,
                    f"control character {describe(ch)} at column {offset + 1}: a terminal would "
                    "act on it; remove it", field="text")
        )  # fmt: skip
    if len(bad) > MAX_LINES_NAMED:
        out.append(
            Problem(article.path, article.body_line + bad[MAX_LINES_NAMED][0],
                    f"{len(bad) - MAX_LINES_NAMED} more line(s) with control characters",
                    field="text")
        )  # fmt: skip
    meta = {name: getattr(article, name) for name in ARTICLE_META}
    if article.label is not None:
        meta |= {"label.ar": article.label.ar or "", "label.en": article.label.en or ""}
    for name, value in meta.items():
        found = control_chars(value)
        if found and not (name == "title" and bad and value in article.text):
            out.append(
                Problem(article.path, _meta_line(article.path, name.split(".")[0]),
                        f"control character {describe(found[0][1])}: a terminal would act on "
                        "it; remove it", field=name)
            )  # fmt: skip
    return out


def load_bank(path: str | Path | None = None, *, strict: bool = True) -> Bank:
    """Load the bundled bank, or the file or folder at `path`.

    With `strict`, any problem raises BankError listing all of them; otherwise the valid questions
    are kept and the problems are on `bank.problems`.
    """
    try:
        source = resolve(path)
    except FileNotFoundError as e:
        raise BankError([Problem(Path(str(path)), None, str(e).split(": ", 1)[-1])]) from None
    questions: list[Question] = []
    problems: list[Problem] = []
    first_seen: dict[str, Question] = {}
    for file in source.question_files:
        qs, found = load_file(file)
        problems += found
        for q in qs:
            if q.id in first_seen:
                prev = first_seen[q.id].location
                problems.append(
                    Problem(file, q.location.line if q.location else None,
                            f"duplicate id, first used at {prev}", qid=q.id, field="id")
                )  # fmt: skip
                continue
            first_seen[q.id] = q
            questions.append(q)
    if not source.question_files:
        problems.append(Problem(None, None, "no question files found"))
    articles, article_problems = load_articles(source.seeds_dir)
    problems += article_problems
    for article in articles.values():
        problems += article_control_problems(article)
    if strict and problems:
        raise BankError(problems)
    return Bank(questions, articles, list(source.question_files), problems)
