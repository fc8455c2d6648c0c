"""What kind of answer a learner's question asks for, and whether a passage holds one.

"when" / متى needs a date or year in the passage, "how many / how much" / كم a figure (not a
year), "price" / "cost" / سعر / ثمن a figure with its currency, as the grader's own date and
number parsers read them (or a bank question on the passage whose answer is of that type);
"who does" / من and "what is the name of" / ما اسم a name, "where" / أين a place (a name, or one
of the articles' listed names), "why" / لماذا a reason connective (بسبب، لأن، بهدف، للحفاظ …).
Whatever it is, it must be something the question does not already say: the year in "where did
they meet in 2019" is no answer. A question about something the articles do not give ("when was
he born", "how tall is the statue", "what is the name of his sister") often finds a passage on
the same people or things, which holds no such answer: then the articles do not say. Yes/no
questions ask for none of these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tutor.ask.dialect import standard
from tutor.grading.dates import MONTHS, date_parts
from tutor.grading.lexicon import common_words
from tutor.grading.normalize import fold, normalize, word_variants
from tutor.grading.numbers import figures

# Question words that ask for a date or a figure, as `normalize` leaves them.
_DATE = re.compile(
    r"^(?:when|what (?:year|date|month)|which (?:year|date|month)|in (?:what|which) year)\b"
    r"|\b(?:when|what year|which year|what date)\b"
    r"|(?:^|\s)(?:متي|امتي|وامتي)(?:\s|$)|(?:^|\s)(?:في )?(?:اي|أي) (?:عام|سنه|تاريخ|شهر)(?:\s|$)"
)
# "What happened to ... when the USSR fell apart?": a "when" after another question word opens
# a clause, and asks for no date (unless "what year" or "what date" says so).
_OTHER_WH = re.compile(r"^(?:what|whats|who|whom|whose|how|why|where|which)\b")
_WHEN_CLAUSE = re.compile(r"^(?!.*\b(?:what|which) (?:year|date|month)\b).*\bwhen\b")
_FIGURE = re.compile(
    r"\bhow (?:many|much|long|tall|old|far|big|large|high|often)\b"
    r"|\bwhat (?:percentage|share|number|amount|price)\b"
    r"|(?:^|\s)(?:كم|بكم|وكم)(?:\s|$)"
    # "what is the population of ...", "ما عدد سكان ...": a quantity asked for by its noun
    r"|\bwhat (?:is|was|are|were) (?:the |its |their )?"
    r"(?:population|number|size|length|height|area|age|total|value)\b"
    # "what was the vote count", "what is the death toll": a count named by its noun
    r"|\bwhat(?:s| is| was| are| were) (?:the |its |their )?(?:\w+ )?"
    r"(?:count|tally|toll|total|percentage|number)\b"
    r"|^(?:ما|ماذا) (?:هو |هي )?(?:عدد|طول|مساحه|ارتفاع|عمر|حجم|قيمه|مجموع)\b"
)
# A price or cost asks for money: a figure with its currency.
_MONEY = re.compile(
    r"\b(?:price|prices|cost|costs|worth|money)\b"
    r"|(?:^|\s)[وفب]?(?:ال)?(?:سعر|اسعار|ثمن|ثمنا|كلف|كلفه|تكلفه|تكاليف)(?:\s|$)"
)
# Paying asks for money only with "how much": "ما الذي دفع القادة ..." ("what drove the
# leaders") and "what did Russia pay with" ask for a reason or a thing.
_PAY = re.compile(
    r"\b(?:pay|paid|pays|spend|spent)\b|(?:^|\s)[وف]?(?:يدفع|تدفع|دفعت|دفع|ينفق|انفق)(?:\s|$)"
)
_CURRENCY = re.compile(
    r"[$€£¥]|\b(?:dollars?|euros?|roubles?|rubles?|yuan|won|pounds?|usd|eur)\b"
    r"|(?:دولار|يورو|روبل|يوان|وون|جنيه|ريال|درهم)"
)
# A yes/no question asks for no date, figure or price, whatever words it holds ("did the costs
# rise?").
_YES_NO = re.compile(
    r"^(?:do|does|did|is|are|was|were|will|would|can|could|has|have|had|should|shall)\b"
    r"|^(?:هل|وهل|أ?ليس)(?:\s|$)"
)
_WHO = re.compile(r"^(?:who|whom|whose|من|مين|ومن)\s+(?!اين\b)(.*)$")
# "what is the name of ...", "ما اسم ...", "شو اسم ..." (read as ماذا اسم) ask for a name.
_NAME = re.compile(
    r"\bwhat(?:s| is| was| are| were)? (?:the )?names? of\b"
    r"|\bwhat (?:is|was) (?:his|her|its|their) name\b"
    r"|^(?:ما|ماذا|وما) (?:هو |هي )?(?:اسم|اسماء)(?:\s|$)"
)
# "where" / أين asks for a place ("من أين", where from, is left as it was: no kind asked).
_WHERE = re.compile(
    r"^(?:where|in which (?:city|country|place|town)|which (?:city|country|town))\b"
    r"|\bwhere (?:did|does|do|was|were|is|are|will|would)\b"
    r"|^(?:و?اين|في (?:اي|أي) (?:مكان|مدينه|بلد|دوله))(?:\s|$)"
)
# "why" / لماذا asks for a reason: the passage must give one, with a connective that says so.
_WHY = re.compile(r"^(?:why|what (?:is|was) the reason)\b|^(?:و?لماذا|ما سبب|ما هو سبب)(?:\s|$)")
_BECAUSE = re.compile(
    r"\b(?:because|since|due to|owing to|as a result|in order to|so that|therefore|thus|hence|"
    r"aims? to|seeks? to|reason|motivat\w*|driven by)\b"
    r"|(?:^|\s)لل\w{3,}"  # للحفاظ على: "in order to keep"
    r"|(?:^|\s)[وف]?(?:ل?ان|لانه|لانها|لانهم|بسبب|نتيجه|نظرا|لذلك|ولهذا|لهذا|بهدف|لكي|كي|حتي|"
    r"اجل|سبب|اسباب|يسعي|تسعي|تسعى|يسعى|رغبه|بغيه|لغرض|مما|اذ|حيث|ساعيه|سعيا|دفع|دفعت|ادي|ادت)(?:\s|$)"
)
_MANY = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|billions)\b"
    r"|(?:^|\s)[وب]?(?:ال)?(?:عشرات|مئات|الاف|ملايين|مليارات|بلايين)(?:\s|$)"
)
_WHO_IS = re.compile(r"^(?:is|was|are|were|هو|هي|هم|كان|كانت)\s+(.*)$")
_POSSESSIVE = re.compile(r"\w['’]s\b")
_WHO_ROLE = re.compile(r"^(?:the|a|an|current|present|new)\b")
DATE_TYPES = frozenset({"date", "year"})
# A bank question on the passage whose answer is a count: one whose answer is a date or a year
# says when, not how many ("what was the vote count" beside "in which month was the veto").
FIGURE_TYPES = frozenset({"number"})


@lru_cache(maxsize=65536)
def is_name(word: str) -> bool:
    """A word that is none of its language's common words, in any form the grader gives it (a
    proclitic or the article taken off): a name, most likely."""
    if len(word) < 3 or not word.isalpha():
        return False
    common = common_words()
    return not any(fold(v) in common for v in word_variants(word))


@lru_cache(maxsize=4096)
def slot(question: str) -> str | None:
    """ "date", "money", "figure", "name", "place", "reason" or None: what kind of answer the
    question's own words ask for."""
    s = standard(question)  # "امتى", "مين", "قديش" read as متى, من, كم
    if _YES_NO.search(s):
        return None
    if _DATE.search(s) and not (_OTHER_WH.match(s) and _WHEN_CLAUSE.search(s)):
        return "date"
    if _NAME.search(s):
        return "name"
    if _WHERE.search(s):
        return "place"
    if _WHY.search(s):
        return "reason"
    who = _WHO.match(s)
    if who:
        # "who is Stanislav Tkachenko?" asks what he is; "who is the mayor of ...?", "من هو
        # رئيس ...؟" (a role: "the", or a common Arabic word) and "who drove the car?" ask for
        # a name. (English names are often common words: "Robert", "Kim".)
        rest = _WHO_IS.match(who[1])
        if rest is None:
            # "مين كيم جونغ ايل": Arabic drops the "is"; a name straight after "who" asks
            # what that person is.
            first = (who[1].split() or [""])[0]
            return None if not first.isascii() and is_name(first) else "name"
        first = (rest[1].split() or [""])[0]
        # "who is north korea's defence minister": a role of a country or person
        role = (
            _WHO_ROLE.match(rest[1]) or _POSSESSIVE.search(question)
            if first.isascii()
            else not is_name(first)
        )
        return "name" if role else None
    if _MONEY.search(s) or (_PAY.search(s) and _FIGURE.search(s)):
        return "money"
    if _FIGURE.search(s):
        return "figure"
    return None


@lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    """The articles' names and terms (terms.tsv), folded: places such as موسكو or بكين are
    common words of the language, and still a place."""
    from tutor.ask.bridge import listed_terms

    return frozenset(
        fold(v)
        for en, ar in listed_terms()
        for w in normalize(ar).split()
        for v in word_variants(w)
    )


def _is_place(word: str) -> bool:
    return is_name(word) or any(fold(v) in _listed_names() for v in word_variants(word))


def _names(text: str) -> set[str]:
    """The name-like words of `text` (none of its language's common words), folded, each in
    every form the grader gives it."""
    out: set[str] = set()
    for w in normalize(text).split():
        if is_name(w):
            out.update(fold(v) for v in word_variants(w))
    return out


def fills(
    kind: str | None, text: str, types: frozenset[str] = frozenset(), asked: str = ""
) -> bool:
    """Whether a passage `text` (with bank questions of answer `types` on it) can fill `kind`
    for the question `asked`: with something the question does not already say (the year in
    "where did they meet in 2019", the person in "what is the name of Kim's sister" are no
    answer)."""
    if kind is None:
        return True
    if kind == "reason":
        return bool(_BECAUSE.search(normalize(text)))
    if kind in ("name", "place"):
        said = _names(asked) | (
            {fold(v) for w in normalize(asked).split() for v in word_variants(w)}
            if kind == "place"
            else set()
        )
        named = _is_place if kind == "place" else is_name
        return any(
            named(w) and not any(fold(v) in said for v in word_variants(w))
            for w in normalize(text).split()
        )
    given = set(figures(asked).values) if asked else set()
    if kind == "date":
        if types & DATE_TYPES:
            return True
        d = date_parts(text)
        return bool((d.years - given) or d.months)
    if kind == "money":
        return bool(_CURRENCY.search(normalize(text))) and any(
            v not in given for v in figures(text).values
        )
    if types & FIGURE_TYPES:
        return True
    # A year, or the day of a date, is no count or price: "how much did it cost" is not
    # answered by "in 2023", nor "how many articles does the treaty have" by "on 19 June".
    dated = date_parts(text).years | _days(text)
    if any(v not in dated and v not in given for v in figures(text).values):
        return True
    # "millions of weapons", "عشرات الصواريخ": an order of size answers "how many" as the
    # article gives it
    return bool(_MANY.search(normalize(text)))


def _days(text: str) -> set[int]:
    """The days of the month `text` writes beside a month's name ("19 يونيو", "June 4")."""
    toks = normalize(text).replace("/", " ").split()
    month = [any(v in MONTHS for v in word_variants(t)) for t in toks]
    out = set()
    for i, t in enumerate(toks):
        beside = (i > 0 and month[i - 1]) or (i + 1 < len(toks) and month[i + 1])
        if beside and t.isdigit() and int(t) <= 31:
            out.add(int(t))
    return out
