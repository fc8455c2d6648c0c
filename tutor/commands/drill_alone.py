"""`tutor drill FILE --name NAME`: the command-line glue that runs a drill alone (the drill
itself lives in tutor.drill.alone, below the front ends)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TextIO

from tutor.commands.common import data_dir, load_drill_or_report
from tutor.drill.alone import AloneDrill, check_name
from tutor.drill.lines import Lines
from tutor.drill.results import ResultsFile, file_name
from tutor.drill.texts import tr


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tutor drill", description="run a drill alone")
    p.add_argument("file", metavar="FILE", help="the drill spec")
    p.add_argument("--name", required=True, help="your name, as the teacher knows you")
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="where your results file goes (default: drills/ in the data folder)",
    )
    p.add_argument("--plain", action="store_true", help="line mode (the only mode for now)")
    p.add_argument("--lang", choices=("ar", "en"), default=None)
    p.add_argument("--bidi", choices=("auto", "app", "terminal"), default="auto")
    p.add_argument("--bank", metavar="PATH", default=argparse.SUPPRESS)
    p.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS)
    return p


def run_alone(
    args: argparse.Namespace,
    argv: list[str],
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    from tutor.drill.spec import select_questions
    from tutor.store.paths import default_data_dir

    sub = _parser().parse_args(argv)
    merged = argparse.Namespace(**{**vars(args), **vars(sub)})
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    for stream in (stdin, stdout):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    why = check_name(sub.name)
    if why:
        print(f"tutor drill: --name: {why}", file=sys.stderr)
        return 2
    loaded = load_drill_or_report(sub.file, merged, "tutor drill")
    if loaded is None:
        return 1
    spec, bank = loaded
    out = Path(sub.out).expanduser() if sub.out else (data_dir(merged) or default_data_dir())
    out = out if sub.out else out / "drills"
    path = out / file_name(spec.title, spec.digest, sub.name.strip())
    try:
        results = ResultsFile(path)
    except OSError as e:
        print(f"tutor drill: cannot write {path}: {e.strerror or e}", file=sys.stderr)
        return 1
    bidi = "app" if sub.bidi == "app" else "terminal"
    drill = AloneDrill(
        spec,
        bank,
        select_questions(spec, bank),
        sub.name.strip(),
        results,
        Lines(stdin, stdout, bidi=bidi),
        lang=sub.lang,
    )
    try:
        return drill.run()
    except KeyboardInterrupt:
        drill.say("\n" + tr("quit.resume", drill.lang))
        drill.say(tr("results_at", drill.lang, path=path))
        return 130
    finally:
        results.close()
