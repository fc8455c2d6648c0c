"""`tutor host` and `tutor join` refuse what they cannot do with a message, never a traceback."""

from __future__ import annotations

import socket

from fakes import BANK_DIR

from tutor.cli import main
from tutor.drill.spec import DrillSpec, dump_spec


def _spec(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(dump_spec(DrillSpec(title="W", seed=1, ids=("t-year",))), encoding="utf-8")
    return path


def _host(tmp_path, *extra):
    data = tmp_path / "data"
    return main(
        ["--bank", str(BANK_DIR), "--data", str(data), "host", str(_spec(tmp_path)), *extra]
    )


def test_a_busy_port_is_said_and_leaves_no_record(tmp_path, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert _host(tmp_path, "--port", str(port)) == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
    assert not list((tmp_path / "data" / "drills").glob("*.sqlite3"))


def test_resume_needs_a_record_and_a_record_needs_resume(tmp_path, capsys):
    assert _host(tmp_path, "--resume") == 1
    assert "nothing to resume" in capsys.readouterr().err
    from tutor.drill.host import host_db_path
    from tutor.drill.ledger import Ledger

    spec = DrillSpec(title="W", seed=1, ids=("t-year",))
    ledger = Ledger(host_db_path(tmp_path / "data", spec), digest=spec.digest, resume=False)
    ledger.add_student("Ali", "tok", "2026-11-30T10:00:00Z")
    ledger.close()
    assert _host(tmp_path) == 1
    assert "--resume` continues it" in capsys.readouterr().err


def test_bad_spec_and_bad_join(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: W\nseed: 1\nquestions: [nope]\n", encoding="utf-8")
    assert main(["--bank", str(BANK_DIR), "host", str(bad)]) == 1
    assert "unknown question id 'nope'" in capsys.readouterr().err
    assert main(["join", "host:port", "--name", "A", "--code", "1"]) == 2
    assert "is not HOST or HOST:PORT" in capsys.readouterr().err
    assert main(["join", "127.0.0.1", "--name", "\x1b[2J", "--code", "1"]) == 2
    assert "control characters" in capsys.readouterr().err
