"""The page `tutor serve` sends a browser: textual-serve's own template (textual-serve 1.1),
except that its font comes from textual-serve's static folder instead of Google Fonts, so the
served chat works on a machine with no internet and tells no third party who is studying.

textual-serve's `Server(templates_path=...)` reads `app_index.html` from this folder; its
scripts, styles and fonts are still textual-serve's, served from its `/static/`."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent
