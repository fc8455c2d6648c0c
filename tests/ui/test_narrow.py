"""The chat at 80×24, the smallest terminal we promise: every key's label whole, the new-round
dialog whole, Arabic drawn without bold, the current question in view after a resize."""

from __future__ import annotations

from pilot import answer, tutor_said
from textual.widgets import Button, Input, Select
from textual.widgets._footer import FooterKey

from tutor.ui.screens.picker import RoundPicker
from tutor.ui.widgets.chat import Bubble, ChatLog, Part


def footer_row(app) -> str:
    return app.screen._compositor.render_strips()[-1].text


def test_footer_keys_are_whole_at_80_columns(make_app, run_at) -> None:
    for lang in ("en", "ar"):

        async def script(pilot, box, lang=lang):
            keys = list(pilot.app.screen.query(FooterKey))
            shown = [k for k in keys if k.display and k.region.width]
            assert {"hint", "skip", "reveal", "quit"} <= {k.action for k in shown}
            for key in shown:
                assert key.region.right <= 80, key.description
                # each label in full, as one run on the row: never sliced at the edge
                assert key.description in footer_row(pilot.app)
            await pilot.resize_terminal(120, 40)
            for _ in range(200):  # the footer recomposes once the resize is laid out (up
                # to 10 s: on a machine under load 8 it took more than the 2 s this once allowed)
                await pilot.pause(0.05)
                if len(pilot.app.screen.query(FooterKey)) == 10:
                    break
            assert len(pilot.app.screen.query(FooterKey)) == 10  # room for all at 120

        run_at(make_app(lang=lang), script)


def test_new_round_dialog_fits_80_by_24(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press("f9")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, RoundPicker)
        screen = picker.region
        for widget in [*picker.query(Select), *picker.query(Input), picker.query_one(Button)]:
            assert screen.contains_region(widget.region), widget
        await pilot.click("#start")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, RoundPicker)

    run_at(make_app(lang="ar"), script)


def test_arabic_prompt_is_coloured_not_bold(make_app, run_at) -> None:
    async def script(pilot, box):
        question = pilot.app.query(Bubble).first()
        prompt = question.lines(question.content_size.width)[1]
        assert "ﺔﻗﺍﺪﺼﻟﺍ" in prompt.plain
        style = prompt.style
        assert not style.bold  # bold drops the dots of a final ي in common terminal fonts
        assert style.color is not None  # emphasised by colour instead
        plain = question._style("", arabic=True)
        assert style.color != plain.color

    run_at(make_app(lang="ar"), script)


def test_english_prompt_stays_bold(make_app, run_at) -> None:
    async def script(pilot, box):
        question = pilot.app.query(Bubble).first()
        assert question.lines(question.content_size.width)[1].style.bold

    run_at(make_app(lang="en"), script)


def test_current_question_stays_in_view_after_a_resize(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await answer(pilot, "1991")  # a miss, a hint
        await answer(pilot, "1961")  # the verdict, the evidence, the next question
        await answer(pilot, "Oxford")
        await pilot.pause()
        log = pilot.app.query_one(ChatLog)
        assert tutor_said(pilot.app)[-1].startswith("Not quite")
        for size in [(80, 24), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            for _ in range(20):  # the bubbles rewrap, then the log follows them
                await pilot.pause(0.05)
                if log.scroll_y == log.max_scroll_y:
                    break
            last = pilot.app.query(Bubble).last()
            assert log.scroll_y == log.max_scroll_y, size
            assert log.region.contains_region(last.region), size

    run_at(make_app(order=("t-year", "t-dover")), script)


QUOTED = (
    "لأي موقع تحدث المحلل الروسي أندريه مورتازين في مقال «هل يعود التوتر إلى آسيا مع تجديد "
    "العلاقة بين كوريا الشمالية وروسيا؟»"
)


def test_guillemets_wrapped_across_lines_point_outward(make_app, run_at) -> None:
    async def script(pilot, box):
        pilot.app.say(Part(QUOTED, "prompt"))
        await pilot.pause()
        bubble = pilot.app.query(Bubble).last()
        lines = [t.plain.strip() for t in bubble.lines(bubble.content_size.width)]
        opens = [line for line in lines if "ﻞﻫ" in line]
        closes = [line for line in lines if "؟ﺎﻴﺳﻭﺭﻭ" in line]
        assert opens and closes and opens != closes  # the quote is wrapped
        # on screen the quote opens on the right of «هل» and closes left of «وروسيا؟»:
        # each mark points away from the quoted words
        assert "ﻞﻫ»" in opens[0] and "«؟ﺎﻴﺳﻭﺭﻭ" in closes[0]

    run_at(make_app(lang="ar"), script)


def test_reader_footer_keys_are_whole_at_80_columns(make_app, run_at) -> None:
    async def script(pilot, box):
        await pilot.press("f4")
        await pilot.pause()
        keys = [k for k in pilot.app.screen.query(FooterKey) if k.region.width]
        assert "app.pop_screen" in {k.action for k in keys}  # the way back is always shown
        for key in keys:
            assert key.region.right <= 80, key.description
            assert key.description in footer_row(pilot.app)

    run_at(make_app(lang="ar"), script)
