"""The format's order questions, evidence quoted across articles, and `leaks_ok`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.bank import BankError, Quote, load_bank
from tutor.bank.check import check_bank
from tutor.cli import main

TREATY = """---
id: treaty
title: the treaty
---
وقّع البلدان معاهدة الصداقة عام 1961 في موسكو.

ثم وُقّعت معاهدة جديدة عام 2000.
"""
ARMS = """---
id: arms
title: arms
---
وفي عام 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة في بيونغ يانغ.
"""

ORDER = """\
  - id: treaties-order
    type: order
    prompt: {ar: "رتّب المعاهدات من الأقدم", en: "Put the treaties in order, oldest first"}
    answer:
      - {ar: "معاهدة الصداقة", en: "the friendship treaty", accept: ["1961"]}
      - {ar: "المعاهدة الجديدة", en: "the new treaty", accept: ["2000"]}
      - {ar: "الشراكة الاستراتيجية الشاملة", en: "the comprehensive partnership", accept: ["2024"]}
    evidence:
      - {quote: "معاهدة الصداقة عام 1961"}
      - {article: treaty, quote: "معاهدة جديدة عام 2000"}
      - {article: arms, quote: "وفي عام 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة"}
"""


def make_bank(tmp_path: Path, questions: str) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "treaty.txt").write_text(TREATY, encoding="utf-8")
    (tmp_path / "seeds" / "arms.txt").write_text(ARMS, encoding="utf-8")
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "q.yaml").write_text(
        "article: treaty\nquestions:\n" + questions, encoding="utf-8"
    )
    return tmp_path


def problems(tmp_path: Path, questions: str) -> list[str]:
    with pytest.raises(BankError) as err:
        load_bank(make_bank(tmp_path, questions))
    return [str(p) for p in err.value.problems]


def test_an_order_question_loads_with_its_items_in_order(tmp_path):
    bank = load_bank(make_bank(tmp_path, ORDER))
    (q,) = bank.questions
    assert q.type == "order"
    assert [item.en for item in q.answer] == [
        "the friendship treaty", "the new treaty", "the comprehensive partnership",
    ]  # fmt: skip
    assert q.answer_text("en") == (
        "the friendship treaty → the new treaty → the comprehensive partnership"
    )
    assert q.answer_text("ar").startswith("معاهدة الصداقة ← ")
    assert check_bank(bank).errors == []


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("[a, b]", "an order question needs a list of 3 to 6 items, got 2 items"),
        ("[a, b, c, d, e, f, g]", "an order question needs a list of 3 to 6 items, got 7 items"),
        ("1961", "an order question needs a list of 3 to 6 items, got 1961"),
        ("[Moscow, Kazan, moscow]", "items 1 and 3 are the same ('moscow')"),
        ("[موسكو, قازان, {ar: مُوسكو}]", "items 1 and 3 are the same ('موسكو')"),
    ],
)
def test_the_loader_refuses_an_order_of_the_wrong_size_or_with_repeats(tmp_path, answer, message):
    q = f"  - id: bad-order\n    type: order\n    answer: {answer}\n"
    (p,) = problems(tmp_path, q)
    assert p.endswith(f"[bad-order] answer: {message}"), p
    assert "q.yaml:5 " in p  # the line of `answer:`


def test_a_plain_string_of_evidence_keeps_its_meaning(tmp_path):
    q = ORDER.split("    evidence:")[0] + '    evidence: "معاهدة الصداقة عام 1961"\n'
    (q_,) = load_bank(make_bank(tmp_path, q)).questions
    assert q_.evidence == "معاهدة الصداقة عام 1961"
    assert q_.quotes == (Quote("معاهدة الصداقة عام 1961"),)


def test_an_evidence_list_keeps_each_quote_with_its_article(tmp_path):
    (q,) = load_bank(make_bank(tmp_path, ORDER)).questions
    assert [x.article for x in q.quotes] == [None, "treaty", "arms"]
    assert q.evidence == "معاهدة الصداقة عام 1961"  # the first quote from its own article


def test_check_verifies_each_quote_against_its_own_article(tmp_path, capsys):
    bad = ORDER.replace('quote: "وفي عام 2024', 'quote: "وفي سنة 2024')
    bad = bad.replace("{article: treaty, quote: \"معاهدة جديدة عام 2000\"}",
                      "{article: arms, quote: \"معاهدة جديدة عام 2000\"}")  # fmt: skip
    root = make_bank(tmp_path, bad)
    assert main(["check", "--bank", str(root)]) == 1
    err = capsys.readouterr()
    out = err.out + err.err
    assert "[treaties-order] evidence: quote 2: evidence is not a verbatim span of 'arms'" in out
    assert "[treaties-order] evidence: quote 3: evidence is not a verbatim span of 'arms'" in out
    assert "closest passage" in out and "«وفي عام 2024 وقّع الزعيمان" in out
    assert "quote 1" not in out


def test_check_names_an_unknown_article_in_an_evidence_list(tmp_path):
    q = ORDER.replace("{article: arms,", "{article: armz,")
    report = check_bank(load_bank(make_bank(tmp_path, q)))
    (p,) = report.errors
    assert "quote 3: unknown article 'armz' (articles: arms, treaty)" in str(p)


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ("[]", "must be a quote from the article, or a list of {article, quote}"),
        ("[{article: arms}]", "entry 1 needs 'quote': a non-empty string from the article"),
        ("[{article: arms, quote: x, page: 2}]", "entry 1: unknown key(s) 'page'"),
        ("[{article: 3, quote: x}]", "entry 1: 'article' must be an article id"),
        ("[[x]]", 'entry 1 must be {article: ID, quote: "..."}'),
    ],
)
def test_the_loader_refuses_a_malformed_evidence_list(tmp_path, evidence, message):
    q = f"  - id: bad-ev\n    type: year\n    answer: 1961\n    evidence: {evidence}\n"
    (p,) = problems(tmp_path, q)
    assert f"[bad-ev] evidence: {message}" in p


def test_leaks_ok_maps_ids_to_reasons(tmp_path):
    q = ORDER + '    leaks_ok: {other-q: "the other question asks the same year on purpose"}\n'
    (q_,) = load_bank(make_bank(tmp_path, q)).questions
    assert q_.leaks_ok == (("other-q", "the other question asks the same year on purpose"),)


@pytest.mark.parametrize(
    ("leaks_ok", "message"),
    [
        ("[other-q]", "must map question ids to a reason"),
        ("{other-q: ''}", "'other-q' needs a reason: why this give-away is fine"),
        ("{Other Q: fine}", "'Other Q' is not a question id"),
    ],
)
def test_leaks_ok_needs_ids_and_reasons(tmp_path, leaks_ok, message):
    (p,) = problems(tmp_path, ORDER + f"    leaks_ok: {leaks_ok}\n")
    assert f"[treaties-order] leaks_ok: {message}" in p


def test_the_engine_shows_each_passage_under_its_article(tmp_path):
    from tutor.engine.session import Session
    from tutor.ui.texts import evidence_parts

    bank = load_bank(make_bank(tmp_path, ORDER))
    session = Session(bank, questions=list(bank.questions))
    o = session.reveal()
    shown = [o.evidence, *o.more_evidence]
    assert [(e.article.id, e.passage) for e in shown] == [
        ("treaty", "معاهدة الصداقة عام 1961"),
        ("treaty", "معاهدة جديدة عام 2000"),
        ("arms", "وفي عام 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة"),
    ]
    arms = shown[2]
    lit = [arms.passage[a:b] for a, b in arms.highlights]
    assert lit == ["2024", "الشراكة الاستراتيجية الشاملة"]
    parts = evidence_parts(o, "en")
    assert [p.text for p in parts if p.classes == "source"] == [
        "From «the treaty»:", "From «the treaty»:", "From «arms»:",
    ]  # fmt: skip


def test_plain_mode_shows_the_items_shuffled_and_grades_labels_as_shown(tmp_path):
    import os
    import subprocess
    import sys

    from tutor.engine.options import item_order

    root = make_bank(tmp_path, ORDER)
    shown = item_order("treaties-order", 3, 0)
    assert shown != (0, 1, 2)
    right = " ".join(str(shown.index(i) + 1) for i in range(3))
    env = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8", "LC_ALL": ""}
    p = subprocess.run(
        [sys.executable, "-m", "tutor", "--plain", "--bank", str(root), "--lang", "en",
         "--seed", "0"],
        input=(right + "\n").encode(), capture_output=True, env=env, timeout=60,
    )  # fmt: skip
    out = p.stdout.decode()
    names = ["the friendship treaty", "the new treaty", "the comprehensive partnership"]
    listed = [f"  {n}. {names[k]}" for n, k in enumerate(shown, 1)]
    assert "Put them in order (e.g. 2 1 3):\n" + "\n".join(listed) in out, out
    assert "Correct." in out
    assert out.count("From «") == 3


def test_item_order_is_never_the_right_order():
    from tutor.engine.options import item_order, option_order

    ids = [f"q{i}" for i in range(200)]
    assert any(option_order(q, 3, 0) == (0, 1, 2) for q in ids)  # a plain shuffle can be
    assert all(item_order(q, n, 0) != tuple(range(n)) for q in ids for n in (3, 4, 5, 6))
    assert all(sorted(item_order(q, 4, 7)) == [0, 1, 2, 3] for q in ids)


def test_the_chat_lists_the_items_in_the_order_shown(tmp_path):
    from tutor.ui.texts import question_parts

    bank = load_bank(make_bank(tmp_path, ORDER))
    parts = question_parts(bank.questions[0], bank, 1, 1, "ar", order=(2, 0, 1))
    assert [p.text for p in parts if p.classes == "choice"] == [
        "1. الشراكة الاستراتيجية الشاملة", "2. معاهدة الصداقة", "3. المعاهدة الجديدة",
    ]  # fmt: skip
    assert "رتّبها (مثلا ٢ ١ ٣):" in [p.text for p in parts]


def test_the_schema_knows_order_questions_and_evidence_lists():
    import json

    from tutor.bank.model import QUESTION_TYPES
    from tutor.bank.paths import data_root

    schema = json.loads((data_root() / "questions" / "schema.json").read_text(encoding="utf-8"))
    question = schema["$defs"]["question"]
    assert question["properties"]["type"]["enum"] == list(QUESTION_TYPES)
    order = next(c for c in question["allOf"] if c["if"]["properties"]["type"]["const"] == "order")
    answer = order["then"]["properties"]["answer"]
    assert (answer["minItems"], answer["maxItems"]) == (3, 6)
    kinds = [alt["type"] for alt in question["properties"]["evidence"]["oneOf"]]
    assert kinds == ["string", "array"]
