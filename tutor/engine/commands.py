"""Chat commands typed in the answer box (/hint, /تلميح, ...), shared by every front end.

Parsing lives here, not in a front end, so the app and plain mode accept exactly the same words.
Arabic names are compared after the grader's letter folding, so /إحصاءات and /احصاءات are one.
"""

from __future__ import annotations

from dataclasses import dataclass

from tutor.grading.normalize import fold as _fold
from tutor.i18n import t

LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"


@dataclass(frozen=True)
class CommandSpec:
    name: str  # the canonical English name, also the i18n key "help.<name>"
    en: tuple[str, ...]  # English spellings, the first one shown in help
    ar: tuple[str, ...]  # Arabic spellings, the first one shown in help


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("hint", ("hint", "h"), ("تلميح",)),
    CommandSpec("skip", ("skip", "s"), ("تخطي", "تخطى", "تجاوز")),
    CommandSpec("source", ("source", "src", "article"), ("المصدر", "مصدر", "المقالة")),
    # Answered before any other command is parsed (tutor/ask/rule.py); listed for /help, and so
    # that a drill, which has no articles to ask, says it is not available there.
    CommandSpec("ask", ("ask",), ("اسأل", "اسال")),
    CommandSpec("reveal", ("reveal", "answer"), ("اكشف", "كشف", "الاجابة")),
    CommandSpec("lang", ("lang", "language"), ("لغة", "اللغة")),
    CommandSpec("right", ("right", "iwasright"), ("صح", "صحيح", "كنت محقا")),
    CommandSpec("help", ("help", "?"), ("مساعدة", "مساعده", "؟")),
    CommandSpec("quit", ("quit", "exit", "q"), ("خروج",)),
    CommandSpec("stats", ("stats", "progress"), ("احصاءات", "احصائيات", "تقدم")),
    CommandSpec("new", ("new", "round"), ("جديد", "جولة")),
)

NAMES = tuple(c.name for c in COMMANDS)
_LOOKUP: dict[str, str] = {}
for _c in COMMANDS:
    for _w in (*_c.en, *_c.ar):
        _LOOKUP[_fold(_w)] = _c.name


@dataclass(frozen=True)
class Command:
    name: str  # one of NAMES, or "unknown"
    arg: str = ""  # the rest of the line, if any
    typed: str = ""  # the command word as typed, for messages


def parse(text: str) -> Command | None:
    """A Command when `text` starts with "/" (or Arabic "؍"), else None: it is an answer.

    "//x" is the answer "/x", for the rare answer that starts with a slash.
    """
    s = text.strip()
    if not s or s[0] not in "/؍" or s.startswith("//"):
        return None
    word, _, rest = s[1:].partition(" ")
    word = word.strip()
    name = _LOOKUP.get(_fold(word))
    if name is None:
        # multi-word Arabic spellings ("كنت محقا")
        name = _LOOKUP.get(_fold(s[1:].strip()))
        if name is not None:
            rest = ""
    return Command(name or "unknown", rest.strip(), "/" + word)


def answer_text(text: str) -> str:
    """What to grade when the line is an answer: "//x" means "/x"."""
    s = text.strip()
    return s[1:] if s.startswith("//") else text


def help_lines(lang: str) -> list[str]:
    """The help message: every command with its English and Arabic spelling.

    Each spelling is isolated (LRI/RLI … PDI) so that its slash stays on its own side of the word
    whichever way the line runs: "/hint" on the left, "/تلميح" on the right.
    """
    out = [t("help.title", lang)]
    for c in COMMANDS:
        en, ar, what = f"{LRI}/{c.en[0]}{PDI}", f"{RLI}/{c.ar[0]}{PDI}", t("help." + c.name, lang)
        out.append(f"  {en}  {ar}  — {what}" if lang == "en" else f"  {ar}  {en}  — {what}")
    out.append(t("help.footer", lang))
    return out


def help_text(lang: str) -> str:
    return "\n".join(help_lines(lang))
