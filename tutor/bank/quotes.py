"""Finding an evidence quote in its article: shared by `tutor check` and the evidence panel.

Kept apart from the checker so that showing a passage does not import the checker's fuzzy
matching at start-up.
"""

from __future__ import annotations

import re

from tutor.bank.model import Article

_WS = re.compile(r"\s+")


def squash(s: str) -> str:
    """Whitespace-insensitive form: the only liberty an evidence quote may take."""
    return _WS.sub(" ", s).strip()


def find_evidence(article: Article, evidence: str) -> int | None:
    """Character offset of `evidence` in the article text (whitespace-insensitive), or None."""
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    m = re.search(pattern, article.text)
    return m.start() if m else None
