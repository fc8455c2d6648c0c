"""The installed wheel carries the bundled articles and bank, and finds them from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import tutor, json
from tutor.bank import load_bank
from tutor.bank.paths import data_root
bank = load_bank()
print(json.dumps({"module": tutor.__file__, "data": str(data_root()),
                  "questions": len(bank.questions), "articles": sorted(bank.articles)}))
"""


@pytest.mark.slow
def test_wheel_carries_questions_and_seeds(tmp_path):
    dist, target = tmp_path / "dist", tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("tutor-*.whl")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    import json

    info = json.loads(out.stdout)
    assert info["module"].startswith(str(target))
    assert info["data"].startswith(str(target))
    from tutor.bank import load_bank

    assert info["questions"] == len(load_bank().questions) > 0
    assert len(info["articles"]) == 5
