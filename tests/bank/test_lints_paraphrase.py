"""The leak lint reads an answer the way a learner would: small figures as words, a yes/no
claim stated elsewhere, stems and synonyms, and connecting questions in every article they quote."""

from __future__ import annotations

from tests.bank.test_lints import make_bank
from tutor.bank import load_bank
from tutor.bank.check import check_bank


def leaks(tmp_path, questions: str) -> list[str]:
    report = check_bank(load_bank(make_bank(tmp_path, questions)), grading_only=False)
    return [str(p) for p in report.problems if p.field == "leak"]


VISITS = """\
  - id: visits
    type: number
    prompt: {ar: "كم مرة زار كيم روسيا؟", en: "How many times did Kim visit Russia?"}
    answer: 2
"""


def other(qid: str, en: str, ar: str = "سؤال آخر") -> str:
    return (
        f'  - id: {qid}\n    type: text\n    prompt: {{en: "Which city?", ar: "أي مدينة؟"}}\n'
        f'    hint: {{en: "{en}", ar: "{ar}"}}\n    answer: {{en: Moscow, ar: موسكو}}\n'
    )


def test_small_figures_written_as_words_beside_what_is_counted_are_leaks(tmp_path):
    for i, (en, ar) in enumerate([
        ("After his two visits to Russia", "سؤال"),
        ("He went twice", "سؤال"),
        ("A question", "بين الزيارتين"),
        ("A question", "زيارتان إلى روسيا"),
    ]):  # fmt: skip
        found = leaks(tmp_path / str(i), VISITS + other("city", en, ar))
        assert any("[visits] leak: the answer ('2')" in w for w in found), (en, ar, found)


def test_a_small_number_word_about_something_else_is_no_leak(tmp_path):
    body = VISITS + other("city", "Two cities signed it, one of them the capital", "دولتان")
    assert not [w for w in leaks(tmp_path, body) if "[visits]" in w]


CLAIM = """\
  - id: claim
    type: bool
    prompt:
      ar: "صح أم خطأ: تسعى روسيا إلى تشديد العقوبات الغربية على كوريا الشمالية."
      en: "True or false: Russia seeks to tighten Western sanctions on North Korea."
    answer: false
"""


def test_a_yes_no_claim_restated_in_another_prompt_is_a_leak(tmp_path):
    restated = other("city", "Moscow does not seek tighter Western sanctions on North Korea")
    found = leaks(tmp_path, CLAIM + restated)
    assert any("[claim] leak: the answer ('its claim" in w and "city (hint)" in w for w in found)
    unrelated = other("city", "The capital where the sanctions committee met")
    assert not [w for w in leaks(tmp_path / "b", CLAIM + unrelated) if "[claim]" in w]


def test_a_yes_no_claim_in_its_own_hint_is_a_leak(tmp_path):
    hinted = CLAIM + '    hint: {en: "Russia does not seek tightened Western sanctions on Korea"}\n'
    assert any("[claim] leak: the answer ('its claim" in w and "its own hint" in w
               for w in leaks(tmp_path, hinted))  # fmt: skip


WORKERS = """\
  - id: workers
    type: text
    prompt: {en: "What does North Korea send to Russia?"}
    answer: {en: "workers", ar: "عمال"}
"""


def test_stemmed_and_synonymous_forms_of_the_answer_are_leaks(tmp_path):
    found = leaks(tmp_path, WORKERS + other("city", "Where do the labourers go?"))
    assert any("[workers] leak: the answer" in w and "city (hint)" in w for w in found), found


def test_a_capital_does_not_give_away_its_country(tmp_path):
    country = (
        '  - id: country\n    type: text\n    prompt: {en: "Which state signed?"}\n'
        '    answer: {en: "North Korea", ar: "كوريا الشمالية"}\n'
    )
    body = country + other("city", "Not Pyongyang", "ليست بيونغ يانغ")
    assert not [w for w in leaks(tmp_path, body) if "[country]" in w]


def test_a_connecting_question_counts_in_every_article_it_quotes(tmp_path):
    year = (
        '  - id: year\n    type: year\n    article: other\n    prompt: {en: "Which year?"}\n'
        "    answer: 1961\n"
    )
    connecting = (
        '  - id: link\n    type: text\n    prompt: {en: "Where was the 1961 treaty signed?"}\n'
        "    answer: {en: Moscow, ar: موسكو}\n"
        '    evidence: [{article: demo, quote: "في موسكو"}, {article: other, quote: "عام 1961"}]\n'
    )
    found = leaks(tmp_path, year + connecting)
    assert any("[year] leak: the answer ('1961')" in w and "link (prompt)" in w for w in found)


def test_an_article_named_in_both_prompts_is_no_shared_claim(tmp_path):
    """Every question of an article may name it; a long quotation is a name, not a claim."""
    title = "'Russia is building a closer alliance with the world's authoritarian regimes'"
    claim = (
        "  - id: claim\n    type: bool\n"
        f'    prompt: {{en: "True or false: the article {title} calls the veto unprecedented."}}\n'
        "    answer: true\n"
    )
    body = claim + other("city", f"In the article {title}, who vetoed?")
    assert not [w for w in leaks(tmp_path, body) if "[claim]" in w]


def test_a_name_is_matched_as_written_not_by_its_stem(tmp_path):
    """«رئيسي» (Raisi) is not «الرئيس» (the president), though the Arabic stemmer makes them one."""
    name = (
        '  - id: raisi\n    type: text\n    prompt: {en: "Which president visited?"}\n'
        '    answer: {ar: "إبراهيم رئيسي", en: "Ebrahim Raisi", accept: ["رئيسي"]}\n'
    )
    body = name + other("city", "The president's city", "مدينة الرئيس")
    assert not [w for w in leaks(tmp_path, body) if "[raisi]" in w]
    written = name + other("city", "Where did Raisi go?", "أين ذهب رئيسي؟")
    assert [w for w in leaks(tmp_path / "b", written) if "[raisi]" in w]


def test_another_choices_options_give_away_a_word_but_not_a_name(tmp_path):
    """Options are on screen: "a bilateral matter" among them tells what Lin Jian called the pact;
    a list of speakers tells no one who is who."""
    nature = (
        '  - id: nature\n    type: text\n    prompt: {en: "What nature of the pact did he stress?"}\n'
        '    answer: {en: "bilateral", ar: "الثنائية"}\n'
    )
    words = choice_q("words", "a bilateral matter", "a historic milestone", "a breakthrough")
    assert any("[nature] leak" in w and "words (options)" in w
               for w in leaks(tmp_path, nature + words))  # fmt: skip
    who = (
        '  - id: who\n    type: text\n    prompt: {en: "Who teaches at Hull?"}\n'
        '    answer: {en: "Robert Dover", ar: "روبرت دوفر"}\n'
    )
    speakers = choice_q("said", "Robert Dover", "Eugene Rumer", "Yun Sun")
    assert not [w for w in leaks(tmp_path / "b", who + speakers) if "[who]" in w]


def choice_q(qid: str, *options: str) -> str:
    opts = ", ".join(f'"{o}"' for o in options)
    return (
        f'  - id: {qid}\n    type: choice\n    prompt: {{en: "Which one?"}}\n'
        f'    choices: [{opts}]\n    answer: "{options[1]}"\n'
    )
