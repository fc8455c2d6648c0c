"""`tutor check` lints: choice keys a learner could guess, answers given away, repeated prompts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tutor.bank import load_bank
from tutor.bank.check import check_bank
from tutor.bank.lints import apart, leak_graph
from tutor.cli import main
from tutor.engine.ports import ShufflePicker

ARTICLE = """---
id: demo
title: عنوان تجريبي
label: {ar: "قمة فوستوشني", en: "The Vostochny summit"}
outlet: unknown
---
وقّع البلدان معاهدة الصداقة عام 1961 في موسكو. وزار بوتين بيونغ يانغ في 19 يونيو 2024.
"""
OTHER = """---
id: other
title: other
---
نص آخر عن عام 1961.
"""


def make_bank(tmp_path: Path, questions: str) -> Path:
    (tmp_path / "seeds").mkdir(parents=True)
    (tmp_path / "seeds" / "demo.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seeds" / "other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "demo.yaml").write_text(
        "article: demo\nquestions:\n" + questions, encoding="utf-8"
    )
    return tmp_path


def choice(qid: str, *options: str, key: int = 0) -> str:
    opts = ", ".join(f'"{o}"' for o in options)
    return (
        f'  - id: {qid}\n    type: choice\n    prompt: {{en: "Which one, {qid}?"}}\n'
        f'    choices: [{opts}]\n    answer: "{options[key]}"\n'
    )


def warnings(tmp_path: Path, questions: str) -> list[str]:
    report = check_bank(load_bank(make_bank(tmp_path, questions)), grading_only=False)
    return [str(p) for p in report.problems if p.severity == "warning" and p.field != "evidence"]


def test_one_position_holding_most_keys_is_named_with_the_count_per_position(tmp_path, capsys):
    body = "".join(choice(f"c{i}", f"k{i}", f"x{i}", f"y{i}") for i in range(4))
    body += choice("c4", "x4", "k4", "y4", key=1)
    root = make_bank(tmp_path, body)
    assert main(["check", "--bank", str(root)]) == 1  # no evidence: errors, and the warnings
    out = capsys.readouterr().out
    assert "<bank> choices: 4 of 5 choice keys (80%) are option 1 (per position: 1: 4, 2: 1)" in out
    assert "per choice key position: 1 4, 2 1" in out
    assert "choice-key-position 1" in out


def test_keys_spread_over_positions_pass(tmp_path):
    body = "".join(choice(f"c{i}", f"k{i}", f"x{i}", f"y{i}", key=i % 3) for i in range(6))
    assert not [w for w in warnings(tmp_path, body) if "choice keys" in w]


def test_a_key_much_longer_than_every_distractor_is_named(tmp_path):
    long_en = choice(
        "long-en", "the comprehensive strategic partnership treaty", "a pact", "a deal"
    )
    long_ar = (
        '  - id: long-ar\n    type: choice\n    prompt: {en: "Which?"}\n'
        '    choices: [{ar: "معاهدة الشراكة الاستراتيجية الشاملة بين البلدين", en: "the pact"},'
        ' {ar: "اتفاق", en: "the deal"}, {ar: "حلف", en: "the bloc"}]\n    answer: "the pact"\n'
    )
    fine = choice("fine", "the friendship treaty", "the partnership treaty", "a trade deal")
    found = warnings(tmp_path, long_en + long_ar + fine)
    assert any("[long-en] choices: the key (en, 46 characters) is much longer" in w for w in found)
    assert any("[long-ar] choices: the key (ar, 47 characters) is much longer" in w for w in found)
    assert not any("[fine]" in w for w in found)


def test_options_alike_once_normalised_are_named(tmp_path):
    body = (
        '  - id: dup\n    type: choice\n    prompt: {en: "Which?"}\n'
        '    choices: ["روسيا", "الصين", "روسيّا"]\n    answer: "الصين"\n'
    )
    (w,) = [w for w in warnings(tmp_path, body) if "[dup]" in w]
    assert "demo.yaml:3 [dup] choices: options 1 and 3 are the same once normalised ('روسيا')" in w


YEAR = """\
  - id: treaty-year
    type: year
    prompt: {ar: "في أي عام وُقّعت معاهدة الصداقة؟", en: "When was the friendship treaty signed?"}
    answer: 1961
"""
GIVES_YEAR = """\
  - id: treaty-city
    type: text
    prompt: {ar: "أين وُقّعت معاهدة عام ١٩٦١؟", en: "Where was the treaty signed?"}
    answer: {ar: "موسكو", en: "Moscow"}
"""
HINTS_CITY = """\
  - id: treaty-partner
    type: text
    prompt: {en: "Which country signed the treaty?"}
    hint: {en: "Its capital is Moscow"}
    answer: {ar: "الاتحاد السوفيتي", en: "the Soviet Union"}
"""


def test_an_answer_in_another_questions_prompt_or_hint_is_a_leak(tmp_path):
    found = warnings(tmp_path, YEAR + GIVES_YEAR + HINTS_CITY)
    leaks = [w for w in found if " leak: " in w]
    assert len(leaks) == 2, leaks
    assert (
        "demo.yaml:3 [treaty-year] leak: the answer ('1961') is written in the prompt or hint of "
        "treaty-city (prompt)" in leaks[0]
    )
    assert "[treaty-city] leak: the answer ('moscow') is written in the prompt or hint of " \
        "treaty-partner (hint)" in leaks[1]  # fmt: skip


def test_a_question_of_another_article_gives_nothing_away(tmp_path):
    other = GIVES_YEAR.replace("type: text", "type: text\n    article: other")
    assert not [w for w in warnings(tmp_path, YEAR + other) if " leak: " in w]


def test_figures_are_read_in_their_usual_forms(tmp_path):
    troops = (
        '  - id: troops\n    type: number\n    prompt: {en: "How many soldiers?"}\n'
        "    answer: 11000\n"
        '  - id: troops-where\n    type: text\n    prompt: {ar: "أين قاتل 11 ألف جندي؟"}\n'
        '    answer: {ar: "كورسك", en: "Kursk"}\n'
    )
    date = (
        '  - id: visit\n    type: date\n    prompt: {en: "When did Putin visit?"}\n'
        '    answer: "2024-06-19"\n'
        '  - id: visit-city\n    type: text\n    prompt: {en: "Where was Putin on 19 June?"}\n'
        '    answer: {ar: "بيونغ يانغ", en: "Pyongyang"}\n'
    )
    found = [w for w in warnings(tmp_path, troops + date) if " leak: " in w]
    assert any("[troops] leak: the answer ('11000')" in w for w in found)
    assert any("[visit] leak: the answer ('2024-06-19')" in w for w in found)


def test_a_list_is_given_away_only_when_enough_of_its_items_are_written(tmp_path):
    body = (
        '  - id: cities\n    type: list\n    prompt: {en: "Name the two cities."}\n'
        "    answer: [Vladivostok, Khabarovsk]\n"
        '  - id: port\n    type: text\n    prompt: {en: "Which fleet is based in Vladivostok?"}\n'
        "    answer: Pacific Fleet\n"
    )
    assert not [w for w in warnings(tmp_path, body) if "[cities] leak" in w]
    both = body.replace("based in Vladivostok?", "based in Vladivostok, not Khabarovsk?")
    assert [w for w in warnings(tmp_path / "b", both) if "[cities] leak" in w]


def test_own_prompt_and_the_line_above_are_leaks_too(tmp_path):
    body = (
        '  - id: self-leak\n    type: text\n    prompt: {en: "Which cosmodrome hosted the summit?"}\n'
        '    hint: {en: "Vostochny, in the Amur region"}\n    answer: Vostochny\n'
    )
    found = [w for w in warnings(tmp_path, body) if " leak: " in w]
    assert any(
        "[self-leak] leak: the answer ('vostochny') is written in its own hint" in w for w in found
    )
    assert any(
        "[self-leak] leak: the answer ('vostochny') is written in the line shown above" in w
        for w in found
    )  # the article's label, "The Vostochny summit", heads the question


def test_leaks_ok_silences_a_known_give_away(tmp_path):
    ok = YEAR + '    leaks_ok: {treaty-city: "the year is the point of both"}\n'
    assert not [w for w in warnings(tmp_path, ok + GIVES_YEAR) if "[treaty-year] leak" in w]


def test_near_duplicate_prompts_are_named(tmp_path):
    body = YEAR + YEAR.replace("treaty-year", "treaty-year-2").replace(
        "When was the friendship treaty signed?", "When was the friendship treaty first signed?"
    ).replace("في أي عام", "في أي سنة")
    (w,) = [w for w in warnings(tmp_path, body) if "nearly the same" in w]
    assert "[treaty-year-2] prompt: prompt (en) is nearly the same as treaty-year's" in w


def test_prompts_alike_that_ask_different_things_pass(tmp_path):
    body = YEAR + GIVES_YEAR.replace("Where was the treaty signed?", "Where was the friendship "
                                     "treaty signed?").replace("١٩٦١", "الصداقة")  # fmt: skip
    assert not [w for w in warnings(tmp_path, body) if "nearly the same" in w]


def test_the_summary_counts_each_lint(tmp_path, capsys):
    root = make_bank(tmp_path, YEAR + GIVES_YEAR + HINTS_CITY)
    main(["check", "--bank", str(root)])
    assert "per lint warning: leak-other 2" in capsys.readouterr().out


def test_the_leak_graph_and_rounds_that_never_pair_a_give_away(tmp_path):
    bank = load_bank(make_bank(tmp_path, YEAR + GIVES_YEAR + HINTS_CITY))
    assert leak_graph(bank.questions) == {
        "treaty-year": {"treaty-city"},
        "treaty-city": {"treaty-partner"},
    }
    year, city, partner = bank.questions
    assert apart([year, city, partner], 3) == [year, partner]
    assert apart([city, year, partner], 3) == [city]
    for seed in range(20):
        ids = {q.id for q in ShufflePicker(seed).pick(bank.questions, 3, datetime.now(UTC))}
        assert not {"treaty-year", "treaty-city"} <= ids
        assert not {"treaty-city", "treaty-partner"} <= ids


def test_the_schedule_picker_never_pairs_a_give_away(tmp_path):
    from tutor.store.db import open_store
    from tutor.store.picker import FsrsPicker

    bank = load_bank(make_bank(tmp_path, YEAR + GIVES_YEAR + HINTS_CITY))
    store = open_store(tmp_path / "data")
    picked = FsrsPicker(store).pick(bank.questions, 3, datetime.now(UTC))
    assert [q.id for q in picked] == ["treaty-year", "treaty-partner"]
    # a new question left out is replaced by the next new one, not by nothing
    picked = FsrsPicker(store).pick(bank.questions, 2, datetime.now(UTC))
    assert [q.id for q in picked] == ["treaty-year", "treaty-partner"]


EXPLAINS_CITY = """\
  - id: treaty-visit
    type: text
    prompt: {en: "Who visited Pyongyang in June 2024?"}
    answer: {ar: "بوتين", en: "Putin"}
    explanation: {ar: "زار بوتين بيونغ يانغ بعد أن وُقّعت معاهدة 1961 في موسكو.", en: "Putin came long after the 1961 treaty was signed in Moscow."}
"""


def test_an_answer_in_another_questions_explanation_keeps_them_apart_without_a_warning(tmp_path):
    # the explanation is shown once its question is answered: a later question of the round
    # whose answer it writes would be given away, so rounds never pair them
    bank = load_bank(make_bank(tmp_path, GIVES_YEAR.replace("١٩٦١", "") + EXPLAINS_CITY))
    city, visit = bank.questions
    assert leak_graph(bank.questions) == {"treaty-city": {"treaty-visit"}}
    assert apart([visit, city], 2) == [visit]
    assert apart([city, visit], 2) == [city]
    for seed in range(20):
        ids = {q.id for q in ShufflePicker(seed).pick(bank.questions, 2, datetime.now(UTC))}
        assert ids != {"treaty-city", "treaty-visit"}
    # no fault of the bank: `tutor check` does not warn about it
    assert not [w for w in warnings(tmp_path / "w", GIVES_YEAR + EXPLAINS_CITY) if " leak" in w]


def test_leaks_ok_lets_an_explanation_share_a_round(tmp_path):
    city = (
        GIVES_YEAR.replace("١٩٦١", "")
        + '    leaks_ok: {treaty-visit: "the explanation names the city on purpose"}\n'
    )
    bank = load_bank(make_bank(tmp_path, city + EXPLAINS_CITY))
    assert leak_graph(bank.questions) == {}
    assert len(apart(bank.questions, 2)) == 2


ORDER_NAMES_CITY = """\
  - id: events-order
    type: order
    prompt: {en: "Put these in order, oldest first"}
    answer:
      - {en: "the treaty signed in Moscow"}
      - {en: "the Vostochny summit"}
      - {en: "Putin's visit to Pyongyang"}
"""


def test_an_answer_printed_as_another_questions_order_item_is_a_leak(tmp_path):
    leaks = [w for w in warnings(tmp_path, GIVES_YEAR + ORDER_NAMES_CITY) if " leak: " in w]
    assert len(leaks) == 1, leaks
    assert "[treaty-city] leak: the answer ('moscow')" in leaks[0]
    assert "events-order (items)" in leaks[0]


def test_an_order_items_accepted_forms_are_not_shown_so_give_nothing_away(tmp_path):
    hidden = ORDER_NAMES_CITY.replace(
        '{en: "the treaty signed in Moscow"}',
        '{en: "the friendship treaty", accept: ["the treaty signed in Moscow"]}',
    )
    assert not [w for w in warnings(tmp_path, GIVES_YEAR + hidden) if " leak: " in w]
