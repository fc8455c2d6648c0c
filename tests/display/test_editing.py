"""The input box's geometry and the per-line reordering under it (tutor.display.editing)."""

from __future__ import annotations

from bidi import get_display
from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.display import bidi, editing

QUOTE = "قال الباحث «إن المعاهدة الجديدة تمثل تحولا كبيرا في العلاقات» في مقابلة"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="جامعة هال ab Hull 1961 ١٢ ().,«»-:/؟", max_size=30),
    st.booleans(),
)
def test_reorder_is_python_bidi_with_brackets_mirrored_by_level(line: str, rtl: bool) -> None:
    ours = editing.reorder(line, rtl)
    theirs = get_display(line, base_dir="R" if rtl else "L")
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert a == b or MIRRORED.get(b) == a


def test_wrapped_guillemets_point_outward_on_each_line() -> None:
    lines = [line.strip() for line in bidi.visual_lines(QUOTE, 24)]
    opening = next(line for line in lines if "ﺇ" in line and ("«" in line or "»" in line))
    closing = next(line for line in lines if "ﺕﺎﻗﻼﻌﻟﺍ" in line)
    # the quote opens on the right of its first line and closes on the left of its last one:
    # the marks point away from the quoted words, as «» do on paper
    assert "»ﻥﺇ" not in opening and "ﻥﺇ»" in opening
    assert "«ﺕﺎﻗﻼﻌﻟﺍ" in closing
    assert len(lines) > 1


def test_paired_brackets_on_one_line_still_read_the_right_way() -> None:
    assert bidi.visual_lines("جامعة (هال)", 40)[0].strip() == "(ﻝﺎﻫ) ﺔﻌﻣﺎﺟ"
    assert bidi.visual_lines("«هال»", 40)[0].strip() == "«ﻝﺎﻫ»"


def test_arabic_line_runs_right_to_left_with_the_caret_at_its_left_end() -> None:
    line = editing.edit_line("جامعة هال")
    assert line.rtl and line.cells == "ﻝﺎﻫ ﺔﻌﻣﺎﺟ"
    assert line.caret_unit(len(line.text)) == -1  # after the last letter: left of it all
    assert line.caret_unit(0) == len(line.cells) - 1  # before the first: on the rightmost
    assert line.step(len(line.text), -1) == len(line.text)  # nowhere further left
    assert line.step(len(line.text), +1) == len(line.text) - 1  # right: onto the last letter
    assert line.step(0, +1) == 0


def test_arrows_follow_the_screen_through_latin_and_digits() -> None:
    text = "جامعة Hull 1961"
    line = editing.edit_line(text)
    # screen, left to right: "Hull 1961" then the Arabic word, caret end on the far left
    assert line.cells.startswith("1961 Hull ") or line.cells.startswith("Hull 1961 ")
    seen, pos = [], len(text)
    for _ in range(len(text) + 2):
        pos = line.step(pos, +1)
        seen.append(line.caret_unit(pos))
    units = [u for u in seen if u >= 0]
    assert units == sorted(units)  # Right never jumps back leftwards
    assert set(range(len(line.cells))) <= set(units)  # and visits every cell


def test_lam_alef_is_one_cell_and_one_stop() -> None:
    line = editing.edit_line("لا")
    assert len(line.cells) == 1
    assert line.unit_of == (0, 0)
    assert line.step(2, +1) == 0  # from the end straight onto the ligature, before its lam


def test_harakat_travel_with_their_letter() -> None:
    line = editing.edit_line("وُقّع")
    assert len(line.cells) == 3
    stops, pos = [], len(line.text)
    for _ in range(4):
        pos = line.step(pos, +1)
        stops.append(pos)
    assert stops == [4, 2, 0, 0]  # ع, then قّ, then وُ


def test_latin_line_is_left_to_right_with_the_caret_past_its_right_end() -> None:
    line = editing.edit_line("Hull هال")
    assert not line.rtl
    assert line.caret_unit(len(line.text)) == len(line.cells)
    assert line.cells == "Hull ﻝﺎﻫ"


def test_terminal_mode_keeps_letters_unshaped() -> None:
    line = editing.edit_line("هال", shape=False)
    assert line.cells == "لاه"  # the order the terminal will show, for the arrow keys
