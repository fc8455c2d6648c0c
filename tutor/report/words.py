"""Every label the class report prints, in Arabic and English, and the small formatters the
outputs share (percent, time, a question's short name)."""

from __future__ import annotations

from tutor.report.analyse import QuestionStats

WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Class report", "ar": "تقرير الصف"},
    "drill": {"en": "Drill", "ar": "التمرين"},
    "glance": {"en": "The class at a glance", "ar": "الصف في لمحة"},
    "participants": {"en": "Participants", "ar": "المشاركون"},
    "mean": {"en": "Mean", "ar": "المتوسط"},
    "median": {"en": "Median", "ar": "الوسيط"},
    "spread": {"en": "Spread (SD)", "ar": "الانحراف المعياري"},
    "distribution": {"en": "Score distribution", "ar": "توزيع الدرجات"},
    "students_n": {"en": "students", "ar": "طلاب"},
    "time": {"en": "Time taken (median)", "ar": "الوقت المستغرق (الوسيط)"},
    "help": {"en": "May need help", "ar": "قد يحتاجون إلى مساعدة"},
    "help_rule": {
        "en": "score under 50 %, or more than one SD under the mean",
        "ar": "درجة أقل من 50 %، أو أقل من المتوسط بأكثر من انحراف معياري",
    },
    "nobody": {"en": "nobody", "ar": "لا أحد"},
    "questions": {"en": "Questions", "ar": "الأسئلة"},
    "question": {"en": "Question", "ar": "السؤال"},
    "facility": {"en": "Facility", "ar": "السهولة"},
    "discrimination": {"en": "Discrimination", "ar": "التمييز"},
    "mean_time": {"en": "Mean time", "ar": "متوسط الوقت"},
    "partial": {"en": "Partial", "ar": "جزئية"},
    "unanswered": {"en": "Unanswered", "ar": "بلا إجابة"},
    "wrong_common": {"en": "Common wrong answers", "ar": "أكثر الإجابات الخاطئة"},
    "disc_note": {
        "en": "Facility: the mean score (1 = everyone right). Discrimination: the facility among"
        " the top 27 % of the class minus that among the bottom 27 % (by total score); under"
        " 0.2 the question does not tell strong from weak students. With {n} students each"
        " group has {k}: {reliable}",
        "ar": "السهولة: متوسط الدرجة (1 = أجاب الجميع صوابا). التمييز: سهولة السؤال عند أعلى 27 %"
        " من الصف ناقص سهولته عند أدنى 27 % (بحسب الدرجة الكلية)؛ تحت 0.2 لا يميز السؤال"
        " القوي من الضعيف. مع {n} طالبا في كل مجموعة {k}: {reliable}",
    },
    "reliable": {"en": "a fair guide.", "ar": "مؤشر معقول."},
    "unreliable": {
        "en": "too few to rely on; read it as a rough sign.",
        "ar": "عدد أقل من أن يعتمد عليه؛ اقرأه مؤشرا تقريبيا.",
    },
    "students": {"en": "Students", "ar": "الطلاب"},
    "student": {"en": "Student", "ar": "الطالب"},
    "score": {"en": "Score", "ar": "الدرجة"},
    "answered": {"en": "Answered", "ar": "أجاب"},
    "seconds": {"en": "Time", "ar": "الوقت"},
    "by_topic": {"en": "By topic", "ar": "حسب الموضوع"},
    "by_article": {"en": "By article", "ar": "حسب المقال"},
    "wrong": {"en": "Wrong or partial", "ar": "خاطئة أو جزئية"},
    "answer": {"en": "Answer", "ar": "الإجابة"},
    "verdict": {"en": "Verdict", "ar": "الحكم"},
    "review": {"en": "To review", "ar": "للمراجعة"},
    "overrides": {"en": "Teacher overrides", "ar": "قرارات المعلم"},
    "partials": {"en": "Partial answers", "ar": "إجابات جزئية"},
    "late": {"en": "Late answers (scored 0)", "ar": "إجابات متأخرة (درجتها 0)"},
    "none": {"en": "none", "ar": "لا شيء"},
    "regrade": {"en": "Regrade with the current bank", "ar": "إعادة التصحيح بالبنك الحالي"},
    "no_changes": {"en": "no verdict changed", "ar": "لم يتغير أي حكم"},
    "unknown": {
        "en": "Not in the bank (reported without prompt or topic): {ids}",
        "ar": "ليست في البنك (تُعرض بلا نص أو موضوع): {ids}",
    },
    "correct": {"en": "correct", "ar": "صحيحة"},
    "incorrect": {"en": "incorrect", "ar": "خاطئة"},
    "skipped": {"en": "skipped", "ar": "متروكة"},
    "timeout": {"en": "no time left", "ar": "انتهى الوقت"},
    "unanswered_v": {"en": "unanswered", "ar": "بلا إجابة"},
    "late_v": {"en": "late", "ar": "متأخرة"},
    "partial_v": {"en": "partial", "ar": "جزئية"},
}


def w(key: str, lang: str, **kw: object) -> str:
    text = WORDS[key].get(lang) or WORDS[key]["en"]
    return text.format(**kw) if kw else text


def verdict_word(verdict: str, lang: str) -> str:
    key = {"unanswered": "unanswered_v", "late": "late_v", "partial": "partial_v"}.get(
        verdict, verdict
    )
    return w(key, lang) if key in WORDS else verdict


def pct(x: float) -> str:
    return f"{round(x * 100)} %"


def minutes(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def short(q: QuestionStats, lang: str, limit: int = 70) -> str:
    """The question's prompt, cut to `limit` characters (its id when the bank lacks it)."""
    if q.question is None or q.question.prompt is None:
        return q.qid
    text = q.question.prompt.get(lang)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def disc(x: float | None) -> str:
    return "–" if x is None else f"{x:+.2f}"
