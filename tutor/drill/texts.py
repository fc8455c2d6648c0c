"""What a drill says (self-paced, client and host), in Arabic and English. Words the study chat
already has come from tutor.i18n; these are the drill's own."""

from __future__ import annotations

from tutor.i18n import t as _t

TEXTS: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "Drill «{title}»: {total} question(s). {rules}",
        "ar": "تمرين «{title}»: {total} سؤال. {rules}",
    },
    "rules.time": {"en": "{seconds} s a question.", "ar": "{seconds} ثانية لكل سؤال."},
    "rules.total": {"en": "{seconds} s in all.", "ar": "{seconds} ثانية في المجموع."},
    "rules.attempts": {"en": "{n} attempt(s) a question.", "ar": "المحاولات لكل سؤال: {n}."},
    "rules.hints": {"en": "Hints: /hint.", "ar": "التلميحات: /تلميح."},
    "rules.nohints": {"en": "No hints.", "ar": "بلا تلميحات."},
    "resumed": {
        "en": "Resuming where you stopped: question {index} of {total}.",
        "ar": "استئناف من حيث توقفت: السؤال {index} من {total}.",
    },
    "time.left": {"en": "({seconds} s)", "ar": "({seconds} ث)"},
    "time.up": {"en": "Time is up for this question.", "ar": "انتهى وقت هذا السؤال."},
    "time.total_up": {"en": "Time is up for the drill.", "ar": "انتهى وقت التمرين."},
    "late": {
        "en": "Too late: your answer is kept but does not count.",
        "ar": "متأخر: حُفظت إجابتك لكنها لا تُحتسب.",
    },
    "attempts.left": {"en": "Attempts left: {n}.", "ar": "المحاولات المتبقية: {n}."},
    "hint.off": {"en": "Hints are off in this drill.", "ar": "التلميحات غير متاحة في هذا التمرين."},
    "not_in_drill": {"en": "Not available in a drill.", "ar": "غير متاح في التمرين."},
    "lang.only": {
        "en": "This drill is in one language only.",
        "ar": "هذا التمرين بلغة واحدة فقط.",
    },
    "quit.resume": {
        "en": "Stopped. Run the same command again to go on where you stopped.",
        "ar": "توقف التمرين. شغّل الأمر نفسه مرة أخرى لتكمل من حيث توقفت.",
    },
    "done": {
        "en": "Drill over. Score: {score} of {total}.",
        "ar": "انتهى التمرين. النتيجة: {score} من {total}.",
    },
    "already_done": {
        "en": "You have finished this drill. Score: {score} of {total}.",
        "ar": "أنهيت هذا التمرين. النتيجة: {score} من {total}.",
    },
    "answers_title": {"en": "The answers:", "ar": "الإجابات:"},
    "results_at": {"en": "Your results are in {path}", "ar": "نتائجك في {path}"},
    "skipped": {"en": "Skipped.", "ar": "تخطٍّ."},
    "help": {
        "en": "Type your answer. /hint (if allowed), /skip, /lang, /quit (you can resume).",
        "ar": "اكتب إجابتك. /تلميح (إن سُمح)، /تخطي، /لغة، /خروج (يمكنك الاستئناف).",
    },
}


def tr(key: str, lang: str, **kw: object) -> str:
    """A drill text, else the study chat's (tutor.i18n) of that key."""
    entry = TEXTS.get(key)
    if entry is None:
        return _t(key, lang, **kw)
    text = entry.get(lang) or entry.get("en") or key
    return text.format(**kw) if kw else text


def rules_text(spec, lang: str) -> str:
    parts = []
    if spec.time_per_question:
        parts.append(tr("rules.time", lang, seconds=f"{spec.time_per_question:g}"))
    if spec.time_total:
        parts.append(tr("rules.total", lang, seconds=f"{spec.time_total:g}"))
    parts.append(tr("rules.attempts", lang, n=spec.attempts))
    parts.append(tr("rules.hints" if spec.hints else "rules.nohints", lang))
    return " ".join(parts)
