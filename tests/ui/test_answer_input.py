"""Typing Arabic into the answer box, key by key, at 80×24: what it holds (logical order, what is
submitted) and what it shows (shaped, right to left, the caret where the learner looks)."""

from __future__ import annotations

from pilot import learner_said
from textual import events

from tutor.ui.widgets.answer_input import AnswerInput


def shown(box: AnswerInput) -> str:
    """The answer line as drawn on screen, padding included."""
    return box.render_line(0).text


def caret_char(box: AnswerInput) -> str:
    """The character under the caret's block."""
    return shown(box)[box._cursor_offset - box.scroll_offset.x]


def test_typed_arabic_shows_joined_right_to_left_and_submits_logical(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"جامعة هال")
        assert box.value == "جامعة هال"
        assert box.visual_text() == "ﻝﺎﻫ ﺔﻌﻣﺎﺟ"  # joined presentation forms, right to left
        line = shown(box)
        assert line.rstrip().endswith("ﻝﺎﻫ ﺔﻌﻣﺎﺟ")  # flush right, where Arabic starts
        assert line.index("ﻝ") > len(line) // 2
        # the caret after the last letter is on the left of the word, where the next one goes
        assert box._cursor_offset == line.index("ﻝ") - 1
        await pilot.press("enter")
        await pilot.pause()
        assert learner_said(pilot.app) == ["جامعة هال"]

    run_at(make_app(order=("t-dover",)), script)


def test_arrows_move_across_the_screen_backspace_and_delete_stay_logical(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"هال")
        await pilot.press("left")  # already at the left end of the word: nowhere to go
        assert box.cursor_position == 3
        await pilot.press("right")  # onto ل, the leftmost letter
        assert box.cursor_position == 2 and caret_char(box) == "ﻝ"
        await pilot.press("right")  # onto ا
        assert box.cursor_position == 1 and caret_char(box) == "ﺎ"
        await pilot.press("backspace")  # the logical previous letter: ه, on the right
        assert box.value == "ال"
        await pilot.press("delete")  # the letter under the caret
        assert box.value == "ل"
        await pilot.press("home")  # the start of an Arabic answer: its right end
        await pilot.press(*"جم")
        assert box.value == "جمل"
        assert box.visual_text() == "ﻞﻤﺟ"

    run_at(make_app(), script)


def test_home_and_end_are_the_answers_two_ends(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"سلام")
        await pilot.press("home")
        line = shown(box).rstrip()
        assert box._cursor_offset == len(line) - 1  # on the rightmost letter, the first typed
        await pilot.press("end")
        assert box._cursor_offset == line.index(box.visual_text()) - 1

    run_at(make_app(), script)


def test_mixed_arabic_latin_and_digits_each_run_reads_its_way(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"جامعة Hull 1961")
        assert box.value == "جامعة Hull 1961"
        assert box.visual_text() == "Hull 1961 ﺔﻌﻣﺎﺟ"
        columns = []
        for _ in range(len(box.value) + 1):
            await pilot.press("right")
            columns.append(box._cursor_offset)
        assert columns == sorted(columns)  # Right always goes right on screen
        assert len(set(columns)) == len(box.visual_text())  # one stop a cell
        await pilot.press("enter")
        await pilot.pause()
        assert learner_said(pilot.app) == ["جامعة Hull 1961"]

    run_at(make_app(order=("t-dover",)), script)


def test_paste_keeps_harakat_logical_and_shows_the_line_shaped(make_app, run_at) -> None:
    async def script(pilot, box):
        box.post_message(events.Paste("وُقّعت «المعاهدة» عام ١٩٦١"))
        await pilot.pause()
        assert box.value == "وُقّعت «المعاهدة» عام ١٩٦١"
        assert box.visual_text() == "١٩٦١ ﻡﺎﻋ «ﺓﺪﻫﺎﻌﻤﻟﺍ» ﺖﻌﻗﻭ"

    run_at(make_app(), script)


def test_terminal_bidi_leaves_the_box_in_logical_order(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"هال")
        assert box.visual_text() == "هال"
        assert shown(box).startswith("هال")  # left as typed: the terminal reorders the row
        await pilot.press("right")  # the terminal shows it right to left: Right is backwards
        assert box.cursor_position == 2

    run_at(make_app(lang="ar", bidi="terminal"), script)


def test_tab_keeps_the_typed_answer_in_the_box(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"Hu", "tab", *"ll", "shift+tab")
        assert pilot.app.focused is box
        assert box.value == "Hull"
        await pilot.press("enter")
        await pilot.pause()
        assert learner_said(pilot.app) == ["Hull"]

    run_at(make_app(order=("t-dover",)), script)


def test_letters_typed_after_clicking_the_chat_still_reach_the_answer(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"Hu")
        pilot.app.query_one("#log").focus()
        await pilot.pause()
        await pilot.press(*"ll")
        assert pilot.app.focused is box
        assert box.value == "Hull"

    run_at(make_app(order=("t-dover",)), script)
