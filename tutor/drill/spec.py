"""A drill spec: which questions, in which order, under which rules. A public contract
(docs/drills.md, format version 1): teachers write it by hand, so every problem is reported at
once with its file, line and field, and YAML is read with the safe loader only.

Everyone who runs the same spec against the same bank gets the same questions, in the same
order, with the same option order (tutor.engine.options keyed by the spec's seed).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from tutor.bank.model import Bank, Question
from tutor.bank.problems import Problem
from tutor.bank.yamlio import YamlProblem, compose, construct, line_of, mapping_items

SPEC_VERSION = 1
REVEALS = ("after_each", "at_end", "never")
LANGS = ("ar", "en")
MAX_ATTEMPTS = 5
MAX_COUNT = 500
FIELDS = (
    "drill",
    "title",
    "seed",
    "questions",
    "time_per_question",
    "time_total",
    "attempts",
    "hints",
    "show_answers",
    "languages",
)
FILTERS = ("articles", "tags", "difficulty", "count")


class SpecError(Exception):
    """The spec could not be read; `problems` lists every reason, each naming file:line:field."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class DrillSpec:
    title: str
    seed: int
    ids: tuple[str, ...] = ()  # explicit questions, in order; empty: use the filters
    articles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    count: int = 10
    time_per_question: float | None = None  # seconds; None: no limit
    time_total: float | None = None
    attempts: int = 1
    hints: bool = False
    show_answers: str = "after_each"  # after_each | at_end | never
    languages: tuple[str, ...] = LANGS  # the first is the default
    version: int = SPEC_VERSION

    def canonical(self) -> dict[str, object]:
        """What the spec means, independent of comments and layout: the digest's input."""
        filters = {
            "articles": list(self.articles),
            "tags": list(self.tags),
            "difficulty": list(self.difficulty),
            "count": self.count,
        }
        questions: object = list(self.ids) if self.ids else filters
        return {
            "drill": self.version,
            "title": self.title,
            "seed": self.seed,
            "questions": questions,
            "time_per_question": self.time_per_question,
            "time_total": self.time_total,
            "attempts": self.attempts,
            "hints": self.hints,
            "show_answers": self.show_answers,
            "languages": list(self.languages),
        }

    @property
    def digest(self) -> str:
        """`sha256:` and 16 hex digits of the canonical spec: names this drill in results."""
        text = json.dumps(self.canonical(), sort_keys=True, ensure_ascii=False)
        return "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def lang(self) -> str:
        return self.languages[0]


# --- reading ---


def load_spec(path: str | Path) -> DrillSpec:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        why = f"cannot read the drill spec: {e.strerror or e}"
        raise SpecError([Problem(p, None, why)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SpecError([Problem(p, None, f"not UTF-8 text (byte {e.start + 1})")]) from None
    return parse_spec(text, p)


def parse_spec(text: str, file: Path | None = None) -> DrillSpec:
    f = file or Path("<drill>")
    try:
        node = compose(text)
    except YamlProblem as e:
        raise SpecError([Problem(f, e.line, e.message)]) from None
    if not isinstance(node, yaml.MappingNode):
        raise SpecError([Problem(f, line_of(node), "a drill spec is a mapping of fields")])
    r = _Reader(f)
    fields: dict[str, yaml.Node] = {}
    for k, v in mapping_items(node):
        key = k.value if isinstance(k, yaml.ScalarNode) else None
        if key not in FIELDS:
            known = ", ".join(FIELDS)
            r.add(line_of(k), str(key), f"unknown field (fields: {known})")
            continue
        if key in fields:
            r.add(line_of(k), key, "given twice")
        fields[key] = v
    spec = r.build(fields, line_of(node))
    if r.problems:
        raise SpecError(r.problems)
    assert spec is not None
    return spec


class _Reader:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, message, field=field))

    def value(self, node: yaml.Node, field: str) -> object:
        try:
            return construct(node)
        except YamlProblem as e:
            self.add(e.line or line_of(node), field, e.message)
            return None

    def build(self, fields: dict[str, yaml.Node], top: int | None) -> DrillSpec | None:
        got: dict[str, object] = {}

        def get(name: str) -> tuple[object, int | None]:
            node = fields.get(name)
            return (self.value(node, name), line_of(node)) if node is not None else (None, top)

        version, line = get("drill")
        if version is not None and version != SPEC_VERSION:
            self.add(line, "drill", f"format version {version!r} is not known (this tutor reads 1)")
        title, line = get("title")
        if not isinstance(title, str) or not title.strip():
            self.add(line, "title", "a title is required (a line of text)")
        elif len(title) > 200:
            self.add(line, "title", f"too long ({len(title)} characters; at most 200)")
        else:
            got["title"] = title.strip()
        seed, line = get("seed")
        if isinstance(seed, bool) or not isinstance(seed, int):
            self.add(line, "seed", "a whole number is required (everyone's order comes from it)")
        elif abs(seed) >= 2**63:
            self.add(line, "seed", "too large (at most 19 digits)")
        else:
            got["seed"] = seed
        self._questions(fields.get("questions"), top, got)
        for name in ("time_per_question", "time_total"):
            v, line = get(name)
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, int | float) or not 1 <= v <= 86400:
                self.add(line, name, "seconds between 1 and 86400, or leave it out for no limit")
            else:
                got[name] = float(v)
        v, line = get("attempts")
        if v is not None:
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= MAX_ATTEMPTS:
                self.add(line, "attempts", f"a whole number from 1 to {MAX_ATTEMPTS}")
            else:
                got["attempts"] = v
        v, line = get("hints")
        if v is not None:
            if not isinstance(v, bool):
                self.add(line, "hints", "true or false")
            else:
                got["hints"] = v
        v, line = get("show_answers")
        if v is not None:
            if v not in REVEALS:
                self.add(line, "show_answers", f"one of {', '.join(REVEALS)}, not {v!r}")
            else:
                got["show_answers"] = v
        v, line = get("languages")
        if v is not None:
            langs = [v] if isinstance(v, str) else v
            if (
                not isinstance(langs, list)
                or not langs
                or any(x not in LANGS for x in langs)
                or len(set(langs)) != len(langs)
            ):
                self.add(line, "languages", "ar, en, or a list of them (the first is the default)")
            else:
                got["languages"] = tuple(langs)
        if self.problems:
            return None
        return DrillSpec(**got)  # type: ignore[arg-type]

    def _questions(self, node: yaml.Node | None, top: int | None, got: dict[str, object]) -> None:
        if node is None:
            self.add(top, "questions", "required: a list of question ids, or filters")
            return
        if isinstance(node, yaml.SequenceNode):
            ids: list[str] = []
            for i, item in enumerate(node.value):
                v = self.value(item, f"questions[{i}]")
                if not isinstance(v, str) or not v.strip():
                    self.add(line_of(item), f"questions[{i}]", "a question id (text)")
                elif v in ids:
                    self.add(line_of(item), f"questions[{i}]", f"{v!r} is listed twice")
                else:
                    ids.append(v)
            if not node.value:
                self.add(line_of(node), "questions", "the list is empty")
            got["ids"] = tuple(ids)
            return
        if not isinstance(node, yaml.MappingNode):
            self.add(line_of(node), "questions", "a list of question ids, or a mapping of filters")
            return
        for k, v in mapping_items(node):
            key = k.value if isinstance(k, yaml.ScalarNode) else None
            field = f"questions.{key}"
            if key not in FILTERS:
                self.add(line_of(k), field, f"unknown filter (filters: {', '.join(FILTERS)})")
                continue
            value = self.value(v, field)
            if key == "count":
                if isinstance(value, bool) or not isinstance(value, int):
                    self.add(line_of(v), field, "a whole number of questions")
                elif not 1 <= value <= MAX_COUNT:
                    self.add(line_of(v), field, f"from 1 to {MAX_COUNT}")
                else:
                    got["count"] = value
                continue
            items = value if isinstance(value, list) else [value]
            if key == "difficulty":
                if any(isinstance(x, bool) or x not in (1, 2, 3) for x in items):
                    self.add(line_of(v), field, "1, 2, 3, or a list of them")
                else:
                    got["difficulty"] = tuple(items)
            elif not all(isinstance(x, str) and x for x in items):
                self.add(line_of(v), field, "a name, or a list of names")
            else:
                got[key] = tuple(items)


# --- writing ---


def dump_spec(spec: DrillSpec) -> str:
    """The spec as YAML a teacher can edit, with a comment per field."""

    def j(v: object) -> str:  # JSON is YAML: quoted where needed, Arabic kept
        return json.dumps(v, ensure_ascii=False)

    def opt(v: float | None) -> str:
        return "null" if v is None else (str(int(v)) if float(v).is_integer() else str(v))

    lines = [
        f"# tutor drill spec, format {SPEC_VERSION} (docs/drills.md).",
        "# Check it with: tutor drill check FILE",
        f"drill: {spec.version}",
        f"title: {j(spec.title)}",
        "# everyone gets the same questions, order and option order from this number",
        f"seed: {spec.seed}",
    ]
    if spec.ids:
        lines.append("questions:")
        lines += [f"  - {j(i)}" for i in spec.ids]
    else:
        lines.append("questions:  # filters, as `tutor study` takes them; [] means all")
        lines.append(f"  articles: {j(list(spec.articles))}")
        lines.append(f"  tags: {j(list(spec.tags))}")
        lines.append(f"  difficulty: {j(list(spec.difficulty))}")
        lines.append(f"  count: {spec.count}")
    lines += [
        "# seconds; null for no limit",
        f"time_per_question: {opt(spec.time_per_question)}",
        f"time_total: {opt(spec.time_total)}",
        "# tries per question; a wrong try before the last shows the hint if hints are allowed",
        f"attempts: {spec.attempts}",
        f"hints: {'true' if spec.hints else 'false'}",
        "# when the answer and its evidence are shown: after_each | at_end | never",
        f"show_answers: {spec.show_answers}",
        "# the first is the default; students may switch among these",
        f"languages: {j(list(spec.languages))}",
    ]
    return "\n".join(lines) + "\n"


# --- against a bank ---


def check_against_bank(spec: DrillSpec, bank: Bank, file: Path | None = None) -> list[Problem]:
    """What in `spec` the bank cannot give: unknown ids, articles, tags; too few questions."""
    out: list[Problem] = []
    if spec.ids:
        for qid in spec.ids:
            q = bank.get(qid)
            if q is None:
                out.append(Problem(file, None, f"unknown question id {qid!r}", field="questions"))
            elif q.prompt is None:
                out.append(
                    Problem(file, None, f"{qid!r} is grading-only (no prompt)", field="questions")
                )
        return out
    unknown = [a for a in spec.articles if a not in bank.articles]
    if unknown:
        known = ", ".join(sorted(bank.articles)) or "none"
        out.append(
            Problem(
                file,
                None,
                f"unknown article {', '.join(unknown)} (articles: {known})",
                field="questions.articles",
            )
        )
    tags = {tag for q in bank.questions for tag in q.tags}
    unknown = [tag for tag in spec.tags if tag not in tags]
    if unknown:
        out.append(Problem(file, None, f"unknown tag {', '.join(unknown)}", field="questions.tags"))
    if not out:
        n = len(select_questions(spec, bank))
        if n == 0:
            out.append(Problem(file, None, "no question matches", field="questions"))
        elif n < spec.count:
            out.append(
                Problem(
                    file,
                    None,
                    f"only {n} question(s) match, count is {spec.count}",
                    field="questions.count",
                    severity="warning",
                )
            )
    return out


def select_questions(spec: DrillSpec, bank: Bank) -> list[Question]:
    """The drill's questions in the order everyone gets them."""
    from tutor.engine.ports import ShufflePicker
    from tutor.engine.session import RoundSpec

    if spec.ids:
        qs = [bank.get(i) for i in spec.ids]
        return [q for q in qs if q is not None and q.prompt is not None]
    rs = RoundSpec(spec.articles, spec.tags, spec.difficulty, spec.count)
    pool = [q for q in bank.questions if rs.admits(q)]
    return ShufflePicker(spec.seed).pick(pool, spec.count, datetime(2000, 1, 1, tzinfo=UTC))
