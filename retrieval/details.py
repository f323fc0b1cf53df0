"""What a question asks the details of, and whether a sentence gives more than the thing's name.

"What exactly does the new form of mediation proposed by Charles Michel involve?" and "What
kind of military equipment does Russia sell to Azerbaijan?" ask what a thing is made of or
which kind it is. "…and weakens the new form of mediation proposed by the head of the European
Council Charles Michel." names the thing and says nothing of what it involves, and "…continues
to sell military equipment to Azerbaijan." says no kind: each ends its mention of the thing with
words the question gives, names and titles. A sentence that gives the details goes on after
its last mention of the thing ("According to article 4 of this treaty, …, if a member country is
attacked…, all other members must provide it with the necessary assistance"), or tells its kind
right before it ("…preferred to find a diplomatic solution" to "What kind of solution…?"). A
sentence that never mentions the thing by the question's words is left to the other checks:
"What sort of pact obliges Moscow…?" is answered by "…an agreement between the two countries,
according to which Russia should intervene…". English questions only (the words are matched as
English stems).
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.lexical import STOPWORDS, tokenize

# "What (exactly) does X involve?", "What concrete steps did X propose?", "What are the details
# of X?", "What kind of X …?": the group ``thing`` is X.
_DETAIL_QUESTIONS = (
    re.compile(r"^\W*what\s+(?:exactly\s+|specifically\s+|concretely\s+)?(?:does|did|do|would|will)\s+"
               r"(?P<thing>.+?)\s+(?:actually\s+|exactly\s+|specifically\s+|really\s+)?"
               r"(?:involve|entail|propose|contain|consist\s+of|include|provide\s+for|stipulate|envisage|"
               r"comprise|offer)\b", re.IGNORECASE),
    re.compile(r"^\W*what\s+(?:concrete\s+|specific\s+|exact\s+|practical\s+)?(?:steps|measures|proposals|"
               r"provisions|terms|details|elements|ideas)\s+(?:did|does|do|would|will)\s+(?P<thing>.+?)\s+"
               r"(?:propose|include|involve|contain|set\s+out|offer|put\s+forward)\b", re.IGNORECASE),
    re.compile(r"^\W*what\s+(?:are|were)\s+the\s+(?:concrete\s+|specific\s+|exact\s+)?(?:details|terms|"
               r"provisions|elements|contents?)\s+of\s+(?P<thing>[^?]+)", re.IGNORECASE),
    # "What exactly was the diplomatic solution…?", "What specific solution did Russia propose…?"
    re.compile(r"^\W*what\s+(?:exactly|specifically|concretely)\s+(?:is|was|are|were)\s+(?:the\s+|a\s+|an\s+)?"
               r"(?P<thing>[^\W\d_]+(?:[\s-]+[^\W\d_]+)?)", re.IGNORECASE),
    re.compile(r"^\W*what\s+(?:concrete|specific|exact|precise|particular)\s+(?P<thing>[^\W\d_]+(?:[\s-]+[^\W\d_]+)?)"
               r"\s+(?:did|does|do|was|were|is|are|has|have|had|would|will|could)\b", re.IGNORECASE),
    re.compile(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?P<thing>[^\W\d_]+(?:[\s-]+[^\W\d_]+)?)",
               re.IGNORECASE),
    # "Which military equipment exactly does Russia sell…?": which one of the things, by its kind
    # (not "What happened exactly…?": a verb follows no adverb there).
    re.compile(r"^\W*(?:what|which)\s+(?P<thing>[^\W\d_]+(?:[\s-]+[^\W\d_]+)?)\s*,?\s+(?:exactly|specifically|"
               r"precisely|concretely)\s*,?\s+(?:did|does|do|was|were|is|are|has|have|had|would|will|could|can)\b",
               re.IGNORECASE),
)
# The patterns whose thing is a kind: its noun ends at a function word or a name.
_KIND_QUESTIONS = frozenset(_DETAIL_QUESTIONS[-4:])
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# New words a sentence must give about the thing: after its last mention, or right before it as
# its kind ("a diplomatic solution", "the tacit agreement", "a 75% Shiite country").
_MORE = 1
_KIND_WORDS = 2
# Words a verb follows, which a kind does not: "will sell military equipment", and "to" after a verb
# that takes one ("continues to sell military equipment"; not "access to Israeli military equipment").
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "must", "should", "shall"})
_TAKES_TO = re.compile(r"(?:continu|beg[aiu]n|start|ceas|stop|tr(?:y|ie|yi)|want|seek|sought|plan|intend|"
                       r"refus|decid|agree|promis|need|manag|fail|prefer|us(?:e|ed)$|ready$|able$|going$|"
                       r"ha(?:s|d|ve)$|threat|offer|aim|hop|expect|prepar)\w*$", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def asked_thing(question: str) -> frozenset[str]:
    """The stems of the common words naming the thing a question asks the details of ("What kind
    of military equipment…?" → {"militari", "equip"}); names and function words aside, since a
    sentence mentions the thing by its common words."""
    for pattern in _DETAIL_QUESTIONS:
        match = pattern.search(question)
        if match is None:
            continue
        words = []
        kind = pattern in _KIND_QUESTIONS
        for word in _WORD.findall(match.group("thing")):
            if kind and (word.lower() in STOPWORDS or word[:1].isupper()):
                break  # "what kind of equipment does Russia…": the noun ends at a function word or a name
            if word.lower() in STOPWORDS:
                continue
            if not word[:1].isupper():
                words.extend(tokenize(word))
        return frozenset(words)
    return frozenset()


def says_more(thing: frozenset[str], question: str, sentence: str, naming: frozenset[str]) -> bool:
    """False when the sentence mentions the thing but says nothing new of it: no word right before
    its last mention (its kind) and none after it that is neither the question's, nor a name, nor
    a ``naming`` word (a title)."""
    if not thing:
        return True
    words = _WORD.findall(sentence)
    stems = [tokenize(w) for w in words]
    last = max((i for i, s in enumerate(stems) if any(t in thing for t in s)), default=None)
    if last is None:
        return True
    asked = set(tokenize(question))

    def new(word: str, stem: list[str]) -> bool:
        return bool(stem) and word.lower() not in naming and not any(t in asked for t in stem)

    after = [w for w, s in zip(words[last + 1:], stems[last + 1:], strict=True)
             if new(w, s) and not w[:1].isupper()]
    first = last
    while first > 0 and any(t in thing for t in stems[first - 1]):
        first -= 1  # the whole mention: "military equipment"
    kind = []
    for k in range(first - 1, max(0, first - _KIND_WORDS) - 1, -1):
        if not stems[k] or (k > 0 and words[k - 1].lower() in _MODALS) or (
                k > 1 and words[k - 1].lower() == "to" and _TAKES_TO.match(words[k - 2])):
            break  # a function word ends the kind, and a verb is none: "to sell military equipment"
        kind.append(new(words[k], stems[k]))
    return len(after) + sum(kind) >= _MORE
