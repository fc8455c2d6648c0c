"""Banks the export tests share: the bundled one, and a small one with an order question (the
bundled bank has none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.bank import Bank, load_bank

SEED = """---
id: treaty
title: the treaty
label: {ar: "المعاهدة", en: "The treaty"}
---
وقّع البلدان معاهدة الصداقة عام 1961 في موسكو.

ثم وُقّعت معاهدة جديدة عام 2000، وفي عام 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة.
"""

QUESTIONS = """\
article: treaty
questions:
  - id: treaties-order
    type: order
    prompt: {ar: "رتّب المعاهدات من الأقدم", en: "Put the treaties in order, oldest first"}
    answer:
      - {ar: "معاهدة الصداقة", en: "the friendship treaty", accept: ["1961"]}
      - {ar: "المعاهدة الجديدة", en: "the new treaty", accept: ["2000"]}
      - {ar: "الشراكة الاستراتيجية الشاملة", en: "the comprehensive partnership", accept: ["2024"]}
    evidence: "وفي عام 2024 وقّع الزعيمان اتفاقية الشراكة الاستراتيجية الشاملة"
    tags: [treaty]
    difficulty: 2
  - id: special-chars
    type: text
    prompt: {ar: "ما الرمز؟ {أ} = ب", en: "Which sign: a~b = c #1 {x}: y -> z \\\\ w?"}
    answer: {ar: "علامة {=}", en: "sign {=} #2: ~x"}
    evidence: "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو"
    hint: {ar: "تلميح: {}", en: "hint: {} #"}
    explanation: {ar: "شرح = شرح", en: "because a = b; c ~ d"}
    tags: [signs]
    difficulty: 1
  - id: treaty-year
    type: year
    prompt: {ar: "في أي عام وُقّعت معاهدة الصداقة؟", en: "In which year was the friendship treaty signed?"}
    answer: 1961
    evidence: "وقّع البلدان معاهدة الصداقة عام 1961 في موسكو"
    tags: [treaty]
    difficulty: 1
"""


def make_order_bank(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "treaty.txt").write_text(SEED, encoding="utf-8")
    (root / "questions").mkdir()
    (root / "questions" / "q.yaml").write_text(QUESTIONS, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def bundled() -> Bank:
    return load_bank(None)


@pytest.fixture(scope="session")
def order_bank(tmp_path_factory) -> Bank:
    return load_bank(make_order_bank(tmp_path_factory.mktemp("order-bank")))
