"""Apps over the shared fixed bank (tests/conftest.py), rounds in a fixed order."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakes import ListRecorder

from tutor.bank import Bank
from tutor.engine.session import RoundSpec, Session
from tutor.ui.app import TutorApp


@pytest.fixture
def make_app(bank: Bank, recorder: ListRecorder) -> Callable[..., TutorApp]:
    """An app whose rounds ask `order` (question ids) in that order, whatever the spec."""

    def factory(order=("t-year", "t-dover"), lang="en", bidi="app", stats_screen=None) -> TutorApp:
        def make_session(spec: RoundSpec) -> Session:
            chosen = [bank.get(i) for i in order]
            qs = [q for q in chosen if q is not None and spec.admits(q)]
            return Session(bank, spec, recorder=recorder, questions=qs)

        return TutorApp(
            bank=bank, make_session=make_session, spec=RoundSpec(length=len(order)), lang=lang,
            bidi=bidi, stats_screen=stats_screen,
        )  # fmt: skip

    return factory
