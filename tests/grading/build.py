"""Questions built in code, so each grading test shows the whole question it grades against."""

from __future__ import annotations

from tutor.bank.model import Bank, Localized, PartialDate, Question


def loc(ar: str | None = None, en: str | None = None, *accept: str) -> Localized:
    return Localized(ar, en, tuple(accept))


def text(ar: str, en: str, *, accept=(), reject=(), prompt=("", ""), qid="t") -> Question:
    return Question(qid, "text", loc(ar, en), prompt=loc(*prompt), accept=tuple(accept),
                    reject=tuple(reject))  # fmt: skip


def number(value, *, tolerance=None, qid="n", kind="number") -> Question:
    return Question(qid, kind, value, tolerance=tolerance)


def year(value: int) -> Question:
    return number(value, qid="y", kind="year")


def date(y: int, m: int, d: int | None = None) -> Question:
    return Question("d", "date", PartialDate(y, m, d))


def listing(*items: Localized, need=None) -> Question:
    return Question("l", "list", tuple(items), need=need)


def choice(*options: Localized, answer: int) -> Question:
    return Question("c", "choice", answer, choices=tuple(options))


def boolean(value: bool) -> Question:
    return Question("b", "bool", value)


def bank(*questions: Question) -> Bank:
    return Bank(list(questions), {}, [], [])
