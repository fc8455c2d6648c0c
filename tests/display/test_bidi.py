"""The exact visual strings xterm will show: a wrong one reads backwards or unjoined."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from tutor.display import bidi

CASES = [
    pytest.param("مرحبا", 10, ["     ﺎﺒﺣﺮﻣ"], id="arabic_word"),
    pytest.param("عام 1961", 12, ["    1961 ﻡﺎﻋ"], id="digits_keep_their_order"),
    pytest.param(
        "قال روبرت دوفر (Robert Dover) إن",
        40,
        ["        ﻥﺇ (Robert Dover) ﺮﻓﻭﺩ ﺕﺮﺑﻭﺭ ﻝﺎﻗ"],
        id="latin_name_in_brackets",
    ),
    pytest.param(
        "المعاهدة [2024] (الجديدة)", 30, ["     (ﺓﺪﻳﺪﺠﻟﺍ) [2024] ﺓﺪﻫﺎﻌﻤﻟﺍ"], id="brackets_mirrored"
    ),
    pytest.param(
        "In 1961 «معاهدة الصداقة» was signed",
        40,
        ["In 1961 «ﺔﻗﺍﺪﺼﻟﺍ ﺓﺪﻫﺎﻌﻣ» was signed"],
        id="arabic_inside_english",
    ),
    pytest.param("من «Asia Times»:", 20, ["    :«Asia Times» ﻦﻣ"], id="guillemets_around_latin"),
    pytest.param("الله أكبر", 12, ["   ﺮﺒﻛﺃ ﻪﻠﻟﺍ"], id="allah_not_ligated"),
    pytest.param("لا", 4, ["   ﻻ"], id="lam_alef_ligature"),
    pytest.param("وُقّعت", 8, ["    ﺖﻌﻗﻭ"], id="harakat_dropped"),
    pytest.param(
        "في 19 حزيران/يونيو 2024", 30, ["       2024 ﻮﻴﻧﻮﻳ/ﻥﺍﺮﻳﺰﺣ 19 ﻲﻓ"], id="date_with_slash"
    ),
    pytest.param(
        "أرسلت كوريا الشمالية نحو 11000 جندي إلى روسيا",
        20,
        ["ﺔﻴﻟﺎﻤﺸﻟﺍ ﺎﻳﺭﻮﻛ ﺖﻠﺳﺭﺃ", "  ﻰﻟﺇ ﻱﺪﻨﺟ 11000 ﻮﺤﻧ", "               ﺎﻴﺳﻭﺭ"],
        id="wrapped_in_logical_order",
    ),
]


@pytest.mark.parametrize(("text", "width", "expected"), CASES)
def test_visual_lines_exact(text: str, width: int, expected: list[str]) -> None:
    assert bidi.visual_lines(text, width) == expected


def _reads(visual: str) -> str:
    """What a right-to-left reader reads: the line from its right end, as plain letters."""
    return unicodedata.normalize("NFKC", visual[::-1]).strip()


def test_rtl_line_reads_right_to_left() -> None:
    (line,) = bidi.visual_lines("مرحبا بك", 8)
    assert _reads(line) == "مرحبا بك"


def test_wrapped_lines_keep_reading_order_top_to_bottom() -> None:
    lines = bidi.visual_lines("واحد اثنان ثلاثة أربعة", 11)
    words = [_reads(line) for line in lines]
    assert words == ["واحد اثنان", "ثلاثة أربعة"]


@pytest.mark.parametrize("width", [5, 12, 30, 80])
def test_rtl_lines_fill_the_width_exactly(width: int) -> None:
    text = "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو، ثم وُقّعت معاهدة جديدة عام 2000."
    for line in bidi.visual_lines(text, width):
        assert cell_len(line) == width  # right-aligned, and no character wider than one cell


def test_no_wide_allah_ligature() -> None:
    assert "\ufdf2" not in "".join(bidi.visual_lines("بسم الله", 20))


def test_latin_text_untouched_and_wrapped() -> None:
    assert bidi.visual_lines("Hello world", 5) == ["Hello", "world"]
    assert bidi.visual_lines("[bold]x[/]", 20) == ["[bold]x[/]"]


def test_paragraphs_decide_direction_separately() -> None:
    lines = bidi.visual_lines("Question 1\nعام", 10)
    assert lines[0] == "Question 1"
    assert lines[1].endswith("\ufee1\ufe8e\ufecb") and lines[1].startswith("       ")


def test_is_rtl_from_first_strong_character() -> None:
    assert bidi.is_rtl("1961 عام")
    assert not bidi.is_rtl("1961 In عام")
    assert not bidi.is_rtl("123 ...")
    assert bidi.is_rtl("«مرحبا» Hello")


@pytest.mark.parametrize(
    ("mode", "env", "expected"),
    [
        ("auto", {"KONSOLE_VERSION": "230804"}, "terminal"),
        ("auto", {"TERM": "mlterm"}, "terminal"),
        ("auto", {"MLTERM": "3.9.3"}, "terminal"),
        ("auto", {"TERM": "xterm-256color"}, "app"),
        ("auto", {}, "app"),
        ("app", {"KONSOLE_VERSION": "1"}, "app"),
        ("terminal", {}, "terminal"),
    ],
)
def test_resolve_mode(mode: str, env: dict[str, str], expected: str) -> None:
    assert bidi.resolve_mode(mode, env) == expected


def test_highlight_follows_the_answer_into_the_visual_line() -> None:
    text = "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو"
    for answer in ("1961", "موسكو", "معاهدة الصداقة"):
        start = text.index(answer)
        ((line, spans),) = bidi.visual_spans(text, 60, [(start, start + len(answer))])
        assert len(spans) == 1
        a, b = spans[0]
        shown = line[a:b]
        assert (shown if answer.isdigit() else _reads(shown)) == answer


def test_highlight_on_a_wrapped_line() -> None:
    text = "أرسلت كوريا الشمالية نحو 11000 جندي إلى روسيا"
    start = text.index("11000")
    laid = bidi.visual_spans(text, 20, [(start, start + 5)])
    assert [spans for _, spans in laid] == [(), ((11, 16),), ()]
    assert laid[1][0][11:16] == "11000"


def test_mend_brackets_only_turns_reversed_pairs() -> None:
    assert bidi.mend_brackets(")ab( [x]") == "(ab) [x]"
    assert bidi.mend_brackets("»a«") == "«a»"
    assert bidi.mend_brackets("1) x") == "1) x"


def test_terminal_mode_keeps_logical_order() -> None:
    assert bidi.logical_lines("عام 1961 في موسكو", 8) == ["عام 1961", "في موسكو"]


def test_isolated_commands_keep_their_slash_on_their_own_side_and_lose_the_controls():
    from tutor.engine.commands import help_lines

    ar = bidi.visual_lines(help_lines("ar")[1], 40)[0]
    en = bidi.visual_lines(help_lines("en")[1], 40)[0]
    assert ar.rstrip().endswith("ﺢﻴﻤﻠﺗ/") and "/hint" in ar  # read right to left: /تلميح first
    assert en.startswith("  /hint  ﺢﻴﻤﻠﺗ/")
    assert not any("\u2066" <= c <= "\u2069" for c in ar + en)
