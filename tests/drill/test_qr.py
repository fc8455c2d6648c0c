"""The join address drawn as a QR code: the modules survive the half-block drawing exactly."""

from __future__ import annotations

import segno

from tutor.drill.qr import QUIET, join_url, qr_lines


def test_the_drawn_code_holds_exactly_the_modules_of_the_address():
    url = join_url("192.0.2.7", 8765)
    assert url == "http://192.0.2.7:8765/join"
    lines = qr_lines(url)
    matrix = [[bool(v) for v in row] for row in segno.make(url, error="m", micro=False).matrix]
    size = len(matrix)
    assert all(len(line) == size + 2 * QUIET for line in lines)
    dark = {"█": (False, False), "▀": (False, True), "▄": (True, False), " ": (True, True)}
    rows = []
    for line in lines:
        pairs = [dark[c] for c in line]
        rows += [[p[0] for p in pairs], [p[1] for p in pairs]]
    inner = [row[QUIET : QUIET + size] for row in rows[QUIET : QUIET + size]]
    assert inner == matrix  # light modules are blocks: right on a dark terminal


def test_every_interface_names_this_machine_not_zero():
    assert "0.0.0.0" not in join_url("0.0.0.0", 8765)
