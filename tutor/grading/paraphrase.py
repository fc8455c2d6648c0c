"""Which option a learner's own words restate: "strong commercial ties" → "strong trade relations".

Each text becomes a bag of concepts: its content words, stemmed (Snowball, English and Arabic),
with common synonyms and phrases of news language folded together in both languages ("labourers"
= "workers" = "عمال", "many poles" = "multipolar"). Words every option shares weigh little; the
prompt's own words weigh nothing. An option is picked when the answer covers most of its weight,
most of the answer is that option's, and no other option comes close.

Polarity counts: "to punish, not to encourage dialogue" reverses the option "to encourage
dialogue, not to punish", so it restates neither.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

from tutor.grading.lexicon import clipped, counted, opposite
from tutor.grading.normalize import normalize, word_variants
from tutor.grading.polarity import polarity
from tutor.grading.text import near_any, similar_keys
from tutor.grading.vocab import FUNCTION

# Groups of words and phrases that say the same thing in news about states and wars. General
# vocabulary only: no group may name a bank's answer, so that a paraphrase earns its match.
_SYNONYMS = """
worker workers labourer labourers laborer laborers labour labor employees workforce
worker عمال عامل عماله عمالة يد_عامله ايدي_عامله
britain british uk england بريطانيا بريطاني البريطانيه بريطانية
american america us usa united_states washington امريكا امريكي الامريكيه واشنطن الولايات_المتحده
china chinese beijing الصين صيني الصينيه بكين
russia russian moscow kremlin روسيا روسي الروسيه موسكو الكرملين
north_korea north_korean pyongyang dprk كوريا_الشماليه بيونغ_يانغ بيونغيانغ
military defence defense army armed عسكري عسكريه العسكريه دفاعي دفاعيه الدفاعيه
intelligence spy spying espionage reconnaissance
intelligence استخبارات مخابرات تجسس استطلاع الاستخبارات المخابرات
deploy deploying deployment station stationing place placing نشر تمركز
nuclear_weapons nukes nuclear_arms atomic_weapons nuclear اسلحه_نوويه نووي نوويه الاسلحه_النوويه
trade commercial commerce business تجاره تجاري تجاريه
relations ties links relationship علاقات روابط صلات علاقه
strong robust solid close a_lot heavily extensively قوي قويه متين متينه وثيق وثيقه بكثره
fruitful productive مثمر مثمره
frank candid honest open sincere صريح صريحه صادق صادقه
review reviewed reviewing revise revised reconsider reconsidered مراجعه يراجع مراجعتها
review اعاده_النظر يعاد_النظر
open_ended unlimited indefinite endless غير_محدود مفتوح
completely totally entirely wholly تماما كليا
environment situation context circumstances conditions بيئه وضع ظروف سياق
dozens tens عشرات
multipolar many_poles multi_polar متعدد_الاقطاب تعدد_الاقطاب
collapse collapsing fall falling downfall انهيار سقوط
alive survive survival surviving intact afloat قائم قائما بقاء
divided division split partitioned مقسمه مقسم منقسمه تقسيم انقسام
prevent stop avoid block stopping preventing منع تجنب ايقاف
reunification unification reunify unite توحيد التوحيد اعاده_التوحيد
regime government نظام حكومه
meaningless lost_meaning lost_all_meaning pointless بلا_معني فقدت_معناها
working effective biting succeeding تؤتي_ثمارها فعاله ناجحه
failing failed fail failure ineffective فشل فشلت فاشله تفشل
independent independence autonomous استقلال استقلاليه مستقل تحرر يتحرر التحرر
aid supplies assistance help مساعدات امدادات اعانات
solve solving address tackle resolve fix fixes fixing حل تحل معالجه
adopted passed approved تبني تبنيت اقرار
earlier old previous former prior السابقه القديمه السابق
statements declarations statement declaration بيانات بيان تصريحات اعلان
countering fighting combating opposing confronting مواجهه مكافحه محاربه
temporary fleeting short_lived short_term momentary passing مؤقت مؤقته انيه عابره قصيره_الامد
big large huge vast major significant كبير كبيره ضخم ضخمه هائل
cheap low_cost inexpensive رخيص رخيصه
goods products سلع بضائع منتجات
produce make manufacture انتاج تصنيع
changed change changes different differs altered تغير تغيرت تغيير مختلف مختلفه اختلف
track process path مسار عمليه
talks negotiations dialogue talk talking محادثات مفاوضات حوار الحوار التحاور التفاوض
agreement agreements deal deals accord accords pact اتفاق اتفاقيه اتفاقيات اتفاقات صفقه صفقات
encourage promote foster boost تشجيع يشجع تعزيز يعزز
send sending export exporting dispatch ارسال بارسال تصدير يرسل
dependent dependence dependency reliance reliant depend اعتماد الاعتماد تبعيه معتمد معتمده
more greater increase increased higher اكثر أكثر المزيد مزيد يزيد زياده
less fewer reduce reduced reducing lower smaller اقل أقل يقلل تقليل تقلل
ease easing loosen loosening relax relaxing تخفيف تخفف
tighten tightening toughen stiffen تشديد تشدد
lift lifting scrap scrapping رفع الغاء
impose imposing فرض
confirm confirmed confirms affirm affirmed اكد اكدت تاكيد يؤكد
deny denied denies refute refuted نفي نفت نفى تنفي ينفي
certain certainly sure definitely surely مؤكد مؤكده موكد بالتاكيد اكيد حتما قطعا
doubt doubts doubtful uncertain unsure شك شكوك يشك مشكوك تشكيك
turn turned turning towards toward headed shift shifted pivot pivoted
turn اتجه اتجهت توجه توجهت تحول تحولت حول حولت
away distanced abandoned ابتعد ابتعدت ابتعاد تخلت
spokesman spokeswoman spokesperson متحدث المتحدث ناطق الناطق
ministry minister وزاره الوزاره وزير الوزير
president presidents رئيس الرئيس
writer author كاتب الكاتب كاتبا
professor استاذ الاستاذ بروفيسور البروفيسور
analyst analysts محلل المحلل محللا
coincidence coincidental accident accidental accidentally random مصادفه صدفه بالصدفه بالمصادفه عرضي
recognise recognize admit acknowledge الاعتراف يعترف الاقرار
expertise know_how knowhow expert skills skill خبره الخبره خبرات درايه مهارات
radical extreme extremist hardline متطرف تطرف تطرفا متشدد راديكالي
content substance substantive substantial مضمون مضمونها محتوي المحتوي
rich full غني غنيه مليء مليئه
isolation isolated cut_off shunned ostracised ostracized عزله معزول عزلتها
pole poles power_centres power_centers centres_of_power centers_of_power قطب اقطاب مراكز_القوه
multipolar many_centres_of_power many_centers_of_power many_power_centres multiple_poles
multipolar متعدد_مراكز_القوه تعدد_مراكز_القوه
doubled_down double_down went_all_in all_in upped_the_ante ضاعف_رهانه
cut_ties burned_his_bridges burnt_his_bridges burned_bridges severed_ties broke_ties قطع_علاقات
stable steady stability مستقر مستقره استقرار
future_oriented forward_looking future مستقبل المستقبل مستقبليه
continuation extension continuing extending امتداد استمرار مواصله
logical natural consistent منطقي طبيعي
majority most bulk الغالبيه الاغلبيه معظم اغلب
"""


# Concepts that say the opposite of each other: "less dependence" restates "more independent"
# (two turns), "more dependence" reverses it (one).
_OPPOSITES = """
~dependent ~independent
~more ~less
~ease ~tighten
~lift ~impose
~confirm ~deny
~working ~failing
~certain ~doubt
~collapse ~alive
~reunification ~divided
~turn ~away
"""


@cache
def _opposites() -> frozenset[tuple[str, str]]:
    pairs = [tuple(line.split()) for line in _OPPOSITES.strip().splitlines()]
    return frozenset({(a, b) for a, b in pairs} | {(b, a) for a, b in pairs})


_EN = snowballstemmer.stemmer("english")
_AR = snowballstemmer.stemmer("arabic")


def opposed(a: str, b: str) -> bool:
    """Whether two concepts say the opposite of each other ("~ease" / "~tighten")."""
    return (a, b) in _opposites()


def _key(phrase: str) -> str:
    return normalize(phrase.replace("_", " ")).replace(" ", "_")


@cache
def _tables() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """word → concept, and phrase (as words) → concept."""
    words: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for line in _SYNONYMS.strip().splitlines():  # a line may go on another that repeats its head
        items = [_key(x) for x in line.split()]
        concept = "~" + items[0]
        for it in items:
            if "_" in it:
                phrases[tuple(it.split("_"))] = concept
            else:
                words.setdefault(it, concept)
    for w, c in list(words.items()):  # "talking" reaches "talks" through its stem
        words.setdefault((_EN if w.isascii() else _AR).stemWord(w), c)
    return words, phrases


@cache
def _starts() -> frozenset[str]:
    """The first words of the phrases: a word no phrase begins with starts none."""
    return frozenset(k[0] for k in _tables()[1])


_DECADE_WORDS = {
    normalize(w): d
    for d, ws in {
        "20": "twenties العشرينيات", "30": "thirties الثلاثينيات", "40": "forties الاربعينيات",
        "50": "fifties الخمسينيات", "60": "sixties الستينيات", "70": "seventies السبعينيات",
        "80": "eighties الثمانينيات", "90": "nineties التسعينيات",
    }.items()
    for w in ws.split()
}  # fmt: skip


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """A word's concept: its synonym group, a decade ("seventies" = "1970s"), or its stem."""
    if word in _DECADE_WORDS:
        return "~decade" + _DECADE_WORDS[word]
    if len(word) in (5, 3) and word.endswith("s") and word[:-1].isdigit():  # 1970s, 70s
        return "~decade" + word[-3:-1]
    words, _ = _tables()
    for v in word_variants(word):
        if v in words:
            return words[v]
    stem = (_EN if word.isascii() else _AR).stemWord(word)
    return words.get(stem, stem)


@dataclass(frozen=True)
class Bag:
    words: tuple[str, ...]  # the content words, as typed (normalised)
    concepts: tuple[str, ...]  # their concepts, in the same order


# Degree and time words say how or when, not what: "totally different now" = "changed".
_LIGHT = "now already today still very really quite totally completely entirely wholly absolutely"
LIGHT = frozenset(normalize(w) for w in [*_LIGHT.split(), "الآن", "حاليا", "جدا", "تماما", "كليا"])


def _bare(word: str) -> str:
    """A word without the article ("اليد" → "يد"), to find it in a phrase."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


@lru_cache(maxsize=256)
def _ignored(ignore: frozenset[str]) -> frozenset[str]:
    """The concepts of the prompt's words: "Moscow" says nothing when the prompt says Russia."""
    return frozenset(c for c in map(concept, ignore) if c.startswith("~"))


@lru_cache(maxsize=65536)
def bag(text: str, ignore: frozenset[str] = frozenset()) -> Bag:
    """The concepts of `text`'s content words (function words and `ignore`d words left out,
    and words of the same synonym group as an ignored word)."""
    _, phrases = _tables()
    skip = _ignored(ignore)
    ws = normalize(text).split()
    out_w: list[str] = []
    out_c: list[str] = []
    i = 0
    prevented = False
    starts = _starts()
    while i < len(ws):
        lengths = (4, 3, 2) if ws[i] in starts or _bare(ws[i]) in starts else ()
        for n in lengths:
            run = tuple(ws[i : i + n])
            key = run if run in phrases else tuple(map(_bare, run))  # "اليد العاملة"
            if key in phrases:
                out_w.append(" ".join(run))
                out_c.append(phrases[key])
                i += n
                break
        else:
            w = ws[i]
            i += 1
            c = concept(w)
            if c == _PREVENT:
                prevented = True  # "stop unification": the next content word is denied
                continue
            if w in FUNCTION or w in LIGHT or w in ignore or len(w) < 2 or c in skip:
                continue
            if prevented or (i > 1 and ws[i - 2] == "from" and _KEEP & set(ws[: i - 2])):
                c = _prevented(c)  # "keep the regime from collapsing" = "the regime alive"
            prevented = False
            out_w.append(w)
            out_c.append(c)
    return Bag(tuple(out_w), tuple(out_c))


_PREVENT = "~prevent"
_KEEP = frozenset({"keep", "keeping", "kept", "stop", "stopping", "prevent", "preventing"})


def _prevented(c: str) -> str:
    """The concept of a prevented thing: its opposite if it has one, else "!" + itself."""
    return next((b for a, b in _opposites() if a == c), "!" + c)


def _hit(word: str, concept: str, other: Bag) -> bool:
    """`word` (of `concept`) is in `other`: the same concept, a slip of a word, or a word cut short
    ("tech" for technological)."""
    return (
        concept in other.concepts
        or near_any(word, other.words)
        or (
            " " not in word
            and any(
                " " not in w and w[:4] == word[:4] and (clipped(word, w) or clipped(w, word))
                for w in other.words
            )
        )
    )


def _found(a: Bag, b: Bag) -> set[str]:
    """The concepts of `b` that `a` mentions."""
    return {c for w, c in zip(b.words, b.concepts, strict=True) if _hit(w, c, a)}


@dataclass(frozen=True)
class Reading:
    asserted: Bag
    denied: Bag


def _flips(said: Bag, option: Bag) -> tuple[set[str], set[str]]:
    """The option's concepts that the answer states by their opposite ("less" for "more",
    "dependent" for "independent"), and the answer's concepts that do it."""
    ops = _opposites()
    theirs: set[str] = set()
    mine: set[str] = set()
    for w, c in zip(said.words, said.concepts, strict=True):
        for ow, oc in zip(option.words, option.concepts, strict=True):
            turned = (c, oc) in ops or opposite(w, ow) or counted(w, ow)  # "bipolar"
            if turned or c == "!" + oc or oc == "!" + c:
                theirs.add(oc)
                mine.add(c)
    return theirs, mine


def _turned(said: Reading, option: Reading) -> bool:
    """The answer asserts what the option only denies, or denies what it only asserts."""
    a, d = set(option.asserted.concepts), set(option.denied.concepts)
    said_yes, said_no = _found(said.asserted, option.denied), _found(said.denied, option.asserted)
    return bool(said_yes - a or said_no - d)


def read(text: str, ignore: frozenset[str]) -> Reading:
    pol = polarity(text)
    denied = " ".join(pol.denied)
    return Reading(bag(pol.asserted, ignore), bag(denied, ignore))


def reverses(answer: str, forms: list[str], ignore: frozenset[str]) -> bool:
    """Whether `answer` asserts what a form of the option denies, or denies what it asserts
    ("to punish, not to encourage dialogue" against "to encourage dialogue, not to punish")."""
    said = read(answer, ignore)
    readings = [read(f, ignore) for f in forms]
    return any(_turned(said, r) for r in readings)


MAX_WORDS = 40  # content words a restatement of one option may have
MIN_COVER = 0.5  # share of the option's weight the answer must mention
MIN_OWN = 0.5  # share of the answer's concepts that must be the option's
MARGIN = 0.2  # over the next option


def _touches(said: Reading, readings: list[list[Reading]]) -> bool:
    """Whether `_hit` may hold between a word of the answer and a word of an option (a shared
    concept, or keys that same_word's words always share); when not, no option is covered."""
    bags = [b for forms in readings for r in forms for b in (r.asserted, r.denied)]
    mine = {*said.asserted.concepts, *said.denied.concepts}
    if any(not mine.isdisjoint(b.concepts) for b in bags):
        return True
    keys: set[str] = set()
    for w in (*said.asserted.words, *said.denied.words):
        if " " not in w:
            k = similar_keys(w)
            if k is None:
                return True
            keys |= k
    for b in bags:
        for w in b.words:
            if " " not in w:
                k = similar_keys(w)
                if k is None or not keys.isdisjoint(k):
                    return True
    return False


def restated_option(answer: str, options: list[list[str]], ignore: frozenset[str]) -> int | None:
    """The index of the option (each given as its forms) that `answer` plainly restates, or None.

    An opposite counts as a turn: "less dependence" (two turns) restates "more independent",
    "more dependence" (one) reverses it. Failing a restatement of most of an option, a fragment
    ("shells", "satellite deals") names the one option that holds everything it says."""
    said = read(answer, ignore)
    if not 1 <= len(said.asserted.concepts) + len(said.denied.concepts) <= MAX_WORDS:
        return None  # nothing to go on, or a paraphrase rather than a restatement
    readings = [[read(f, ignore) for f in forms] for forms in options]
    if not _touches(said, readings):
        return None  # no concept or word of the answer is in any option: nothing to cover
    df: dict[str, int] = {}
    for forms in readings:
        for c in {c for r in forms for c in (*r.asserted.concepts, *r.denied.concepts)}:
            df[c] = df.get(c, 0) + 1
    n = len(options)

    def weight(c: str) -> float:
        return math.log(1 + n / df.get(c, 1))

    scores: list[tuple[float, int]] = []
    held: list[set[str]] = []  # per option: the answer's concepts it holds
    for i, forms in enumerate(readings):
        best = 0.0
        holds: set[str] = set()
        for r in forms:
            theirs, mine = _flips(said.asserted, r.asserted)
            if _turned(said, r) or len(theirs) % 2:
                continue  # the option reversed, or turned by an opposite ("more dependence")
            target = [*r.asserted.concepts, *r.denied.concepts]
            total = sum(weight(c) for c in set(target))
            if not total:
                continue
            hit = _found(said.asserted, r.asserted) | _found(said.denied, r.denied) | theirs
            cover = sum(weight(c) for c in hit) / total
            hits = [
                c in mine or _hit(w, c, r.asserted) or _hit(w, c, r.denied)
                for w, c in zip(said.asserted.words, said.asserted.concepts, strict=True)
            ]
            holds |= {c for c, h in zip(said.asserted.concepts, hits, strict=True) if h}
            own = sum(hits) / len(hits) if hits else 1.0
            if cover >= MIN_COVER and own >= MIN_OWN:
                best = max(best, 0.6 * cover + 0.4 * own)
        scores.append((best, i))
        held.append(holds)
    scores.sort(reverse=True)
    top, i = scores[0]
    runner = scores[1][0] if len(scores) > 1 else 0.0
    if top > 0 and top - runner >= MARGIN:
        return i
    return _fragment(said, held)


def _fragment(said: Reading, held: list[set[str]]) -> int | None:
    """The one option that holds every concept of the answer any option holds, when those are
    all the answer says: "shells" names "millions of artillery shells", while
    "agreements" fits two options and names neither."""
    known = set().union(*held) if held else set()
    if not known or said.denied.concepts:
        return None
    unknown = set(said.asserted.concepts) - known
    owners = [i for i, h in enumerate(held) if h == known]
    if len(owners) != 1 or unknown:
        return None
    return owners[0]
