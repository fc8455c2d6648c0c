"""What kind of answer a learner's question asks for, and whether a passage holds one.

"when" / متى needs a date or year in the passage, "how many / how much" / كم a figure (not a
year), "price" / "cost" / سعر / ثمن a figure with its currency, as the grader's own date and
number parsers read them (or a bank question on the passage whose answer is of that type). A
question about something the articles do not give ("when was he born", "how tall is the
statue", "how much did the car cost") often finds a passage on the same people or things, which
holds no such answer: then the articles do not say. Yes/no questions ask for none of these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tutor.ask.dialect import standard
from tutor.grading.dates import date_parts
from tutor.grading.lexicon import common_words
from tutor.grading.normalize import fold, normalize, word_variants
from tutor.grading.numbers import figures

# Question words that ask for a date or a figure, as `normalize` leaves them.
_DATE = re.compile(
    r"^(?:when|what (?:year|date|month)|which (?:year|date|month)|in (?:what|which) year)\b"
    r"|\b(?:when|what year|which year|what date)\b"
    r"|(?:^|\s)(?:متي|امتي|وامتي)(?:\s|$)|(?:^|\s)(?:في )?(?:اي|أي) (?:عام|سنه|تاريخ|شهر)(?:\s|$)"
)
_FIGURE = re.compile(
    r"\bhow (?:many|much|long|tall|old|far|big|large|high|often)\b"
    r"|\bwhat (?:percentage|share|number|amount|price)\b"
    r"|(?:^|\s)(?:كم|بكم|وكم)(?:\s|$)"
    # "what is the population of ...", "ما عدد سكان ...": a quantity asked for by its noun
    r"|\bwhat (?:is|was|are|were) (?:the |its |their )?"
    r"(?:population|number|size|length|height|area|age|total|value)\b"
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
_WHO_IS = re.compile(r"^(?:is|was|are|were|هو|هي|هم|كان|كانت)\s+(.*)$")
_WHO_ROLE = re.compile(r"^(?:the|a|an|current|present|new)\b")
DATE_TYPES = frozenset({"date", "year"})
FIGURE_TYPES = frozenset({"number", "year", "date"})


@lru_cache(maxsize=65536)
def _is_name(word: str) -> bool:
    """A word that is none of its language's common words, in any form the grader gives it (a
    proclitic or the article taken off): a name, most likely."""
    if len(word) < 3 or not word.isalpha():
        return False
    common = common_words()
    return not any(fold(v) in common for v in word_variants(word))


@lru_cache(maxsize=4096)
def slot(question: str) -> str | None:
    """ "date", "money", "figure" or None: what kind of answer the question's own words ask for."""
    s = standard(question)  # "امتى", "مين", "قديش" read as متى, من, كم
    if _YES_NO.search(s):
        return None
    if _DATE.search(s):
        return "date"
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
            return None if not first.isascii() and _is_name(first) else "name"
        first = (rest[1].split() or [""])[0]
        role = _WHO_ROLE.match(rest[1]) if first.isascii() else not _is_name(first)
        return "name" if role else None
    if _MONEY.search(s) or (_PAY.search(s) and _FIGURE.search(s)):
        return "money"
    if _FIGURE.search(s):
        return "figure"
    return None


def fills(kind: str | None, text: str, types: frozenset[str] = frozenset()) -> bool:
    """Whether a passage `text` (with bank questions of answer `types` on it) can fill `kind`."""
    if kind is None:
        return True
    if kind == "date":
        if types & DATE_TYPES:
            return True
        d = date_parts(text)
        return bool(d.years or d.months)
    if kind == "name":
        return any(_is_name(w) for w in normalize(text).split())
    if kind == "money":
        return bool(_CURRENCY.search(normalize(text))) and bool(figures(text).values)
    if types & FIGURE_TYPES:
        return True
    # A year is no count or price: "how much did it cost" is not answered by "in 2023".
    years = date_parts(text).years
    return any(v not in years for v in figures(text).values)
