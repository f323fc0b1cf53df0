"""What a question is before it is searched: its language, its casual spelling, its parts.

* **Language.** A question in another script (a fifth of its letters or more: "what does
  статья 4 ОДКБ say?"), or in Latin letters with another language's function words (French,
  Spanish, German, Italian, Portuguese, Russian typed in Latin letters), is searched with the
  multilingual encoder alone: English word matching and the English-tuned encoder only add noise
  to it. French forms count as its function words do: "l'armée", "a-t-elle", "réclamé".
* **Casual typing.** Chat abbreviations ("r", "u", "wat") are spelled out and a misspelt word
  that is one edit from a word of the corpus ("armnia") is replaced by it, so names are
  corrected too and nothing is keyed to one article. A common word of the language is no typo
  ("step" is not the corpus's "stop"), and a typo of one the corpus does not use is corrected
  to it ("regonal" → "regional"; the language's words come from ``retrieval.lexicon``).
* **Parts.** "How many troops are there, and what happened to them?" is two questions; each
  part is searched on its own so that each gets its quote.
* **Small talk.** "hi", "спасибо!" or "why?" asks nothing and names nothing: it gets no quotes.
  A message's greeting, "can you tell me" or "thanks" is taken off before its question is read,
  and the question gets its capital and its question mark ("hey, who is dupuy thx" → "Who is
  dupuy?"): e5 reads all of these.
* **Answer type.** "How many", "who" and "when" questions need a number, a name or a time in
  the sentence that answers them, and "what is the name of" a person's name the question does
  not give, not a title. "How many tanks" needs a count of tanks, "Which politicians" a person,
  "What did the Council decide" a decision reported (``AnswerType.satisfied_by``); the fusion
  and the support check use this.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from retrieval import details, events, measures
from retrieval.acronyms import Acronyms
from retrieval.lexical import STOPWORDS, tokenize
from retrieval.lexicon import Lexicon
from retrieval.places import PlaceNames, capital_cities, is_country

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_OTHER_SCRIPT_SHARE = 0.2

# Function words of other Latin-script languages that are not English words (French, Spanish,
# German, Italian, Portuguese, and Russian typed in Latin letters: "skolko … v Armenii?").
_FOREIGN_FUNCTION_WORDS = frozenset("""
le la les des du une est sont quel quelle quels quelles pourquoi combien qui que qu est-ce
comment où selon dans pour avec sur ils elle elles ont été cette ces leur leurs aux au et ou
pas ne fait peut après contre entre sans chez lors quand depuis
el los las del por para como qué quién cuál cuántos dónde cuándo porque es son fue está están
der die das und ist sind wer wie warum wann welche welcher nicht mit für auf dem den ein eine
il gli della delle perché chi sono quale quanti dove è
os das dos uma não por que quem qual quantos onde quando
chto shto kto gde kogda skolko pochemu zachem kak kakoy kakaya kakie kakih kakov eto ne na iz
ot po dlya posle pri bez ili v vo k
à cet ses nous vous
""".split())  # noqa: SIM905 - a word list reads best as text
FOREIGN_FUNCTION_WORDS = _FOREIGN_FUNCTION_WORDS
# Other signs of a Romance or German question that English words never show: an elided article
# or pronoun ("l'armée", "qu'a", "d'Arménie"), French inversion ("a-t-elle"), and a lower-case
# word with an accent ("réclamé"; names such as "Élysée" are capitalised, so they do not count).
_FOREIGN_FORM = re.compile(r"^(?:[LlDdJjNnMmSsTtCc]|[Qq]u)['’][^\W\d_]|^[a-zß]*[à-öø-ÿœ][^\W\d_]*$")
# French inversion: the verb and "-t-" go, so that "a-t-elle" is not read as English "a" and "t".
_INVERSION = re.compile(r"\b[^\W\d_]+-t-(?=(?:il|elle|on|ils|elles)\b)", re.IGNORECASE)
_ENGLISH_HINTS = STOPWORDS | frozenset(
    ["what", "which", "who", "why", "how", "when", "where", "is", "are", "does", "did"])

# Chat shorthand, spelled out before anything else reads the question.
_SHORTHAND = {
    "r": "are", "u": "you", "ur": "your", "y": "why", "wat": "what", "wut": "what", "wht": "what",
    "hw": "how", "pls": "please", "plz": "please", "abt": "about", "govt": "government",
    "gov": "government", "ppl": "people", "bc": "because", "cuz": "because", "coz": "because",
    "bcz": "because", "w/": "with", "w/o": "without", "thx": "thanks", "tf": "", "wtf": "",
    "idk": "", "lol": "", "btw": "", "rn": "now", "tho": "though", "smth": "something",
    "sb": "somebody", "b4": "before", "2": "to", "4": "for", "n": "and", "im": "i am",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "whats": "what is",
    "whos": "who is", "hows": "how is", "wats": "what is", "mil": "military", "prez": "president",
    "pm": "prime minister",
}

# The words an English question (or the question part of a sentence) opens with.
_OPENS_QUESTION = (r"(?:what|who|whom|whose|which|when|where|why|how|did|does|do|is|are|was|were|can|could|"
                   r"will|would|has|have|had|should)\b")
_NEXT_PART = re.compile(
    rf"(?:,\s*|;\s*|\s+)(?:and(?:\s+also)?|also|plus|as\s+well\s+as)\s+"
    # "…and in which area?", "…and from where?": a question word after a preposition opens one too
    # when what follows is short ("…and in which area?") or asks in its own right ("…, and to whom has
    # Putin handed…?", "…and to which country did…?"), not a relative clause ("…and in which Russian
    # peacekeepers are deployed")
    rf"(?={_OPENS_QUESTION}|(?:in|at|on|from|to|for|with|by|since|until)\s+(?:which|what|whom|where|when)\b"
    r"(?:(?:\s+[\w'’-]+){0,2}\s*[?.!]*\s*$|(?:\s+[\w'’-]+)?\s+(?:has|have|had|did|does|do|is|are|was|were|will|"
    r"would|can|could)\b))",
    re.IGNORECASE)
# The same in Russian and French ("…, и сколько …", "… et combien …"), where the part before
# must be a question of its own (three words at least: "Кто и когда …" is one question). "что"
# and "que" are left out: after "и"/"et" they mostly go on a clause ("…, что Россия слаба и что
# Турция сильна").
_NEXT_PART_OTHER = re.compile(
    r"(?:,\s*|;\s*|\s+)(?:и|а\s+также|а|также|et|ainsi\s+que|aussi)\s+"
    r"(?=(?:кто|где|когда|сколько|почему|зачем|как|како[йяеи]|каки[ех]|чей|чья|"
    r"qui|quoi|quand|où|combien|pourquoi|comment|quel|quelle|quels|quelles|est-ce)"
    r"(?![^\W\d_]))", re.IGNORECASE)
_MIN_PART_WORDS = 3
# A later English part made only of function words that asks something of the part before all the
# same ("why did it do so?", "how did they do it?", "Why not?"); not one that asks of the one who
# writes or reads ("How are you?", "how r u"). A bare "…, and why?" stays with the question it ends.
_ASKS_OF_BEFORE = re.compile(r"^\W*(?:and\s+)?(?:why|when|where|how)\b(?![^?]*\b(?:you|u|ya|your|i|me|we)\b)"
                             r"\W*\w", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[?])\s*(?=\S)")

# What a question asks for. English, and the question words of Russian (also typed in Latin
# letters: "skolko", "kogda", "kto") and French (questions in other languages are ranked by e5
# alone, but a "how many" is still a "how many"). "When" counts
# only where it opens the question: inside one it is a conjunction ("what happens when a member
# is attacked?"), and "how big a deal" is not a number question, so only "how many/much/long/old",
# and a size or a depth ("How large is the Russian garrison…?", "How deep is the Caspian?") unless
# what is sized is a figure of speech (``_FIGURATIVE_SIZE``).
# "How much does the Kremlin care…?" asks a degree, not an amount: "how much" before a verb
# asks an amount only when the verb is one of paying, costing or trading ("How much does the base
# cost?"), or weighing when nothing follows that makes it a figure of speech ("How much does this
# episode weigh for Moscow?").
_DEGREE = (r"(?!\s+(?:do|does|did|will|would|can|could|should|might|may)\s+(?![^?]*\b(?:cost|costs|"
           r"weighs?(?!\s+(?:for|on|upon)\b)|pay|pays|paid|earn|earns|spend|spends|spent|sell|sells|sold|buy|"
           r"buys|bought|owe|owes|produce|"
           r"produces|export|exports|import|imports|receive|receives|received|charge|charges)\b))")
# What a size is asked of when it is no amount: "How big a deal…?", "How high are the stakes?".
# A word joined to it by a hyphen is no size either ("how high-ranking", "how deep-rooted"). Each
# word is matched with its plural.
_FIGURATIVE_SIZE = (r"(?![\w-])(?!(?:\s+[\w'’-]+){0,4}?\s+(?:deal|problem|issue|threat|risk|role|blow|"
                    r"setback|concern|influence|impact|mistake|challenge|surprise|loss|defeat|victory|success|"
                    r"failure|test|tension|stake|hope|expectation|importance|significance|priority|matter|"
                    r"interest(?!\s+rates?)|change|chance|danger|appetite|ambition|say|crisis|ties|relations|"
                    r"involvement|trust|mistrust|distrust|fighting|division|commitment|level|rift|hatred|anger|"
                    r"support|dependence)s?\b)")
_NUMBER_QUESTION = re.compile(
    rf"\bhow\s+(?:many|much{_DEGREE}|long|old)\b|\bhow\s+(?:big|large|deep|tall|high|wide|heavy){_FIGURATIVE_SIZE}"
    r"|\bwhat\s+(number|share|percentage|proportion|portion|part)\s+of\b"
    r"|\bwhat\s+%|\bсколько\b|\bskolko\b|\bcombien\b|\bquel(?:le)?\s+(?:pourcentage|proportion|part)\b"
    r"|\bat\s+what\s+price\b|\bà\s+quel\s+prix\b|\bquel\s+est\s+le\s+prix\b|\bпо\s+какой\s+цене\b"
    r"|\bкакова\s+цена\b|\b(?:на\s+)?как(?:ую|ова)\s+сумм[уа]\b|\b(?:pour\s+)?quel\s+montant\b"
    # "What is the dollar value of…?", "What is the population of…?", "Quel est le nombre de…?",
    # "Какова численность…?"; not a plain value, cost or price ("the price of peace"), nor the size
    # of a problem.
    r"|\bwhat(?:\s+(?:is|was|are|were)|['’]s)\s+the\s+(?:(?:total|overall|exact|estimated|approximate|rough|"
    rf"combined|annual|current)\s+)*(?:{measures.MONEY_VALUE}|(?:value|worth|cost|price)\s+in\s+(?:us\s+)?"
    r"(?:dollars|euros|pounds|roubles|rubles)|amounts?|"
    r"sums?|budget|population|size|numbers?|count)\s+of\b(?!\s+(?:the\s+|this\s+|that\s+)?(?:problem|threat|"
    r"role|influence|risk|trust|support|challenge|damage|crisis|tension|interest|attention)s?\b)"
    r"|\bquel(?:le)?\s+(?:est|était|sont)\s+(?:le|la|les)\s+(?:nombre|population|taille|montant|budget|effectif)s?"
    r"\s+(?:de|d['’]|du|des)"
    r"|\bкаков(?:а|о|ы)?\s+(?:численность|население|стоимость|бюджет|количество|размер|сумма|число)\b",
    re.IGNORECASE)
_PERSON_QUESTION = re.compile(
    r"^\W*(who|whom|whose)\b|\bwho\s+(is|was|are|were)\b|\bname\b|^\W*(?:кто|kto)\b|\bкак\s+зовут\b"
    r"|^\W*qui\b", re.IGNORECASE)
# "When" opening a clause before the question ("When asked if…, what did Dupuy reply?", "When
# Atlantico suggested…, how did Dupuy reframe it?") is a conjunction, not a question word.
_AUXILIARY = r"(?:did|does|do|was|is|were|are|will|would|has|have|had|can|could)"
_WHEN_CLAUSE = (rf"(?!\s+(?!(?:(?:exactly|about|around|\w+ly)\s+)?{_AUXILIARY}\b)[^,?]+"
                rf"(?:,\s*{_OPENS_QUESTION}"
                # typed without the comma: "when kazakhstan asked for help did the other members say yes"
                rf"|\s+{_AUXILIARY}\s+(?:the|any|other|all|its|his|her|their|they|he|she|it|anyone|(?-i:[A-Z])\w+)\b"
                r"|\s+(?:what|how|who|which|why)\s+\w+))")
# A word of precision that may stand before another before "date" or "time" ("the exact calendar date").
_PRECISE = r"(?:exact|precise|specific|actual|official|approximate)"
_TIME_QUESTION = re.compile(
    rf"^\W*(?:and\s+)?when\b{_WHEN_CLAUSE}|\b(?:since|until|till)\s+when\b"
    # "what year", "what was the calendar date", "what was the exact calendar date" (not "what
    # hour-long talks", nor "what was the reaction this time")
    rf"|\bwhat\s+(?:(?:is|was|are|were)\s+the\s+(?:{_PRECISE}\s+)?)?(?:\w+\s+)?(year|date|day|month|time|hour)\b"
    r"(?![-‐])"
    r"|\bwhich\s+(year|date|day|month|time|hour)\b(?!['’])"  # not "which last year", "which year's"
    r"|\b(?:on|in|at)\s+(?:what|which)\s+(?:exact\s+|calendar\s+|precise\s+|specific\s+)(?:date|day|month|year)\b"
    r"|\bhow\s+long\s+ago\b|^\W*(?:когда|kogda)\b|\bв\s+каком\s+году\b|\bкакого\s+числа\b"
    r"|\bкакая\s+дата\b|\bв\s+котором\s+часу\b"
    r"|\bв\s+какой\s+день\b|\bв\s+каком\s+месяце\b"
    r"|^\W*quand\b|\bquelle\s+(?:date|année|heure)\b|\bquel\s+(?:jour|mois)\b"
    # "Depuis quand…?", "…et quand…?", "С каких пор…?", "…и когда…?" (a "quand" or "когда" inside a
    # question may join two clauses instead: "Comment a-t-elle réagi quand…?").
    r"|\b(?:depuis|jusqu['’]à)\s+quand\b|\bet\s+quand\b|\b[сc]\s+каких\s+пор\b|\bдо\s+каких\s+пор\b"
    r"|\bи\s+когда\b", re.IGNORECASE)
# A "when" of something still to come ("When is the treaty due to be renewed?", "Когда состоится
# следующий саммит?", "Quand aura lieu le prochain sommet ?"): a time of the past does not say it, so
# the sentence must speak of what is to come (``_FUTURE``).
_FUTURE_QUESTION = re.compile(
    r"\b(?:will|gonna|next|upcoming|scheduled|planned)\b|\bgoing\s+to\b|\bdue\s+(?:to|for)\b"
    # "When does Dupuy expect the conflict to be resolved?"
    r"|\b(?:expects?|predicts?|forecasts?|anticipates?)\b|\b(?:is|are)\s+(?:[\w-]+\s+){0,4}?(?:expected|predicted)\s+to\b"
    r"|\blikely\s+to\b"
    r"|\b(?:состоится|состоятся|будет|будут|следующ\w*|планиру\w*|предстоящ\w*|ожида\w*|прогнозиру\w*)"
    r"|\b(?:prochain\w*|aura\s+lieu|auront\s+lieu|sera|seront|prévu\w*|s['’]attend\w*)",
    re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|would|next|upcoming|scheduled|plans?|planned|planning|expected|soon|future|"
    r"forthcoming|later|intends?|intended)\b|\bgoing\s+to\b|\bdue\s+(?:to|for|in)\b", re.IGNORECASE)
# "When" asked to a precision: a year, a date (a day of the month), a time of day. "On the night
# of Monday to Tuesday" says when, but not on what date, nor at what time to a question that
# already names the night. ("Во сколько" is not here: it also asks how much something costs.)
_PRECISION_QUESTIONS = (
    ("years", re.compile(r"\b(?:what|which)\s+year\b(?!['’])|\bв\s+каком\s+году\b|\bquelle\s+année\b",
                         re.IGNORECASE)),
    ("dates", re.compile(rf"\b(?:what|which)\s+(?:(?:is|was)\s+the\s+(?:{_PRECISE}\s+)?)?(?:\w+\s+)?date\b"
                         r"|\bwhich\s+day\s+of\s+the\s+month\b"
                         r"|\bquelle\s+date\b|\bкакого\s+числа\b|\bкакая\s+дата\b", re.IGNORECASE)),
    ("clock", re.compile(rf"\b(?:what|which)\s+(?:(?:is|was)\s+the\s+(?:{_PRECISE}\s+)?)?(?:\w+\s+)?"
                         r"(?:time|hour)\b"
                         r"(?![-‐]|\s+(?:of\s+(?:the\s+)?year|"
                         r"frame|period|zone|span|limit|window|scale|line|table)\b)"
                         r"|\bquelle\s+heure\b|\bв\s+котором\s+часу\b", re.IGNORECASE)),
)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_YEAR = re.compile(r"\b(?:19|20)\d\ds?\b")  # "in 2002", "in the 1990s"; not "1500 troops"
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"
                   rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
                   r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d\d-\d\d\b",
                   re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:h]\d\d\b|\b\d{1,2}\s*(?:a\.?m\b\.?|p\.?m\b\.?|o['’]clock\b)"
                    r"|\b(?:midnight|noon|midday|dawn|dusk|morning|afternoon|evening|night)\b", re.IGNORECASE)
# "How many" counts things ("how much", "how long" ask amounts and durations).
_COUNT_QUESTION = re.compile(r"\bhow\s+many\b|\bсколько\b|\bskolko\b|\bcombien\b", re.IGNORECASE)
# A count or amount, not a vague quantity ("most", "all" do not answer "how many").
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                     r"million|billion|dozen|half)\b", re.IGNORECASE)
# Numbers that count nothing, so do not answer "how many": a year ("the 1997 Convention", "founded
# in 2002": "19xx" or "20xx" after a preposition, "the" or a month, or before "s" or a mark; "2000
# troops" is a count), the number of an article ("article 4 of this treaty") or an idiom's "one"
# ("if the Georgians one day become members", "on the one hand", "no one", "one another").
_NOT_A_COUNT = re.compile(
    r"(?<!\blasted\s)(?<!\bfor\s)(?<!\bonly\s)(?<!\bjust\s)(?<!\bin\s)(?<!\bafter\s)(?<!\bwithin\s)"
    r"\bone\s+day\b(?!\s+(?:of|later|after|before|long|and)\b)"
    r"|\bone\s+(?:hand|another|way\s+or\s+another)\b|\b(?:no|any|every|some)[\s-]?one\b"
    r"|\bthe\s+one\s+(?:who|that|which)\b|"
    r"\b(?:in|since|by|of|from|until|till|the|before|after|during|early|late|mid|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d\ds?\b"
    r"|\b(?:19|20)\d\d(?:s\b|(?=\s*[^\w\s]|\s*$))"
    r"|\b(?:articles?|paragraphs?|clauses?|chapters?|sections?|resolutions?|points?|no\.|number)\s+\d+\b",
    re.IGNORECASE)
# English only (not ``_COUNT_QUESTION``): the counted noun is matched with the English stemmer.
_HOW_MANY = re.compile(r"\bhow\s+many\b", re.IGNORECASE)
_COUNT_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_SHARE_OR_REFERENCE = re.compile(r"(?:\d\s*(?:%|per\s*cent\b|percent\b)|\b(?:\d+(?:[.,]\d+)*|one|two|three|"
                                 r"four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?))"
                                 r"\s+of\s+(?:them|these|those)\b", re.IGNORECASE)
# A date or point in time; relative words ("after", "first") say when only with something else.
# (A number's thousands are no year: "1,900 people", "3,000 troops"; "may suffer" is no month.)
_TIME = re.compile(r"(?<!\d[,.])\b(?:\d{3,4}(?![,.]\d)|january|february|march|april|(?-i:May)|june|july|"
                   r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
                   r"sunday|night|morning|evening|yesterday|today|tomorrow|ago|week|month|year|"
                   r"spring|summer|autumn|winter)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# A run of capitalised words (acronyms too), for "a name the question does not already give".
_NAME_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
# "Which country ...?", "which convention", "the names of the bases": a named thing (or a numbered
# one: "which article" is answered by "Article 5"). "Which route", "which way" or "which option"
# asks for a course of action, which is described, not named ("…preferred to find a diplomatic
# solution").
_NUMBERED_NAME = re.compile(r"\b[A-Z][a-z]+\s+\d+\b")
_WHICH_QUESTION = re.compile(
    r"\bwhich\s+(?!of\b|(?:year|date|day|month|time|hour)s?\b"  # "which year" asks when
    r"|(?:routes?|ways?|paths?|options?|approach(?:es)?|courses?|strateg(?:y|ies)|polic(?:y|ies)|solutions?|"
    r"steps?|measures?|directions?|reasons?|logic|roles?)\b)[^\W\d_]"
    r"|\bnames?\s+of\b(?<!\bin\sthe\sname\sof)|\bby\s+name\b|\bимена\b|\bnoms\s+(?:des?|du)\b"
    # "Name the other international players that are sidelined", "List the CSTO members".
    r"|^\W*(?:(?:please|pls|plz)\s+)?(?:name|list)\s+(?:the|all|some|any)\b|\b(?:назовите|перечислите)\b"
    r"|^\W*(?:nommez|citez)\b"
    r"|\b(?:what|who)\s+(?:are|were)\s+the\s+(?:(?!(?:of|for|to|in|on|at|by|with|from|the|a|an|that|"
    r"which|who)\b)[\w-]+\s+){0,3}?(?:countries|states|nations|members|cities|towns|villages|regions|"
    r"provinces|bases|organi[sz]ations)\b",
    re.IGNORECASE)
# "What did Putin tell the Prime Minister?": what someone said. A sentence that only mentions the
# person ("… called President Vladimir Putin") does not answer it; one that reports speech does.
# Not asked of the corpus's own speakers or texts ("What does Dupuy say…?", "What does the note
# say?"): everything they say is theirs.
# The same asked in Russian or French ("Что сказал X", "qu'a déclaré X", "que pense X"): whom it asks
# about follows the verb. ``foreign_names`` reads the same pattern for those names.
SPEECH_ABROAD = (
    r"\b(?:что|чего)\s+(?:именно\s+|же\s+|конкретно\s+|официально\s+)?(?:сказал|заявил|говорил|ответил|"
    r"думает|считает|сообщил|потребовал|попросил|просил|призвал|пообещал|обещал|предложил)[аио]?\s+(?P<ru>[^?.,]+)"
    # The speaker before the verb, by name: "Что Путин ответил Пашиняну?", "О чём говорили Путин и…?"
    r"|\b(?:что|чего)\s+(?:именно\s+|же\s+|конкретно\s+|официально\s+)?(?P<ru2>(?-i:[А-ЯЁ])[\w-]*(?:\s+(?-i:[А-ЯЁ])[\w-]*){0,2})\s+"
    r"(?:именно\s+|официально\s+)?(?:сказал|заявил|говорил|ответил|сообщил|потребовал|попросил|просил|призвал|"
    r"пообещал|обещал|предложил)[аио]?\b"
    r"|\bо\s+ч[её]м\s+(?:говорил|договорил|беседовал|разговаривал)(?:[аио]|ись)?\s+(?P<ru3>[^?.,]+)"
    r"|\bqu['’]\s*(?:a|ont)\s+(?:officiellement\s+|exactement\s+)?(?:dit|déclaré|répondu|annoncé|demandé|"
    r"réclamé|exigé)\s+(?P<fr>[^?.,]+)"
    r"|\bque\s+(?:pense|pensent|dit|disent)\s+(?P<fr2>[^?.,]+)")
# A word of the clause a question opens (no conjunction that starts another; an apposition's commas
# are the clause's: "What did Charles Michel, head of the European Council, say…?").
_CLAUSE_WORD = (r"(?!(?:after|before|when|while|since|because|as|if|until|and|or|that|then|once)\b)"
                r"[\w'’.,-]+")
_SPEECH_QUESTION = re.compile(
    # "Which two republics did Tokayev say he does not recognise?" asks what he said, as "what" does.
    # The one asked about is words of the same clause: "What troops did Russia send after Tokayev
    # said…?" asks no one's words.
    r"\b(?:what|which)(?:\s+[\w'’-]+){0,3}?\s+(?:did|does|do|has|have|had)\s+"
    rf"(?P<who>(?:{_CLAUSE_WORD}\s+)*?{_CLAUSE_WORD})\s+(?:say|said|"
    r"tell|told|think|declare|"
    r"announce|state|claim|reply|answer|demand|ask\s+for|ask(?=\s+[A-Z])|request|call\s+for|urge)\b|"
    # "Did Putin make any public statement about the clash?", "Has Baku commented on…?"
    # (Not anyone at all: "Did anyone comment on Article 4?" asks what was said, by whom it may be.)
    r"^\W*(?:did|has|have|had)\s+(?!(?:any|some|no)(?:one|body|thing)\b|any\s)"
    r"(?P<whether>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:(?:make|made|issue|issued|give|given)\s+(?:any\s+|a\s+)?"
    r"(?:public\s+|official\s+)?(?:statements?|comments?|remarks?)|comment(?:ed)?\s+(?:on|about)|speak\s+out|"
    r"spoken\s+out|say\s+anything|said\s+anything)\b|"
    + SPEECH_ABROAD,
    re.IGNORECASE)
# "What reason did Azerbaijan officially give for the offensive?": the reason someone gave is what
# they said, which a sentence about the offensive does not report.
_REASON_GIVEN_QUESTION = re.compile(
    r"\b(?:what|which)\s+(?:official\s+)?(?:reasons?|explanations?|justifications?|grounds|excuses?|"
    r"motives?)\s+(?:did|does|do|has|have|had)\s+(?P<who>.+?)\s+(?:\w+ly\s+)?(?:give|given|offer|offered|"
    r"provide|provided|cite|cited|put\s+forward|suggest|suggested|float|floated|propose|proposed|"
    r"advance|advanced)\b", re.IGNORECASE)
# A place asked for: "Where did the fighting take place?", "In which region…?", "Где…?", "Où…?"
# (not "where" joining two clauses: "the region where…"), and what names one in a sentence: a
# capitalised name after a word of place or movement, or a common word for a place.
_WHERE_QUESTION = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:where|wher|whereabouts)\b(?![^?]*\bstands?\b)"  # not "Where does X stand on…?"
    r"|\b(?:in|at|on)\s+(?:which|what)\s+(?:place|region|"
    r"area|city|town|village|country|location|spot|province|district|zone|territory)\b"
    r"|^\W*(?:где|gde|куда|откуда)\b|^\W*(?:où|ou)\b"
    r"|\b(?:в|во|на)\s+как(?:ой|ом|ую)\s+(?:регион|город|област|район|мест|стран|зон|провинци|сел)\w*"
    r"|\b(?:dans|vers|en|à|sur)\s+quel(?:le)?\s+(?:région|ville|pays|endroit|zone|province|lieu|localité|"
    r"village)\b", re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?i:in|at|along|near|across|inside|within|from|to|into|on|over|between|around|outside)\s+"
    r"(?:the\s+|a\s+|its\s+|their\s+)?(?:(?!(?i:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)[A-Z][\w'’-]+"
    r"|(?:common|northern|southern|eastern|western)\s+\w+|(?:border|frontier|north|south|east|west|region|"
    r"territory|city|capital|village|town|area|zone|sea|front|bases?|country|countries)\b)"
    r"|\b(?:border|frontier|territory|region|regions|enclave|villages?|towns?|cities|capital|province)\b")
# Whose view a question asks for, before what it asks: "According to the expert, will Russia…?",
# "In Dupuy's view, is…?", "Selon l'expert, est-ce que…?", "По мнению эксперта, вмешается ли…?"; not
# a question word ("According to which treaty, …?", "Pour quelle raison, …?").
_FRAMED = r"(?:(?!\b(?:which|what|whom|who|whose|quel\w*|qui|quoi|кого|чего|как\w*|котор\w*)\b)[^,?]){1,40}?"
_FRAME = (rf"(?:(?:(?:according\s+to|in\s+the\s+(?:view|opinion|words)\s+of|selon|d['’]apr[èe]s|pour|"
          rf"по\s+мнению|по\s+словам)\s+{_FRAMED}|in\s+{_FRAMED}['’]s?\s+(?:view|opinion|words|eyes))"
          r"\s*,\s*)")
# A question that asks whether ("Did Tokayev say…?", "Is Belarus a member…?"), and one that asks
# whether something was done ("Did the Security Council meet?").
_YES_NO_QUESTION = re.compile(rf"\W*{_FRAME}?(?:did|does|do|is|are|was|were|has|have|had|can|could|will|"
                              r"would|should|might|may)\b", re.IGNORECASE)
_DONE_QUESTION = re.compile(rf"\W*{_FRAME}?(?:did|has|have|had)\b", re.IGNORECASE)
# A clause that only describes what it follows: "Is the CSTO, which sent troops to Kazakhstan, …?"
_DESCRIBING_CLAUSE = re.compile(r",\s*(?:which|who|whose|where)\b[^,?]*,")
# Regions a sentence names as "the region" as often as by name ("…control of the region…").
_REGIONS = frozenset({"caucasus", "asia", "europe", "east", "west", "balkans", "donbas", "donbass"})
# What someone's words are asked about: "What did Tokayev say about Crimea?", "What does Macron
# think of Erdogan?"
_TOPIC = re.compile(r"\b(?:about|regarding|concerning|on\s+the\s+subject\s+of|think\s+of)\s+(.+)$",
                    re.IGNORECASE)
# "What is China's position on…?", "How does Moscow view…?": where someone stands. The sentence
# that answers names them (or the one before it does): a sentence about the conflict that never
# names China does not say what China thinks of it (English only, as names are matched as typed).
_STANCE_QUESTION = re.compile(
    r"\bwhat\s+(?:is|was|are|were|has\s+been)\s+(?P<owner>.+?)['’]s?\s+(?:official\s+)?(?:position|"
    r"stance|views?|attitude|reaction|response|stand|opinion|take)\b"
    r"|\bwhat\s+(?:is|was)\s+the\s+(?:official\s+)?(?:position|stance|views?|attitude|reaction|response|"
    r"opinion)\s+of\s+(?P<of>.+?)\s+(?:on|about|towards?|regarding|to|in)\b"
    r"|\bhow\s+(?:does|did|do|has|have|had)\s+(?P<how>.+?)\s+(?:view(?:ed)?|see|seen|regard(?:ed)?|"
    r"react(?:ed)?|respond(?:ed)?|feel|felt|perceive[d]?|assess(?:ed)?)\b",
    re.IGNORECASE)
_SPEECH_VERB = re.compile(
    r"\b(?:says?|said|stat(?:es|ed)|t(?:ells?|old)|sp(?:eaks?|oke)|declar(?:es|ed)|announc(?:es|ed)|"
    r"not(?:es|ed)|stress(?:es|ed)|warn(?:s|ed)|repl(?:ies|ied)|insist(?:s|ed)|"
    r"calls?\s+for|called\s+for|according\s+to|request(?:s|ed)|demand(?:s|ed)|criticiz\w*|criticis\w*|condemn\w*|accus\w*|"
    r"urg(?:es|ed))\b", re.IGNORECASE)
# "Spoke" tells what was said only with what it was about ("spoke of the treaty"); "spoke not at
# all in an allied way" tells how.
_SPOKE = re.compile(r"sp(?:eaks?|oke)", re.IGNORECASE)
_SPOKE_OF = re.compile(r"\s+(?:\w+ly\s+)?(?:of|about|on|out|up|against|for)\b", re.IGNORECASE)
# "What did the UN Security Council decide?", "Whom did the court find responsible?": the outcome
# of a named body's or person's deliberation. A sentence that reports only the request or the
# purpose ("France has called for the UN Security Council to be convened to determine who is
# behind…") does not give it; one that reports a decision, a finding or a vote does. The one
# asked about is a name and up to three more words, whatever their case ("the UN security
# Council", as a question typed in lower case is given the documents' capitals).
_OUTCOME_QUESTION = re.compile(
    r"\b(?i:did|has|have|had)\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?|it|they)\s+"
    r"(?:[a-z]+ly\s+)?(?i:decide|find|conclude|determine|rule|resolve|vote|blame|decided|found|"
    r"concluded|determined|ruled|resolved|voted|blamed)\b(?!\s+(?i:itself|themselves|himself|herself|out)\b)")
# The same asked with a noun: "What decision did the UN Security Council take?", "What was the
# outcome of the Security Council's meeting?"
_OUTCOME_NOUN_QUESTION = re.compile(
    r"\b(?i:what|which)\s+(?:[a-z]+\s+)?(?i:decisions?|resolutions?|verdicts?|rulings?|conclusions?)\s+"
    r"(?i:did|has|have|had)\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?|it|they)\s+"
    r"(?:[a-z]+ly\s+)?(?i:take|make|reach|adopt|pass|issue|come\s+to|taken|made|reached|adopted|passed|"
    r"issued|come)\b"
    r"|\b(?i:what)\s+(?i:was|were|is|are)\s+the\s+(?i:outcomes?|results?|decisions?|verdicts?|conclusions?)\s+"
    r"of\s+(?P<whose>(?:the\s+)?[A-Z][\w.-]*(?:\s+[\w.-]+){0,3}?)(?:['’]s)?\s+"
    r"(?i:meeting|session|deliberations?|vote|debate|summit|talks)\b")
# In Russian and French: "Какое решение принял Совбез?", "Что решил Совбез?", "Quelle décision le
# Conseil de sécurité a-t-il prise ?", "Qu'a décidé le Conseil ?"
_OUTCOME_QUESTION_ABROAD = re.compile(
    r"\b(?:как(?:ое|ие)\s+(?:\w+\s+)?решени[ея]|к\s+какому\s+решению)\b.{0,60}?"
    r"(?:принял[аио]?|принят[оы]?|вынес\w*|пришл\w*|пришёл)\b"
    r"|^\W*что\s+(?:\w+\s+){0,4}?решил[аио]?\b"
    r"|\bquel(?:le)?s?\s+(?:\w+\s+)?(?:décisions?|résolutions?)\b.{0,80}?"
    r"\b(?:pris|prise|prises|adopté\w*|rendu\w*|tiré\w*)\b"
    r"|\bqu['’](?:a|ont)(?:-t)?(?:-(?:il|elle|ils|elles))?\s+décidé\b", re.IGNORECASE)
_ASKS_WHY_HOW_WHEN = re.compile(r"\W*(?:why|how|when|where)\b", re.IGNORECASE)
_OUTCOME = re.compile(
    r"(?<!\bbe\s)\b(?:decid(?:ed|es)|decisions?|found|finds|findings?|conclu(?:ded|des|sions?)|determined|"
    r"determines|ruled|rulings?|resolved|resolves|resolutions?|voted|votes|blamed|blames|verdicts?|"
    # a choice made ("…did not consider it necessary to apply this article and preferred to find a
    # diplomatic solution")
    r"preferred|prefers|chose|chosen|opted|refused|refuses|declined|rejected|approved|adopted|"
    r"consider(?:ed|s)?\s+it\s+(?:un)?necessary)\b",
    re.IGNORECASE)
# A sentence that refers back ("He stated…", "…this principle") is read with the sentence before
# it; one that does not ("But at the St. Petersburg Economic Forum in May, the President of
# Kazakhstan Tokayev spoke…") is about what it names itself, whatever the sentence before says
# ("…especially Russia, which sent most of the troops").
_REFERS_BACK = re.compile(r"\b(?:he|she|it|they|his|her|its|their|him|them|this|these|those|such)\b",
                          re.IGNORECASE)
# A word in Latin letters: only such a word of the question can be matched against English text.
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ'’]+")
# Who is asked about when the corpus itself speaks: a text, a role, a pronoun.
_TEXT_WORDS = frozenset("""
note notes editor editors editorial translator article articles headline lede text treaty interview
interviewer interviewee expert author piece report document agreement he she they it this that
journalist journalists questioner reporter analyst professor
you we i people remark remarks comment comments correction corrections clarification bracket
brackets bracketed parenthesis parentheses parenthetical aside footnote passage paragraph caption
статья статьи статье статью статьей договор договора договоре примечание примечании редакция
редакции редактор редактора эксперт эксперта интервью журналист журналиста переводчик
entretien journaliste traducteur rédaction rédacteur traité
""".split())  # noqa: SIM905 - a word list reads best as text
# Words that make a title, not a name: "Prime Minister" or "the President" names no one.
_TITLE_WORDS = frozenset("""
president presidents prime minister ministers premier chancellor secretary general head chairman
chair leader king queen prince emperor mayor governor senator ambassador commander chief director
spokesman spokeswoman spokesperson foreign defence defense deputy vice mr mrs ms dr professor sir
council parliament government
""".split())  # noqa: SIM905 - a word list reads best as text
# "Who is the (current) President of Azerbaijan?", "Who is Armenia's prime minister?": a person
# asked for by a role in a place. A sentence answers it only where it gives that role beside that
# place ("the President of Iran", "Armenian Prime Minister Nikol Pashinyan"); "President
# Vladimir Putin" in a sentence that mentions Azerbaijan elsewhere does not.
_CURRENT = r"(?:(?:current|new|former|acting|present)\s+)?"
_ROLE_PLACE = r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*"
_TITLE_OF_PLACE = rf"(?P<title>(?:[A-Za-z]+\s+){{0,2}}?[A-Za-z]+)\s+of\s+(?:the\s+)?(?P<place>{_ROLE_PLACE})"
_ADJECTIVE_OFFICE = r"(?P<adjective>[A-Z][\w-]+)\s+(?P<office>(?:[A-Za-z]+\s+)??[A-Za-z]+)"
_ROLE_QUESTION = re.compile(
    rf"\b(?i:who\s+(?:is|was|are|were)\s+(?:the\s+)?{_CURRENT})"
    rf"{_TITLE_OF_PLACE}"
    rf"|\b(?i:who\s+(?:is|was))\s+(?P<owner>{_ROLE_PLACE})['’]s\s+"
    rf"{_CURRENT}(?P<role>(?:[A-Za-z]+\s+){{0,2}}?[A-Za-z]+)\s*[?.!]*\s*$"
    rf"|\b(?i:(?:who\s+(?:is|was)|what\s+(?:did|does|has|had)))\s+(?:the\s+)?{_ADJECTIVE_OFFICE}"
    r"(?=\s+(?i:say|said|tell|told|think|declare|announce|state|claim|"
    r"reply|answer|ask|do|want|call|propose)\b|\s*[?.!]|\s*$)"
    # "Who heads the European Council?", "Who currently chairs the OSCE?", "Which countries co-chair
    # the OSCE Minsk Group?", "Who commands the Russian peacekeeping contingent in Karabakh?": the
    # role by its verb, the body or place it names (a body's name may end in a word of
    # _BODY_ENDINGS: "the Minsk process"), at the question's end or before a place or a time.
    rf"|\b(?i:(?:who|which\s+(?:countries|states|nations|people|officials))\s+"
    rf"(?:currently\s+|now\s+|actually\s+)?)"
    rf"(?P<verb>(?i:heads?|leads?|chairs?|co-?chairs?|commands?|governs?|rules?))\s+"
    rf"(?i:the\s+)?(?P<body>{_ROLE_PLACE}(?:\s+[a-z]+){{0,2}}?)"
    rf"(?=\s*[?.!,]|\s*$|\s+(?i:now|today|currently|according|in|within|at|on|this|last|next|together|alongside|"
    r"along|besides|apart)\b)")
# The title a role's verb names ("Who heads …?" asks for its head).
_ROLE_VERBS = {"head": "head", "lead": "leader", "chair": "chair", "cochair": "chair", "command": "commander",
               "govern": "governor", "rule": "ruler"}
# "What is the name of the Azerbaijani president who…?", "the names of the President of Iran":
# the person's name is asked for by role and place, as by "Who is…".
_NAMED_ROLE_QUESTION = re.compile(
    rf"\b(?i:names?\s+of\s+(?:the\s+)?{_CURRENT})"
    rf"(?:{_TITLE_OF_PLACE}"
    rf"|{_ADJECTIVE_OFFICE}"
    r"(?=\s+(?i:who|whose|that|which)\b|\s*[?.!,]|\s*$))"
    # "What is the name of Armenia's defence minister?"
    rf"|\b(?i:names?\s+of\s+)(?P<owner>{_ROLE_PLACE})['’]s\s+"
    rf"{_CURRENT}(?P<role>(?:[A-Za-z]+\s+){{0,2}}?[A-Za-z]+)\s*[?.!]*\s*$")
# What ends a body's name of several words, which a role may be asked in ("the head of the European
# Council", "the Secretary General of the Collective Security Treaty Organization"); a country's
# name ("the President of the United States") is matched as typed only, and is left alone.
_BODY_ENDINGS = frozenset("""
council parliament government organization organisation union commission committee court assembly
alliance bloc forum institute university agency bank party treaty nations group process contingent
mission
""".split())  # noqa: SIM905 - a word list reads best as text
# Roles that any title fills ("the Kazakh leader" is its president).
_GENERIC_TITLES = frozenset({"head", "leader", "ruler", "chief"})
# Words that make another office of a title: a foreign minister is not the prime minister, a
# vice-president not the president.
_QUALIFIERS = frozenset({"prime", "foreign", "defence", "defense", "deputy", "vice", "interior", "finance"})
# Title words that name a body, not a person who holds an office.
_BODIES = frozenset({"council", "parliament", "government"})
# A word, or a mark that parts a role from a place ("In Azerbaijan, the president of Russia").
_ROLE_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[,;:()—–]")
# Words that may stand between a title and its place: "the President of the Republic of Iran".
_ROLE_FILLER = frozenset({"of", "the", "republic"})
# What a country's name may end in as its people's ("Azerbaijan" → "Azerbaijani", "Iran" →
# "Iranian", "Turkey" → "Turkish"), and no more: "Australia" is not "Austria".
_DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "i", "ese", "ish", "s", "ns", "ans", "ians", "is"})
# Capitalised words that name no one a number or a time could be about (``_asked_about``).
_NOT_A_NAME = _TITLE_WORDS | STOPWORDS
# Who can have a personal name: titles, and the words for people ("politicians", "hawks").
_PERSON_WORDS = "|".join(sorted((_TITLE_WORDS - _BODIES - _QUALIFIERS - {"general", "chief"}) | {
    "person", "persons", "people", "individual", "man", "men", "woman", "women", "expert",
    "analyst", "journalist", "interviewer", "official", "politician", "officer", "author",
    "reporter", "editor", "translator", "pilot", "soldier", "diplomat", "envoy",
    "negotiator", "mediator", "representative", "lawmaker", "deputies", "activist", "protester",
    "demonstrator", "hawk", "dove", "hardliner", "nationalist", "extremist", "militant",
    "rebel", "separatist", "commander", "spokesmen", "spokeswomen", "heads"}))
# Words that end the name of a place, a body or an event, not a person's ("the Black Seas", "the
# Catholic University", "the St. Petersburg Economic Forum", "Arab Muslims").
_NOT_PERSONAL = frozenset("""
sea seas ocean oceans river rivers lake lakes mountain mountains mount gulf bay island islands strait
coast valley desert peninsula region regions province provinces district city town village street
square bridge corridor border forum summit conference organization organisation treaty treaties
union republic republics kingdom empire federation states nations university college institute
agency bank company party front army forces navy ministry committee commission court convention
agreement accord pact process alliance bloc community assembly congress senate administration
office department airport station war wars conflict crisis revolution movement church muslims
christians jews
""".split())  # noqa: SIM905 - a word list reads best as text
# "What is the name of the Iranian president?", "his name", "what's he called?", "как зовут
# …?", "comment s'appelle …?": a personal name is asked for, which a title ("the President of
# Iran") does not give. "The names of the member countries" asks for no person.
_NAME_QUESTION = re.compile(
    rf"\bnames?\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_PERSON_WORDS})s?\b|\b(?:{_PERSON_WORDS})['’]s\s+name\b"
    r"|\b(?:his|her)\s+(?:first\s+|last\s+|full\s+)?name\b|\b(?:first|last|full|sur)\s*name\b"
    r"|\b(?:is|was)\s+(?:he|she)\s+called\s*\?|\bзовут\b|\bимя\b|\bфамили[яю]\b|\bs['’]appell"
    r"|\bкак\s+называ(?:ется|ются|лся|лась|лись)\b"
    r"|^\W*who\b.*\bby\s+name\b|\b(?:are|is|were|was)\s+(?:any|anyone|any\s+of\s+them|they)\s+named\b",
    re.IGNORECASE)
# People asked for by a "which" ("Which Armenian politicians…?", "which leaders"): a person answers,
# by name ("Nikol Pashinyan") or by office ("the President of Iran"); a place alone ("…conflict
# with neighbouring Azerbaijan") names none of them. "The names of the hawks" asks for names
# (``_NAME_QUESTION``), which an office does not give.
# The person word must be what "which" asks for: the first word after it but names and qualifiers
# ("Which EU leader", "which Russian official"), not "Which foreign countries" or "Which state
# sent soldiers".
# Words that may stand between "which" and the word for people ("Which senior Russian officials…?").
_PEOPLE_QUALIFIERS = (r"(?i:foreign|defen[cs]e|deputy|vice|interior|finance|prime|top|senior|leading|key|"
                      r"main|other)")
_PEOPLE_QUESTION = re.compile(
    rf"\b[Ww]hich\s+(?:(?:[A-Z][\w'’-]*|{_PEOPLE_QUALIFIERS})\s+)*(?i:{_PERSON_WORDS})s?\b"
    # "general" and "chief" with a people's or a place's name before them ("Which Azerbaijani general…?",
    # not "Which general principle…?").
    r"|\b[Ww]hich\s+(?:[A-Z][\w'’-]*\s+)+(?i:generals?|chiefs?)\b"
    # "Who exactly are the hawks in Yerevan…?" asks who they are, which "there are hawks" does not say
    # ("Who are the hawks in Yerevan?" may be answered by what they seek).
    rf"|\b(?i:who\s+(?:exactly|specifically)\s+(?:are|were)\s+(?:the|these|those)\s+(?:[\w'’-]+\s+)?(?:{_PERSON_WORDS}))s?\b"
    # Orders and commands are a person's or an office's ("Who ordered the shelling?", "Who commands
    # the Russian troops…?"): a sentence that names a country or an army does not say who.
    r"|(?i:^\W*who\s+(?:\w+ly\s+)?(?:ordered|orders|commanded|commands|gave\s+the\s+orders?)\b"
    r"|^\W*(?:кто|kto)\s+(?:\w+\s+)?(?:приказал|командует|командовал|отдал\s+приказ)"
    r"|^\W*qui\s+(?:a\s+)?(?:ordonné|commande|commandait|a\s+commandé|a\s+donné\s+l['’]ordre))")
# The people or country of those a "which" asks for ("Which Russian official…?", "Which Armenian
# politicians…?"): the capitalised words between "which" and the word for people.
_PEOPLE_OF = re.compile(
    rf"\b[Ww]hich\s+(?P<of>(?:[A-Z][\w'’-]*\s+)+)(?:{_PEOPLE_QUALIFIERS}\s+)*(?i:{_PERSON_WORDS})s?\b")
# Settlements asked for by "which" ("Which Armenian villages were shelled?", "Какие города…?",
# "Quelles villes…?") need a sentence that names one: a word for a settlement ("the village of
# Sotk", "the capital"), a capital city the question does not give, or a name a city has as
# such ("St. Petersburg", "the University of Lille"). A region ("Nagorno-Karabakh"), a border or
# a country is no village.
_SETTLEMENT_QUESTION = re.compile(
    r"\b(?:which|what)\s+(?:(?-i:[A-Z][\w'’-]*)\s+|(?:other|border|frontier|northern|southern|eastern|western|"
    r"nearby|small|major|large|big)\s+){0,2}(?:villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|"
    r"localities)\b|\b(?:как(?:ие|ой|ая|ое|их)|в\s+каких|в\s+каком)\s+(?:\w+\s+)?(?:сёл\w*|сел(?:о|а|ах)|"
    r"деревн\w*|город\w*|населённ\w*\s+пункт\w*|населенн\w*\s+пункт\w*)"
    r"|\bquel(?:le)?s?\s+(?:\w+\s+)?(?:villages?|villes?|localités?|communes?)\b", re.IGNORECASE)
# Words for people that answer a "who" as a name does ("about fifty people, mostly military").
_GROUPS = measures.PEOPLE - {"dead", "deaths", "killed", "injured", "wounded", "casualties"} | {"military"}
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
# A country asked for ("Which country has used this principle?", "Ankara and which other country…?",
# "Какая страна…?", "Quel pays…?"): the sentence must name one the question does not give, not any
# name ("the Collective Security Treaty Organization"). "What state is the treaty in?" and "which
# head of state" ask for no country; "Which ally sent most of the troops?" does (an ally, a partner,
# a power or a neighbour asked for by "which").
_COUNTRY_QUESTION = re.compile(
    r"\bwhich\s+(?:(?!of\b)[\w-]+\s+){0,2}?(?:countr(?:y|ies)|nations?|states?|all(?:y|ies)|partners?|powers?|"
    r"neighbou?rs?)\b(?!\s+(?:organi[sz]ations?|bod(?:y|ies)|institutions?|compan(?:y|ies)|groups?|blocs?|"
    r"alliances?|plants?|stations?)\b)"
    r"|\bwhat\s+(?:(?!of\b)[\w-]+\s+){0,2}?(?:countr(?:y|ies)|nations?)\b"
    r"|\bкак(?:ая|ие|ой|ую|им|их|ое)\s+(?:\w+\s+)?(?:стран\w*|государств\w*)"
    r"|\bquel(?:le)?s?\s+(?:\w+\s+)?(?:pays|[ée]tats?|nations?)\b"
    # "Which of the member countries…?", "Кто из стран ОДКБ…?", "Lequel des pays…?"
    r"|\b(?:which|what)\s+(?:one\s+)?of\s+(?:the|its|their|these|those|[\w-]+['’]s?)\s+(?:[\w-]+\s+)?"
    r"(?:countries|nations|states|allies)\b(?!['’])"
    # Not "Кто из лидеров (президентов, глав) стран…", which asks for a person.
    r"|\bкто\s+из\s+(?!(?:лидер|президент|глав|руководител|министр|премьер)\w*)(?:\w+\s+)?"
    r"(?:стран\w*|государств\w*|союзник\w*)"
    r"|\b(?:lequel|laquelle|lesquels)\s+des\s+(?:\w+\s+)?(?:pays|[ée]tats|nations|alliés)\b", re.IGNORECASE)
# A number asked for each of several things or per unit ("How many soldiers are stationed at each of
# the two bases?", "How much does Russia sell each year?"): a total ("More than 3,000 … at two
# military bases") is no answer; the sentence must give a number each, per unit or respectively.
# ("per the note" is no rate.)
_EACH_QUESTION = re.compile(
    r"\b(?:each|apiece|respectively|per\s+(?!the\b|an?\b|his\b|her\b|its\b|their\b|this\b|that\b)[^\W\d_]+)\b"
    r"|\bкажд\w+|\bchaque\b", re.IGNORECASE)
_EACH = re.compile(
    r"\b(?:each|every|per|apiece|respectively|annually|yearly|monthly|weekly|daily|a\s+(?:year|month|week|day))\b"
    r"|\bкажд\w+|\bв\s+(?:год|месяц|день)\b|\b(?:chaque|par)\b|\d\s*/\s*\w", re.IGNORECASE)
# "Why did X…?" (and "Почему…?", "Pourquoi…?"): the sentence that answers gives a reason in
# words that say so ("because of the tacit agreement", "so that"), or tells an aim ("to stop armed
# attacks on government buildings", "seeks to", "preferred to find a diplomatic solution"). One
# that restates X ("He stated that he did not recognize the self-proclaimed LPR and DPR…" to "Why
# did Tokayev say he did not recognize the LPR and DPR?") or tells something else about it gives
# none. Among the tuning questions one "why" is answered without such words ("Why would anyone say
# Kazakhstan's leader was not behaving like an ally?" by "…spoke not at all in an allied way");
# five more found their answer first with the check.
_WHY_QUESTION = re.compile(r"^\W*(?:why|y)\b|\bfor\s+what\s+reasons?\b|\bhow\s+come\b"
                           r"|\b(?:почему|зачем|pourquoi)\b|\bпо\s+какой\s+причине\b|\bpour\s+quelle\s+raison\b",
                           re.IGNORECASE)
_REASON_GIVEN = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|since|so\s+that|therefore|hence|thus|"
    r"reasons?|why|explain\w*|motiv\w*|logic|aims?|aimed|goals?|purpose|seeks?|sought|wants?|wanted|"
    r"wish\w*|hop(?:e|es|ed|ing)|fears?|feared|afraid|in\s+order|after|given|amid|despite)\b"
    # "criticizing Israel for its treatment of…"; an aim ("to stop armed attacks"), not "to Ukraine"
    r"|\bfor\s+(?:its|their|his|her)\b"
    r"|\bto\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|be|all|both|each)\b)(?-i:[a-z]{3,})",
    re.IGNORECASE)
# What someone wants or aims at, asked in English.
_ASPIRATION_QUESTION = re.compile(
    r"\b(?:aspir\w*|ambitions?|goals?|aims?|objectives?|intentions?|wants?|wish(?:es)?|seek(?:s|ing)?|"
    r"hop(?:e|es|ing)\s+(?:to|for)|intend(?:s|ing)?|striv(?:e|es|ing)|try(?:ing)?\s+to|tryin(?:g)?\s+to|"
    r"attempt(?:s|ing)?\s+to|"
    # "What is Tbilisi after?", "…after when it comes to NATO?"; not "What is happening after…?"
    r"(?:is|are)\s+[\w'’-]+\s+after(?=\s*(?:[?.!]|$|when\b|regarding\b|with\b|in\s+(?:the|its|their)\b)))"
    r"|\b(?:хоч\w*|хотят|стрем\w*|добива\w*|намер\w*|амбици\w*|чаяни\w*)"
    r"|\b(?:veu[tx]|veulent|voudrai\w*|souhait\w*|cherch(?:e|ent)\s+à|aspir\w*|ambitions?|objectifs?)\b",
    re.IGNORECASE)
# What the one who asks wants, and what a word means, is no one's wish asked for: "I want to know
# who leads Armenia", "Je veux savoir…", "Хочу узнать…", "Que veut dire OTSC ?".
_ASKER_WISH = re.compile(
    r"\b(?:i|we)\s+(?:(?:would|'d)\s+like|want|wish|wanna)\s+(?:to\s+)?(?:know|understand|learn|ask|find\s+out|see|"
    r"check|hear)\b|\bveu(?:t|x|lent)\s+dire\b"
    r"|\b(?:je|nous|j['’])\s*(?:veux|voudrais|voulons|souhaite|souhaiterais|souhaitons|aimerais)\s+"
    r"(?:savoir|comprendre|connaître|demander|vérifier)\b"
    r"|\b(?:я\s+|мы\s+)?хо(?:чу|тел[аи]?\s+бы|тим)\s+(?:узнать|знать|понять|спросить|уточнить)\b",
    re.IGNORECASE)
# A sentence that says a wish, an aim or a call for something.
_WISHED = re.compile(
    r"\b(?:want\w*|wish\w*|seek\w*|sought|aspir\w*|ambitio\w*|hop(?:e|es|ed|ing)|aim\w*|goals?|"
    r"intend\w*|intention\w*|plan\w*|desir\w*|striv\w*|strove|tr(?:y|ies|ied|ying)|attempt\w*|keen|eager|"
    r"would\s+like|dream\w*|determined|willing|purpose|in\s+order\s+to|so\s+that|call\w*|urg\w*|"
    r"demand\w*|request\w*|ask\w*|insist\w*|push\w*|pursu\w*|prefer\w*|ready\s+to|objectives?|targets?|"
    r"priorit\w*|missions?|(?:created|designed|meant|set\s+up)\s+to)\b", re.IGNORECASE)
# "Does Russia intend to get involved…?", "Is Turkey planning to send troops?": the words of what
# is meant to be done (up to three, to the first function word after them).
_INTENDED_QUESTION = re.compile(
    r"^\W*(?:does|do|did|is|are|was|were|will|would)\s+[\w'’\s-]{1,40}?\s+(?:intend(?:s|ing)?|plan(?:s|ning)?|"
    r"going|aim(?:s|ing)?|want(?:s|ing)?|seek(?:s|ing)?|trying)\s+to\s+(?P<deed>[a-z]+(?:\s+[a-z]+){0,2})",
    re.IGNORECASE)
# Words that say whether something will be done.
_WILL = re.compile(r"\b(?:will|would|won['’]t|wouldn['’]t|shall|going\s+to|(?:un)?likely|about\s+to)\b",
                   re.IGNORECASE)


def _intended(question: str) -> tuple[str, ...]:
    """The content words of what a yes-or-no question asks whether someone means to do."""
    match = _INTENDED_QUESTION.search(question)
    if match is None:
        return ()
    words: list[str] = []
    for word in match.group("deed").lower().split():
        if word in STOPWORDS and words:
            break
        words.append(word)
    return tuple(t for w in words for t in tokenize(w))


def _tells_intended(intended: tuple[str, ...], sentence: str) -> bool:
    """True when the sentence says whether the deed will be done: its words and a word of the
    future or of likelihood."""
    said = set(tokenize(sentence))
    return bool(_WILL.search(sentence)) and all(t in said for t in intended)


# A comparison asked ("bigger than", "more … than", "compared with"; not "rather than", "other than").
# A count's "than" ("more than 3,000", "fewer than a thousand", "more than once") compares nothing.
_COUNT_AFTER = (r"(?!\s+(?:about\s+|some\s+)?(?:\d|once|twice|one|a|an|two|three|four|five|six|seven|"
                r"eight|nine|ten|a\s+dozen|dozens|hundreds?|thousands?|millions?|half)\b)")
_COMPARISON_QUESTION = re.compile(
    rf"\b(?!(?:rather|other|fewer)\b)[^\W\d_]+er\s+than\b{_COUNT_AFTER}"
    rf"|\b(?:more|less|fewer)\s+(?:[^\W\d_]+\s+){{0,2}}?than\b{_COUNT_AFTER}"
    r"|\bcompared?\s+(?:with|to)\b|\bversus\b|\bvs\b", re.IGNORECASE)
# A sentence that compares, ranks, or gives two figures side by side ("…60,000 soldiers and
# Armenia's 40,000"); "More than 3,000 …" only counts.
_COMPARED = re.compile(
    rf"\b(?:than\b{_COUNT_AFTER}|(?:more|less|fewer)\b(?!\s+than\b){_COUNT_AFTER}|"
    r"(?:compar\w*|versus|most|least|twice|half|outnumber\w*|superior|inferior|exceed\w*|equal\w*|"
    r"same\s+as|ahead\s+of|largest|biggest|strongest|weakest|smallest|highest|lowest|greatest|"
    r"(?:\d+|two|three|four|five|ten|several|many)\s+times)\b)"
    r"|\d(?:[\d,.]*\d)?[^\d,.]\D*\d", re.IGNORECASE)
# Words that look like a reason's and give none: "for its part", and "to" after a verb it completes
# ("…and Russia, for its part, continues to sell military equipment to Azerbaijan" says nothing of
# why Armenia sent no soldier).
_NO_AIM = re.compile(r"\bfor\s+(?:its|their|his|her|our|my)\s+part\b"
                     r"|\b(?:continu(?:e|es|ed|ing)|beg(?:in|ins|an|un)|start(?:s|ed)?|ceas(?:e|es|ed)|"
                     r"(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)used|"
                     r"ready|able|likely|going|ha[sd]|have|seem(?:s|ed)?|appear(?:s|ed)?|tend(?:s|ed)?|"
                     r"fail(?:s|ed)?|refus(?:e|es|ed)|manag(?:e|es|ed))\s+to\b", re.IGNORECASE)
# A question about a document's opening ("According to the headline, …?", "…in the lede?", "Selon
# le chapeau, …?", "Что сказано в заголовке…?"): the headline and the lede answer it, not the body
# that says the same at length (``AnswerType.openings``). "title" asks for a person's title too, so
# only "the title" that is not someone's ("What does the title suggest…?", "the title of the piece",
# not "the title of the Kazakh leader") and a document's title ("the article's title") count.
# The headline itself ("What does the title suggest…?", "Что сказано в заголовке?", "le titre"):
# of the opening, the headline answers it before the lede.
_HEADLINE = (r"\bthe\s+title\b(?!\s+(?-i:[A-Z])|\s+(?:he|she|they|held|holds|hold)\b)"
             r"(?!\s+of\s+(?!(?:the|this|that)\s+(?:article|piece|story|interview|text|report)\b))"
             r"|\b(?:article|piece|story|interview|text|report)['’]s\s+title\b"
             r"|\bheadlines?\b|(?<![\w-])titre\b|(?<!\w)заголов\w*")
_HEADLINE_QUESTION = re.compile(_HEADLINE, re.IGNORECASE)
_OPENING_QUESTION = re.compile(
    _HEADLINE + r"|\b(?:ledes?|lead\s+paragraph|intro|introduction|introductory|standfirst|subheading|"
    r"summary\s+at\s+the\s+top|chapeau|sous-titre)\b"
    r"|\b(?:подзаголов\w*|вступлени\w*|лид(?:е|а|у|ом)?)\b", re.IGNORECASE)
# A response to a request ("How did the Kremlin respond when Yerevan invoked the clause?", "Did
# Moscow act at Yerevan's request?", "Как отреагировала Москва на призыв…?"): the answer follows the
# request, so the sentence before it reports one ("Pashinyan immediately called for the
# implementation of Article 4. But Russia did not consider it necessary…") or the sentence says how
# it was met (``_RESPONDED``); a sentence on the treaty that never mentions the request does not,
# nor does the one that reports the request ("…the President of the country requested assistance").
_RESPONSE_QUESTION = re.compile(
    # Not "in response to the clashes": what was done then answers that, request or not.
    r"(?<!not\s)(?<!n't\s)(?<!n’t\s)\b(?:respond(?:s|ed|ing)?|react(?:s|ed|ing)?|reaction|"
    r"(?<!\bin\s)response|in\s+response\s+to\s+(?=(?:[\w'’-]+\s+){0,3}?(?:request|call|plea|appeal)s?\b)|"
    r"repl(?:y|ies|ied)|answer(?:s|ed)?\s+(?:to\s+)?(?:[\w'’-]+\s+){0,3}?(?:request|call|plea|appeal)s?|"
    r"(?:support(?:s|ed)?|back(?:s|ed)?|endors(?:es|ed)?|handl(?:e|es|ed|ing)|deal(?:s|t|ing)?\s+with|"
    r"treat(?:s|ed|ing)?|greet(?:s|ed|ing)?)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:request|call|plea|appeal)s?)\b"
    # "How was Pashinyan's appeal received?" (not "When was the request received?", which asks of the request)
    r"|\bhow\s+(?:was|were|is|are|has|have|had)\s+(?:[\w'’-]+\s+){0,3}?(?:request|call|plea|appeal)s?\s+"
    r"(?:(?:been|being)\s+)?(?:met|received|handled|greeted|treated|answered|dealt\s+with)\b"
    r"|\bat\s+(?:[\w'’-]+\s+){1,3}request\b"
    # "…did the other members say yes?"
    r"|\b(?:say|said|says|saying)\s+yes\b"
    r"|\b(?:отреагир|реагир|реакци|ответ|отклик)\w*|\b(?:réag|réaction|répon)\w*"
    r"|\bà\s+la\s+demande\s+(?:de|du|des|d['’])|\bпо\s+(?:просьбе|запросу|требованию|призыву)\b"
    r"|\b(?:soutenu|appuyé|approuvé|soutient|appuie|approuve|soutenir)\s+(?:[\w'’-]+\s+|\w['’]){0,3}?"
    r"(?:demande|appel|requête)s?\b"
    r"|\bподдерж\w*\s+(?:[\w-]+\s+){0,3}?(?:призыв|просьб|требовани|запрос)\w*",
    re.IGNORECASE)
_REQUEST_QUESTION = re.compile(
    # An interviewer's question is no request ("How did Dupuy respond when asked whether…?").
    r"\b(?:invok\w*|invocation|request\w*|ask(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:to|for)\b|"
    r"calls?\s+(?:for|to)|called\s+(?:for|to)|pleas?|"
    r"appeal\w*|demand\w*|trigger\w*|activat\w*|implement\w*|appl(?:y|ied|ication))\b"
    r"|\b(?:призыв|просьб|запрос|требова|потребова|обращени|применить|задейств)\w*"
    r"|\b(?:demande|appel|requête|sollicit|invoqu|activ|appliqu)\w*", re.IGNORECASE)
# A wish or a call asked of ("Did Armenia want…?", "Did France urge…?"): what someone called for
# answers it.
_WISH_QUESTION = re.compile(r"\b(?:want\w*|wish\w*|seek\w*|sought|urg\w*|push\w*|press(?:ed|es|ing|ure\w*)|"
                            r"hop\w*|"
                            r"expect\w*|intend\w*|plans?|planned|planning|(?<!à\s)propos\w*|suggest\w*|call\w*|ask\w*|"
                            r"invit\w*|insist\w*|lobb\w*|advocat\w*|(?<=\s)do|done|doing|anything|something|"
                            r"act|acted|action|actions|steps?|measures?)\b"
                            r"|\b(?:хоч|хотел|хотят|стрем|призыв|призвал|просил|попросил|предлож|планир|намер|"
                            r"собира|добива|требова|потребова|дела|сдела|предприн|мер[аыу]?\b|шаг)\w*"
                            r"|\b(?:veu[tx]|veulent|voul\w*|souhait\w*|cherch(?:e|ent|é|ait|aient|er)|appel(?:é|er|ait|aient)|"
                            r"demand\w*|exhort\w*|(?<!à\s)propos(?:é|ée|és|er|e|ent|ait)|prévo\w*|envisag\w*|"
                            r"réclam\w*|exig\w*|pouss\w*|agi(?:r|t|ssait)?|fai(?:re|t|s|sait|saient)|"
                            r"mesures?|actions?|démarches?)\b",
                            re.IGNORECASE)
# What a question gives as past ("…after France's request?", "…following Pashinyan's call?"): a
# request it names there is not what it asks about.
_AFTER_GIVEN = re.compile(r"\b(?:after|following)\b[^,;]*", re.IGNORECASE)
# A sentence that reports a call for something to be done ("France has called for the UN Security
# Council to be convened…", "…urged both sides to…").
_CALLED_FOR = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:\w+\s+){0,2}?for\b|\burg(?:ed|es|ing)\b|"
                         r"(?<!\bas\s)\brequest(?:ed|s|ing)\b(?!\s+by\b)|\bask(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?to\b",
                         re.IGNORECASE)
# A sentence that reports a response in words that say so ("All of them responded positively…").
_RESPONDED = re.compile(r"\b(?:respond(?:s|ed)?|react(?:s|ed)?|repl(?:y|ies|ied)|answer(?:s|ed)?|"
                        r"refus(?:e|es|ed)|reject(?:s|ed)?|declin(?:e|es|ed)|agree(?:s|d)?|compl(?:y|ies|ied))\b",
                        re.IGNORECASE)
# The only one asked for ("Which country is the only one to have used the principle?", "Quel est le
# seul pays…?", "Какая страна единственная…?"): a sentence that says so ("Only Kazakhstan has used
# this principle so far.", "…recognized only Yerevan"), not one that names a country beside it.
_ONLY_QUESTION = re.compile(
    r"\bthe\s+only\b|\bonly\s+(?:one|country|state|member|nation)\b|\b(?:alone|sole)\b|\bединствен\w*"
    r"|\b(?:le|la|les)\s+seul(?:e|s|es)?\b|\bseul(?:e|s|es)?\s+(?:pays|[ée]tat|membre)\b", re.IGNORECASE)
_ONLY = re.compile(r"\b(?:only|alone|sole|solely|single|unique|uniquely|exclusively)\b", re.IGNORECASE)
# A span asked for ("How long is Russia's lease…?", "How long did it last?", "How far is Yerevan from
# the border?", "How old…?", "Как долго…?", "Combien de temps…?", "À quelle distance…?"): a number
# without a unit of time or length ("More than 3,000 Russian military personnel…") is no answer.
# Lengths are ``measures``' units; ``_SPAN`` holds the times (and a distance named as such).
_SPAN_QUESTION = re.compile(
    r"\bhow\s+(?:long|far|old)\b|\bкак\s+долго\b|\bсколько\s+(?:лет|времени|дней|месяцев|километров)\b"
    r"|\bна\s+каком\s+расстоянии\b|\bcombien\s+de\s+temps\b|\bà\s+quelle\s+distance\b"
    r"|\bdepuis\s+combien\b|\bquel\s+âge\b", re.IGNORECASE)
_SPAN = re.compile(
    r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies)|until|since|aged|old|"
    r"distance)\b|\b(?:лет|год\w*|месяц\w*|недел\w*|дн(?:ей|я)|час\w*|ans|mois|semaines?|jours?|heures?)\b",
    re.IGNORECASE)
# A winner asked for ("Who won the 2020 war?", "Кто победил…?", "Qui a gagné… ?"): the sentence
# must speak of a victory or a defeat (``_WIN``); "…the fighting took place during the last
# escalation in 2020" names the war, not who won it.
_WIN_QUESTION = re.compile(
    r"\b(?:who|which\s+(?:\w+\s+)?(?:side|country|team|party|army|state))\s+(?:\w+ly\s+)?"
    r"(?:won|wins|has\s+won|had\s+won|prevailed|triumphed|came\s+out\s+on\s+top|emerged\s+victorious)\b"
    r"|\b(?:кто|какая\s+сторона)\s+(?:\w+\s+)?(?:победил\w*|выиграл\w*)"
    r"|\bqui\s+(?:a|avait)\s+(?:gagné|remporté|vaincu)\b|\bqui\s+(?:gagne|remporte)\b", re.IGNORECASE)
_WIN = re.compile(
    # "lose interest", "lose face" are no defeat
    r"\b(?:won|wins?|winning|winners?|victor(?:y|ies|ious)|defeat\w*|prevail\w*|triumph\w*|"
    r"(?:lost|los(?:e|es|ing))(?!\s+(?:interest|face|credibility|patience|sight|touch|heart))|"
    r"loser|beat|beaten|conquer\w*|побед\w*|выигр\w*|пораж\w*|проигр\w*|vainqu\w*|victoire|gagn\w*|défaite|"
    r"perdu)\b", re.IGNORECASE)
# Villages asked for: a capital, a city or "St. X" is no village.
_VILLAGE_QUESTION = re.compile(r"\b(?:villages?|hamlets?)\b|\b(?:сёл\w*|сел(?:о|а|ах)|деревн\w*)",
                               re.IGNORECASE)
_VILLAGE = re.compile(
    r"\b(?:villages?|hamlets?|settlements?|localit(?:y|ies)|municipalit(?:y|ies)|communes?|localités?)\b"
    r"|\b(?:сёл\w*|сел(?:о|а|ах)|деревн\w*|населённ\w*|населенн\w*)", re.IGNORECASE)
_SETTLEMENT = re.compile(
    r"\b(?:villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|capital|municipalit(?:y|ies))\b"
    r"|\b(?:сёл\w*|сел(?:о|а|ах)|деревн\w*|город\w*|столиц\w*|населённ\w*|населенн\w*)"
    r"|\b(?:villes?|villages?|communes?|localités?|capitale)\b"
    r"|(?-i:\b(?:St\.?|Saint)[\s-]+[A-Z]|\bUniversity\s+of\s+[A-Z])", re.IGNORECASE)

# The words that frame a question rather than name what it is about ("what kind of", "the name
# of", "exactly"): they are never the thing asked for.
_FRAME_WORDS = frozenset("""
many much long old kind kinds type types sort sorts name names named exact exactly actually really
like thing things happen happened mean means please list tell describe explain way ways whether
answer ask asked question year years date dates day days time times month months week weeks
""".split())  # noqa: SIM905 - a word list reads best as text
_WH = re.compile(r"\b(what|which|who|whom|whose|how\s+many|how\s+much)\b", re.IGNORECASE)
_COPULA = frozenset(["is", "are", "was", "were"])
_BEFORE_CATEGORY = _COPULA | {"the", "a", "an", "kind", "type", "sort", "of", "exact", "exactly", "name",
                              "names"}
_QUESTION_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\S")


def language_of(question: str) -> str:
    """"en" for an English question, "other" for any other language or script."""
    letters = _LETTER.findall(question)
    if not letters:
        return "en"
    latin = sum(1 for ch in letters if _LATIN.match(ch))
    # A fifth of the letters in another script ("what does статья 4 ОДКБ say?") is enough: the
    # English encoder and BM25 cannot read those words, and they carry the question's subject.
    if latin < (1 - _OTHER_SCRIPT_SHARE) * len(letters):
        return "other"
    plain, inversions = _INVERSION.subn(" ", question)
    typed = _WORD.findall(plain)
    words = [w.lower() for w in typed]
    foreign = inversions + sum((w in _FOREIGN_FUNCTION_WORDS and w not in _ENGLISH_HINTS)
                               or bool(_FOREIGN_FORM.match(t)) for w, t in zip(words, typed, strict=True))
    english = sum(w in _ENGLISH_HINTS for w in words)
    # Two at least: one alone is as often a name or a loanword ("Le Drian", "UN", "café").
    return "other" if foreign >= 2 and foreign > english else "en"


class Speller:
    """Corrects words one edit away from a corpus word (SymSpell-style delete index), or, given
    the language's word list, from a common word of the language."""

    MIN_LENGTH = 4
    # A typo of a word the documents do not use is corrected from the word list only from this
    # length: short unknown words are as often acronyms or names typed in lower case ("ussr").
    LEXICON_MIN_LENGTH = 5

    def __init__(self, texts: Iterable[str], words: Lexicon | None = None) -> None:
        self._words = words
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w.lower() for w in _WORD.findall(text))
        self._counts = counts
        self._stems = frozenset(t for word in counts for t in tokenize(word))
        self._deletes: dict[str, str] = {}
        for word, _ in counts.most_common():
            if len(word) < self.MIN_LENGTH:
                continue
            for variant in (word, *_deletions(word)):
                self._deletes.setdefault(variant, word)  # most frequent word wins

    def correct(self, word: str, *, first: bool = False) -> str:
        """The corpus word one edit from ``word``, else the commonest word of the language one
        edit from it, or ``word`` itself (``first``: the word opens the question).

        A word the corpus knows in another form ("share" beside "shares") is not a typo, nor is a
        common word of the language ("step" beside the corpus's "stop"); a correction keeps the
        capital of the word it replaces ("Armnia" → "Armenia"). Only a word the word list has
        never seen goes to the language's nearest word, and not when it is capitalised inside
        the question: such words are names ("macron" and "Macron" are no "matron").
        """
        lower = word.lower()
        # Nor is a word for a part of a document ("intro" is no "into"): the question asks for it.
        if (len(lower) < self.MIN_LENGTH or lower in self._counts or lower in _ENGLISH_HINTS
                or not lower.isalpha() or any(self.knows(t) for t in tokenize(lower))
                or _OPENING_QUESTION.fullmatch(lower)):
            return word
        if self._words is not None and self._words.knows(lower):
            return word  # a word of the language, not a typo of one the documents use
        for variant in (lower, *_deletions(lower)):
            found = self._deletes.get(variant)
            if found is not None and _one_edit(lower, found):
                return found.capitalize() if word[:1].isupper() else found
        if (self._words is not None and len(lower) >= self.LEXICON_MIN_LENGTH
                and not (word[:1].isupper() and not first) and not self._words.seen(lower)):
            nearest = self._words.nearest(lower)
            if nearest is not None:
                return nearest.capitalize() if word[:1].isupper() else nearest
        return word


    def knows(self, token: str) -> bool:
        """True when the corpus uses a word with this stem (``token`` as ``tokenize`` gives it)."""
        return token in self._stems

    def english(self, word: str) -> bool:
        """True when the language's word list has this lower-case word (none given: False)."""
        return self._words is not None and self._words.knows(word)

    def strangers(self, question: str) -> tuple[str, ...]:
        """The name of a person or place an English question asks about that the corpus never
        uses and the language's word list does not have: the last word of its first run of
        capitalised words, when the run has two words or more ("Emmanuel Macron", "Mount Ararat")
        or follows a title ("President Erdogan"). Only the first run, which names whom the
        question is about ("What did Pashinyan call for after meeting Antony Blinken?" asks about
        Pashinyan); a single name is left alone ("the Donbas republics" are the LPR and DPR), and
        so are a common word ("the North Atlantic alliance", "the Minsk Group") and a faith ("Is
        Azerbaijan Shia?")."""
        run = _NAME_RUN.search(question)
        if run is None or self._words is None:
            return ()
        words = run.group().split()
        last = re.sub(r"['’]s?$", "", words[-1].split("-")[-1]).lower()
        before = question[:run.start()].split()[-1:]  # a title typed in lower case: "president Aliyev"
        titled = any(w.lower() in _TITLE_WORDS for w in before + words[:-1])
        # A name of capitalised parts joined by hyphens is a run of its own ("the Baku-Tbilisi-Ceyhan
        # pipeline"); "Moscow-led" is not.
        parts = words[0].split("-")
        joined = len(words) == 1 and len(parts) > 1 and all(part[:1].isupper() for part in parts)
        if ((len(words) >= 2 or titled or joined) and last not in _TITLE_WORDS and last not in _FAITH_OF
                and not PlaceNames.forms_of(last) - {last} and not is_country(last)
                and not any(self.knows(t) for t in tokenize(last)) and not self.english(last)):
            return (last,)
        return ()



def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def _one_edit(a: str, b: str) -> bool:
    """True for one insertion, deletion, substitution or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def normalise(question: str, speller: Speller | None) -> str:
    """Spell out chat shorthand and fix one-edit typos (English questions only)."""
    out: list[str] = []
    tokens = question.split()
    for i, token in enumerate(tokens):
        core = token.strip(".,!?;:()\"'")
        lower = core.lower()
        if lower in _SHORTHAND and (not lower.isdigit() or _digit_is_a_word(tokens, i)):
            replacement = _SHORTHAND[lower]
            token = token.replace(core, replacement) if replacement else ""
        elif speller is not None and core:
            token = token.replace(core, speller.correct(core, first=not out))
        if token:
            out.append(token)
    return " ".join(out) or question


# Nouns a number follows as its name, not as "to" or "for": "article 4", "chapter 2".
_NUMBERED_NOUNS = frozenset("""
article articles chapter section paragraph point part clause page number no item round phase
stage step level resolution protocol amendment option
""".split())  # noqa: SIM905 - a word list reads best as text


def _digit_is_a_word(tokens: list[str], i: int) -> bool:
    """"2" and "4" stand for "to" and "for" between two words ("wants 2 join", "weapons 2
    azerbaijan"), not after a noun they number ("article 4 or nah") or at either end."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    before = tokens[i - 1].strip(".,!?;:()\"'").lower()
    return before.isalpha() and before not in _NUMBERED_NOUNS and tokens[i + 1][:1].isalpha()


def split_parts(question: str) -> list[str]:
    """The separate questions in one message, in order (one element when there is one)."""
    pieces = [p.strip() for p in _SENTENCE_END.split(question) if p.strip()]
    parts: list[str] = []
    for piece in pieces:
        for part in _NEXT_PART.split(piece):
            parts.extend(_split_other(part.strip(" ,;")))
    # A part of function words only is no question ("ok", "so"), unless it is a later part that a
    # question word opens: "…, and why did it do so?" asks why of what the part before names.
    parts = [p for i, p in enumerate(parts) if p and (tokenize(p) or (i > 0 and _ASKS_OF_BEFORE.match(p)))]
    # "When was it founded? Thanks!" asks one question: the thanks is no part of it.
    asked = [p for p in parts if not _pleasantries_only(p)]
    if len(asked) > 1 or (asked and len(parts) > 1):
        return asked
    return [question]


def _split_other(piece: str) -> list[str]:
    """A Russian or French piece cut where another question starts, when both sides are
    questions of their own (at least ``_MIN_PART_WORDS`` words each)."""
    out: list[str] = []
    start = 0  # where the part being read begins
    for match in _NEXT_PART_OTHER.finditer(piece):
        before, after = piece[start:match.start()], piece[match.end():]
        if len(_WORD.findall(before)) >= _MIN_PART_WORDS and \
                len(_WORD.findall(after)) >= _MIN_PART_WORDS:
            out.append(before.strip(" ,;"))
            start = match.end()
    return [*out, piece[start:].strip(" ,;")]


@dataclass(frozen=True)
class AnswerType:
    """What kind of fact a question asks for, and the facts of that kind it already gives.

    A sentence answers "how many" with a number the question does not already hold: "On what
    date in May did he speak?" is not answered by a sentence whose only date is "in May".
    """

    number: bool
    person: bool
    time: bool
    given: frozenset[str] = frozenset()
    named: bool = False
    words: frozenset[str] = frozenset()
    personal_name: bool = False
    speech: bool = False
    # "What is China's position…?": the one asked about (``speaker``) must be named, said or not.
    stance: bool = False
    # ``speaker`` came from names typed with capitals: only a capitalised word of a sentence names
    # them ("the United States" is not "both states").
    speaker_named: bool = False
    # Who an English "what did X say" asks about ("macron", "azerbaijani"; titles left out).
    speaker: frozenset[str] = frozenset()
    # The precision of a "when" ("years", "dates" or "clock"; "" for any time).
    precision: str = ""
    # The places and people a number or a time is asked about ("How many troops were sent to
    # Kazakhstan in January?": {"kazakhstan"}, {"january"}): one set per run of capitalised words,
    # any of whose words (lower-cased, accents folded) will do; English questions only.
    about: tuple[frozenset[str], ...] = ()
    # The names of what someone's words are asked about ("What did Tokayev say about Crimea?":
    # {"crimea"}): words about something else do not answer (English questions only).
    topic: tuple[frozenset[str], ...] = ()
    # The outcomes of people asked about ("killed", "injured": ``measures.outcomes``) and the units
    # a "how many/much" asks its amount in ("length", "money", "percent": ``measures.units``).
    outcomes: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    # A "how many" (not "how long" or "how much"): a count of people must count the outcome asked.
    counts: bool = False
    # A person asked for by a role in a place: the title with its qualifiers, and the place, lower
    # case ("prime minister", "armenia"); empty when the question asks no such thing.
    role: tuple[str, str] | tuple[()] = ()
    # People asked for by a "which" ("Which politicians…?"): a name is not enough, it must be a
    # person's or an office's.
    people: bool = False
    # The country of the people a "which" asks for, in its forms (``_PEOPLE_OF``; the chain keeps
    # it only when it names a country and adds that country's names): the sentence, the one before
    # it or its setting must name it ("Which Russian official…?" is not answered by "Armenian Prime
    # Minister Nikol Pashinyan…").
    people_of: frozenset[str] = frozenset()
    # What an English "how many" counts ("tanks" for "How many tanks does Armenia have?"): a count
    # in the sentence must count that (or people, for people): "3,000 Russian military personnel"
    # and "two military bases" count no tanks.
    counted: str = ""
    # The outcome of a named body's or person's deliberation ("What did the UN Security Council
    # decide?"): the sentence must report a decision, a finding or a vote, not only a request.
    outcome: bool = False
    # The standing facts of a place or body asked for ("the population of Armenia": {"population"},
    # ``measures.attributes``): the sentence, or the one before it, must speak of each.
    attributes: frozenset[str] = frozenset()
    # The events a "when" asks the time of ("join", "found", "sign", "end": ``events.events``): the
    # sentence, or the one before it, must report each; a year of another event is no answer.
    events: frozenset[str] = frozenset()
    # The thing an English question asks the details of ("What exactly does X involve?", "What
    # kind of X…?"; ``details.asked_thing``): a sentence that mentions it must say more of it.
    thing: frozenset[str] = frozenset()
    # Settlements asked for by "which" (``_SETTLEMENT_QUESTION``): the sentence must name one.
    settlement: bool = False
    # Villages among the settlements asked for (``_VILLAGE_QUESTION``).
    villages: bool = False
    # A number asked for each of several things or per unit (``_EACH_QUESTION``).
    each: bool = False
    # A country asked for (``_COUNTRY_QUESTION``): the sentence must name one the question does not.
    country: bool = False
    # The only one asked for (``_ONLY_QUESTION``): the sentence, or the one before it, must say so.
    only: bool = False
    # A span asked for (``_SPAN_QUESTION``): the sentence must give one in time (``_SPAN``) or length.
    span: bool = False
    # A response to a request asked for (``_RESPONSE_QUESTION`` and ``_REQUEST_QUESTION``, or a
    # part after one that names the request, ``responds_to``): the sentence before it must report a
    # request (``events.reports``), or the sentence a response (``_RESPONDED``).
    response: bool = False
    # Who made the request a response is asked to ("…Armenia's plea…", "…when Yerevan invoked the
    # clause?"), in every form of the name: the request before the sentence must not name them only
    # among those it went to ("…the President of the country requested assistance from the CSTO
    # member countries (Russia, Armenia, …)"), but before its verb ("Armenian Prime Minister Nikol
    # Pashinyan immediately called for…") or not at all. Nothing is checked when empty.
    requester: frozenset[str] = frozenset()
    # A question about a document's opening (``_OPENING_QUESTION``); ``openings`` holds the texts of
    # the documents' openings, their narration before the first speaker's turn (set by the chain,
    # which knows the documents): the sentence must be one of them. Nothing is checked when empty.
    opening: bool = False
    openings: frozenset[str] = frozenset()
    # A "why" (``_WHY_QUESTION``): the sentence must give a reason or an aim in words that
    # say so (``_REASON_GIVEN``).
    why: bool = False
    # What someone wants, seeks or aims at ("What are Tbilisi's aspirations regarding NATO?", "Is
    # Georgia trying to join NATO?"): the sentence must say a wish, an aim or a call in words that
    # say so (``_WISHED``).
    aspiration: bool = False
    # The acts a question asks about (a recognition, a condemnation, mediation, sanctions, a vote:
    # ``events.acts``): the sentence, or the one before it, must report each in some form.
    acts: frozenset[str] = frozenset()
    # What a yes-or-no question asks whether someone means to do ("Does Russia intend to get
    # involved…?": ("get", "involved")): a sentence that says whether they will do it answers as one
    # that names a wish does ("…it is unlikely that Moscow will get involved in the fight").
    intended: tuple[str, ...] = ()
    # A comparison ("Is Azerbaijan's army bigger than Armenia's?", "…compared with…"): the sentence
    # must compare (``_COMPARED``).
    comparison: bool = False
    # The documents' years the question gives ("…the last escalation in 2020?", ``years_given``;
    # set by the chain, which knows the documents): the sentence, or the one before it, must give
    # one of them.
    years: frozenset[str] = frozenset()
    # The question's words as typed, lower case (``words`` also holds the countries' other names,
    # which the chain adds: "Armenian" gives "yerevan" there, but a question about an Armenian
    # city does not name Yerevan).
    typed: frozenset[str] = frozenset()
    # A number asked of what is left somewhere ("How many troops remain…?",
    # ``measures.asks_remaining``): a count of those moved away is no answer.
    remaining: bool = False
    # A "when" of something still to come (``_FUTURE_QUESTION``): the sentence must speak of what
    # is to come.
    future: bool = False
    # A winner asked for (``_WIN_QUESTION``): the sentence must speak of a victory or a defeat.
    winner: bool = False
    # A place asked for ("Where did the fighting take place?", ``_WHERE_QUESTION``): the sentence
    # must name one, or a word for one (``_PLACE``).
    where: bool = False
    # A yes-or-no question ("Did Tokayev say he recognises Crimea?"): the places and people it
    # names must be the sentence's.
    yes_no: tuple[frozenset[str], ...] = ()
    # A yes-or-no question whether something was done that asks of no request or wish ("Did the
    # UN Security Council meet?"): a sentence that reports only a call for it is no answer ("France
    # has called for the UN Security Council to be convened…").
    done: bool = False
    # The verb a "who" asks the doer of ("Who founded the CSTO?": "found"): a sentence that uses it
    # only in the passive without its doer ("…the CSTO, founded in 2002") does not name the doer.
    doer_of: str = ""
    # A condition asked for ("What would it take for Moscow to get involved?", "При каких условиях…?"):
    # the sentence must state one (``_CONDITION``).
    condition: bool = False
    # Someone's life before or beside what the documents report of them asked for (their schooling,
    # birth, marriage, the posts they held before: ``_LIFE_QUESTION``): the sentence must tell of
    # it (``_LIFE_TOLD``); "…is a professor of geopolitical sciences at…" does not say where he studied.
    life: bool = False
    # The things a question places in a country ("hawks in Baku": ("hawk", the names of
    # Azerbaijan)): a sentence that places the same thing in another country only is no answer
    # ("…there are hawks in Yerevan…"). English questions only.
    placed: tuple[tuple[str, frozenset[str]], ...] = ()
    # Someone the question names whom the documents never name ("Turkish President Erdogan",
    # ``Speller.strangers``): no sentence tells of them.
    strangers: tuple[str, ...] = ()

    def satisfied_by(self, sentence: str, in_context: str = "", setting: str = "", title: str = "") -> bool:
        """True when a sentence holds a new fact of the kind asked for (or nothing special is asked).

        ``in_context`` is the sentence read after the one before it in its turn
        (``retrieval.sentences.read_in_context``): "He stated that…" reports what the person
        named the sentence before said. It counts only for a sentence that refers back (a
        pronoun, "this", "such"). ``setting`` is what else a sentence is read with (its
        speaker): a number or a time must be about what the question names, in the sentence, the
        one before it or its setting; a count of troops in Karabakh does not say how many were
        sent to Kazakhstan. ``title`` is its document's title, which names what the whole
        document is about: it stands in only for two or more names the sentence lacks ("the
        fighting between Armenia and Azerbaijan"), never for one alone ("How many Russian bases
        are there in Azerbaijan?" is not answered by a count of the bases in Armenia).
        """
        if self.strangers:
            return False
        facts = _facts(sentence)
        if not _REFERS_BACK.search(sentence):
            in_context = ""  # the sentence before tells nothing about one that does not refer to it
        if self.number and not self._new(facts.counts if self.counts else facts.numbers):
            return False
        if self.time and not self._new(facts.times):
            return False
        if self.precision and not self._new(getattr(facts, self.precision)):
            return False
        if self.future and not _FUTURE.search(f"{in_context} {sentence}"):
            return False  # "…founded in 2002" does not say when it is due to be renewed
        if self.winner and not _WIN.search(f"{in_context} {sentence}"):
            return False
        if self.where and not _PLACE.search(in_context or sentence):
            return False  # "…were injured on both sides" says how many, not where
        # A yes-or-no question's names are in the sentence, the one before it, its setting or its
        # document's title (whose names the whole document is about).
        if self.yes_no and not self._names_all(self.yes_no, f"{in_context or sentence} {setting} {title}",
                                                  ""):
            return False  # "…Tokayev spoke not at all in an allied way" says nothing of Crimea
        if self.done and _CALLED_FOR.search(sentence) and not _RESPONDED.search(sentence):
            return False
        if self.doer_of and _without_doer(self.doer_of, sentence):
            return False
        if self.life and not _LIFE_TOLD.search(f"{in_context} {sentence}"):
            return False
        if self.condition and not _CONDITION.search(sentence):
            return False  # "…it is unlikely that Moscow will get involved…" names no condition
        if self.placed and _placed_elsewhere(self.placed, sentence):
            return False
        if (self.number or self.time) and self.about and not self._about_all(
                f"{in_context or sentence} {setting}", title):
            return False
        if not measures.fits_outcome(self.outcomes, sentence, in_context, counted=self.counts):
            return False  # "…were injured" is no answer to "How many were killed?"
        if self.number and not all(measures.shows_unit(unit, sentence) for unit in self.units):
            return False
        if self.counted and not _counts(self.counted, sentence):
            return False
        if self.role and not _holds_role(self.role, in_context or sentence, named=self.person):
            return False
        # A capital is a new name to a question about the country's cities ("Which Armenian city…?").
        # A country asked for is checked as such below, where the sentence's first word counts
        # ("France has called for…"): any name is not enough, and the first word is not left out.
        if self.named and not self.country and not (self._new_name(facts) or self._new(facts.numbered)
                               or (self.settlement and self._names_settlement(in_context or sentence))):
            return False
        if self.personal_name and not self._new_personal_name(facts):
            return False
        if self.people and not (self._new_personal_name(_facts(in_context or sentence))
                                or self._new_office(in_context or sentence)):
            return False
        if self.people and self.people_of and not any(
                _same_name(n, w) for n in self.people_of
                for w in _folded_words(f"{in_context or sentence} {setting}")):
            return False
        own = len(in_context) - len(sentence) if in_context else 0  # where the sentence starts in it
        if self.speech and not (facts.speech and self._speaks(in_context or sentence, own)):
            return False
        if self.speech and self.topic and not self._names_all(
                self.topic, f"{in_context or sentence} {setting}", title):
            return False
        # A group named by common words is not held to them: "the rest of the globe" is "the whole
        # world" too. A name is, typed in lower case as well ("how does china view it").
        if self.stance and not self.speaker <= _ANYONE and not self._names_speaker(in_context or sentence):
            return False
        if self.outcome and not _OUTCOME.search(sentence):
            return False
        if not all(measures.shows_attribute(kind, f"{sentence} {in_context}") for kind in self.attributes):
            return False
        if not all(events.reports(kind, f"{sentence} {in_context}") for kind in self.events):
            return False
        if not all(events.reports(kind, f"{sentence} {in_context}") for kind in self.acts):
            return False
        if not details.says_more(self.thing, " ".join(self.words), sentence, _TITLE_WORDS):
            return False
        if self.settlement and not self._names_settlement(in_context or sentence):
            return False
        if self.country and not self._names_country(in_context or sentence):
            return False
        if self.years and not any(y in f"{sentence} {in_context}" for y in self.years):
            return False
        if self.remaining and not measures.fits_remaining(sentence, in_context):
            return False
        if self.each and not _EACH.search(sentence):
            return False
        # A response follows the request: the sentence that reports the request is none.
        if self.response and not (events.reports("requested", in_context.removesuffix(sentence))
                                  or _RESPONDED.search(sentence)):
            return False
        if self.response and self.requester and not _requested_by(self.requester,
                                                                  in_context.removesuffix(sentence)):
            return False
        if self.only and not _ONLY.search(f"{in_context} {sentence}"):
            return False
        if self.span and not (_SPAN.search(sentence) or measures.shows_unit("length", sentence)):
            return False
        if self.opening and self.openings and sentence not in self.openings:
            return False
        if self.why and not _REASON_GIVEN.search(_NO_AIM.sub(" ", sentence)):
            return False
        if self.aspiration and not _WISHED.search(sentence) and not (
                self.intended and _tells_intended(self.intended, sentence)):
            return False
        if self.comparison and not _COMPARED.search(sentence):
            return False
        # "Who was injured?" is answered by "about fifty people, mostly military" as by a name.
        return not (self.person and not facts.name and not _words(sentence) & _GROUPS)

    def _about_all(self, text: str, title: str) -> bool:
        """Each run of names in ``about`` is in ``text``, in some form ("Russian" for "Russia"), or
        two or more of them are missing and the title holds all of those."""
        return self._names_all(self.about, text, title)

    @staticmethod
    def _names_all(about: tuple[frozenset[str], ...], text: str, title: str) -> bool:
        def named(names: frozenset[str], words: frozenset[str], spelt: tuple[str, ...]) -> bool:
            return (any(_same_name(n, w) for n in names for w in words)
                    or any(n in letters for n in names for letters in spelt))

        words, spelt = _folded_words(text), _initials(text)
        missing = [names for names in about if not named(names, words, spelt)]
        if not missing:
            return True
        in_title, spelt = _folded_words(title), _initials(title)
        return len(missing) >= 2 and all(named(names, in_title, spelt) for names in missing)

    def _new(self, found: tuple[str, ...]) -> bool:
        return any(f not in self.given for f in found)

    def _new_name(self, facts: _Facts) -> bool:
        """A capitalised name the question does not give, in any form ("Iran" for "Iranian") or
        as the acronym it spells ("Collective Security Treaty Organization" for "CSTO")."""
        for names in facts.name_runs:
            if len(names) > 1 and "".join(n[0] for n in names) in self.words:
                continue
            # A title names no one ("the Armenian Prime Minister" to "Which Armenian politicians…?").
            if any(not self._gives(n) and re.sub(r"['’]s?$", "", n) not in _TITLE_WORDS for n in names):
                return True
        return False

    def _new_personal_name(self, facts: _Facts) -> bool:
        """A name of someone the question does not already name: a run of two or more capitalised
        words ("Nikol Pashinyan", "President Macron") ending in a word that is neither a title
        nor given by the question, nor a word that ends a place's or a body's name ("President
        Vladimir Putin" names no one new to a question about Putin; "the Prime Minister of
        Armenia" and "the Black Seas" name no one at all)."""
        for names in facts.name_runs:
            last = re.sub(r"['’]s?$", "", names[-1])
            if len(names) >= 2 and last not in _TITLE_WORDS | _NOT_PERSONAL and not self._gives(last):
                return True
        return False

    def _new_office(self, text: str) -> bool:
        """An office held in a place the question does not give: a title right beside a
        capitalised word that is neither a title nor given ("the President of Iran", "Armenian
        Prime Minister" to a question that names neither Iran nor Armenia)."""
        tokens = _ROLE_TOKEN.findall(text)
        plain = [re.sub(r"['’]s?$", "", t).lower() for t in tokens]

        def new_name(i: int) -> bool:
            return (0 <= i < len(tokens) and tokens[i][:1].isupper() and plain[i] not in _NOT_A_NAME
                    and not self._gives(plain[i]))

        for i, word in enumerate(plain):
            if word not in _TITLE_WORDS - _BODIES:
                continue
            after = i + 1
            while after < len(plain) and plain[after] in _ROLE_FILLER | _TITLE_WORDS:
                after += 1
            before = i - 1
            while before >= 0 and plain[before] in _TITLE_WORDS:
                before -= 1
            if new_name(before) or (after > i + 1 and plain[i + 1] == "of" and new_name(after)):
                return True
        return False

    def _names_settlement(self, text: str) -> bool:
        """A word for a settlement, a name a city has as such, or a capital city the question
        does not give ("Yerevan" to "Which towns near Yerevan…?" is no answer). Villages need a
        word for a village: the capital named in "…recognized only Yerevan" is none."""
        if self.villages:
            return bool(_VILLAGE.search(text))
        if _SETTLEMENT.search(text):
            return True
        return any(w.lower() in capital_cities() and not _same_word(w, self.typed)
                   for names in _facts(text).name_runs for w in (*names, " ".join(names)))

    def _names_country(self, text: str) -> bool:
        """A country the question does not give, by its name, capital, seat or demonym ("Georgia",
        "the United States", "Yerevan" to a question that names neither it nor Armenia)."""
        # Its first word too: "France has called for…".
        for run in _CAPITALISED_RUN.finditer(text):
            words = [re.sub(r"['’]s?$", "", n).lower() for n in run.group().split()]
            spans = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
            if any(is_country(span) and not all(self._gives(w) for w in span.split()) for span in spans):
                return True
        return False

    def _gives(self, word: str) -> bool:
        """The question gives the word, or a part of a hyphenated name ("Karabakh" gives
        "Nagorno-Karabakh")."""
        return _same_word(word, self.words) or ("-" in word and any(
            len(part) >= 4 and _same_word(part, self.words) for part in word.split("-")))

    def _speaks(self, text: str, own: int = 0) -> bool:
        """True when the one asked about is who speaks in the text: named before a speech verb
        ("Armenian Prime Minister Nikol Pashinyan immediately called for…", "…Tokayev spoke… He
        stated…") or right after "according to". "…the President of the country requested
        assistance from the CSTO member countries (Russia, Armenia, …)" reports no words of
        Armenia's. The verb must be the sentence's own, from ``own`` on in a text read in context:
        "Turkey, criticizing Israel… . At the same time, Turkey has very cold… relations with
        Shiite Iran" reports Turkey's words in the sentence before, not in this one."""
        if not self.speaker:
            return True
        for verb in _SPEECH_VERB.finditer(text, own):
            if verb.group().lower().startswith("according"):
                if self._names_speaker(" ".join(_WORD.findall(text[verb.end():])[:6])):
                    return True
            elif self._names_speaker(text[:verb.start()]):
                return True
        return False

    def tells_what(self, sentence: str) -> bool:
        """False when a "what did X say" is answered by a sentence whose only speech verb is a bare
        "spoke" ("…Tokayev spoke not at all in an allied way" says how he spoke, not what he
        said; "He stated that…" does). True for any other question or sentence."""
        if not self.speech:
            return True
        verbs = list(_SPEECH_VERB.finditer(sentence))
        return not verbs or any(not _SPOKE.fullmatch(v.group()) or _SPOKE_OF.match(sentence, v.end())
                                for v in verbs)

    def _names_speaker(self, text: str) -> bool:
        """True when the text names the one asked about ("Kazakhstan" for "the Kazakh leader")."""
        words = _folded_words(_capitalised(text) if self.speaker_named else text)
        return not self.speaker or any(_same_word(w, self.speaker) for w in words)


@dataclass(frozen=True)
class _Facts:
    """What a sentence holds that a question may ask for, read once per sentence text."""

    numbers: tuple[str, ...]
    # The numbers that may count something (no years, no article numbers).
    counts: tuple[str, ...]
    times: tuple[str, ...]
    years: tuple[str, ...]
    dates: tuple[str, ...]
    clock: tuple[str, ...]
    numbered: tuple[str, ...]
    # Runs of capitalised words, lower-cased ("the Prime Minister's" → ("prime", "minister's")).
    name_runs: tuple[tuple[str, ...], ...]
    speech: bool
    name: bool


@lru_cache(maxsize=20_000)
def _facts(sentence: str) -> _Facts:
    def found(pattern: re.Pattern[str]) -> tuple[str, ...]:
        return tuple(m.group().lower() for m in pattern.finditer(sentence))

    years, dates, clock = found(_YEAR), found(_DATE), found(_CLOCK)
    counts = tuple(m.group().lower() for m in _NUMBER.finditer(_NOT_A_COUNT.sub(" ", sentence)))
    return _Facts(found(_NUMBER), counts, found(_TIME) + years + dates + clock, years, dates, clock,
                  found(_NUMBERED_NAME),
                  tuple(tuple(n.lower() for n in m.group().split()) for m in _NAME_RUN.finditer(sentence)),
                  bool(_SPEECH_VERB.search(sentence)), bool(_NAME.search(sentence)))


@lru_cache(maxsize=20_000)
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def _same_word(word: str, words: frozenset[str]) -> bool:
    """``word`` is one of ``words``, or begins one or is begun by one (four letters at least), or
    is its plural or singular ("Seas" for "Sea")."""
    return word in words or any(
        (min(len(word), len(w)) >= 4 and (w.startswith(word) or word.startswith(w)))
        or (min(len(word), len(w)) >= 3 and (word == f"{w}s" or w == f"{word}s")) for w in words)


# Names of a faith and of its people, which share no beginning ("Islam" and "Muslim", "Shia" and
# "Shiite"): general knowledge, as the countries' demonyms are.
_FAITHS = ("islam islamic muslim muslims moslem moslems", "shia shias shiite shiites shiism shii",
           "sunni sunnis sunnite sunnites", "jewish jew jews judaism", "christian christians christianity",
           "catholic catholics catholicism", "orthodox orthodoxy", "buddhist buddhists buddhism",
           "hindu hindus hinduism")
_FAITH_OF = {form: group.split()[0] for group in _FAITHS for form in group.split()}


def _same_name(name: str, word: str) -> bool:
    """Two forms of one name: the same word, a shared beginning of four letters or more that
    leaves at most two letters of the shorter ("Turkish" and "Turkey", "Iranian" and "Iran"), or
    two names of one faith ("Shia" and "Shiite")."""
    if name == word or _FAITH_OF.get(name, name) == _FAITH_OF.get(word, word):
        return True
    shorter = min(len(name), len(word))
    shared = next((i for i in range(shorter) if name[i] != word[i]), shorter)
    return shared >= max(4, shorter - 2)


def _asked_role(question: str) -> tuple[str, str] | tuple[()]:
    """The role and place of "Who is the President of Azerbaijan?" ("president", "azerbaijan"),
    when the role ends in a title word ("prime minister": its qualifiers kept) and the place is
    one word that is no title, or the name of a body ("the Secretary General of the Collective
    Security Treaty Organization", "the head of the European Council"); "Foreign Affairs" asks
    nothing here."""
    match = _ROLE_QUESTION.search(question) or _NAMED_ROLE_QUESTION.search(question)
    if match is None:
        return ()
    groups = match.groupdict()
    verb = groups.get("verb")
    words = (_ROLE_VERBS[re.sub(r"-|s$", "", verb.lower())] if verb else groups["title"] or groups.get("role")
             or groups["office"]).lower().split()
    body = groups.get("body") or ""
    # A body's name may end in common words of _BODY_ENDINGS ("the Minsk process", "the OSCE Minsk
    # Group"); after a people's name the role is held in their country ("the Armenian government",
    # "the Russian peacekeeping contingent"), and "the Russian troops" is no body a role is held in.
    if verb and " " in body and not re.match(r"(?:[A-Z][\w-]*\s+[A-Z]|[A-Z]{2,}\b)", body):
        name = body.split()[0]
        if body.split()[-1].lower() not in _BODY_ENDINGS:
            return ()
        if is_country(name) and re.search(r"(?:an|ish|ese|i)$", name.lower()):
            body = name
    place = (groups["place"] or groups.get("owner") or body or groups["adjective"]).lower()
    several = " " in place
    if (words[-1] not in _TITLE_WORDS | _GENERIC_TITLES or place in _TITLE_WORDS
            or (several and place.split()[-1] not in _BODY_ENDINGS)):
        return ()
    title = [w for w in words[:-1] if w in _QUALIFIERS] + [words[-1]]
    return " ".join(title), _fold(place)


def _holds_role(role: tuple[str, str], sentence: str, *, named: bool = False) -> bool:
    """True when the sentence gives the role right beside the place (``role_span``)."""
    return role_span(role, sentence, named=named) is not None


def role_span(role: tuple[str, str], sentence: str, *, named: bool = False) -> tuple[int, int] | None:
    """Where the sentence gives the role right beside the place, in some form ("Azerbaijani
    President", "the President of the Republic of Azerbaijan", "Armenian Prime Minister"), as
    character offsets; None when it does not. Only titles may stand between them, and no
    qualifier the question does not ask ("Russian Foreign Minister" is no prime minister;
    "vice-president" no president). With ``named`` (who holds it is asked), a name must stand
    right beside the role in a country, after it or before it, a comma between at most
    ("Armenian Prime Minister Nikol Pashinyan", "the President of Azerbaijan, Ilham Aliyev"), and
    the span takes it in: "The Prime Minister of Armenia and the President of Iran called
    President Vladimir Putin" names neither of the two."""
    asked, place = role
    *qualifiers, title = asked.split()
    found = [m for m in _ROLE_TOKEN.finditer(sentence)
             if _fold(re.sub(r"['’]s?$", "", m.group().lower())) not in _ROLE_FILLER]
    typed = [m.group() for m in found]
    words = [_fold(re.sub(r"['’]s?$", "", w.lower())) for w in typed]
    offices = _TITLE_WORDS | _GENERIC_TITLES | _QUALIFIERS
    # Whose name holds the role is read for a country's roles only ("he is also the president of
    # the Institute…" names its president at the sentence's start).
    held = named and is_country(place)
    no_name = offices | _NOT_A_NAME | _NOT_A_HOLDER

    def is_name(k: int) -> bool:
        """A capitalised word that names someone: not a title, a function word, a place, a month
        or a word that opens a sentence in capitals ("Yesterday, the Armenian Prime Minister…")."""
        return (0 <= k < len(typed) and typed[k][:1].isupper() and words[k] not in no_name
                and not is_country(words[k]))

    def name_at(k: int, step: int) -> int | None:
        """The last token of a name that starts at ``k`` (after a comma, at most), or None."""
        if 0 <= k < len(typed) and typed[k] == ",":
            k += step
        if not is_name(k):
            return None
        while is_name(k + step):
            k += step
        return k

    # A body's name of several words is matched whole, as one place ("the head of the European
    # Council Charles Michel").
    if " " in place:
        # or by the acronym its words spell ("UN" for "the United Nations").
        token = place.replace(" ", "_")
        acronym = "".join(w[0] for w in place.split())
        words = [token if w == acronym else w
                 for w in re.sub(rf"(?<!\S){re.escape(place)}(?!\S)", token, " ".join(words)).split()]
        place = token
    for i, word in enumerate(words):
        # Any title fills a generic role, and a generic title ("the Azerbaijani leader") any role.
        if not (_same_name(title, word) or word in _GENERIC_TITLES
                or (title in _GENERIC_TITLES and word in _TITLE_WORDS)):
            continue
        before = words[max(0, i - 2):i]
        if any(q not in before for q in qualifiers) or any(
                w in _QUALIFIERS and w not in qualifiers and not (title in _GENERIC_TITLES and w == "prime")
                for w in before[-1:]):
            continue
        for j, other in enumerate(words):
            if j != i and _is_place_form(place, other) and all(
                    w in offices for w in words[min(i, j) + 1:max(i, j)]):
                # The role's first word ("Prime" of "Prime Minister"), before which a name may stand.
                first = min(i, j)
                while first > 0 and words[first - 1] in offices:
                    first -= 1
                if len(words) != len(found):  # a body's name was joined: the words around it
                    return _around_body(place.replace("_", " "), sentence)
                after, ahead = name_at(max(i, j) + 1, 1), name_at(first - 1, -1)
                if not held:
                    return found[first].start(), found[max(i, j)].end()
                if after is not None:
                    return found[first].start(), found[after].end()
                if ahead is not None:
                    return found[ahead].start(), found[max(i, j)].end()
    return None


# Capitalised words that open a sentence and name no one.
_NOT_A_HOLDER = frozenset("""
yesterday today tomorrow meanwhile however later earlier then now recently january february march
april may june july august september october november december monday tuesday wednesday thursday
friday saturday sunday
""".split())  # noqa: SIM905 - a word list reads best as text


def _around_body(body: str, sentence: str) -> tuple[int, int]:
    """The span of a body's name in a sentence with its title's few words before it and the name
    after it ("the head of the European Council Charles Michel"); the whole sentence when the
    body is there only as an acronym."""
    found = re.search(r"\s+".join(map(re.escape, body.split())), sentence, re.IGNORECASE)
    if found is None:
        return 0, len(sentence)
    start = found.start()
    for _ in range(4):  # "the head of the": the title and its function words
        before = re.search(r"[^\W\d_]+\s+$", sentence[:start])
        if before is None:
            break
        start = before.start()
    after = re.match(r"(?:\s+[A-Z][\w'’-]*){1,3}", sentence[found.end():])
    return start, found.end() + (after.end() if after else 0)


def _is_place_form(place: str, word: str) -> bool:
    """``word`` is the place or its people's name ("azerbaijani", "turkish", "kazakh")."""
    if place + "stan" == word or word + "stan" == place:  # "Kazakh" and "Kazakhstan"
        return True
    return any(len(place) - cut >= 4 and word.startswith(place[:len(place) - cut])
               and word[len(place) - cut:] in _DEMONYM_ENDINGS for cut in (0, 1, 2))


def _asked_about(question: str, start: int = 0, *, acronyms: bool = False) -> tuple[frozenset[str], ...]:
    """The runs of names in a question (from ``start`` on), its first word aside: titles
    ("President"), function words ("How" after a quote mark or "Q:") and parts of compounds
    ("Moscow-led", "post-Soviet") do not count, nor do acronyms unless ``acronyms`` is set (a
    sentence then names one as such or spelt out: ``_names_all``)."""
    out = []
    for run in _NAME_RUN.finditer(question, start):
        compound = question[run.start() - 1:run.start()] in ("-", "‐")
        names = set()
        for word in run.group().split():
            word = re.sub(r"['’]s?$", "", word)
            # (The chain reads another language's acronyms as the documents' English ones.)
            if acronyms and not compound and _ACRONYM.fullmatch(word) and not Acronyms.is_foreign(word):
                if frozenset({word.lower()}) not in out:  # a run of its own: the chain keeps only
                    out.append(frozenset({word.lower()}))  # those the documents write
                continue
            if compound or "-" in word or "‐" in word or sum(c.isupper() for c in word) > 1:
                continue
            if len(word) >= 3 and word.lower() not in _NOT_A_NAME:
                names.add(_fold(word.lower()))
        if names and frozenset(names) not in out:
            out.append(frozenset(names))
    return tuple(out)


# A Russian or French question that asks whether: "Поддержала ли Россия…?", "Есть ли…?", "La Russie
# a-t-elle soutenu…?", "Est-ce que…?".
_QUESTION_WORD_ABROAD = re.compile(
    r"\b(?:почему|зачем|как|когда|где|куда|откуда|кто|кого|кому|кем|что|чего|чем|какой|какая|какие|какое|"
    r"каков\w*|сколько|pourquoi|comment|quand|où|qui|quoi|quel\w*|combien|lequel|laquelle|"
    r"lesquels)\b", re.IGNORECASE)
_WHETHER_ABROAD = re.compile(
    r"^\W*(?!qu(?:e\b|['’]))(?:(?:[^\W\d_]+\s+){0,3}?ли\b|est-ce\s+qu"
    r"|(?:(?:[^\W\d_]['’])?[^\W\d_'’-]+\s+){0,6}?(?:[^\W\d_]['’])?[^\W\d_]+-(?:t-)?"
    r"(?:il|elle|ils|elles|on)\b)", re.IGNORECASE)


def asks_whether(question: str) -> bool:
    """True for a Russian or French question that asks whether (``_WHETHER_ABROAD``) and has no
    question word in its opening words ("Avec qui la Russie a-t-elle signé…?" asks who)."""
    question = re.sub(rf"^\W*{_FRAME}", "", question, flags=re.IGNORECASE)
    opening = " ".join(_WORD.findall(question)[:4])
    return bool(_WHETHER_ABROAD.search(question)) and not _QUESTION_WORD_ABROAD.search(opening)


def _asked_whether(question: str) -> tuple[frozenset[str], ...]:
    """The names a yes-or-no question asks about, each with the forms that stand for its country
    ("kremlin" → {"russia", "moscow", …}): not those of regions, which a sentence names as "the
    region" as often as by name, nor those of a clause that only describes ("Is the CSTO, which
    sent troops to Kazakhstan, reliable?" does not ask about Kazakhstan)."""
    if not _YES_NO_QUESTION.match(question):
        return ()
    return tuple(frozenset(f for n in names for f in PlaceNames.forms_of(n))
                 for names in _asked_about(_DESCRIBING_CLAUSE.sub(",", question)) if not names & _REGIONS)


# A thing placed in a country: "hawks in Yerevan", "troops from Russia", "the army of Azerbaijan",
# "equipment to Azerbaijan".
_PLACED = re.compile(r"\b(?P<thing>[a-z]{3,})\s+(?:in|from|of|to)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+)")
# The places listed with it: "…in Tajikistan and Armenia", "…in Russia, Armenia and Belarus".
_COORDINATED = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?([A-Z][\w'’-]+)")


@lru_cache(maxsize=20_000)
def _placings(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The things ``text`` places in a country (``_PLACED``), each stemmed and with the names of
    that country and of those listed with it ("hawks in Baku" → ("hawk", {"azerbaijan", "baku",
    "azerbaijani", …}); "troops in Tajikistan and Armenia" → ("troop", Tajikistan's and Armenia's))."""
    out = []
    for match in _PLACED.finditer(text):
        stems = tokenize(match.group("thing"))
        names = [re.sub(r"['’]s?$", "", place).lower()
                 for place in (match.group("place"), *_listed_places(text, match.end()))]
        if stems and is_country(names[0]):
            forms = frozenset(f for n in names if is_country(n) for f in PlaceNames.forms_of(n))
            out.append((stems[0], forms))
    return tuple(out)


def _listed_places(text: str, at: int) -> list[str]:
    """The capitalised names listed right after ``at`` (", Armenia and Belarus")."""
    out = []
    while (listed := _COORDINATED.match(text, at)) is not None:
        out.append(listed.group(1))
        at = listed.end()
    return out


@lru_cache(maxsize=4096)
def _placed(question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return _placings(question) if language_of(question) == "en" else ()


def _placed_elsewhere(placed: tuple[tuple[str, frozenset[str]], ...], sentence: str) -> bool:
    """True when the sentence places a thing the question places in a country in another country
    only ("…hawks in Yerevan…" to "Which hawks in Baku…?")."""
    found = _placings(sentence)
    return any(thing == other and not forms & where and not any(t == thing and forms & w for t, w in found)
               for thing, forms in placed for other, where in found)


# "What would it take for…?", "Under what conditions…?", "При каких условиях…?", "À quelles
# conditions…?": a condition asked for, and the words that state one.
_CONDITION_QUESTION = re.compile(
    r"\bwhat\s+would\s+it\s+take\b|\b(?:under|in|on)\s+what\s+(?:conditions?|terms)\b"
    r"|\b(?:under|in)\s+what\s+circumstances?\s+(?:would|could|will|might|should)\b"
    r"|\bin\s+what\s+case\b|\bпри\s+каких\s+условиях\b|\bв\s+каком\s+случае\b"
    r"|\b(?:à|sous)\s+quelles?\s+conditions?\b|\bdans\s+quels?\s+cas\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|provided|providing|as\s+long\s+as|only\s+when|in\s+case|"
                        r"in\s+the\s+event|conditions?|circumstances?|should\s+(?:it|they|he|she)|"
                        r"был[аои]?\s+бы|если|при\s+условии|si|à\s+condition|au\s+cas)\b", re.IGNORECASE)
# Someone's life asked for, in English, Russian and French: "What did he do before he became
# president?", "How did Pashinyan come to power?", "Where did Dupuy study?", "Is Putin married?",
# "Где учился Дюпюи?", "Où Dupuy a-t-il fait ses études ?"; and the words that tell of it.
_LIFE_QUESTION = re.compile(
    r"\bbefore\s+(?:he|she|(?-i:[A-Z])\w+)\s+(?:became|was\s+(?:elected|appointed|named)|took\s+office)\b"
    r"|\bbefore\s+(?:he|she)\s+(?:headed|led)\b|\b(?:come|came|rise|rose|risen|get|got)\s+(?:in)?to\s+power\b"
    r"|\b(?:did|does|do|has|have)\s+(?:\w+\s+){1,3}(?:study|graduate|grow\s+up)\b"
    r"|\b(?:was|were)\s+(?:he|she|(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?)\s+born\b"
    r"|\b(?:married|his\s+wife|her\s+husband|childhood|doctorate|doctoral|phd|(?:doctoral|phd|his|her)\s+thesis|"
    r"dissertation|alma\s+mater|educated\s+(?:at|in)|(?:his|her)\s+education|upbringing)\b"
    r"|\b(?:учил(?:ся|ась|ись)|родил(?:ся|ась)|женат|замужем|(?:какое|его|её)\s+образование|диссертаци\w+|"
    r"пришёл\s+к\s+власти|пришла\s+к\s+власти|до\s+того\s+как\s+(?:стал|возглавил)\w*)"
    r"|\b(?:fait\s+ses\s+études|étudié|marié|mariée|thèse\s+de\s+doctorat|doctorat|"
    r"(?:arriv|accéd|venu)\w*\s+au\s+pouvoir|avant\s+de\s+devenir)\b"
    r"|\b(?:est|était)\s+(?:-il\s+|-elle\s+)?(?:né|née)\b(?!\s+(?:l['’]|la\s+|le\s+))",
    re.IGNORECASE)
_LIFE_TOLD = re.compile(
    r"\b(?:born|married|wife|husband|studied|graduated?|graduates|educated|education|doctorate|phd|"
    r"thesis|dissertation|former(?:ly)?|previously|career|came\s+to\s+power|rose\s+to\s+power|elected|"
    r"appointed|served\s+as|used\s+to\s+be|until\s+(?:19|20)\d\d)\b", re.IGNORECASE)
# "Who founded…?", "Who organised…?": the verb whose doer is asked for (not "who is", "who did").
_WHO_DID = re.compile(r"^\W*who\s+(?:first\s+|actually\s+|really\s+|originally\s+)?(?P<verb>[a-z]+ed)\b",
                      re.IGNORECASE)
# What a passive participle without its doer follows: "…the CSTO, founded in 2002", "…was founded".
_PASSIVE_BEFORE = frozenset({",", "was", "were", "been", "be", "is", "are", "being", "get", "got", "gets"})
_VERB_TOKEN = re.compile(r"[^\W\d_]+|,")


def _doer_asked(question: str) -> str:
    match = _WHO_DID.match(question)
    stems = tokenize(match.group("verb")) if match else []
    return stems[0] if stems else ""


def _without_doer(verb: str, sentence: str) -> bool:
    """True when ``sentence`` uses the verb (by its stem), and each time in the passive without
    its doer: after a comma or a form of "be", and with no "by" in the words after it."""
    tokens = [t.lower() for t in _VERB_TOKEN.findall(sentence)]
    uses = [i for i, t in enumerate(tokens) if t.endswith("ed") and tokenize(t)[:1] == [verb]]
    return bool(uses) and all(i > 0 and tokens[i - 1] in _PASSIVE_BEFORE and not _doer_after(tokens, i)
                              for i in uses)


def _doer_after(tokens: list[str], i: int) -> bool:
    """A "by" within the five words after ``tokens[i]``, before a comma ("founded in 2002 by…")."""
    for token in tokens[i + 1:i + 6]:
        if token == ",":
            return False
        if token == "by":
            return True
    return False


# Whom someone's words were said to: "What did Pashinyan tell Putin…?", "…ask Putin…?", "…say to Putin…?".
_ADDRESSEE = re.compile(r"\b(?:tell|told|ask|asked|say\s+to|said\s+to|reply\s+to|write\s+to|wrote\s+to)\s+"
                        r"(?=[A-Z])")


def _addressed(question: str, speech: bool) -> tuple[frozenset[str], ...]:
    """The names of whom a "what did X tell Y" question's words were said to (its first run of
    names after the verb): a sentence that names neither them nor what was said to them ("…Pashinyan
    immediately called for the implementation of Article 4") does not tell what Y was told."""
    match = _ADDRESSEE.search(question) if speech else None
    return _asked_about(question, match.end())[:1] if match else ()


def _people_of(question: str) -> frozenset[str]:
    """The folded, lower-case words between "which" and the word for the people asked for."""
    match = _PEOPLE_OF.search(question)
    if match is None:
        return frozenset()
    return frozenset(_fold(re.sub(r"['’]s?$", "", w).lower()) for w in match.group("of").split())


def _fold(word: str) -> str:
    """A word without its accents ("erdoğan" → "erdogan")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Who a question says made a request ("Armenia's plea", "Pashinyan's call", "when Yerevan invoked
# the clause", "the request from Armenia").
_REQUESTER = re.compile(
    # (not the one who responds: "Russia's reaction to calls for help")
    r"\b(?P<owner>[A-Z][\w-]*)['’]s?\s+(?:(?!(?:reaction|response|answer|reply|stance|attitude|to|for)\b)"
    r"[\w-]+\s+){0,2}?(?:request|plea|appeal|call|demand|invocation)s?\b"
    r"|\bwhen\s+(?P<subject>[A-Z][\w-]*)\s+(?:\w+\s+)?(?:invoked|asked|requested|called|appealed|demanded|"
    r"triggered|activated|sought|turned\s+to)\b"
    r"|\b(?:request|plea|appeal|call|demand)s?\s+(?:from|by)\s+(?:the\s+)?(?P<from>[A-Z][\w-]*)")


def _asked_requester(question: str) -> frozenset[str]:
    """The names a question gives as the one who made a request, in every form of a country's
    name ("yerevan" → {"armenia", "armenian", "yerevan", …}; lower case)."""
    names = [_fold(name.lower()) for m in _REQUESTER.finditer(question) for name in m.groupdict().values()
             if name and name.lower() not in STOPWORDS]
    return frozenset(form for name in names for form in PlaceNames.forms_of(name))


def _requested_by(names: frozenset[str], text: str) -> bool:
    """False when ``text`` reports a request and names one of ``names`` only after its verb, among
    those it went to ("…requested assistance from the CSTO member countries (Russia, Armenia, …)")."""
    verb = events.report("requested", text)
    if verb is None:
        return True

    def named(part: str) -> bool:
        return any(_same_name(n, w) for n in names for w in _folded_words(part))
    return named(text[:verb.start()]) or not named(text[verb.start():])


@lru_cache(maxsize=20_000)
def _folded_words(text: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in _words(text))


# An acronym as a question types it ("NATO", "CSTO", "OSCE"), three letters or more.
_ACRONYM = re.compile(r"[A-Z]{3,6}")
# A name of two or more capitalised words, with the small words a body's name may hold ("the
# Organization for Security and Co-operation in Europe").
_SPELT_OUT = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|for|and|in|on|the)\s+)*[A-Z][\w-]*)+")


def _initials(text: str) -> tuple[str, ...]:
    """The initials of each run of two or more of a text's capitalised words, lower case ("The
    Collective Security Treaty Organization" gives "tcsto", which holds the acronym "csto"); a
    hyphen starts a word ("Co-operation" gives "co")."""
    out = []
    for run in _SPELT_OUT.finditer(text):
        capitals = [w for w in re.split(r"[\s-]+", run.group()) if w[:1].isupper()]
        out.append("".join(w[0].lower() for w in capitals))
    return tuple(out)


# A relative "which" after a preposition and before the start of a clause (a name, an article, a
# pronoun), in a question that asks whether or has asked its own question word before it ("Is
# there an agreement under which Russia ought to step in?", "What is the agreement according to
# which the members…?"): it asks for nothing named; "…and in which city?" does. (A clause between
# commas is read as describing, ``_DESCRIBING_CLAUSE``.)
_RELATIVE_WHICH = re.compile(r"\b(?:under|in|by|to|of|from|with|for|on|at|through|after|during|"
                             r"according\s+to)\s+which\b(?=\s+(?:(?i:the|a|an|it|its|they|their|he|his|she|her|"
                             r"we|you|this|these|those)\b|(?-i:[A-Z])))", re.IGNORECASE)


def _without_relative_which(question: str) -> str:
    """``question`` with each relative "which" read as "that"."""
    def relative(match: re.Match[str]) -> str:
        asking = _YES_NO_QUESTION.match(question) or _WH.search(question, 0, match.start())
        return match.group()[:-5] + "that" if asking else match.group()
    return _RELATIVE_WHICH.sub(relative, question)


def answer_type(question: str, speakers: frozenset[str] = frozenset()) -> AnswerType:
    """The kind of fact a question asks for (English, Russian or French question words).

    ``speakers`` holds the lower-case words of the corpus's speakers' names: what they say needs
    no reported speech.
    """
    question = _without_relative_which(question)
    given = frozenset(m.group().lower() for pattern in (_NUMBER, _TIME, _DATE, _CLOCK)
                      for m in pattern.finditer(question))
    typed = frozenset(w.lower() for w in _WORD.findall(question))
    time = bool(_TIME_QUESTION.search(question))
    number = bool(_NUMBER_QUESTION.search(question))
    speech, speaker, named = _asked_speech(question, speakers)
    stance = False
    if not speech and (match := _STANCE_QUESTION.search(question)) is not None:
        who = _asked_who(next(g for g in match.groups() if g), speakers)
        if who is not None and who[0]:
            stance, (speaker, named) = True, who
    topic = _TOPIC.search(question) if speech else None
    return AnswerType(number=number,
                      person=bool(_PERSON_QUESTION.search(question)),
                      time=time, given=given,
                      precision=next((kind for kind, pattern in _PRECISION_QUESTIONS
                                      if time and pattern.search(question)), ""),
                      named=bool(_WHICH_QUESTION.search(question)),
                      personal_name=bool(_NAME_QUESTION.search(question)),
                      speech=speech, speaker=speaker, speaker_named=named, stance=stance,
                      about=_asked_about(question, acronyms=True),
                      topic=((_asked_about(question, topic.start(1)) if topic else ())
                             + _addressed(question, speech)),
                      outcomes=measures.outcomes(question),
                      units=measures.units(question) if number else frozenset(),
                      counts=bool(_COUNT_QUESTION.search(question)), role=_asked_role(question),
                      people=bool(_PEOPLE_QUESTION.search(question)),
                      people_of=_people_of(question),
                      outcome=_asks_outcome(question, speakers),
                      counted=_counted(question), attributes=measures.attributes(question),
                      events=events.events(question) if time else frozenset(),
                      acts=events.acts(question),
                      thing=details.asked_thing(question),
                      settlement=(settlement := bool(_SETTLEMENT_QUESTION.search(question))),
                      villages=settlement and bool(_VILLAGE_QUESTION.search(question)),
                      country=bool(_COUNTRY_QUESTION.search(question)),
                      each=number and bool(_EACH_QUESTION.search(question)),
                      response=bool(_RESPONSE_QUESTION.search(question)
                                    and _REQUEST_QUESTION.search(question)),
                      requester=_asked_requester(question),
                      opening=bool(_OPENING_QUESTION.search(question)),
                      only=bool(_ONLY_QUESTION.search(question)),
                      span=bool(_SPAN_QUESTION.search(question)),
                      why=bool(_WHY_QUESTION.search(question)),
                      aspiration=bool(_ASPIRATION_QUESTION.search(_ASKER_WISH.sub(" ", question))),
                      intended=_intended(question),
                      comparison=bool(_COMPARISON_QUESTION.search(question)),
                      future=time and bool(_FUTURE_QUESTION.search(question)),
                      winner=bool(_WIN_QUESTION.search(question)),
                      where=bool(_WHERE_QUESTION.search(question)),
                      yes_no=_asked_whether(question),
                      placed=_placed(question),
                      doer_of=_doer_asked(question),
                      condition=bool(_CONDITION_QUESTION.search(question)),
                      life=bool(_LIFE_QUESTION.search(question)),
                      # Whether someone made a statement is answered by what they called for.
                      done=bool((_DONE_QUESTION.match(question)
                                 or (language_of(question) != "en" and asks_whether(question))) and not speech
                                and not _REQUEST_QUESTION.search(past := _AFTER_GIVEN.sub("", question))
                                and not _WISH_QUESTION.search(past)),
                      typed=typed, remaining=number and measures.asks_remaining(question), words=typed)


# Words for people at large, which a sentence may name otherwise ("the rest of the globe", "the
# international community", "everyone else").
_ANYONE = frozenset({"world", "globe", "rest", "others", "everyone", "everybody", "community",
                     "international", "public", "outsiders", "observers", "onlookers"})
# Words that make members people ("service members", "military members", "army members").
_SERVICE_WORDS = frozenset({"service", "military", "army", "armed", "crew", "staff"})


def responds_to(part: str, before: str) -> bool:
    """True when a part asks how someone responded and names no request, after a part that names
    one ("What did Pashinyan ask for, and how did Moscow react?"): it asks the response to that."""
    return bool(_RESPONSE_QUESTION.search(part) and not _REQUEST_QUESTION.search(part)
                and _REQUEST_QUESTION.search(before))


_SIDE_COUNTED_ABROAD = re.compile(
    r"\b(?:сколько|combien\s+(?:de\s+|d['’]))\s*(?:(?P<civilians>мирных\s+жителей|мирного\s+населения|"
    r"гражданск(?:их|ого)|civils|personnes\s+civiles)|военных|военнослужащих|солдат|"
    r"soldats|militaires)(?!\w)"
    # not an adjective before its noun ("военных баз", "гражданских объектов")
    r"(?!\s+(?:баз|объект|учени|конфликт|операци|техник|корабл|самол[её]т|судов|ведомств|расход|"
    r"бюджет|сил|част|округ|завод|предприяти|инфраструктур|лиц\b)\w*)", re.IGNORECASE)


def _counted(question: str) -> str:
    """The plural noun an English "how many" counts, lower case ("How many Russian military bases
    are there?" → "bases", "how many ppl" → "ppl"), or "" ("How many of the injured…?", "how
    many were moved")."""
    match = _HOW_MANY.search(question)
    if match is None:
        # Civilians or soldiers counted in Russian or French ("Сколько мирных жителей…?").
        side = _SIDE_COUNTED_ABROAD.search(question)
        return "" if side is None else "civilians" if side.group("civilians") else "soldiers"
    run = list(itertools.islice(itertools.takewhile(
        lambda w: w not in STOPWORDS, (w.lower() for w in _WORD.findall(question[match.end():]))), 4))
    for before, w in zip(["", *run], run, strict=False):
        if w in measures.PEOPLE or (len(w) > 3 and w.endswith("s") and not w.endswith("ss")):
            # "service members", "military members" are people, not a body's members.
            return "personnel" if w == "members" and before in _SERVICE_WORDS else w
    return ""


def _counts(noun: str, sentence: str) -> bool:
    """True when a number of the sentence (no year, no article number) counts ``noun``: the noun
    (in any form) stands within three words before it or four after it ("3,000 Russian military
    personnel"), or, for people, any word for people does; or a share or a count refers back to
    it ("52 % of them")."""
    if _SHARE_OR_REFERENCE.search(sentence):
        return True
    words = _COUNT_TOKEN.findall(_NOT_A_COUNT.sub(" ", sentence))
    asked = tokenize(noun)
    people = noun in measures.PEOPLE
    # Civilians and the military are two sides: "about fifty people, mostly military" counts no
    # civilians, and a count of civilians no soldiers.
    other_side = next((b for a, b in ((_CIVILIANS, _SOLDIERS), (_SOLDIERS, _CIVILIANS)) if noun.lower() in a),
                      frozenset())
    for i, word in enumerate(words):
        near = [w.lower() for w in words[max(0, i - 3):i] + words[i + 1:i + 5]]
        if other_side and any(w in other_side for w in near) and not any(tokenize(w) == asked for w in near):
            continue
        if _NUMBER.fullmatch(word) and any(
                tokenize(w) == asked or (people and w in measures.PEOPLE) for w in near):
            return True
    return False


_CIVILIANS = frozenset({"civilian", "civilians", "residents", "villagers", "non-combatants", "noncombatants"})
_SOLDIERS = frozenset({"military", "soldier", "soldiers", "troops", "servicemen", "personnel", "fighters",
                       "combatants", "officers"})


def _asks_outcome(question: str, speakers: frozenset[str]) -> bool:
    """Whether a question asks what someone outside the corpus's own speakers and texts decided,
    found or concluded ("What did Dupuy conclude…?" asks what the corpus's speaker says). "Why
    did Russia decide not to apply it?" gives the decision and asks its reason, and "how" or
    "when" its manner or time."""
    if _ASKS_WHY_HOW_WHEN.match(question):
        return False
    if _OUTCOME_QUESTION_ABROAD.search(question):
        return True
    match = _OUTCOME_QUESTION.search(question) or _OUTCOME_NOUN_QUESTION.search(question)
    if match is None:
        return False
    # "…, and what did it decide?": a body or country the part before names, no speaker of the corpus.
    who = next(g for g in (match.groupdict().get("who"), match.groupdict().get("whose")) if g)
    return who in ("it", "they") or _asked_who(who, speakers) is not None


def _asked_speech(question: str, speakers: frozenset[str]) -> tuple[bool, frozenset[str], bool]:
    """Whether a question is "what did X say" about someone outside the corpus's own speakers
    and texts, the words naming X in an English question (``_asked_who``), and whether those
    are names typed with capitals."""
    match = _SPEECH_QUESTION.search(question) or _REASON_GIVEN_QUESTION.search(question)
    if match is None:
        return False, frozenset(), False
    who = _asked_who(next(g for g in match.groups() if g), speakers)
    if who is None:
        return False, frozenset(), False
    if not (match.groupdict().get("who") or match.groupdict().get("whether")):
        return True, frozenset(), False  # a name in another language or script would not match
    return True, *who


def _asked_who(phrase: str, speakers: frozenset[str]) -> tuple[frozenset[str], bool] | None:
    """The words naming whom a question asks about, and whether they are names typed with
    capitals; None when it is the corpus's own speaker or text.

    Its names when it has any ("Emmanuel Macron personally" → "macron": "Emmanuel" is also the
    corpus's speaker's), else its words, titles and articles aside. A person's full name stands
    for the person: "Azerbaijani President Ilham Aliyev" is Aliyev, and a sentence about
    Azerbaijan does not report what he said.
    """
    who = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(phrase)]  # "InoSMI's correction" is InoSMI's
    content = [w for w in who if w.lower() not in STOPWORDS and w.lower() not in _TITLE_WORDS]
    plain = {w.lower() for w in content}
    names = {w.lower() for w in content if w[:1].isupper()} or plain
    # "the note", "the expert", "you"; or a speaker by name ("Mr Dupuy", not "Emmanuel Macron").
    if {w.lower() for w in who} & _TEXT_WORDS or (names and names <= speakers):
        return None
    words = [w for w in content if _LATIN_WORD.fullmatch(w)]
    named = [w for w in words if w[:1].isupper()]
    surnames = {_fold(run[-1].lower()) for run in _name_runs(who) if len(run) >= 2} - speakers
    if surnames:
        return frozenset(surnames), True
    return frozenset(w.lower() for w in named or words) - speakers, bool(named)


def _capitalised(text: str) -> str:
    """The words of a text that begin with a capital ("Aliyev", "Russia"), as one string."""
    return " ".join(w for w in _WORD.findall(text) if w[:1].isupper())


def _name_runs(words: list[str]) -> list[list[str]]:
    """Runs of consecutive capitalised words that are not titles ("Azerbaijani President Ilham
    Aliyev" → [["Azerbaijani"], ["Ilham", "Aliyev"]])."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word[:1].isupper() and word.lower() not in _TITLE_WORDS:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


# Greetings, thanks and acknowledgements in the languages the bot is asked in ("good morning",
# "спасибо большое", "merci beaucoup"): a message made of nothing else asks nothing.
_SMALL_TALK_WORDS = frozenset("""
hi hello hey hiya thanks thank thx you ok okay bye goodbye good morning evening afternoon lol haha
hmm cheers many lot much so very advance a in
привет здравствуйте здравствуй добрый доброе день утро вечер спасибо большое пока ок окей хорошо
понятно ясно отлично салют благодарю
bonjour bonsoir salut merci beaucoup bien coucou
tell me joke jokes funny something please
расскажи расскажите анекдот анекдоты шутку шутка пошути пошутите что-нибудь смешное пожалуйста мне
raconte racontez moi une blague blagues drôle quelque chose plaît s'il te vous
""".split())  # noqa: SIM905 - a word list reads best as text


def _pleasantries_only(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    return bool(words) and all(w in _SMALL_TALK_WORDS for w in words)


# A request for advice or a recommendation for the user ("How do I get a visa?", "Can you recommend a
# recipe?", "Can you give me a recipe…?", "What's the best way to learn Python?", "Как мне…?",
# "Посоветуй…", "Comment puis-je…?"):
# news quotes what was said and done, and tells no one what to do.
_ADVICE = re.compile(
    r"^\W*(?:how\s+(?:do|can|could|should|would)\s+i\b|(?:can|could)\s+you\s+(?:please\s+)?"
    r"(?:recommend|suggest)\b|what(?:['’]s|\s+is)\s+the\s+(?:best|easiest|cheapest|fastest)\s+way\s+to\b"
    # "Can you give me a good recipe for dolma?", "Send me some tips…"
    # (not "the main recommendations of the report", "the advice Dupuy gives")
    r"|(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:give|send|share|tell|show)\s+me\s+"
    r"(?:an?\s+|some\s+|any\s+|your\s+)?(?:(?!the\b)\w+\s+)?(?:recipes?|tips|advice|recommendations?)\b"
    r"|(?:дай|дайте|пришли|пришлите)\s+(?:мне\s+)?(?:\w+\s+)?(?:рецепт\w*|(?-i:совет(?:ы|ов)?)\b)"
    r"|(?:donne|donnez)-moi\s+(?:un|une|des|quelques)\s+(?:\w+\s+)?(?:recettes?|conseils?)\b"
    r"|как\s+мне\b|как\s+я\s+могу\b|посоветуй\w*|порекомендуй\w*"
    r"|comment\s+(?:puis-je|est-ce\s+que\s+je|faire\s+pour)\b|(?:peux-tu|pouvez-vous)\s+(?:me\s+)?"
    r"(?:recommander|conseiller|suggérer)\b)", re.IGNORECASE)
# A request for a piece of writing ("write me a poem about the Caucasus", "compose a song…",
# "Напиши стихотворение…", "Écris-moi une histoire…"): the documents' sentences are no poem.
_WRITING = re.compile(
    r"^\W*(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:write|compose|draft|make\s+up|invent)\s+"
    r"(?:me\s+|us\s+)?(?:an?\s+|some\s+|the\s+)?(?:short\s+|funny\s+|little\s+)?"
    r"(?:poem|poems|story|stories|song|songs|essay|haiku|limerick|rap|joke|jokes|letter|tweet|speech|verse|"
    r"rhyme|novel|script|fairy\s+tale)\b"
    r"|^\W*(?:напиши|напишите|сочини|сочините|придумай|придумайте)\s+(?:мне\s+|нам\s+)?"
    r"(?:\w+\s+)?(?:стих\w*|рассказ\w*|песн\w*|сказк\w*|эссе|сочинени\w*|шутк\w*|анекдот\w*)"
    r"|^\W*(?:écris|écrivez|compose|composez|invente|inventez)(?:-moi|-nous)?\s+(?:un|une|des)\s+"
    r"(?:\w+\s+)?(?:poème|poèmes|histoire|chanson|essai|conte|blague|lettre|discours)", re.IGNORECASE)


def asks_for_advice(part: str) -> bool:
    """True for a request for advice or a recommendation for the one who asks (``_ADVICE``), or
    for a piece of writing (``_WRITING``)."""
    return bool(_ADVICE.search(part) or _WRITING.search(part))


# "Why didn't Moscow step in?", "Почему Россия не стала…?", "Pourquoi la Turquie ne va-t-elle pas…?":
# a why of something not done is answered where the documents say it was not (``denies``), not by
# the sentence that says it should have been ("…Russia should intervene in case of aggression").
_WHY_NOT = re.compile(
    r"\b(?:why|how\s+come)\b[^?.!]*?(?:\b\w+n['’]t\b|\b(?:cant|wont|dont|didnt|doesnt|isnt|arent|wasnt|werent|"
    r"hasnt|havent|hadnt|couldnt|wouldnt|shouldnt|not|never)\b)"
    r"|\bпочему\b[^?.!]*?\bне\b|\bpourquoi\b[^?.!]*?\b(?:ne\b|n['’])", re.IGNORECASE)
_DENIAL = re.compile(
    r"n['’]t\b|\b(?:not|no|never|neither|nor|none|nothing|unlikely|without|refus\w*|declin\w*|reject\w*|"
    r"fail\w*|ignor\w*)\b", re.IGNORECASE)


# What states a duty rather than what was or will be done: "…according to which Russia should
# intervene in case of aggression", "…all other members must provide it with the necessary assistance".
# A question that asks whether something is so or was done, and names no duty itself ("Did Moscow
# activate the clause?", "Is Putin going to intervene?", "Россия вмешается?"), is answered by what
# was or will be done ("But Russia did not consider it necessary to apply this article…"), while
# the duty shares its words ("Does the treaty oblige Russia…?" asks the duty).
_DUTY = re.compile(
    r"\b(?:should|must|ought\s+to|oblig\w*|(?:is|are|was|were|be)\s+required\s+to|requires?\s+(?:\w+\s+)?to|"
    r"supposed\s+to|has\s+to|have\s+to|had\s+to|duty|duties|commit(?:s|ted)?\s+to|commitments?|"
    r"undert(?:ake|akes|ook|aken)|bound\s+(?:to|by)|pledged?|provides?\s+for|guarantee[sd]?)\b"
    r"|\b(?:долж|обязан|обязатель|обязыва|обещ)\w*"
    r"|\b(?:doi(?:t|vent|vait)|devr\w+|oblig\w*|engag\w*|tenu(?:e|s|es)?\s+de|censé\w*)\b", re.IGNORECASE)


def _asks_whether_in(question: str, language: str) -> bool:
    """True for a yes-or-no question in English (``language`` "en") or in Russian or French."""
    return bool(_YES_NO_QUESTION.match(question)) if language == "en" else asks_whether(question)


def asks_whether_so(question: str, language: str) -> bool:
    """True for a question that asks whether something is so or was done and names no duty."""
    return _asks_whether_in(question, language) and not _DUTY.search(question)


# A yes-or-no question of what is to come: "Will Russia step in?", "Is Moscow going to…?", "…likely
# to…?", "Does Dupuy expect…?"; "Станет ли…?", "Будет ли…?", "Собирается ли…?"; "La Russie va-t-elle
# (s')engager ?", "interviendra-t-elle ?". Not "the next day", nor the noun "will" ("the political
# will"), nor "va contre" (goes against); a Russian verb's perfective future ("Вмешается ли…?") is not
# told apart from its present.
_WHAT_COMES = re.compile(
    rf"^\W*{_FRAME}?(?:will|won['’]t|shall)\b|\b(?:going\s+to|gonna|(?:un)?likely\s+to|expected\s+to|"
    r"about\s+to|expects?|predicts?|anticipates?|foresees?)\b"
    r"|\b(?:будет|будут|станет|станут|собира\w+)\b"
    r"|\b(?:va(?:-t-(?:il|elle|on))?|vont(?:-(?:ils|elles))?)\s+(?!(?:contre|entre|vers|bien|mal|mieux)\b)"
    r"(?:(?:[sl]['’]|se\s+|le\s+|la\s+|les\s+|lui\s+|leur\s+|y\s+|en\s+|[\w]+\s+))?[^\W\d_]+(?:er|ir|re)\b"
    r"|\b[^\W\d_]+r(?:a|ont)-(?:t-)?(?:il|elle|ils|elles|on)\b", re.IGNORECASE)
# What a sentence says of what is to come, or how likely it is ("…it is unlikely that Moscow will…";
# "may" in lower case: "in May" is a month).
_FORESEES = re.compile(rf"{_FUTURE.pattern}|(?-i:\b(?:may|might)\b)|\b(?:likely|unlikely|probably|possibly|"
                       r"possible|perhaps|one\s+day|expects?|expected|can\s+be\s+expected|chances?)\b",
                       re.IGNORECASE)
# What an interviewer's question asks of what is to come ("…its international credibility may
# suffer?", "Can this lead to … will turn away…?"); not "Perhaps because…?", which asks why.
_ASKS_WHAT_COMES = re.compile(r"\b(?:will|won['’]t|would|going\s+to|gonna)\b|(?-i:\b(?:may|might)\b)",
                              re.IGNORECASE)


def asks_what_comes(question: str, language: str) -> bool:
    """True for a yes-or-no question of what is to come (``_WHAT_COMES``)."""
    return _asks_whether_in(question, language) and bool(_WHAT_COMES.search(question))


def turn_asks_what_comes(turn: str) -> bool:
    """True for an interviewer's turn one of whose questions asks of what is to come."""
    return any(_ASKS_WHAT_COMES.search(q) for q in re.findall(r"[^.?!]*\?", turn))


# "Has any member ever used…?", "…so far?": what has happened up to now, which a sentence tells by
# "so far", "never", "yet", "to date", "already", "only … has".
_EVER = re.compile(r"\b(?:ever|so\s+far|to\s+date|until\s+now|up\s+to\s+now|yet)\b", re.IGNORECASE)
_TO_DATE = re.compile(r"\b(?:ever|never|so\s+far|to\s+date|until\s+now|up\s+to\s+now|yet|already|"
                      r"(?:for\s+the\s+)?first\s+time|only\b[^.;]*\b(?:has|have|had))\b", re.IGNORECASE)


def asks_headline(question: str) -> bool:
    """True for a question about a document's headline ("According to the headline, …?", "Что
    сказано в заголовке?"), in any of the languages read here."""
    return bool(_HEADLINE_QUESTION.search(question))


def asks_to_date(question: str) -> bool:
    """True for an English question of what has happened up to now ("Has any member ever…?")."""
    return bool(_EVER.search(question))


def tells_to_date(sentence: str) -> bool:
    """True for a sentence that tells what has happened up to now ("Only Kazakhstan has used this
    principle so far.")."""
    return bool(_TO_DATE.search(sentence))


def foresees(sentence: str) -> bool:
    """True for a sentence that speaks of what is to come or of how likely it is."""
    return bool(_FORESEES.search(sentence))


def states_duty(sentence: str) -> bool:
    """True for a sentence that says what someone should, must or undertook to do."""
    return bool(_DUTY.search(sentence))


def asks_why_not(question: str) -> bool:
    """True for a question that asks why something was not done ("Why didn't Moscow step in?")."""
    return bool(_WHY_NOT.search(question))


def denies(sentence: str) -> bool:
    """True for a sentence that says something is not so, or was not done ("But Russia did not
    consider it necessary…", "…it is unlikely that Moscow will get involved…")."""
    return bool(_DENIAL.search(sentence))


def is_small_talk(part: str) -> bool:
    """True for a message that asks nothing and names nothing: "hi", "thanks!", "good morning",
    "спасибо", "merci", "why?". It gets no quotes: the nearest sentence to "hi" is no answer.

    Two kinds, both read from the words alone: a message made only of greetings, thanks and
    acknowledgements, in any of the bot's languages; and an English message with words but
    nothing beyond function words ("why?", "who are you?", "what is this?"), which names nothing
    to look for. Anything else is searched, however short or misspelt: "armnia", "2002",
    "Карабах", "tropas rusas" are queries.
    """
    if any(ch.isdigit() for ch in part):
        return False
    if _pleasantries_only(part):
        return True
    return bool(_WORD.search(part)) and language_of(part) == "en" and not tokenize(part)


# A year, a decade or a century a question gives ("in 2022", "the 1990s", "the early 1990s", "dans
# les années 2000", "в 2000-х", "the 2000's", "the 19th century", "fin 2022"); a four-digit number
# that counts something ("1900 troops") is no year.
_GIVEN_YEAR = re.compile(
    r"(?:\b(?P<part>early|mid|late)[\s-]+)?"
    r"(?<![\d,.])(?P<after>années\s+)?(?P<year>1[5-9]\d\d|20\d\d)(?P<decade>['’]?s|-(?:е|х|ые|ых))?"
    r"(?![\d,.]\d)"
    r"(?!\s+(?:[^\W\d_]+\s+)?(?:troops|soldiers|people|persons|men|personnel|units|vehicles|tanks|km|"
    r"kilomet\w*|miles|dollars|euros|roubles|rubles|солдат\w*|военн\w*|человек|soldats|personnes)\b)"
    r"|\b(?P<century>1[5-9]|20|21)(?:th|st|nd|rd)\s+century\b|\b(?P<siecle>X(?:V|VI|VII|VIII|IX|X|XI))e\s+siècle\b",
    re.IGNORECASE)
_ROMAN = {"XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21}


# How far from the documents' own years a year still comes near them: an article of 2022 may say
# "in 2020" and never its own year, which a reader adds ("in January 2022").
_NEAR_YEARS = 2


def years_elsewhere(question: str, known: frozenset[int]) -> bool:
    """True when a question gives a year, a decade or a century that none of the documents' own
    years (``known``) comes near (within two years): "How did the events of 1915 shape…?" or
    "When did the oil boom in Baku start in the 19th century?" ask about a time the documents
    never mention. e5 reads such a question as close to a sentence on the same region as a
    paraphrase to its answer; no answerable tuning question gives such a year."""
    for match in _GIVEN_YEAR.finditer(question):
        if match.group("year"):
            year = int(match.group("year"))
            decade = match.group("decade") or match.group("after")
            span = (range(year, year + 10) if decade
                    else range(year - _NEAR_YEARS, year + _NEAR_YEARS + 1))
            # "the early 1990s": 1990–1993, and two years either side ("the late 1900s" is a century's)
            if decade and match.group("part") and year % 100:
                start = year + {"early": 0, "mid": 3, "late": 6}[match.group("part").lower()]
                span = range(start - _NEAR_YEARS, start + 4 + _NEAR_YEARS)
        else:
            century = int(match.group("century")) if match.group("century") else _ROMAN[
                match.group("siecle").upper()]
            span = range((century - 1) * 100, century * 100)
        if not any(y in span for y in known):
            return True
    return False


def years_given(question: str, known: frozenset[int]) -> frozenset[str]:
    """The years a question gives that are the documents' own years (``known``): "How many people
    were injured during the last escalation in 2020?" asks about what the documents date to 2020,
    and a sentence that does not give that year is about another time (decades and centuries
    aside)."""
    return frozenset(m.group("year") for m in _GIVEN_YEAR.finditer(question)
                     if m.group("year") and not (m.group("decade") or m.group("after"))
                     and int(m.group("year")) in known)


def years_of(texts: Iterable[str]) -> frozenset[int]:
    """The years the texts give ("founded in 2002", "the 1997 Convention"), and every four-digit
    number they hold, whatever it counts."""
    return frozenset(int(m) for t in texts for m in re.findall(r"(?<![\d,.])(?:1[5-9]|20)\d\d(?![\d,.]\d)",
                                                               t.replace(",", "")))


# Words that open a question in the bot's languages.
_QUESTION_OPENERS = frozenset("""
what which who whom whose when where why how is are was were do does did can could will would
has have had should shall may might must
кто что где когда куда откуда почему зачем как какой какая какое какие каков сколько чей чья чьё
чьи ли разве
qui que quoi où quand pourquoi comment combien quel quelle quels quelles est-ce lequel laquelle
""".split())  # noqa: SIM905 - a word list reads best as text
# What a message wraps its question in: greetings, "quick question:", "can you tell me", "please",
# "thanks", in the bot's languages. e5 reads them as part of the question, and "when" no longer
# opens "Can you tell me when …", so they go before the question is read. A greeting or "question"
# ends at punctuation or a spaced dash ("Hi-tech arms?" and "Question-and-answer …" keep theirs).
_GREETING = (r"(?:hi|hello|hey|hiya|thanks|thank\s+you|thx|ok|okay|good\s+(?:morning|afternoon|evening)|"
             r"привет|здравствуйте|здравствуй|добрый\s+(?:день|вечер)|доброе\s+утро|спасибо|"
             r"bonjour|bonsoir|salut|coucou|merci)")
_STOP = r"(?:\s*[,!.:;]+|\s+[—–-]+)\s*"
_FILLER = r"(?:yo|lowkey|honestly|tbh|ngl|um+|uh+|hm+)"
_OPENER = "(?:" + "|".join(sorted(map(re.escape, _QUESTION_OPENERS), key=len, reverse=True)) + r")(?![\w'’-])"
_OPENING = re.compile(
    rf"^(?:{_GREETING}(?![\w'’-])(?:\s+there|\s+bot)?{_STOP}"
    rf"|{_FILLER}(?![\w'’-]){_STOP}"
    # An English greeting or chat filler typed without a stop before an English question: "hi so
    # what did…", "yo so did…", "lowkey confused is…" (not "thanks will check", "спасибо что помог").
    rf"|(?:hi|hello|hey|hiya|{_FILLER}|(?:lowkey\s+|kinda\s+|so\s+)?confused)(?:\s+there|\s+bot)?\s+"
    rf"(?=(?:(?:so|and|ok(?:ay)?|well)\s+)?{_OPENS_QUESTION})"
    rf"|(?:(?:ok(?:ay)?|so|well|also|btw|and|one\s+more|another|a|quick|short|simple|my)\s+)?"
    rf"(?:question|вопрос)(?:\s+rapide)?(?:\s*:|\s+[—–-]+)\s*"
    r"|(?:please|pls|plz|can|could|would|will)\s+(?:you\s+)?(?:please\s+|pls\s+)?"
    r"(?:tell|show|explain(?:\s+to)?)\s+me\s+"
    r"|(?:do|does)\s+(?:you|anyone)\s+know\s+"
    r"|i(?:\s+would|'d|’d)?\s+(?:like|want|wanna|need)\s+to\s+know\s+"
    r"|i\s+(?:was\s+)?wonder(?:ing)?\s+"
    r"|(?:please\s+)?tell\s+me\s+(?=(?:what|who|whom|whose|which|when|where|why|how|if|whether)\b)"
    r"|(?:please|pls|plz)\s+"
    r"|(?:скажите|подскажите|расскажите|скажи|подскажи|расскажи)(?![\w-])(?:\s*,?\s*пожалуйста)?\s*,?\s*"
    r"|(?:не\s+подскажете|хочу\s+узнать|интересно)(?![\w-])\s*,?\s*"
    r"|(?:dites|dis)-moi\s*,?\s*|(?:pouvez|pourriez)-vous\s+me\s+dire\s+"
    r"|je\s+(?:voudrais|veux|souhaite)\s+savoir\s+"
    # "And what about Iran?", "So why…?", "А почему…?", "Et pourquoi…?" ("So far, has…?" stays).
    rf"|(?:and|so|also|but|well|then|ok(?:ay)?\s+so|и|а|но|ну|так|et|alors|donc|mais)\s*,?\s+(?={_OPENER})"
    r")",
    re.IGNORECASE)
# A set phrase about the asker before the question: "I just read the interview. Why…?", "I have
# a question.", "Я прочитал статью. Почему…?". Only these: "I heard Russia has 3,000 troops
# there. Is that true?" and "You mentioned Article 4. What does it say?" need their first sentence.
_ABOUT_ME = re.compile(
    r"^(?:(?:i|we)(?:\s+have|'ve|’ve)?(?:\s+just)?\s+(?:read|saw|watched|finished|went\s+through)"
    r"\s+(?:the|this|your|an?)\s+(?:interview|article|text|piece|story)"
    r"|i\s+have\s+(?:a|another|one\s+more)\s+question|i(?:'m|’m|\s+am)\s+(?:confused|curious)"
    r"|я\s+(?:только\s+что\s+)?(?:прочитал|прочитала|прочёл|читал|читала)\s+(?:это\s+)?(?:интервью|статью)"
    r"|у\s+меня\s+(?:есть\s+)?вопрос"
    r"|j['’]ai\s+(?:lu|regardé)\s+(?:l['’]|cet\s+|cette\s+)(?:interview|article|entretien)"
    r"|j['’]ai\s+une\s+question)[^.!?]*[.!:]+\s+(?=[^?]*\?)", re.IGNORECASE)
# Thanks and "please" after the question: after punctuation ("…? Many thanks", "…, please"),
# or the chat forms alone ("… thx"). "Who did Putin thank?" and "Did he say thanks?" keep theirs.
_THANKS = (r"(?:many\s+)?thanks(?:\s+(?:a\s+lot|so\s+much|in\s+advance))?"
           r"|thank\s+you(?:\s+(?:very|so)\s+much)?|thx|ty|cheers|please|pls|plz|спасибо(?:\s+большое)?|пожалуйста|merci(?:\s+beaucoup)?"
           r"|s['’]il\s+(?:vous|te)\s+pla[iî]t|stp|svp")
_CLOSING = re.compile(rf"(?:\s*[,;.!?]+\s*(?:{_THANKS})|\s+(?:thx|pls|plz))(?![\w'’])[\s.!]*$",
                      re.IGNORECASE)
_ENDS = re.compile(r"[?!.…)\]»\"”]\s*$")


def unwrap(part: str) -> str:
    """``part`` without the greeting, "can you tell me" or sentence about the asker it opens with."""
    text = part.strip()
    while True:
        stripped = _ABOUT_ME.sub("", _OPENING.sub("", text, count=1), count=1)
        if stripped == text or not tokenize(stripped):  # "You said Turkey. Why?" stays whole
            return text
        text = stripped


def tidy(message: str) -> str:
    """The question in a message as a question: without the greeting, "can you tell me" or
    "thanks" around it, with its capital and its question mark ("hey, who is dupuy thx" →
    "Who is dupuy?").

    e5 reads the wrapping as part of the question, and a question typed without its question
    mark, or in lower case, closer to the documents than the same words typed properly: more
    unanswerable questions were answered. A message that ends as a sentence ("Tell me about
    Turkey.") keeps its end, and one that is only small talk is left as it is.
    """
    if is_small_talk(message):
        return message
    text = unwrap(_without_symbols(message))
    asked = False
    while True:  # "… Armenia?? thanks!" and "… article 4, please?" end as "… Armenia?", "… 4?"
        core = text.rstrip("? ")
        asked = asked or core != text.rstrip()
        stripped = _CLOSING.sub("", core)
        if not stripped or stripped == text:
            break
        text = stripped
    if not tokenize(text) and not any(ch.isdigit() for ch in text):
        return message
    text = _END_RUN.sub(_end_mark, text)
    first = _WORD.match(text)
    if (not asked and re.search(r"(?:^|\s)[^\s.]{2,}\.$", text) and first is not None
            and first.group(0).lower() in _QUESTION_OPENERS):
        text = text[:-1]  # "Who is Dupuy." is a question ("… the U.S." keeps its stop)
    if asked or not _ENDS.search(text):
        text = text.rstrip("?") + "?"
    return text[:1].upper() + text[1:]


# Emoji and other pictographs, with the joiners and variation selectors that build them: "why
# did russia not help 🤔" asks what "why did russia not help?" asks, but e5 read it closer to
# every sentence.
_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")
# The run of marks that ends a message: "…??!!" is a question ("?"), "…!!!" an exclamation, and
# a message that trails off ("what about 2002...") ends with nothing, so it gets its "?".
_END_RUN = re.compile(r"[?!.…]{2,}(?=\s*$)|…(?=\s*$)")


def _end_mark(match: re.Match[str]) -> str:
    run = match.group(0)
    return "?" if "?" in run else ("!" if "!" in run else "")


def _without_symbols(text: str) -> str:
    # Pictographs only: "°", "©" and "№" (below U+2190) are kept.
    kept = "".join(ch for ch in text if ch not in _JOINERS and not (
        ord(ch) >= 0x2190 and unicodedata.category(ch) in ("So", "Sk", "Cs", "Co")))
    return " ".join(kept.split()) or text


def asked_category(question: str) -> list[str]:
    """The tokens naming the kind of thing an English question asks for, after its question word.

    "What is the population of Armenia?" asks for a population, "Which gas pipeline ...?" for a
    pipeline, "Who is the mayor of Lille?" for a mayor. When the documents never use such a word
    they hardly answer the question, however close its other words come. Only the words between
    the question word and the first function word count; a bare "who" asks for nobody's category
    ("Who supplied the troops?"), and frame words ("kind", "name", "exactly") never count.
    """
    question = _without_relative_which(question)
    match = _WH.search(question)
    if match is None:
        return []
    rest = re.sub(r"^['’]s\b", " is", question[match.end():])  # "what's the weather"
    words = [w.lower() for w in _QUESTION_TOKEN.findall(rest)]
    if match.group(1).lower() in ("who", "whom", "whose") and not (words and words[0] in _COPULA):
        return []
    i = 0
    while i < len(words) and words[i] in _BEFORE_CATEGORY:
        i += 1
    span = []
    while i < len(words) and words[i] not in STOPWORDS and _LETTER.match(words[i]):
        span.append(words[i])
        i += 1
    return [t for w in span if w not in _FRAME_WORDS for t in tokenize(w)]
