"""A round of questions: what comes next, attempts, hints, timing, and the record of each answer.

CONTRACT: front ends (Textual app, plain mode) code against these names; keep names and meanings.
A front end never grades: it calls submit() and shows the Outcome. Every graded answer, skip and
reveal goes to the Recorder the moment it happens, so a killed process loses nothing graded.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import Enum

from tutor import grading
from tutor.bank.model import Article, Bank, Localized, Question
from tutor.engine import evidence as _evidence
from tutor.engine.options import item_order, option_order
from tutor.engine.ports import AnswerRecord, NullRecorder, Picker, Recorder, ShufflePicker
from tutor.grading.verdict import CORRECT, INCORRECT, PARTIAL, Verdict

SKIPPED, REVEALED = "skipped", "revealed"
HINT, SOURCE = "hint", "source"  # the aids a learner can use before answering, each counted once

# An "I was right" on these is a claim that a parsed figure or a picked option was misread:
# the front end shows the expected answer and asks before it counts.
EXACT_TYPES = ("year", "date", "choice", "bool")


@dataclass(frozen=True)
class RoundSpec:
    """Which questions a round draws from; empty tuples mean 'all'."""

    articles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulties: tuple[int, ...] = ()
    length: int = 10

    def admits(self, q: Question) -> bool:
        """Whether `q` may be asked in this round (grading-only questions never are)."""
        if q.prompt is None:
            return False
        if self.articles and q.article not in self.articles:
            return False
        if self.tags and not set(self.tags) & set(q.tags):
            return False
        return not (self.difficulties and q.difficulty not in self.difficulties)


class Phase(Enum):
    ASKING = "asking"  # waiting for a first answer
    RETRY = "retry"  # first answer was wrong: a hint was offered, waiting for the second
    ANSWERED = "answered"  # the question is over; call next()
    DONE = "done"  # the round is over; see summary()


@dataclass(frozen=True)
class Evidence:
    """The passage that proves the answer, located in its article."""

    article: Article
    passage: str  # the evidence text as it stands in the article
    start: int  # offsets of the passage in article.text
    end: int
    highlights: tuple[tuple[int, int], ...] = ()  # spans of the answer inside `passage`


@dataclass(frozen=True)
class Outcome:
    question: Question
    verdict: Verdict
    attempt: int  # 1 or 2
    final: bool  # no more tries on this question
    hint: Localized | None = None  # offered after a wrong first try
    revealed: bool = False  # the answer was shown (second miss, /reveal, /skip)
    evidence: Evidence | None = None  # set when final
    kind: str = ""  # correct | partial | incorrect | skipped | revealed (as recorded)
    seconds: float = 0.0  # time taken, as recorded
    more_evidence: tuple[Evidence, ...] = ()  # passages after the first (evidence from several)


@dataclass(frozen=True)
class Source:
    """What /source may show now. While the question is open the article opens at its top with
    nothing marked (the evidence would give the answer away) and reading it counts as a hint."""

    question: Question
    article: Article
    evidence: Evidence | None  # None while the question is open (or when it was not found)
    open: bool = False  # `question` is not answered yet: show nothing that marks the answer
    counted_as_hint: bool = False  # opening it now counted as a hint for `question`


@dataclass(frozen=True)
class OverrideClaim:
    """What "I was right" would overturn. `confirm`: an exact answer (a figure, a year, a date,
    an option) was judged wrong, so ask first, showing `question.answer_text(lang)`."""

    question: Question
    answer: str  # as the learner typed it
    verdict: str  # partial | incorrect
    confirm: bool


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    verdict: str  # correct | partial | incorrect | skipped | revealed
    score: float
    answer: str
    hints: int
    overridden: bool = False
    attempt: int = 1  # the attempt that ended the question
    no_answer: bool = False  # empty or "I don't know": nothing to claim "I was right" about
    shown: tuple[int, ...] = ()  # a choice question's options in the order they were shown


@dataclass(frozen=True)
class RoundSummary:
    results: tuple[QuestionResult, ...]
    score: float  # sum of scores
    total: int  # questions finished (answered, skipped or revealed)
    per_tag: dict[str, tuple[float, int]] = field(default_factory=dict)  # tag -> (score, count)
    missed: tuple[Question, ...] = ()
    planned: int = 0  # questions the round held
    answers: dict[str, str] = field(default_factory=dict)  # missed id -> what the learner typed


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Session:
    def __init__(
        self,
        bank: Bank,
        spec: RoundSpec = RoundSpec(),
        *,
        picker: Picker | None = None,
        recorder: Recorder | None = None,
        mode: str = "app",
        questions: list[Question] | None = None,  # a fixed list (retry, tests) instead of picking
        clock: Callable[[], float] = time.monotonic,  # seconds, for answer timing
        now: Callable[[], datetime] = _utcnow,  # wall clock, for records and picking
        seed: int | str | None = None,  # the options' order; None: a new one for this round
    ) -> None:
        self.bank = bank
        self._seed_given = seed is not None
        self.seed: int | str = seed if seed is not None else random.SystemRandom().getrandbits(32)
        self.spec = spec
        self.picker: Picker = picker or ShufflePicker()
        self.recorder: Recorder = recorder or NullRecorder()
        self.mode = mode
        self._clock = clock
        self._now = now
        self._started = now()
        if questions is None:
            pool = [q for q in bank.questions if spec.admits(q)]
            questions = self.picker.pick(pool, max(spec.length, 0), self._started)
        else:
            questions = [q for q in questions if q.prompt is not None]
        self.questions: list[Question] = list(questions)
        self.results: list[QuestionResult] = []
        self._index = 0
        self._phase = Phase.ASKING if self.questions else Phase.DONE
        self._begin_question()

    def warm(self) -> None:
        """Load the grader and prepare this round's questions: slow work a front end runs in the
        background while the learner reads, so that start-up does not wait for it."""
        grading.warm(self.questions, self.bank)

    # --- where we are ---

    def _begin_question(self) -> None:
        self._attempt = 1
        self._aids: set[str] = set()
        self._shown_at = self._clock()

    @property
    def _hints(self) -> int:
        return len(self._aids)

    @property
    def current(self) -> Question | None:
        if self._phase is Phase.DONE:
            return None
        return self.questions[self._index]

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def position(self) -> tuple[int, int]:  # (1-based index, total)
        return (min(self._index + 1, len(self.questions)), len(self.questions))

    @property
    def hints_used(self) -> int:
        return self._hints

    def order(self, question: Question | None = None) -> tuple[int, ...]:
        """The order `question`'s options are shown in (indexes into its `choices`), fixed for
        the round; () for a question without options. Front ends number them 1, 2, 3… as shown,
        and the grader reads "2" as the second option shown."""
        q = question if question is not None else self.current
        if q is None or q.type != "choice" or not q.choices:
            return ()
        return option_order(q.id, len(q.choices), self.seed)

    def choices(self, question: Question | None = None) -> list[Localized]:
        """`question`'s options in the order they are shown."""
        q = question if question is not None else self.current
        return [q.choices[i] for i in self.order(q)] if q is not None else []

    def shown(self) -> None:
        """The current question is now on screen: its answer time starts here."""
        self._shown_at = self._clock()

    def items_shown(self, question: Question | None = None) -> tuple[int, ...] | None:
        """An order question's items as shown (indexes into its answer), the order a label
        like "2" or "ب" names; None for other types."""
        q = question or self.current
        if q is None or q.type != "order" or not isinstance(q.answer, tuple):
            return None
        return item_order(q.id, len(q.answer), self.seed)

    def started_at(self) -> datetime:
        return self._started

    # --- answering ---

    def _require_open(self) -> Question:
        q = self.current
        if q is None or self._phase not in (Phase.ASKING, Phase.RETRY):
            raise RuntimeError(f"no open question (phase {self._phase.value})")
        return q

    def _record(self, q: Question, answer: str, kind: str, score: float, seconds: float) -> None:
        self.recorder.record(
            AnswerRecord(
                question_id=q.id,
                answered_at=self._now(),
                answer=answer,
                verdict=kind,
                score=score,
                seconds=seconds,
                hints=self._hints,
                mode=self.mode,
                attempt=self._attempt,
                shown=self.order(q),
            )
        )

    def _finish(
        self, q: Question, kind: str, score: float, answer: str, no_answer: bool = False
    ) -> None:
        self.results.append(
            QuestionResult(
                q, kind, score, answer, self._hints, False, self._attempt, no_answer, self.order(q)
            )
        )
        self._phase = Phase.ANSWERED

    def submit(self, answer: str) -> Outcome:
        """Grade `answer`; a first miss offers the hint and a second try, a second miss reveals."""
        q = self._require_open()
        shown = self.order(q) or self.items_shown(q)  # options or items, as shown
        verdict = grading.grade(q, answer, bank=self.bank, shown=shown or None)
        seconds = max(self._clock() - self._shown_at, 0.0)
        attempt = self._attempt
        self._record(q, answer, verdict.verdict, verdict.score, seconds)
        if verdict.verdict == CORRECT or attempt >= 2:
            self._finish(q, verdict.verdict, verdict.score, answer, verdict.no_answer)
            return Outcome(
                q, verdict, attempt, final=True, revealed=not verdict.correct,
                evidence=self.evidence(q), kind=verdict.verdict, seconds=seconds,
                more_evidence=self.evidence_all(q)[1:],
            )  # fmt: skip
        self._phase = Phase.RETRY
        self._attempt = 2
        if q.hint is not None:
            self._aids.add(HINT)
        self._shown_at = self._clock()
        return Outcome(
            q, verdict, attempt, final=False, hint=q.hint, kind=verdict.verdict, seconds=seconds
        )

    def hint(self) -> Localized | None:
        """The current question's hint; seeing it counts as a hint used (once per question)."""
        q = self.current
        if q is None or self._phase not in (Phase.ASKING, Phase.RETRY) or q.hint is None:
            return None
        self._aids.add(HINT)
        return q.hint

    def _give_up(self, kind: str) -> Outcome:
        q = self._require_open()
        seconds = max(self._clock() - self._shown_at, 0.0)
        self._record(q, "", kind, 0.0, seconds)
        self._finish(q, kind, 0.0, "")
        verdict = Verdict(INCORRECT, 0.0, kind, reason_ar="تخطٍّ" if kind == SKIPPED else "كشف")
        return Outcome(
            q, verdict, self._attempt, final=True, revealed=True, evidence=self.evidence(q),
            kind=kind, seconds=seconds, more_evidence=self.evidence_all(q)[1:],
        )  # fmt: skip

    def skip(self) -> Outcome:
        return self._give_up(SKIPPED)

    def reveal(self) -> Outcome:
        return self._give_up(REVEALED)

    def evidence(self, question: Question | None = None) -> Evidence | None:
        found = self.evidence_all(question)
        return found[0] if found else None

    def evidence_all(self, question: Question | None = None) -> tuple[Evidence, ...]:
        """Every passage that proves the answer, each with its article (evidence may quote
        several articles)."""
        q = question or self.current
        if q is None:
            return ()
        return tuple(
            Evidence(article, article.text[start:end], start, end, spans)
            for article, start, end, spans in _evidence.find_all(self.bank, q)
        )

    def source(self) -> Source | None:
        """The article for /source: the open question's, from its top and unmarked, counted as a
        hint; once the question is over (or the round), the last one's, at its evidence."""
        q = self.current
        open_ = q is not None and self._phase in (Phase.ASKING, Phase.RETRY)
        if not open_:
            q = self.results[-1].question if self.results else q
        if q is None:
            return None
        article = self.bank.article_of(q)
        if article is None:
            return None
        if open_:
            first = SOURCE not in self._aids
            self._aids.add(SOURCE)
            return Source(q, article, None, open=True, counted_as_hint=first)
        return Source(q, article, self.evidence(q))

    def override_claim(self) -> OverrideClaim | None:
        """What "I was right" would overturn now, or None: the last finished question, if graded
        partial or incorrect on something the learner actually typed, and not overturned yet."""
        if not self.results:
            return None
        last = self.results[-1]
        if last.overridden or last.no_answer or last.verdict not in (PARTIAL, INCORRECT):
            return None
        if not last.answer.strip():
            return None
        q = last.question
        exact = q.type in EXACT_TYPES or (q.type == "number" and not q.tolerance)
        return OverrideClaim(q, last.answer, last.verdict, confirm=exact)

    def override(self, *, confirmed: bool = False) -> bool:
        """'I was right': the last finished question, if graded partial or incorrect, becomes
        correct; the change is recorded as its own answer with override=True. A claim that needs
        confirmation (see override_claim) is applied only with confirmed=True."""
        claim = self.override_claim()
        if claim is None or (claim.confirm and not confirmed):
            return False
        last = self.results[-1]
        self.results[-1] = replace(last, verdict=CORRECT, score=1.0, overridden=True)
        self.recorder.record(
            AnswerRecord(
                question_id=last.question.id,
                answered_at=self._now(),
                answer=last.answer,
                verdict=CORRECT,
                score=1.0,
                seconds=0.0,
                hints=last.hints,
                mode=self.mode,
                override=True,
                attempt=last.attempt,
                shown=last.shown,
            )
        )
        return True

    def next(self) -> Question | None:  # None when the round is over
        """Move on after a finished question."""
        if self._phase is Phase.DONE:
            return None
        self._require_finished()
        self._index += 1
        if self._index >= len(self.questions):
            self._phase = Phase.DONE
            return None
        self._phase = Phase.ASKING
        self._begin_question()
        return self.questions[self._index]

    def _require_finished(self) -> None:
        if self._phase is not Phase.ANSWERED:
            raise RuntimeError("the current question is not finished: submit, skip or reveal")

    def end(self) -> None:
        """Stop the round early (quit, new round): unanswered questions are left out."""
        self._phase = Phase.DONE

    # --- the round as a whole ---

    def summary(self) -> RoundSummary:
        per_tag: dict[str, tuple[float, int]] = {}
        for r in self.results:
            for tag in r.question.tags:
                s, n = per_tag.get(tag, (0.0, 0))
                per_tag[tag] = (s + r.score, n + 1)
        missed = tuple(r.question for r in self.results if r.verdict != CORRECT)
        answers = {r.question.id: r.answer for r in self.results if r.verdict != CORRECT}
        return RoundSummary(
            results=tuple(self.results),
            score=sum(r.score for r in self.results),
            total=len(self.results),
            per_tag=per_tag,
            missed=missed,
            planned=len(self.questions),
            answers=answers,
        )

    def retry_missed(self) -> Session:
        """A new round over this round's missed questions, in the same order."""
        return Session(
            self.bank, replace(self.spec, length=len(self.summary().missed)),
            picker=self.picker, recorder=self.recorder, mode=self.mode,
            questions=list(self.summary().missed), clock=self._clock, now=self._now,
            seed=self.seed if self._seed_given else None,
        )  # fmt: skip
