"""Issue 12: whatever happened to the progress file, every command still works, no traceback,
and the learner is told what happened and where the old file is. Whole processes on a TUTOR_HOME.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tutor.bank.load import load_bank

DB = "progress.sqlite3"
TOTAL = len(load_bank(None).questions)  # the bundled bank, whatever its size
N = 400


def tutor(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TUTOR_HOME": str(home), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "tutor", *args], input=stdin, capture_output=True, text=True,
        env=env, encoding="utf-8",
    )  # fmt: skip


def history(path: Path) -> Path:
    ids = [q.id for q in load_bank(None).questions]
    t0 = datetime(2026, 1, 5, 9, tzinfo=UTC)
    answers = [
        {"question_id": ids[i % len(ids)], "answered_at": (t0 + timedelta(minutes=i)).isoformat(),
         "answer": f"typed answer {i}", "verdict": "correct", "score": 1.0}
        for i in range(N)
    ]  # fmt: skip
    path.write_text(json.dumps({"format": "tutor-progress", "answers": answers}), "utf-8")
    return path


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("healthy")
    out = tutor(home, "progress", "import", str(history(home.parent / "history.json")))
    assert out.returncode == 0, out.stderr
    return home


def damaged(healthy: Path, tmp_path: Path, how: str) -> Path:
    home = tmp_path / "home"
    shutil.copytree(healthy, home, ignore=shutil.ignore_patterns("cache"))
    db = home / DB
    data = bytearray(db.read_bytes())
    if how == "middle":
        at = data.index(f"typed answer {N // 2}".encode()) // 4096 * 4096
        data[at : at + 4096] = b"\xab" * 4096
    elif how == "header":
        data[:100] = b"\x00" * 100
    elif how == "truncated":
        data = data[: len(data) * 2 // 3]
    db.write_bytes(bytes(data))
    if how == "folder":
        db.unlink()
        db.mkdir()
    return home


def clean(out: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in out.stdout + out.stderr, out.stderr
    assert out.returncode == 0, out.stderr


def kept(home: Path) -> Path:
    (old,) = [p for p in home.iterdir() if p.name.startswith(DB + ".")]
    return old


@pytest.mark.parametrize("how", ["middle", "header", "truncated", "folder"])
def test_stats_sets_the_damage_aside_and_says_where(healthy, tmp_path, how) -> None:
    home = damaged(healthy, tmp_path, how)
    before = (home / DB).read_bytes() if how != "folder" else None
    out = tutor(home, "stats")
    clean(out)
    old = kept(home)
    assert str(old) in out.stderr and "Questions seen" in out.stdout
    if before is not None:
        assert old.read_bytes() == before
    again = tutor(home, "stats")  # mended once: the second run is quiet
    clean(again)
    assert again.stderr == "" and again.stdout == out.stdout


def test_damage_in_the_middle_every_command_works_afterwards(healthy, tmp_path) -> None:
    home = damaged(healthy, tmp_path, "middle")
    export = tutor(home, "progress", "export")
    clean(export)
    assert "damaged" in export.stderr and str(kept(home)) in export.stderr
    saved = len(json.loads(export.stdout)["answers"])
    assert N * 0.8 < saved < N  # one page of answers lost, the rest carried over
    clean(tutor(home, "stats"))
    study = tutor(home, "--plain", "--article", "challenge-meeting", "--length", "1",
                  stdin="Vostochny\n/quit\n")  # fmt: skip
    clean(study)
    after = json.loads(tutor(home, "progress", "export").stdout)["answers"]
    assert len(after) == saved + 1  # the new answer was saved, not lost
    imported = tutor(home, "progress", "import", str(history(tmp_path / "again.json")))
    clean(imported)
    assert f"Imported {N - saved} answer(s)" in imported.stdout  # the lost page comes back
    reset = tutor(home, "progress", "reset", "--yes")
    clean(reset)
    assert f"Questions seen  0/{TOTAL}" in tutor(home, "stats").stdout


def test_reset_of_a_damaged_store_keeps_it_once_and_succeeds(healthy, tmp_path) -> None:
    home = damaged(healthy, tmp_path, "middle")
    before = (home / DB).read_bytes()
    reset = tutor(home, "progress", "reset", "--yes")
    clean(reset)
    (backup,) = home.glob(DB + ".reset-backup-*")
    assert backup.read_bytes() == before and str(backup) in reset.stdout
    assert f"Questions seen  0/{TOTAL}" in tutor(home, "stats").stdout
    assert len(list(home.glob(DB + ".*"))) == 1  # no new copy on each try


def test_the_plain_chat_says_what_happened_before_the_first_question(healthy, tmp_path) -> None:
    home = damaged(healthy, tmp_path, "middle")
    out = tutor(home, "--plain", "--length", "1", stdin="/quit\n")
    clean(out)
    notice = out.stdout.index("damaged")
    assert str(kept(home)) in out.stdout and notice < out.stdout.index("1 of 1")
    assert "will not be saved" not in out.stdout  # mended: this session is saved


def test_a_journal_without_its_database_is_kept_and_read(tmp_path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    script = (
        "import sys, os\n"
        "from pathlib import Path\n"
        "from tutor.store import open_store\n"
        "from tutor.store.transfer import import_file\n"
        "s = open_store(Path(sys.argv[1]))\n"
        "s.conn.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "import_file(s, Path(sys.argv[2]))\n"
        "os._exit(0)  # killed: the history is only in the -wal\n"
    )
    subprocess.run([sys.executable, "-c", script, str(home), str(history(tmp_path / "h.json"))],
                   check=True)  # fmt: skip
    (home / DB).unlink()
    (home / (DB + "-shm")).unlink(missing_ok=True)
    out = tutor(home, "progress", "export")
    clean(out)
    assert "journal" in out.stderr and len(json.loads(out.stdout)["answers"]) == N
    assert list(home.glob(DB + ".orphan-*-wal"))


def _as_other_user() -> list[str] | None:
    """Root writes anywhere: drop to nobody to see a read-only folder as a learner does."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_stats_and_export_read_a_store_in_a_read_only_folder(healthy, request) -> None:
    prefix = _as_other_user()
    if prefix is None:
        pytest.skip("running as root without setpriv")
    top = Path(tempfile.mkdtemp(prefix="tutor-ro-"))  # pytest's own folders are 0700
    request.addfinalizer(lambda: shutil.rmtree(top, ignore_errors=True))
    os.chmod(top, 0o755)
    home = top / "home"
    shutil.copytree(healthy, home, ignore=shutil.ignore_patterns("cache"))
    for p in (home, *home.iterdir()):
        if prefix:
            os.chown(p, 65534, 65534)
        os.chmod(p, 0o500 if p.is_dir() else 0o400)
    env = {**os.environ, "TUTOR_HOME": str(home), "LC_ALL": "C.UTF-8", "HOME": str(top)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, sys.executable, "-m", "tutor", *args],
                              capture_output=True, text=True, env=env)  # fmt: skip

    stats = run("stats")
    clean(stats)
    assert f"Questions seen  {TOTAL}/{TOTAL}" in stats.stdout
    assert "cannot be written" in stats.stderr and "nothing will be saved" in stats.stderr
    export = run("progress", "export")
    clean(export)
    assert len(json.loads(export.stdout)["answers"]) == N
    study = subprocess.run([*prefix, sys.executable, "-m", "tutor", "--plain", "--length", "1"],
                           input="/skip\n/quit\n", capture_output=True, text=True, env=env)  # fmt: skip
    clean(study)
    assert "nothing will be saved" in study.stdout.split("1 of 1")[0]  # said before the question
    assert "Traceback" not in study.stderr
    assert len(json.loads(run("progress", "export").stdout)["answers"]) == N  # nothing written


def test_an_export_file_is_private(healthy, tmp_path) -> None:
    out = tmp_path / "history.json"
    clean(tutor(healthy, "progress", "export", str(out)))
    assert out.stat().st_mode & 0o077 == 0
