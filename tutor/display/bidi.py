"""Right-to-left display. CONTRACT (stub): implemented by the app helper; keep the names."""

from __future__ import annotations

import os
from collections.abc import Mapping


def resolve_mode(mode: str, env: Mapping[str, str] = os.environ) -> str:
    """'auto' → 'terminal' under Konsole or mlterm (they reorder themselves), else 'app'."""
    raise NotImplementedError


def is_rtl(paragraph: str) -> bool:
    """The paragraph's base direction, from its first strong character."""
    raise NotImplementedError


def visual_lines(paragraph: str, width: int) -> list[str]:
    """Wrap `paragraph` to `width` cells in logical order, then reshape and reorder each line for
    display; RTL lines are right-aligned (padded to `width`)."""
    raise NotImplementedError
