"""The worksheet printed by real headless Chromium: a short worksheet is two pages, questions
then the answer key, because the key starts a page of its own. Skipped without Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tutor.export.worksheet import write_worksheet

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine"),
]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_key_prints_on_its_own_page(tmp_path, bundled, lang):
    page = tmp_path / "sheet.html"
    page.write_bytes(write_worksheet(bundled, bundled.questions[:3], lang, seed=1).data)
    pdf = tmp_path / "sheet.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) == 2
