"""`tutor ask` as a script sees it: the JSON contract, a decline, and passages found in Arabic and
in English on the bundled articles."""

from __future__ import annotations

import json

import pytest

from tutor.bank import load_bank
from tutor.cli import main

BANK = load_bank()


def ask(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    rc = main(["ask", "--json", *args])
    out = capsys.readouterr().out
    return rc, json.loads(out)


def test_json_shape(capsys):
    rc, out = ask(capsys, "--k", "2", "when did the partnership treaty enter into force?")
    assert rc == 0
    assert set(out) == {"question", "answered", "passages"}
    assert out["question"] == "when did the partnership treaty enter into force?"
    assert out["answered"] is True
    assert 1 <= len(out["passages"]) <= 2
    for p in out["passages"]:
        assert set(p) == {"article", "title", "date", "text", "start", "end", "sentence", "score",
                          "questions"}  # fmt: skip
        article = BANK.articles[p["article"]]
        assert p["text"] == article.text[p["start"] : p["end"]]  # the article's own characters
        assert p["start"] <= p["sentence"]["start"] < p["sentence"]["end"] <= p["end"]
        assert isinstance(p["score"], float) and p["score"] > 0
        assert all(BANK.get(q) is not None for q in p["questions"])
    scores = [p["score"] for p in out["passages"]]
    assert scores == sorted(scores, reverse=True)


def test_english_question_finds_the_arabic_passage(capsys):
    _, out = ask(capsys, "when did the partnership treaty enter into force?")
    best = out["passages"][0]
    assert best["article"] == "sanctions-alliance"
    assert "دخلت حيز التنفيذ في 4 ديسمبر" in best["text"]


def test_arabic_question_with_a_typo_finds_its_passage(capsys):
    _, out = ask(capsys, "كم ساعه استمر لقاء بوتين وكيم في قاعدة فوستوشنى")
    best = out["passages"][0]
    assert best["article"] == "challenge-meeting"
    assert "استمر خمس ساعات" in best["text"]


@pytest.mark.parametrize(
    ("question", "article", "words"),
    [
        ("هل تسمح روسيا للقراصنه الكوريين بالعمل من اراضيها", "asia-tension", "للقراصنة الكوريين"),
        ("where were north korean missile fragments found?", "axis-of-impunity", "في خاركيف"),
    ],
)
def test_paraphrased_questions_find_their_passage(capsys, question, article, words):
    _, out = ask(capsys, question)
    assert out["passages"][0]["article"] == article
    assert words in out["passages"][0]["text"]


def test_declines_what_the_articles_do_not_say(capsys):
    rc, out = ask(capsys, "what is the population of north korea?")
    assert rc == 1
    assert out == {"question": "what is the population of north korea?", "answered": False,
                   "passages": []}  # fmt: skip


def test_text_output_and_usage(capsys):
    assert main(["ask", "--lang", "en", "ما", "هي", "عاصمة", "اليابان"]) == 1
    assert "The articles do not answer that." in capsys.readouterr().out
    assert main(["ask"]) == 2
    assert "give a question" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["ask", "--k", "0", "treaty"])


def test_a_teachers_own_small_bank(capsys):
    from fakes import BANK_DIR

    rc, out = ask(capsys, "--bank", str(BANK_DIR), "which university does robert dover teach at?")
    assert rc == 0 and out["passages"][0]["article"] == "treaty"
    assert "روبرت دوفر" in out["passages"][0]["text"]
    rc, out = ask(capsys, "--bank", str(BANK_DIR), "what is the population of north korea?")
    assert rc == 1 and out["passages"] == []


def test_a_bank_without_articles_declines(capsys):
    from fakes import BANK_DIR

    rc, out = ask(
        capsys,
        "--bank",
        str(BANK_DIR.parent / "grading_only" / "answers.yaml"),
        "who leads north korea?",
    )
    assert rc == 1 and out["answered"] is False
