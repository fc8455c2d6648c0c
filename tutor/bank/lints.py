"""Lints for `tutor check`: what a teacher would frown at, though nothing is broken.

Warnings only. Choice keys that a learner could guess without knowing (the same position most of
the time, the one long option, two options alike), answers given away (by another question of the
same article, by the question's own prompt or hint, or by the line shown above it: any accepted
form, stemmed or as a synonym the grader knows, small figures as words beside what is counted, a
yes/no claim or its denial), and prompts so alike that one question repeats another. `leaks_ok`
on a question silences a give-away the author knows of (`{other-id: reason}`; the question's own
id for its own prompt or hint; `context` for the line above). Rounds keep a question apart from
any other that gives it away, their explanations included (shown after each answer), unless the
give-away is one of those known and fine (leak_graph, apart).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tutor.bank.model import Article, Bank, Localized, PartialDate, Question
from tutor.bank.problems import Problem

KEY_SHARE = 0.40  # one position holding more of a bank's choice keys than this is a pattern
KEY_SHARE_MIN = 5  # ... once the bank has this many choice questions
KEY_LENGTH = 1.6  # a key this many times longer than every distractor stands out
NEAR_DUPLICATE = 90  # rapidfuzz token_sort_ratio of two prompts (normalised), 0..100, between
# questions of one type: "Where was it signed?" (text) and "When was it signed?" (date) score 96
SMALL_FIGURE = 10  # figures up to this are matched as digits, or as words only beside what the
# question counts ("two visits", «زيارتان», "twice" for "how many times…visit"): "one" is everywhere
CLAIM_SHARE = 0.7  # a text holding this share of a yes/no claim's weight (its rare words) states it
CLAIM_MIN = 3  # ... when the claim has at least this many content words
CONTEXT = "context"  # the `leaks_ok` key for the line shown above a question

_PREFIXES = {"", "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل"}


@dataclass(frozen=True)
class Leak:
    """Question `qid`'s answer (`form`) is written in `where` of `by` (an id, or `context`)."""

    qid: str
    by: str
    where: str  # prompt | hint | context
    form: str

    @property
    def kind(self) -> str:
        if self.by == CONTEXT:
            return "context"
        return "self" if self.by == self.qid else "other"


# --- what gives an answer away -------------------------------------------------------------


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    from tutor.grading.normalize import normalize

    return normalize(s)


@lru_cache(maxsize=8192)
def _tokens(s: str) -> tuple[str, ...]:
    return tuple(_norm(s).split())


def _texts(loc: Localized | None) -> list[str]:
    return [s for s in (loc.ar, loc.en) if s] if loc else []


def _answer_forms(q: Question) -> list[list[str]]:
    """The answer's written forms (any accepted form, either language), normalised: one group
    per thing to name (a list's items; one group for a text or a choice)."""
    a = q.answer
    groups: list[list[str]] = []
    if q.type == "text" and isinstance(a, Localized):
        groups = [[*a.forms(), *q.accept]]
    elif q.type == "list" and isinstance(a, tuple):
        groups = [list(item.forms()) for item in a]
    elif q.type == "choice" and isinstance(a, int) and 0 <= a < len(q.choices):
        groups = [list(q.choices[a].forms())]
    out = []
    for forms in groups:
        normed = list(dict.fromkeys(_norm(f) for f in forms))
        normed = [n for n in normed if len(n.replace(" ", "")) >= 3]  # "US" is the word "us"
        if normed:
            out.append(normed)
    return out


def _contains(tokens: Sequence[str], form: Sequence[str]) -> bool:
    """`form` as whole words in `tokens`; an Arabic proclitic may precede its first word."""
    k = len(form)
    for i in range(len(tokens) - k + 1):
        t0 = tokens[i]
        if t0 != form[0] and not (
            t0.endswith(form[0]) and t0[: len(t0) - len(form[0])] in _PREFIXES
        ):
            continue
        if list(tokens[i + 1 : i + k]) == list(form[1:]):
            return True
    return False


def _figure_in(q: Question, text: str) -> str | None:
    """The question's figure, year or date as `text` writes it, or None."""
    from tutor.grading.dates import date_parts
    from tutor.grading.numbers import figures

    a = q.answer
    if q.type == "date" and isinstance(a, PartialDate):
        parts = date_parts(text)
        if a.month not in parts.months:
            return None
        if a.day is not None and a.day in parts.days:
            return str(a)
        if a.day is None and a.year in parts.years:
            return str(a)
        return None
    if q.type not in ("number", "year") or isinstance(a, bool) or not isinstance(a, int | float):
        return None
    tol = q.tolerance or 0
    if abs(a) <= SMALL_FIGURE:
        values = [float(t) for t in _tokens(text) if t.isdigit()] + _counted(q, text)
    else:
        values = list(figures(text).values)
    return str(a) if any(abs(v - a) <= tol for v in values) else None


_TIMES = {"once": 1, "twice": 2, "thrice": 3, "مره": 1, "مرتين": 2, "مرتان": 2}
_BOTH = {"both", "كلا", "كلتا"}
_DUAL = (("تان", "ه"), ("تين", "ه"))  # «زيارتان» of «زيارة»; «-ان», «-ين» end too many words


_HOW_MANY = re.compile(r"\b(?:how (?:many|much)|كم(?: عدد)?) (\w+)")
_THE_TIMES = {"times", "مره", "مرات"}


@lru_cache(maxsize=4096)
def _counts(q: Question) -> tuple[frozenset[str], tuple[str, ...]]:
    """What the question counts, as concepts and words: the noun after "how many" / «كم», its
    unit, and for "how many times" the rest of what it asks ("visit", «زار»)."""
    from tutor.grading.paraphrase import bag

    words: list[str] = []
    for t in _texts(q.prompt):
        for m in _HOW_MANY.finditer(_norm(t)):
            words.append(m.group(1))
            if m.group(1) in _THE_TIMES:
                rest = _norm(t)[m.end() :]
                words += [w for w in bag(rest, _COMMON).words if w not in _names(q)]
    for t in _texts(q.unit):
        words += bag(t).words
    b = bag(" ".join(words))
    kept = [(w, c) for w, c in zip(b.words, b.concepts, strict=True) if c not in _PLACES]
    return frozenset(c for _, c in kept), tuple(w for w, _ in kept)


@lru_cache(maxsize=4096)
def _names(q: Question) -> frozenset[str]:
    """The prompt's proper names (capitalised in English, and their Arabic words are left in)."""
    en = q.prompt.en if q.prompt and q.prompt.en else ""
    return frozenset(_norm(w) for w in re.findall(r"\b[A-Z][\w'-]*", en)[1:])


def _counted_noun(q: Question, word: str) -> bool:
    """Whether `word` names what q counts ("visits" for "how many times did he visit")."""
    from tutor.grading.normalize import word_variants
    from tutor.grading.paraphrase import concept
    from tutor.grading.text import same_word

    concepts, words = _counts(q)
    return any(
        concept(v) in concepts
        or any(same_word(v, w) for w in words if len(w) >= 4)
        or (not v.isascii() and any(_same_root(v, w) for w in words if not w.isascii()))
        for v in word_variants(word)
        if len(v) >= 3
    )


def _same_root(noun: str, verb: str) -> bool:
    """An Arabic noun and verb of one root by the grader's skeleton (long vowels dropped):
    «زيارة» and «زار»."""
    from tutor.grading.text import _skeleton

    a, b = _skeleton(noun.removesuffix("ه")), _skeleton(verb)
    return a is not None and len(a) >= 2 and a == b


def _counted(q: Question, text: str) -> list[float]:
    """Small figures `text` writes as words next to what the question counts: "two visits",
    "visited twice", «زيارتان», «الزيارتين», "both visits"."""
    from tutor.grading.normalize import word_variants
    from tutor.grading.numbers import figures

    toks = _tokens(text)
    out: list[float] = []
    for i, tok in enumerate(toks):
        near = [
            t for t in (toks[i - 1] if i else "", toks[i + 1] if i + 1 < len(toks) else "") if t
        ]
        for v in word_variants(tok):
            if v in _TIMES and (_counted_noun(q, "times") or _counted_noun(q, "مره")):
                out.append(float(_TIMES[v]))
            elif v in _BOTH and any(_counted_noun(q, t) for t in near[1:] or near):
                out.append(2.0)
            elif not v.isdigit() and (vals := figures(v, ordinals=False).values):
                if len(vals) == 1 and any(_counted_noun(q, t) for t in near):
                    out.append(vals[0])
            elif not v.isascii() and len(v) >= 5:
                for end, sing in _DUAL:
                    if v.endswith(end) and _counted_noun(q, v[: -len(end)] + sing):
                        out.append(2.0)
                        break
            else:
                continue
            break
    return out


_STEM_MIN = 4  # a shorter stem stands for the word itself: the Arabic stemmer cuts names hard
_PLACES = {"~american", "~britain", "~china", "~russia", "~north_korea"}


@lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    """The grader's concepts of `text`'s content words, except that a capital is not its
    country here: "Pyongyang" in a prompt does not give away "North Korea"."""
    import snowballstemmer

    from tutor.grading.paraphrase import bag

    b = bag(text)
    en, ar = snowballstemmer.stemmer("english"), snowballstemmer.stemmer("arabic")
    out = []
    for w, c in zip(b.words, b.concepts, strict=True):
        if c in _PLACES:
            c = (en if w.isascii() else ar).stemWord(w)
        out.append(c if c.startswith("~") or len(c) >= _STEM_MIN else w)  # «كورونا», «كوريا»: كور
    return tuple(out)


def _stemmed(form: str, text: str) -> bool:
    """`form` in `text` as its words' stems or synonyms, in any order within a short span
    ("sanctioned" for "sanctions", "labourers" for "workers"): the grader's own concepts."""
    want = _stems(form)
    if not want:
        return False
    have = _stems(text)
    span = len(want) + 2
    need = set(want)
    return any(need <= set(have[i : i + span]) for i in range(max(1, len(have) - span + 1)))


def _is_name(q: Question, forms: list[str]) -> bool:
    """Whether an answer is a proper name (capitalised in the bank's English): a name does not
    inflect, and the Arabic stemmer would take «رئيسي» (Raisi) for «الرئيسية» (main)."""
    a = q.answer
    items = [a] if isinstance(a, Localized) else list(a) if isinstance(a, tuple) else []
    if q.type == "choice" and isinstance(a, int) and 0 <= a < len(q.choices):
        items = [q.choices[a]]
    normed = set(forms)
    for item in items:
        if isinstance(item, Localized) and normed & {_norm(f) for f in item.forms()}:
            en = (item.en or "").removeprefix("the ")
            return en[:1].isupper()
    return False


def _found(q: Question, groups: list[list[str]], text: str, *, names: bool = True) -> str | None:
    """What of the answer `text` writes: the figure, or enough of the answer's names (a list
    gives itself away when as many of its items as it needs are written)."""
    fig = _figure_in(q, text)
    if fig is not None:
        return fig
    tokens = _norm(text).split()
    hits = [
        h
        for forms in groups
        if names or not _is_name(q, forms)
        if (h := next((f for f in forms if _contains(tokens, f.split())), None))
        or (not _is_name(q, forms) and (h := next((f for f in forms if _stemmed(f, text)), None)))
    ]
    return ", ".join(hits) if hits and len(hits) >= min(q.needed, len(groups)) else None


def context_texts(q: Question, article: Article | None) -> list[str]:
    """What the app shows above a question: its article's name, the outlet, its topics."""
    from tutor.i18n import tag_name

    out: list[str] = []
    if article is not None:
        out += [article.display_title("ar"), article.display_title("en")]
        if article.title != "unknown":
            out.append(article.title)
        if article.outlet != "unknown":
            out.append(article.outlet)
    for tag in q.tags[:1]:  # the header names the first topic (tutor/ui/texts.py, plain.py)
        out += [tag_name(tag, "ar"), tag_name(tag, "en")]
    return out


def _askable(q: Question) -> bool:
    """Whether an answer could be given away by its words: a yes/no answer cannot be written
    (its claim can: `_claim_in`), and an order's items are shown anyway."""
    return q.type not in ("bool", "order")


def articles_of(q: Question) -> frozenset[str]:
    """The articles a question touches: its own, and every one its evidence quotes."""
    own = {q.article} if q.article else set()
    return frozenset(own | {x.article for x in q.passages() if x.article})


# the words every yes/no prompt of a bank shares: they state nothing
_CLAIM_LEAD = re.compile(r"^\s*(true or false|صح ام خطا|صواب ام خطا)\s*[:؟?]?\s*")
_COMMON = frozenset(_norm(w) for w in (
    "according", "article", "articles", "say", "says", "written", "بحسب", "حسب", "وفق", "وفقا",
    "المقال", "مقال", "المقالات", "يقول", "كتابه",
))  # fmt: skip


# a quotation of four words or more is an article's name ('Russia is building a closer alliance
# with the world's authoritarian regimes'), shared by all its questions: it states no claim
_QUOTED = re.compile(r"(?<!\w)'.+?'(?!\w)|«[^»]*»|“[^”]*”|\"[^\"]*\"")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " if len(m.group().split()) >= 4 else m.group(), text)


@lru_cache(maxsize=4096)
def _claim(text: str) -> frozenset[str]:
    """The concepts of a yes/no prompt's claim ("True or false: …" left out)."""
    from tutor.grading.paraphrase import bag

    claim = _CLAIM_LEAD.sub("", _norm(_unquoted(text)))
    b = bag(claim, _COMMON)
    return frozenset(b.concepts)


def _claim_in(q: Question, text: str) -> str | None:
    """A bool question's claim (or its denial: either gives the verdict) stated in `text`: most
    of the claim's content words, as the grader's stems and synonyms, written there."""
    from tutor.grading.paraphrase import bag

    have = set(bag(_unquoted(text)).concepts)
    for prompt in _texts(q.prompt):
        want = _claim(prompt)
        if len(want) >= CLAIM_MIN and len(want & have) >= CLAIM_SHARE * len(want):
            return f"its claim ({len(want & have)} of {len(want)} words)"
    return None


def _leak(q: Question, other: Question) -> Leak | None:
    """Whether `other`'s prompt or hint (or q's own, when other is q) writes q's answer, or
    states q's yes/no claim (q's own hint only: its prompt is the claim)."""
    if q.type == "bool":
        for where, loc in (("prompt", other.prompt), ("hint", other.hint)):
            if where == "prompt" and other is q:
                continue
            hit = next((f for t in _texts(loc) if (f := _claim_in(q, t))), None)
            if hit is not None:
                return Leak(q.id, other.id, where, hit)
        return None
    if not _askable(q):
        return None
    groups = _answer_forms(q)
    for where, loc in (("prompt", other.prompt), ("hint", other.hint)):
        hit = next((f for t in _texts(loc) if (f := _found(q, groups, t))), None)
        if hit is not None:
            return Leak(q.id, other.id, where, hit)
    if other is not q:  # another choice's options and an order's items (as shown: their
        # accepted forms are not) are on screen too. A name among options (a "who said it"
        # list of speakers) tells no one who is who; a name in an item says what it was.
        items = other.answer if other.type == "order" else ()
        for where, shown, names in (("options", other.choices, False), ("items", items, True)):
            texts = [t for c in shown for t in _texts(c)]  # type: ignore[arg-type]
            hit = next((f for t in texts if (f := _found(q, groups, t, names=names))), None)
            if hit is not None:
                return Leak(q.id, other.id, where, hit)
    return None


def find_leaks(
    questions: Sequence[Question], articles: dict[str, Article] | None = None
) -> list[Leak]:
    """Every give-away among `questions` (and, with `articles`, in the line shown above them).
    Questions share an article when either touches it (a connecting question touches every
    article it quotes)."""
    by_article: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        for a in articles_of(q):
            by_article[a].append(q)
    out: list[Leak] = []
    for q in questions:
        if q.type == "order":
            continue
        near = {o.id: o for a in articles_of(q) for o in by_article[a]} or {q.id: q}
        near.setdefault(q.id, q)
        for other in near.values():
            leak = _leak(q, other)
            if leak is not None:
                out.append(leak)
        if articles is not None and _askable(q):
            article = articles.get(q.article) if q.article else None
            groups = _answer_forms(q)
            hit = next((f for t in context_texts(q, article) if (f := _found(q, groups, t))), None)
            if hit is not None:
                out.append(Leak(q.id, CONTEXT, "context", hit))
    return out


def _explained(q: Question, other: Question) -> Leak | None:
    """Whether `other`'s explanation writes q's answer or states q's yes/no claim. It is shown
    once `other` is answered, so it gives q away later in the same round; it is no fault of the
    bank (an explanation may name what it must), so rounds keep the two apart but `tutor check`
    does not warn."""
    if other is q or other.explanation is None:
        return None
    texts = _texts(other.explanation)
    if q.type == "bool":
        hit = next((f for t in texts if (f := _claim_in(q, t))), None)
    elif _askable(q):
        groups = _answer_forms(q)
        hit = next((f for t in texts if (f := _found(q, groups, t))), None)
    else:
        hit = None
    return None if hit is None else Leak(q.id, other.id, "explanation", hit)


def leak_graph(questions: Iterable[Question]) -> dict[str, set[str]]:
    """Question id → ids of the other questions whose prompt, hint or explanation gives its
    answer away, except those its `leaks_ok` calls fine."""
    qs = list(questions)
    ok = {q.id: dict(q.leaks_ok) for q in qs}
    graph: dict[str, set[str]] = defaultdict(set)
    for leak in find_leaks(qs):
        if leak.kind == "other" and leak.by not in ok[leak.qid]:
            graph[leak.qid].add(leak.by)
    by_article: dict[str, list[Question]] = defaultdict(list)
    for q in qs:
        for a in articles_of(q):
            by_article[a].append(q)
    for q in qs:
        for other in {o.id: o for a in articles_of(q) for o in by_article[a]}.values():
            if other.id not in ok[q.id] and _explained(q, other) is not None:
                graph[q.id].add(other.id)
    return dict(graph)


def gives_away(a: Question, b: Question) -> bool:
    """Whether either of two questions of the same article gives the other's answer away, in
    its prompt, hint, options or explanation (and the one given away does not call it fine in
    `leaks_ok`)."""
    if a.id == b.id or not articles_of(a) & articles_of(b):
        return False
    ok_a, ok_b = dict(a.leaks_ok), dict(b.leaks_ok)
    return (b.id not in ok_a and (_leak(a, b) or _explained(a, b)) is not None) or (
        a.id not in ok_b and (_leak(b, a) or _explained(b, a)) is not None
    )


def apart(
    questions: Iterable[Question], limit: int, *, after: Sequence[Question] = ()
) -> list[Question]:
    """`after`, then more of `questions` in their order up to `limit` in all, skipping any that
    gives away, or is given away by, one already taken (greedy: the earlier, higher-priority
    question stays). Only the pairs it meets are compared: a round costs milliseconds."""
    taken: list[Question] = list(after)
    for q in questions:
        if len(taken) >= limit:
            break
        if not any(gives_away(q, t) for t in taken):
            taken.append(q)
    return taken


# --- the lints ----------------------------------------------------------------------------


def _where(q: Question) -> tuple:
    return (q.location.file, q.location.line) if q.location else (None, None)


def _warn(q: Question, message: str, field: str) -> Problem:
    file, line = _where(q)
    return Problem(file, line, message, q.id, field, severity="warning")


def lint_leaks(bank: Bank) -> tuple[list[Problem], Counter]:
    """One warning per question and kind of give-away, naming every question that gives it."""
    grouped: dict[tuple[str, str], list[Leak]] = defaultdict(list)
    for leak in find_leaks(bank.questions, bank.articles):
        q = bank.get(leak.qid)
        assert q is not None
        if leak.by not in dict(q.leaks_ok):
            grouped[(leak.qid, leak.kind)].append(leak)
    problems: list[Problem] = []
    counts: Counter = Counter()
    for (qid, kind), found in grouped.items():
        q = bank.get(qid)
        assert q is not None
        counts[f"leak-{kind}"] += 1
        forms = ", ".join(dict.fromkeys(repr(x.form) for x in found))
        if kind == "other":
            where = ", ".join(f"{x.by} ({x.where})" for x in found)
            msg = f"the answer ({forms}) is written in the prompt or hint of {where}"
        elif kind == "self":
            msg = f"the answer ({forms}) is written in its own {found[0].where}"
        else:
            msg = f"the answer ({forms}) is written in the line shown above the question"
        problems.append(_warn(q, msg + "; leaks_ok: {id: reason} if this is fine", "leak"))
    return problems, counts


def lint_near_duplicates(bank: Bank) -> list[Problem]:
    from rapidfuzz import fuzz, process

    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for lang in ("ar", "en"):
        qs = [q for q in bank.questions if q.prompt is not None and getattr(q.prompt, lang)]
        texts = [_norm(getattr(q.prompt, lang)) for q in qs]
        if len(qs) < 2:
            continue
        for j, text in enumerate(texts):
            hits = process.extract(text, texts[:j], scorer=fuzz.token_sort_ratio,
                                   score_cutoff=NEAR_DUPLICATE, limit=None)  # fmt: skip
            for _, score, i in hits:
                a, b = qs[i], qs[j]
                if texts[i] == text or a.type != b.type or (a.id, b.id) in seen:
                    continue  # exact repeats are check_prompts' error
                if a.id in dict(b.leaks_ok) or b.id in dict(a.leaks_ok):
                    continue
                seen.add((a.id, b.id))
                problems.append(_warn(b, f"prompt ({lang}) is nearly the same as {a.id}'s "
                                      f"({score:.0f}%)", "prompt"))  # fmt: skip
    return problems


def key_positions(bank: Bank) -> Counter:
    """How many choice keys sit at each position (1-based) in the file."""
    return Counter(
        q.answer + 1 for q in bank.questions if q.type == "choice" and isinstance(q.answer, int)
    )


def lint_choices(bank: Bank) -> list[Problem]:
    from tutor.grading.normalize import normalize

    problems: list[Problem] = []
    for q in bank.questions:
        if q.type != "choice" or not isinstance(q.answer, int):
            continue
        key, rest = q.choices[q.answer], [c for i, c in enumerate(q.choices) if i != q.answer]
        for lang in ("ar", "en"):
            k = getattr(key, lang)
            others = [len(x) for c in rest if (x := getattr(c, lang))]
            if k and others and len(k) > KEY_LENGTH * max(others):
                problems.append(_warn(q, f"the key ({lang}, {len(k)} characters) is much longer "
                                      f"than every other option (at most {max(others)})",
                                      "choices"))  # fmt: skip
                break
        seen: dict[str, int] = {}
        for i, c in enumerate(q.choices, 1):
            for f in {normalize(x) for x in c.forms()}:
                if f in seen and seen[f] != i:
                    problems.append(_warn(q, f"options {seen[f]} and {i} are the same once "
                                          f"normalised ({f!r})", "choices"))  # fmt: skip
                    break
                seen[f] = i
    positions = key_positions(bank)
    total = sum(positions.values())
    if total >= KEY_SHARE_MIN:
        pos, n = max(positions.items(), key=lambda kv: (kv[1], -kv[0]))
        if n > KEY_SHARE * total:
            per = ", ".join(f"{p}: {c}" for p, c in sorted(positions.items()))
            problems.append(Problem(
                None, None, f"{n} of {total} choice keys ({n / total:.0%}) are option {pos} "
                f"(per position: {per})", field="choices", severity="warning",
            ))  # fmt: skip
    return problems


def lint(bank: Bank) -> tuple[list[Problem], dict[str, Counter]]:
    """Every lint's warnings, and counts for the summary."""
    leaks, counts = lint_leaks(bank)
    dups = lint_near_duplicates(bank)
    choices = lint_choices(bank)
    counts["near-duplicate-prompt"] = len(dups)
    for p in choices:
        kind = "choice-key-position" if p.qid is None else (
            "choice-options-alike" if "same once normalised" in p.message else "choice-key-length"
        )  # fmt: skip
        counts[kind] += 1
    summary = {"lint warning": +counts} if +counts else {}
    positions = key_positions(bank)
    if positions:
        summary["choice key position"] = positions
    return [*choices, *leaks, *dups], summary
