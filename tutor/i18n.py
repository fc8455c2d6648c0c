"""Every sentence the tutor itself says, in Arabic and English.

One catalog so that a language toggle switches everything at once and a translator finds all the
words in one place. Values are `str.format` templates; `t()` fills them. Keys are grouped by where
they are said (question, verdict, hint, evidence, summary, help...). Front ends may append
keys at the end of CATALOG; a key missing in one language falls back to the other, then to the key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("ar", "en")

CATALOG: dict[str, dict[str, str]] = {
    # --- asking ---
    "question.header": {
        "en": "{index} of {total} · {article} · {topic} · difficulty {difficulty}",
        "ar": "{index} من {total} · {article} · {topic} · الصعوبة {difficulty}",
    },
    "question.header_short": {
        "en": "{index} of {total} · {article}",
        "ar": "{index} من {total} · {article}",
    },
    "question.no_topic": {"en": "general", "ar": "عام"},
    "question.no_difficulty": {"en": "–", "ar": "–"},
    "question.choices": {
        "en": "Choose one (number or text):",
        "ar": "اختر واحدا (بالرقم أو بالنص):",
    },
    "question.bool": {"en": "Answer true or false.", "ar": "أجب بـ صح أو خطأ."},
    "question.list": {"en": "Name {need}.", "ar": "اذكر {need}."},
    "question.order": {
        "en": "Put them in order (e.g. 2 1 3):",
        "ar": "رتّبها (مثلا ٢ ١ ٣):",
    },
    "question.unit": {"en": "(in {unit})", "ar": "(بـ{unit})"},
    "question.prompt_marker": {"en": "Your answer:", "ar": "إجابتك:"},
    # --- verdicts ---
    "verdict.correct": {"en": "Correct.", "ar": "صحيح."},
    "verdict.correct_reason": {"en": "Correct — {reason}.", "ar": "صحيح — {reason}."},
    "verdict.partial": {"en": "Partly right: {reason}.", "ar": "صحيح جزئيا: {reason}."},
    "verdict.incorrect": {"en": "Not quite: {reason}.", "ar": "ليس تماما: {reason}."},
    "verdict.incorrect_plain": {"en": "Not quite.", "ar": "ليس تماما."},
    "verdict.no_answer": {"en": "No problem.", "ar": "لا بأس."},
    "verdict.overridden": {
        "en": "Marked as correct (you said you were right).",
        "ar": "سُجّلت إجابتك صحيحة (قلت إنك كنت على حق).",
    },
    # --- hints and second tries ---
    "hint.offered": {"en": "Hint: {hint}", "ar": "تلميح: {hint}"},
    "hint.try_again": {"en": "Try once more.", "ar": "حاول مرة أخرى."},
    "hint.none": {
        "en": "There is no hint for this question.",
        "ar": "لا يوجد تلميح لهذا السؤال.",
    },
    "hint.not_now": {"en": "There is no question to hint at.", "ar": "لا يوجد سؤال للتلميح."},
    # --- the answer and its evidence ---
    "answer.revealed": {"en": "The answer: {answer}", "ar": "الإجابة: {answer}"},
    "answer.skipped": {
        "en": "Skipped. The answer: {answer}",
        "ar": "تخطّيت السؤال. الإجابة: {answer}",
    },
    "evidence.header": {"en": "From «{title}»:", "ar": "من «{title}»:"},
    "evidence.missing": {
        "en": "The passage for this question was not found in its article.",
        "ar": "لم يُعثر على المقطع الخاص بهذا السؤال في مقالته.",
    },
    "explanation": {"en": "Why: {text}", "ar": "التوضيح: {text}"},
    "source.none": {
        "en": "This question has no source article.",
        "ar": "لا توجد مقالة مصدر لهذا السؤال.",
    },
    "source.header": {
        "en": "Article: {title} ({outlet}, {date})",
        "ar": "المقالة: {title} ({outlet}، {date})",
    },
    # --- end of a round ---
    "summary.title": {"en": "Round over.", "ar": "انتهت الجولة."},
    "summary.score": {"en": "Score: {score} of {total}", "ar": "النتيجة: {score} من {total}"},
    "summary.per_tag_title": {"en": "By topic:", "ar": "حسب الموضوع:"},
    "summary.per_tag": {"en": "{tag}: {score} of {count}", "ar": "{tag}: {score} من {count}"},
    "summary.missed_title": {"en": "Missed:", "ar": "الأسئلة الفائتة:"},
    "summary.missed": {"en": "{prompt} → {answer}", "ar": "{prompt} ← {answer}"},
    "summary.none_missed": {"en": "Nothing missed. Well done!", "ar": "لم يفتك شيء. أحسنت!"},
    "summary.empty": {"en": "No questions answered.", "ar": "لم تُجب عن أي سؤال."},
    "summary.retry_offer": {
        "en": "Retry the {count} missed question(s)? (yes/no)",
        "ar": "هل تعيد الأسئلة الفائتة ({count})؟ (نعم/لا)",
    },
    "summary.new_offer": {"en": "Another round? (yes/no)", "ar": "جولة أخرى؟ (نعم/لا)"},
    "round.empty": {
        "en": "No questions match this round (articles, tags, difficulty).",
        "ar": "لا توجد أسئلة تطابق هذه الجولة (المقالات، الوسوم، الصعوبة).",
    },
    "round.new": {"en": "A new round.", "ar": "جولة جديدة."},
    "round.retry": {"en": "Retrying the missed questions.", "ar": "إعادة الأسئلة الفائتة."},
    "bye": {"en": "Goodbye.", "ar": "مع السلامة."},
    # --- commands ---
    "command.unknown": {
        "en": "Unknown command {command}. Type /help for the list.",
        "ar": "أمر غير معروف {command}. اكتب /مساعدة لعرض القائمة.",
    },
    "command.not_now": {
        "en": "That command is not available now.",
        "ar": "هذا الأمر غير متاح الآن.",
    },
    "override.done": {
        "en": "Recorded: your answer counts as correct.",
        "ar": "سُجّل: إجابتك تُحتسب صحيحة.",
    },
    "override.none": {
        "en": "There is no strict verdict to overturn.",
        "ar": "لا يوجد حكم صارم لإلغائه.",
    },
    "lang.switched": {"en": "Language: English.", "ar": "اللغة: العربية."},
    "stats.none": {
        "en": "Statistics need the progress store, which is not available.",
        "ar": "الإحصاءات تحتاج إلى سجل التقدم، وهو غير متاح.",
    },
    "answer.too_long": {
        "en": "That is too long to be an answer ({length} characters; at most {limit}). "
        "Please type a shorter one.",
        "ar": "هذا أطول من أن يكون إجابة ({length} حرفا؛ الحد {limit}). اكتب إجابة أقصر من فضلك.",
    },
    "store.unavailable": {
        "en": "Progress will not be saved in this session.",
        "ar": "لن يُحفظ التقدم في هذه الجلسة.",
    },
    # --- help ---
    "welcome": {
        "en": "Type your answer after each question, or /help for the commands.",
        "ar": "اكتب إجابتك بعد كل سؤال، أو /مساعدة لعرض الأوامر.",
    },
    "help.title": {
        "en": "Type your answer, or a command:",
        "ar": "اكتب إجابتك، أو أحد الأوامر:",
    },
    "help.footer": {
        "en": "Answers are accepted in Arabic or English. Empty or “I don't know” shows the hint.",
        "ar": "تُقبل الإجابات بالعربية أو بالإنجليزية. الإجابة الفارغة أو «لا أعرف» تعرض التلميح.",
    },
    "help.hint": {"en": "a hint", "ar": "تلميح"},
    "help.skip": {"en": "skip this question", "ar": "تخطّي هذا السؤال"},
    "help.source": {"en": "read the source article", "ar": "قراءة المقالة المصدر"},
    "help.reveal": {"en": "show the answer", "ar": "كشف الإجابة"},
    "help.lang": {"en": "switch Arabic / English", "ar": "التبديل بين العربية والإنجليزية"},
    "help.right": {"en": "I was right (after a strict verdict)", "ar": "كنت على حق (بعد حكم صارم)"},
    "help.help": {"en": "this help", "ar": "هذه المساعدة"},
    "help.quit": {"en": "end the session", "ar": "إنهاء الجلسة"},
    "help.stats": {"en": "your progress", "ar": "تقدّمك"},
    "help.new": {"en": "a new round", "ar": "جولة جديدة"},
    "help.ask": {"en": "ask the articles a question of your own", "ar": "اطرح سؤالك على المقالات"},
    # --- the Textual app (appended by the app helper) ---
    "ui.yes_no": {"en": "Please answer yes or no.", "ar": "أجب بـ نعم أو لا من فضلك."},
    "picker.title": {"en": "A new round", "ar": "جولة جديدة"},
    "picker.article": {"en": "Article", "ar": "المقالة"},
    "picker.tag": {"en": "Topic", "ar": "الموضوع"},
    "picker.difficulty": {"en": "Difficulty", "ar": "الصعوبة"},
    "picker.length": {"en": "Questions", "ar": "عدد الأسئلة"},
    "picker.all": {"en": "all", "ar": "الكل"},
    "picker.start": {"en": "Start", "ar": "ابدأ"},
    # --- the stats screen ---
    "stats.seen": {
        "en": "Questions seen: {seen} of {total}",
        "ar": "الأسئلة التي رأيتها: {seen} من {total}",
    },
    "stats.due": {
        "en": "Due: {today} today, {week} this week ({new} new today)",
        "ar": "المستحق: {today} اليوم، {week} هذا الأسبوع ({new} جديدة اليوم)",
    },
    "stats.accuracy": {
        "en": "Accuracy at the first try: {accuracy} ({asked} asked)",
        "ar": "الدقة من المحاولة الأولى: {accuracy} (الأسئلة المطروحة: {asked})",
    },
    "stats.streak": {
        "en": "Days in a row: {streak} (best {best})",
        "ar": "أيام متتالية: {streak} (الأفضل {best})",
    },
    "stats.daily": {"en": "Questions asked, last {days} days", "ar": "الأسئلة في آخر {days} يومًا"},
    "stats.weekly": {
        "en": "Retention by week (questions seen before)",
        "ar": "التذكّر أسبوعًا بأسبوع (أسئلة رأيتها من قبل)",
    },
    "stats.by_article": {"en": "By article", "ar": "حسب المقالة"},
    "stats.by_tag": {"en": "By topic", "ar": "حسب الموضوع"},
    # --- the app's footer: a word or two per key ---
    "key.help": {"en": "help", "ar": "مساعدة"},
    "key.hint": {"en": "hint", "ar": "تلميح"},
    "key.skip": {"en": "skip", "ar": "تخطي"},
    "key.source": {"en": "article", "ar": "المقالة"},
    "key.reveal": {"en": "reveal", "ar": "الإجابة"},
    "key.lang": {"en": "العربية", "ar": "English"},  # the language a press switches to
    "key.right": {"en": "I was right", "ar": "كنت محقًا"},
    "key.stats": {"en": "stats", "ar": "تقدّمي"},
    "key.new": {"en": "new round", "ar": "جولة جديدة"},
    "key.back": {"en": "back", "ar": "رجوع"},
    "key.cancel": {"en": "cancel", "ar": "إلغاء"},
    "key.quit": {"en": "quit", "ar": "خروج"},
    # --- honest hints and overrides ---
    "override.confirm": {
        "en": "The expected answer is {answer}; you answered «{given}». "
        "Count yours as correct anyway? (yes/no)",
        "ar": "الإجابة المتوقعة: {answer}، وإجابتك: «{given}». "
        "هل تُحتسب إجابتك صحيحة مع ذلك؟ (نعم/لا)",
    },
    "override.cancelled": {
        "en": "Not changed: the verdict stands.",
        "ar": "لم يتغير شيء: يبقى الحكم كما هو.",
    },
    "stats.aided": {
        "en": "Not counted as right at the first try: {hinted} after a hint, "
        "{overridden} “I was right”",
        "ar": "لا تُحتسب نجاحًا من المحاولة الأولى: {hinted} بعد تلميح، {overridden} «كنت محقًا»",
    },
    "stats.overrides": {
        "en": "“I was right”, for review",
        "ar": "«كنت محقًا» — للمراجعة",
    },
    "stats.override_row": {
        "en": "{date}  {prompt}\n    you: «{answer}» ({verdict}); expected: {expected}",
        "ar": "{date}  {prompt}\n    إجابتك: «{answer}» ({verdict})؛ المتوقع: {expected}",
    },
    "stats.override_incorrect": {"en": "graded wrong", "ar": "حُكم عليها بالخطأ"},
    "stats.override_partial": {"en": "graded partly right", "ar": "حُكم عليها صحيحة جزئيًا"},
    "stats.more": {"en": "… and {count} more", "ar": "… و{count} غيرها"},
    "source.as_hint": {
        "en": "The article opens at its start, nothing marked. Reading it counts as a hint.",
        "ar": "تُفتح المقالة من أولها دون تمييز. قراءتها تُحتسب تلميحًا.",
    },
    # the article reader's header when the page gives no outlet or date (source.header gives both)
    "source.header_title": {"en": "Article: {title}", "ar": "المقالة: {title}"},
}


# The bundled bank's topics (questions/README.md); a teacher's own tags are shown as written.
TAGS: dict[str, dict[str, str]] = {
    "treaty": {"en": "treaty", "ar": "المعاهدات"},
    "summits": {"en": "summits", "ar": "القمم والزيارات"},
    "analysts": {"en": "analysts", "ar": "المحللون والمسؤولون"},
    "military": {"en": "military", "ar": "الشؤون العسكرية"},
    "sanctions": {"en": "sanctions", "ar": "العقوبات"},
    "space": {"en": "space", "ar": "الفضاء"},
    "china": {"en": "china", "ar": "الصين"},
    "history": {"en": "history", "ar": "التاريخ"},
    "economy": {"en": "economy", "ar": "الاقتصاد"},
    "nuclear": {"en": "nuclear", "ar": "النووي"},
    "west": {"en": "west", "ar": "الغرب"},
    "ukraine": {"en": "ukraine", "ar": "أوكرانيا"},
}


def tag_name(tag: str, lang: str = "en") -> str:
    """A topic as a learner reads it in `lang`."""
    names = TAGS.get(tag)
    return names.get(lang, tag) if names else tag


def t(key: str, lang: str = "en", **kw: object) -> str:
    """The sentence `key` in `lang`, filled with `kw`. Never raises on a missing key or field."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry.get("en") or entry.get("ar") or key
    try:
        return template.format(**kw)
    except (KeyError, IndexError, ValueError):
        return template


def other(lang: str) -> str:
    """The language a toggle switches to."""
    return "en" if lang == "ar" else "ar"


def default_lang(env: Mapping[str, str] = os.environ) -> str:
    """Arabic when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "ar" if value.lower().startswith("ar") else "en"
    return "en"
