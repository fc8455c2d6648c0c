"""What the tutor says, as bubble parts, in the learner's language. No grading happens here: every
verdict comes from the engine's Outcome; this only puts it into words from tutor.i18n."""

from __future__ import annotations

from collections.abc import Sequence

from tutor.bank.model import Bank, Question
from tutor.engine.session import REVEALED, SKIPPED, Outcome, RoundSummary
from tutor.grading.verdict import CORRECT, PARTIAL
from tutor.i18n import t
from tutor.ui.widgets.chat import Part
from tutor.wording import summary_rows, topic_text


def question_parts(
    q: Question, bank: Bank, index: int, total: int, lang: str, order: Sequence[int] = ()
) -> list[Part]:
    """`order`: a choice's options or an order question's items as the engine shows them
    (Session.order, Session.items_shown); the bank's order if empty."""
    article = bank.article_of(q)
    title = article.display_title(lang) if article else "—"
    header = t(
        "question.header",
        lang,
        index=index,
        total=total,
        article=title,
        topic=topic_text(q, lang),
        difficulty=q.difficulty if q.difficulty is not None else t("question.no_difficulty", lang),
    )
    parts = [Part(header, "header"), Part(q.prompt.get(lang) if q.prompt else q.id, "prompt")]
    if q.type == "choice":
        parts.append(Part(t("question.choices", lang), "note"))
        for i, k in enumerate(order or range(len(q.choices)), 1):
            parts.append(Part(f"{i}. {q.choices[k].get(lang)}", "choice"))
    elif q.type == "order" and isinstance(q.answer, tuple):
        parts.append(Part(t("question.order", lang), "note"))
        for i, k in enumerate(order or range(len(q.answer)), 1):
            parts.append(Part(f"{i}. {q.answer[k].get(lang)}", "choice"))
    elif q.type == "bool":
        parts.append(Part(t("question.bool", lang), "note"))
    elif q.type == "list" and q.needed > 1:
        parts.append(Part(t("question.list", lang, need=q.needed), "note"))
    if q.unit is not None:
        parts.append(Part(t("question.unit", lang, unit=q.unit.get(lang)), "note"))
    return parts


def verdict_line(o: Outcome, lang: str) -> str:
    v = o.verdict
    reason = (v.reason_ar or v.reason) if lang == "ar" else (v.reason or v.reason_ar)
    if o.kind == SKIPPED:
        return t("answer.skipped", lang, answer=o.question.answer_text(lang))
    if o.kind == REVEALED:
        return t("answer.revealed", lang, answer=o.question.answer_text(lang))
    if v.no_answer:
        return t("verdict.no_answer", lang)
    if v.verdict == CORRECT:
        return (
            t("verdict.correct_reason", lang, reason=reason)
            if reason
            else t("verdict.correct", lang)
        )
    if v.verdict == PARTIAL:
        return t("verdict.partial", lang, reason=reason)
    return (
        t("verdict.incorrect", lang, reason=reason)
        if reason
        else t("verdict.incorrect_plain", lang)
    )


def outcome_parts(o: Outcome, lang: str) -> list[Part]:
    """Verdict; then a hint and a second try, or the answer, its evidence and the explanation."""
    style = {CORRECT: "verdict correct", PARTIAL: "verdict partial"}.get(
        o.verdict.verdict, "verdict wrong"
    )
    parts = [Part(verdict_line(o, lang), style)]
    if not o.final:
        if o.hint is not None:
            parts.append(Part(t("hint.offered", lang, hint=o.hint.get(lang)), "hint"))
        parts.append(Part(t("hint.try_again", lang), "note"))
        return parts
    q = o.question
    if o.revealed and o.kind not in (SKIPPED, REVEALED):
        parts.append(Part(t("answer.revealed", lang, answer=q.answer_text(lang)), "answer"))
    parts.extend(evidence_parts(o, lang))
    if q.explanation is not None:
        parts.append(Part(t("explanation", lang, text=q.explanation.get(lang)), "explanation"))
    return parts


def evidence_parts(o: Outcome, lang: str) -> list[Part]:
    ev = o.evidence
    if ev is None:
        return [Part(t("evidence.missing", lang), "note")] if o.question.evidence else []
    return [
        part
        for e in (ev, *o.more_evidence)
        for part in (
            Part(t("evidence.header", lang, title=e.article.display_title(lang)), "source"),
            Part(e.passage, "quote", tuple(e.highlights)),
        )
    ]


_STYLE = {"title": "header", "score": "verdict", "group": "subheader",
          "none_missed": "verdict correct"}  # fmt: skip


def summary_parts(s: RoundSummary, lang: str) -> list[Part]:
    parts = [
        Part("  " + text if kind == "tag" else text, _STYLE.get(kind, ""))
        for kind, text in summary_rows(s, lang)
    ]
    if not s.total:
        return parts
    if s.missed:
        parts.append(Part(t("summary.retry_offer", lang, count=len(s.missed)), "offer"))
    else:
        parts.append(Part(t("summary.new_offer", lang), "offer"))
    return parts
