"""Each conversation a learner can have with the tutor, driven through the real app (Pilot)."""

from __future__ import annotations

from pilot import SIZE, answer, learner_said, run, tutor_said
from textual.screen import Screen
from textual.widgets import Input, Static

from tutor.engine.options import option_order
from tutor.engine.session import Phase, RoundSpec, Session
from tutor.ui.app import TutorApp
from tutor.ui.screens.picker import RoundPicker
from tutor.ui.screens.reader import ArticleReader
from tutor.ui.widgets.answer_box import AnswerBox
from tutor.ui.widgets.answer_input import AnswerInput
from tutor.ui.widgets.chat import Bubble
from tutor.ui.widgets.rtl_text import RtlText


def test_first_question_has_its_context_line(make_app) -> None:
    async def script(pilot):
        said = tutor_said(pilot.app)
        assert said[0].splitlines()[0] == ("1 of 2 · The treaty article · treaty · difficulty 1")
        assert "In which year was the friendship treaty signed?" in said[0]

    run(make_app(), script)


def test_right_answer_verdict_evidence_explanation_then_next(make_app) -> None:
    async def script(pilot):
        await answer(pilot, "1961")
        said = tutor_said(pilot.app)
        verdict = said[-2]
        assert verdict.startswith("Correct")
        assert "From «The treaty article»:" in verdict
        assert "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو" in verdict
        assert "Why: The 1961 treaty came first." in verdict
        assert said[-1].startswith("2 of 2")
        assert learner_said(pilot.app) == ["1961"]

    run(make_app(), script)


def test_wrong_then_hint_then_right(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "1991")
        said = tutor_said(pilot.app)
        assert said[-1].startswith("Not quite")
        assert "Hint: In the sixties" in said[-1]
        assert "Try once more." in said[-1]
        assert pilot.app.session.phase is Phase.RETRY
        await answer(pilot, "1961")
        assert tutor_said(pilot.app)[-2].startswith("Correct")
        assert [(r.verdict, r.attempt) for r in recorder.records] == [
            ("incorrect", 1),
            ("correct", 2),
        ]

    run(make_app(), script)


def test_two_misses_reveal_the_answer_with_evidence(make_app) -> None:
    async def script(pilot):
        await answer(pilot, "1991")
        await answer(pilot, "1992")
        reveal = tutor_said(pilot.app)[-2]
        assert "The answer: 1961" in reveal
        assert "From «The treaty article»:" in reveal
        assert tutor_said(pilot.app)[-1].startswith("2 of 2")

    run(make_app(), script)


def test_skip_by_command_and_by_key(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "/skip")
        assert "Skipped. The answer: 1961" in tutor_said(pilot.app)[-2]
        await pilot.press("f3")
        await pilot.pause()
        assert "Skipped. The answer: University of Hull" in tutor_said(pilot.app)[-2]
        assert [r.verdict for r in recorder.records] == ["skipped", "skipped"]

    run(make_app(), script)


def test_arabic_command_names_work(make_app) -> None:
    async def script(pilot):
        await answer(pilot, "/تخطي")
        assert "Skipped" in tutor_said(pilot.app)[-2]

    run(make_app(), script)


def test_i_was_right_after_a_strict_verdict(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "1991")
        await answer(pilot, "61")  # the grader reads "nineteen sixty-one" now; "61" stays strict
        await answer(pilot, "/right")  # a year: the expected answer is shown, and asked about
        assert tutor_said(pilot.app)[-1] == (
            "The expected answer is 1961; you answered «61»."
            " Count yours as correct anyway? (yes/no)"
        )
        assert not any(r.override for r in recorder.records)
        await answer(pilot, "yes")
        assert tutor_said(pilot.app)[-1] == "Recorded: your answer counts as correct."
        assert recorder.records[-1].override is True
        assert pilot.app.session.results[-1].verdict == "correct"
        await answer(pilot, "/right")  # only once
        assert tutor_said(pilot.app)[-1] == "There is no strict verdict to overturn."

    run(make_app(), script)


def test_i_was_right_on_a_name_needs_no_confirmation(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "Oxford")
        await answer(pilot, "Cambridge")
        await answer(pilot, "/right")
        assert tutor_said(pilot.app)[-1] == "Recorded: your answer counts as correct."
        assert recorder.records[-1].override is True

    run(make_app(order=("t-dover", "t-year")), script)


def test_i_was_right_on_a_figure_can_be_cancelled(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "1991")
        await answer(pilot, "1992")
        await answer(pilot, "/right")
        assert "The expected answer is 1961" in tutor_said(pilot.app)[-1]
        await answer(pilot, "no")
        assert tutor_said(pilot.app)[-1] == "Not changed: the verdict stands."
        assert not any(r.override for r in recorder.records)
        assert pilot.app.session.results[-1].verdict == "incorrect"
        await answer(pilot, "/right")
        await answer(pilot, "Hull")  # not a reply: the verdict stands, and Hull is the answer
        said = tutor_said(pilot.app)
        assert said[-3] == "Not changed: the verdict stands." and said[-2].startswith("Correct")
        assert not any(r.override for r in recorder.records)
        assert [r.answer for r in recorder.records][-1] == "Hull"

    run(make_app(), script)


def test_language_toggle_switches_tutor_words_and_question(make_app) -> None:
    async def script(pilot):
        await pilot.press("f6")
        await pilot.pause()
        said = tutor_said(pilot.app)
        assert said[-2] == "اللغة: العربية."
        assert "في أي عام وُقّعت معاهدة الصداقة؟" in said[-1]
        assert said[-1].startswith("1 من 2 · مقالة المعاهدة")
        await answer(pilot, "1961")
        assert tutor_said(pilot.app)[-2].startswith("صحيح")
        await answer(pilot, "/lang")
        assert tutor_said(pilot.app)[-2] == "Language: English."

    run(make_app(), script)


def footer_labels(app) -> dict[str, str]:
    return {
        k: b.binding.description for k, b in app.screen.active_bindings.items() if b.binding.show
    }


def test_footer_keys_speak_the_conversation_language(make_app) -> None:
    async def script(pilot):
        labels = footer_labels(pilot.app)
        assert (labels["f2"], labels["f6"], labels["ctrl+q"]) == ("hint", "العربية", "quit")
        await pilot.press("f6")
        await pilot.pause()
        labels = footer_labels(pilot.app)
        assert (labels["f2"], labels["f6"], labels["ctrl+q"]) == ("تلميح", "English", "خروج")

    run(make_app(bidi="terminal"), script)


def test_reader_before_answering_opens_at_the_top_unmarked_and_counts_as_a_hint(
    make_app, recorder
) -> None:
    async def script(pilot):
        await pilot.press("f4")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ArticleReader)
        assert screen.target is None and screen.evidence is None
        paras = list(screen.query(RtlText).results(RtlText))
        assert any("1961" in p.text for p in paras)  # the article is all there
        assert not any(p.marks or p.highlights for p in paras)  # but nothing points at it
        assert screen.query_one("#article").scroll_y == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ArticleReader)
        assert "counts as a hint" in tutor_said(pilot.app)[-1]
        await answer(pilot, "1961")
        assert recorder.records[-1].hints == 1  # not a first-try success in the stats

    run(make_app(), script)


def test_reader_after_the_question_shows_the_evidence_and_the_answer(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "1961")  # the round is over: the reader shows its last question
        await pilot.press("f4")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ArticleReader)
        target = screen.target
        assert target is not None
        assert target.text.startswith("وقّع البلدان معاهدة الصداقة عام 1961 في موسكو")
        assert target.marks  # the evidence is marked in the paragraph
        assert [target.text[a:b] for a, b in target.highlights] == ["1961"]
        assert recorder.records[-1].hints == 0

    run(make_app(order=("t-year",)), script)


def test_reader_scrolls_a_long_article_to_the_evidence(make_app) -> None:
    async def script(pilot):
        await answer(pilot, "/skip")
        await answer(pilot, "/skip")  # round over: the reader shows the last question's article
        await answer(pilot, "/source")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ArticleReader)
        assert "روبرت دوفر" in screen.target.text
        assert screen.target.region.y < SIZE[1]  # on screen

    run(make_app(), script)


def test_summary_then_retry_missed(make_app) -> None:
    async def script(pilot):
        await answer(pilot, "1961")
        await answer(pilot, "/skip")
        summary = tutor_said(pilot.app)[-1]
        assert "Round over." in summary
        assert "Score: 1 of 2" in summary
        assert "By topic:" in summary and "analysts: 0 of 1" in summary
        assert "treaty: 1 of 1" in summary
        assert "At which university does Robert Dover teach? → University of Hull" in summary
        assert "Retry the 1 missed question(s)? (yes/no)" in summary
        await answer(pilot, "yes")
        said = tutor_said(pilot.app)
        assert said[-2] == "Retrying the missed questions."
        assert said[-1].startswith("1 of 1 · The treaty article · analysts")
        await answer(pilot, "Hull")
        await answer(pilot, "no")  # no retry left to offer: it asks about a new round
        await answer(pilot, "no")

    app = run(make_app(), script)
    assert app.return_value == 0


def test_nothing_missed_offers_a_new_round(make_app) -> None:
    async def script(pilot):
        await answer(pilot, "1961")
        summary = tutor_said(pilot.app)[-1]
        assert "Nothing missed. Well done!" in summary
        await answer(pilot, "maybe")
        assert tutor_said(pilot.app)[-1] == "Please answer yes or no."
        await answer(pilot, "y")
        assert tutor_said(pilot.app)[-1].startswith("1 of 1")

    run(make_app(order=("t-year",)), script)


def test_learner_text_is_never_markup(make_app) -> None:
    typed = ["[bold]x[/]", "[link=http://e]y[/link]", "[$x]", "[/]"]

    async def script(pilot):
        for text in typed:
            await answer(pilot, text)
        assert learner_said(pilot.app) == typed
        shown = [
            "".join(line.plain for line in b.lines(60)).strip()
            for b in pilot.app.query(Bubble)
            if b.has_class("learner")
        ]
        assert shown == typed

    run(make_app(order=("t-year", "t-dover", "t-cities")), script)


def test_long_paste_refused_politely(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "x" * 600)
        assert tutor_said(pilot.app)[-1].startswith("That is too long to be an answer (600")
        assert recorder.records == []
        assert pilot.app.session.phase is Phase.ASKING
        assert learner_said(pilot.app) == []

    run(make_app(), script)


def test_arabic_answer_reads_right_to_left_in_the_box_itself(make_app) -> None:
    async def script(pilot):
        box = pilot.app.query_one("#answer", AnswerInput)
        box.value = "جامعة هال"
        await pilot.pause()
        assert box.visual_text() == "ﻝﺎﻫ ﺔﻌﻣﺎﺟ"  # shaped, right to left, in the box
        assert box.render_line(0).text.rstrip().endswith("ﻝﺎﻫ ﺔﻌﻣﺎﺟ")  # right-aligned
        assert box.value == "جامعة هال"  # what it holds and submits stays logical
        assert not pilot.app.query("#preview")  # no second copy above it
        box.value = "Hull"
        await pilot.pause()
        assert box.render_line(0).text.startswith("Hull")

    run(make_app(), script)


def test_help_and_unknown_command(make_app) -> None:
    async def script(pilot):
        await pilot.press("f1")
        await pilot.pause()
        help_text = tutor_said(pilot.app)[-1]
        # each spelling is isolated (LRI/RLI … PDI) so its slash stays on its side of the word
        assert "\u2066/hint\u2069  \u2067/تلميح\u2069" in help_text and "/quit" in help_text
        await answer(pilot, "/frobnicate")
        assert tutor_said(pilot.app)[-1].startswith("Unknown command /frobnicate.")

    run(make_app(), script)


def test_hint_on_request(make_app, recorder) -> None:
    async def script(pilot):
        await pilot.press("f2")
        await pilot.pause()
        assert tutor_said(pilot.app)[-1] == "Hint: In the sixties"
        await answer(pilot, "1961")
        assert recorder.records[-1].hints == 1

    run(make_app(), script)


def test_stats_screen_and_its_absence(make_app) -> None:
    class Stats(Screen):
        def compose(self):
            yield Static("stats here")

    async def with_stats(pilot):
        await answer(pilot, "/stats")
        assert isinstance(pilot.app.screen, Stats)

    async def without(pilot):
        await pilot.press("f8")
        await pilot.pause()
        assert tutor_said(pilot.app)[-1].startswith("Statistics need the progress store")

    run(make_app(stats_screen=lambda lang, mode: Stats()), with_stats)
    run(make_app(), without)


def test_round_picker_starts_a_round_of_its_choice(make_app) -> None:
    async def script(pilot):
        await pilot.press("f9")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, RoundPicker)
        picker.query_one("#tag").value = "analysts"
        picker.query_one("#length", Input).value = "3"
        await pilot.click("#start")
        await pilot.pause()
        assert pilot.app.spec.tags == ("analysts",) and pilot.app.spec.length == 3
        assert tutor_said(pilot.app)[-1].startswith("1 of 1 · The treaty article · analysts")

    run(make_app(), script)


def test_ctrl_c_leaves_cleanly(make_app) -> None:
    async def script(pilot):
        await pilot.press("ctrl+c")
        await pilot.pause()

    app = run(make_app(), script)
    assert app.return_value == 0


def test_terminal_mode_keeps_arabic_logical(make_app) -> None:
    async def script(pilot):
        question = pilot.app.query(Bubble).first()
        assert question.lines(80)[1].plain == "في أي عام وُقّعت معاهدة الصداقة؟"
        box = pilot.app.query_one(AnswerBox).input
        box.value = "هال"
        await pilot.pause()
        assert box.visual_text() == "هال"  # the terminal reorders and shapes it
        assert "هال" in box.render_line(0).text

    run(make_app(lang="ar", bidi="terminal"), script)


def _choice_app(bank, recorder, first: str) -> TutorApp:
    """An app asking a-choice with `first` (China or India) shown as option 1."""
    q = bank.get("a-choice")
    seed = next(s for s in range(100) if q.choices[option_order(q.id, 2, s)[0]].en == first)

    def make_session(spec: RoundSpec) -> Session:
        return Session(bank, spec, recorder=recorder, questions=[q], seed=seed)

    return TutorApp(bank=bank, make_session=make_session, spec=RoundSpec(length=1))


def test_options_are_listed_as_shuffled_and_2_picks_the_second_shown(bank, recorder) -> None:
    async def script(pilot):
        question = tutor_said(pilot.app)[0]
        assert "1. India" in question and "2. China" in question
        assert question.index("1. India") < question.index("2. China")
        await answer(pilot, "2")
        assert tutor_said(pilot.app)[-2].startswith("Correct")
        assert recorder.records[-1].shown == (1, 0)

    run(_choice_app(bank, recorder, "India"), script)


def test_2_is_wrong_when_the_key_is_shown_first(bank, recorder) -> None:
    async def script(pilot):
        assert "1. China" in tutor_said(pilot.app)[0]
        await answer(pilot, "2")
        assert tutor_said(pilot.app)[-1].startswith("Not quite")

    run(_choice_app(bank, recorder, "China"), script)


def test_stats_screen_lists_overrides_and_what_is_not_counted(make_app, bank, tmp_path) -> None:
    from datetime import UTC, datetime, timedelta

    from tutor.engine.ports import AnswerRecord
    from tutor.store import open_store
    from tutor.store.stats import compute_stats
    from tutor.ui.screens.stats import StatsScreen

    at = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    store = open_store(tmp_path)
    store.record(AnswerRecord("a-troops", at, "11 billion", "incorrect", 0.0, 5, 0, "app"))
    store.record(AnswerRecord("a-troops", at + timedelta(seconds=2), "11 billion", "correct", 1.0,
                              0, 0, "app", override=True))  # fmt: skip
    store.record(AnswerRecord("t-year", at + timedelta(seconds=9), "1961", "correct", 1.0, 5, 1,
                              "app"))  # fmt: skip
    stats = compute_stats(store, bank, now=at + timedelta(minutes=1), tz=UTC)
    store.close()

    async def script(pilot):
        await pilot.press("f8")
        await pilot.pause()
        screen = pilot.app.screen
        summary = str(screen.query_one("#summary", Static).render())
        assert "Accuracy at the first try: 0% (2 asked)" in summary
        assert "1 after a hint, 1 “I was right”" in summary
        listed = str(screen.query_one("#overrides", Static).render())
        assert "How many soldiers did North Korea send to Russia?" in listed
        assert "you: «11 billion» (graded wrong); expected: 11,000" in listed

    factory = lambda lang, mode: StatsScreen(stats, bank, lang=lang, mode=mode)  # noqa: E731
    run(make_app(bidi="terminal", stats_screen=factory), script)


def test_i_was_right_after_the_round_updates_the_score_and_the_offer(make_app, recorder) -> None:
    async def script(pilot):
        await answer(pilot, "1991")
        await answer(pilot, "1992")  # round over: "Retry the 1 missed question(s)?"
        await answer(pilot, "/right")
        await answer(pilot, "yes")  # yes to the confirmation, not to the retry
        said = tutor_said(pilot.app)
        assert said[-3:] == [
            "Recorded: your answer counts as correct.",
            "Score: 1 of 1",
            "Another round? (yes/no)",  # nothing is left to retry
        ]
        assert recorder.records[-1].override
        await answer(pilot, "no")

    app = run(make_app(order=("t-year",)), script)
    assert app.return_value == 0
