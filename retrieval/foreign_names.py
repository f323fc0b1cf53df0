"""Names in a Russian or French question, read as the names the documents write in English.

"Как Китай относится к этому конфликту?" asks where China stands, and a sentence that never names
China does not say. The checks of what a question asks for (``question.AnswerType``: a speaker's
words, a stance, a role in a place, the places of a count) match names as the documents spell
them, so an English question had them and a Russian or French one did not: "Как зовут президента
Азербайджана?" was answered by "…the President of Iran called President Vladimir Putin…".

Each capitalised word of the question (its first word and acronyms aside) is read as:

* a country, by its name in that language in any case form ("Китая", "Турции", "l'Arménie"),
  from CLDR's names of territories (the ``babel`` package's data, BSD-3-Clause), as its English
  names (CLDR's and ``countryinfo``'s: "Türkiye" and "Turkey");
* a name the documents write, spelt in Latin letters ("Пашиняна" → "pashinyan", "Дюпюи" →
  "dupuy", "Pachinian" → "pashinyan"), compared by a spelling key that forgets what
  transliterations disagree on ("sh"/"ch", "y"/"i", doubled letters);
* any other name by its transliteration ("Лавров" → "lavrov"), which no sentence holds: the
  documents do not name that person.

Then the question's own patterns, in Russian and French, say what is asked of whom: "что сказал
X" / "qu'a dit X" (X's words), "позиция X", "как X относится…" / "la position de X", "comment X
voit…" (X's stance), "кто президент X" / "qui est le président de X" (a role in a place), and, for
a number or a time, the countries and the documents' names it gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from retrieval.lexical import STOPWORDS
from retrieval.places import capital_cities
from retrieval.question import SPEECH_ABROAD

# Russian case endings a name takes ("Китая", "Пашиняну", "Грузией"), longest first: a name read
# in the question is the same name when it and the name's dictionary form agree once one of
# these (or nothing) is cut from each.
_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ией", "ом", "ем", "ей", "ой", "ым",
            "им", "ах", "ях", "ию", "ия", "ии", "а", "я", "у", "ю", "е", "и", "ы", "й", "ь")
_CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"})
# What transliterations of one name disagree on, in the order applied to a lower-case Latin
# spelling: "Pashinyan", "Pachinian" and "Пашинян" all read "pasinian".
_KEY_RULES = ((r"shch|sch|tch|sh|ch|zh|j", "s"), (r"kh", "h"), (r"ck|q|c", "k"), (r"w", "v"),
              (r"ph", "f"), (r"x", "ks"), (r"y", "i"), (r"(?<=[^aeiou])iu", "u"), (r"ou", "u"),
              (r"(.)\1+", r"\1"))
# Seats of power whose Russian or French name no spelling key reads as the English one.
_SEATS = {"кремль": "kremlin", "moscou": "moscow"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[LlDdJjNnMmSsTtCc]|[Qq]u)['’]")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _key(latin: str) -> str:
    """The spelling key of a name in Latin letters, lower case."""
    key = _fold(latin)
    for pattern, repl in _KEY_RULES:
        key = re.sub(pattern, repl, key)
    return key


@lru_cache(maxsize=4096)
def _forms(word: str) -> frozenset[str]:
    """A lower-case word and what is left of it without each Russian case ending (three letters
    at least)."""
    word = word.lower()
    return frozenset({word} | {word[:-len(e)] for e in _ENDINGS
                               if word.endswith(e) and len(word) - len(e) >= 3})


def _close(a: str, b: str) -> bool:
    """Two spelling keys of one name: the same, or one edit apart when both have five letters or
    more ("tokaev" and "tokaiev")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


@lru_cache(maxsize=1)
def _countries() -> dict[str, frozenset[str]]:
    """Each form (``_forms``) of each one-word country name in Russian and French, lower case,
    with the English names of its country (CLDR's and countryinfo's), lower case."""
    from babel import Locale
    from countryinfo import CountryInfo

    english: dict[str, set[str]] = {}
    for code, name in Locale("en").territories.items():
        english.setdefault(code, set()).add(name.lower())
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        if isinstance(code, str) and isinstance(info.get("name"), str):
            english.setdefault(code, set()).add(info["name"].lower())
    out: dict[str, set[str]] = {}
    for language in ("ru", "fr"):
        for code, name in Locale(language).territories.items():
            if code in english and _WORD.fullmatch(name) and not code.isdigit():
                for form in _forms(name):
                    out.setdefault(form, set()).update(english[code])
    return {form: frozenset(names) for form, names in out.items()}


class ForeignNames:
    """Reads the names of a Russian or French question as the names some English texts use."""

    def __init__(self, texts: Iterable[str]) -> None:
        # The texts' capitalised words that are no function word ("Pashinyan", "Kazakhstan").
        names = {w for text in texts for w in _WORD.findall(text)
                 if w[:1].isupper() and w.lower() not in STOPWORDS}
        self._by_key: dict[str, str] = {}
        # Each name as the texts write it, by its folded form ("pashinyan" → "Pashinyan").
        self._written: dict[str, str] = {}
        for name in sorted(names):
            self._by_key.setdefault(_key(name), _fold(name))
            self._written.setdefault(_fold(name), name)
        # And every capital, whose spelling in the question's language may differ ("Téhéran").
        for capital in sorted(capital_cities()):
            self._by_key.setdefault(_key(capital), capital)
        # Each key under itself and, from five letters, each of its one-letter deletions: two keys
        # one edit apart share an entry (a SymSpell-style index; no scan of every name).
        self._near: dict[str, set[str]] = {}
        for key in self._by_key:
            for entry in {key} | (_deletions(key) if len(key) >= 5 else set()):
                self._near.setdefault(entry, set()).add(key)

    def english(self, word: str) -> frozenset[str]:
        """The English names a capitalised word of the question stands for, lower case ("Китая" →
        {"china"}, "Пашиняна" → {"pashinyan"}, "Лавров" → {"lavrov"})."""
        return self._read(word)[0]

    def in_english(self, text: str) -> str:
        """The text with each capitalised word the texts write spelt as they write it ("Кто такие
        ястребы в Ереване?" → "Кто такие ястребы в Yerevan?"; a word of a name too: "Sécurité" →
        "Security"): e5 reads a question that spells the documents' names as they do closer to the
        sentences that name them."""
        def spelt(match: re.Match[str]) -> str:
            word = match.group()
            if not word[:1].isupper() or word.isupper():
                return word
            english, known = self._read(word)
            if not known or any(f in _countries() for f in _forms(word)):
                return word  # e5 reads a country's name in any language
            written = sorted(self._written[n] for n in english if n in self._written)
            return written[0] if written else word
        return _WORD.sub(spelt, text)

    def known(self, word: str) -> bool:
        """True when the word is a country, a capital or seat of power, or a name the texts write."""
        return self._read(word)[1]

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance per index generation
    def _read(self, word: str) -> tuple[frozenset[str], bool]:
        forms = sorted(_forms(_ELISION.sub("", word)), key=len, reverse=True)  # the whole word first
        countries = _countries()
        if country := next((countries[f] for f in forms if f in countries), None):
            return country, True
        if seat := next((english for name, english in _SEATS.items() if set(forms) & _forms(name)), None):
            return frozenset({seat}), True
        latin = sorted({_fold(form.translate(_CYRILLIC)) for form in forms}, key=len, reverse=True)
        for form in latin:
            key = _key(form)
            entries = {key} | (_deletions(key) if len(key) >= 5 else set())
            found = frozenset(self._by_key[k] for e in entries for k in self._near.get(e, ())
                              if _close(key, k))
            if found:
                return found, True
        return frozenset({latin[0]}), False


# Who a Russian or French question asks about: what they said, where they stand, or a role in a
# place. "Что сказал/заявил X", "qu'a dit/déclaré X", "que pense X"; "позиция X", "реакция X",
# "как X относится/отреагировал/оценивает…", "la position/réaction de X", "comment X voit/
# réagit…"; "кто (сейчас) президент X", "как зовут президента X", "qui est le président de X",
# "comment s'appelle le président de X".
_UPPER = r"[A-ZА-ЯЁÀ-ÖØ-Þ]"
_NAMES = rf"(?:(?:l['’]|la\s+|le\s+|les\s+)?{_UPPER}[\w'’-]*(?:\s+{_UPPER}[\w'’-]*)*)"
_SPEECH = re.compile(SPEECH_ABROAD, re.IGNORECASE)
_STANCE = re.compile(
    r"\b(?:позици[яюией]|реакци[яюией]|отношение|мнение)\s+(?P<ru>[^?.,]+)"
    rf"|\bкак\s+(?P<ru2>{_NAMES})\s+(?:относ|отнес|отнёс|отреагир|реагир|оценива|оценил|смотр|воспринима|"
    r"восприня|рассматрива)\w*"
    rf"|\bкак\s+(?:официально\s+)?(?:отреагир|реагир|отн[её]с|отнесл|относ|оценил|оценива)\w*\s+"
    rf"(?P<ru3>{_NAMES})"
    r"|\b(?:position|réaction|réponse|point\s+de\s+vue|attitude|avis)\s+(?:officielle?\s+)?(?:de\s+la\s+|du\s+|"
    r"de\s+l['’]|des\s+|de\s+|d['’])(?P<fr>[^?.,]+)"
    rf"|\bcomment\s+(?:a|ont)\s+(?:officiellement\s+)?r[ée]agi\s+(?P<fr3>{_NAMES})"
    rf"|\bcomment\s+(?P<fr2>{_NAMES})\s+(?:(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+)?(?:voi|per[cç]oi|"
    r"consid[eè]r|r[ée]agi|jug|analys|regard)\w*", re.IGNORECASE)
_TITLES = {
    "президент": "president", "премьер-министр": "prime minister", "премьер": "prime minister",
    "глава": "head", "лидер": "leader", "руководитель": "leader", "министр": "minister",
    "président": "president", "premier ministre": "prime minister", "chef": "head",
    "dirigeant": "leader", "ministre": "minister",
}
# A minister's portfolio ("министр обороны", "le ministre de la Défense") makes the English title.
_PORTFOLIOS = {"обороны": "defence", "иностранных дел": "foreign", "финансов": "finance",
               "défense": "defence", "affaires étrangères": "foreign", "finances": "finance"}
_ROLE = re.compile(
    r"\b(?:кто|как\s+зовут|назовите)\s+(?:сейчас\s+|нынешн\w+\s+|теперь\s+)?(?:является\s+|был\s+|была\s+)?"
    r"(?P<ru>президент|премьер-министр|премьер|глав|лидер|руководител|министр)\w*"
    r"(?:\s+(?P<ru_portfolio>обороны|иностранных\s+дел|финансов))?\s+(?P<ru_place>[А-ЯЁ]\w+)"
    r"|\b(?:qui\s+est|comment\s+s['’]appelle)\s+(?:le\s+|la\s+|l['’])(?:actuel(?:le)?\s+)?"
    r"(?P<fr>président|premier\s+ministre|chef|dirigeant|ministre)e?"
    # "le Premier ministre arménien", "le ministre arménien de la Défense", "le ministre de la
    # Défense de l'Arménie"
    r"(?:\s+(?P<fr_people>[^\W\d_]+(?:ien|ienne|ais|aise|ain|aine|an|ane|e)s?)(?=\s*[?.!,]|\s*$|\s+d))?"
    r"(?:\s+(?:de\s+la\s+|des\s+|du\s+)(?P<fr_portfolio>défense|affaires\s+étrangères|finances))?"
    r"(?:\s+(?:de\s+la\s+|du\s+|de\s+l['’]|de\s+|d['’])(?P<fr_place>\w+)"
    r"|\s+(?P<fr_people2>[^\W\d_]+(?:ien|ienne|ais|aise|ain|aine|an|ane|e)s?)(?=\s*[?.!,]|\s*$))?",
    re.IGNORECASE)
# Who made the request a Russian or French question asks the response to: "la demande (d'aide) de
# l'Arménie", "l'appel d'Erevan", "просьбу (о помощи) Армении", "обращение Еревана".
_REQUESTER = re.compile(
    r"\b(?:demande|appel|requête|sollicitation)s?\s+(?:d['’](?:aide|assistance)\s+|de\s+(?:l['’])?aide\s+|"
    r"à\s+l['’]aide\s+)?(?:faite?\s+par\s+(?:l['’]|le\s+|la\s+)?|de\s+l['’]|du\s+|de\s+la\s+|de\s+|d['’])"
    r"(?P<fr>[^\W\d_]+)"
    r"|\b(?:просьб|запрос|призыв|обращени)\w*\s+(?:о\s+помощи\s+)?(?:от\s+|со\s+стороны\s+)?"
    r"(?P<ru>(?-i:[А-ЯЁ])\w+)", re.IGNORECASE)
# Prepositions that end the phrase naming whom a question asks about: "Что сказал эксперт о
# Турции?" asks the expert, "Qu'a dit Tokaïev au forum ?" Tokayev ("du Kazakhstan" stays in it).
_AFTER_WHOM = re.compile(
    r"\s(?:о|об|обо|про|на|в|во|по|для|с|со|у|к|после|перед|насчёт|насчет|относительно|против|"
    r"sur|à|au|aux|en|pour|dans|contre|avec|concernant|après|vis-à-vis|quant)\s", re.IGNORECASE)
# Titles a French question writes with a capital ("le Premier ministre", "le Président Macron").
_CAPITALISED_TITLES = frozenset({"premier", "président", "présidente", "ministre", "chef", "général",
                                 "monsieur", "madame"})
_RU_STEMS = {"глав": "глава", "руководител": "руководитель"}


@dataclass(frozen=True)
class Asked:
    """What a Russian or French question asks of whom, in the documents' English names (lower
    case): an empty ``speaker`` asks nothing of anyone. ``whom`` is False when the question has
    none of the patterns above (a mixed question may have an English one: "what does статья 4
    ОДКБ say?")."""

    whom: bool = False
    speaker: frozenset[str] = frozenset()
    speech: bool = False
    stance: bool = False
    role: tuple[str, str] | tuple[()] = ()
    about: tuple[frozenset[str], ...] = ()
    # Every name the question gives, in English: a country it names is no new one.
    names: frozenset[str] = frozenset()
    # Who made the request whose response is asked for, in English ("la demande de l'Arménie").
    requester: frozenset[str] = frozenset()


# Who heads a body, in Russian or French, once the body's name is followed by the documents' English
# one (``Acronyms.annotate``): "Кто возглавляет Европейский совет (European Council)?", "Qui est le
# président du Conseil européen (European Council) ?", "Qui est à la tête de l'OTSC (CSTO) ?".
_BODY_HEAD = re.compile(
    r"^\W*(?:(?:а|и|et|alors|mais)\s+)?(?:кто|qui)\b[^()?]{0,30}?\b(?:возглавля\w*|глав(?:а|ой|у|ы)\b|"
    r"председател\w*|президент\w*|руковод\w*|"
    r"лидер\w*|présid\w*|chef|dirige\w*|tête|dirigeant\w*)\b"
    # the body's name right after (its head is asked, not "the leaders of its member states")
    r"(?:\s+(?!(?:стран|государств|член|pays|[ée]tats|membres)\w*)[^\s()?]+){1,4}?\s*"
    r"\((?P<body>[A-Z][A-Za-z ]+)\)",
    re.IGNORECASE)


def body_head(annotated: str) -> str | None:
    """The documents' English name of the body whose head a Russian or French question asks for
    (``_BODY_HEAD``), lower case, or None."""
    match = _BODY_HEAD.search(annotated)
    return match.group("body").lower() if match else None


def _runs(text: str) -> list[list[str]]:
    """Runs of capitalised words (no acronyms), the first run of a phrase first."""
    runs: list[list[str]] = [[]]
    for word in _WORD.findall(text):
        if word[:1].isupper() and not word.isupper():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def asked(question: str, names: ForeignNames, speakers: frozenset[str]) -> Asked:
    """What a Russian or French question asks of whom; ``speakers`` are the lower-case words of
    the documents' speakers' names (what they say needs no check)."""
    words = _WORD.findall(question)
    given = frozenset(n for w in words if w[:1].isupper() and not w.isupper() for n in names.english(w))
    # Its first word is capitalised as the first.
    about = tuple(names.english(w) for w in words[1:] if w[:1].isupper() and not w.isupper()
                  and names.known(w))
    requester = frozenset(n for m in _REQUESTER.finditer(question) for w in m.groups() if w
                          and names.known(w.capitalize()) for n in names.english(w.capitalize()))
    role: tuple[str, str] | tuple[()] = ()
    if (match := _ROLE.search(question)) is not None:
        title = _TITLES[_RU_STEMS.get(key := (match.group("ru") or match.group("fr")).lower(),
                                      re.sub(r"\s+", " ", key))]
        portfolio = match.group("ru_portfolio") or match.group("fr_portfolio")
        if portfolio and title == "minister":
            title = f"{_PORTFOLIOS[' '.join(portfolio.lower().split())]} {title}"
        place = match.group("ru_place") or match.group("fr_place") or ""
        # A people's adjective, written in lower case in French, as its name would be capitalised.
        people = (match.group("fr_people") or match.group("fr_people2") or "").capitalize()
        # A country, a capital or a name the texts write: "le président du Conseil européen"
        # heads a body, which the check of a role in a place does not read.
        if place[:1].isupper() and names.known(place):
            role = (title, sorted(names.english(place))[0])
        elif people and names.known(people):
            role = (title, sorted(names.english(people))[0])
    for pattern, kind in ((_SPEECH, "speech"), (_STANCE, "stance")):
        match = pattern.search(question)
        if match is None:
            continue
        # The one asked about comes before what is asked of them ("Что сказал эксперт о Турции?").
        runs = _runs(_AFTER_WHOM.split(next(g for g in match.groups() if g), maxsplit=1)[0])
        # A person's full name stands for the person: "Сергей Лавров" is Лавров, and "le Premier
        # ministre arménien Nikol Pachinian" is Pashinyan.
        runs = [kept for run in runs if (kept := [w for w in run if w.lower() not in _CAPITALISED_TITLES])]
        who = names.english(runs[0][-1]) if runs else frozenset()
        if not who or who & speakers:  # "что сказал эксперт", "что думает Дюпюи": the documents' own
            return Asked(True, role=role, about=about, names=given, requester=requester)
        return Asked(True, who, speech=kind == "speech", stance=kind == "stance", role=role, about=about,
                     names=given, requester=requester)
    return Asked(role=role, about=about, names=given, requester=requester)
