"""Word lists the graders share, all in normalised form (see normalize.py).

Kept small and explicit: each word here changes what a learner may type around an answer.
"""

from __future__ import annotations

from tutor.grading.normalize import normalize


def _set(*items: str) -> frozenset[str]:
    return frozenset(normalize(w) for item in items for w in item.split())


# "I don't know" in the ways people type it: wrong, but no penalty message.
NO_ANSWER = frozenset(
    normalize(s)
    for s in (
        "لا أعرف", "لا اعرف", "ما أعرف", "ما اعرف", "ما بعرف", "مش عارف", "مو عارف", "لا أدري",
        "لا ادري", "لست أدري", "لا أعلم", "لا اعلم", "الله أعلم", "لا فكرة لدي", "ليس لدي فكرة",
        "I don't know", "I dont know", "dont know", "don't know", "I do not know", "idk",
        "dunno", "no idea", "I have no idea", "not sure", "I'm not sure", "no clue", "pass",
        "?", "??", "???", "-", "...", "ما ادري", "مدري", "معرفش", "ماعرف",
    )
)  # fmt: skip

# Words around an answer that say nothing about it ("I think it was", "في عام", "الجواب هو").
FILLER = _set(
    "i think it is it's its was were the a an of in at on to by from maybe probably perhaps "
    "answer my guess believe guess would be that this he she they called named about around "
    "approximately roughly nearly almost some is are and year "
    "al el",  # the Arabic article in Latin letters ("Al Mothnib"): never a name on its own
    "في من الى إلى على عن هو هي هم كان كانت يكون تكون أعتقد اعتقد أظن اظن ربما لعل الجواب "
    "الإجابة جوابي إجابتي انه أنه إنه انها أنها إنها هذا هذه ذلك تلك التي الذي اسمه اسمها "
    "يسمى تسمى يدعى حوالي نحو تقريبا قرابة زهاء ما يقارب يقارب عام سنة",
)

# Words that say what kind of thing a name is: optional on either side of a match.
DESCRIPTORS = _set(
    "university college institute school academy base port city town village province region "
    "district county state republic kingdom federation airport station cosmodrome spaceport "
    "centre center mount river lake island sea ocean bay peninsula krai oblast club",
    "جامعة جامعه كلية معهد أكاديمية اكاديمية قاعدة ميناء مرفأ مدينة بلدة قرية مقاطعة إقليم "
    "اقليم منطقة محافظة ولاية جمهورية مملكة اتحاد مطار محطة قاعده مدينه مركز جبل نهر بحيرة "
    "جزيرة بحر محيط خليج شبه جزيره نادي",
    # adjectives that only qualify a descriptor: "قاعدة فوستوشني الفضائية", "State University"
    "state الفضائية الفضائي الحكومية",
)

# What people put beside a name to say who it is ("Lavrov, the foreign minister"): optional too.
ROLES = _set(
    "minister foreign defence defense spokesman spokeswoman spokesperson president kremlin "
    "leader professor analyst expert chairman secretary general envoy ambassador head chief "
    "deputy director researcher scholar official dr mr mrs ms prof",
    "وزير الوزير الخارجية الدفاع المتحدث الناطق باسم الكرملين الرئيس رئيس الزعيم زعيم "
    "البروفيسور الأستاذ أستاذ الخبير خبير المحلل محلل السفير سفير نائب مدير الباحث باحث "
    "المسؤول مسؤول الدكتور د",
)

# Prompts that ask for a place inside a country ("in which city..."): an answer may name the
# country after it ("Kazan, Russia", "قازان، روسيا") without naming a second place.
PLACE_QUESTION = _set("city town port base cosmodrome spaceport region province",
                      "مدينة مدينه ميناء قاعدة قاعده مقاطعة منطقة")  # fmt: skip
COUNTRIES = _set(
    "russia russian federation north south korea dprk china ukraine iran japan america usa us "
    "united states",
    "روسيا الروسية الاتحادية كوريا الشمالية الجنوبية الصين أوكرانيا اوكرانيا إيران ايران "
    "اليابان أمريكا امريكا الولايات المتحدة",
)

# Countries whose names differ only by a qualifier: one of them named where the answer is the other
# is another country, even when the qualifier is a word the prompt itself uses ("North Korea" for
# "the Republic of Korea" in a question about North Korea).
QUALIFIED_COUNTRIES = tuple(
    tuple(normalize(name).split())
    for name in (
        "north korea", "south korea", "كوريا الشمالية", "كوريا الجنوبية", "شمال كوريا",
        "جنوب كوريا", "north sudan", "south sudan", "west germany", "east germany",
        "ألمانيا الغربية", "ألمانيا الشرقية", "جنوب السودان",
    )
)  # fmt: skip

# Words that offer an alternative: an answer with one of these and a second candidate hedges.
ALTERNATIVES = _set("or either", "أو او أم ام")

# "more than", "about": allowed around a figure, never changing it.
NUMBER_FILLER = _set(
    "more than over less under fewer exactly just about around approximately roughly nearly "
    "almost some circa c ca up to at least most",
    "أكثر اكثر أقل اقل من ما يزيد على عن يقارب نحو حوالي قرابة زهاء تقريبا بالضبط فقط "
    "حتى الأقل الاقل",
)

# Words that make an answer a sentence rather than a list of names ("He teaches at Hull").
FUNCTION = FILLER | _set(
    "he she it they we you i his her its their them him was were is are has had have did does do "
    "will would can could should said says say that which who whom whose where when there here "
    "with without for by as because so since also too very then than into over under between "
    "among after before during while if not but own one",
    "بعد قبل منذ مع حيث كما لقد قد ثم الى إلى حتى عند لدى بين خلال لأن لان كي لكي الذين كان "
    "كانت قال قالت وقال أن ان إن لم لن هناك هنا وهو وهي وكان وكانت التي الذي ذلك هذا",
)
