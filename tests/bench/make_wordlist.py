"""Rebuild tutor/grading/data/common-words.txt: the words a spelling slip must not turn into.

    .venv/bin/pip install wordfreq && .venv/bin/python tests/bench/make_wordlist.py

wordfreq is only needed here, not at run time (its wheel is 57 MB; the list is a few hundred KB).
Its data is CC BY-SA 4.0: the list keeps that licence (see the file's header). Words are stored
folded as the grader compares them (tutor.grading.normalize), one a line, English then Arabic.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import wordfreq  # noqa: E402

from tutor.grading.normalize import normalize  # noqa: E402

# Zipf frequency: 3 is about once per million words. Arabic's list is twice as long at the same
# cut (clitics make more word forms), so it needs a higher one for a list of the same size.
CUTS = {"en": 3.0, "ar": 3.5}
OUT = ROOT / "tutor" / "grading" / "data" / "common-words.txt"

HEADER = """\
# Common English and Arabic words, folded as tutor's grader compares them: a typed word on this
# list is a word, so it is never forgiven as a spelling slip of another ("Iraq" for "Iran").
# Derived from wordfreq 3.1 (https://github.com/rspeer/wordfreq), whose data is licensed
# CC BY-SA 4.0 (Robyn Speer and contributors); this list is shared under the same licence.
# Rebuilt by tests/bench/make_wordlist.py: English Zipf >= 3.0, Arabic Zipf >= 3.5.
"""


def main() -> int:
    words: dict[str, None] = {}
    for lang, cut in CUTS.items():
        for w in wordfreq.iter_wordlist(lang):
            if wordfreq.zipf_frequency(w, lang) < cut:
                break
            n = normalize(w)
            if n and " " not in n and not any(c.isdigit() for c in n) and len(n) >= 3:
                words[n] = None
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words, {OUT.stat().st_size // 1024} KB -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
