"""Grading rows that came from elsewhere (a form, a spreadsheet): the core of `tutor grade`.

Pure: a row in, the same row out with `verdict`, `score` and `reason` added. Reading and writing
files is the command's job (tutor/commands/grade.py).

Every row stands alone: whatever one row holds (an unknown id, options that are not the
question's, an answer some rule cannot read), that row gets verdict "error" and why, and the
next row is graded as if nothing happened. Verdicts are remembered per (question, answer as the
rules read it, options shown), so a class's many identical answers are graded once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from tutor.bank.model import Bank, Question
from tutor.grading import grade
from tutor.grading.grader import MAX_ANSWER
from tutor.grading.normalize import fold, normalize

ERROR = "error"
ADDED = ("verdict", "score", "reason")
_CACHE_SIZE = 200_000  # verdicts remembered; a batch bigger than that starts afresh


class RowError(Exception):
    """A row that cannot be graded; the message says why, for the teacher."""


def _error(row: Mapping[str, Any], message: str) -> dict[str, Any]:
    return {**row, "verdict": ERROR, "score": 0.0, "reason": message}


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Batch:
    """Grades many rows against one bank, in one language."""

    def __init__(self, bank: Bank, *, lang: str = "en") -> None:
        self.bank = bank
        self.lang = lang
        self._loose: dict[str, list[str]] | None = None
        self._verdicts: dict[tuple[str, str, tuple[int, ...] | None], tuple[str, float, str]] = {}
        self._shown: dict[tuple[str, tuple[str, ...]], tuple[int, ...]] = {}

    def grade_row(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """`row` with the verdict added; a row that cannot be graded gets verdict "error" and
        why. Never raises for anything a row may hold."""
        try:
            q = self._question(row.get("id"))
            answer = _answer(row.get("answer", None), "answer" in row)
            shown = self._order(q, row.get("choices"))
        except RowError as e:
            return _error(row, str(e))
        key = (q.id, _key(q, answer), shown)
        hit = self._verdicts.get(key)
        if hit is None:
            try:
                v = grade(q, answer, bank=self.bank, shown=shown)
            except Exception as e:  # a rule that trips on this answer must not stop the batch
                return _error(row, f"the grader failed on this answer ({_failure(e)})")
            reason = v.reason_ar if self.lang == "ar" and v.reason_ar else v.reason
            hit = (v.verdict, v.score, reason)
            if len(self._verdicts) >= _CACHE_SIZE:
                self._verdicts.clear()
            self._verdicts[key] = hit
        return {**row, "verdict": hit[0], "score": hit[1], "reason": hit[2]}

    def _question(self, qid: Any) -> Question:
        if qid is None or qid == "":
            raise RowError("no id")
        if not isinstance(qid, str):
            if isinstance(qid, bool) or not isinstance(qid, int | float):
                raise RowError("the id must be a string")
            qid = str(qid)
        q = self.bank.get(qid)
        if q is not None:
            return q
        meant = self._meant(qid)
        hint = f"; did you mean {meant!r}?" if meant else ""
        raise RowError(f"unknown question id {_short(qid, 80)!r}{hint}")

    def _meant(self, qid: str) -> str | None:
        """The id `qid` differs from only by surrounding spaces or case (ids match exactly)."""
        if self._loose is None:
            self._loose = {}
            for q in self.bank.questions:
                self._loose.setdefault(_loosen(q.id), []).append(q.id)
        found = self._loose.get(_loosen(qid), [])
        return found[0] if len(found) == 1 else None

    def _order(self, q: Question, choices: Any) -> tuple[int, ...] | None:
        """The options in the order the learner saw them, as indexes into `q.choices`."""
        texts = _choice_texts(choices)
        if texts is None:
            return None
        if q.type != "choice":
            raise RowError(f"choices given, but {q.id!r} is not a choice question")
        key = (q.id, texts)
        order = self._shown.get(key)
        if order is None:
            order = _match_options(q, texts)
            if len(self._shown) >= _CACHE_SIZE:
                self._shown.clear()
            self._shown[key] = order
        return order


def grade_row(bank: Bank, row: Mapping[str, Any], *, lang: str = "en") -> dict[str, Any]:
    """One row on its own (a Batch remembers verdicts across rows: use it for many)."""
    return Batch(bank, lang=lang).grade_row(row)


# Types whose rules see only the folded answer (case, marks and spacing folded, punctuation kept:
# "Kazan? no, Moscow" and "Kazan no Moscow" say different things): for them two answers that
# fold alike ("KAZAN" and "kazan") get one verdict, so one grading serves both.
# tests/grading/test_batch_robust.py holds the rules to this.
BY_NORMALISED = frozenset({"text", "choice", "bool"})


def _key(q: Question, answer: str) -> str:
    if q.type in BY_NORMALISED and len(answer) <= MAX_ANSWER:  # longer: wrong, whatever it says
        return fold(answer)
    return answer


def _loosen(qid: str) -> str:
    return qid.strip().casefold()


def _failure(e: BaseException) -> str:
    text = str(e)
    return f"{type(e).__name__}: {_short(text)}" if text else type(e).__name__


def _answer(answer: Any, present: bool) -> str:
    if not present or answer is None:
        raise RowError("no answer")
    if isinstance(answer, str):
        return answer
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, int | float):
        return str(answer)
    raise RowError("the answer must be a string or a number")


def _choice_texts(choices: Any) -> tuple[str, ...] | None:
    """The option texts a row gives, or None when it gives none.

    A list of strings (JSON), or one string: a JSON-encoded list, or texts separated by '|'
    (a spreadsheet cell).
    """
    if choices is None or choices == "" or choices == []:
        return None
    if isinstance(choices, str):
        text = choices.strip()
        if text.startswith("["):
            try:
                choices = json.loads(text)
            except (ValueError, RecursionError):
                raise RowError("choices: not a JSON list of option texts") from None
        else:
            choices = text.split("|")
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise RowError("choices must be a list of option texts")
    texts = tuple(c.strip() for c in choices)
    return texts or None


def _match_options(q: Question, texts: Sequence[str]) -> tuple[int, ...]:
    """Each text to the one option of `q` it names (any of its forms, normalised)."""
    n = len(q.choices)
    if len(texts) != n:
        raise RowError(f"choices: {len(texts)} option(s) given, the question has {n}")
    forms: dict[str, set[int]] = {}
    for i, option in enumerate(q.choices):
        for f in option.forms():
            forms.setdefault(normalize(f), set()).add(i)
    order: list[int] = []
    for text in texts:
        found = forms.get(normalize(text), set()) if len(text) <= 2000 else set()
        if not found:
            raise RowError(f"choices: {_short(text, 80)!r} is not one of this question's options")
        if len(found) > 1:
            raise RowError(f"choices: {_short(text, 80)!r} matches more than one option")
        i = next(iter(found))
        if i in order:
            raise RowError(f"choices: {_short(text, 80)!r} is given twice")
        order.append(i)
    return tuple(order)
