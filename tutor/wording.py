"""What the tutor says about a finished round, worded once for both front ends.

The app turns each row into a styled bubble line, line mode into a line of text; neither decides
what a summary holds.
"""

from __future__ import annotations

from tutor.bank.model import Question
from tutor.engine.session import RoundSummary
from tutor.i18n import t, tag_name

Row = tuple[str, str]  # (kind, text); kind: title, score, group, tag, missed, none_missed, empty


def score_text(x: float) -> str:
    """Whole scores as whole numbers; half points (partial answers) with one decimal."""
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def topic_text(q: Question, lang: str) -> str:
    """The topic a question's header names: its first tag only. A further tag can name the
    answer ("Ukraine" over "which war…"); `tutor check`'s leak lint reads the same one."""
    return tag_name(q.tags[0], lang) if q.tags else t("question.no_topic", lang)


def summary_rows(s: RoundSummary, lang: str) -> list[Row]:
    rows: list[Row] = [("title", t("summary.title", lang))]
    if not s.total:
        return [*rows, ("empty", t("summary.empty", lang))]
    rows.append(("score", t("summary.score", lang, score=score_text(s.score), total=s.total)))
    if s.per_tag:
        rows.append(("group", t("summary.per_tag_title", lang)))
        for tag, (score, count) in sorted(s.per_tag.items()):
            name = tag_name(tag, lang)
            rows.append(("tag", t("summary.per_tag", lang, tag=name, score=score_text(score),
                                  count=count)))  # fmt: skip
    if s.missed:
        rows.append(("group", t("summary.missed_title", lang)))
        for q in s.missed:
            prompt = q.prompt.get(lang) if q.prompt else q.id
            rows.append(("missed", t("summary.missed", lang, prompt=prompt,
                                     answer=q.answer_text(lang))))  # fmt: skip
    else:
        rows.append(("none_missed", t("summary.none_missed", lang)))
    return rows
