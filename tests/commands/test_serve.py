"""`tutor serve` without a browser: the study command it serves carries the learner's options,
and an address it cannot use is said plainly, before anything is served."""

from __future__ import annotations

import shlex
import socket
import sys

import pytest

from tutor.cli import build_parser, main
from tutor.commands.serve import app_command


def served_argv(*argv: str) -> list[str]:
    return shlex.split(app_command(build_parser().parse_args(list(argv))))


def test_study_options_reach_the_served_app_from_either_side_of_serve(tmp_path) -> None:
    data = tmp_path / "a learner's progress"  # a space and a quote: the command goes via a shell
    argv = served_argv(
        "--lang", "ar", "serve", "--data", str(data), "--tag", "treaty", "--article", "a1",
        "--article", "a2", "--difficulty", "2", "--length", "3", "--seed", "7", "--port", "8123",
    )  # fmt: skip
    assert argv[:4] == [sys.executable, "-m", "tutor", "study"]
    rest = argv[4:]
    pairs = list(zip(rest[::2], rest[1::2], strict=True))
    assert sorted(pairs) == sorted([
        ("--data", str(data)), ("--lang", "ar"), ("--tag", "treaty"), ("--article", "a1"),
        ("--article", "a2"), ("--difficulty", "2"), ("--length", "3"), ("--seed", "7"),
    ])  # fmt: skip
    assert rest.index("a1") < rest.index("a2")


def test_options_not_given_are_left_to_study_and_serve_own_options_stay_with_serve() -> None:
    argv = served_argv("serve", "--host", "127.0.0.1", "--port", "8123")
    assert argv[4:] == []


def test_plain_is_refused(capsys) -> None:
    assert main(["serve", "--plain"]) == 2
    assert "--plain" in capsys.readouterr().err


def test_a_port_in_use_is_said_plainly(capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"tutor serve: cannot listen on 127.0.0.1:{port}:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_port_out_of_range_is_a_usage_error(port, capsys) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["serve", "--port", port])
    assert exit.value.code == 2
    assert "--port" in capsys.readouterr().err
