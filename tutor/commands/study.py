"""`tutor` / `tutor study`: a round of questions, in the Textual app or as plain lines of text.

This module only wires things together: the bank, the progress store (a Recorder and a Picker),
the round the options ask for, and the front end. Study never stops because the store fails.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from tutor.bank.model import Bank
from tutor.commands.common import load_or_report, positive
from tutor.engine.ports import NullRecorder, Picker, Recorder, ShufflePicker
from tutor.engine.recording import GuardedRecorder
from tutor.engine.session import RoundSpec, Session
from tutor.i18n import default_lang, t

HELP = "study: a round of questions in the chat (the default command)"

S = argparse.SUPPRESS  # `tutor --x study --y`: both places may set options; neither resets them
DEFAULTS: dict[str, object] = {
    "lang": None, "bidi": "auto", "plain": False, "article": [], "tag": [], "difficulty": [],
    "length": 10, "new_per_day": None,
}  # fmt: skip


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        choices=("ar", "en"),
        default=S,
        help="the tutor's language (default: from LANG/LC_ALL, else en)",
    )
    p.add_argument(
        "--bidi",
        choices=("auto", "app", "terminal"),
        default=S,
        help="who draws Arabic right to left: the app, or the terminal (default: auto)",
    )
    p.add_argument(
        "--plain",
        action="store_true",
        default=S,
        help="lines of text instead of the full-screen app (automatic without a TTY)",
    )
    p.add_argument(
        "--article",
        action="append",
        metavar="ID",
        default=S,
        help="only questions on this article (repeatable)",
    )
    p.add_argument(
        "--tag",
        action="append",
        metavar="TAG",
        default=S,
        help="only questions with this tag (repeatable)",
    )
    p.add_argument(
        "--difficulty",
        action="append",
        type=int,
        choices=(1, 2, 3),
        metavar="N",
        default=S,
        help="only questions of this difficulty, 1-3 (repeatable)",
    )
    p.add_argument(
        "--length", type=positive, metavar="N", default=S, help="questions per round (default: 10)"
    )
    p.add_argument("--new-per-day", type=positive, metavar="N", default=S,
                   help="new questions a day at most, for spaced repetition")  # fmt: skip
    p.add_argument("--seed", type=int, metavar="N", default=S,
                   help="the order options and events are shown in (default: new each round)",
                   )  # fmt: skip


def _opt(args: argparse.Namespace, name: str):
    return getattr(args, name, DEFAULTS[name])


def resolve_bidi(mode: str, env: Mapping[str, str] = os.environ) -> str:
    from tutor.display.bidi import resolve_mode

    return resolve_mode(mode, env)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def spec_from(args: argparse.Namespace) -> RoundSpec:
    return RoundSpec(
        articles=tuple(_opt(args, "article")),
        tags=tuple(_opt(args, "tag")),
        difficulties=tuple(_opt(args, "difficulty")),
        length=_opt(args, "length"),
    )


def _check_filters(bank: Bank, spec: RoundSpec) -> str | None:
    """A message naming an --article or --tag the bank does not have."""
    unknown = [a for a in spec.articles if a not in bank.articles]
    if unknown:
        known = ", ".join(sorted(bank.articles)) or "none"
        return f"tutor: unknown article {', '.join(unknown)} (articles: {known})"
    tags = {tag for q in bank.questions for tag in q.tags}
    unknown = [tag for tag in spec.tags if tag not in tags]
    if unknown:
        return (
            f"tutor: unknown tag {', '.join(unknown)} (tags: {', '.join(sorted(tags)) or 'none'})"
        )
    return None


class _Progress:
    """The progress store, or nothing: what a Session records to and picks with."""

    def __init__(self) -> None:
        self.store = None
        self.picker: Picker = ShufflePicker()
        self.recorder: Recorder = NullRecorder()
        self.notices: list[str] = []  # for the learner, shown in the chat before the first question

    def open(self, args: argparse.Namespace, lang: str, say: Callable[[str], None]) -> None:
        """A damaged store is mended (and said so); one that cannot be written is still read."""
        from tutor.commands.common import store_notices
        from tutor.store import FsrsPicker, StoreError
        from tutor.store.recover import open_for_reading

        data = getattr(args, "data", None)
        try:
            store = open_for_reading(Path(data).expanduser() if data else None)
        except StoreError as e:
            self.notices += [f"tutor: {e}", t("store.unavailable", lang)]
            return
        self.notices += store_notices(store, lang)
        self.store = store
        npd = _opt(args, "new_per_day")
        self.picker = FsrsPicker(store) if npd is None else FsrsPicker(store, new_per_day=npd)
        if store.read_only:
            return

        def failed(e: Exception) -> None:
            say(f"tutor: {e}")
            say(t("store.unavailable", lang))

        self.recorder = GuardedRecorder(store, failed)

    def stats_screen(self, bank: Bank) -> Callable[[str, str], object] | None:
        """The F8 screen, built when asked for: stats are not needed to start."""
        store = self.store
        if store is None:
            return None

        def screen(lang: str, mode: str) -> object:
            from tutor.store.stats import compute_stats
            from tutor.ui.screens.stats import StatsScreen

            return StatsScreen(compute_stats(store, bank), bank, lang=lang, mode=mode)

        return screen

    def stats_text(self, bank: Bank) -> Callable[[str], str] | None:
        store = self.store
        if store is None:
            return None

        def text(lang: str) -> str:
            from tutor.commands.stats import format_stats
            from tutor.store.stats import compute_stats

            return format_stats(compute_stats(store, bank), lang=lang, bank=bank)

        return text

    def close(self) -> None:
        if self.store is not None:
            with contextlib.suppress(Exception):  # closing must not end in a traceback
                self.store.close()


def _utf8(stream) -> None:
    """Plain mode writes Arabic: never let a C locale turn it into an encoding error."""
    with contextlib.suppress(AttributeError, ValueError):
        stream.reconfigure(encoding="utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    lang = _opt(args, "lang") or default_lang()
    bidi = _opt(args, "bidi")
    # `tutor serve` runs us on pipes with a Textual driver named in TEXTUAL_DRIVER: the app, then.
    served = bool(os.environ.get("TEXTUAL_DRIVER"))
    plain = _opt(args, "plain") or not (served or (_isatty(sys.stdin) and _isatty(sys.stdout)))
    if plain:
        _utf8(sys.stdin)
        _utf8(sys.stdout)
    bank = load_or_report(args)
    if bank is None:
        return 1
    spec = spec_from(args)
    problem = _check_filters(bank, spec)
    if problem:
        print(problem, file=sys.stderr)
        return 2

    chat: list = []  # the running app, whose chat takes what the store says mid-round

    def say(text: str) -> None:
        if chat:
            chat[0].notice(text)
        else:
            print(text, file=sys.stdout if plain else sys.stderr, flush=True)

    progress = _Progress()
    progress.open(args, lang, say)
    mode = "plain" if plain else "app"

    seed = getattr(args, "seed", None)

    def make_session(spec: RoundSpec) -> Session:
        return Session(
            bank, spec, picker=progress.picker, recorder=progress.recorder, mode=mode, seed=seed
        )

    try:
        if not plain:
            from tutor.ui.app import run_app

            status = run_app(
                bank=bank, make_session=make_session, spec=spec, lang=lang,
                bidi=resolve_bidi(bidi), stats_screen=progress.stats_screen(bank),
                notices=progress.notices, on_app=chat.append,
            )  # fmt: skip
            return int(status or 0)
        from tutor.plain import run_plain

        return run_plain(
            bank=bank, make_session=make_session, spec=spec, lang=lang,
            bidi="app" if bidi == "app" else "terminal", stdin=sys.stdin, stdout=sys.stdout,
            stats_text=progress.stats_text(bank), notices=progress.notices,
        )  # fmt: skip
    finally:
        progress.close()
