"""A long text without spaces (a 10 MB answer, a pasted blob) is wrapped in time proportional to
its length: a quadratic wrapper froze the chat for minutes. Counted, not timed: the characters the
wrapper hands to the cell-width functions."""

from __future__ import annotations

import pytest
from rich.cells import cell_len, get_character_cell_size

from tutor.display import bidi


def characters_measured(monkeypatch, layout, text: str, width: int = 80) -> int:
    count = 0

    def counting_cell_len(s: str) -> int:
        nonlocal count
        count += len(s)
        return cell_len(s)

    def counting_char(c: str) -> int:
        nonlocal count
        count += 1
        return get_character_cell_size(c)

    monkeypatch.setattr(bidi, "cell_len", counting_cell_len)
    monkeypatch.setattr(bidi, "get_character_cell_size", counting_char, raising=False)
    bidi._layout.cache_clear()
    layout(text, width)
    bidi._layout.cache_clear()
    return count


@pytest.mark.parametrize(
    ("layout", "unit", "n"),
    [
        pytest.param(bidi.logical_lines, "x", 5_000, id="latin_word"),
        pytest.param(bidi.visual_lines, "ب", 2_000, id="arabic_word"),
        pytest.param(bidi.visual_lines, "وُقّعت", 500, id="arabic_with_harakat"),
        pytest.param(bidi.logical_lines, "ab ", 5_000, id="short_words"),
    ],
)
def test_ten_times_the_text_costs_about_ten_times_the_work(monkeypatch, layout, unit, n):
    small = characters_measured(monkeypatch, layout, unit * n)
    large = characters_measured(monkeypatch, layout, unit * (10 * n))
    assert small > 0
    assert large <= 20 * small, f"{small} → {large}: grows faster than the text"


def test_a_long_word_is_cut_into_full_lines_and_nothing_is_lost():
    word = "x" * 1000
    lines = bidi.logical_lines(word, 80)
    assert [len(line) for line in lines] == [80] * 12 + [40]
    assert "".join(lines) == word


def test_a_cut_keeps_zero_width_marks_on_their_letter():
    text = "a\u0301" * 100  # a + combining acute: 100 cells
    lines = bidi.logical_lines(text, 30)
    assert [cell_len(line) for line in lines] == [30, 30, 30, 10]
    assert "".join(lines) == text and not lines[1].startswith("\u0301")


def test_wide_characters_never_overflow_a_line():
    lines = bidi.logical_lines("漢" * 25, 9)
    assert all(cell_len(line) <= 9 for line in lines) and "".join(lines) == "漢" * 25
