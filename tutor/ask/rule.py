"""When a chat line is a question for the articles rather than an answer: cheap to import, since
front ends check every line.

- `/ask QUESTION` (`/اسأل`) is always a question for the articles;
- a line ending with ? or ؟ is one when no question is open; while one is, it is graded as an
  answer (a hesitant "Vostochny?" is still an answer).
"""

from __future__ import annotations

from tutor.grading.normalize import fold

QUESTION_MARKS = ("?", "؟")
ASK_WORDS = frozenset(fold(w) for w in ("ask", "اسأل", "اسال", "إسأل"))


def _ask_command(s: str) -> str | None:
    """The rest of a line that starts with /ask (/اسأل), or None."""
    if not s or s[0] not in "/؍" or s.startswith("//"):
        return None
    word, _, rest = s[1:].partition(" ")
    return rest if fold(word) in ASK_WORDS else None


def wants_answer(text: str, question_open: bool) -> str | None:
    """The question to answer from the articles (maybe "", for a bare /ask), or None when the
    line is an answer or a command for the front end."""
    s = text.strip()
    rest = _ask_command(s)
    if rest is not None:
        return rest.strip()
    if not question_open and s.endswith(QUESTION_MARKS) and s[0] not in "/؍":
        return s
    return None
