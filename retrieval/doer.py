"""Who did it: a question that asks which country or who did something is answered by a sentence
that names someone right before that verb.

"Which country has used the CSTO collective security principle?" asks for the doer of "used". The
encoders read it closest to the sentences that share its nouns ("The conflict in Ukraine has two
consequences: first, it was a test of the reliability of the principle of collective security…"),
while the answer names the doer in front of the verb: "Only Kazakhstan has used this principle so
far." The asked verb is the first word after the question's doer ("who", "which country", "what
member state") and its auxiliaries and adverbs; a sentence names a doer when a name (a capitalised
word that is no function word) stands at most ``_BEFORE`` words before a form of that verb in the
same clause ("Only Kazakhstan has used"; a relative clause goes on from the words before its
comma: "…especially Russia, which sent…"). No tagger is at hand: a question whose doer is followed
by a function word, a name, "did" or a negation ("Which country is the only one…", "Who did
Pashinyan call?", "Who never used it?") asks no verb here; irregular forms are not matched ("sent"
is not "sends"), and a capitalised first word counts as a name ("Nobody has used…").
English only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.converse import CLAUSE_END
from retrieval.lexical import STOPWORDS, tokenize

# "Who …", "Which country (countries, state, member state, nation, side) …", "What country …".
_DOER_QUESTION = re.compile(
    r"^\W*(?:who|(?:which|what)\s+(?:countr(?:y|ies)|states?|nations?|member(?:\s+(?:states?|countr(?:y|ies)))?|"
    r"sides?|allies|ally))\s+(?P<rest>[^?]*)", re.IGNORECASE)
# "did", "does" and "do" right after the doer ask for an object ("Who did Pashinyan call?", "who does
# georgia wanna join"), not for a doer: no verb is read then.
_DO = frozenset({"did", "does", "do"})
# Auxiliaries and adverbs between the doer and the verb ("Which country has actually used…").
_SKIPPED = frozenset({"has", "have", "had", "will", "would", "can", "could", "actually", "really",
                      "ever", "already", "first", "still", "just", "also", "then", "finally", "eventually",
                      "else"})
# "Who never used it?", "Who has not helped?" ask who did not: no verb is read.
_NOT = frozenset({"not", "never", "no", "nobody"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# How many words may stand between the doer's name and the verb ("Only Kazakhstan has used",
# "Russia did not consider", "the President of the country requested").
_BEFORE = 4


def asked_verb(question: str) -> frozenset[str]:
    """The stems of the verb whose doer the question asks for ("Which country has actually used…?" →
    {"use"}); none when the question asks no doer or the word there is no verb."""
    match = _DOER_QUESTION.match(question)
    if match is None:
        return frozenset()
    for n, word in enumerate(_WORD.findall(match.group("rest"))):
        lower = word.lower()
        if n == 0 and lower in _DO:
            return frozenset()
        if lower in _NOT:
            return frozenset()
        if lower in _SKIPPED or (lower.endswith("ly") and len(lower) > 4):
            continue
        if lower in STOPWORDS or word[:1].isupper():
            return frozenset()
        return frozenset(tokenize(word))
    return frozenset()


def names_doer(verb: frozenset[str], sentence: str) -> bool:
    """True when a name stands at most ``_BEFORE`` words before a form of ``verb`` in a clause of the
    sentence."""
    return bool(verb & _done_by_someone(sentence))


@lru_cache(maxsize=20_000)
def _done_by_someone(sentence: str) -> frozenset[str]:
    """The stems of the sentence's words that a name stands at most ``_BEFORE`` words before, in
    their clause: read once per sentence, whatever verb a question asks."""
    stems: set[str] = set()
    words: list[str] = []
    for clause in CLAUSE_END.split(sentence):
        # A relative clause goes on from the name before its comma: "…especially Russia, which sent…".
        said = _WORD.findall(clause)
        words = [*words[-2:], *said] if said and said[0].lower() in ("which", "who") else said
        for i, word in enumerate(words):
            if any(w[:1].isupper() and w.lower() not in STOPWORDS for w in words[max(0, i - _BEFORE):i]):
                stems.update(tokenize(word))
    return frozenset(stems)
