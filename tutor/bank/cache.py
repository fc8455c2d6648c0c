"""A pickled copy of a loaded bank, so that `tutor` does not parse every YAML file at each start.

Parsing and checking the bundled bank costs about as much as importing Textual; unpickling it costs
a tenth of that. The cache key holds the size and modification time of every question file,
article and bank-loading module, so any edit (a teacher's or ours) means a fresh load. Only clean
banks are cached; a cache that cannot be read or written is ignored. `tutor check` never uses it.
The file lives in the user's own cache folder, written only by this program with mode 0600.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from tutor import __version__
from tutor.bank.model import Bank
from tutor.bank.paths import BankSource, resolve

_MODULES = ("model.py", "load.py", "articles.py", "yamlio.py", "paths.py", "cache.py")


def _stats(paths: list[Path]) -> list[str]:
    rows = []
    for p in paths:
        st = p.stat()
        rows.append(f"{p}\0{st.st_size}\0{st.st_mtime_ns}")
    return rows


def _digest(rows: list[str]) -> str:
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def cache_file(source: BankSource, cache_dir: Path) -> Path:
    """`bank-<which bank>-<which version of it>.pickle`."""
    seeds = source.seeds_dir
    found = seeds.rglob("*") if seeds is not None and seeds.is_dir() else ()
    articles = sorted(p for p in found if p.is_file())
    modules = [Path(__file__).resolve().parent / m for m in _MODULES]
    which = _digest([*(str(p.resolve()) for p in source.question_files), str(seeds)])
    tag = [__version__, sys.implementation.cache_tag or "", str(pickle.HIGHEST_PROTOCOL)]
    version = _digest([*tag, *_stats([*source.question_files, *articles, *modules])])
    return cache_dir / f"bank-{which}-{version}.pickle"


def load_cached(path: str | Path | None, cache_dir: Path | None) -> Bank:
    """`load_bank(path)`, from the cache when it is current; raises what load_bank raises."""
    from_cache = None
    if cache_dir is not None:
        with contextlib.suppress(OSError):
            from_cache = cache_file(resolve(path), cache_dir)
    if from_cache is not None:
        with contextlib.suppress(Exception):  # missing, truncated, from another version: reload
            with from_cache.open("rb") as f:
                bank = pickle.load(f)
            if isinstance(bank, Bank):
                return bank
    from tutor.bank.load import load_bank

    bank = load_bank(path)  # strict: a bank with problems raises, and is never cached
    if from_cache is not None:
        with contextlib.suppress(Exception):
            _write(from_cache, bank)
    return bank


def _write(file: Path, bank: Bank) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    which = file.name.rsplit("-", 1)[0]
    for old in file.parent.glob(f"{which}-*.pickle"):  # older versions of the same bank
        with contextlib.suppress(OSError):
            old.unlink()
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".bank-", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(bank, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
