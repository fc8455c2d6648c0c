"""`tutor stats`: what has been learned and what is due, with small text charts.

Plain text on purpose: it is also what the plain chat shows for /stats, and it must survive pipes.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from tutor.commands.common import (
    add_bidi_argument,
    bidi_of,
    load_or_report,
    open_store_or_report,
)
from tutor.display.safe import sanitize, shown
from tutor.i18n import default_lang, t, tag_name

if TYPE_CHECKING:  # the store (sqlite, fsrs) loads only when a command needs it
    from tutor.bank.model import Bank
    from tutor.store.stats import Group, Override, Stats

HELP = "stats: questions seen, due, accuracy per article and tag, retention, streak"

BLOCKS = " ▏▎▍▌▋▊▉█"
SPARKS = "▁▂▃▄▅▆▇█"
NO_DATA = "·"
BAR = 20
NAME = 30
OVERRIDES = 20  # "I was right" answers listed for review, newest first


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang", choices=("ar", "en"), default=argparse.SUPPRESS,
        help="the language of the report (default: from LANG/LC_ALL, else en)",
    )  # fmt: skip
    add_bidi_argument(p)


def run(args: argparse.Namespace) -> int:
    from tutor.store import StoreError
    from tutor.store.stats import compute_stats

    bank = load_or_report(args)
    if bank is None:
        return 1
    lang = getattr(args, "lang", None) or default_lang()
    store = open_store_or_report(args, reading=True, lang=lang)
    if store is None:
        return 1
    try:
        text = format_stats(compute_stats(store, bank), lang=lang, bank=bank)
    except StoreError as e:
        print(f"tutor: {e}", file=sys.stderr)
        return 1
    finally:
        store.close()
    from tutor.display.report import write_report

    write_report(text, bidi_of(args))
    return 0


def bar(fraction: float, width: int = BAR) -> str:
    """A left-to-right bar in eighths of a cell, padded with a light track."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, part = divmod(eighths, 8)
    text = "█" * full + (BLOCKS[part] if part else "")
    return text + "░" * (width - len(text))


def sparkline(values: list[float | None], top: float | None = None) -> str:
    """One character per value, scaled to `top` (the largest value when None); · for no data."""
    known = [v for v in values if v is not None]
    top = top if top is not None else max(known, default=0.0)
    out = []
    for v in values:
        if v is None or (top <= 0 and v <= 0):
            out.append(NO_DATA)
        else:
            i = round(min(v / top, 1.0) * (len(SPARKS) - 1)) if top > 0 else 0
            out.append(SPARKS[i])
    return "".join(out)


def percent(x: float | None) -> str:
    return "—" if x is None else f"{round(x * 100)}%"


def _name(s: str, width: int = NAME) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _group_lines(groups: list[Group], seen_word: str = " seen") -> list[str]:
    from tutor.display.bidi import cells  # names are padded as drawn: a lam-alef is one cell

    width = min(max((cells(_name(g.title)) for g in groups), default=0), NAME)
    lines = []
    for g in groups:
        seen = f"{g.seen}/{g.total}".rjust(7)
        acc = bar(g.accuracy or 0.0, 12) if g.accuracy is not None else NO_DATA * 12
        name = _name(g.title)
        name += " " * (width - cells(name))
        lines.append(f"  {name}  {seen}{seen_word}  {acc} {percent(g.accuracy)}")
    return lines


def named_groups(s: Stats, bank: Bank | None, lang: str) -> tuple[list[Group], list[Group]]:
    """Articles and topics titled in `lang`: each article's label, each topic's name."""
    articles = []
    for g in s.by_article:
        a = bank.articles.get(g.key) if bank is not None else None
        title = a.display_title(lang) if a is not None else g.title
        articles.append(replace(g, title=sanitize(title)))
    return articles, [replace(g, title=sanitize(tag_name(g.key, lang))) for g in s.by_tag]


def aided_line(s: Stats, lang: str) -> str | None:
    """What the first-try accuracy leaves out, when anything: answers after a hint, overrides."""
    if not (s.hinted or s.overridden):
        return None
    return t("stats.aided", lang, hinted=s.hinted, overridden=s.overridden)


def override_lines(s: Stats, bank: Bank | None, lang: str, limit: int = OVERRIDES) -> list[str]:
    """Each "I was right", newest first: the question, what was typed, what was expected."""
    lines = [_override_line(o, bank, lang) for o in s.overrides[:limit]]
    if len(s.overrides) > limit:
        lines.append(t("stats.more", lang, count=len(s.overrides) - limit))
    return lines


def _override_line(o: Override, bank: Bank | None, lang: str) -> str:
    q = bank.get(o.question_id) if bank is not None else None
    prompt = q.prompt.get(lang) if q is not None and q.prompt is not None else o.question_id
    expected = q.answer_text(lang) if q is not None else "—"
    typed = shown(" ".join(o.answer.split()), 200)  # the learner's text: no control characters
    verdict = t("stats.override_partial" if o.verdict == "partial" else "stats.override_incorrect",
                lang)  # fmt: skip
    return t(
        "stats.override_row", lang, date=o.at.astimezone().date().isoformat(),
        prompt=sanitize(prompt), answer=typed, verdict=verdict, expected=sanitize(expected),
    )  # fmt: skip


def _override_section(s: Stats, bank: Bank | None, lang: str) -> list[str]:
    if not s.overrides:
        return []
    rows = override_lines(s, bank, lang)
    return ["", t("stats.overrides", lang), *("  " + r.replace("\n", "\n  ") for r in rows)]


def format_stats(stats: Stats, lang: str = "en", bank: Bank | None = None) -> str:
    """The report; in Arabic with the screen's wording, articles and topics by their Arabic
    names, in logical order (what plain mode and screen readers need)."""
    if lang == "ar":
        return _format_ar(stats, bank)
    s = stats
    seen_frac = s.seen / s.total if s.total else 0.0
    days = "day" if s.streak == 1 else "days"
    lines = [
        f"Questions seen  {s.seen}/{s.total}  {bar(seen_frac)} {percent(seen_frac)}",
        f"Due             {s.due_today} today, {s.due_week} this week ({s.new_today} new today)",
        f"Accuracy        {percent(s.accuracy)} at the first try ({s.asked} asked)",
    ]
    if s.hinted or s.overridden:
        lines.append(
            f"                not counted: {s.hinted} after a hint, {s.overridden} “I was right”"
        )
    lines += [f"Streak          {s.streak} {days} (best {s.best_streak})", ""]
    counts = [float(p.asked) if p.asked else None for p in s.daily]
    most = max((p.asked for p in s.daily), default=0)
    lines.append(
        f"Last {len(s.daily)} days    {sparkline(counts)}  asked per day (most {most},"
        f" today {s.daily[-1].asked if s.daily else 0})"
    )
    lines.append(
        f"Accuracy/day    {sparkline([p.accuracy for p in s.daily], 1.0)}  right at the first try"
    )
    weekly = [p.accuracy for p in s.weekly]
    last = next((p for p in reversed(s.weekly) if p.accuracy is not None), None)
    lines.append(
        f"Retention       {sparkline(weekly, 1.0)}  by week, questions seen before"
        + (f" (latest {percent(last.accuracy)})" if last else "")
    )
    if s.by_article:
        lines += ["", "By article", *_group_lines(s.by_article)]
    if s.by_tag:
        lines += ["", "By tag", *_group_lines(s.by_tag)]
    lines += _override_section(s, bank, "en")
    return "\n".join(lines)


def _format_ar(s: Stats, bank: Bank | None) -> str:
    seen_frac = s.seen / s.total if s.total else 0.0
    lines = [
        t("stats.seen", "ar", seen=s.seen, total=s.total)
        + f"  {bar(seen_frac)} {percent(seen_frac)}",
        t("stats.due", "ar", today=s.due_today, week=s.due_week, new=s.new_today),
        t("stats.accuracy", "ar", accuracy=percent(s.accuracy), asked=s.asked),
        *filter(None, [aided_line(s, "ar")]),
        t("stats.streak", "ar", streak=s.streak, best=s.best_streak),
        "",
        f"{t('stats.daily', 'ar', days=len(s.daily))}: "
        + sparkline([float(p.asked) if p.asked else None for p in s.daily]),
        f"{t('stats.weekly', 'ar')}: {sparkline([p.accuracy for p in s.weekly], 1.0)}",
    ]

    articles, tags = named_groups(s, bank, "ar")
    if articles:
        lines += ["", t("stats.by_article", "ar"), *_group_lines(articles, "")]
    if tags:
        lines += ["", t("stats.by_tag", "ar"), *_group_lines(tags, "")]
    lines += _override_section(s, bank, "ar")
    return "\n".join(lines)
