"""Countries named by their capital or seat of power, read as the name the documents use.

News writes "Baku" and "the Kremlin" for the governments of Azerbaijan and Russia, and people ask
that way too: "When did Baku's troops shell Armenia?". The encoders link a capital to its country
only loosely, and BM25 not at all, so an English question's capitals, seats of power and formal
names ("Tehran", "the Kremlin", "Islamic Republic of Iran", "Turkiye") are rewritten to the
country's name as the documents spell it before the question is searched. Only countries the
documents name are read this way, and only words the documents never use: a question about Moscow
still searches "Moscow" when the documents say "Moscow". A city that is not a capital keeps its
name: "Gyumri" is not "Armenia", and a question about it is not a question about the country.

The capitals and formal names come from the ``countryinfo`` package's data (MIT), installed with
the project; the few seats of power below and capitals renamed after that data was gathered are
general knowledge, not this corpus's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

# Buildings and streets that stand for a government in the news, and capitals renamed after the
# package's data was gathered (Astana was Nur-Sultan from 2019 to 2022), with the country's name
# as ``countryinfo`` spells it.
_SEATS_OF_POWER = {
    "Kremlin": "Russia", "White House": "United States", "Pentagon": "United States",
    "Capitol Hill": "United States", "Downing Street": "United Kingdom",
    "Whitehall": "United Kingdom", "Élysée": "France", "Elysee": "France",
    "Quai d'Orsay": "France", "Bankova": "Ukraine", "Zhongnanhai": "China", "Knesset": "Israel",
    "Bundestag": "Germany", "Duma": "Russia", "Astana": "Kazakhstan",
}
# Names in the package's data that are rarely a country or its government in English news: plain
# words ("island" is Iceland's own name), first names (Sofia, Victoria, Hamilton, Douglas), a
# language or a demonym, fragments of a longer name, and Brussels, which stands for the EU.
_NOT_A_COUNTRY = frozenset({
    "Brussels", "Island", "Douglas", "Hamilton", "Victoria", "Sofia", "Stanley", "Kingston",
    "Plymouth", "Santiago", "Mann", "Lima", "Jamestown", "Georgetown", "Thai", "Prathet",
    "Togolese", "Montenegrin", "Portuguesa", "Mexicanos", "Viti",
})
# Formal names read in part ("Islamic Republic" of "Islamic Republic of Iran") only when the part
# is more than one of these generic words.
_GENERIC = frozenset({"Republic", "Kingdom", "Federation", "State", "Union", "Commonwealth"})
_TOKEN = re.compile(r"\w+")
# A name joined to other names by dashes ("Baku–Tbilisi–Ceyhan", "Minsk-Moscow") names a route or a
# pair, not the government: "Moscow-led" and "pro-Kremlin" are still Russia's.
_IN_COMPOUND_NAME = re.compile(r"\b[A-Z]\w*\s*[-–‐]\s*$")
_BEFORE_COMPOUND_NAME = re.compile(r"\s*[-–‐]\s*[A-Z]")


# A country's capital named by the country: "the Armenian capital", "the capital of Armenia",
# "Armenia's capital"; and a question that asks what it is.
_CAPITAL = re.compile(r"(?<!\w)(?:the\s+(?P<adjective>\w+)\s+capital|the\s+capital\s+(?:city\s+)?of\s+"
                      r"(?P<of>\w+)|(?P<owner>\w+)['’]s\s+capital)(?!\w)", re.IGNORECASE)
_ASKS_WHAT = re.compile(r"\b(?:what|which|whats)(?:\s+is|\s+was|['’]s)?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _country_infos() -> tuple[Mapping[str, Any], ...]:
    """The package's data on every country."""
    from countryinfo import CountryInfo

    return tuple(CountryInfo.all().values())


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(name, formal names and native spellings, every other name) of every country; the other
    names are the formal ones, their parts ("Islamic Republic"), the capital and seats of power."""
    countries = []
    for info in _country_infos():
        name = info.get("name")
        if not isinstance(name, str):
            continue
        formal = tuple(a for a in info.get("altSpellings") or [] if isinstance(a, str))
        seats = [info.get("capital"), *(s for s, country in _SEATS_OF_POWER.items() if country == name)]
        others = (*formal, *(p for f in formal for p in _parts(f, name)),
                  *(s for s in seats if isinstance(s, str)))
        countries.append((name, formal, others))
    return tuple(countries)


@lru_cache(maxsize=1)
def _country_of_word() -> dict[str, frozenset[str]]:
    """Lower-cased one-word capitals, seats of power and demonyms ("paris", "kremlin", "french"),
    each with the lower-cased names of the countries they stand for."""
    out: dict[str, set[str]] = {}
    seats = {s: c for s, c in _SEATS_OF_POWER.items() if " " not in s}
    for info in _country_infos():
        name = info.get("name")
        if not isinstance(name, str):
            continue
        words = [info.get("capital"), info.get("demonym"), *(s for s, c in seats.items() if c == name)]
        for word in words:
            if isinstance(word, str) and _TOKEN.fullmatch(word) and word not in _NOT_A_COUNTRY:
                out.setdefault(word.lower(), set()).add(name.lower())
    return {word: frozenset(names) for word, names in out.items()}


@lru_cache(maxsize=1)
def capital_cities() -> frozenset[str]:
    """Every country's capital, lower-cased ("yerevan", "baku"), from the package's data."""
    return frozenset(c.lower() for info in _country_infos()
                     if isinstance(c := info.get("capital"), str) and c)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every country's name and formal names, lower-cased ("georgia", "united states",
    "russian federation"), and the one-word capitals, seats of power and demonyms."""
    names = {n.lower() for name, formal, _ in _countries() for n in (name, *formal) if not n.isupper()}
    return frozenset(names | set(_country_of_word()))


@lru_cache(maxsize=1)
def _one_word_country_names() -> frozenset[str]:
    return frozenset(name.lower() for name, _, _ in _countries()
                     if name and " " not in name and name not in _NOT_A_COUNTRY)


def is_country_name(word: str) -> bool:
    """True for a country's one-word English name in any case ("france", "Georgia"): a name
    wherever it stands in a sentence, unlike a capital ("Male"), a demonym ("french") or one of
    the formal or native names ("Island" for Iceland), which may be words."""
    return word.lower() in _one_word_country_names()


def is_country(name: str) -> bool:
    """True for a country's name, capital, seat of power or demonym, in any case ("Georgia",
    "United States", "Yerevan", "Turkish"); not for a body or a region ("Collective Security Treaty
    Organization", "Nagorno-Karabakh")."""
    return name.lower() in _country_names()


@lru_cache(maxsize=4096)
def _forms_of(word: str) -> frozenset[str]:
    countries = _country_of_word().get(word, frozenset()) | {word}
    return frozenset(w for w, names in _country_of_word().items() if names & countries) | countries


def _parts(formal: str, name: str) -> list[str]:
    """"Islamic Republic" from "Islamic Republic of Iran" (the words before "of <name>")."""
    head, of, tail = formal.partition(" of ")
    words = head.split()
    if of and tail == name and len(words) > 1 and not set(words) <= _GENERIC:
        return [head]
    return []


def _alternatives(names: Iterable[str]) -> str:
    """A regex alternation of whole names, the longest first (so it wins over a name inside it)."""
    return "|".join(map(re.escape, sorted(names, key=len, reverse=True)))


class PlaceNames:
    """Rewrites the other names of the countries some texts name to the name those texts use."""

    def __init__(self, texts: Iterable[str]) -> None:
        text = "\n".join(texts)
        words = frozenset(_TOKEN.findall(text))
        countries = _countries()
        every = {n for name, _, others in countries for n in (name, *others)}
        # Names of more than one word, found in one pass (a search per name is slow on a large
        # corpus); a name of one word is in the word set or nowhere.
        longer = [n for n in every if _TOKEN.fullmatch(n) is None
                  and all(w in words for w in _TOKEN.findall(n))]
        found = ({m.group(1) for m in re.finditer(rf"(?<!\w)({_alternatives(longer)})(?!\w)", text)}
                 if longer else set())

        def used(name: str) -> bool:
            return name in words if _TOKEN.fullmatch(name) else name in found

        targets: dict[str, set[str]] = {}
        for name, formal, others in countries:
            # The name the texts use: the plain name, or a formal one ("Russian Federation").
            spelled = next((n for n in (name, *formal) if not n.isupper() and used(n)), None)
            if spelled is None:
                continue
            for other in others:
                # Codes ("IR", "RUS") are left alone: "US" or "AM" may be plain words.
                if (len(other) >= 4 and not other.isupper() and other not in _NOT_A_COUNTRY
                        and other != spelled and not used(other)):
                    targets.setdefault(other, set()).add(spelled)
        # A name shared by two countries the texts name (a disputed capital) is left as it is.
        to = {other: next(iter(names)) for other, names in targets.items() if len(names) == 1}
        # Every other country's names of several words read as themselves, so that no part of one
        # is rewritten: "Islamic Republic of Pakistan" is not "Iran of Pakistan".
        kept = {n: n for n in every if " " in n and n not in to}
        self._to = {k.casefold(): v for k, v in (kept | to).items()}
        # The longest name that ends a word, taken whole (an atomic group: a shorter name inside
        # it is never tried instead), and left alone when a capitalised word follows, as part of
        # a longer name ("Paris Agreement").
        # A "the" before it goes with it when the country's name takes none ("the Kremlin" is
        # "Russia", "the White House" "the United States"), unless it belongs to a compound
        # ("the Kremlin-backed bloc").
        names = _alternatives(kept | to)
        self._pattern = (re.compile(rf"(?<!\w)(the\s+)?(?>({names})(?!\w))(?!(?-i:\s+[A-Z]))", re.IGNORECASE)
                         if to else None)
        # "The Armenian capital", "the capital of Armenia", "Armenia's capital": the capital's name
        # when the texts use it ("Yerevan"), else the country's as they spell it.
        self._capital_of: dict[str, str] = {}
        for info in _country_infos():
            country, capital = info.get("name"), info.get("capital")
            if not (isinstance(country, str) and isinstance(capital, str) and capital) or not used(country):
                continue
            for key in (country, info.get("demonym")):
                if isinstance(key, str) and _TOKEN.fullmatch(key):
                    self._capital_of[key.casefold()] = capital if used(capital) else country

    @staticmethod
    def countries_of(word: str) -> frozenset[str]:
        """The countries a capital, seat of power or demonym stands for, lower-cased, whether or
        not the texts use it ("moscow" → {"russia"}, "french" → {"france"})."""
        return _country_of_word().get(word.lower(), frozenset())

    @staticmethod
    def forms_of(word: str) -> frozenset[str]:
        """What stands for a country named by ``word``, or for the countries ``word`` stands for:
        their capitals, seats of power and demonyms, and their names, lower-cased ("russia" →
        {"russia", "moscow", "kremlin", "russian", …}; "moscow" → the same; "aliyev" → itself)."""
        return _forms_of(word.lower())

    def resolve(self, question: str) -> str:
        """The question with each other name of a country the texts name replaced by that name
        ("When did Baku's troops shell Armenia?" → "When did Azerbaijan's troops shell Armenia?"),
        and its capital named for what it is ("the Armenian capital" → "Yerevan"), unless the
        capital is what it asks for ("What is the capital of Armenia?")."""
        if self._capital_of:
            question = _CAPITAL.sub(self._capital, question)
        if self._pattern is None:
            return question
        return self._pattern.sub(self._country, question)

    def _capital(self, match: re.Match[str]) -> str:
        country = next(g for g in match.group("adjective", "of", "owner") if g)
        if _ASKS_WHAT.search(match.string[:match.start()]):
            return match.group()
        return self._capital_of.get(country.casefold(), match.group())

    def _country(self, match: re.Match[str]) -> str:
        article, name = match.group(1) or "", match.group(2)
        if _IN_COMPOUND_NAME.search(match.string[:match.start(2)]) or _BEFORE_COMPOUND_NAME.match(
                match.string, match.end()):
            return match.group()  # "the Baku–Tbilisi–Ceyhan pipeline" is a pipeline's name
        country = self._to.get(name.casefold(), name)
        compound = match.string[match.end():match.end() + 1] == "-"
        if country != name and article and not compound and " " not in country and not country.endswith("s"):
            return country
        return article + country
