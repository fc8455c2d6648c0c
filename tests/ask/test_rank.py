"""Ranking and declining, on small banks built here (so that no test depends on how the bundled
bank happens to word a question) and on the bundled articles."""

from __future__ import annotations

import dataclasses

from small_article import ARTICLE

from tutor.ask import search
from tutor.ask.analyze import terms
from tutor.ask.bridge import glossary, lexicon
from tutor.bank import load_bank
from tutor.bank.model import Bank, Localized, Question


def q(qid: str, en: str, ar: str, evidence: str, **kw) -> Question:
    return Question(
        id=qid, type="text", answer=Localized(ar="قازان", en="Kazan"), article="life",
        evidence=evidence, prompt=Localized(ar=ar, en=en), **kw,
    )  # fmt: skip


def bank(*questions: Question) -> Bank:
    return Bank(list(questions), {"life": ARTICLE})


def test_an_english_word_finds_its_arabic_through_texts_the_bank_gives_in_both_languages():
    # "born" is no answer, option or listed term, and the bank's questions that say it are
    # about the factory, not the birth: only their parallel explanations, where it stands
    # beside ولد, carry it across to the sentence that says where he was born.
    said = Localized(
        ar="وُلد الكاتب في قازان، ثم عمل في مصنع للسيارات.",
        en="Born in Kazan, the writer later worked in a car factory.",
    )
    b = bank(
        q("work", "Where did the writer work?", "أين عمل الكاتب؟", "في مصنع للسيارات",
          explanation=said),
        q("make", "What did the factory make?", "ماذا صنع المصنع؟", "في مصنع للسيارات",
          explanation=said, hint=Localized(ar="وُلد الكاتب قبل ذلك.", en="He was born first.")),
    )  # fmt: skip
    assert terms("وُلد")[0] in dict(lexicon(b)["born"])
    found = search(b, "where was the writer born?")
    assert found.answered
    best = found.passages[0]
    assert ARTICLE.text[best.sentence_start : best.sentence_end].startswith("وُلد الكاتب")


def test_a_short_accepted_form_stands_for_the_arabic_form_of_its_size():
    # accept: a bare English word beside a long Arabic phrase and a short Arabic one: the
    # English word must not stand for every word of the long phrase.
    b = bank(
        Question(
            id="study", type="text", article="life", evidence="حيث درس الهندسة",
            answer=Localized(ar="درس الهندسة في جامعة موسكو التقنية", en="engineering at a "
                             "Moscow technical university"),
            accept=("engineering", "الهندسة"),
        )
    )  # fmt: skip
    assert glossary(b)[("engin",)] == tuple(terms("الهندسة"))


def test_a_question_about_what_the_articles_do_not_treat_is_declined():
    # Every word of these is in the articles (a president, South Korea; Kim Jong Un, a year):
    # what they ask is not: no current president named, no date of birth beside his name.
    real = load_bank()
    for question in ("من هو رئيس كوريا الجنوبية الحالي؟", "when was kim jong un born"):
        assert not search(real, question).answered, question


def test_the_passage_covering_the_whole_question_comes_first():
    # "record" trade: the passage with China and Russia's record trade, not the treaty's clause
    # on more trade, which matches "trade" more often.
    found = search(load_bank(), "china russia trade record")
    assert found.answered
    assert "مستوى قياسي" in found.passages[0].text


def test_an_articles_quoted_title_in_prompts_pairs_no_words():
    # Prompts that name the article («لقاء التحدي», 'The defiant meeting') would otherwise make
    # "defiant" stand for every Arabic word they share, and "meeting" for التحدي.
    titled = dataclasses.replace(
        ARTICLE, label=Localized(ar="لقاء التحدي", en="The defiant meeting")
    )
    asked = [
        ("Where did the writer work?", "أين عمل الكاتب؟"),
        ("Where was the writer born?", "أين وُلد الكاتب؟"),
        ("What did the writer study?", "ماذا درس الكاتب؟"),
    ]
    b = Bank(
        [
            q(f"q{i}", f"According to 'The defiant meeting', {en}",
              f"بحسب «لقاء التحدي»، {ar}", "في مصنع للسيارات")
            for i, (en, ar) in enumerate(asked)
        ],
        {"life": titled},
    )  # fmt: skip
    senses = lexicon(b)
    assert "defiant" not in senses
    assert terms("التحدي")[0] not in dict(senses.get("meet", ()))
    assert terms("الكاتب")[0] in dict(senses["writer"])


def test_a_word_finds_its_family_by_its_root():
    # The stemmer leaves معزول and العزلة, زواج and تزوج apart; their root joins them, so a
    # question that says "marriage" reaches the sentence that says "he married".
    from tutor.ask.analyze import root
    from tutor.ask.index import build
    from tutor.ask.ranker import coverage, query

    assert root("معزول") == root("العزله") == root("عزل")
    assert root("اجتمع") == root("يجتمع")
    ix = build(bank(q("life", "Where was the writer born?", "أين ولد الكاتب؟", "في مدينة قازان")))
    married = next(
        i for i, s in enumerate(ix.sentences) if ARTICLE.text[s.start : s.end].startswith("وتزوج")
    )
    assert coverage(ix, query(ix, "زواج الكاتب"), married) > 0


def test_an_arabic_word_is_the_sense_of_the_english_word_it_goes_with_most():
    # شاملة stands beside "treaty" in two prompts, but it is "comprehensive" wherever that is
    # said: it is no sense of "treaty", which keeps معاهدة.
    said = [
        ("What did the comprehensive treaty say?", "ماذا قالت المعاهدة الشاملة؟"),
        ("When was the comprehensive treaty signed?", "متى وقعت المعاهدة الشاملة؟"),
        ("What did the treaty promise?", "بماذا وعدت المعاهدة؟"),
        ("Whom did the treaty bind?", "من ألزمت المعاهدة؟"),
        ("Was the plan comprehensive?", "هل كانت الخطة شاملة؟"),
        ("Was the reform comprehensive?", "هل كان الإصلاح شاملا؟"),
        ("Was the study comprehensive?", "هل كانت الدراسة شاملة؟"),
    ]
    b = bank(*(q(f"q{i}", en, ar, "في مصنع للسيارات") for i, (en, ar) in enumerate(said)))
    senses = lexicon(b)
    assert terms("المعاهدة")[0] in dict(senses["treati"])
    assert terms("الشاملة")[0] not in dict(senses["treati"])
    assert terms("الشاملة")[0] in dict(senses["comprehens"])
