"""Russian typed in Latin letters, written back in Cyrillic before e5 reads it.

Chat users without a Cyrillic keyboard type "skolko rossiyskih voennyh v Armenii?". e5 reads
Russian in Cyrillic as well as English, but these Latin spellings barely: retyped this way, the
Russian tuning questions fell from hit@1 0.82–0.93 to 0.35–0.50. A message that reads as Russian
in Latin letters (its Russian function words and endings outnumber its English ones) has each
word spelled back in Cyrillic by the usual chat conventions ("sh", "ch", "zh", "kh" or "h", "ts"
or "c", "ya"/"ja", "yu"/"ju", "y" as "ы" or "й", an initial "e" as "э"). Acronyms in capitals stay
("ODKB", which the acronym table reads), and so do longer words the documents use ("Putin").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval.lexical import STOPWORDS
from retrieval.question import FOREIGN_FUNCTION_WORDS

_LATIN_WORD = re.compile(r"[A-Za-z'’]+")
# Russian function words that are also short words of other languages ("v", "ne", "pro", "na"):
# one of them alone does not make a message Russian ("Aliyev ne dedi?" is Turkish).
_SHORT = frozenset("v k s u o a i na ne pro my ty vy po ot za do li".split())  # noqa: SIM905
# Function words of Latin-script languages near Russia's: Turkish and Azerbaijani, Czech, Polish.
_NEIGHBOURS = frozenset("""
ve ile mi mu bu da de neden nasil kim nerede zaman icin
je jsou jak proc kde kdy kolik ktery ze se
jest sa czy jak dlaczego gdzie kiedy ile ktory ze sie
""".split())  # noqa: SIM905 - a word list reads best as text
# Words whose chat spelling the letter rules get wrong ("skolko" has a soft sign, "ego" a "г"
# read as "в", "esli" an "е", not "э").
_WORDS = {"skolko": "сколько", "tolko": "только", "ego": "его", "ee": "её", "esli": "если",
          "eshche": "ещё", "eshchyo": "ещё", "esche": "ещё", "eschyo": "ещё", "eshe": "ещё",
          "est": "есть", "yest": "есть", "kogo": "кого", "chego": "чего", "nego": "него"}
# Russian function and question words as chat spells them; none of them is an English word.
_RUSSIAN_WORDS = frozenset("""
chto shto kto gde kogda skolko pochemu zachem kak kakoy kakaya kakoe kakoye kakie kakiye kakih
kakikh kakov kakova kakuyu kakom kakoj kakaia kakuiu kakoi takoy takoj takaya takaia takie
eto etot eta eti etom etoy ne na iz ot po dlya posle pri bez ili v vo
k ko ob za li byl byla bylo byli bil bila bilo bili yest tak uzhe eshche esche chem chtoby
mozhno nuzhno razve pro
mezhdu cherez protiv ego ee yeyo ikh ih oni ona ono my vy ty sebya svoy svoi mne tebe nas vas
budet budut yavlyaetsya sdelal skazal zayavil
""".split())  # noqa: SIM905 - a word list reads best as text
# Endings of Russian words as chat spells them ("rossiyskih", "Armenii", "voennyh", "Tokaev").
_RUSSIAN_ENDING = re.compile(
    r"(?:iy|yy|yj|ij|aya|aja|oye|oe|ogo|ego|omu|emu|ykh|ikh|yh|ih|ami|yami|akh|yakh|ah|yah|sya|"
    r"tsya|tsia|ii|iya|ija|ie|iye|ov|ev|yu|yut|ut|et|it|at|yat|om|em|oy|ey|oj|ej)$")
# Longest first: "shch" before "sch" before "sh"; "Rossiia" is "Россия", "stat'iu" "статью".
_MULTI = (("shch", "щ"), ("sch", "щ"), ("iia", "ия"), ("iiu", "ию"), ("zh", "ж"), ("kh", "х"),
          ("ch", "ч"), ("sh", "ш"), ("ts", "ц"), ("yo", "ё"), ("jo", "ё"), ("yu", "ю"),
          ("ju", "ю"), ("ya", "я"), ("ja", "я"), ("ye", "е"), ("je", "е"))
_SINGLE = dict(zip("abvgdezijklmnoprstufhcwxq", "абвгдезийклмнопрстуфхцвхк", strict=True))
_VOWELS = frozenset("aeiouy")


def reads_as_russian(text: str) -> bool:
    """True for a message in Latin letters that reads as Russian ("kto takoy Dupuy?")."""
    if any(ord(ch) > 127 and ch.isalpha() for ch in text):
        return False
    typed = _LATIN_WORD.findall(text.replace("’", "'"))
    words = [w.lower().replace("'", "") for w in typed]  # "skol'ko" is "skolko"
    found = [w for w in words if w in _RUSSIAN_WORDS]
    # Endings of lower-case words only: a capitalised one is a name ("Tokayev", "Aliyev").
    endings = sum(len(w) > 3 and t[:1].islower() and w not in STOPWORDS
                  and bool(_RUSSIAN_ENDING.search(w)) for w, t in zip(words, typed, strict=True))
    # English words, or another Latin-script language's ("Pourquoi la Russie ne …" is French).
    other = sum(w in STOPWORDS or w in _NEIGHBOURS
                or (w in FOREIGN_FUNCTION_WORDS and w not in _RUSSIAN_WORDS) for w in words)
    if not found or (all(w in _SHORT for w in found) and len(found) < 2):
        return False
    return len(found) + endings >= 2 and len(found) + endings > other


def to_cyrillic(text: str, keep: Callable[[str], bool] = lambda _: False) -> str:
    """``text`` with each word spelled in Cyrillic, except acronyms and words ``keep`` keeps."""

    def spell(match: re.Match[str]) -> str:
        word = match.group(0).replace("’", "'")
        if (word.isupper() and len(word) > 1) or keep(word):
            return word
        cyrillic = _WORDS.get(word.lower()) or _spell(word.lower())
        return cyrillic[:1].upper() + cyrillic[1:] if word[:1].isupper() else cyrillic

    return _LATIN_WORD.sub(spell, text)


def _spell(word: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(word):
        rest = word[i:]
        if rest[0] == "'":
            out.append("ь")
            i += 1
            continue
        if i == 0 and rest.startswith(("et", "ek", "el")):
            out.append("э")  # "eto" is "это", "ekonomika" "экономика"; "Erevan" is "Ереван"
            i += 1
            continue
        if rest in ("ei", "yi", "ii") and i:
            out.append({"ei": "ей", "yi": "ый", "ii": "ии"}[rest])  # "Sergei", "voennyi"
            break
        if rest in ("tsya", "tsia"):
            out.append("тся")  # "otnositsya" is "относится"
            break
        if rest.startswith(("ia", "iu")) and (i == 0 or word[i - 1] in _VOWELS or word[i - 1] == "'"):
            out.append("я" if rest[1] == "a" else "ю")  # "Kakaia", "stat'iu", "Iavliaetsia"
            i += 2
            continue
        if rest.startswith("ts") and rest[2:3] == "k":
            out.append("тс")  # "sovetskiy" is "советский"
            i += 2
            continue
        if rest[0] == "y" and not rest.startswith(("yo", "yu", "ya", "ye")):
            # "y" after a vowel is "й" ("rossiyskih", "Tokaev" → no y); after a consonant "ы".
            out.append("й" if i and word[i - 1] in _VOWELS else "ы")
            i += 1
            continue
        for latin, cyrillic in _MULTI:
            if rest.startswith(latin):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(_SINGLE.get(rest[0], rest[0]))
            i += 1
    return "".join(out)
