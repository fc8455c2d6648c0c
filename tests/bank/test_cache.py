"""The bank cache: a teacher's edit shows at the next start, and a bad cache never stops study."""

from __future__ import annotations

import json
import os
import pickle
import stat
import sys
from pathlib import Path

from tutor import __version__
from tutor.bank import cache as cache_module
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
    assert len(list(cache.glob("bank-*.json"))) == 1  # the stale copy is gone


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
    good = file.read_bytes()
    file.write_bytes(good[: len(good) // 2])
    assert [q.id for q in load_cached(bank_dir, cache).questions] == ["tiny-year"]
    assert file.read_bytes() == good


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
    assert list(data.glob("**/bank-*")) == []


def test_commands_keep_the_cache_beside_the_progress_folder(tmp_path, capsys):
    bank_dir, data = make_bank(tmp_path / "bank"), tmp_path / "data"
    assert main(["stats", "--bank", str(bank_dir), "--data", str(data)]) == 0
    assert len(list((data / "cache").glob("bank-*.json"))) == 1


class Payload:
    """Unpickling this runs code: it creates the file named `marker`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def old_pickle_path(bank_dir: Path, cache: Path) -> Path:
    """Where the pickle cache (before issue 12) kept this bank."""
    src = resolve(bank_dir)
    new = cache_file(src, cache)
    which = new.name.split("-")[1]
    articles = sorted(p for p in src.seeds_dir.rglob("*") if p.is_file())
    modules = [Path(cache_module.__file__).parent / m for m in cache_module._MODULES]
    tag = [__version__, sys.implementation.cache_tag or "", str(pickle.HIGHEST_PROTOCOL)]
    stats = cache_module._stats([*src.question_files, *articles, *modules])
    return cache / f"bank-{which}-{cache_module._digest([*tag, *stats])}.pickle"


def test_a_crafted_pickle_runs_nothing_at_the_old_path_or_the_new(tmp_path):
    """A class folder others can write (--data, TUTOR_HOME) must not run their code as me."""
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    cache.mkdir()
    marker = tmp_path / "ran"
    crafted = pickle.dumps(Payload(marker))
    old, new = old_pickle_path(bank_dir, cache), cache_file(resolve(bank_dir), cache)
    for path in (old, new):
        path.write_bytes(crafted)
        os.chmod(path, 0o600)
    bank = load_cached(bank_dir, cache)
    assert not marker.exists()
    assert [q.id for q in bank.questions] == ["tiny-year"]
    assert json.loads(new.read_text("utf-8"))["questions"]  # replaced by a JSON copy
    assert not old.exists()  # the old format is cleared away when the cache is written


def test_a_crafted_json_cache_builds_nothing_but_bank_data(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    load_cached(bank_dir, cache)
    file = cache_file(resolve(bank_dir), cache)
    data = json.loads(file.read_text("utf-8"))
    data["questions"][0] = {"class": "Popen", "fields": {"args": ["touch", str(tmp_path / "ran")]}}
    file.write_text(json.dumps(data), "utf-8")
    assert [q.id for q in load_cached(bank_dir, cache).questions] == ["tiny-year"]
    assert not (tmp_path / "ran").exists()


def test_a_cache_others_can_write_is_not_read(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "cache"
    load_cached(bank_dir, cache)
    file = cache_file(resolve(bank_dir), cache)
    data = json.loads(file.read_text("utf-8"))
    data["questions"][0]["fields"]["id"] = "planted"
    file.write_text(json.dumps(data), "utf-8")
    os.chmod(file, 0o666)
    assert [q.id for q in load_cached(bank_dir, cache).questions] == ["tiny-year"]


def test_the_cache_is_private(tmp_path):
    bank_dir, cache = make_bank(tmp_path / "bank"), tmp_path / "new" / "cache"
    old = os.umask(0o022)
    try:
        load_cached(bank_dir, cache)
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_file(resolve(bank_dir), cache).stat().st_mode) == 0o600


def test_the_cached_bank_equals_the_loaded_one(tmp_path):
    from tutor.bank.load import load_bank

    cache = tmp_path / "cache"
    load_cached(None, cache)
    # every value the bundled bank holds can be cached: a model class missing from the cache's
    # list would leave no file, and every start would parse the YAML again
    assert cache_file(resolve(None), cache).is_file()
    cached, loaded = load_cached(None, cache), load_bank(None)
    assert cached is not loaded
    assert cached.questions == loaded.questions and cached.articles == loaded.articles
    assert [q.location for q in cached.questions] == [q.location for q in loaded.questions]
    assert cached.files == loaded.files
