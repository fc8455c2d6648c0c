"""`tutor ask`: a question about the articles, answered with the passages that answer it.

A public contract (scripts read --json): {"question", "answered", "passages": [{"article",
"title", "date", "text", "start", "end", "sentence": {"start", "end"}, "score", "questions"}]},
passages best first, `text` being the article's own characters [start, end). When nothing scores
high enough, "answered" is false and "passages" empty; the exit status is then 1 (as grep's is
when nothing matched), 0 when answered, 2 when the question is empty or the bank cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys

from tutor.commands.common import add_bidi_argument, bidi_of, load_or_report, positive

HELP = "answer a question about the articles with the passages that answer it"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "question", nargs="*", metavar="QUESTION", help="the question (Arabic or English)"
    )
    p.add_argument("--json", action="store_true", help="print JSON (the public contract)")
    p.add_argument(
        "--lang", choices=("ar", "en"), default=None,
        help="language of titles and messages (default: the question's)",
    )  # fmt: skip
    p.add_argument(
        "--k", type=positive, default=3, metavar="N", help="at most N passages (default: 3)"
    )
    add_bidi_argument(p)


def run(args: argparse.Namespace) -> int:
    question = " ".join(args.question).strip()
    if not question:
        print("tutor ask: give a question, e.g. tutor ask 'when was the treaty signed?'",
              file=sys.stderr)  # fmt: skip
        return 2
    bank = load_or_report(args)
    if bank is None:
        return 2
    from tutor.ask import search
    from tutor.ask.answer import say
    from tutor.bank.model import has_arabic

    lang = args.lang or ("ar" if has_arabic(question) else "en")
    result = search(bank, question, k=args.k)
    if args.json:
        out = {
            "question": question,
            "answered": result.answered,
            "passages": [
                {
                    "article": p.article,
                    "title": bank.articles[p.article].display_title(lang),
                    "date": bank.articles[p.article].date,
                    "text": p.text,
                    "start": p.start,
                    "end": p.end,
                    "sentence": {"start": p.sentence_start, "end": p.sentence_end},
                    "score": p.score,
                    "questions": list(p.questions),
                }
                for p in result.passages
            ],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0 if result.answered else 1
    lines: list[str] = []
    if not result.answered:
        lines.append(say("none", lang))
    for i, p in enumerate(result.passages, 1):
        article = bank.articles[p.article]
        date = article.date if article.date != "unknown" else say("date_unknown", lang)
        lines += [
            f"{i}. {article.display_title(lang)} ({date}) [{p.article} {p.start}–{p.end}, "
            f"{p.score:.2f}]",
            "   " + " ".join(p.text.split()),
        ]
    from tutor.display.report import write_report

    write_report("\n".join(lines), bidi_of(args))
    return 0 if result.answered else 1
