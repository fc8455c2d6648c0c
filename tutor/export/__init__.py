"""The bank in the formats schools already use: Moodle XML, GIFT, Anki, a printable worksheet,
CSV and JSON.

Each format is a module with one `write_*` function from chosen questions to bytes or text; this
package imports none of them (nor genanki) until a format is asked for, so `tutor` starts as fast
without it.
"""

from __future__ import annotations

FORMATS = ("moodle", "gift", "anki", "worksheet", "csv", "json")
BINARY = ("anki",)  # formats that cannot go to a terminal: they need -o
SUFFIX = {
    "moodle": ".xml", "gift": ".gift.txt", "anki": ".apkg", "worksheet": ".html",
    "csv": ".csv", "json": ".json",
}  # fmt: skip

_WRITERS = {
    "moodle": ("tutor.export.moodle", "write_moodle"),
    "gift": ("tutor.export.gift", "write_gift"),
    "anki": ("tutor.export.anki", "write_anki"),
    "worksheet": ("tutor.export.worksheet", "write_worksheet"),
    "csv": ("tutor.export.table", "write_csv"),
    "json": ("tutor.export.table", "write_json"),
}


def write(fmt: str, bank, questions, lang: str | None = None, seed: int | None = None):
    """The chosen questions in format `fmt`: an Export (bytes, and what was left out or changed)."""
    from importlib import import_module

    module, name = _WRITERS[fmt]
    return getattr(import_module(module), name)(bank, questions, lang, seed)
