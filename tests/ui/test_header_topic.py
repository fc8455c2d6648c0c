"""The line above a question names its first topic only: a further tag can name the answer
(a "which war…" question tagged Ukraine), and the leak lint checks the first one alone."""

from __future__ import annotations

from dataclasses import replace

from tutor.ui.texts import question_parts


def test_the_header_names_the_first_topic_and_no_other(bank) -> None:
    q = replace(bank.get("t-year"), tags=("treaty", "ukraine"))
    header = question_parts(q, bank, 1, 2, "en")[0].text
    assert header.split(" · ")[2] == "treaty"
    assert "Ukraine" not in header and "ukraine" not in header
    ar = question_parts(q, bank, 1, 2, "ar")[0].text
    assert "أوكرانيا" not in ar
