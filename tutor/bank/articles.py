"""Loading the source articles: plain UTF-8 text with optional YAML front matter for metadata.

A teacher's own articles need no front matter: the file name is the id and the first line the title.
"""

from __future__ import annotations

from pathlib import Path

from tutor.bank.model import Article, Localized
from tutor.bank.problems import Problem
from tutor.bank.yamlio import YamlProblem, compose, construct

ARTICLE_SUFFIXES = (".txt", ".md")
META_FIELDS = {"id", "title", "label", "outlet", "date", "language", "source_file", "notes"}


def load_article(path: Path) -> tuple[Article | None, list[Problem]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return None, [Problem(path, None, f"not UTF-8 text ({e.reason} at byte {e.start})")]
    meta: dict = {}
    body, body_line = raw, 1
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end < 0:
            return None, [Problem(path, 1, "front matter opened with '---' is never closed")]
        head = raw[4 : end + 1]
        body = raw[end + 5 :]
        body_line = head.count("\n") + 3
        try:
            node = compose(head)
            meta = construct(node) if node is not None else {}
        except YamlProblem as e:
            return None, [Problem(path, (e.line or 0) + 1, f"front matter: {e.message}")]
        if not isinstance(meta, dict):
            return None, [Problem(path, 2, "front matter must be a mapping of fields")]
    problems = [
        Problem(path, None, f"unknown front-matter field {k!r}", field=str(k))
        for k in meta
        if k not in META_FIELDS
    ]
    label = meta.get("label")
    if isinstance(label, dict):
        label = Localized(ar=label.get("ar"), en=label.get("en"))
    elif isinstance(label, str):
        label = Localized.of(label)
    else:
        label = None
    first_line = next((ln.strip() for ln in body.splitlines() if ln.strip()), path.stem)
    article = Article(
        id=str(meta.get("id") or path.stem),
        text=body,
        title=str(meta.get("title") or first_line),
        label=label,
        outlet=str(meta.get("outlet") or "unknown"),
        date=str(meta.get("date") or "unknown"),
        language=str(meta.get("language") or "ar"),
        notes=str(meta.get("notes") or ""),
        path=path,
        body_line=body_line,
    )
    if article.id != path.stem:
        problems.append(
            Problem(
                path, 2, f"id {article.id!r} differs from the file name {path.stem!r}", field="id"
            )
        )
    return article, problems


def load_articles(folder: Path | None) -> tuple[dict[str, Article], list[Problem]]:
    """Every article in `folder`, by id."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    if folder is None or not folder.is_dir():
        return articles, problems
    for path in sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES):
        if path.name.lower() == "readme.md":
            continue
        article, found = load_article(path)
        problems += found
        if article is not None:
            articles[article.id] = article
    return articles, problems
