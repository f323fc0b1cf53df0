"""What a count counts: the outcome of people in a casualty report, the unit of an amount.

News reports people killed, injured, arrested, missing or displaced, and these are different
facts: "about fifty people … were injured" does not say how many were killed, however close the
two sentences are in any encoder's space (MiniLM puts "killed" 0.40 from "injured", e5 0.89).
Likewise a question that asks its amount in a unit ("How long is the border in kilometres?",
"What percentage …?", "Combien coûte …?") is not answered by a count of soldiers. Both are read
from the words alone, in English, Russian and French, as general news vocabulary, not any
document's.

A count of what is left somewhere is not a count of what was moved away (``fits_remaining``).
A question may also ask for a standing fact of a place or a body (its population, currency,
official language, capital, seat, weather, budget, economy, trade, area, rates:
``attributes``), which only a sentence that speaks of it gives.

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
        r"lost\s+(?:their|his|her)\s+li(?:fe|ves)|death\s+toll|claimed\s+(?:\S+\s+){1,3}?lives|"
        # soldiers lost in a war are dead ("How many soldiers has Russia lost?")
        r"(?:soldiers|troops|servicemen|service\s+members|men)\s+(?:\S+\s+){0,3}?lost|"
        r"lost\s+(?:(?:about|some|around|nearly|over|almost|more\s+than)\s+)?(?:[\d.,]+\s+)?"
        r"(?:soldiers|troops|servicemen|service\s+members))\b"
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

# A value said in money ("the dollar value of…", "its market worth"), which a question asks as an
# amount (``question._NUMBER_QUESTION``) in money.
MONEY_VALUE = r"(?:dollar|monetary|financial|cash|market)\s+(?:value|worth)"

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
        rf"{MONEY_VALUE}|budget|бюджет\w*|"
        r"USD|EUR|RUB|AMD|AZN)\b"
        r"|\b(?:долл\w*|евро|рубл\w*|драм\w*|манат\w*|стоимост\w*|стоил\w*)|\bцен(?:а|ы|у|ой|е)\b"
        r"|\b(?:co[uû]t(?:e|ent|s|é)?|prix|montant)\b|\bсумм[уаы]\b", re.IGNORECASE),
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
# "How much" asked of spending, paying or earning asks an amount of money too ("How much does
# Russia spend on its bases?"), not a count of the soldiers there; so does "how much money".
_HOW_MUCH_MONEY = re.compile(
    r"\bhow\s+much\s+(?!(?:time|effort|energy|attention|influence|power|land|territory|gas|oil)\b)"
    r"[^?]*\b(?:money|spend(?:s|ing)?|spent|pa(?:y|ys|id|ying)|earn(?:s|ed|ing)?|worth|charg(?:e|es|ed|ing)|"
    r"invest(?:s|ed|ing)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing))\b"
    r"|\bсколько\s+(?:\w+\s+){0,3}?(?:денег|тратит\w*|потрат\w*|плат\w*|заплат\w*|заработ\w*)"
    r"|\bcombien\s+(?:d['’]argent\b|(?:[\w'’-]+\s+){0,3}?(?:dépens\w*|pai(?:e|es|ent|era|eront)\b|"
    r"pay(?:é|ée|és|er|ons|ez|ait|aient)\b|gagn\w*|investi\w*))",
    re.IGNORECASE)
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
    if _HOW_MUCH_MONEY.search(asked):
        found.add("money")
    if "money" in found and _COUNT_OF_THINGS.search(question):
        found.discard("money")
    return frozenset(found)


def shows_unit(unit: str, text: str) -> bool:
    """True when ``text`` gives an amount in ``unit``: money needs a currency, not "cost"."""
    if unit == "money":
        return bool(_CURRENCY.search(text))
    return bool(_UNITS[unit].search(text))


# What is left somewhere is not what was moved away: "How many Russian troops remain in
# Nagorno-Karabakh after the transfer?" is not answered by "…part of the Russian troops in
# Nagorno-Karabakh (1,900 people…) was transferred to Ukraine", which counts those who left.
_REMAINING = re.compile(
    r"\b(?:remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|left\s+(?:in|behind|there|over)|still\s+(?:in|there|stationed|"
    r"deployed|present))\b|\b(?:are|were|is|was)\s+left\b|\bоста(?:л|ют|ет|ёт|ва|ю)\w*"
    r"|\b(?:rest(?:e|ent|ait|aient|é|és)|demeur\w*)\b", re.IGNORECASE)
_MOVED = re.compile(
    r"\b(?:transferred|moved|redeployed|withdrawn|withdrew|pulled\s+out|relocated|evacuated)\b"
    r"|\b(?:переброс|переброш|передислоц|выведен|вывел|вывод)\w*"
    r"|\b(?:transféré|retiré|redéployé|déplacé)(?:e|s|es)?\b", re.IGNORECASE)


# "The troops that had remained in Karabakh" names whom a question asks about, not what.
_RELATIVE = re.compile(r"\b(?:that|which|who|had|have|has)\s+$", re.IGNORECASE)


def asks_remaining(question: str) -> bool:
    """True for a question about what is left somewhere ("How many troops remain…?"), not one
    that names those who remained ("How many of the troops that had remained were transferred?")."""
    return any(not _RELATIVE.search(question[:m.start()]) for m in _REMAINING.finditer(question))


def fits_remaining(sentence: str, in_context: str = "") -> bool:
    """False when the text counts what was moved away and says nothing of what is left."""
    text = f"{sentence} {in_context}"
    return not _MOVED.search(text) or bool(_REMAINING.search(text))


# A country's or a body's standing facts, as a reference book lists them: its population, its
# economy's size, its currency, its official language, its capital, its seat, its weather, its
# budget, its trade, its area, its rates. A question that asks for one is answered only by a
# sentence that speaks of it: no epithet stands for "population" or "currency" the way "the
# Kremlin" stands for Russia, and a sentence that only names the country ("…the whole world
# considers this land part of Azerbaijan") does not give its population. Each is (what asks for
# it, what shows it), in English, Russian and French. "The civilian population" asks for no
# population figure, so only the population *of* somewhere is asked, and only the capital a
# question asks for by "what is" ("hardliners in Armenia's capital" are in Yerevan); "the
# political climate" is no weather, and a share of a population ("What share of the population
# is Shia?", "Quelle part de la population…") asks for the share.
_SHARE_OF_POPULATION = re.compile(
    r"(?:%|\b(?:share|percentage|percent|per\s+cent|proportion|part|portion|majority|minority|pourcentage|"
    r"доля|долю|доли|часть|процент\w*|большинство|меньшинство))\s+(?:of\s+|de\s+|d['’]\s*)?"
    r"(?:the\s+|la\s+|l['’]\s*)?(?:[^\W\d_]+['’]s?\s+)?(?:population|населени\w*)", re.IGNORECASE)
_ATTRIBUTES = {
    "population": (
        re.compile(r"\b(?:what|how\s+(?:big|large))(?:['’]s|\s+(?:is|was|are))\s+(?:the\s+)?(?:population\s+of\b"
                   r"|[^\W\d_]+['’]s?\s+population\b)|\bhow\s+populous\b|\bpopulation\s+(?:size|figure)s?\b"
                   r"|\bhow\s+many\s+(?:people|inhabitants|residents)\s+(?:\w+\s+)?live\b"
                   r"|\bnumber\s+of\s+(?:inhabitants|residents)\b"
                   r"|\b(?:каков\w*|какая|какое)\s+(?:численность\s+)?населени\w*|\bчисленность\s+населени\w*"
                   r"|\bсколько\s+жителей\b|\bсколько\s+(?:человек|людей)\s+(?:\w+\s+)?(?:живет|живёт|живут|"
                   r"проживает|проживают)\b|\bquelle\s+est\s+la\s+population\b|\bcombien\s+d['’]habitants\b"
                   r"|\bcombien\s+(?:de\s+)?(?:personnes|gens)\s+(?:\w+\s+)?(?:vivent|habitent)\b",
                   re.IGNORECASE),
        re.compile(r"\bpopulat\w*|\binhabitants?\b|\bresidents?\b|\bpeople\s+live\b|\bнаселени\w*|\bжител\w*"
                   r"|\bhabitants?\b", re.IGNORECASE)),
    "economy": (
        re.compile(r"\bGDP\b|\bgross\s+domestic\s+product\b|\bВВП\b|\bPIB\b|\bproduit\s+intérieur\s+brut\b",
                   re.IGNORECASE),
        re.compile(r"\bGDP\b|\bgross\s+domestic\s+product\b|\beconom(?:y|ic\s+output)\b|\bВВП\b|\bэкономик\w*"
                   r"|\bPIB\b|\bproduit\s+intérieur\s+brut\b|\béconomie\b", re.IGNORECASE)),
    "currency": (
        re.compile(r"\bcurrenc(?:y|ies)\b|\bвалют\w*|\bmonnaie\b(?!\s+d['’]échange)", re.IGNORECASE),
        re.compile(rf"\bcurrenc(?:y|ies)\b|\bвалют\w*|\bmonnaie\b|\bdevises?\b|{_CURRENCY.pattern}",
                   re.IGNORECASE)),
    "language": (
        re.compile(r"\b(?:official|national|state)\s+languages?\b|\blanguages?\s+(?:\w+\s+)?(?:is|are)\s+spoken\b"
                   r"|\b(?:what|which)\s+languages?\s+(?:do|does|did|is|are|was|were)\s+(?:[\w'’-]+\s+){1,5}?"
                   r"(?:speak|spoken)\b(?!\s+(?:about|of|on)\b)|\b(?:государственн|официальн)\w+\s+язык\w*"
                   r"|\bна\s+каком\s+языке\b|\bкакой\s+язык\b|\blangues?\s+officielles?\b"
                   r"|\bquelles?\s+langues?\b", re.IGNORECASE),
        re.compile(r"\blanguages?\b|\bspeak(?:s|ing)?\b|\bspoken?\b|\bязык\w*|\bговор\w+\s+на\b|\blangues?\b"
                   r"|\bparl(?:e|ent)\b", re.IGNORECASE)),
    "capital": (
        re.compile(r"\b(?:what|which)(?:['’]s|\s+(?:city\s+)?(?:is|was))\s+(?:the\s+)?(?:capital\b"
                   r"|[^\W\d_]+['’]s?\s+capital\b)|\bname\s+of\s+the\s+capital\b"
                   r"|\bкакой\s+город\s+(?:является\s+)?столиц\w*|\bчто\s+является\s+столиц\w*"
                   r"|\bкакая\s+столица\b|\bкак\s+называется\s+столица\b"
                   r"|\bquelle\s+(?:est\s+la|ville\s+est\s+la)\s+capitale\b", re.IGNORECASE),
        re.compile(r"\bcapital\b|\bстолиц\w*|\bcapitale\b", re.IGNORECASE)),
    "seat": (
        re.compile(r"\bheadquarter\w*|\bштаб-?квартир\w*|\bsiège\s+social\b", re.IGNORECASE),
        re.compile(r"\bheadquarter\w*|\bbased\s+in\b|\bseat\b|\bштаб-?квартир\w*|\bsiège\b", re.IGNORECASE)),
    "weather": (
        re.compile(r"\bweather\b|(?<!political\s)(?<!security\s)(?<!economic\s)(?<!diplomatic\s)(?<!business\s)"
                   r"\bclimate\b(?!\s+(?:like\s+)?(?:between|among|of\s+relations|in\s+relations))"
                   r"|\bпогод\w*|\bmétéo\b", re.IGNORECASE),
        re.compile(r"\bweather\b|\bclimate\b|\bforecast\b|\btemperatures?\b|\bdegrees\b|\bпогод\w*"
                   r"|\bклимат\w*|\bтемператур\w*|\bmétéo\b|\bclimat\b|\btempératures?\b",
                   re.IGNORECASE)),
    "budget": (
        re.compile(r"\bbudgets?\b|\bбюджет\w*", re.IGNORECASE),
        re.compile(r"\bbudgets?\b|\bspending\b|\bбюджет\w*|\bрасход\w*|\bdépenses?\b", re.IGNORECASE)),
    "trade": (
        re.compile(r"\bexports?\b|\bimports?\b|\btrade\s+(?:volume|balance|turnover|surplus|deficit)\b"
                   r"|\bэкспорт\w*|\bимпорт\w*|\bтоварооборот\w*|\bexportations?\b|\bimportations?\b",
                   re.IGNORECASE),
        re.compile(r"\bexport\w*|\bimport\w*|\btrade\b|\bsell\w*|\bsold\b|\bbu(?:y|ys|ying|ought)\b"
                   r"|\bsuppl\w*|\bэкспорт\w*|\bимпорт\w*|\bпрода\w*|\bпокупа\w*|\bпостав\w*|\bvend\w*"
                   r"|\bachèt\w*", re.IGNORECASE)),
    "area": (
        re.compile(r"\b(?:total|land|surface)\s+area\b|\bwhat\s+is\s+the\s+area\s+of\b|\bплощад(?:ь|и|ью)\b"
                   r"|\bsuperficie\b", re.IGNORECASE),
        re.compile(r"\barea\b|\bsquare\b|\bkm2\b|km²|\bплощад\w*|\bsuperficie\b", re.IGNORECASE)),
    "rate": (
        re.compile(r"\binflation\b|\bunemployment\b|\bexchange\s+rates?\b|\binterest\s+rates?\b"
                   r"|\bинфляц\w*|\bбезработ\w*|\bкурс\w*\s+(?:валют|рубл|доллар|евро|обмен)\w*"
                   r"|\bchômage\b|\btaux\s+(?:de\s+change|d['’]intérêt|d['’]inflation)\b", re.IGNORECASE),
        re.compile(r"\binflation\b|\bunemploy\w*|\bexchange\s+rates?\b|\binterest\s+rates?\b|\bинфляц\w*"
                   r"|\bбезработ\w*|\bкурс\w*|\bchômage\b|\btaux\b", re.IGNORECASE)),
}


@lru_cache(maxsize=20_000)
def attributes(question: str) -> frozenset[str]:
    """The standing facts of a place or body a question asks for ("What is the population of
    Armenia?" → {"population"}; see ``_ATTRIBUTES``)."""
    asked = _SHARE_OF_POPULATION.sub(" ", question)
    return frozenset(kind for kind, (asks, _) in _ATTRIBUTES.items() if asks.search(asked))


def shows_attribute(kind: str, text: str) -> bool:
    """True when ``text`` speaks of the standing fact ``kind`` (its population, its currency…)."""
    return bool(_ATTRIBUTES[kind][1].search(text))
