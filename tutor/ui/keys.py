"""Footer labels in the conversation's language.

Textual draws a binding's description as given, so Arabic labels are handed over already in visual
order when the app does the bidi. Bindings are frozen and their lists are shared with the class,
so a node gets new lists of relabelled copies, never edits in place.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from tutor.display import bidi as bidi_layout
from tutor.i18n import CATALOG, t

BACK = {"app.pop_screen": "back"}  # a screen's way out


def short_label(text: str, mode: str) -> str:
    """One short line (a footer label, a placeholder) as the terminal must draw it."""
    if mode == "app":
        return bidi_layout.visual_lines(text, len(text))[0].strip()
    return text


def label_keys(node: DOMNode, lang: str, mode: str, names: dict[str, str] | None = None) -> None:
    """Relabel `node`'s shown bindings from the catalogue's `key.<name>`; `names` maps an action
    to its name where they differ (a screen's "app.pop_screen" is "back")."""
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        relabelled = []
        for b in bindings:
            name = (names or {}).get(b.action, b.action)
            if b.show and f"key.{name}" in CATALOG:
                b = replace(b, description=short_label(t(f"key.{name}", lang), mode))
            relabelled.append(b)
        table[key] = relabelled
    node.refresh_bindings()
