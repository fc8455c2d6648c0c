"""Launch-to-first-question and Enter-to-verdict, measured in a real terminal (tmux), against a
minimal Textual app that shows one line, measured the same way. Also peak memory (ru_maxrss).

    .venv/bin/python tests/bench/bench_startup.py [--runs 7]
    PYTHONPATH=OTHER .venv/bin/python OTHER/tests/bench/bench_startup.py   # another checkout

Not a test (tests/bench is not collected): it prints figures for the report. Targets from issue 5:
launch ratio ≤ 1.5, Enter-to-verdict < 50 ms.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "tests" / "data" / "engine_bank"
PY = sys.executable
SESSION = f"tutor-bench-{os.getpid()}"  # several developers may measure at once


def _child_minimal() -> None:
    from textual.app import App
    from textual.widgets import Static

    class One(App):
        def compose(self):
            yield Static("READY one line")

    One().run()


def _child_echo() -> None:
    """The floor for Enter-to-verdict: an Input whose Enter writes one word."""
    from textual.app import App
    from textual.widgets import Input, Static

    class Echo(App):
        def compose(self):
            yield Static("1 of 2", id="out")
            yield Input()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.query_one("#out", Static).update("Correct")

    Echo().run()


def _child_tutor() -> None:
    from tutor.bank.load import load_bank
    from tutor.engine.session import RoundSpec, Session
    from tutor.ui.app import run_app

    bank = load_bank(BANK)
    order = [bank.get("t-year"), bank.get("t-dover")]
    run_app(
        bank=bank, make_session=lambda spec: Session(bank, spec, questions=order),
        spec=RoundSpec(length=2), lang="en", bidi="app",
    )  # fmt: skip


def _child_cli() -> None:
    """The real command on the bundled bank: CLI, bank loading, the store and its picker."""
    from tutor.cli import main

    main(["--lang", "en"])


def _child(kind: str) -> None:
    try:
        {"tutor": _child_tutor, "echo": _child_echo, "minimal": _child_minimal,
         "cli": _child_cli}[kind]()  # fmt: skip
    finally:
        out = os.environ.get("BENCH_RSS_OUT")
        if out:
            Path(out).write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def _wait_for(marker: str, timeout: float = 20.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if marker in _tmux("capture-pane", "-p", "-t", SESSION):
            return time.perf_counter()
        time.sleep(0.002)
    raise TimeoutError(marker)


def _launch(kind: str, rss_file: str) -> float:
    env = f"BENCH_RSS_OUT={shlex.quote(rss_file)} "
    for name in ("PYTHONPATH", "TUTOR_HOME"):  # a running tmux server would not pass them on
        if os.environ.get(name):
            env += f"{name}={shlex.quote(os.environ[name])} "
    cmd = f"{env}{shlex.quote(PY)} {shlex.quote(__file__)} --child {kind}"
    _tmux("kill-session", "-t", SESSION)
    t0 = time.perf_counter()
    _tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", cmd)
    return t0


def measure(kind: str, marker: str, verdict: bool) -> tuple[float, float | None, int]:
    with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as f:
        rss_file = f.name
    t0 = _launch(kind, rss_file)
    first = _wait_for(marker) - t0
    enter = None
    if verdict:
        time.sleep(0.3)
        _tmux("send-keys", "-t", SESSION, "-l", "1961")
        time.sleep(0.2)
        t1 = time.perf_counter()
        _tmux("send-keys", "-t", SESSION, "Enter")
        enter = _wait_for("Correct") - t1
    _tmux("send-keys", "-t", SESSION, "C-q")
    for _ in range(500):
        if Path(rss_file).stat().st_size:
            break
        time.sleep(0.01)
    rss = int(Path(rss_file).read_text() or 0)
    os.unlink(rss_file)
    _tmux("kill-session", "-t", SESSION)
    return first, enter, rss


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--child", choices=["tutor", "minimal", "echo", "cli"])
    a = p.parse_args()
    if a.child:
        _child(a.child)
        return
    # pip compiles an installed package's bytecode; an editable install writes it on first run,
    # unless PYTHONDONTWRITEBYTECODE is set (it is on some machines, where every start would then
    # compile tutor from source while Textual's bytecode is cached). Measure what users get.
    compileall.compile_dir(ROOT / "tutor", quiet=1)
    mins, tuts, enters, rss_min, rss_tut, echoes = [], [], [], [], [], []
    firsts: list[float] = []
    clis: list[float] = []
    rss_cli: list[int] = []
    for _ in range(a.runs):
        f, _, r = measure("minimal", "READY one line", verdict=False)
        mins.append(f)
        rss_min.append(r)
        f, e, r = measure("tutor", "1 of 2", verdict=True)
        tuts.append(f)
        enters.append(e)
        rss_tut.append(r)
        echoes.append(measure("echo", "1 of 2", verdict=True)[1])
        with tempfile.TemporaryDirectory() as home:
            os.environ["TUTOR_HOME"] = home  # the first run ever: no store, no bank cache
            f, _, r = measure("cli", "1 of 10", verdict=False)
            firsts.append(f)
            rss_cli.append(r)
            f, _, r = measure("cli", "1 of 10", verdict=False)  # every later start
            clis.append(f)
            rss_cli.append(r)
    m, t = statistics.median(mins), statistics.median(tuts)
    print(f"runs: {a.runs} (medians; tmux polled every 2 ms)")
    print(f"minimal Textual app, launch to its line: {m * 1000:.0f} ms")
    print(f"tutor, launch to first question:         {t * 1000:.0f} ms")
    print(f"ratio: {t / m:.2f} (target <= 1.5)")
    print(f"Enter to verdict on screen: {statistics.median(enters) * 1000:.1f} ms "
          f"(min {min(enters) * 1000:.1f}, target < 50)")  # fmt: skip
    print(
        f"  floor, a bare Input whose Enter writes one word: {statistics.median(echoes) * 1000:.1f} ms"
    )
    c, c1 = statistics.median(clis), statistics.median(firsts)
    print(f"`tutor` (bundled bank), launch to first question: {c * 1000:.0f} ms, "
          f"ratio {c / m:.2f}; the first start ever (no store, no bank cache): "
          f"{c1 * 1000:.0f} ms, ratio {c1 / m:.2f}")  # fmt: skip
    print(f"peak RSS: tutor {max(rss_tut) / 1024:.1f} MiB, `tutor` {max(rss_cli) / 1024:.1f} MiB, "
          f"minimal {max(rss_min) / 1024:.1f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
