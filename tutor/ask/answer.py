"""What the chat says to a learner's own question: the articles' passages, never the open
question's proof.

Front ends call `wants_answer` (tutor.ask.rule) on each line and, when it returns a question,
show the lines of `for_session` (or call its two halves: `asked_in` at once, `reply` in the
background); they never rank or filter passages themselves. While a question
is open, asking counts as a hint (Session.asked), and no passage is shown that holds that
question's evidence or its answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tutor.ask.lookup import Passage, search
from tutor.bank.model import Bank, Question
from tutor.engine.evidence import answer_forms, find_all, highlight_spans

if TYPE_CHECKING:
    from tutor.engine.session import Session

MORE = 2  # passages shown after the best one, if they add something
PRACTISE = 2  # bank questions offered on the passages shown

WORDING = {
    "none": {
        "en": "The articles do not answer that. Try other words, or /source to read an article.",
        "ar": "لا تجيب المقالات عن هذا. جرّب كلمات أخرى، أو ‎/المصدر لقراءة مقالة.",
    },
    "withheld": {
        "en": "A passage that answers this proves the answer to the open question: it is held "
        "back until you have answered that.",
        "ar": "مقطع يجيب عن هذا يثبت جواب السؤال المطروح: يُحجب حتى تجيب عنه.",
    },
    "counted": {
        "en": "(Asking while a question is open counts as a hint.)",
        "ar": "(يُحسب السؤال تلميحًا ما دام سؤال الجولة مفتوحًا.)",
    },
    "failed": {
        "en": "The articles could not be searched ({error}).",
        "ar": "تعذّر البحث في المقالات ({error}).",
    },
    "header": {"en": "From «{title}» ({date}):", "ar": "من «{title}» ({date}):"},
    "more": {"en": "Also from «{title}» ({date}):", "ar": "ومن «{title}» ({date}) أيضًا:"},
    "date_unknown": {"en": "date not given", "ar": "التاريخ غير مذكور"},
    "practise": {"en": "Practise this: {prompt}", "ar": "تدرّب على هذا: {prompt}"},
    "usage": {
        "en": "Ask about the articles: /ask when was the treaty signed?",
        "ar": "اسأل عن المقالات: ‎/اسأل متى وُقّعت المعاهدة؟",
    },
}


def say(key: str, lang: str, **fields: str) -> str:
    text = WORDING[key].get(lang) or WORDING[key]["en"]
    return text.format(**fields) if fields else text


@dataclass(frozen=True)
class Line:
    """One paragraph of the reply. kind: "source" (whose passage), "quote" (the passage;
    `highlights` marks the sentence that matched), "practise", or "note"."""

    kind: str
    text: str
    highlights: tuple[tuple[int, int], ...] = ()


def for_session(bank: Bank, session: Session | None, question: str, lang: str) -> list[Line]:
    """`reply` in a round: asking while a question is open counts as a hint for it, and its
    proof is held back."""
    open_q, counted = asked_in(session)
    return reply(bank, question, lang, open_question=open_q, counted=counted)


def asked_in(session: Session | None) -> tuple[Question | None, bool]:
    """Tell the round a question was asked: the question open then (whose proof `reply` must
    hold back) and whether asking counted as a hint for it. Apart from `reply`, so that a front
    end can do this at once and search in the background."""
    if session is None:
        return None, False
    before = session.hints_used
    open_q = session.asked()
    return open_q, session.hints_used > before


def _reveals(bank: Bank, open_q: Question, p: Passage) -> bool:
    """Whether passage `p` holds the open question's evidence, or its answer written out."""
    for article, start, end, _ in find_all(bank, open_q):
        if article.id == p.article and start < p.end and p.start < end:
            return True
    if open_q.id in p.questions:
        return True
    return bool(open_q.type != "bool" and highlight_spans(p.text, answer_forms(open_q)))


def _one_line(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """`text` with every run of whitespace (line breaks too) made one space, and `span` moved
    with it: a passage reads as one paragraph."""
    out: list[str] = []
    where: list[int] = []  # for each kept character, its index in `text`
    for i, ch in enumerate(text.strip()):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i + len(text) - len(text.lstrip()))
    a = next((k for k, i in enumerate(where) if i >= span[0]), len(out))
    b = next((k for k, i in enumerate(where) if i >= span[1]), len(out))
    while b > a and out[b - 1] == " ":
        b -= 1
    return "".join(out), (a, b)


def _date(bank: Bank, article: str, lang: str) -> str:
    d = bank.articles[article].date
    return say("date_unknown", lang) if not d or d == "unknown" else d


def reply(
    bank: Bank, question: str, lang: str, *, open_question: Question | None = None,
    counted: bool = False,
) -> list[Line]:  # fmt: skip
    """The lines to show for `question`. `open_question`: the question the learner is on, whose
    proof must not be shown; `counted`: asking just counted as a hint for it (say so)."""
    if not question.strip():
        return [Line("note", say("usage", lang))]
    try:
        result = search(bank, question, k=1 + MORE + 3, only_adding=True)
    except Exception as e:  # an index or cache that fails: said in the chat, never a traceback
        return [Line("note", say("failed", lang, error=str(e) or type(e).__name__))]
    passages = list(result.passages)
    withheld = False
    if open_question is not None:
        kept = [p for p in passages if not _reveals(bank, open_question, p)]
        withheld = len(kept) < len(passages)
        passages = kept
    lines: list[Line] = []
    if counted:
        lines.append(Line("note", say("counted", lang)))
    if withheld:
        lines.append(Line("note", say("withheld", lang)))
    elif not passages:
        lines.append(Line("note", say("none", lang)))
    if not passages:
        return lines
    practise: list[str] = []
    for i, p in enumerate(passages[: 1 + MORE]):
        article = bank.articles[p.article]
        fields = {"title": article.display_title(lang), "date": _date(bank, p.article, lang)}
        lines.append(Line("source", say("header" if i == 0 else "more", lang, **fields)))
        text, sentence = _one_line(p.text, (p.sentence_start - p.start, p.sentence_end - p.start))
        lines.append(Line("quote", text, (sentence,)))
        practise += [qid for qid in p.questions if qid not in practise]
    shown = 0
    for qid in practise:
        q = bank.get(qid)
        if q is None or q.prompt is None or q is open_question or shown >= PRACTISE:
            continue
        prompt = q.prompt.get(lang)
        if open_question is not None and highlight_spans(prompt, answer_forms(open_question)):
            continue  # its wording would give the open question away
        lines.append(Line("practise", say("practise", lang, prompt=prompt)))
        shown += 1
    return lines


def plain_text(lines: list[Line], mark: tuple[str, str] = ("«", "»")) -> str:
    """The reply as plain text, the matched sentence of each passage between `mark`s."""
    out = []
    for line in lines:
        text = line.text
        for a, b in reversed(line.highlights):
            text = text[:a] + mark[0] + text[a:b] + mark[1] + text[b:]
        out.append(("  " + text) if line.kind == "quote" else text)
    return "\n".join(out)
