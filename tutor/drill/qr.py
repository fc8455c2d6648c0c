"""The join address as a QR code drawn in the terminal, for students' phones to scan off the
projector. segno makes the code; this only draws its modules two rows to a line with half blocks,
light modules as blocks so that it reads right on a dark terminal (the usual projector setup)."""

from __future__ import annotations

import socket

QUIET = 2  # light modules around the code; scanners need some


def join_url(listen: str, port: int) -> str:
    """The address students type or scan: the listening address, or this machine's own name's
    address when it listens on every interface."""
    host = listen
    if listen in ("0.0.0.0", "::", ""):
        try:
            host = socket.gethostbyname(socket.gethostname())
        except OSError:
            host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/join"


def qr_lines(text: str) -> list[str]:
    """`text` as a QR code in half-block characters, one line per two rows of modules."""
    import segno  # only when a drill is hosted

    code = segno.make(text, error="m", micro=False)
    rows = [[bool(v) for v in row] for row in code.matrix]
    size = len(rows[0])
    blank = [False] * (size + 2 * QUIET)
    rows = [blank] * QUIET + [[False] * QUIET + r + [False] * QUIET for r in rows] + [blank] * QUIET
    if len(rows) % 2:
        rows.append(blank)
    glyph = {(False, False): "█", (False, True): "▀", (True, False): "▄", (True, True): " "}
    return ["".join(glyph[(a, b)] for a, b in zip(top, bottom, strict=True))
            for top, bottom in zip(rows[::2], rows[1::2], strict=True)]  # fmt: skip
