"""A JSON copy of a loaded bank, so that `tutor` does not parse every YAML file at each start.

Parsing and checking the bundled bank costs about as much as importing Textual; reading it back
from JSON costs a tenth of that. The cache key holds the size and modification time of every
question file, article and bank-loading module, so any edit (a teacher's or ours) means a fresh
load. Only clean banks are cached; a cache that cannot be read or written is ignored. `tutor check`
never uses it.

The cache may sit in a folder others can write (`--data` or TUTOR_HOME naming a class folder), so
reading it must never run anything: it is plain JSON, turned back into the bank's own dataclasses
by name from a fixed list, field by field (never pickle, which runs what the file says). A file
not owned by this user, or writable by others, is not read at all; files are written atomically
(tutor/cachefile.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

from tutor import __version__
from tutor.bank.model import Article, Bank, Localized, Location, PartialDate, Question, Quote
from tutor.bank.paths import BankSource, resolve
from tutor.cachefile import read_own, write_atomic

FORMAT = "tutor-bank-cache/1"
_MODULES = ("model.py", "load.py", "articles.py", "yamlio.py", "paths.py", "cache.py")
_CLASSES = {c.__name__: c for c in (Article, Localized, Location, PartialDate, Question, Quote)}
_FIELDS = {name: {f.name for f in dataclasses.fields(c)} for name, c in _CLASSES.items()}


class _Unexpected(ValueError):
    """The file holds something a bank never does: the cache is ignored."""


def _stats(paths: list[Path]) -> list[str]:
    rows = []
    for p in paths:
        st = p.stat()
        rows.append(f"{p}\0{st.st_size}\0{st.st_mtime_ns}")
    return rows


def _digest(rows: list[str]) -> str:
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def cache_file(source: BankSource, cache_dir: Path) -> Path:
    """`bank-<which bank>-<which version of it>.json`."""
    seeds = source.seeds_dir
    found = seeds.rglob("*") if seeds is not None and seeds.is_dir() else ()
    articles = sorted(p for p in found if p.is_file())
    modules = [Path(__file__).resolve().parent / m for m in _MODULES]
    which = _digest([*(str(p.resolve()) for p in source.question_files), str(seeds)])
    tag = [__version__, sys.implementation.cache_tag or "", FORMAT]
    version = _digest([*tag, *_stats([*source.question_files, *articles, *modules])])
    return cache_dir / f"bank-{which}-{version}.json"


def load_cached(path: str | Path | None, cache_dir: Path | None) -> Bank:
    """`load_bank(path)`, from the cache when it is current; raises what load_bank raises."""
    from_cache = None
    if cache_dir is not None:
        with contextlib.suppress(OSError):
            from_cache = cache_file(resolve(path), cache_dir)
    if from_cache is not None:
        with contextlib.suppress(Exception):  # missing, truncated, foreign, odd: load afresh
            return _read(from_cache)
    from tutor.bank.load import load_bank

    bank = load_bank(path)  # strict: a bank with problems raises, and is never cached
    if from_cache is not None:
        with contextlib.suppress(Exception):
            _write(from_cache, bank)
    return bank


# --- the file ---


def _read(file: Path) -> Bank:
    data = json.loads(read_own(file).decode("utf-8"), object_hook=_hook)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _Unexpected("not a bank cache")
    return _bank(data)


def _write(file: Path, bank: Bank) -> None:
    which = file.name.rsplit("-", 1)[0]
    for old in [*file.parent.glob(f"{which}-*.json"), *file.parent.glob("bank-*.pickle")]:
        with contextlib.suppress(OSError):  # older versions of this bank; the old pickle format
            old.unlink()
    text = json.dumps(_plain_bank(bank), ensure_ascii=False, separators=(",", ":"))
    write_atomic(file, text.encode("utf-8"))


# --- a bank as plain data and back ---


def _plain_bank(bank: Bank) -> dict:
    if bank.problems:
        raise _Unexpected("only clean banks are cached")
    return {
        "format": FORMAT,
        "questions": [_plain(q) for q in bank.questions],
        "articles": {k: _plain(a) for k, a in bank.articles.items()},
        "files": [str(p) for p in bank.files],
    }


def _plain(x: object) -> object:
    """JSON for the values a bank holds: tuples, paths and the model's dataclasses tagged."""
    if x is None or isinstance(x, str | bool | int | float):
        return x
    if isinstance(x, tuple):
        return {"tuple": [_plain(i) for i in x]}
    if isinstance(x, list):
        return [_plain(i) for i in x]
    if isinstance(x, Path):
        return {"path": str(x)}
    name = type(x).__name__
    if _CLASSES.get(name) is type(x):
        fields = {f.name: _plain(getattr(x, f.name)) for f in dataclasses.fields(x)}  # type: ignore[arg-type]
        return {"class": name, "fields": fields}
    raise _Unexpected(f"cannot cache a {name}")


def _hook(x: dict) -> object:
    """json.loads calls this for every object, innermost first: tagged values become theirs."""
    if len(x) == 1:
        if isinstance(items := x.get("tuple"), list):
            return tuple(items)
        if isinstance(path := x.get("path"), str):
            return Path(path)
    name, fields = x.get("class"), x.get("fields")
    if name is None:
        return x  # a plain mapping (the bank's articles, the file itself)
    if not isinstance(name, str) or name not in _CLASSES or not isinstance(fields, dict):
        raise _Unexpected("unexpected value")
    if len(x) != 2 or not set(fields) <= _FIELDS[name]:
        raise _Unexpected(f"unexpected fields for {name}")
    return _CLASSES[name](**fields)


def _bank(data: dict) -> Bank:
    questions, articles, files = data.get("questions"), data.get("articles"), data.get("files")
    if not (
        isinstance(questions, list)
        and all(isinstance(q, Question) for q in questions)
        and isinstance(articles, dict)
        and all(isinstance(a, Article) for a in articles.values())
        and isinstance(files, list)
        and all(isinstance(f, str) for f in files)
    ):
        raise _Unexpected("not a bank")
    return Bank(questions=questions, articles=articles, files=[Path(f) for f in files])
