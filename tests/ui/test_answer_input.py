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
        # the terminal lays the row out left to right and reverses the Arabic word in place:
        # the caret after it is on its right, and Left goes onto its first letter, ه
        await pilot.press("right")
        assert box.cursor_position == 3
        await pilot.press("left")
        assert box.cursor_position == 0
        await pilot.press("left")  # then on across the word, leftwards: ا, ل
        assert box.cursor_position == 1

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


def test_empty_arabic_box_waits_on_the_right_where_the_first_letter_lands(make_app, run_at) -> None:
    async def script(pilot, box):
        waiting = box._cursor_offset
        line = shown(box)
        assert line.rstrip().endswith(":ﻚﺘﺑﺎﺟﺇ")  # the placeholder, right-aligned
        assert waiting > line.index(":ﻚﺘﺑﺎﺟﺇ")  # the caret right of it
        await pilot.press("ه")
        assert shown(box).index("ﻩ") == waiting

    run_at(make_app(lang="ar"), script)


def test_ctrl_arrows_jump_words_across_the_screen_in_arabic(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"جامعة هال")
        await pilot.press("ctrl+right")  # rightwards: back to the start of «هال»
        assert box.cursor_position == 6
        await pilot.press("ctrl+right")  # and on to the first word, on the far right
        assert box.cursor_position == 0
        await pilot.press("ctrl+left")
        assert box.cursor_position == 6  # leftwards: onto the next word, «هال»

    run_at(make_app(), script)


def test_a_click_puts_the_caret_on_the_letter_clicked(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"جامعة هال")
        column = shown(box).index("ﻝ")  # the last letter typed, drawn leftmost
        inset = box.content_region.x - box.region.x
        await pilot.click("#answer", offset=(inset + column, box.content_region.y - box.region.y))
        await pilot.pause()
        assert box.cursor_position == 8  # before ل: the caret's block is on it
        assert caret_char(box) == "ﻝ"

    run_at(make_app(), script)


def test_a_long_arabic_answer_scrolls_to_keep_the_caret_in_view(make_app, run_at) -> None:
    async def script(pilot, box):
        box.post_message(events.Paste("كلمة " * 30 + "آخر"))
        await pilot.pause()
        width = box.scrollable_content_region.width

        def caret_on_screen() -> bool:
            return 0 <= box._cursor_offset - box.scroll_offset.x < width

        assert caret_on_screen() and "ﺮﺧﺁ" in shown(box)  # the end: the last word in view
        await pilot.press("home")
        await pilot.pause()
        assert caret_on_screen() and shown(box).rstrip().endswith("ﺔﻤﻠﻛ")  # the first word
        for _ in range(40):
            await pilot.press("left")
        await pilot.pause()
        assert caret_on_screen()

    run_at(make_app(), script)


def test_shift_arrows_select_across_the_screen_and_typing_replaces_it(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press(*"جامعة هال")
        await pilot.press("shift+right", "shift+right", "shift+right")  # «هال», leftmost word
        assert box.selected_text == "هال"
        await pilot.press(*"لندن")
        assert box.value == "جامعة لندن"

    run_at(make_app(), script)
