"""Reading what an answer means: a fragment that names one option, opposites that turn an option
round, denials that cancel out, positions in words. Both languages, with near misses that must
stay wrong. Questions are invented (not the bank's), so no rule can lean on one bank answer."""

from __future__ import annotations

import pytest
from grading.build import loc

from tutor.bank.model import Question
from tutor.grading import grade
from tutor.grading.polarity import polarity


def pick(prompt: tuple[str, str], *options: tuple[str, str], answer: int) -> Question:
    return Question(
        "c", "choice", answer, prompt=loc(*prompt), choices=tuple(loc(*o) for o in options)
    )


ARMS = pick(
    ("ماذا يملك البلد مما قد يفيد حليفه؟", "What does the country have that its ally could use?"),
    ("آلاف الدبابات الحديثة", "thousands of modern tanks"),
    ("أسطول من الطائرات المقاتلة", "a fleet of fighter jets"),
    ("ملايين من قذائف المدفعية", "millions of artillery shells"),
    ("أقمار صناعية للاستطلاع", "reconnaissance satellites"),
    answer=2,
)
PEAK = pick(
    ("ما ذروة اللقاء؟", "What was the peak of the meeting?"),
    ("توقيع معاهدة دفاع مشترك", "the signing of a mutual defence treaty"),
    ("اتفاقية تجارة حرة بين البلدين", "a free-trade agreement between the two"),
    ("اتفاقيات بشأن إطلاق الأقمار الصناعية", "agreements on launching satellites"),
    answer=2,
)
SIGNED = pick(
    ("ما الذي وقعته الحكومة مع الجزيرة؟", "What did the government sign with the island?"),
    ("بيانات ذات صلة بمواجهة العقوبات", "statements on countering sanctions"),
    ("معاهدة دفاع مشترك", "a mutual defence treaty"),
    ("اتفاقية تعاون في مجال الطاقة", "an energy cooperation accord"),
    answer=0,
)
AIM = pick(
    ("ما هدف القرارات بحسب المتحدثة؟", "What was the resolutions' aim, says the spokeswoman?"),
    ("معاقبة الجار على تجاربه", "to punish the neighbour for its tests"),
    ("تشجيع الحوار لا العقاب", "to encourage dialogue, not to punish"),
    ("حماية الحلفاء في المنطقة", "to shield the allies in the region"),
    answer=1,
)
REASON = pick(
    (
        "لماذا يقترب الزعيم من العاصمة الأخرى؟",
        "Why does the leader draw closer to the other capital?",
    ),
    ("الانضمام إلى منظمة إقليمية", "to join a regional organisation"),
    ("أن يصبح أكثر استقلالية عن بكين", "to become more independent of Beijing"),
    ("الخروج من عزلته عن الولايات المتحدة", "to end his isolation from Washington"),
    answer=1,
)
STEP = pick(
    # the prompt names Russia: "the Kremlin" in an answer then tells no option from another
    (
        "بحسب مقال «روسيا تبني تحالفًا»، ما الخطوة الأولى للغرب؟",
        "According to 'Russia builds an alliance', what is the West's first step?",
    ),
    ("أن يرى أنه ليس علامة ضعف وأن يُبقي الحوار", "to see it is no sign of weakness; keep talking"),
    ("أن يقطع ما بقي من علاقاته بالكرملين", "to cut every remaining tie with the Kremlin"),
    ("أن يرسل قوات إضافية إلى الجنوب", "to send more troops to the South"),
    answer=0,
)


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # a fragment that only one option holds names it, in either language
        (ARMS, "قذائف", True), (ARMS, "shells", True), (ARMS, "artillery", True),
        (ARMS, "tanks", False), (ARMS, "دبابات", False), (ARMS, "modern shells", False),
        (ARMS, "shells and tanks", False), (ARMS, "missiles", False),
        (PEAK, "satellite deals", True), (PEAK, "صفقات الأقمار الصناعية", True),
        (PEAK, "agreements", False), (PEAK, "اتفاقيات", False),  # fits two options
        (PEAK, "trade deals", False),
        (SIGNED, "statements", True), (SIGNED, "بيانات", True), (SIGNED, "treaty", False),
        (AIM, "to promote dialogue", True), (AIM, "تعزيز الحوار", True),
        (AIM, "to punish", False), (AIM, "to promote punishment", False),
        # an opposite turns the option round; two opposites turn it back
        (REASON, "less dependence on China", True), (REASON, "اعتماد أقل على الصين", True),
        (REASON, "more dependence on China", False), (REASON, "الاعتماد أكثر على بكين", False),
        (REASON, "less independent of Beijing", False),
        # a denial of a denying verb asserts; the option's own denial is met by the same denial
        (STEP, "don't rule out talking to the Kremlin", True),
        (STEP, "لا تستبعد الحوار", True), (STEP, "keep talking", True),
        (STEP, "rule out talking to the Kremlin", False), (STEP, "cut ties", False),
        (STEP, "أن يرى أنه ليس علامة ضعف وأن يُبقي الحوار", True),
    ],
)  # fmt: skip
def test_a_choice_answered_in_a_few_words_of_its_meaning(q, answer, right) -> None:
    assert grade(q, answer).correct is right


@pytest.mark.parametrize(
    ("answer", "asserted", "denied"),
    [
        ("ما كانت السادسة، كانت الخامسة", "كانت الخامسه", ("كانت السادسه",)),
        ("didn't rule out sending troops", "sending troops", ()),
        ("لم تستبعد إرسال قوات", "ارسال قوات", ()),
        ("not to ease them but to tighten them", "to tighten them", ("to ease them",)),
        ("ما هو الجواب", "ما هو الجواب", ()),  # "ما" before "هو" asks, it does not deny
    ],
)  # fmt: skip
def test_what_a_clause_asserts_and_denies(answer, asserted, denied) -> None:
    pol = polarity(answer)
    assert (pol.asserted, pol.denied) == (asserted, denied)


DENIED_RUMOUR = Question(
    "b", "bool", False,
    prompt=loc("صح أم خطأ: نفت الحكومة الشائعات عن القمة.",
               "True or false: the government denied the rumours about the summit."),
)  # fmt: skip
SURE = Question(
    "b", "bool", False,
    prompt=loc("صح أم خطأ: يرى المقال أن الجيش سيصل إلى الجبهة بلا شك.",
               "True or false: the article holds that the army will certainly reach the front."),
)  # fmt: skip
TIGHTEN = Question(
    "b", "bool", False,
    prompt=loc("صح أم خطأ: تهدف السياسة إلى تشديد العقوبات.",
               "True or false: the policy aims to tighten the sanctions."),
)  # fmt: skip
EXPECTED = Question(
    "b", "bool", True,
    prompt=loc("صح أم خطأ: توقع المقال أن يصل الجيش إلى الجبهة.",
               "True or false: the article expected the army to reach the front."),
)  # fmt: skip
ONLY_ONCE = Question(
    "b", "bool", True,
    prompt=loc("صح أم خطأ: لم يزر الزعيم البلد إلا مرة واحدة.",
               "True or false: the leader visited the country only once."),
)  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # a clause that states the claim's opposite, or denies its opposite
        (DENIED_RUMOUR, "it didn't confirm anything, it denied it", False),
        (DENIED_RUMOUR, "لم تؤكد شيئاً، بل نفت", False),
        (DENIED_RUMOUR, "it confirmed them", True), (DENIED_RUMOUR, "أكدت الشائعات", True),
        (DENIED_RUMOUR, "it did not deny them", True),
        (SURE, "ليس مؤكداً، هناك شكوك", True), (SURE, "not certain, there are doubts", True),
        (SURE, "هناك شكوك", True), (SURE, "it will certainly reach it", False),
        (SURE, "مؤكد", False),
        (TIGHTEN, "not to ease them but to tighten them", False),
        (TIGHTEN, "ليس لتخفيفها بل لتشديدها", False),
        (TIGHTEN, "to ease them, not to tighten them", True),
        (TIGHTEN, "لتخفيفها لا لتشديدها", True),
        (EXPECTED, "the article didn't rule out sending the army, it expected it", True),
        (EXPECTED, "it did not expect it", False), (EXPECTED, "لم يتوقع ذلك", False),
        (EXPECTED, "مظبوط", True), (EXPECTED, "مش مظبوط", False),
        # "لم ... إلا" says "only": restating it says yes
        (ONLY_ONCE, "زاره مرة واحدة", True),
    ],
)  # fmt: skip
def test_a_yes_no_answer_read_clause_by_clause_against_the_claim(q, answer, right) -> None:
    assert grade(q, answer).correct is right


REVIEW = pick(
    ("ماذا أكد الرئيس بعد المحادثات؟", "What did the president stress after the talks?"),
    ("ضرورة مراجعة نظام العقوبات غير المحدود", "that the open-ended sanctions must be reviewed"),
    ("التزام البلد الكامل بالعقوبات", "that the country fully complies with the sanctions"),
    ("ضرورة رفع جميع العقوبات فورًا", "that all sanctions must be lifted at once"),
    answer=0,
)


@pytest.mark.parametrize(
    ("q", "answer", "shown", "right"),
    [
        # two candidates offered are a hedge, whatever the words between them
        (ARMS, "millions of artillery shells, or maybe tanks", None, False),
        (ARMS, "ملايين من قذائف المدفعية، أو ربما دبابات", None, False),
        (ARMS, "shells or tanks", None, False), (ARMS, "قذائف أو دبابات", None, False),
        (ARMS, "shells or artillery", None, True),  # both name the same option
        (ARMS, "millions of artillery shells", None, True),
        # an option with a privative ("غير المحدود") still lets the answer deny another one
        (REVIEW, "reviewing them, not lifting them right away", None, True),
        (REVIEW, "مراجعتها لا رفعها فورا", None, True),
        (REVIEW, "lifting them, not reviewing them", None, False),
        # "آخر" before a choice word is "last"; after one it is "another"
        (ARMS, "آخر خيار", [0, 1, 3, 2], True), (ARMS, "آخر خيار", None, False),
        (ARMS, "خيار آخر", [0, 1, 3, 2], False), (ARMS, "the last one", [0, 1, 3, 2], True),
        (ARMS, "option c", None, True), (ARMS, "الأخير", [2, 1, 3, 0], False),
    ],
)  # fmt: skip
def test_a_choice_hedged_denied_or_named_by_position(q, answer, shown, right) -> None:
    assert grade(q, answer, shown=shown).correct is right


AXIS = Question("t", "text", loc("محور الشر", "the axis of evil"),
                prompt=loc("بأي اسم يتساءل المقال عن التحالف؟", "By what name does it ask?"))  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("axis of evil axis of impunity", False), ("محور الشر محور الإفلات من العقاب", False),
        ("axis of evil", True), ("محور الشر الجديد", True),
        ("the axis of evil, not the axis of impunity", True),
        ("محور الشر لا محور الإفلات من العقاب", True),
    ],
)  # fmt: skip
def test_the_answers_frame_filled_twice_is_two_answers(answer, right) -> None:
    assert grade(AXIS, answer).correct is right


DAY = Question("n", "number", 4, prompt=loc("في أي يوم من ديسمبر دخلت المعاهدة حيز التنفيذ؟",
                                            "On which day of December did it enter into force?"))  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("4 (the treaty was signed on the 19th)", True), ("٤ (وقعت المعاهدة يوم ١٩)", True),
        ("4 (or 19)", False), ("4 (ربما 19)", False), ("4 (19)", False),
        ("19 (it entered into force on the 4th)", False), ("4 (not 19)", True),
    ],
)  # fmt: skip
def test_a_bracketed_side_fact_is_no_second_answer(answer, right) -> None:
    assert grade(DAY, answer).correct is right


WHY = pick(
    ("لماذا لن يسمح البلد بعقوبات جديدة؟", "Why will the country allow no new sanctions?"),
    ("لأن الجار أوقف تجاربه", "the neighbour has halted its tests"),
    ("لأن العالم الذي تبنّاها قد تغيّر", "the world they were adopted in has changed"),
    ("لأن مدة العقوبات السابقة انتهت", "the earlier sanctions have run their course"),
    answer=1,
)
PROMISED = pick(
    ("ماذا وعدت الدول بالتوازي مع العقوبات؟", "What did the states promise beside the sanctions?"),
    ("سحب القوات من الجنوب", "troops leaving the South"),
    ("ضمانات أمنية مكتوبة", "written security guarantees"),
    ("مسار سياسي وحل القضايا الإنسانية", "a political track and humanitarian fixes"),
    answer=2,
)
EXPLOIT = pick(
    (
        "ماذا يريد البلد أن يستغل لدى جاره؟",
        "What does the country seek to exploit in its neighbour?",
    ),
    ("موانئها الخالية من الجليد", "its ice-free ports"),
    ("مهندسي البرمجيات المهرة فيها", "its skilled software engineers"),
    ("عمالتها الرخيصة وسلعها الرخيصة", "its cheap labour and cheap goods"),
    answer=2,
)


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # words of degree and time carry no option's meaning
        (WHY, "the world situation is totally different now", True),
        (WHY, "العالم تغير تماما الآن", True),
        (WHY, "the world is totally the same now", False),
        (PROMISED, "a political process and solving humanitarian problems", True),
        (PROMISED, "a military process", False),
        # a phrase of the synonym list is found with its article ("اليد العاملة")
        (EXPLOIT, "اليد العاملة الرخيصة", True),
        (EXPLOIT, "اليد العاملة الرخيصة والقدرة على إنتاج بضائع رخيصة", True),
        (EXPLOIT, "cheap workers and cheap goods", True),
        (EXPLOIT, "اليد العاملة الماهرة", False),
        # a denial ends where "and" opens a clause of its own
        (STEP, "admit it's not necessarily weakness and keep talking to Moscow", True),
        (STEP, "it's not weakness and not a reason to keep talking", False),
        (REASON, "ليقلل اعتماده على الصين", True), (REASON, "ليزيد اعتماده على الصين", False),
    ],
)  # fmt: skip
def test_a_paraphrase_in_other_words_than_the_options(q, answer, right) -> None:
    assert grade(q, answer).correct is right


@pytest.mark.parametrize(
    ("answer", "asserted", "denied"),
    [
        ("not necessarily weakness and keep talking to Moscow", "keep talking to moscow",
         ("necessarily weakness",)),
        ("not Russia and China", "", ("russia and china",)),  # one word after "and": one denial
        ("لم يحضر القمة و لم يوقع", "", ("يحضر القمه, يوقع",)),
    ],
)  # fmt: skip
def test_where_a_denial_ends(answer, asserted, denied) -> None:
    pol = polarity(answer)
    assert (pol.asserted, pol.denied) == (asserted, denied)


PARTNER = Question(
    "b", "bool", False,
    prompt=loc("صح أم خطأ: كانت روسيا الشريك الرئيسي للبلد منذ نهاية الحرب الباردة.",
               "True or false: Russia has been the country's main partner since the Cold War."),
)  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        # the claim restated with another power in it says no
        ("Since the Cold War ended, China has been its main partner.", True),
        ("شريكها الرئيسي كان الصين", True), ("Beijing has been its main partner", True),
        ("Russia has been its main partner", False), ("شريكها الرئيسي كان روسيا", False),
        ("Moscow has been its main partner", False),
        ("not Russia, China", True), ("ليست روسيا بل الصين", True),
    ],
)  # fmt: skip
def test_a_claim_restated_with_another_power_in_it(answer, right) -> None:
    assert grade(PARTNER, answer).correct is right


GOAL = pick(
    (
        "ما الهدف الرئيسي للجار في شبه الجزيرة؟",
        "What is the neighbour's main goal on the peninsula?",
    ),
    ("توحيد الكوريتين تحت رعايته", "to unite the two Koreas under its wing"),
    ("إبقاء النظام قائمًا وكوريا مقسّمة", "to keep the regime alive and Korea divided"),
    ("إخراج القوات الأجنبية من شبه الجزيرة", "to push foreign troops out of the peninsula"),
    answer=1,
)


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        # preventing a thing states its opposite: "stop unification" = "divided"
        ("keep the regime from collapsing and stop unification", True),
        ("منع سقوط النظام ومنع توحيد الكوريتين", True),
        ("prevent the collapse of the regime and prevent reunification", True),
        ("unification", False), ("توحيد الكوريتين", False),
        ("stop the regime and allow unification", False),
        ("let the regime collapse and stop unification", False),
    ],
)  # fmt: skip
def test_preventing_a_thing_states_its_opposite(answer, right) -> None:
    assert grade(GOAL, answer).correct is right


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        # a "no" between two candidates corrects the first: no answer to the yes/no itself
        ("China? no, Russia", False), ("الصين؟ لا، روسيا", False),
        ("Russia? no, China", True), ("روسيا؟ لا، الصين", True),
        ("no, it was China", True), ("it is not true, no", True), ("لا", True),
    ],
)  # fmt: skip
def test_a_no_that_corrects_the_learner_is_no_answer(answer, right) -> None:
    assert grade(PARTNER, answer).correct is right
