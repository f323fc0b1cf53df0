"""The words of a language beyond the documents' own: which words exist, and the likeliest word
one edit away from a misspelt one.

The speller (``question.Speller``) corrects a typo towards the documents' words first, names
included. A common word the documents do not use ("county", "step") is no typo of one they do
("country", "stop"), and a misspelt word the list has never seen ("regonal", "clahes") is
corrected towards the commonest word one edit away. A word the list has seen, however rarely,
is left alone: the rare end of the list is names typed in lower case ("macron", "kremlin",
"baku"), which must not become "matron", "gremlin" or "bake". The word lists and their
frequencies come inside the ``pyspellchecker`` package (MIT; counted from OpenSubtitles 2018),
nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol


class Lexicon(Protocol):
    """What the speller asks of a language's word list."""

    def knows(self, word: str) -> bool:
        """True for a word of the language (lower case)."""
        ...

    def seen(self, word: str) -> bool:
        """True for any word of the list, however rare (lower case): a name, a rare spelling."""
        ...

    def nearest(self, word: str) -> str | None:
        """The most frequent common word one edit from ``word`` (lower case), or None."""
        ...


# A word seen fewer times than this in the subtitles is no evidence: the lists end in rare names
# and spellings at 50 ("emanuel" is a typo of the documents' "Emmanuel", not a word of its own).
# Above it the list's words are the language's, however rare ("interviewee", 76, is no typo of the
# documents' "interviewer"; until 2026-12-01 the floor was 100, with no other effect on the tuning
# questions).
COMMON = 51


class WordList:
    """A language's common words and their frequencies (pyspellchecker's, read once per process)."""

    def __init__(self, language: str = "en") -> None:
        from spellchecker import SpellChecker

        self._checker = SpellChecker(language=language, distance=1)
        self._frequency = self._checker.word_frequency

    def knows(self, word: str) -> bool:
        return self._frequency[word] >= COMMON

    def seen(self, word: str) -> bool:
        return self._frequency[word] > 0

    def nearest(self, word: str) -> str | None:
        candidates = [w for w in self._checker.edit_distance_1(word) if self.knows(w)]
        return max(candidates, key=lambda w: (self._frequency[w], w)) if candidates else None


@lru_cache(maxsize=4)
def word_list(language: str = "en") -> WordList:
    """The word list of a language, read once per process (about 0.2 s for English)."""
    return WordList(language)
