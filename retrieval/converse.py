"""Who did what to whom: a sentence that tells the converse of what a question asks does not answer it.

"Did Russia actually help Armenia?" shares nearly every word with "Armenia has not helped Russia in
any way in Ukraine…", and the encoders read the two as close: they weigh words, not who does what
to whom. A question that names a country, then a verb, then another country ("Russia … help …
Armenia") asks about that direction; a sentence in which the same verb goes from the second to the
first ("Armenia … helped … Russia") tells the other direction, unless it tells the asked one too.
Countries are read in all their names ("Moscow", "the Kremlin", "Russian" are Russia;
``places.PlaceNames``), and a verb in any of its forms (the stemmer's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from retrieval.lexical import STOPWORDS, tokenize
from retrieval.places import PlaceNames, is_country

# How many words may stand between a country and the verb, and between the verb and the other country
# ("Armenia has not helped Russia", "Did Russia actually send troops to help Armenia").
_SPAN = 6
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# A clause ends at these marks: "Armenia has not helped Russia in any way in Ukraine, …, and Russia, for
# its part, continues…" keeps "Russia … continues" apart from the clause before.
CLAUSE_END = re.compile(r"[,;:()–—?!.]")
# Words between the two countries that are no verb of theirs ("Russia and Armenia", "Russia or Turkey").
_NOT_VERBS = frozenset({"and", "or", "nor", "between", "with", "than", "versus", "vs"})


def _countries(word: str) -> frozenset[str]:
    """The countries a word names ("Kremlin" → {"russia"}), none for a word that names none."""
    bare = re.sub(r"['’]s?$", "", word)
    named = PlaceNames.countries_of(bare)
    if named:
        return named
    return frozenset({bare.lower()}) if is_country(bare) else frozenset()


def _triples(text: str) -> Iterator[tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    """(first country, stems of the words between, second country) for each two countries of a
    clause at most ``_SPAN`` words apart, with a word between them."""
    for clause in CLAUSE_END.split(text):
        words = _WORD.findall(clause)
        named = [(i, c) for i, w in enumerate(words) if (c := _countries(w))]
        for (i, first), (j, second) in pairwise(named):
            between = [w.lower() for w in words[i + 1:j]]
            if not between or j - i > _SPAN or first & second or set(between) & _NOT_VERBS:
                continue
            stems = frozenset(t for w in between if w not in STOPWORDS for t in tokenize(w))
            if stems:
                yield first, stems, second


def tells_converse(question: str, sentence: str) -> bool:
    """True when the sentence tells, with the question's verb, what the second country the question
    names did to the first ("Armenia has not helped Russia" to "Did Russia help Armenia?") and not
    what the first did to the second."""
    asked = list(_triples(question))
    if not asked:
        return False
    told = list(_triples(sentence))

    def tells(first: frozenset[str], verbs: frozenset[str], second: frozenset[str]) -> bool:
        return any(first & a and verbs & v and second & b for a, v, b in told)

    return (any(tells(b, v, a) for a, v, b in asked)
            and not any(tells(a, v, b) for a, v, b in asked))
