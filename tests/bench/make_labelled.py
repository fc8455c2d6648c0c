"""Build the labelled answer set (tests/data/labelled.jsonl) from the bundled bank.

    .venv/bin/python tests/bench/make_labelled.py

Each answer is labelled by how it was made, never by the grader: the expected form typed with
diacritics is right, another question's answer is wrong, and so on. The categories follow the
grading issue (spelling habits, typos, filler, family names, figures in every notation, hedges,
pasted passages, Egyptian and Levantine months…). Run again after the bank changes, then review
the diff: the file is committed, and tests/grading/test_labelled.py holds the grader to it.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tutor.bank import load_bank  # noqa: E402
from tutor.bank.model import Localized, PartialDate, Question  # noqa: E402
from tutor.grading.normalize import normalize  # noqa: E402

OUT = ROOT / "tests" / "data" / "labelled.jsonl"
HARAKAT = "\u064e\u064f\u0650\u0652\u0651"
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MONTHS_EG = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()  # noqa: SIM905
MONTHS_LEV = [
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
]  # fmt: skip
MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_EN_L = MONTHS_EN.split()
LETTERS = "abcdefgh"


def decorate(ar: str, rng: random.Random) -> str:
    return "".join(c + (rng.choice(HARAKAT) if "\u0628" <= c <= "\u064a" and rng.random() < 0.6 else "")
                   for c in ar)  # fmt: skip


def bare_hamza(ar: str) -> str:
    return ar.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"}))


def tatweel(ar: str) -> str:
    words = ar.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    w = words[longest]
    if len(w) >= 3 and "\u0628" <= w[1] <= "\u064a":
        words[longest] = w[:2] + "ـــ" + w[2:]
    return " ".join(words)


def typo(en: str, rng: random.Random) -> str | None:
    """One letter changed inside the longest word, when it is long enough to forgive a slip."""
    words = en.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) < 6 or not w.isalpha():
        return None
    pos = rng.randrange(1, len(w) - 1)
    new = rng.choice([c for c in "aeioulnrst" if c != w[pos].lower()])
    words[i] = w[:pos] + new + w[pos + 1 :]
    return " ".join(words)


def text_forms(q: Question) -> tuple[str, ...]:
    a = q.answer
    return (*a.forms(), *q.accept) if isinstance(a, Localized) else ()


def shares_words(a: Question, b: Question) -> bool:
    wa = {w for f in text_forms(a) for w in normalize(f).split() if len(w) > 2}
    wb = {w for f in text_forms(b) for w in normalize(f).split() if len(w) > 2}
    return bool(wa & wb)


def named_in_prompt(other: Question, q: Question) -> bool:
    """Another answer the prompt itself names is context when repeated, not a second candidate."""
    prompt = " ".join(normalize(t) for t in (q.prompt.ar, q.prompt.en) if t) if q.prompt else ""
    words = set(prompt.split())
    return any(w in words for f in text_forms(other) for w in normalize(f).split() if len(w) > 2)


def list_words(q: Question) -> set[str]:
    return {
        w for item in q.answer for f in item.forms() for w in normalize(f).split() if len(w) > 2
    }


def window(article: str, evidence: str, words: int = 28) -> str | None:
    """A pasted passage: the evidence with the article's words around it."""
    flat = re.sub(r"\s+", " ", article)
    ev = re.sub(r"\s+", " ", evidence)
    at = flat.find(ev)
    if at < 0:
        return None
    before = flat[:at].split()[-8:]
    after = flat[at + len(ev) :].split()
    out = [*before, *ev.split(), *after]
    return " ".join(out[: max(words, len(ev.split()) + 12)])


def fmt_num(v: float) -> str:
    return f"{int(v)}" if float(v).is_integer() else f"{v:g}"


def rows_for(q: Question, bank, rng: random.Random) -> list[dict]:
    rows: list[dict] = []

    def add(answer: str | None, label: str, category: str) -> None:
        if answer is not None and answer.strip():
            rows.append({"id": q.id, "answer": answer, "label": label, "category": category})

    same_article = [o for o in bank.questions if o.article == q.article and o is not q]
    rejects = list(q.reject)
    for r in rejects[:2]:
        add(r, "incorrect", "near-miss (bank's reject)")

    if q.type == "text":
        a = q.answer
        assert isinstance(a, Localized)
        add(a.en, "correct", "exact (English)")
        add(a.ar, "correct", "exact (Arabic)")
        if a.ar:
            add(decorate(a.ar, rng), "correct", "Arabic diacritics")
            if bare_hamza(a.ar) != a.ar:
                add(bare_hamza(a.ar), "correct", "hamza and taa marbuta folded")
            add(tatweel(a.ar), "correct", "tatweel")
            add(f"أعتقد أنها {a.ar}", "correct", "filler around the answer")
        if a.en:
            add(f"I think it is {a.en}", "correct", "filler around the answer")
            add(typo(a.en, rng), "correct", "spelling slip")
        for acc in q.accept[:2]:
            add(acc, "correct", "other accepted form")
        others = [
            o for o in same_article
            if o.type == "text" and not shares_words(q, o) and not named_in_prompt(o, q)
        ]  # fmt: skip
        rng.shuffle(others)
        for o in others[:2]:
            oa = o.answer
            assert isinstance(oa, Localized)
            add(oa.get(rng.choice(["ar", "en"])), "incorrect", "another question's answer")
        if others and a.en:
            oa = others[0].answer
            add(f"{a.en} and {oa.get('en')}", "incorrect", "adds another candidate")
        if others and a.ar:
            oa = others[-1].answer
            add(f"{a.ar} أو {oa.get('ar')}", "incorrect", "hedge (two answers)")
        art = bank.articles.get(q.article) if q.article else None
        if art is not None and q.evidence:
            add(window(art.text, q.evidence), "incorrect", "pasted passage")

    elif q.type in ("number", "year"):
        v = q.answer
        assert isinstance(v, int | float)
        s = fmt_num(v)
        add(s, "correct", "figure as digits")
        add(s.translate(AR_DIGITS), "correct", "Arabic-Indic digits")
        if q.type == "year":
            add(f"في عام {s.translate(AR_DIGITS)}", "correct", "filler around the answer")
            add(f"in {s}", "correct", "filler around the answer")
            near = s[:2] + str((int(s[2]) + 3) % 10) + s[3:] if len(s) == 4 else str(int(v) + 1)
            add(near, "incorrect", "near figure")
            add(f"{s} or {int(v) + 6}", "incorrect", "hedge (two answers)")
        else:
            if v >= 1000:
                add(f"{int(v):,}", "correct", "thousands separators")
                add(
                    f"{int(v):,}".replace(",", "٬").translate(AR_DIGITS),
                    "correct",
                    "thousands separators",
                )
            if v >= 1000 and v % 1000 == 0 and v < 1_000_000:
                add(f"{fmt_num(v / 1000)} ألف", "correct", "multiplier word")
                add(f"{fmt_num(v / 1000)} thousand", "correct", "multiplier word")
            if v >= 1_000_000 and v % 100_000 == 0:
                add(f"{fmt_num(v / 1_000_000)} مليون", "correct", "multiplier word")
                add(f"{fmt_num(v / 1_000_000)} million", "correct", "multiplier word")
            add(f"حوالي {s}", "correct", "filler around the answer")
            add(f"more than {s}", "correct", "filler around the answer")
            add(fmt_num(v * 10), "incorrect", "near figure")
            add(fmt_num(v + 1 if v < 20 else round(v * 1.2)), "incorrect", "near figure")
            add(f"{s} or {fmt_num(v + 2)}", "incorrect", "hedge (two answers)")
        for acc in q.accept[:2]:
            add(acc, "correct", "number words")

    elif q.type == "date":
        d = q.answer
        assert isinstance(d, PartialDate)
        eg, lev, en = MONTHS_EG[d.month - 1], MONTHS_LEV[d.month - 1], MONTHS_EN_L[d.month - 1]
        wrong_m = d.month % 12 + 1
        if d.day is None:
            add(f"{eg} {d.year}", "correct", "date, Egyptian month")
            add(f"{lev} {str(d.year).translate(AR_DIGITS)}", "correct", "date, Levantine month")
            add(f"{en} {d.year}", "correct", "date, English month")
            add(f"{d.month}/{d.year}", "correct", "date, numeric")
            add(f"{MONTHS_LEV[wrong_m - 1]} {d.year}", "incorrect", "date, wrong month")
            add(f"{en} {d.year + 1}", "incorrect", "date, wrong year")
        else:
            add(f"{d.day} {eg} {d.year}", "correct", "date, Egyptian month")
            add(f"{d.day} {lev} {d.year}".translate(AR_DIGITS), "correct", "date, Levantine month")
            add(f"{en} {d.day}, {d.year}", "correct", "date, English month")
            add(f"{d.day}/{d.month}/{d.year}", "correct", "date, numeric")
            add(str(d), "correct", "date, numeric")
            add(f"{d.day % 28 + 1} {eg} {d.year}", "incorrect", "date, wrong day")
            add(f"{d.day} {MONTHS_EN_L[wrong_m - 1]} {d.year}", "incorrect", "date, wrong month")
            add(f"{d.day} {lev} {d.year - 1}", "incorrect", "date, wrong year")

    elif q.type == "list":
        items = q.answer
        assert isinstance(items, tuple)
        need = q.needed
        add(", ".join(i.get("en") for i in items[:need]), "correct", "list, all named")
        add(" و".join(i.get("ar") for i in items[:need]), "correct", "list, all named")
        if need >= 2:
            add(items[0].get("en"), "partial", "list, some named")
            add(items[-1].get("ar"), "partial", "list, some named")
        mine = list_words(q)
        others = [
            o for o in same_article
            if o.type == "text"
            and not mine & {w for f in text_forms(o) for w in normalize(f).split()}
        ]  # fmt: skip
        rng.shuffle(others)
        wrong = [o.answer.get("en") for o in others[:2] if isinstance(o.answer, Localized)]
        if wrong:
            add(", ".join(wrong), "incorrect", "list, none named")

    elif q.type == "choice":
        idx = q.answer
        assert isinstance(idx, int)
        n = len(q.choices)
        add(LETTERS[idx], "correct", "choice by letter")
        add(str(idx + 1), "correct", "choice by number")
        add(q.choices[idx].get("en"), "correct", "choice by text")
        add(q.choices[idx].get("ar"), "correct", "choice by text")
        wrong = (idx + 1) % n
        add(LETTERS[wrong], "incorrect", "choice, wrong option")
        add(q.choices[wrong].get("ar"), "incorrect", "choice, wrong option")
        add(f"{LETTERS[idx]} or {LETTERS[wrong]}", "incorrect", "hedge (two answers)")

    elif q.type == "bool":
        yes = bool(q.answer)
        add("yes" if yes else "no", "correct", "yes/no")
        add("نعم" if yes else "لا", "correct", "yes/no")
        add("صح" if yes else "خطأ", "correct", "yes/no")
        add("no" if yes else "yes", "incorrect", "yes/no, wrong")
        add("خطأ" if yes else "صحيح", "incorrect", "yes/no, wrong")

    return rows


def main() -> int:
    rng = random.Random(7)
    bank = load_bank()
    rows: list[dict] = []
    for q in bank.questions:
        rows += rows_for(q, bank, rng)
    for q in rng.sample(bank.questions, 6):
        for a in ("لا أعرف", "I don't know", "ما بعرف"):
            rows.append({"id": q.id, "answer": a, "label": "incorrect", "category": "no answer"})
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    wrong = sum(r["label"] == "incorrect" for r in rows)
    print(f"{len(rows)} answers, {wrong / len(rows):.0%} wrong → {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
