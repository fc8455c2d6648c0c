"""Write many distinct answers to the bundled bank's questions, for benchmarking `tutor grade`.

    .venv/bin/python tests/bench/make_answers.py [--count 100000] [--seed 1] > answers.jsonl

Each line is {"id": …, "answer": …}: a form the bank writes down (either language, an accepted
spelling, an option, a letter) or a wrong one (another question's answer, a listed reject, a
figure or date off by a little), dressed as learners dress answers — a spelling slip, diacritics,
tatweel, bare hamza, Arabic-Indic digits, filler before and after, another case, a figure in
another notation. No two lines are the same (id, answer). Not labelled: for speed, not accuracy.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tutor.bank import load_bank  # noqa: E402
from tutor.bank.model import Localized, PartialDate, Question  # noqa: E402

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
HARAKAT = "\u064e\u064f\u0650\u0652\u0651\u064b"
MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_EG = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
MONTHS_LEV = (
    "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول"
)
PREFIXES = [
    "", "", "", "I think ", "i think it's ", "maybe ", "the answer is ", "It was ", "probably ",
    "أعتقد ", "ربما ", "الجواب هو ", "هو ", "في عام ", "in ", "answer: ", "- ", "> ",
]  # fmt: skip
SUFFIXES = ["", "", "", ".", "?", "!", " .", "؟", " I guess", " على ما أظن", " (not sure)", "..."]
LETTERS_EN, LETTERS_AR = "abcdefgh", "أبجدهوزح"
ONES = "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905


def number_forms(v: float, rng: random.Random) -> list[str]:
    out = [str(v)]
    if float(v).is_integer():
        n = int(v)
        out += [str(n), f"{n:,}", f"{n:,}".replace(",", "٬").translate(AR_DIGITS),
                str(n).translate(AR_DIGITS), f"{n:_}".replace("_", " ")]  # fmt: skip
        if n >= 1000 and n % 1000 == 0:
            k = n // 1000
            out += [f"{k} ألف", f"{k} thousand", f"{k}k", f"{k},000", f"{k} آلاف"]
            if k < len(ONES):
                out += [f"{ONES[k]} thousand"]
        if n >= 1_000_000 and n % 100_000 == 0:
            out += [f"{n / 1e6:g} million", f"{n / 1e6:g} مليون"]
        if n < len(ONES):
            out.append(ONES[n])
    off = v * rng.choice([0.5, 0.9, 1.1, 2, 10]) if v else rng.randint(1, 9)
    out += [f"{off:g}", f"about {v:g}", f"{v:g} or {off:g}"]
    return out


def date_forms(d: PartialDate) -> list[str]:
    en = MONTHS_EN.split()[d.month - 1]
    eg = MONTHS_EG.split()[d.month - 1]
    lev = MONTHS_LEV.split()[d.month - 1].replace("_", " ")
    y = str(d.year)
    if d.day is None:
        return [f"{en} {y}", f"{eg} {y}", f"{lev} {y}", f"{y}-{d.month:02d}", f"{d.month}/{y}",
                f"{eg} {y.translate(AR_DIGITS)}", f"{en} {d.year + 1}", f"{en}"]  # fmt: skip
    day = str(d.day)
    return [f"{day} {en} {y}", f"{en} {day}, {y}", f"{day} {eg} {y}", f"{day} {lev} {y}",
            str(d), f"{day}/{d.month}/{y}", f"{day}.{d.month}.{y}",
            f"{day} {eg} {y}".translate(AR_DIGITS), f"{d.day + 1} {en} {y}",
            f"{day} {en} {d.year - 1}", f"{en} {y}"]  # fmt: skip


def base_forms(q: Question, bank_wrong: dict[str, list[str]], rng: random.Random) -> list[str]:
    """Right forms and wrong ones for `q`, before any dressing."""
    a = q.answer
    forms: list[str] = list(q.accept) + list(q.reject)
    if isinstance(a, Localized):
        forms += a.forms()
    elif q.type == "list":
        items = [i.get(lang) for i in a for lang in ("ar", "en")]
        forms += items
        en = [i.get("en") for i in a]
        ar = [i.get("ar") for i in a]
        forms += [", ".join(en), "، ".join(ar), " and ".join(en), " و".join(ar), ", ".join(en[:-1])]
    elif q.type == "choice":
        for i, c in enumerate(q.choices):
            forms += [*c.forms(), LETTERS_EN[i], LETTERS_AR[i], str(i + 1), f"option {i + 1}"]
    elif q.type == "bool":
        forms += ["yes", "no", "true", "false", "نعم", "لا", "صح", "خطأ", "not true", "yes and no"]
    elif isinstance(a, PartialDate):
        forms += date_forms(a)
    elif isinstance(a, int | float):
        forms += number_forms(a, rng)
    forms += rng.sample(bank_wrong[q.type], min(6, len(bank_wrong[q.type])))  # other answers
    return [f for f in forms if f]


def slip(s: str, rng: random.Random) -> str:
    words = s.split()
    if not words:
        return s
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) < 4:
        return s
    p = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:p] + w[p + 1 :]  # a letter dropped
    elif kind == 1:
        w = w[:p] + w[p + 1] + w[p] + w[p + 2 :]  # two letters swapped
    else:
        w = w[:p] + rng.choice("aeinorstuابتمنيو") + w[p + 1 :]  # one letter wrong
    words[i] = w
    return " ".join(words)


def dress(s: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        s = slip(s, rng)
    elif r < 0.4:
        s = "".join(c + (rng.choice(HARAKAT) if "\u0628" <= c <= "\u064a" and rng.random() < 0.5
                         else "") for c in s)  # fmt: skip
    elif r < 0.45:
        s = s.replace("أ", "ا").replace("إ", "ا").replace("ة", "ه").replace("ى", "ي")
    elif r < 0.5:
        s = s.replace("ا", "ـا", 1)
    elif r < 0.55:
        s = s.translate(AR_DIGITS)
    elif r < 0.65:
        s = rng.choice([str.upper, str.lower, str.title])(s)
    return rng.choice(PREFIXES) + s + rng.choice(SUFFIXES)


def answers(count: int, seed: int) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    bank = load_bank()
    wrong: dict[str, list[str]] = {}
    for q in bank.questions:
        a = q.answer
        text = a.get(rng.choice(["ar", "en"])) if isinstance(a, Localized) else q.answer_text("en")
        wrong.setdefault(q.type, []).append(text)
    bases = {q.id: base_forms(q, wrong, rng) for q in bank.questions}
    ids = list(bases)
    seen: set[tuple[str, str]] = set()
    tries = 0
    while len(seen) < count:
        tries += 1
        if tries > count * 50:
            raise SystemExit(f"only {len(seen)} distinct answers; ask for fewer")
        qid = rng.choice(ids)
        answer = dress(rng.choice(bases[qid]), rng)
        if rng.random() < 0.15:  # a second slip or a second piece of filler
            answer = dress(answer, rng)
        if (qid, answer) in seen or not answer.strip():
            continue
        seen.add((qid, answer))
        yield {"id": qid, "answer": answer}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out = sys.stdout
    for row in answers(args.count, args.seed):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
