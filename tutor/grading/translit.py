"""Transliteration: the same name or word written in another script or another romanization.

"ta7aluf" is تحالف typed in Latin letters and Arabizi digits, "Biskov" is Peskov as Arabic hears it
(no p, no v), "Charkiw" is Kharkiv in a German romanization, «كينجز كولج» is King's College in
Arabic letters. Letter by letter these are far apart; sound by sound they are the same. So each
side is reduced to a *sound skeleton*: its consonants, each mapped to a class that Latin and
Arabic letters share (ب/b/p, ف/f/v, ج/غ/g/j/zh, خ/ق/ك/k/kh/q…), vowels, w, y and hamza dropped,
a letter said twice kept once. Skeletons are compared with a small edit allowance.

A skeleton match is weak evidence, so it counts only when it beats every rival — the question's
rejected answers, its other targets, every other name in the bank — and when no typed word is a
real word that sounds like nothing in the answer ("الهندي" is a word, not a way of writing الهادئ).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from tutor.grading.lexicon import is_word
from tutor.grading.prepared import PLAIN_WORDS, Prepared, Target
from tutor.grading.text import Form
from tutor.grading.vocab import FILLER, FUNCTION

# Arabic letters (after normalize.fold) -> the classes they may stand for (first = usual); absent
# letters (ا و ي) are vowels. ث ذ ظ as city dialects say them (t/s, z), ق as Cairo says it (a
# hamza: "mo2addas" for مقدس).
_ARABIC = {
    "ب": ("B",), "ت": ("T",), "ث": ("T", "S"), "ج": ("G",), "ح": ("H",), "خ": ("K",),
    "د": ("D",), "ذ": ("D", "S"), "ر": ("R",), "ز": ("S",), "س": ("S",), "ش": ("X",),
    "ص": ("S",), "ض": ("D",), "ط": ("T",), "ظ": ("S", "D"), "ع": ("E",), "غ": ("G",),
    "ف": ("F",), "ق": ("K", ""), "ك": ("K",), "ل": ("L",), "م": ("M",), "ن": ("N",),
    "ه": ("H",),
}  # fmt: skip
# Latin letters, digraphs and Arabizi digits -> the classes they may stand for (first = usual).
_LATIN = {
    "sch": ("X",), "tch": ("G",),
    "sh": ("X",), "ch": ("G", "K", "X"), "kh": ("K",), "gh": ("G",), "zh": ("G",), "dj": ("G",),
    "th": ("T",), "dh": ("D",), "ph": ("F",), "ck": ("K",), "qu": ("K",),
    "b": ("B",), "p": ("B",), "f": ("F",), "v": ("F",), "t": ("T",), "d": ("D",), "s": ("S",),
    "z": ("S",), "k": ("K",), "q": ("K",), "g": ("G",), "j": ("G",), "h": ("H",), "l": ("L",),
    "r": ("R",), "m": ("M",), "n": ("N",), "x": ("KS",),
    # Arabizi: 3 = ع, 5 = خ, 6 = ط, 7 = ح, 8 = غ, 9 = ق or ص; 2 (hamza) is no consonant here
    "3": ("E",), "5": ("K",), "6": ("T",), "7": ("H",), "8": ("G",), "9": ("K", "S"),
}  # fmt: skip
_LATIN_VOWELS = frozenset("aeiouyw2")
# Vowels, only to break a tie between two names of the same consonants ("korona": كورونا, not
# أوكرانيا): Arabic writes its long ones.
_VOWEL_OF = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u", "w": "u"}
_ARABIC_VOWELS = {"ا": ("a",), "و": ("u",), "ي": ("i",)}
_MAX_VARIANTS = 8
MIN_SOUNDS = 3  # "رئيسي" and "أوروس" are both R-S: two consonants tell no name apart


def _is_arabic(word: str) -> bool:
    return not word.isascii() and any("\u0621" <= c <= "\u064a" for c in word)


Slot = tuple[tuple[str, ...], str]  # the classes a letter may stand for, and the letter typed


def _arabic_word(word: str, vowels: bool) -> list[Slot]:
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]  # the article: "الشر" is "sharr" as well as "al-sharr"
    out: list[Slot] = []
    i = 0
    while i < len(word):
        c = word[i]
        if c == "ت" and word[i + 1 : i + 2] == "ش":
            out.append((("G",), "تش"))  # تش writes ch / zh / j: "تشونغ"
            i += 2
            continue
        if c == "ه" and i == len(word) - 1 and i > 1:
            if vowels:
                out.append((("a",), c))
            break  # ة folded to ه: a vowel at the end of a word
        cls = _ARABIC.get(c) or (_ARABIC_VOWELS.get(c) if vowels else None)
        if c in "غج" and i == len(word) - 1 and i and word[i - 1] == "ن":
            cls = ("G", "")  # "ng" is نغ, نج or ن alone: جونغ = جونج = جون
        if cls is not None:
            out.append((cls, c))
        i += 1
    return out


_LATIN_PIECE = re.compile(
    "|".join(sorted((k for k in _LATIN if len(k) > 1), key=len, reverse=True)) + "|."
)


def _latin_word(word: str, vowels: bool) -> list[Slot]:
    out: list[Slot] = []
    n = len(word)
    for m in _LATIN_PIECE.finditer(word):
        piece = m.group()
        i = m.start()
        cls = _LATIN.get(piece)
        if cls is not None:
            if piece == "g" and i == n - 1 and i and word[i - 1] == "n":
                cls = ("G", "")  # "Jong" / "Jon"
            out.append((cls, piece))
        elif piece == "c":  # soft before e, i, y ("Cyprus" aside)
            out.append((("S",) if word[i + 1 : i + 2] in ("e", "i", "y") else ("K",), piece))
        elif piece == "w" and i == n - 1 and i and word[i - 1] in _LATIN_VOWELS:
            out.append((("", "F"), piece))  # "Charkiw", "Lwow": a German or Polish v
        elif vowels and piece in _VOWEL_OF:
            out.append(((_VOWEL_OF[piece],), piece))
        # vowels, w, y, Arabizi 2, and anything else: no consonant
    if word.endswith("h") and n > 2 and word[-2] in _LATIN_VOWELS and out and out[-1][1] == "h":
        out.pop()  # "-ah" / "-eh": ة written in Latin letters
    return out


@lru_cache(maxsize=65536)
def word_key(word: str, vowels: bool = False) -> tuple[Slot, ...]:
    """The sound classes of one normalised word, each with its alternatives (`vowels`: and its
    vowels, as a, i or u)."""
    if _is_arabic(word):
        return tuple(_arabic_word(word, vowels))
    return tuple(_latin_word(word, vowels))


@lru_cache(maxsize=65536)
def skeletons(words: tuple[str, ...], vowels: bool = False) -> frozenset[str]:
    """The sound skeletons of a run of words, read as one (so "Hong Chong" = "Hongzhong"), with a
    letter typed twice kept once ("Ill" = "Il", "ash-sharr"); a few variants where a letter is
    ambiguous ("ch", ق)."""
    choices: list[tuple[str, ...]] = []
    count = 1
    last = ""
    for w in words:
        slots = word_key(w, vowels)
        for alts, src in slots:
            if src == last:
                continue  # "Ill", "sharr"; across words only after a lone "ash", "ad"
            last = src
            if len(alts) > 1 and count * len(alts) <= _MAX_VARIANTS:
                choices.append(alts)
                count *= len(alts)
            else:
                choices.append(alts[:1])
        if len(slots) > 1:
            last = ""
    out = ("".join(combo) for combo in itertools.product(*choices))
    if vowels:  # "oo", "ou", "يي": one vowel
        out = (
            "".join(c for i, c in enumerate(x) if i == 0 or c != x[i - 1] or c.isupper())
            for x in out
        )
    return frozenset(out)


def distance(a: frozenset[str], b: frozenset[str], cutoff: int | None = None) -> int:
    return min(OSA.distance(x, y, score_cutoff=cutoff) for x in a for y in b)


def allowance(skeleton_len: int) -> int:
    """Sound classes that may differ: none up to five ("Pyeongchang" is not Pyongyang), one up
    to nine, then two."""
    return 0 if skeleton_len <= 5 else 1 if skeleton_len <= 9 else 2


def _vowels_prefer(
    given: Sequence[str], forms: Sequence[Sequence[str]], rival: Sequence[str]
) -> bool:
    """Whether the vowels tell the answer from a rival of the same consonants: "korona" is كورونا
    and not أوكرانيا, though both are K-R-N."""
    key = skeletons(tuple(given), True)
    mine = min(distance(key, skeletons(tuple(f), True)) for f in forms if f)
    return mine < distance(key, skeletons(tuple(rival), True))


def _undoubled(word: str) -> str:
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def _sounds_in(word: str, sounds: Iterable[frozenset[str]]) -> bool:
    k = skeletons((word,))
    return any(k & s or any(x and x in y for x in k for y in s) for s in sounds)


def closest(
    given: Sequence[str],
    targets: Sequence[Sequence[Sequence[str]]],
    rivals: Callable[[], Iterable[Sequence[str]]] = tuple,
    own_words: frozenset[str] = frozenset(),
) -> tuple[int, int, int] | None:
    """Which target `given` (normalised content words) transliterates, as (target, form, edits).

    `targets`: for each target its forms, each a sequence of words. The match must be within
    the allowance of the form's skeleton and strictly closer than every other target and every
    rival; a typed real word must be one of the answer's words or sound like a part of it.
    None when no target is named that way.
    """
    given = tuple(w for w in given if any(c.isalpha() for c in w))
    if not given:
        return None
    latin = given[0].isascii()
    if any(w.isascii() != latin for w in given):
        return None  # both scripts at once: no transliteration
    key = skeletons(given)
    if not key or max(len(k) for k in key) < 2:
        return None
    best: tuple[int, int, int] | None = None
    second = None  # the distance to the nearest other target
    for ti, forms in enumerate(targets):
        t_best = None
        for fi, form in enumerate(forms):
            if not form or any(w.isascii() == latin for w in form):
                continue  # the same script: a difference there is a spelling slip or another word
            fk = skeletons(tuple(form))
            if not fk or min(len(s) for s in fk) < MIN_SOUNDS:
                continue
            cut = allowance(min(len(s) for s in fk))
            d = distance(key, fk, cut + 1)
            if d <= cut and (t_best is None or d < t_best[2]):
                t_best = (ti, fi, d)
        if t_best is None:
            continue
        if best is None or t_best[2] < best[2]:
            if best is not None:
                second = best[2] if second is None else min(second, best[2])
            best = t_best
        else:
            second = t_best[2] if second is None else min(second, t_best[2])
    if best is None or (second is not None and second <= best[2]):
        return None
    ti, fi, d = best
    own = [skeletons(tuple(f)) for f in targets[ti] if f]
    for r in rivals():
        rk = skeletons(tuple(r))
        if not rk or (any(rk & o for o in own) and own_words.intersection(r)):
            continue  # the answer's own name in another spelling: no rival
        if distance(key, rk, d) <= d and not _vowels_prefer(given, targets[ti], r):
            return None
    # A real word is another word ("حال" is not هال, "scared" not "sacred", "الهندي" not الهادئ)
    # unless it is the answer's own word with a letter typed twice ("Ill" for Il), or the rest
    # of the answer is the answer's own words and it has the very sounds of the word left
    # ("كيم جون إيل"), or the answer has no form in its script and it has the sounds of the other
    # ("korona").
    anchored = any(w in own_words for w in given)
    for w in given:
        if w in own_words or not is_word(w):
            continue
        same = [x for f in targets[ti] for x in f if x.isascii() == w.isascii()]
        if any(_undoubled(w) == _undoubled(x) for x in same):
            continue
        if same:
            k = skeletons((w,))
            if not anchored or not any(k & skeletons((x,)) for x in same if x not in given):
                return None
        elif not _sounds_in(w, [skeletons((x,)) for f in targets[ti] for x in f]):
            return None
    return best


_RIVALS: dict[int, tuple[object, tuple[tuple[str, ...], ...]]] = {}


def _rivals(p: Prepared, t: Target) -> tuple[tuple[str, ...], ...]:
    """Names `t` must sound closer to than: the question's rejected answers, every other name in
    the bank, and their family names ("Lavrov" of "Sergei Lavrov")."""
    hit = _RIVALS.get(id(t))
    if hit is not None and hit[0] is t:
        return hit[1]
    if len(_RIVALS) > 20000:
        _RIVALS.clear()
    names = set(p.rejects)
    if p.info is not None:
        names |= p.info.names
    out: set[tuple[str, ...]] = set()
    for name in names - t.keys:
        ws = tuple(w for w in name.split() if w not in PLAIN_WORDS)
        if ws:
            out.add(ws)
            if len(ws) > 1:
                out.add(ws[-1:])
    rivals = tuple(out)
    _RIVALS[id(t)] = (t, rivals)
    return rivals


def named_as_written(t: Target, given: tuple[str, ...], p: Prepared) -> Form | None:
    """The form of `t` that `given` writes in another script or romanization, if it is one."""
    content = tuple(
        w for w in given if w not in PLAIN_WORDS and w not in FUNCTION and w not in p.prompt_words
    )
    if not content:
        return None
    others = [u for u in p.targets if u is not t]
    mine = _spoken(t)
    targets = [[ws for _, ws in mine], *[[ws for _, ws in _spoken(u)] for u in others]]
    hit = closest(content, targets, lambda: _rivals(p, t), t.words)
    return None if hit is None or hit[0] != 0 else mine[hit[1]][0]


def _spoken(t: Target) -> list[tuple[Form, tuple[str, ...]]]:
    """Each form's words as said: its core, and with its descriptors ("College" in "King's
    College"), which a learner writing the name in the other script writes out too."""
    out = []
    for f in t.forms:
        out.append((f, f.core))
        full = tuple(w for w in f.words if w not in FILLER)
        if full != f.core:
            out.append((f, full))
    return out
