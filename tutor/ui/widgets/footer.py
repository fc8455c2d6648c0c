"""A footer that fits its width: Textual's Footer cuts the row at the right edge, which slices an
Arabic label (already in visual order) at its logical start. This one draws whole keys only: at a
narrow width it packs them closer, then leaves out the least needed (every key still works, and
/help lists them all)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# the first to go when the row is short, then the next...
LEAST_NEEDED = ("stats", "new", "right", "lang", "source", "help", "reveal", "skip", "hint")


def key_width(key: FooterKey, compact: bool) -> int:
    """Cells a key takes: " f2 hint " wide, or "f2 hint" and a margin when compact."""
    return cell_len(key.key_display) + cell_len(key.description) + (2 if compact else 3)


def fit(keys: list[FooterKey], width: int) -> tuple[list[FooterKey], bool]:
    """The keys to show in `width` cells, in their order, and whether to pack them."""
    if sum(key_width(k, False) for k in keys) <= width:
        return keys, False
    shown = list(keys)
    for name in LEAST_NEEDED:
        if sum(key_width(k, True) for k in shown) <= width:
            break
        shown = [k for k in shown if k.action.removeprefix("app.") != name]
    while shown and sum(key_width(k, True) for k in shown) > width:
        shown.pop()  # still too long (a very narrow terminal): drop from the end
    return shown, True


class FitFooter(Footer):
    """Footer whose keys always fit the row."""

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        made = list(super().compose())
        shown, compact = fit([w for w in made if isinstance(w, FooterKey)], self._width())
        self._fitted = self._width()
        self.compact = compact
        keep = set(map(id, shown))
        yield from (w for w in made if not isinstance(w, FooterKey) or id(w) in keep)

    def on_resize(self, event: Resize) -> None:
        if getattr(self, "_fitted", None) != event.size.width:
            self.call_after_refresh(self.recompose)
