"""What the learner reads after a verdict, in English and Arabic.

Short, no final full stop (the front ends add one), and never the expected answer when the answer
was wrong: a first miss earns a hint and a second try, which a revealed answer would spoil.
"""

from __future__ import annotations

from tutor.grading.verdict import CORRECT, INCORRECT, PARTIAL, Verdict

Reason = tuple[str, str]  # (en, ar)

NONE: Reason = ("", "")
HEDGE: Reason = ("give one answer, not several", "أعطِ إجابة واحدة لا عدة إجابات")
TOO_LONG: Reason = ("too long: answer in a few words", "الإجابة طويلة: أجب بكلمات قليلة")
NOT_AN_ANSWER: Reason = ("too long to be an answer", "أطول من أن تكون إجابة")
NO_NUMBER: Reason = ("no figure found in the answer", "لم أجد رقما في الإجابة")
VAGUE_NUMBER: Reason = ("give the figure, not an order of size", "اذكر الرقم نفسه لا مرتبته")
NO_DATE: Reason = ("no date found in the answer", "لم أجد تاريخا في الإجابة")
YES_NO: Reason = ("answer yes or no", "أجب بنعم أو لا")
PICK_ONE: Reason = ("pick one of the options", "اختر أحد الخيارات")
INCOMPLETE: Reason = ("incomplete: give the full name", "ناقصة: اكتب الاسم كاملا")
PASTED: Reason = ("that is the article's text: answer in your own words",
                  "هذا نص المقال: أجب بكلماتك")  # fmt: skip
DENIED: Reason = ("you said what it was not", "ذكرتَ ما لم يكن، لا ما كان")
VAGUE_YEAR: Reason = ("give the year itself, not a decade or a bound",
                      "اذكر السنة نفسها لا عقدا أو حدا قبلها أو بعدها")  # fmt: skip


def wrong_unit(given_en: str, given_ar: str, wanted_en: str, wanted_ar: str) -> Reason:
    return (
        f"that is in {given_en}; the question counts {wanted_en}",
        f"هذه وحدة أخرى ({given_ar})؛ السؤال عن {wanted_ar}",
    )


def off_in_unit(shown: str, unit_en: str, unit_ar: str, high: bool) -> Reason:
    """A figure typed in another size of the right unit ("5 minutes" for hours) that is off."""
    if high:
        return f"{shown} {unit_en} is too much", f"{shown} {unit_ar} أكثر من المطلوب"
    return f"{shown} {unit_en} is too little", f"{shown} {unit_ar} أقل من المطلوب"


def slip(form: str) -> Reason:
    return f"accepted with a spelling slip: {form}", f"قُبلت مع خطأ إملائي بسيط: {form}"


def full_name(form: str) -> Reason:
    return f"accepted; in full: {form}", f"مقبولة؛ الاسم كاملا: {form}"


def adds(words: list[str]) -> Reason:
    w = " ".join(words)
    return f"the answer adds “{w}”", f"أضافت الإجابة «{w}»"


def adds_name(words: list[str]) -> Reason:
    w = " ".join(words)
    return f"it adds another name: {w}", f"أضافت الإجابة اسما آخر: {w}"


def another_country(name: str) -> Reason:
    return f"{name} is another country", f"{name} بلد آخر"


def within_tolerance(shown: str) -> Reason:
    return f"close enough: {shown}", f"قريبة بما يكفي: {shown}"


def too_high(shown: str, year: bool) -> Reason:
    if year:
        return f"{shown} is too late", f"{shown} متأخر عن المطلوب"
    return f"{shown} is too high", f"{shown} أكبر من المطلوب"


def too_low(shown: str, year: bool) -> Reason:
    if year:
        return f"{shown} is too early", f"{shown} أبكر من المطلوب"
    return f"{shown} is too low", f"{shown} أقل من المطلوب"


DATE_PART = {"day": ("day", "اليوم"), "month": ("month", "الشهر"), "year": ("year", "السنة")}


def wrong_part(part: str) -> Reason:
    en, ar = DATE_PART[part]
    return f"the {en} is wrong", f"{ar} غير صحيح" if part != "year" else f"{ar} غير صحيحة"


def missing_part(part: str) -> Reason:
    en, ar = DATE_PART[part]
    return f"the {en} is missing", f"{ar} ناقص" if part != "year" else f"{ar} ناقصة"


def named(right: int, need: int, wrong: list[str]) -> Reason:
    en, ar = f"{right} of {need} named", f"ذكرت {right} من {need}"
    if wrong:
        w = "، ".join(wrong)
        en += f"; not on the list: {', '.join(wrong)}"
        ar += f"؛ ليست منها: {w}"
    return en, ar


def verdict(kind: str, score: float, reason: Reason = NONE, matched: str | None = None,
            *, no_answer: bool = False) -> Verdict:  # fmt: skip
    return Verdict(kind, round(score, 4), reason[0], matched, reason[1], no_answer)


def correct(reason: Reason = NONE, matched: str | None = None) -> Verdict:
    return verdict(CORRECT, 1.0, reason, matched)


def incorrect(reason: Reason = NONE, *, no_answer: bool = False) -> Verdict:
    return verdict(INCORRECT, 0.0, reason, no_answer=no_answer)


def partial(score: float, reason: Reason, matched: str | None = None) -> Verdict:
    return verdict(PARTIAL, score, reason, matched)
