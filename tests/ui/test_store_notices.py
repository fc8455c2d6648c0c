"""Issue 12: what happened to the progress store is said in the chat itself, before the first
question — not on stderr behind the full-screen app — and the chat works afterwards (F8 too)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pilot import answer, run, tutor_said

from tutor.commands.study import _Progress
from tutor.engine.ports import AnswerRecord
from tutor.engine.session import RoundSpec, Session
from tutor.store import open_store
from tutor.store.paths import DB_NAME
from tutor.ui.app import TutorApp
from tutor.ui.screens.stats import StatsScreen


def progress_in(data: Path, lang: str = "en") -> _Progress:
    """The store as `tutor --data DATA` opens it for the chat."""
    p = _Progress()
    p.open(argparse.Namespace(data=str(data)), lang, lambda text: None)
    return p


def app_for(bank, progress: _Progress, lang: str = "en") -> TutorApp:
    def make_session(spec: RoundSpec) -> Session:
        qs = [bank.get("t-year"), bank.get("t-dover")]
        return Session(bank, spec, recorder=progress.recorder, questions=qs)

    return TutorApp(
        bank=bank, make_session=make_session, spec=RoundSpec(length=2), lang=lang,
        stats_screen=progress.stats_screen(bank), notices=progress.notices,
    )  # fmt: skip


def damaged_store(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    s = open_store(data)
    t0 = datetime(2026, 1, 5, tzinfo=UTC)
    for i in range(300):
        s.record(AnswerRecord("t-year", t0 + timedelta(minutes=i), f"typed {i}", "correct", 1.0,
                              4.0, 0, "app"))  # fmt: skip
    s.close()
    db = data / DB_NAME
    b = bytearray(db.read_bytes())
    at = b.index(b"typed 150") // 4096 * 4096  # a page of answers in the middle; header intact
    b[at : at + 4096] = b"\xab" * 4096
    db.write_bytes(bytes(b))
    return data


def test_a_mended_store_is_announced_in_the_chat_and_then_saves(bank, tmp_path) -> None:
    data = damaged_store(tmp_path)
    progress = progress_in(data)

    async def script(pilot):
        said = tutor_said(pilot.app)
        (kept,) = data.glob(DB_NAME + ".corrupt-*")
        assert "damaged" in said[0] and str(kept) in said[0]
        assert said[1].startswith("1 of 2")  # the question comes right after
        await answer(pilot, "1961")
        await pilot.press("f8")  # crashed with a traceback before issue 12
        await pilot.pause()
        assert isinstance(pilot.app.screen, StatsScreen)

    try:
        run(app_for(bank, progress), script)
        store = progress.store
        assert store is not None and store.repair is not None
        answers = [r[2] for r in store.answers()]
        assert answers[-1] == "1961" and len(answers) == store.repair.salvaged + 1
    finally:
        progress.close()


def test_an_unusable_data_folder_is_said_in_the_chat(bank, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder [bold]x[red]"
    blocker.write_text("a file where the data folder should be")
    progress = progress_in(blocker / "data")

    async def script(pilot):
        first = tutor_said(pilot.app)[0]
        assert "Progress will not be saved in this session." in first
        assert "[bold]x[red]" in first  # a file name is shown as typed, never as markup
        await pilot.press("f8")
        await pilot.pause()
        assert "need the progress store" in tutor_said(pilot.app)[-1]

    run(app_for(bank, progress), script)


def test_the_notice_is_in_arabic_when_the_chat_is(bank, tmp_path) -> None:
    progress = progress_in(damaged_store(tmp_path), lang="ar")

    async def script(pilot):
        assert "تالف" in tutor_said(pilot.app)[0]

    try:
        run(app_for(bank, progress, lang="ar"), script)
    finally:
        progress.close()


def test_no_notice_when_all_is_well(bank, tmp_path) -> None:
    progress = progress_in(tmp_path / "fresh")

    async def script(pilot):
        assert tutor_said(pilot.app)[0].startswith("1 of 2")

    try:
        run(app_for(bank, progress), script)
    finally:
        progress.close()


def test_a_store_failing_mid_round_is_said_in_the_chat_not_on_stderr(tmp_path, monkeypatch,
                                                                      capsys) -> None:  # fmt: skip
    """`tutor` as the learner starts it: the full-screen app, whose stderr the learner cannot see.
    The disk fills after the first question is asked; the answer is still graded, the chat says
    why nothing more is saved, and the round goes on."""
    import sqlite3

    from fakes import BANK_DIR

    from tutor.commands import study
    from tutor.store.db import Store

    def full(self, rec) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    seen: dict[str, list[str]] = {}

    def headless_run(self: TutorApp) -> int:
        async def script(pilot) -> None:
            monkeypatch.setattr(Store, "record", full)
            await answer(pilot, "1961")
            seen["said"] = tutor_said(pilot.app)

        run(self, script)
        return 0

    monkeypatch.setattr(study, "_isatty", lambda stream: True)
    monkeypatch.setattr(TutorApp, "run", headless_run)
    args = argparse.Namespace(bank=str(BANK_DIR), data=str(tmp_path / "data"), plain=False,
                              bidi="app", lang="en", length=2)  # fmt: skip
    assert study.run(args) == 0
    said = seen["said"]
    (at,) = [i for i, text in enumerate(said) if "database or disk is full" in text]
    assert "not be saved" in said[at + 1]
    assert said[at + 2 :], "the answer is graded after the notice"  # the round goes on
    assert "disk is full" not in capsys.readouterr().err
