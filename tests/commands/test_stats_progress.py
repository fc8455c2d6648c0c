"""`tutor stats` and `tutor progress` as a learner runs them: whole processes on a TUTOR_HOME."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tutor.bank import load_bank

TOTAL = len(load_bank().questions)  # the bundled bank, whatever its size


def tutor(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TUTOR_HOME": str(home), "LC_ALL": "C.UTF-8"}  # English unless asked
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args], input=stdin, capture_output=True, text=True,
        env=env, encoding="utf-8",
    )  # fmt: skip


def study_a_little(home: Path) -> None:
    out = tutor(home, "--plain", "--article", "challenge-meeting", "--length", "2",
                stdin="Vostochny\n/skip\n/quit\n")  # fmt: skip
    assert out.returncode == 0, out.stderr


def test_stats_after_a_round_shows_counts_and_bars(tmp_path: Path) -> None:
    study_a_little(tmp_path)
    out = tutor(tmp_path, "stats")
    assert out.returncode == 0, out.stderr
    assert f"Questions seen  2/{TOTAL}" in out.stdout
    assert "By article" in out.stdout and "By tag" in out.stdout
    assert "█" in out.stdout  # a bar, not just numbers


def test_stats_in_arabic_names_articles_and_topics_in_arabic(tmp_path: Path) -> None:
    study_a_little(tmp_path)
    for args in (["stats", "--lang", "ar"], ["--lang", "ar", "stats"]):
        out = tutor(tmp_path, *args)
        assert out.returncode == 0, out.stderr
        assert f"الأسئلة التي رأيتها: 2 من {TOTAL}" in out.stdout
        assert "حسب المقالة" in out.stdout and "حسب الموضوع" in out.stdout
        assert "لقاء التحدي" in out.stdout  # the challenge-meeting article's Arabic label
        assert "القمم والزيارات" in out.stdout and "By tag" not in out.stdout


def test_stats_on_a_fresh_machine_is_not_an_error(tmp_path: Path) -> None:
    out = tutor(tmp_path, "stats")
    assert out.returncode == 0 and f"Questions seen  0/{TOTAL}" in out.stdout


def test_export_then_import_elsewhere_moves_the_history_once(tmp_path: Path) -> None:
    study_a_little(tmp_path / "laptop")
    exported = tmp_path / "history.json"
    assert tutor(tmp_path / "laptop", "progress", "export", str(exported)).returncode == 0
    data = json.loads(exported.read_text("utf-8"))
    assert [a["question_id"] for a in data["answers"]][:1] and len(data["answers"]) == 2
    first = tutor(tmp_path / "desktop", "progress", "import", str(exported))
    again = tutor(tmp_path / "desktop", "progress", "import", str(exported))
    assert "Imported 2 answer(s)" in first.stdout
    assert "Imported 0 answer(s)" in again.stdout and "2 were already there" in again.stdout
    assert f"Questions seen  2/{TOTAL}" in tutor(tmp_path / "desktop", "stats").stdout


def test_reset_asks_first_and_keeps_a_backup(tmp_path: Path) -> None:
    study_a_little(tmp_path)
    refused = tutor(tmp_path, "progress", "reset", stdin="y\n")  # not a terminal: no prompt
    assert refused.returncode != 0 and "--yes" in refused.stderr
    assert f"Questions seen  2/{TOTAL}" in tutor(tmp_path, "stats").stdout
    done = tutor(tmp_path, "progress", "reset", "--yes")
    assert done.returncode == 0
    backups = list(tmp_path.glob("progress.sqlite3.reset-backup-*"))
    assert len(backups) == 1 and str(backups[0]) in done.stdout
    assert f"Questions seen  0/{TOTAL}" in tutor(tmp_path, "stats").stdout


def test_a_bad_import_file_and_a_damaged_store_are_clear_messages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    out = tutor(tmp_path, "progress", "import", str(bad))
    assert out.returncode == 1 and "bad.json" in out.stderr and "Traceback" not in out.stderr
    study_a_little(tmp_path)
    (tmp_path / "progress.sqlite3").write_bytes(b"this is not sqlite at all" * 100)
    # issue 12: a damaged store is set aside (never overwritten), said so, and tutor goes on
    stats = tutor(tmp_path, "stats")
    assert stats.returncode == 0 and "damaged" in stats.stderr and "Traceback" not in stats.stderr
    (kept,) = tmp_path.glob("progress.sqlite3.corrupt-*")
    assert str(kept) in stats.stderr
    assert kept.read_bytes() == b"this is not sqlite at all" * 100
    assert f"Questions seen  0/{TOTAL}" in stats.stdout
    study_a_little(tmp_path)
    assert f"Questions seen  2/{TOTAL}" in tutor(tmp_path, "stats").stdout
