"""How good, how strong, how much it matters: a question that asks for a judgement is answered by
a sentence that passes one.

"How solid is unity inside the Moscow-led alliance?" asks how good something is, and the answer
says it in an adjective ("…solidarity within the framework of this very collective security
agreement remains quite fragile and unreliable", "…it remains shaky"); "How much does this episode
weigh for Moscow?" is answered by "This is an insignificant event for Russia…". The encoders read
such a question closest to the sentences that share its nouns ("…the two countries are members of
the Collective Security Treaty Organization…"), which name the thing and judge nothing. A sentence
passes a judgement when a linking verb ("is", "remains", "seems") gives its subject a quality: an
adjective, after words of degree or an article ("quite fragile", "an insignificant event"). No
tagger is at hand, so an adjective is a word of the common adjective endings ("-ile", "-ble",
"-ous", "-ive", "-ant", "-ent" but not "-ment", "-ic", "-ful", "-less", "-ky") or one of the short
ones that have none ("weak", "small", "solid"). "There is a…" introduces a thing and judges none,
and "…wants to remain independent…" tells a wish.
English only.
"""

from __future__ import annotations

import re

# Adjectives of size, number, time and likelihood ask for a measure or a forecast ("How big is the
# contingent?", "How likely is…?"), and function words follow "how" in other questions ("how come",
# "how did…").
_NOT_JUDGED = (r"many|much|long|far|old|often|soon|come|big|large|small|tall|high|low|wide|deep|late|early|"
               r"fast|quick|slow|exactly|likely|probable|possible|true|did|does|do|is|are|was|were|can|could|"
               r"would|will|should|has|have|had|about|so|to|the|a|an|and|or|else")
# "How solid is…", "How sturdy does the expert consider…", "how important is this event…"; the
# adjective in lower case ("How Shiite is Azerbaijan?" asks a share) and no adverb ("how strongly").
_HOW_GOOD = re.compile(rf"\b[Hh]ow\s+(?!(?:{_NOT_JUDGED})\b)[a-z]+(?<!ly)\s+"
                       r"(?:is|are|was|were|does|do|did|will|would|has|have|had)\b")
# "How much does this episode matter (weigh, count) for Moscow?"
_HOW_MUCH_MATTERS = re.compile(r"\bhow\s+much\s+(?:does|do|did|will|would)\s+(?:\S+\s+){1,8}?"
                               r"(?:matter|weigh|count)s?\b", re.IGNORECASE)
_DEGREE = (r"(?:not|quite|very|rather|extremely|fairly|so|too|increasingly|still|more|less|highly|deeply|"
           r"pretty|utterly|somewhat|relatively|a|an|the)")
_ADJECTIVE = (r"(?:[a-z]+(?:ile|ble|ous|ive|ant|(?<!m)ent|ic|ful|less|ky)|weak|strong|small|minor|major|"
              r"solid|firm|serious|safe|sure|clear|bad|good|poor|tense|fine|great|low|high)")
_LINKING = (r"(?:is|are|was|were|remains?|remained|seems?|seemed|appears?|appeared|looks?|looked|proves?|"
            r"proved|becomes?|became)")
_JUDGES = re.compile(rf"(?<!\bthere\s)(?<!\bto\s)\b{_LINKING}\s+(?:{_DEGREE}\s+)*[\"“«']?{_ADJECTIVE}\b",
                     re.IGNORECASE)


def asks_judgement(question: str) -> bool:
    """True for an English question that asks how good, strong or important something is."""
    return bool(_HOW_GOOD.search(question) or _HOW_MUCH_MATTERS.search(question))


def judges(sentence: str) -> bool:
    """True when the sentence gives its subject a quality through a linking verb ("…remains quite
    fragile and unreliable", "This is an insignificant event…")."""
    return bool(_JUDGES.search(sentence))
