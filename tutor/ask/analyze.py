"""Words to index terms: the grader's normalisation, stop words dropped, a light stem.

Questions and passages go through the same function, so whatever the stemmer does to a word it
does on both sides. Arabic words lose the proclitics and article the grader strips
(word_variants) and are then stemmed with Snowball's Arabic stemmer (measured against Snowball
alone, Tashaphyne's light stemmer and no stemming: tests/bench/eval_ask.py --stemmer), English
words with Snowball's English one.

Beside the stem, an Arabic word has its roots (Tashaphyne's root extraction: معزول, العزلة and
عزل share عزل), indexed apart: a word of the question's family that the stemmer leaves apart
still finds its passage, at a fraction of the weight (tutor/ask/ranker.py ROOT_WEIGHT; measured
against NLTK's ISRI stemmer, which did as well and takes half a second to import, and against no
roots: tests/bench/eval_ask.py --rooter).
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from tutor.grading.normalize import normalize, word_variants

# Question words, particles and fillers that say nothing about which passage answers.
# Written as `normalize` leaves them (ا for أ/إ/آ, ه for ة, ي for ى).
_AR_STOP_WORDS = """
    ما ماذا من متى كم هل لماذا لما كيف اين أين أي اي ايه وش شو ليش مين امتى
    في على عن الى إلى من مع و او أو ثم ف ب ل ك قد لقد لم لن لا ان إن أن كان كانت يكون تكون
    هذا هذه ذلك تلك هو هي هم هما نحن انا انت التي الذي الذين اللذان اللتان اللي
    عند بين حول حتى بعد قبل منذ خلال ضد الا إلا غير بعض كل ايضا أيضا جدا فقط
    يا هناك هنا ثمة به بها له لها لهم فيه فيها منه منها عليه عليها اليه اليها
    وفق حسب بحسب المقال المقالة
    نوع اسم معا يعني شيء اشياء
    سوف هؤلاء ليس إياه الآن هكذا لكي لأن
"""
AR_STOP = frozenset(normalize(w) for w in _AR_STOP_WORDS.split())
_EN_STOP_WORDS = """
    a an the of in on at to for from by with about as into over after before than then
    and or but not no nor so if is are was were be been being do does did done has have had
    what which who whom whose when where why how that this these those there here it its
    i you he she we they me my your his her our their them him us
    can could will would shall should may might must
    say said says tell told according article articles please
    many much long happen happened happens around also just really ever get got
    kind type sort name named thing things mean means meant
"""
EN_STOP = frozenset(_EN_STOP_WORDS.split())

_AR_STEM = snowballstemmer.stemmer("arabic")
_EN_STEM = snowballstemmer.stemmer("english")


def _snowball_ar(word: str) -> str:
    # `normalize` folds ة into ه; Snowball strips a final ة as a feminine ending, so give it back.
    w = word[:-1] + "ة" if word.endswith("ه") and len(word) > 3 else word
    return normalize(_AR_STEM.stemWord(w)) or word


def _clitics_snowball_ar(word: str) -> str:
    """The grader's proclitic and article stripping first, then Snowball: Snowball alone keeps
    them on some words (والتعاون → والتعا, لشراء → لشر) and so splits one word in two."""
    return _snowball_ar(word_variants(word)[-1])


def _article_snowball_ar(word: str) -> str:
    """Only the article (with a conjunction or preposition before it) taken off, then Snowball."""
    return _snowball_ar(_prefix_ar(word))


@lru_cache(maxsize=1)
def _tashaphyne():  # measured alternative: an optional import, never a dependency
    from tashaphyne.stemming import ArabicLightStemmer

    return ArabicLightStemmer()


def _tashaphyne_ar(word: str) -> str:
    return normalize(_tashaphyne().light_stem(word)) or word


def _prefix_ar(word: str) -> str:
    """No stemmer: only a proclitic and the article taken off (the grader's word_variants)."""
    for p in ("وال", "بال", "فال", "كال", "لل", "ال"):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    return word


STEMMERS = {
    "clitics+snowball": _clitics_snowball_ar,
    "snowball": _snowball_ar,
    "article+snowball": _article_snowball_ar,
    "tashaphyne": _tashaphyne_ar,
    "none": _prefix_ar,
}
stemmer_name = "clitics+snowball"  # the one in use; eval_ask.py switches it to measure the others


@lru_cache(maxsize=262144)
def term(word: str) -> str:
    """The index term for one normalised word."""
    if word.isascii():
        return _EN_STEM.stemWord(word) if word.isalpha() else word
    return STEMMERS[stemmer_name](word)


@lru_cache(maxsize=1)
def _isri():
    from nltk.stem.isri import ISRIStemmer

    return ISRIStemmer()


def _isri_root(word: str) -> str:
    return _isri().stem(word)


@lru_cache(maxsize=1)
def _tashaphyne_rooter():  # measured alternative: an optional import, never a dependency
    from tashaphyne.stemming import ArabicLightStemmer

    return ArabicLightStemmer()


def _tashaphyne_root(word: str) -> str:
    st = _tashaphyne_rooter()
    st.light_stem(word)
    return st.get_root()


ROOTERS = {"isri": _isri_root, "tashaphyne": _tashaphyne_root, "none": None}
rooter_name = "tashaphyne"  # the one in use; eval_ask.py --rooter switches it to measure the others
ROOT_MARK = "√"  # root terms live in their own index, marked so no word is ever mistaken for one


@lru_cache(maxsize=262144)
def root(word: str) -> tuple[str, ...]:
    """The roots of one normalised Arabic word, its family (معزول, العزلة, عزل → عزل): of the
    word as written and without the proclitic the grader would strip, since a root extractor
    misses now one (وفاز), now the other (وقع read as و + قع). None for an English word, a
    number, or a root of fewer than three letters (too many families share one)."""
    rooter = ROOTERS[rooter_name]
    if rooter is None or word.isascii() or not word.isalpha():
        return ()
    found = (normalize(rooter(v)) for v in dict.fromkeys((word, word_variants(word)[-1])))
    return tuple(dict.fromkeys(ROOT_MARK + r for r in found if len(r) >= 3))


def roots(text: str) -> list[str]:
    """The roots of `text`'s Arabic words, stop words dropped."""
    return [r for w in normalize(text).split() if not is_stop(w) for r in root(w)]


@lru_cache(maxsize=262144)
def is_stop(word: str) -> bool:
    if word.isascii():
        return word in EN_STOP
    return any(v in AR_STOP for v in word_variants(word))  # بماذا, وهل: a particle with a clitic


def terms(text: str) -> list[str]:
    """Index terms of `text`, in order, stop words dropped."""
    return list(_terms(text))


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str, ...]:
    # A bank says the same things in several places (a prompt in its tie and in the lexicon's
    # parallel texts), and a bank of copies says everything many times: each text once.
    return tuple(term(w) for w in normalize(text).split() if not is_stop(w))
