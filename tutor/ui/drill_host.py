"""The teacher's screen for a live drill (Textual): the roster with scores and who has answered,
the question's clock, what happens (joins, drops, reveals), and a command line that takes the
console's commands (start, next, pause, extend S, skip, reveal, accept N, roster, export, quit).

It drives the same Host and the same Console commands as line mode (tutor.drill.console); it
never grades. Names and answers are student text: shown as Text, never as markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Input, RichLog, Static

from tutor.bank.model import has_arabic
from tutor.display.safe import sanitize
from tutor.drill.console import Console
from tutor.drill.host import Host
from tutor.drill.qr import join_url, qr_lines

_ARABIC_RUN = re.compile(r"[\u0600-\u06ff](?:[\u0600-\u06ff\s]*[\u0600-\u06ff])?")


class _LogOut:
    """What Console writes, into the log (sanitized, as plain Text)."""

    def __init__(self, app: HostApp) -> None:
        self.app = app

    def say(self, text: str = "") -> None:
        self.app.log_line(text)

    def read(self, timeout: float | None = None) -> None:  # the Input widget reads instead
        return None


class HostApp(App[int]):
    CSS = """
    #status { height: 1; padding: 0 1; background: $boost; }
    #body { height: 1fr; }
    #roster { width: 46; }
    #log { width: 1fr; border-left: solid $primary; }
    #command { dock: bottom; }
    """
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit_drill", "end the drill")]

    def __init__(
        self, host: Host, *, listen: str = "127.0.0.1", port: int = 0,
        export: Path | None = None, greeting: tuple[str, ...] = (), bidi: str = "app",
    ) -> None:  # fmt: skip
        super().__init__()
        self.host = host
        self.listen, self.port_wanted = listen, port
        self.greeting = greeting
        self.bidi = bidi  # app: this screen draws Arabic right to left; terminal: it does
        self.commands = Console(host, _LogOut(self), export)  # type: ignore[arg-type]
        host.say = self.log_line
        self.port: int | None = None
        self.failure: OSError | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="body"):
            yield DataTable(id="roster", cursor_type="none", zebra_stripes=True)
            yield RichLog(id="log", wrap=True, markup=False, highlight=False)
        yield Input(placeholder="start · next · pause · extend S · skip · reveal · accept N · quit",
                    id="command")  # fmt: skip
        yield Footer()

    async def on_mount(self) -> None:
        table = self.query_one("#roster", DataTable)
        table.add_columns("student", "here", "score", "this question")
        try:
            self.port = await self.host.serve(self.listen, self.port_wanted)
        except OSError as e:  # said by `tutor host` once the screen is gone
            self.failure = e
            await self.host.stop()
            self.exit(1)
            return
        h = self.host
        self.title = f"tutor host — {h.spec.title}"
        self.log_line(f"listening on {self.listen}:{self.port}; students join with: "
                      f"tutor join HOST:{self.port} --name NAME --code {h.code}")  # fmt: skip
        url = join_url(self.listen, self.port)
        self.log_line(f"or in a browser: {url}  (code {h.code})")
        for line in qr_lines(url):
            self.query_one("#log", RichLog).write(Text(line))
        for line in self.greeting:
            self.log_line(line)
        self.log_line("type help for the commands, start to begin")
        self.refresh_view()
        self.set_interval(0.5, self.refresh_view)
        self.query_one("#command", Input).focus()

    def log_line(self, text: str = "") -> None:
        """One message into the log; with bidi "app", Arabic lines drawn right to left and
        shaped (tutor.display.bidi), wrapped to the log's width first."""
        log = self.query_one("#log", RichLog)
        width = max(log.scrollable_content_region.width - 1, 20)
        for line in sanitize(text).split("\n"):
            if self.bidi == "app" and has_arabic(line):
                try:
                    from tutor.display.bidi import visual_lines

                    # a line the host wrote ("  9. يوسف  3") keeps its left-to-right frame;
                    # only a line that opens in Arabic (a passage, a name alone) is right to left
                    first = line.lstrip()[:1]
                    rtl = None if first.isalpha() else False
                    if rtl is False:  # each Arabic run isolated, so "3" stays after the name
                        line = _ARABIC_RUN.sub(lambda m: f"\u2068{m[0]}\u2069", line)
                    for shown in visual_lines(line, width, rtl=rtl):
                        log.write(Text(shown.rstrip() if not shown.startswith(" ") else shown))
                    continue
                except Exception:  # a display bug must not stop the drill: logical order reads
                    pass
            log.write(Text(line))

    def refresh_view(self) -> None:
        h = self.host
        done, n = h.answered()
        if h.ended:
            where = "the drill is over"
        elif h.current < 0:
            where = "not started"
        else:
            where = f"question {h.current + 1}/{len(h.questions)}"
            left = h.time_left()
            if h.paused:
                where += " · paused"
            elif not h.open:
                where += " · closed"
            if left is not None:
                where += f" · {left:.0f} s left"
            where += f" · {done}/{n} answered"
        status = f"code {h.code} · port {self.port} · {n} student(s) · {where}"
        self.query_one("#status", Static).update(Text(status))
        table = self.query_one("#roster", DataTable)
        table.clear()
        qid = h.ids[h.current] if h.current >= 0 else None
        for name, score in h.leaderboard():
            st = h.students[name]
            seat = st.seats.get(qid) if qid else None
            mark = "—"
            if seat is not None and seat.final and seat.last is not None:
                mark = seat.last.verdict
            elif seat is not None and seat.attempts:
                mark = f"{seat.attempts} tries"
            table.add_row(Text(self._shown(name)), "yes" if st.online else "no", f"{score:g}", mark)

    def _shown(self, name: str) -> str:
        """A student's name for one table cell: shaped and right to left when Arabic."""
        name = sanitize(name)
        if self.bidi != "app" or not has_arabic(name):
            return name
        try:
            from tutor.display.bidi import cells, visual_lines

            return visual_lines(name, cells(name) + 1)[0].strip()
        except Exception:
            return name

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        line = event.value.strip()
        event.input.value = ""
        if not line:
            return
        self.log_line(f"> {line}")
        go_on = await self.commands.command(line)
        self.refresh_view()
        if not go_on:
            await self.host.stop()
            self.exit(0)

    async def action_quit_drill(self) -> None:
        await self.on_input_submitted(Input.Submitted(self.query_one("#command", Input), "quit"))
