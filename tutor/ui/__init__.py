"""The Textual study chat: a front end that only drives tutor.engine.Session."""

from tutor.ui.app import run_app

__all__ = ["run_app"]
