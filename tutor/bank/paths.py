"""Where a bank's question files and articles are, for the bundled bank and for `--bank PATH`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class BankSource:
    question_files: tuple[Path, ...]
    seeds_dir: Path | None


def data_root() -> Path:
    """The bundled `questions/` and `seeds/`: inside the installed wheel, else the source tree."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "_data"
    if (installed / "questions").is_dir():
        return installed
    return here.parent


def _yaml_files(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()))


def resolve(path: str | Path | None = None) -> BankSource:
    """A YAML file; or a folder (its `questions/` if any, else its YAML files) with its `seeds/`.

    Raises FileNotFoundError with a message naming the path when there is nothing to load.
    """
    if path is None:
        root = data_root()
        return BankSource(_yaml_files(root / "questions"), root / "seeds")
    p = Path(path).expanduser()
    if p.is_file():
        seeds = p.parent / "seeds"  # else the bundled articles, so a lone file can quote them
        return BankSource((p,), seeds if seeds.is_dir() else data_root() / "seeds")
    if p.is_dir():
        qdir = p / "questions"
        files = _yaml_files(qdir if qdir.is_dir() else p)
        if not files:
            raise FileNotFoundError(f"{p}: no .yaml question files found")
        seeds = p / "seeds"
        return BankSource(files, seeds if seeds.is_dir() else None)
    raise FileNotFoundError(f"{p}: no such file or folder")
