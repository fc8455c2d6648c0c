"""Matching a typed name against the expected forms, word by word.

No fuzzy scorer separates right from wrong on its own ("كيم جونغ إيل" scores 83–93 against
"كيم جونغ أون" on every rapidfuzz scorer). Instead each expected word must be matched by a word of
the answer with the edits its length allows (the Open University pmatch rule: none up to 3 letters,
1 up to 7, 2 beyond), descriptor words (جامعة، university) are optional, and whatever is left over
in the answer is judged: filler and the prompt's own words are fine, a second candidate is not.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz.distance import OSA

from tutor.grading.lexicon import gendered, run_slip_allowed, slip_allowed
from tutor.grading.normalize import deletions, normalize, word_variants
from tutor.grading.numbers import NUMBER_WORDS
from tutor.grading.vocab import ALTERNATIVES, DESCRIPTORS, FILLER, FUNCTION, ROLES


def allowance(word: str) -> int:
    """Edits a word of this length may carry and still count as the word."""
    n = len(word)
    return 0 if n <= 3 else 1 if n <= 7 else 2


_DIGIT = re.compile(r"\d")


def _has_digit(w: str) -> bool:
    return _DIGIT.search(w) is not None


_LONG_VOWELS = str.maketrans("", "", "اوي")


def _skeleton(word: str) -> str | None:
    """An Arabic word without its long vowels, which people drop or add in names."""
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return None
    return word[0] + word[1:].translate(_LONG_VOWELS)


@lru_cache(maxsize=262144)
def word_edits(given: str, expected: str) -> int | None:
    """Edits between a typed word and an expected one, or None when too far apart.

    Tries the words without a proclitic or article too (بجامعة = جامعة), at no cost.
    """
    if given == expected:
        return 0
    gv, ev = word_variants(given), word_variants(expected)
    if len(gv) > 1 or len(ev) > 1:
        for g in gv:
            if g in ev:
                return 0  # "و2019" is "2019", "بجامعة" is "جامعة"
    if _has_digit(given) or _has_digit(expected):
        return None
    if given in NUMBER_WORDS:
        return None  # a quantity typed is meant: "billions" is no spelling slip for "millions"
    sk = _skeleton(expected)
    if sk is not None and len(sk) >= 2 and _skeleton(given) == sk and not gendered(given, expected):
        return 1  # a long vowel dropped or added: "هل" for "هال", "بوتن" for "بوتين"
    best = None
    for e in ev:
        cut = allowance(e)
        if cut == 0:
            continue
        for g in gv:
            if abs(len(g) - len(e)) > cut:
                continue
            d = OSA.distance(g, e, score_cutoff=cut)
            if d <= cut and (best is None or d < best) and slip_allowed(g, e):
                best = d  # ("Iraq" is a word of its own, not a slip for "Iran")
    return best


# A cheap, exact test that no word of an answer can be within a slip of any core word of a form, so
# that match_form skips its word-by-word scan (most forms of most questions, for most answers).
# word_edits(g, e) is not None only when g and e share a variant, or a long-vowel skeleton, or
# (optimal string alignment, at most 2 edits) a string each reaches by deleting at most as many
# letters as the edits: a substitution, an insertion or a swap of neighbours costs one deletion
# on each side at most. So a typed word's keys (its variants with up to 2 letters deleted, its
# skeleton) meet a form's keys (its core words' variants with up to their allowance deleted, their
# skeletons) whenever the word may match.
_KEYED_LEN = 24  # longer typed words: no keys (too many deletions), the scan decides


@lru_cache(maxsize=65536)
def _typed_keys(word: str) -> frozenset[str] | None:
    if len(word) > _KEYED_LEN:
        return None
    out: set[str] = set()
    for v in word_variants(word):
        out |= deletions(v, 2)
    sk = _skeleton(word)
    if sk is not None:
        out.add("\0" + sk)
    return frozenset(out)


@lru_cache(maxsize=65536)
def similar_keys(word: str) -> frozenset[str] | None:
    """Keys that two words share whenever same_word holds between them, either way round (their
    keys as typed, and their first four letters); None for a word too long to have keys."""
    keys = _typed_keys(word)
    if keys is None or len(word) < 4:
        return keys
    return keys | {"\1" + word[:4]}


@lru_cache(maxsize=65536)
def _answer_keys(given: tuple[str, ...]) -> frozenset[str] | None:
    """The keys of every word of an answer, or None when a word is too long to have any."""
    out: set[str] = set()
    for g in given:
        keys = _typed_keys(g)
        if keys is None:
            return None
        out |= keys
    return frozenset(out)


def _expected_keys(words: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        for v in word_variants(w):
            out |= deletions(v, allowance(v))
        sk = _skeleton(w)
        if sk is not None and len(sk) >= 2:
            out.add("\0" + sk)
    return frozenset(out)


@lru_cache(maxsize=262144)  # asked for the same pairs of words over and over (an option's words)
def same_word(a: str, b: str) -> bool:
    """Equal within a slip, or the same stem ("reviewing"/"reviewed", "مرجحا"/"مرجح")."""
    if word_edits(a, b) is not None:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 or (n >= 4 and min(len(a), len(b)) == n)


@lru_cache(maxsize=65536)
def _all_keys(words: tuple[str, ...]) -> frozenset[str] | None:
    """The similar_keys of all of `words` (not phrases), or None when one is too long for any."""
    sets = []
    for w in dict.fromkeys(words):
        if " " not in w:
            keys = similar_keys(w)
            if keys is None:
                return None
            sets.append(keys)
    return frozenset().union(*sets)


@lru_cache(maxsize=262144)
def near_any(word: str, words: tuple[str, ...]) -> bool:
    """Whether `word` is the same word (same_word) as one of `words`; phrases (words holding a
    space) are never. A word that shares no key with any of them (see similar_keys) is none of
    them, found with set operations instead of an alignment with every word."""
    if " " in word:
        return False
    keys = similar_keys(word)
    if keys is not None:
        every = _all_keys(words)
        if every is not None and keys.isdisjoint(every):
            return False
    return any(" " not in w and same_word(word, w) for w in words)


@dataclass(frozen=True, eq=False)  # identity: forms are made once per question, and hashed often
class Form:
    """One expected spelling, split into the words that must be there and those that may."""

    text: str  # as the bank wrote it, to show the learner
    words: tuple[str, ...]
    core: tuple[str, ...]  # must each be matched, in order
    compact: str  # core words run together, for "بيونغيانغ" = "بيونغ يانغ"
    family: bool = False  # a family name standing for the full name

    @cached_property
    def cut(self) -> int:
        """Edits the run-together form may carry: as many as its strictest word."""
        return min(allowance(w) for w in self.core)

    @cached_property
    def keys(self) -> frozenset[str]:
        """What a typed word within a slip of a core word shares with it (see _typed_keys)."""
        return _expected_keys(self.core)

    @cached_property
    def pieces(self) -> tuple[str, ...]:
        """The run-together form cut into 2·cut + 1 pieces (the whole when only an exact match
        counts). A string within `cut` edits of it (optimal string alignment: each edit touches
        at most two neighbouring pieces) holds one of them unchanged: words run together that
        hold none are not the form, and need no alignment."""
        target = self.compact
        k = 1 if self.cut == 0 or self.has_digit else 2 * self.cut + 1
        k = min(k, len(target)) or 1
        bounds = [len(target) * i // k for i in range(k + 1)]
        return tuple(target[a:b] for a, b in itertools.pairwise(bounds))

    @cached_property
    def has_digit(self) -> bool:
        return _has_digit(self.compact)

    @classmethod
    def of(cls, text: str, *, family: bool = False) -> Form | None:
        ws = tuple(normalize(text).split())
        if not ws:
            return None
        core = tuple(w for w in ws if w not in DESCRIPTORS and w not in FILLER) or ws
        return cls(text, ws, core, "".join(core), family)


@dataclass(frozen=True)
class Match:
    form: Form
    edits: int
    leftover: tuple[str, ...]  # answer words not used by the match
    span: tuple[int, int] | None = None  # first and last matched word in the answer


@lru_cache(maxsize=262144)
def match_form(given: tuple[str, ...], form: Form, *, reorder: bool = False) -> Match | None:
    """Match the form's core words, in order, against the answer's words (`reorder`: or all of
    them exactly, in another order, for a phrase that is not a person's name)."""
    keys = _answer_keys(given)
    if keys is not None and keys.isdisjoint(form.keys):
        # no word of the answer is within a slip of any core word: the scan below would fail
        # on the first one, and no reordering can hold them all
        return _compact_match(given, form)
    used: list[int] = []
    edits = 0
    j = 0
    for cw in form.core:
        k = j
        while k < len(given):
            d = word_edits(given[k], cw)
            if d is not None:
                break
            k += 1
        else:
            found = _compact_match(given, form)
            return found or (_reordered_match(given, form) if reorder else None)
        used.append(k)
        edits += d
        j = k + 1
    # matched words must sit together: only optional words may come between them
    for a, b in itertools.pairwise(used):
        for w in given[a + 1 : b]:
            if w not in DESCRIPTORS and w not in FILLER and not _optional_of(w, form):
                return _compact_match(given, form)
    taken = set(used)
    return Match(
        form,
        edits,
        tuple(w for i, w in enumerate(given) if i not in taken and not _optional_of(w, form)),
        (used[0], used[-1]),
    )


@lru_cache(maxsize=65536)
def _forms_index(forms: tuple[Form, ...]) -> tuple[frozenset[str], tuple[Form, ...]]:
    """The keys of all of `forms` at once, and those long enough to be typed run together."""
    keys = frozenset().union(*(f.keys for f in forms))
    return keys, tuple(f for f in forms if len(f.compact) >= 6)


def may_match(given: tuple[str, ...], forms: tuple[Form, ...]) -> bool:
    """False only when match_form finds none of `forms` in `given`, and no word of `given` is
    within a slip of any of their core words: a quick "no" for most options of most questions,
    reached with set operations instead of word-by-word alignment."""
    keys = _answer_keys(given)
    if keys is None:
        return True
    all_keys, runs = _forms_index(forms)
    if not keys.isdisjoint(all_keys):
        return True
    if not runs:
        return False
    content, lens, joined = _content(given)
    if not content:
        return False
    total = sum(lens)
    return any(
        total >= len(f.compact) - f.cut and any(piece in joined for piece in f.pieces) for f in runs
    )  # words run together may make one: match_form decides


def _reordered_match(given: tuple[str, ...], form: Form) -> Match | None:
    """Every word of a phrase, exactly, in another order ("the Ukraine crisis" for "the crisis
    in Ukraine"), side by side but for optional words. Spelling slips are not forgiven here."""
    if len(form.core) < 2:
        return None
    used: list[int] = []
    for cw in form.core:
        k = next((i for i, g in enumerate(given) if i not in used and word_edits(g, cw) == 0), None)
        if k is None:
            return None
        used.append(k)
    lo, hi = min(used), max(used)
    for i in range(lo, hi + 1):
        w = given[i]
        if i not in used and w not in DESCRIPTORS and w not in FILLER:
            return None
    taken = set(used)
    return Match(form, 0, tuple(w for i, w in enumerate(given) if i not in taken), (lo, hi))


def _optional_of(word: str, form: Form) -> bool:
    """A word of the form's optional part, typed with a slip ("King's Collsge London")."""
    return any(
        o != word and word_edits(word, o) is not None
        for o in form.words
        if o not in form.core and (o in DESCRIPTORS or o in FILLER)
    )


@lru_cache(maxsize=65536)
def _content(given: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...], str]:
    words = tuple(w for w in given if w not in DESCRIPTORS and w not in FILLER)
    return words, tuple(len(w) for w in words), "".join(words)


def _compact_match(given: tuple[str, ...], form: Form) -> Match | None:
    """Words run together or split apart: "pyong yang" = "pyongyang"."""
    target = form.compact
    if len(target) < 6:
        return None
    content, lens, joined_all = _content(given)
    # no more edits than the strictest word allows: "كيمجونغايل" is not "كيمجونغاون"
    cut = form.cut
    if not content or sum(lens) < len(target) - cut:
        return None
    if not any(piece in joined_all for piece in form.pieces):
        return None  # no run of the answer's words can be within `cut` edits (see Form.pieces)
    n = len(form.core)
    ends = list(itertools.accumulate(lens, initial=0))  # run lengths in O(1): linear overall
    for size in sorted({max(1, n - 1), n, n + 1}):
        for start in range(len(content) - size + 1):
            if abs(ends[start + size] - ends[start] - len(target)) > cut:
                continue
            joined = "".join(content[start : start + size])
            if joined == target:
                d = 0
            elif cut == 0 or form.has_digit or _has_digit(joined):
                continue
            else:
                d = OSA.distance(joined, target, score_cutoff=cut)
                if d > cut or not run_slip_allowed(content[start : start + size], form.core):
                    continue
            rest = content[:start] + content[start + size :]
            return Match(form, d, rest)
    return None


def split_leftover(leftover: tuple[str, ...], allowed: frozenset[str]) -> tuple[list[str], bool]:
    """Content words left over after a match, and whether the answer offers an alternative."""
    extra = []
    alt = False
    for w in leftover:
        if w in ALTERNATIVES:
            alt = True
        elif (
            w in FUNCTION  # "his", "which", "was": grammar is never a second candidate
            or w in DESCRIPTORS
            or w in ROLES
            or w in allowed
            or any(v in allowed or v in FILLER for v in word_variants(w))
        ):
            continue
        else:
            extra.append(w)
    return extra, alt


class _KeyIndex:
    """Which targets each key belongs to (a bit per target), and the targets whose forms may be
    typed run together; made once per prepared question's targets."""

    def __init__(self, targets: tuple) -> None:
        self.owners: dict[str, int] = {}
        self.runs: dict[int, tuple[Form, ...]] = {}
        for bit, t in enumerate(targets):
            keys, runs = _forms_index(t.forms)
            for key in keys:
                self.owners[key] = self.owners.get(key, 0) | 1 << bit
            if runs:
                self.runs[bit] = runs


_INDEXES: dict[int, tuple[tuple, _KeyIndex]] = {}


def _key_index(targets: tuple) -> _KeyIndex:
    hit = _INDEXES.get(id(targets))
    if hit is not None and hit[0] is targets:
        return hit[1]
    if len(_INDEXES) > 20000:
        _INDEXES.clear()
    index = _KeyIndex(targets)
    _INDEXES[id(targets)] = (targets, index)
    return index


@lru_cache(maxsize=262144)
def _word_mask(word: str, index: _KeyIndex) -> int:
    """The targets a typed word may be a slip of (its keys meet theirs); all of them (-1) for a
    word too long to have keys."""
    keys = _typed_keys(word)
    if keys is None:
        return -1
    mask = 0
    owners = index.owners
    for key in keys:
        mask |= owners.get(key, 0)
    return mask


def _earliest_ends(content: tuple[str, ...], joined: str, forms: tuple[Form, ...]) -> list[int]:
    """For each content word s, the fewest content words from s on (as an end index) that hold
    a piece of one of `forms` run together (len(content) + 1: none do)."""
    n = len(content)
    starts = list(itertools.accumulate((len(w) for w in content), initial=0))
    best = [n + 1] * (n + 1)
    budget = 8 * (len(joined) + 1)  # enough for any answer's pieces; past it, assume any run
    for f in forms:
        for piece in f.pieces:
            at = joined.find(piece)
            while at >= 0:
                budget -= 1
                if budget < 0:
                    return [0] * (n + 1)
                first = bisect.bisect_right(starts, at) - 1
                last = bisect.bisect_left(starts, at + len(piece))  # end index, exclusive
                best[first] = min(best[first], max(last, first + 1))
                at = joined.find(piece, at + 1)
    for s in range(n - 1, -1, -1):
        best[s] = min(best[s], best[s + 1])
    return best


def _is_content(w: str) -> bool:
    return w not in DESCRIPTORS and w not in FILLER


def _acronym_shaped(w: str) -> bool:
    return w not in FILLER and 2 <= len(w) <= 6 and w.isascii()


class Reach:
    """Which runs of an answer's words may name which of several targets (a list's items), in
    O(1) a run: a quick "no" before the segmenter judges every run against every target, made
    in time linear in the answer.

    `may(i, k, n)` is False only when no word of words[i:k] meets the keys of target n (of its
    `forms`), the run's content words run together hold no piece of a run-together form of it,
    and the run is not one short Latin word besides filler (an acronym): then may_match is
    False, and no form and no acronym of the target is in the run.
    """

    def __init__(self, words: tuple[str, ...], targets: tuple) -> None:
        index = _key_index(targets)
        masks = [_word_mask(w, index) for w in words]
        self._count = [  # per target, prefix counts of the words that meet its keys
            list(itertools.accumulate((m >> bit & 1 for m in masks), initial=0))
            for bit in range(len(targets))
        ]
        self._filler = list(itertools.accumulate((w not in FILLER for w in words), initial=0))
        self._short = list(itertools.accumulate(map(_acronym_shaped, words), initial=0))
        self._words = words
        self._runs = index.runs  # per target with run-together forms: those forms
        self._at: list[int] | None = None  # content words (as _content counts them) before each
        self._ends: dict[int, list[int]] = {}  # per target: see _earliest_ends, made when asked

    def may(self, i: int, k: int, n: int) -> bool:
        """Whether words[i:k] may name target n."""
        c = self._count[n]
        if c[k] > c[i]:
            return True
        if n in self._runs:
            at = self._at
            if at is None:
                at = self._at = list(
                    itertools.accumulate((_is_content(w) for w in self._words), initial=0)
                )
            ends = self._ends.get(n)
            if ends is None:
                content, _, joined = _content(self._words)
                ends = self._ends[n] = _earliest_ends(content, joined, self._runs[n])
            if ends[at[i]] <= at[k]:
                return True
        return self._filler[k] - self._filler[i] == 1 and self._short[k] > self._short[i]
