"""What a count counts: the outcome of people in a casualty report, the unit of an amount.

News reports people killed, injured, arrested, missing or displaced, and these are different
facts: "about fifty people … were injured" does not say how many were killed, however close the
two sentences are in any encoder's space (MiniLM puts "killed" 0.40 from "injured", e5 0.89).
Likewise a question that asks its amount in a unit ("How long is the border in kilometres?",
"What percentage …?", "Combien coûte …?") is not answered by a count of soldiers. Both are read
from the words alone, in English, Russian and French, as general news vocabulary, not any
document's.

A sentence fails a question when it names another outcome and not the one asked; a sentence that
names no outcome fails only a question that counts them (``fits_outcome``): "How many were
killed?" needs a count of the killed, while "Who was hurt?" is left to the other checks.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The outcomes of people in a report. Words that cover several ("casualties", "victims",
# "пострадали", "victimes") belong to none, so they never make a conflict.
_OUTCOMES = (
    ("killed", re.compile(
        r"\b(?:kill(?:s|ed|ing|ings)?|die[sd]?|dying|dead|deaths?|fatalit(?:y|ies)|perish(?:ed)?|"
        r"lost\s+(?:their|his|her)\s+li(?:fe|ves)|death\s+toll|claimed\s+(?:\S+\s+){1,3}?lives)\b"
        r"|\b(?:погиб|убит|убил|убийств|смерт|мертв|умер|скончал)\w*"
        r"|\b(?:mort(?:e|s|es)?|tué(?:e|s|es)?|tuant|décédé(?:e|s|es)?|décès)\b", re.IGNORECASE)),
    ("injured", re.compile(
        r"\b(?:injur(?:e|es|ed|ies|y|ing)|wound(?:ed|s|ing)?|hurt)\b"
        r"|\b(?:ранен|ранил|ранены|травм)\w*"
        r"|\b(?:blessé(?:e|s|es)?|blessures?)\b", re.IGNORECASE)),
    ("arrested", re.compile(
        r"\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detainees?|detention|jailed|imprisoned|custody)\b"
        r"|\b(?:арест|задержан)\w*"
        r"|\b(?:arrêté(?:e|s|es)?|arrestations?|interpellé(?:e|s|es)?|interpellations?|détenu(?:e|s|es)?)\b",
        re.IGNORECASE)),
    ("missing", re.compile(
        r"\bmissing\b|\bпропа\w*\s+без\s+вести\b|\b(?:disparu(?:e|s|es)?|disparitions?)\b", re.IGNORECASE)),
    ("displaced", re.compile(
        r"\b(?:displaced|refugees?|evacuat(?:ed|ion|ions)|fled|fleeing)\b|\b(?:беженц|эвакуа|эвакуир|переселен)\w*"
        r"|\b(?:réfugiés?|déplacé(?:e|s|es)?|évacu(?:é|ée|és|ées|ation|ations))\b", re.IGNORECASE)),
)
# Uses of those words that report no outcome of people: "the fighting died down", "a dead end",
# "missing the point", "a refugee camp", "the killing of the journalist" (a question about
# countries that condemned it counts countries), "он задержался" (stayed late).
_FIGURATIVE = re.compile(
    r"\bdie[sd]?\s+(?:down|out|away|off)\b|\bdead\s+(?:end|set|heat|line|lock)\w*|\bmissing\s+(?:the|from|out)\b"
    r"|\brefugee\s+(?:camp|crisis|status|policy)s?\b|\b(?:killings?|deaths?|arrests?|detention)\s+of\b"
    r"|\bold\s+wounds\b|\bзадержал(?:ся|ась|ись|ось)\b", re.IGNORECASE)

# Words for people a count may count ("3,000 Russian military personnel", "about fifty people"): a
# count of any of them answers "How many soldiers…?", and a count of anything else does not.
PEOPLE = frozenset("""
people persons person ppl soldiers soldier troops troop personnel servicemen servicewomen
civilians civilian fighters fighter men women children peacekeepers officers officer casualties
victims residents inhabitants citizens refugees protesters demonstrators militants rebels workers
staff police policemen prisoners hostages detainees journalists dead deaths killed injured wounded
""".split())  # noqa: SIM905 - a word list reads best as text

# The units an amount is asked in, and what a sentence must then show. A number the question
# gives beside a unit ("within 10 km of the border") is no unit asked.
_UNITS = {
    "length": re.compile(
        r"\b(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?)\b|\bкилометр\w*|\bкм\b"
        r"|\bkilomètres?\b|\bmètres?\b", re.IGNORECASE),
    "area": re.compile(
        r"\bsquare\s+(?:kilomet|met|mile)\w*|\bsq\.?\s*(?:km|mi)\b|\b(?:hectares?|acres?|km2)\b|km²"
        r"|\bквадратн\w+\s+(?:километр|метр)\w*|\bкв\.\s*км\b|\bгектар\w*"
        r"|\b(?:kilo)?mètres?\s+carrés\b|\bkm\s*carrés\b", re.IGNORECASE),
    "money": re.compile(
        r"[$€£₽]|\b(?:dollars?|euros?|roubles?|rubles?|manats?|drams?|cost(?:s|ing)?|price[sd]?|"
        r"USD|EUR|RUB|AMD|AZN)\b"
        r"|\b(?:долл\w*|евро|рубл\w*|драм\w*|манат\w*|стоимост\w*|стоил\w*)|\bцен(?:а|ы|у|ой|е)\b"
        r"|\b(?:co[uû]t(?:e|ent|s|é)?|prix)\b", re.IGNORECASE),
    "percent": re.compile(
        r"%|\bper\s*cent(?:age)?\b|\bpercent(?:age)?s?\b|\bпроцент\w*|\bpour\s*cent\b|\bpourcentage\b",
        re.IGNORECASE),
    "weight": re.compile(
        r"\b(?:tons?|tonnes?|kilo(?:gram(?:me)?s?|s)?|kg)\b|\bтонн\w*|\bкилограм\w*", re.IGNORECASE),
}
_GIVEN_AMOUNT = re.compile(r"\d[\d.,\s]*\s*(?:sq\.?\s*|square\s+)?[^\W\d_]+|[$€£₽]\s*\d[\d.,]*")
# What shows an amount of money in a sentence: a currency, not the words that ask for one.
_CURRENCY = re.compile(
    r"[$€£₽]|\b(?:dollars?|euros?|pounds|roubles?|rubles?|manats?|drams?|yuan|yen|USD|EUR|RUB|AMD|AZN)\b"
    r"|\b(?:долл\w*|евро|рубл\w*|драм\w*|манат\w*)", re.IGNORECASE)
# "How many lives did the war cost?" counts lives, not money.
_COUNT_OF_THINGS = re.compile(r"\bhow\s+many\b", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def outcomes(text: str) -> frozenset[str]:
    """The outcomes of people a text names ("were injured" → {"injured"})."""
    plain = _FIGURATIVE.sub(" ", text)
    return frozenset(kind for kind, pattern in _OUTCOMES if pattern.search(plain))


def fits_outcome(asked: frozenset[str], sentence: str, in_context: str = "", *,
                 counted: bool = False) -> bool:
    """False when a sentence names outcomes but none of those asked, or names none of them when
    the question counts them ("How many were killed?" needs a count of the killed). A sentence
    that names no outcome is read with the sentence before it ("…were killed. Most were soldiers.")."""
    if not asked:
        return True
    named = outcomes(sentence) or outcomes(in_context)
    return bool(named & asked) or not (named or counted)


@lru_cache(maxsize=20_000)
def units(question: str) -> frozenset[str]:
    """The units a question asks an amount in ("in kilometres" → {"length"}), not those of an
    amount it gives ("within 10 km")."""
    asked = _GIVEN_AMOUNT.sub(" ", question)
    found = {kind for kind, pattern in _UNITS.items() if pattern.search(asked)}
    if "money" in found and _COUNT_OF_THINGS.search(question):
        found.discard("money")
    return frozenset(found)


def shows_unit(unit: str, text: str) -> bool:
    """True when ``text`` gives an amount in ``unit``: money needs a currency, not "cost"."""
    if unit == "money":
        return bool(_CURRENCY.search(text))
    return bool(_UNITS[unit].search(text))
