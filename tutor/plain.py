"""Plain mode: the study conversation as lines of text over stdin/stdout.

For screen readers, simple terminals and scripts. It drives the same Session and accepts the same
commands as the app; it never grades. Arabic is written in logical order (what screen readers and
terminals that reorder need) unless bidi="app", which writes each line in visual order.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from typing import TextIO

from tutor.bank.model import Bank, Question
from tutor.display.safe import FIELD_LIMIT, TYPED_LIMIT, clip, sanitize
from tutor.display.terminal_lines import terminal_lines
from tutor.engine.commands import answer_text, help_lines, parse
from tutor.engine.session import Evidence, Outcome, Phase, RoundSpec, Session
from tutor.i18n import other, t
from tutor.wording import score_text, summary_rows, topic_text

MAX_ANSWER = 500
YES = {"y", "yes", "ok", "نعم", "ن", "اجل", "ايوه", "/new", "/جديد"}
NO = {"n", "no", "لا", "كلا"}
MARK = ("*", "*")  # how plain text marks the answer inside its evidence

# Why a round ended: the learner quit, input ran out, or the round finished / was replaced.
QUIT, EOF, DONE, NEW = "quit", "eof", "done", "new"


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each span wrapped in MARK."""
    out, last = [], 0
    for a, b in spans:
        out += [text[last:a], MARK[0], text[a:b], MARK[1]]
        last = b
    out.append(text[last:])
    return "".join(out)


class PlainChat:
    def __init__(
        self,
        bank: Bank,
        make_session: Callable[[RoundSpec], Session],
        spec: RoundSpec,
        *,
        lang: str = "en",
        bidi: str = "terminal",
        stdin: TextIO,
        stdout: TextIO,
        stats_text: Callable[[str], str] | None = None,
        width: int | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        self.bank = bank
        self.make_session = make_session
        self.spec = spec
        self.lang = lang
        self.bidi = bidi
        self.inp = stdin
        self.out = stdout
        self.stats_text = stats_text
        self.notices = tuple(notices)  # about the store, said before the first question
        self.width = width or shutil.get_terminal_size((80, 24)).columns
        self.prompt = "> " if _isatty(stdin) else ""
        self._pushback: str | None = None  # a line read for a yes/no that was not one

    # --- output ---

    def say(self, text: str = "", *, whole: bool = False) -> None:
        """Write `text`, one line per paragraph line, in the chosen bidi order. Control characters
        never reach the terminal; a line is clipped (tutor.display.safe) unless `whole` (an
        article's own paragraphs)."""
        for line in sanitize(text).split("\n"):
            for shown in self._display(line if whole else clip(line, FIELD_LIMIT)):
                self.out.write(shown + "\n")
        self.out.flush()

    def _display(self, line: str) -> list[str]:
        return terminal_lines(line, self.width, self.bidi)

    def notice(self, text: str) -> None:
        """For messages from outside the conversation (e.g. the store failing)."""
        self.say(text)

    # --- input ---

    def read(self) -> str | None:
        if self._pushback is not None:
            line, self._pushback = self._pushback, None
            return line
        if self.prompt:
            self.out.write(self.prompt)
            self.out.flush()
        line = self.inp.readline()
        if not line:
            return None
        return line.rstrip("\r\n")

    # --- the conversation ---

    def run(self) -> int:
        session: Session | None = None
        try:
            for text in self.notices:
                self.notice(text)
            self.say(t("welcome", self.lang))
            session = self.make_session(self.spec)
            while True:
                if not session.questions:
                    self.say(t("round.empty", self.lang))
                    return 1
                why = self.play(session)
                self.show_summary(session)
                if why in (QUIT, EOF):
                    self.say(t("bye", self.lang))
                    return 0
                if why == NEW:
                    self.say(t("round.new", self.lang))
                    session = self.make_session(self.spec)
                    continue
                nxt = self.offer_more(session)
                if nxt is None:
                    self.say(t("bye", self.lang))
                    return 0
                session = nxt
        except KeyboardInterrupt:
            if session is not None:
                session.end()
                self.show_summary(session)
            self.say(t("bye", self.lang))
            return 130

    def offer_more(self, session: Session) -> Session | None:
        """After a round: retry the missed ones, or another round, or the end (None)."""
        missed = session.summary().missed
        if missed:
            self.say(t("summary.retry_offer", self.lang, count=len(missed)))
            reply = self.ask(session)
            if reply in (QUIT, EOF):
                return None
            if reply == NEW:
                return self._new_round()
            if reply == "yes":
                self.say(t("round.retry", self.lang))
                return session.retry_missed()
        self.say(t("summary.new_offer", self.lang))
        reply = self.ask(session)
        return self._new_round() if reply in ("yes", NEW) else None

    def _new_round(self) -> Session:
        self.say(t("round.new", self.lang))
        return self.make_session(self.spec)

    def ask(self, session: Session) -> str:
        """A yes/no reply; commands still work here (/right on the last question, /quit, ...)."""
        while True:
            line = self.read()
            if line is None:
                return EOF
            if self.ask_articles(session, line):
                continue
            cmd = parse(line)
            if cmd is None:
                return "yes" if _is_yes(line) else "no"
            why = self.command(session, cmd.name, cmd.typed)
            if why:
                return why
            if cmd.name == "right":
                s = session.summary()
                self.say(t("summary.score", self.lang, score=score_text(s.score), total=s.total))
                if not s.missed:
                    return "no"  # nothing left to retry: on to "another round?"

    def play(self, session: Session) -> str:
        """Ask every question of the round; returns why the round ended."""
        self.show_question(session)
        while session.phase is not Phase.DONE:
            line = self.read()
            if line is None:
                session.end()
                return EOF
            if self.ask_articles(session, line):
                continue
            cmd = parse(line)
            if cmd is not None:
                why = self.command(session, cmd.name, cmd.typed)
                if why:
                    session.end()
                    return why
                continue
            answer = answer_text(line)
            if len(answer) > MAX_ANSWER:
                self.say(t("answer.too_long", self.lang, length=len(answer), limit=MAX_ANSWER))
                continue
            self.show_outcome(session, session.submit(answer))
        return DONE

    def command(self, session: Session, name: str, typed: str) -> str | None:
        lang = self.lang
        open_question = session.phase in (Phase.ASKING, Phase.RETRY)
        if name == "quit":
            return QUIT
        if name == "new":
            return NEW
        if name == "help":
            self.say("\n".join(help_lines(lang)))
        elif name == "lang":
            self.lang = other(lang)
            self.say(t("lang.switched", self.lang))
            if open_question:
                self.show_question(session, restart=False)
        elif name == "hint":
            if not open_question:
                self.say(t("hint.not_now", lang))
            else:
                h = session.hint()
                self.say(t("hint.offered", lang, hint=h.get(lang)) if h else t("hint.none", lang))
        elif name in ("skip", "reveal"):
            if not open_question:
                self.say(t("command.not_now", lang))
            else:
                self.show_outcome(session, session.skip() if name == "skip" else session.reveal())
        elif name == "source":
            self.show_source(session)
        elif name == "right":
            self.right(session)
        elif name == "stats":
            self.say(self._stats())
        else:
            self.say(t("command.unknown", lang, command=clip(typed, TYPED_LIMIT)))
        return None

    def ask_articles(self, session: Session, line: str) -> bool:
        """A learner's own question for the articles (the rule: tutor/ask/rule.py); True if the
        line was one and has been answered."""
        from tutor.ask.rule import wants_answer

        question = wants_answer(line, session.phase in (Phase.ASKING, Phase.RETRY))
        if question is None:
            return False
        from tutor.ask.answer import for_session, plain_text

        self.say(plain_text(for_session(self.bank, session, question, self.lang)), whole=True)
        return True

    def right(self, session: Session) -> None:
        """'I was right'; on an exact answer, show the expected one and ask first. A reply that
        is neither yes nor no keeps the verdict and is then read as usual."""
        lang = self.lang
        claim = session.override_claim()
        if claim is None:
            self.say(t("override.none", lang))
            return
        if claim.confirm:
            expected = claim.question.answer_text(lang)
            self.say(t("override.confirm", lang, answer=expected, given=claim.answer))
            reply = self.read()
            yes = reply is not None and parse(reply) is None and _is_yes(reply)
            if not yes:
                self.say(t("override.cancelled", lang))
                if reply is not None and not _is_no(reply):
                    self._pushback = reply
                return
        session.override(confirmed=claim.confirm)
        self.say(t("override.done", lang))

    def _stats(self) -> str:
        if self.stats_text is None:
            return t("stats.none", self.lang)
        try:
            return self.stats_text(self.lang)
        except Exception as e:  # a stats bug must not end a study session
            return f"{t('stats.none', self.lang)} ({e})"

    # --- what the tutor says ---

    def header(self, session: Session, q: Question) -> str:
        index, total = session.position
        article = self.bank.article_of(q)
        return t(
            "question.header", self.lang, index=index, total=total,
            article=article.display_title(self.lang) if article else "–",
            topic=topic_text(q, self.lang),
            difficulty=q.difficulty or t("question.no_difficulty", self.lang),
        )  # fmt: skip

    def show_question(self, session: Session, *, restart: bool = True) -> None:
        q = session.current
        if q is None:
            return
        lang = self.lang
        lines = ["", f"[{self.header(session, q)}]", q.prompt.get(lang) if q.prompt else q.id]
        if q.type == "choice":
            lines.append(t("question.choices", lang))
            lines += [f"  {i}. {c.get(lang)}" for i, c in enumerate(session.choices(q), 1)]
        elif q.type == "order":
            lines.append(t("question.order", lang))
            items, shown = q.answer, session.items_shown(q) or ()
            lines += [f"  {i}. {items[k].get(lang)}" for i, k in enumerate(shown, 1)]
        elif q.type == "bool":
            lines.append(t("question.bool", lang))
        elif q.type == "number" and q.unit:
            lines.append(t("question.unit", lang, unit=q.unit.get(lang)))
        self.say("\n".join(lines))
        if restart:
            session.shown()

    def verdict_line(self, o: Outcome) -> str:
        lang, v = self.lang, o.verdict
        reason = (v.reason_ar or v.reason) if lang == "ar" else (v.reason or v.reason_ar)
        if o.kind == "skipped":
            return t("answer.skipped", lang, answer=o.question.answer_text(lang))
        if o.kind == "revealed":
            return t("answer.revealed", lang, answer=o.question.answer_text(lang))
        if v.correct:
            plain = not reason or reason.strip(". ").casefold() in ("correct", "صحيح")
            return (
                t("verdict.correct", lang)
                if plain
                else t("verdict.correct_reason", lang, reason=reason)
            )
        if v.no_answer:
            return t("verdict.no_answer", lang)
        key = "verdict.partial" if o.kind == "partial" else "verdict.incorrect"
        return (
            t(key, lang, reason=reason.rstrip("."))
            if reason
            else t("verdict.incorrect_plain", lang)
        )

    def show_outcome(self, session: Session, o: Outcome) -> None:
        lang = self.lang
        lines = [self.verdict_line(o)]
        if not o.final:
            if o.hint is not None:
                lines.append(t("hint.offered", lang, hint=o.hint.get(lang)))
            lines.append(t("hint.try_again", lang))
            self.say("\n".join(lines))
            return
        q = o.question
        if o.revealed and o.kind not in ("skipped", "revealed"):
            lines.append(t("answer.revealed", lang, answer=q.answer_text(lang)))
        lines += self.evidence_lines(o.evidence, q)
        for more in o.more_evidence:
            lines += self.evidence_lines(more, q)
        if q.explanation:
            lines.append(t("explanation", lang, text=q.explanation.get(lang)))
        self.say("\n".join(lines))
        session.next()
        self.show_question(session)

    def evidence_lines(self, ev: Evidence | None, q: Question) -> list[str]:
        if ev is None:
            return [t("evidence.missing", self.lang)] if q.evidence else []
        title = ev.article.display_title(self.lang)
        return [
            t("evidence.header", self.lang, title=title),
            "  " + marked(ev.passage, ev.highlights),
        ]

    def show_source(self, session: Session) -> None:
        """Before the question is answered: the article from its top, nothing marked (it counts
        as a hint). After: the paragraph holding the evidence, the answer in it marked."""
        lang = self.lang
        src = session.source()
        if src is None:
            self.say(t("source.none", lang))
            return
        ev = src.evidence
        if ev is None:
            note = [t("source.as_hint", lang)] if src.open else []
            lines = [self._source_header(src.article), *note, src.article.text.strip()]
            self.say("\n".join(lines), whole=True)
            return
        text = ev.article.text
        para_start = text.rfind("\n\n", 0, ev.start)
        para_start = 0 if para_start < 0 else para_start + 2
        para_end = text.find("\n\n", ev.end)
        para_end = len(text) if para_end < 0 else para_end
        inner = marked(ev.passage, ev.highlights)
        para = text[para_start : ev.start] + "«" + inner + "»" + text[ev.end : para_end]
        self.say(self._source_header(ev.article) + "\n" + " ".join(para.split()), whole=True)

    def _source_header(self, article) -> str:
        return t(
            "source.header", self.lang, title=article.display_title(self.lang),
            outlet=article.outlet, date=article.date,
        )  # fmt: skip

    def show_summary(self, session: Session) -> None:
        rows = summary_rows(session.summary(), self.lang)
        indent = {"tag", "missed"}
        self.say("\n".join(["", *("  " + text if kind in indent else text for kind, text in rows)]))


def _is_yes(reply: str) -> bool:
    from tutor.grading.normalize import fold

    return fold(reply.strip()) in {fold(y) for y in YES}


def _is_no(reply: str) -> bool:
    from tutor.grading.normalize import fold

    return fold(reply.strip().rstrip(".!؟?")) in {fold(n) for n in NO}


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_plain(
    *,
    bank: Bank,
    make_session: Callable[[RoundSpec], Session],
    spec: RoundSpec,
    lang: str,
    bidi: str,
    stdin: TextIO,
    stdout: TextIO,
    stats_text: Callable[[str], str] | None = None,
    notices: Sequence[str] = (),
) -> int:
    chat = PlainChat(
        bank, make_session, spec, lang=lang, bidi=bidi, stdin=stdin, stdout=stdout,
        stats_text=stats_text, notices=notices,
    )  # fmt: skip
    return chat.run()
