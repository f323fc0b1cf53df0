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

# Adjectives of size, number, time, distance and likelihood ask for a measure or a forecast ("How big
# is the contingent?", "How likely is…?"); function words and pronouns follow "how" in other questions
# ("how come", "how did…", "How it is perceived in Moscow?").
_NOT_JUDGED = (r"many|much|long|far|old|often|soon|come|big|large|small|tall|high|low|wide|deep|late|early|"
               r"fast|quick|slow|heavy|close|near|recent|new|exactly|likely|probable|possible|true|did|does|"
               r"do|is|are|was|were|can|could|would|will|should|has|have|had|about|so|to|the|a|an|and|or|"
               r"else|then|now|it|this|that|these|those|they|he|she|we|you|i|its|their|his|her|our|my|your")
# "How solid is…", "How sturdy does the expert consider…", "how important is this event…"; the
# adjective in lower case ("How Shiite is Azerbaijan?" asks a share; a question typed in title case
# is not read), no word in -ly (adverbs, "how strongly"; "costly" and "friendly" go with them), and
# no participle after the verb ("…explain how sanctions are affecting Russia?").
_HOW_GOOD = re.compile(rf"\b[Hh]ow\s+(?!(?:{_NOT_JUDGED})\b)[a-z]+(?<!ly)\s+"
                       r"(?:is|are|was|were|does|do|did|will|would|has|have|had)\b(?!\s+\w+(?:ing|ed)\b)")
# "How much does this episode matter (count, weigh for) Moscow?" ("How much does the tank weigh?" asks a
# weight), "How big a deal is this for Moscow?", "How much of a blow is it?"
_HOW_MUCH_MATTERS = re.compile(r"\bhow\s+much\s+(?:does|do|did|will|would)\s+(?:\S+\s+){1,8}?"
                               r"(?:(?:matter|count)s?\b|weighs?\s+(?:for|on|upon)\b)"
                               r"|\bhow\s+(?:big|much)\s+(?:of\s+)?an?\s+(?:deal|problem|blow|threat|issue|setback|"
                               r"concern)\b", re.IGNORECASE)
_DEGREE = (r"(?:not|quite|very|rather|extremely|fairly|so|too|increasingly|still|more|less|most|least|highly|"
           r"deeply|pretty|utterly|somewhat|relatively)")
# Nouns with an adjective's ending ("an incident", "the president", "a component").
_NOUNS = (r"(?!(?:president|resident|agent|incident|event|component|republic|public|objective|initiative|"
          r"representative|executive|assistant|participant|student|handful|parliament|government|"
          r"client|patient|continent|accident|missile|projectile|profile)\b)")
# In lower case ("is the Republic of Azerbaijan" names); after an article, no "-ive" or "-ic" ("is a
# collective security organization" names the thing) and not before "of" ("a component of").
_ENDS_AFTER_ARTICLE = r"ile|ble|ous|ant|(?<!m)ent|ful|less|ky"
_SHORT_AFTER_ARTICLE = (r"weak|strong|small|minor|major|solid|serious|bad|good|poor|tense|great|crucial|"
                        r"vital|marginal")
_ADJECTIVE = (rf"(?:{_NOUNS}(?-i:[a-z]+)(?:{_ENDS_AFTER_ARTICLE}|ive|ic)|{_SHORT_AFTER_ARTICLE}|firm|safe|"
              r"sure|clear|fine|low|high|essential|divided|united)")
_ADJECTIVE_AFTER_ARTICLE = (rf"(?:{_NOUNS}(?-i:[a-z]+)(?:{_ENDS_AFTER_ARTICLE})|{_SHORT_AFTER_ARTICLE})"
                            r"(?!\s+of\b)")
# "…wants to remain independent…" tells a wish; "…seems to be fragile" still judges.
_LINKING = (r"(?:(?<!\bto\s)(?:is|are|was|were|remains?|remained|seems?|seemed|appears?|appeared|looks?|"
            r"looked|proves?|proved|becomes?|became)|be|been|being)")
_JUDGES = re.compile(rf"(?<!\bthere\s)\b{_LINKING}\s+(?:{_DEGREE}\s+)*[\"“«']?(?:{_ADJECTIVE}\b|"
                     rf"(?:a|an|the)\s+(?:{_DEGREE}\s+)*[\"“«']?{_ADJECTIVE_AFTER_ARTICLE}\b)",
                     re.IGNORECASE)


def asks_judgement(question: str) -> bool:
    """True for an English question that asks how good, strong or important something is."""
    return bool(_HOW_GOOD.search(question) or _HOW_MUCH_MATTERS.search(question))


def judges(sentence: str) -> bool:
    """True when the sentence gives its subject a quality through a linking verb ("…remains quite
    fragile and unreliable", "This is an insignificant event…")."""
    return bool(_JUDGES.search(sentence))
