"""Context on a right answer, and the residue of negation, yes/no and slips around it.

A second name that stands in a relation to the answer ("Kim Jong Il, Kim Jong Un's father",
"سنغافورة في 2018") is context; a rival offered beside it stays wrong. A slip may not make the
answer into another person's name ("Zelenska"); a yes or a no may be made surer ("غلط طبعا",
"definitely not") or hedged ("half true")."""

from __future__ import annotations

import pytest
from grading.build import bank, loc, text

from tutor.bank.model import Question
from tutor.grading import grade


def claim(value: bool, ar: str, en: str) -> Question:
    return Question("b", "bool", value, prompt=loc(ar, en))


CONDEMNED = claim(False, "صح أم خطأ: أدانت الصين موسكو بسبب غزوها.",
                  "True or false: China has condemned Moscow for its invasion.")  # fmt: skip
DEFENCE = claim(True, "صح أم خطأ: من بنود المعاهدة الدفاع المتبادل.",
                "True or false: the treaty has a mutual defence clause.")  # fmt: skip
COINCIDENCE = claim(False, "صح أم خطأ: كان اختيار مكان اللقاء مصادفة.",
                    "True or false: the choice of venue was a coincidence.")  # fmt: skip
ONCE = claim(False, "صح أم خطأ: لم يزر كيم روسيا إلا مرة واحدة.",
             "True or false: Kim visited Russia only once.")  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # an intensifier alone says yes; beside a yes or a no it only makes it surer
        (DEFENCE, "of course", True), (DEFENCE, "طبعا", True), (DEFENCE, "definitely", True),
        (DEFENCE, "definitely not", False), (DEFENCE, "of course not", False),
        (DEFENCE, "طبعا لا", False),
        (CONDEMNED, "غلط طبعا", True), (CONDEMNED, "no, of course", True),
        (CONDEMNED, "of course", False),
        # a half is a hedge
        (DEFENCE, "half true", False), (CONDEMNED, "half true", False),
        # contracted negators deny the claim
        (CONDEMNED, "China hasn't condemned Moscow", True),
        (CONDEMNED, "they haven't condemned it", True),
        (CONDEMNED, "China has condemned Moscow", False),
        # the claim restated in other words: صدفة is مصادفة
        (COINCIDENCE, "لم يكن صدفة", True), (COINCIDENCE, "كان صدفة", False),
        (COINCIDENCE, "it was no accident", True),
        # "not only once" denies "only once"; "not only X but also Y" adds
        (ONCE, "not only once, he came on a few occasions", True),
        (ONCE, "only once", False),
    ],
)  # fmt: skip
def test_yes_no_residue(q, answer, right):
    assert (grade(q, answer).verdict == "correct") is right, answer


ZELENSKY = text("فولوديمير زيلينسكي", "Volodymyr Zelensky", accept=["Zelensky", "زيلينسكي"],
                prompt=("مع أي رئيس؟", "Which president?"))  # fmt: skip
LAVROV = text("سيرغي لافروف", "Sergei Lavrov", accept=["Lavrov"], prompt=("", "Who said it?"))
PYONGYANG = text("بيونغ يانغ", "Pyongyang", accept=["بيونغيانغ", "Pyong Yang"],
                 prompt=("في أي عاصمة؟", "In which capital?"))  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # the other gender's surname is another person of the family, in either script
        (ZELENSKY, "Zelenska", False), (ZELENSKY, "زيلينسكا", False),
        (ZELENSKY, "Olena Zelenska", False), (LAVROV, "Lavrova", False),
        (ZELENSKY, "Zelenski", True), (ZELENSKY, "زيلنسكي", True), (LAVROV, "Lavrof", True),
        # a name split into real words carries no more slips than its longest piece
        (PYONGYANG, "بيونغ تشانغ", False), (PYONGYANG, "بيونغ يانج", True),
        (PYONGYANG, "pyong yang", True),
    ],
)  # fmt: skip
def test_no_slip_into_another_name(q, answer, right):
    assert (grade(q, answer, bank=bank(q)).verdict == "correct") is right, answer


KIM = text("كيم جونغ إيل", "Kim Jong Il", accept=["Kim Jong-il"],
           reject=["كيم جونغ أون", "Kim Jong Un", "Kim Il Sung"],
           prompt=("من كان يحكم كوريا الشمالية حين وقعت المعاهدة؟",
                   "Who ruled North Korea when the treaty was signed?"), qid="kim")  # fmt: skip
SINGAPORE = text("سنغافورة", "Singapore", reject=["هانوي", "Hanoi", "Panmunjom"],
                 prompt=("في أي مدينة التقى ترامب؟", "In which city did he meet Trump?"),
                 qid="sg")  # fmt: skip
KHARKIV = text("خاركيف", "Kharkiv", reject=["Kyiv", "كييف", "Odesa", "أوديسا"],
               prompt=("في أي مدينة أوكرانية عثر المفتشون على الشظايا؟",
                       "In which Ukrainian city did inspectors find the fragments?"),
               qid="kh")  # fmt: skip
HALL = text("قاعة الشعب الكبرى", "the Great Hall of the People", reject=["the Forbidden City"],
            prompt=("خارج أي مبنى رحبت بكين ببوتين على السجادة الحمراء؟",
                    "Outside which building did Beijing welcome Putin on the red carpet?"),
            qid="hall")  # fmt: skip
BESIDE = text("كوريا الجنوبية", "South Korea", accept=["Seoul"], reject=["China", "Japan"],
              prompt=("مع أي بلد آسيوي، إلى جانب الولايات المتحدة، سعت روسيا إلى علاقات أوثق؟",
                      "With which Asian country besides the United States did Russia seek "
                      "closer ties?"), qid="rok")  # fmt: skip
EWHA = text("جامعة إيوا", "Ewha University", accept=["Ewha"],
            reject=["Seoul National University", "Yonsei"],
            prompt=("في أي جامعة يدرّس؟", "At which university does he teach?"),
            qid="ewha")  # fmt: skip


@pytest.mark.parametrize(
    ("q", "answer", "right"),
    [
        # a person named through a relation to the answer is context
        (KIM, "Kim Jong Il, Kim Jong Un's father", True),
        (KIM, "كيم جونغ إيل والد كيم جونغ أون", True),
        (KIM, "At that time the country was ruled by Kim Jong Il, the father of Kim Jong Un", True),
        (KIM, "not Kim Jong Un but his father Kim Jong Il", True),
        # ... a rival beside it is not, and the answer as the other end of a relation is not
        (KIM, "Kim Jong Il, Kim Jong Un", False), (KIM, "Kim Jong Il and Kim Jong Un", False),
        (KIM, "Kim Jong Il or his son", False),
        (KIM, "the father of Kim Jong Il", False), (KIM, "والد كيم جونغ إيل", False),
        # when, where, and what it is
        (SINGAPORE, "سنغافورة في 2018", True), (SINGAPORE, "Singapore in 2018", True),
        (SINGAPORE, "Singapore 2019", False), (SINGAPORE, "Singapore, Hanoi", False),
        (SINGAPORE, "They met in Hanoi, then Singapore, then at Panmunjom", False),
        (KHARKIV, "خاركيف — ثاني أكبر مدن أوكرانيا", True),
        (KHARKIV, "Kharkiv, the second largest city of Ukraine", True),
        (KHARKIV, "Kharkiv, Kyiv", False), (KHARKIV, "Kharkiv, Odesa", False),
        (EWHA, "He teaches at Ewha Womans University in Seoul.", True),
        (EWHA, "Ewha, Seoul National", False),
        # a sentence that says the question again around the answer
        (HALL, "Beijing rolled out the red carpet outside the Great Hall of the People", True),
        (HALL, "Beijing rolled out the red carpet outside the Forbidden City", False),
        # what the prompt itself sets beside the answer may be said again; nothing else may
        (BESIDE, "After 1991 Russia moved closer to South Korea and the US", True),
        (BESIDE, "South Korea and the US", True),
        (BESIDE, "كوريا الجنوبية والولايات المتحدة", True),
        (BESIDE, "South Korea and Japan", False), (BESIDE, "كوريا الجنوبية والصين", False),
    ],
)  # fmt: skip
def test_context_beside_the_answer(q, answer, right):
    assert (grade(q, answer, bank=bank(q)).verdict == "correct") is right, answer


TURNED = Question(
    "c", "choice", 0,
    choices=(loc("حوّلت تركيزها إلى علاقة أوثق مع الصين", "it turned to closer ties with China"),
             loc("سعت إلى التطبيع مع اليابان", "it sought to normalise ties with Japan"),
             loc("قطعت علاقاتها الدبلوماسية مع موسكو", "it broke off relations with Moscow")),
    prompt=loc("ماذا فعلت كوريا الشمالية حين تضررت علاقاتها مع روسيا؟",
               "What did North Korea do when its relations with Russia suffered?"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("لم تقطع علاقاتها بموسكو بل اتجهت إلى الصين", True),  # a wrong option denied, then the key
        ("اتجهت إلى الصين", True), ("towards China", True),
        ("it turned away from China", False), ("ابتعدت عن الصين", False),
        ("it turned to Japan", False),
    ],
)  # fmt: skip
def test_denied_option_then_the_key(answer, right):
    assert (grade(TURNED, answer).verdict == "correct") is right, answer
