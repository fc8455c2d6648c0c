"""The bank cache: a teacher's edit shows at the next start, and a bad cache never stops study."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from tutor.bank.cache import cache_file, load_cached
from tutor.bank.paths import resolve
from tutor.cli import main

BANK = """\
article: tiny
questions:
  - id: tiny-year
    type: year
    prompt: {ar: "في أي عام؟", en: "In which year was it signed?"}
    answer: 1961
    evidence: "signed in 1961"
"""
ARTICLE = (
    "---\ntitle: Tiny\noutlet: unknown\ndate: unknown\nlanguage: en\n---\nIt was signed in 1961.\n"
)


def make_bank(root: Path, prompt: str = "In which year was it signed?") -> Path:
    (root / "questions").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "questions" / "tiny.yaml").write_text(
        BANK.replace("In which year was it signed?", prompt), encoding="utf-8"
    )
    (root / "seeds" / "tiny.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_second_load_comes_from_the_cache(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    first = load_cached(bank_dir, cache)
    assert cache_file(resolve(bank_dir), cache).is_file()
    second = load_cached(bank_dir, cache)
    assert second is not first  # unpickled, not the same object
    assert [q.id for q in second.questions] == ["tiny-year"]
    assert second.questions[0].prompt.en == "In which year was it signed?"
    assert second.articles["tiny"].title == first.articles["tiny"].title


def test_an_edited_question_file_is_read_again(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    load_cached(bank_dir, cache)
    make_bank(bank_dir, prompt="Which year saw the signing?")
    touch_later(bank_dir / "questions" / "tiny.yaml")
    bank = load_cached(bank_dir, cache)
    assert bank.questions[0].prompt.en == "Which year saw the signing?"
    assert len(list(cache.glob("bank-*.pickle"))) == 1  # the stale copy is gone


def test_an_edited_article_is_read_again(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    load_cached(bank_dir, cache)
    article = bank_dir / "seeds" / "tiny.txt"
    article.write_text(ARTICLE.replace("Tiny", "Tiny, revised"), encoding="utf-8")
    touch_later(article)
    assert load_cached(bank_dir, cache).articles["tiny"].title == "Tiny, revised"


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    load_cached(bank_dir, cache)
    file = cache_file(resolve(bank_dir), cache)
    file.write_bytes(b"\x80\x05not a pickle")
    assert [q.id for q in load_cached(bank_dir, cache).questions] == ["tiny-year"]
    assert isinstance(pickle.loads(file.read_bytes()), type(load_cached(bank_dir, cache)))


def test_an_unwritable_cache_folder_does_not_stop_loading(tmp_path):
    bank_dir = make_bank(tmp_path / "bank")
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert [q.id for q in load_cached(bank_dir, blocker).questions] == ["tiny-year"]


def test_a_bank_with_problems_is_never_cached(tmp_path, capsys):
    bank_dir = make_bank(tmp_path / "bank")
    (bank_dir / "questions" / "tiny.yaml").write_text(
        BANK.replace("type: year", "type: yeer"), encoding="utf-8"
    )
    data = tmp_path / "data"
    assert main(["stats", "--bank", str(bank_dir), "--data", str(data)]) == 1
    assert "yeer" in capsys.readouterr().err
    assert list(data.glob("**/*.pickle")) == []


def test_commands_keep_the_cache_beside_the_progress_folder(tmp_path, capsys):
    bank_dir, data = make_bank(tmp_path / "bank"), tmp_path / "data"
    assert main(["stats", "--bank", str(bank_dir), "--data", str(data)]) == 0
    assert len(list((data / "cache").glob("bank-*.pickle"))) == 1
