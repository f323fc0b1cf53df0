"""A question typed in capitals or in lower case, written the way the documents write its words.

e5 reads case: to it, "WHAT DOES THE CSTO TREATY OBLIGE RUSSIA TO DO?" is made of other words
than "What does the CSTO treaty oblige Russia to do?", and a question typed in capitals lost
about one answer in seven. In a message typed in capitals (most of its words of two letters or
more are), every word in capitals takes the form the documents give it ("RUSSIA" → "Russia",
"THE" → "the", "CSTO" stays). A word the documents do not use goes to lower case when it is a
common word of the language ("COOK" → "cook") or the message is in another language; otherwise
it is a name or an acronym: a short one stays as typed ("ICC", "USSR", and the foreign acronyms
"ОДКБ", "OTAN" in any language), a longer one gets a capital ("MACRON" → "Macron"). The first
word gets its capital back. A word the documents ever write in lower case takes that form.

An English message typed in lower case ("who is dupuy and what does russia owe armenia") gets the
capitals the documents give its words ("Dupuy", "Russia", "Armenia", "CSTO"), and a capital on a
word of four letters or more that the word list knows only as a rare word, which is a name
("macron", "kremlin"), and a country's name gets its capital, even one the documents write only
where a sentence opens ("france") or never write. Given only the documents' capitals, a
question came closer to them than typed properly, since its unknown names stayed in lower case, and
more unanswerable questions were answered. A word the list has never seen stays as typed: it is a
typo as often, and the speller reads it next. A name's possessive typed without its apostrophe gets
it back ("russias" → "Russia's"), or the name would be read as an unknown word. The documents' own
words are the reference, so nothing is keyed to one article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from retrieval.lexicon import Lexicon
from retrieval.question import language_of

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A message is typed in capitals when at least this share of its words of two letters or more
# are, and it has two such words at least ("CSTO" alone, or "What is the CSTO?", is not).
_SHOUTED_SHARE = 0.75
# An unknown word in capitals this short or shorter is an acronym ("ICC", "USSR", "BRICS").
_ACRONYM_LENGTH = 5
# What comes before a word that opens a sentence (spaces aside): nothing, or an end mark, a colon,
# a dash or an opening quote or bracket.
_SENTENCE_OPENERS = frozenset(".!?…:;—–-(«“\"")


# Endings of a common word's inflected forms ("bracketed" is "bracket" + "ed").
_INFLECTIONS = ("ed", "d", "ing", "s", "es", "ly")


def is_shouted(text: str) -> bool:
    """True for a message typed in capitals ("WHO IS DUPUY?")."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    upper = sum(w.isupper() for w in words)
    return upper >= 2 and upper >= _SHOUTED_SHARE * len(words)


class Casing:
    """How the documents write each word, and how to give a question's words those forms."""

    def __init__(self, texts: Iterable[str], words: Lexicon | None = None,
                 is_name: Callable[[str], bool] = lambda _: False) -> None:
        self._words = words
        # Words that are names wherever they stand (countries' names): "france" is "France" though
        # the documents write it only where a sentence opens.
        self._is_name = is_name
        forms: dict[str, Counter[str]] = {}
        inside: dict[str, Counter[str]] = {}  # not opening a sentence ("Sadly, …" is no name)
        for text in texts:
            for match in _WORD.finditer(text):
                word = match.group(0)
                forms.setdefault(word.lower(), Counter())[word] += 1
                if not _opens_sentence(text, match.start()):
                    inside.setdefault(word.lower(), Counter())[word] += 1
        self._form = _usual(forms)
        self._inside = _usual(inside)

    def form(self, word: str) -> str | None:
        """The documents' form of ``word`` (any case), or None when they do not use it."""
        return self._form.get(word.lower())

    def restore(self, text: str, keep: Callable[[str], bool] = lambda _: False) -> str:
        """``text`` in the documents' case when it is typed in capitals or in lower case (its
        first letter aside), else as it is.

        ``keep(word)`` is true for a word in capitals that stays so whatever its length (an
        acronym in another language).
        """
        if is_shouted(text):
            return self._unshout(text, keep)
        if text[1:] == text[1:].lower() and self._words is not None and language_of(text) == "en":
            return self._lift(text, self._words)
        return text

    def _unshout(self, text: str, keep: Callable[[str], bool]) -> str:
        # The word list is English: in another language every unknown word goes to lower case.
        words = self._words if language_of(text.lower()) == "en" else None

        def recase(match: re.Match[str]) -> str:
            word = match.group(0)
            form = self.form(word)
            if len(word) < 2:
                return form or word.lower()
            if not word.isupper():
                return word
            if form is not None:
                return form
            if keep(word):
                return word
            if words is not None and not words.knows(word.lower()):
                return word if len(word) <= _ACRONYM_LENGTH else word.capitalize()
            return word.lower()

        return _capitalise_first(_WORD.sub(recase, text))

    def _lift(self, text: str, words: Lexicon) -> str:
        def recase(match: re.Match[str]) -> str:
            word = match.group(0)
            if not word.islower() or len(word) < 2:
                return word
            form = self._inside.get(word)
            if form is not None:
                return form
            if self._is_name(word):
                return self.form(word) or word.capitalize()
            # A name's possessive typed without its apostrophe: "kazakhstans army" is Kazakhstan's
            # ("armenians" and "republics" are words of the language: plurals).
            possessive = len(word) > 4 and word.endswith("s") and not words.seen(word)
            owner = self._inside.get(word[:-1]) if possessive else None
            if owner is not None and owner[:1].isupper():
                return f"{owner}'s"
            if len(word) > 3 and words.seen(word) and not words.knows(word) and not _inflects(word, words):
                return word.capitalize()
            return word

        return _WORD.sub(recase, text)


def _inflects(word: str, words: Lexicon) -> bool:
    """True for a form of a word the list knows as common ("bracketed", "bracketing"): an
    inflection of a common word is no name."""
    return any(word.endswith(ending) and words.knows(word[:-len(ending)]) and len(word) - len(ending) > 3
               for ending in _INFLECTIONS)


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _usual(forms: dict[str, Counter[str]]) -> dict[str, str]:
    """Each word's usual form; a word the documents ever write in lower case is a common word,
    so its form is lower case."""
    return {lower: lower if lower in counts else counts.most_common(1)[0][0]
            for lower, counts in forms.items()}


def _capitalise_first(text: str) -> str:
    match = _WORD.search(text)
    if match is None:
        return text
    i = match.start()
    return text[:i] + text[i].upper() + text[i + 1:]
