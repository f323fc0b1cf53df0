"""What a count counts: the outcome of people in a casualty report, the unit of an amount.

News reports people killed, injured, arrested, missing or displaced, and these are different
facts: "about fifty people … were injured" does not say how many were killed, however close the
two sentences are in any encoder's space (MiniLM puts "killed" 0.40 from "injured", e5 0.89).
Likewise a question that names its unit ("How long is the border in kilometres?", "What
percentage …?", "Combien coûte …?") is not answered by a count of soldiers. Both are read from
the words alone, in English, Russian and French, as general news vocabulary, not any document's.

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
        r"\b(?:kill(?:s|ed|ing)?|die[sd]?|dying|dead|deaths?|fatalit(?:y|ies)|perish(?:ed)?|"
        r"lost\s+(?:their|his|her)\s+li(?:fe|ves)|death\s+toll)\b"
        r"|\b(?:погиб|убит|убил|убиты|смерт|мертв|умер|скончал)\w*"
        r"|\b(?:morts?|tués?|tuées?|décédé(?:e|s|es)?|décès)\b", re.IGNORECASE)),
    ("injured", re.compile(
        r"\b(?:injur(?:ed|ies|y|ing)|wound(?:ed|s)?|hurt)\b"
        r"|\b(?:ранен|ранил|ранены|травм)\w*"
        r"|\b(?:blessé(?:e|s|es)?|blessures?)\b", re.IGNORECASE)),
    ("arrested", re.compile(
        r"\b(?:arrest(?:s|ed)?|detain(?:s|ed)?|detention)\b|\b(?:арест|задержа)\w*"
        r"|\b(?:arrêté(?:e|s|es)?|interpellé(?:e|s|es)?)\b", re.IGNORECASE)),
    ("missing", re.compile(
        r"\bmissing\b|\bпропал\w*\s+без\s+вести\b|\bdisparu(?:e|s|es)?\b", re.IGNORECASE)),
    ("displaced", re.compile(
        r"\b(?:displaced|refugees?|evacuat(?:ed|ion))\b|\b(?:беженц|эвакуир|переселен)\w*"
        r"|\b(?:réfugiés?|déplacé(?:e|s|es)?|évacué(?:e|s|es)?)\b", re.IGNORECASE)),
)

# The units an amount is asked in, and what a sentence must then show.
_UNITS = (
    ("length", re.compile(
        r"\b(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?)\b|\bкилометр\w*|\bкм\b"
        r"|\bkilomètres?\b|\bmètres?\b", re.IGNORECASE)),
    ("area", re.compile(
        r"\b(?:square\s+\w+|hectares?|acres?|km2|km²)\b|\bквадратн\w*|\bгектар\w*"
        r"|\bcarrés?\b", re.IGNORECASE)),
    ("money", re.compile(
        r"[$€£₽]|\b(?:dollars?|euros?|pounds\s+sterling|roubles?|rubles?|manats?|drams?|"
        r"cost(?:s|ing)?|price[sd]?|budget|spen[dt]|paid|pay)\b"
        r"|\b(?:долл\w*|евро|рубл\w*|стоимост\w*|бюджет\w*|заплат\w*)|\bцен(?:а|ы|у|ой|е)\b"
        r"|\b(?:co[uû]t(?:e|ent|s)?|prix|dépens\w*|budget)\b", re.IGNORECASE)),
    ("percent", re.compile(
        r"%|\bper\s*cent(?:age)?\b|\bpercent(?:age)?s?\b|\bпроцент\w*|\bpour\s*cent\b|\bpourcentage\b",
        re.IGNORECASE)),
    ("weight", re.compile(
        r"\b(?:tons?|tonnes?|kilo(?:gram(?:me)?s?|s)?|kg)\b|\bтонн\w*|\bкилограм\w*", re.IGNORECASE)),
)
# What shows an amount of money in a sentence: a currency, not the words that ask for one.
_CURRENCY = re.compile(
    r"[$€£₽]|\b(?:dollars?|euros?|pounds|roubles?|rubles?|manats?|drams?|yuan|yen)\b", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def outcomes(text: str) -> frozenset[str]:
    """The outcomes of people a text names ("were injured" → {"injured"})."""
    return frozenset(kind for kind, pattern in _OUTCOMES if pattern.search(text))


def fits_outcome(asked: frozenset[str], text: str, *, counted: bool = False) -> bool:
    """False when ``text`` names outcomes but none of those asked; and when it names none of them
    if the question counts them ("How many were killed?" needs a count of the killed)."""
    named = outcomes(text)
    return not asked or bool(named & asked) or not (named or counted)


@lru_cache(maxsize=20_000)
def units(text: str) -> frozenset[str]:
    """The units a question asks an amount in ("in kilometres" → {"length"})."""
    return frozenset(kind for kind, pattern in _UNITS if pattern.search(text))


def shows_unit(unit: str, text: str) -> bool:
    """True when ``text`` gives an amount in ``unit``: money needs a currency, not "cost"."""
    if unit == "money":
        return bool(_CURRENCY.search(text))
    return any(pattern.search(text) for kind, pattern in _UNITS if kind == unit)
