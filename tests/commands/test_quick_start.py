"""The README's quick start: two commands, the first installing only what running needs, the
second the test tools and the tests; CI (.ci/run) runs exactly those two lines."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start() -> tuple[list[str], str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return block.group(1).strip().splitlines(), section


def test_two_commands_run_first_then_test():
    (run, test), section = quick_start()
    assert ".[test]" not in run and "pip install" in run and run.endswith(".venv/bin/tutor")
    assert "pip install" in test and "'.[test]'" in test
    assert test.endswith(".venv/bin/python -m pytest")
    assert "activate" in section and ".venv/bin/tutor" in section.split("```", 2)[2]


def test_running_needs_none_of_the_test_tools():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = " ".join(meta["dependencies"]).lower()
    for tool in meta["optional-dependencies"]["test"]:
        name = re.split(r"[<>=\[ ]", tool, maxsplit=1)[0].lower()
        assert name not in needed, f"{name} is a test tool, installed by the first command"


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extract = next(line for line in ci.splitlines() if line.startswith("mapfile -t quick"))
    out = subprocess.run(
        ["bash", "-c", f'{extract}\nprintf "%s\\n" "${{quick[@]}}"'], cwd=ROOT,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.splitlines() == quick_start()[0]
    assert 'bash -euo pipefail -c "${quick[0]}" </dev/null' in ci
    assert 'bash -euo pipefail -c "${quick[1]}"' in ci
