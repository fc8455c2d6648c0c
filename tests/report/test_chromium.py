"""The HTML report in real headless Chromium: it lays out (the DOM Chromium builds has the charts
and tables) and renders to a non-blank screenshot, in Arabic and English. Skipped where there is
no Chromium (`apt-get install chromium`)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib

import pytest

from tutor.report.analyse import analyse
from tutor.report.html import html
from tutor.report.load import load_results

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine"),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def distinct_colours(png: bytes) -> int:
    """How many different pixel values a (non-interlaced, 8-bit RGB/RGBA) PNG holds."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, width, height, kind = 8, b"", 0, 0, 0
    while pos < len(png):
        n, tag = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + n]
        if tag == b"IHDR":
            width, height, _, kind = struct.unpack(">IIBB", body[:10])
        elif tag == b"IDAT":
            data += body
        pos += 12 + n
    raw = zlib.decompress(data)
    bpp = 4 if kind == 6 else 3
    stride = width * bpp + 1
    # count colours in raw filtered bytes of a few rows: enough to tell blank from drawn
    return len({raw[y * stride + 1 : (y + 1) * stride] for y in range(0, height, 7)})


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_chromium_renders_the_report(tmp_path, class_dir, bank, lang):
    page = tmp_path / f"report-{lang}.html"
    page.write_text(html(analyse(load_results([class_dir]).rows, bank), lang), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, *FLAGS, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout  # fmt: skip
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in dom
    assert dom.count('class="band"') == 10 and dom.count('class="student') == 30
    shot = tmp_path / f"report-{lang}.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--screenshot={shot}", "--window-size=1000,1400",
                    page.as_uri()], capture_output=True, timeout=120, check=True)  # fmt: skip
    assert distinct_colours(shot.read_bytes()) > 50
