"""The study chat. It asks, listens and shows what the engine decided; it never grades.

run_app() is the entry point the `tutor` command calls once the bank is loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from tutor.bank.model import Bank
from tutor.display import bidi as bidi_layout
from tutor.engine import commands
from tutor.engine.session import Outcome, Phase, RoundSpec, Session
from tutor.i18n import other, t
from tutor.ui import texts
from tutor.ui.keys import label_keys, short_label
from tutor.ui.widgets.answer_box import AnswerBox
from tutor.ui.widgets.chat import Bubble, ChatLog, Part
from tutor.ui.widgets.footer import FitFooter
from tutor.wording import score_text

MAX_ANSWER = 500  # characters; anything longer is a paste gone wrong, not an answer
YES = {"yes", "y", "ok", "نعم", "ن", "اجل", "أجل"}
NO = {"no", "n", "لا", "كلا"}
VTE_BIDI_OFF, VTE_BIDI_ON = "\x1b[8l", "\x1b[8h"

SessionFactory = Callable[[RoundSpec], Session]


def _tty_write(seq: str) -> None:
    """Send a control sequence to the terminal (Textual draws on stderr), never into a pipe."""
    for out in (sys.__stderr__, sys.__stdout__):
        try:
            if out is not None and out.isatty():
                out.write(seq)
                out.flush()
                return
        except (OSError, ValueError):
            continue


class TutorApp(App[int]):
    """The chat: ChatLog above, AnswerBox and Footer below."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it
    TITLE = "tutor"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "help"),
        Binding("f2", "hint", "hint"),
        Binding("f3", "skip", "skip"),
        Binding("f4", "source", "article"),
        Binding("f5", "reveal", "reveal"),
        Binding("f6", "lang", "language"),
        Binding("f7", "right", "I was right"),
        Binding("f8", "stats", "stats"),
        Binding("f9", "new", "new round"),
        Binding("ctrl+c", "quit", "quit", priority=True, show=False),
        Binding("ctrl+q", "quit", "quit", priority=True),
    ]

    def __init__(
        self,
        *,
        bank: Bank,
        make_session: SessionFactory,
        spec: RoundSpec | None = None,
        lang: str = "en",
        bidi: str = "app",
        stats_screen: Callable[[str, str], Screen] | None = None,
        notices: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.bank = bank
        self.make_session = make_session
        self.spec = spec or RoundSpec()
        self.lang = lang
        self.bidi = bidi
        self.stats_screen = stats_screen
        self.notices = tuple(notices)  # about the store (mended, not saved): before anything else
        self.session: Session | None = None
        self.offer: str | None = None  # "retry" | "new" while a yes/no question is pending
        self._offer_before: str | None = None  # the offer an "override" confirmation interrupted
        self.last_outcome: Outcome | None = None
        self._pending: list[Bubble] | None = None  # bubbles said before the chat is mounted

    # --- layout ---

    def compose(self) -> ComposeResult:
        # the first question is composed with the screen, so it is on the very first frame
        self._pending = []
        if self.notices:  # plain text, never markup: it may hold any file name
            self.say(*(Part(text, "hint") for text in self.notices))
        self.start_round(self.spec)
        rows, self._pending = self._pending, None
        yield ChatLog(*rows, id="log")
        yield AnswerBox(mode=self.bidi)
        yield FitFooter()

    def on_mount(self) -> None:
        if self.bidi == "app" and not self.is_headless:
            _tty_write(VTE_BIDI_OFF)  # a VTE terminal must not reorder our reordered lines again
        self.set_placeholder()
        self.label_keys()
        self.query_one(AnswerBox).input.focus()
        self.call_after_refresh(bidi_layout.warm_up)
        self.call_after_refresh(self.warm_session)

    def warm_session(self) -> None:
        """Load the grader while the learner reads the question: start-up does not wait for it,
        and the first Enter does not either."""
        if self.session is not None:
            self.run_worker(self.session.warm, thread=True, group="warm", exit_on_error=False)

    def on_unmount(self) -> None:
        if self.bidi == "app" and not self.is_headless:
            _tty_write(VTE_BIDI_ON)

    def set_placeholder(self) -> None:
        self.query_one(AnswerBox).input.placeholder = short_label(
            t("question.prompt_marker", self.lang), self.bidi
        )

    def label_keys(self) -> None:
        label_keys(self, self.lang, self.bidi)

    # --- saying things ---

    @property
    def log_view(self) -> ChatLog:
        return self.query_one("#log", ChatLog)

    def say(self, *parts: Part | str) -> None:
        items = [p if isinstance(p, Part) else Part(p) for p in parts]
        if self._pending is not None:
            self._pending.append(Bubble(items, who="tutor", mode=self.bidi))
            return
        self.log_view.add(items, who="tutor", mode=self.bidi)

    def notice(self, text: str) -> None:
        """A message from outside the conversation (the store failing mid-round: answers are
        recorded on this thread), said in the chat where the learner looks, never on stderr
        behind the screen."""
        self.say(Part(text, "hint"))

    def heard(self, text: str) -> None:
        if self._pending is not None:
            self._pending.append(Bubble([Part(text)], who="learner", mode=self.bidi))
            return
        self.log_view.add([Part(text)], who="learner", mode=self.bidi)

    def ask(self) -> None:
        s = self.session
        if s is None or s.current is None:
            return
        index, total = s.position
        shown = s.order() or s.items_shown() or ()  # options or items, in the order shown
        self.say(*texts.question_parts(s.current, self.bank, index, total, self.lang, shown))

    # --- rounds ---

    def start_round(self, spec: RoundSpec, session: Session | None = None) -> None:
        self.spec = spec
        self.offer = None
        self.session = session or self.make_session(spec)
        if self._pending is None:  # a later round; the first is warmed once the app is up
            self.warm_session()
        if self.session.phase is Phase.DONE:
            self.say(Part(t("round.empty", self.lang), "note"))
            self.offer = "new"
            self.say(Part(t("summary.new_offer", self.lang), "offer"))
            return
        self.ask()
        self.session.shown()

    def end_round(self) -> None:
        assert self.session is not None
        summary = self.session.summary()
        self.say(*texts.summary_parts(summary, self.lang))
        self.offer = "retry" if summary.missed else "new"

    def after_final(self) -> None:
        """Move on; the next question is drawn after the verdict shows, so it comes first."""
        s = self.session
        assert s is not None
        if s.next() is None:
            self.call_after_refresh(self.end_round)
        else:
            self.call_after_refresh(self._ask_next, s)

    def _ask_next(self, s: Session) -> None:
        if s is self.session and s.phase is Phase.ASKING:
            self.ask()
            s.shown()

    def show_outcome(self, outcome: Outcome) -> None:
        self.last_outcome = outcome
        self.say(*texts.outcome_parts(outcome, self.lang))
        if outcome.final:
            self.after_final()

    # --- input ---

    def on_key(self, event: events.Key) -> None:
        """A letter typed while the chat has the focus (after a click) goes into the answer, not
        nowhere."""
        if len(self.screen_stack) > 1 or not event.is_printable or event.character is None:
            return
        box = self.query_one(AnswerBox).input
        if self.focused is not box:
            box.focus()
            box.insert_text_at_cursor(event.character)
            event.stop()

    @on(Input.Submitted, "#answer")
    def on_answer(self, event: Input.Submitted) -> None:
        text = event.value
        event.input.value = ""
        self.handle(text)

    def handle(self, text: str) -> None:
        """One line from the learner: a command, a yes/no to an offer, or an answer. What it
        makes the tutor say is mounted in one go (one layout pass, not one per bubble)."""
        if self._pending is not None:  # nested (a test or a demo calling handle during compose)
            self._handle(text)
            return
        self._pending = []
        try:
            self._handle(text)
        finally:
            rows, self._pending = self._pending, None
            if rows:
                self.log_view.add_bubbles(rows)

    def _handle(self, text: str) -> None:
        if len(text) > MAX_ANSWER:
            self.say(
                Part(t("answer.too_long", self.lang, length=len(text), limit=MAX_ANSWER), "note")
            )
            return
        if not text.strip() and self.offer is not None:
            return
        self.heard(text)
        if self.offer == "override" and self.confirm_override(text):
            return
        if self.ask_articles(text):
            return
        cmd = commands.parse(text)
        if cmd is not None:
            self.run_command(cmd)
            return
        if self.offer is not None:
            self.answer_offer(text)
            return
        s = self.session
        if s is None or s.phase not in (Phase.ASKING, Phase.RETRY):
            self.say(Part(t("command.not_now", self.lang), "note"))
            return
        self.show_outcome(s.submit(commands.answer_text(text)))

    def ask_articles(self, text: str) -> bool:
        """A learner's own question for the articles (the rule: tutor/ask/rule.py), answered
        with their passages; True if the line was one."""
        from tutor.ask.rule import wants_answer

        s = self.session
        question = wants_answer(text, s is not None and s.phase in (Phase.ASKING, Phase.RETRY))
        if question is None:
            return False
        from tutor.ask.answer import asked_in

        open_q, counted = asked_in(s)  # the round is told now; the search runs in a worker
        lang = self.lang
        self.run_worker(lambda: self._answer_asked(question, lang, open_q, counted),
                        thread=True, group="ask", exit_on_error=False)  # fmt: skip
        return True

    def _answer_asked(self, question: str, lang: str, open_q, counted: bool) -> None:
        """In a worker thread: the first question of a session loads the index and the sentence
        encoder (a second or more), which must not freeze the chat."""
        from tutor.ask.answer import reply

        lines = reply(self.bank, question, lang, open_question=open_q, counted=counted)
        kinds = {"practise": "note"}
        parts = [Part(x.text, kinds.get(x.kind, x.kind), x.highlights) for x in lines]
        self.call_from_thread(self.say, *parts)

    def confirm_override(self, text: str) -> bool:
        """The reply to "count yours as correct anyway?": yes overturns, no keeps the verdict.
        Anything else keeps it too and is then taken as usual (an answer, a command): False."""
        word = text.strip().casefold().rstrip(".!؟?")
        self.offer, self._offer_before = self._offer_before, None
        s = self.session
        if word in YES and s is not None and s.override(confirmed=True):
            self.overridden()
            return True
        self.say(Part(t("override.cancelled", self.lang), "note"))
        return word in YES or word in NO

    def answer_offer(self, text: str) -> None:
        word = text.strip().casefold().rstrip(".!؟?")
        if word in YES:
            assert self.session is not None
            if self.offer == "retry":
                self.say(Part(t("round.retry", self.lang), "note"))
                self.start_round(self.spec, self.session.retry_missed())
            else:
                self.say(Part(t("round.new", self.lang), "note"))
                self.start_round(self.spec)
        elif word in NO:
            if self.offer == "retry":
                self.offer = "new"
                self.say(Part(t("summary.new_offer", self.lang), "offer"))
            else:
                self.exit(0)
        else:
            self.say(Part(t("ui.yes_no", self.lang), "note"))

    def run_command(self, cmd: commands.Command) -> None:
        action = getattr(self, "action_" + cmd.name, None)
        if cmd.name == "unknown" or action is None:
            self.say(Part(t("command.unknown", self.lang, command=cmd.typed), "note"))
            return
        action()

    def _open(self) -> Session | None:
        s = self.session
        if s is None or s.phase not in (Phase.ASKING, Phase.RETRY):
            self.say(Part(t("command.not_now", self.lang), "note"))
            return None
        return s

    # --- actions (keys and commands) ---

    def action_help(self) -> None:
        self.say(*[Part(line) for line in commands.help_lines(self.lang)])

    def action_hint(self) -> None:
        s = self.session
        if s is None or s.phase not in (Phase.ASKING, Phase.RETRY):
            self.say(Part(t("hint.not_now", self.lang), "note"))
            return
        hint = s.hint()
        if hint is None:
            self.say(Part(t("hint.none", self.lang), "note"))
        else:
            self.say(Part(t("hint.offered", self.lang, hint=hint.get(self.lang)), "hint"))

    def action_skip(self) -> None:
        if (s := self._open()) is not None:
            self.show_outcome(s.skip())

    def action_reveal(self) -> None:
        if (s := self._open()) is not None:
            self.show_outcome(s.reveal())

    def action_right(self) -> None:
        """'I was right'. On an exact answer (a figure, a date, an option) the engine wants it
        confirmed: show the expected answer and ask; the next line is the reply."""
        s = self.session
        claim = s.override_claim() if s is not None else None
        if s is None or claim is None:
            self.say(Part(t("override.none", self.lang), "note"))
            return
        if claim.confirm:
            if self.offer != "override":
                self._offer_before, self.offer = self.offer, "override"
            expected = claim.question.answer_text(self.lang)
            self.say(
                Part(t("override.confirm", self.lang, answer=expected, given=claim.answer), "offer")
            )
            return
        s.override()
        self.overridden()

    def overridden(self) -> None:
        """Say so; after a round, its score again, and no retry offer if nothing is left missed."""
        self.say(Part(t("override.done", self.lang), "verdict correct"))
        s = self.session
        if s is None or s.phase is not Phase.DONE or self.offer not in ("retry", "new"):
            return
        summary = s.summary()
        self.say(Part(t("summary.score", self.lang, score=score_text(summary.score),
                        total=summary.total), "verdict"))  # fmt: skip
        if self.offer == "retry" and not summary.missed:
            self.offer = "new"
            self.say(Part(t("summary.new_offer", self.lang), "offer"))

    def action_lang(self) -> None:
        self.lang = other(self.lang)
        self.set_placeholder()
        self.label_keys()
        self.say(Part(t("lang.switched", self.lang), "note"))
        s = self.session
        if s is not None and s.phase in (Phase.ASKING, Phase.RETRY):
            self.ask()  # the question again, in the new language; its clock keeps running

    def action_source(self) -> None:
        """The article. Before the question is answered it opens at its top with nothing marked,
        and counts as a hint; afterwards at the evidence, the answer highlighted."""
        s = self.session
        src = s.source() if s is not None else None
        if src is None:
            self.say(Part(t("source.none", self.lang), "note"))
            return
        if src.open:
            self.say(Part(t("source.as_hint", self.lang), "note"))
        from tutor.ui.screens.reader import ArticleReader  # imported on first use: quicker start

        self.push_screen(ArticleReader(src.article, src.evidence, lang=self.lang, mode=self.bidi))

    def action_stats(self) -> None:
        if self.stats_screen is None:
            self.say(Part(t("stats.none", self.lang), "note"))
            return
        self.push_screen(self.stats_screen(self.lang, self.bidi))

    def action_new(self) -> None:
        def chosen(spec: RoundSpec | None) -> None:
            if spec is None:
                return
            if self.session is not None:
                self.session.end()
            self.say(Part(t("round.new", self.lang), "note"))
            self.start_round(spec)

        from tutor.ui.screens.picker import RoundPicker  # imported on first use: quicker start

        self.push_screen(RoundPicker(self.bank, self.spec, lang=self.lang, mode=self.bidi), chosen)

    def action_quit(self) -> None:
        self.exit(0)


def run_app(
    *,
    bank: Bank,
    make_session: SessionFactory,
    spec: RoundSpec,
    lang: str,
    bidi: str,
    stats_screen: Callable[[str, str], Screen] | None = None,
    notices: Sequence[str] = (),
    on_app: Callable[[TutorApp], None] | None = None,
) -> int:
    """Run the chat until the learner leaves; the exit status for the shell. `on_app` is told
    the app before it runs, so that later messages (the store failing) can go to its chat."""
    app = TutorApp(
        bank=bank, make_session=make_session, spec=spec, lang=lang, bidi=bidi,
        stats_screen=stats_screen, notices=notices,
    )  # fmt: skip
    if on_app is not None:
        on_app(app)
    try:
        result = app.run()
    except KeyboardInterrupt:
        result = 0
    finally:
        if bidi == "app":
            _tty_write(VTE_BIDI_ON)
    return result if isinstance(result, int) else 0


__all__ = ["TutorApp", "run_app"]
