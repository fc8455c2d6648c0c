"""`tutor stats` and `tutor check` print Arabic that reads right to left, joined, on a terminal
that does no bidi (xterm), and in logical order into a pipe (scripts, screen readers)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.bank import load_bank
from tutor.display.bidi import visual_lines
from tutor.display.report import report_lines, report_mode

HEADING = "حسب المقالة"  # the stats report's "By article"
SEEN = f"الأسئلة التي رأيتها: 0 من {len(load_bank().questions)}"  # the bundled bank


def drawn(text: str) -> str:
    """`text` as the chat draws it: shaped, in visual order."""
    (line,) = visual_lines(text, 200)
    return line.strip()


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KONSOLE_VERSION", "MLTERM")}
    return {**env, "TUTOR_HOME": str(home), "LC_ALL": "C.UTF-8", "TERM": "xterm",
            "COLUMNS": "100", **extra}  # fmt: skip


def piped(home: Path, *args: str, **extra: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "tutor", *args], capture_output=True, text=True,
        env=env_for(home, **extra), encoding="utf-8",
    )  # fmt: skip
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


def on_a_terminal(home: Path, *args: str, **extra: str) -> str:
    """Run tutor with its stdout on a pseudo-terminal, as in xterm; what it wrote."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tutor", *args], stdout=follower, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, env=env_for(home, **extra),
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_stats_in_arabic_on_a_terminal_reads_right_to_left_joined(tmp_path):
    out = on_a_terminal(tmp_path, "stats", "--lang", "ar")
    assert drawn(HEADING) in out and HEADING not in out
    assert drawn(SEEN.split(":")[0]) in out


def test_stats_in_arabic_into_a_pipe_stays_in_logical_order(tmp_path):
    out = piped(tmp_path, "stats", "--lang", "ar")
    assert HEADING in out and SEEN in out and drawn(HEADING) not in out


@pytest.mark.parametrize(
    ("args", "extra", "visual"),
    [
        pytest.param(["--bidi", "terminal"], {}, False, id="told_terminal"),
        pytest.param([], {"KONSOLE_VERSION": "230800"}, False, id="konsole_reorders_itself"),
        pytest.param(["--bidi", "app"], {"KONSOLE_VERSION": "230800"}, True, id="told_app"),
    ],
)
def test_stats_bidi_option_on_a_terminal(tmp_path, args, extra, visual):
    out = on_a_terminal(tmp_path, "stats", "--lang", "ar", *args, **extra)
    assert (drawn(HEADING) in out) is visual and (HEADING in out) is not visual


def test_bidi_app_before_the_command_and_in_a_pipe(tmp_path):
    out = piped(tmp_path, "--bidi", "app", "stats", "--lang", "ar")
    assert drawn(HEADING) in out


def test_check_summary_draws_an_arabic_tag_on_a_terminal(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "demo.txt").write_text("وقّع البلدان معاهدة الصداقة عام 1961.\n")
    (tmp_path / "q.yaml").write_text(
        "article: demo\nquestions:\n"
        '  - {id: a, type: year, answer: 1961, prompt: "When?", evidence: "عام 1961",'
        " tags: [معاهدات, تاريخ]}\n"
        '  - {id: b, type: year, answer: 1961, prompt: "Year?", evidence: "عام 1961",'
        " tags: [معاهدات]}\n",
        encoding="utf-8",
    )
    bank = str(tmp_path / "q.yaml")
    out = on_a_terminal(tmp_path, "check", "--bank", bank)
    # each name beside its own count, left to right like the rest of the line
    assert f"per tag: {drawn('تاريخ')} 1, {drawn('معاهدات')} 2" in out and "clean" in out
    assert "per tag: تاريخ 1, معاهدات 2\n" in piped(tmp_path, "check", "--bank", bank)


def test_report_mode_and_lines():
    class Tty:
        def isatty(self) -> bool:
            return True

    class Pipe:
        def isatty(self) -> bool:
            return False

    assert report_mode("auto", Tty(), {"TERM": "xterm"}) == "app"
    assert report_mode("auto", Tty(), {"TERM": "xterm", "KONSOLE_VERSION": "1"}) == "terminal"
    assert report_mode("auto", Pipe(), {"TERM": "xterm"}) == "terminal"
    assert report_mode("app", Pipe()) == "app"
    assert report_lines("سلام\x1b[2J", "terminal") == ["سلام�[2J"]
    assert report_lines("سلام", "app", 10) == ["       ﻡﻼﺳ"]  # lam-alef: one cell


def test_drawn_arabic_topic_rows_line_up(tmp_path):
    """A lam-alef pair is drawn in one cell: names are padded as drawn, so the figures of
    'الاقتصاد' stand in the same column as those of 'الصين'."""
    out = piped(tmp_path, "stats", "--lang", "ar", "--bidi", "app")
    rows = [line for line in out.splitlines() if "/" in line and "0/" in line]
    assert len(rows) > 5
    assert len({row.index("/") for row in rows[-12:]}) == 1, "\n".join(rows)
