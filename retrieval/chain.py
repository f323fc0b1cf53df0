"""The LangChain pipeline: question → parts → retrievers → context fusion → support → Answer.

Each part of a question (most questions have one) is searched on its own: an English part is
spelled out ("wat r" → "what are"), typo-corrected against the corpus, and searched with MiniLM,
e5 and BM25; a part in another language is searched with e5 alone. The fused ranking of each
part is judged (does the corpus answer it?) and the composer builds the Answer from all parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any

import numpy as np
from langchain_chroma import Chroma
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda

from retrieval.answer import Answer
from retrieval.attribution import without_attribution
from retrieval.compose import AnswerComposer, Assessment, Judged
from retrieval.converse import tells_converse
from retrieval.descriptions import Description, describe, name_described
from retrieval.doer import asked_verb, names_doer
from retrieval.foreign_names import asked as asked_abroad
from retrieval.foreign_names import body_head
from retrieval.idioms import plain
from retrieval.judgement import asks_judgement, judges
from retrieval.lexical import STOPWORDS, tokenize
from retrieval.multilingual import MultilingualEmbedder
from retrieval.places import PlaceNames, is_country_name
from retrieval.question import (
    AnswerType,
    answer_type,
    asked_category,
    asks_for_advice,
    asks_headline,
    asks_to_date,
    asks_what_comes,
    asks_whether,
    asks_whether_so,
    asks_why_not,
    denies,
    foresees,
    is_small_talk,
    language_of,
    normalise,
    responds_to,
    role_span,
    split_parts,
    states_duty,
    tells_to_date,
    tidy,
    turn_asks_what_comes,
    unwrap,
    years_elsewhere,
    years_given,
    years_of,
)
from retrieval.retriever import (
    TYPE_PENALTY,
    BM25SentenceRetriever,
    ContextFusion,
    DenseSentenceRetriever,
    Ranking,
    break_tie,
    prefer_typed,
)
from retrieval.sentences import Sentence, read_in_context
from retrieval.snapshot import Snapshot
from retrieval.support import ANSWERS, NONE, Support, decide, features
from retrieval.translit import reads_as_russian, to_cyrillic

# Who asks about the interviewer's questions, which are otherwise never quoted: a question that
# names the interviewer by role ("What did the journalist ask …?", "Qu'a demandé le journaliste
# …?"), or one about the interview, or naming the interviewer, that asks what was asked ("What
# was Dupuy asked in the interview?"). "In the interview, is Russia a reliable ally?" and "What
# did Dupuy tell Atlantico …?" ask what the interviewee said, and "Which outlet interviewed
# Dupuy?" asks about the interview: the interviewer's questions are no answers to them. (The
# stemmer makes "interview" of "interviewer", so the role words are matched as typed.)
_INTERVIEWER_WORDS = re.compile(
    r"\b(?:interviewers?|questioners?|journalists?|journalistes?|intervieweur|reporters?|"
    r"интервьюер\w*|журналист\w*|корреспондент\w*)(?!\w)", re.IGNORECASE)
# Capitals a question types: an acronym, or a word stressed.
_CAPITALS = re.compile(r"\b[A-Z]{3,6}\b")
# The outlet that gave the interview, as the subject of the question, right after its verb (not
# "…when the magazine suggested…", nor "the website of the CSTO").
_OUTLET_WORDS = (r"(?:(?<=\bdid\s)|(?<=\bdoes\s)|(?<=\bdo\s)|(?<=\bhas\s)|(?<=\bhad\s))the\s+"
                 r"(?:magazine|outlet|publication|news\s+site|website|newspaper)(?!\w)(?!\s+of\b)")
# What names the interview, or the outlet that asks ("What was the news site's opening query?").
_INTERVIEW = frozenset(tokenize("interview entretien outlet site website magazine publication newspaper"))
_ASKED = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|questions?|quer(?:y|ies|ied)|wonder(?:s|ed)?|demand(?:e|é|ée|ait)|спраш\w*|спросил\w*|"
    r"вопрос\w*)(?!\w)", re.IGNORECASE)

# What the interviewer said or asked, asked about ("What reason did the interviewer suggest for…?",
# "What did Atlantico ask about…?"): the role or the interviewer's name, then a verb of saying.
# One that also names the interviewee ("How did Dupuy respond when Atlantico asked…?") asks what
# the interviewee said.
_SAYING = (r"(?:\w+\s+){0,3}?(?:ask|asks|asked|asking|suggest\w*|float\w*|say|says|said|claim\w*|"
           r"wonder\w*|propos\w*|mention\w*|offer\w*|rais\w*|impl(?:y|ies|ied)|hint\w*|put|stat(?:e|es|ed)|"
           r"assert\w*|спрос\w*|спраш\w*|предпол\w*|сказал\w*|утвержд\w*|предлож\w*|"
           r"suggér\w*|demand\w*|affirm\w*|dit|évoqu\w*)(?!\w)")
_ASKS_REASON = re.compile(r"\b(?:reasons?|explain\w*|explanations?|why|causes?|motives?|причин\w*|"
                          r"объясн\w*|почему|raisons?|expliqu\w*|pourquoi)\b", re.IGNORECASE)
_GIVES_REASON = re.compile(r"\b(?:because|due\s+to|owing\s+to|since(?!\s+(?:\d|the\s+\d|then\b))|parce\s+que|"
                           r"à\s+cause|потому|из-за|поскольку)\b", re.IGNORECASE)
# Words by which a question asks about the editors' notes ("the editors' note", "the translators'
# correction", "the bracketed reminder"; "примечание редакции", "в скобках", "la note de la
# rédaction", "la parenthèse"). "Note" only as a noun after a determiner ("What does Dupuy note…?"
# asks him), and neither "approximately" nor "clarify": a question asks them of anything.
_EDITOR_WORDS = re.compile(
    r"\b(?:editor\w*|footnotes?|(?:the|a|an|this|that|which|its|their|editor\w*|editorial|translator\w*|"
    r"bracketed|parenthetical|first|second|last|other)\s+notes?|\w['’]s?\s+notes?|correct(?:ion|ions|ed|s)|"
    r"translators?|translations?|translating\s+(?:outlet|site|agency|service|media|press|editors?)|"
    r"bracket\w*|parenthe\w*|parenthè\w*|inaccura\w*|reminder|annotation\w*|"
    r"примечани\w*|редакц\w*|редактор\w*|переводч\w*|сноск\w*|скобк\w*|уточнени\w*|поправк\w*|"
    r"неточност\w*|rédact\w*|éditeur\w*|ndlr|traducteur\w*|traduction|rectifi\w*|inexactitude\w*|"
    r"crochets?|(?:la|une|les|des|cette)\s+notes?)\b",
    re.IGNORECASE)
_INTERVIEWEE_WORDS = frozenset(tokenize("expert analyst professor scholar academic specialist guest "
                                        "interviewee эксперт аналитик профессор политолог expert analyste "
                                        "professeur spécialiste"))

# A later part that is only a question word, or one with its noun, after a preposition or not
# ("…and in which area?", "…, and when?", "…and from where?"): elliptical, it is read with the part
# before, as one that points back is.
_ELLIPTICAL = re.compile(
    r"^\W*(?:and\s+)?(?:(?:in|at|on|from|to|for|with|by|since|until|during)\s+)?"
    r"(?:(?:which|what|whose)\s+[^\W\d_]+|where|when|whom|why|how(?:\s+(?:many|much|long))?"
    # "…how many were Armenian, and how many Azerbaijani?": a count with no verb of its own
    r"|how\s+(?:many|much)(?:\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)\b)"
    r"[^\W\d_]+){1,3})\W*$",
    re.IGNORECASE)
# A later part that asks only what a general noun says of the part before ("…, and what was the
# occasion?", "…and what was the purpose?"): read with the part before, as an elliptical one is.
_OF_THE_PART_BEFORE = re.compile(
    r"^\W*(?:and\s+)?(?:what|which)\s+(?:was|is|were|are)\s+(?:the|its|their)\s+(?:main\s+)?(?:occasion|reason|"
    r"purpose|aim|goal|result|outcome|response|reaction|context|background|consequence|point|motive)s?\W*$",
    re.IGNORECASE)
# A pronoun that points back to what an earlier part of the message names (English, Russian,
# French): "Where did the offensive take place, and when did it start?"
_POINTS_BACK = re.compile(
    r"\b(?:it|its|they|them|their|he|his|him|she|her|он|она|оно|они|его|её|ее|их|ему|ей|им|"
    r"il|elle|ils|elles|lui|leur|leurs|son|sa|ses)\b", re.IGNORECASE)


# The names a part gives, as written: runs of capitalised words, their possessive "'s" aside ("Who
# exactly is Emmanuel Dupuy" gives "Who", a question word, and "Emmanuel Dupuy").
_CAPITALISED = re.compile(r"\b[A-Z][\w.-]*(?:['’]s)?(?:\s+(?:[A-Z][\w.-]*(?:['’]s)?|\d+))*")
# Capitalised words that name nothing: question words and the verbs of a request ("Explain the
# CSTO, and why did it fail?").
_NO_NAMES = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are",
                       "was", "were", "does", "did", "do", "can", "could", "will", "would", "has", "have",
                       "explain", "describe", "summarise", "summarize", "tell", "list", "compare", "name",
                       "give", "show"})
# The first pronoun of a later part; "its", "his" and "their" stand for a possessive. An "it" that
# stands for nothing ("is it true that…", "was it legal…") is none.
_PRONOUN = re.compile(r"\b(?:(?P<own>its|his|their)|it(?!\s+(?:true|possible|likely|legal|illegal|lawful|"
                      r"fair|right|wrong|clear|known|so|the\s+case|enough|mean|matter)\b)|they|them|he|him|she)\b",
                      re.IGNORECASE)
# A part that asks which one, or who did something, is answered by a name it does not give, and a
# pronoun after it points to that answer: "Which country has used the principle, and what did its
# president say?" asks about Kazakhstan's president.
_ASKS_WHICH = re.compile(r"^\W*(?:(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|"
                         r"can|could)\b)[^\W\d_]+|who\s+(?!(?:exactly\s+|really\s+)?(?:is|are|was|were)\b))",
                         re.IGNORECASE)


def _with_antecedent(part: str, before: str) -> str:
    """A later English part that points back and names more, with its first pronoun read as the
    one name the part before gives ("…, and which outlet did he talk to?" after "Who exactly is
    Emmanuel Dupuy" is searched as "which outlet did Emmanuel Dupuy talk to?"); searched alone, it
    named nothing, and searched after the whole part before, that part's answer drew it. A part
    before that gives two names or more ("What did Pashinyan ask Putin, and what did he…?"), or
    only a people's adjective ("Russian"), leaves the pronoun as it is: which one it is, no rule
    here can tell."""
    pronoun = _PRONOUN.search(part)
    if pronoun is None or _ASKS_WHICH.match(before):
        return part
    names = []
    for match in _CAPITALISED.finditer(before):
        words = [w for w in (re.sub(r"['’]s$", "", w) for w in match.group(0).split())
                 if w.lower() not in _NO_NAMES and w.lower().strip(".") not in STOPWORDS]
        if words:
            names.append(" ".join(words))
    if len(names) != 1 or (PlaceNames.countries_of(names[0]) and not is_country_name(names[0])):
        return part
    said = f"{names[0]}'s" if pronoun.group("own") else names[0]
    return f"{part[:pronoun.start()]}{said}{part[pronoun.end():]}"


@dataclass(frozen=True)
class Retrievers:
    """The three retrievers of one index generation."""

    dense: DenseSentenceRetriever
    multilingual: DenseSentenceRetriever
    lexical: BM25SentenceRetriever
    # e5 reading a question both as a query and as a passage (``MultilingualEmbedder.
    # embed_query_both_ways``); ``multilingual`` when not given.
    multilingual_both_ways: DenseSentenceRetriever | None = None
    # Tokenised names of the corpus's interviewers, read once per index generation.
    interviewer_names: tuple[frozenset[str], ...] = ()
    # The same names as written ("Atlantico").
    interviewers: tuple[str, ...] = ()
    # Lower-case words of every speaker's name ("emmanuel", "dupuy", "atlantico", "inosmi").
    speaker_words: frozenset[str] = frozenset()
    # The same, of the interviewees' names only ("emmanuel", "dupuy").
    interviewee_words: frozenset[str] = frozenset()
    # The interviewees' names, whose "according to …" a question's search leaves out.
    interviewees: tuple[str, ...] = ()
    # What the documents say each interviewee is ("French expert", "professor of …"), by which
    # a question may name them (descriptions.py).
    descriptions: tuple[Description, ...] = ()
    # The outlets of the documents' interviews and their interviewers' names ("Atlantico"), which
    # a question of which outlet gave the interview asks for.
    outlets: tuple[str, ...] = ()
    # The texts of the documents' openings: their narration before the first speaker's turn (a
    # headline and a lede; ``AnswerType.openings``).
    openings: frozenset[str] = frozenset()
    # Each interview's interviewer and their turns, in order, as positions of their sentences.
    asking_turns: tuple[tuple[str, tuple[tuple[int, ...], ...]], ...] = ()
    # Lower-case words of the editors' names, also in Cyrillic ("inosmi", "иносми").
    editor_words: frozenset[str] = frozenset()

    def rank(self, text: str, language: str, fusion: ContextFusion,
             config: RunnableConfig | None = None) -> Ranking:
        """Search one question part (``language`` as ``language_of`` read it) and fuse the hits."""
        snap = fusion.snapshot
        search = normalise(text, snap.speller) if language == "en" else text
        inputs: dict[str, Any] = {
            "question": search, "language": language,
            "quotes_interviewer": (
                (_asks_about_interviewer(search, self.interviewer_names)
                 or _asks_what_interviewer_said(search, self.interviewers, self.interviewees))
                and not _asks_reply(search, self.interviewers, self.interviewees)),
            "asks_editor": _asks_about_editor(search, self.editor_words),
            "multilingual": (self.multilingual_both_ways or self.multilingual).invoke(search, config),
        }
        # Sequential on purpose: BM25 takes under a millisecond, while RunnableParallel's
        # thread hand-off cost about 10 ms per question on two cores (see README, Benchmarks).
        if language == "en":
            inputs["dense"] = self.dense.invoke(search, config)
            inputs["lexical"] = self.lexical.invoke(search, config)
        return fusion(inputs)


# Words for those who speak in the documents (the documents' own words, "article", "interview", are
# the corpus's already).
_ABOUT_THE_DOCUMENTS = frozenset({
    "interviewee", "interviewees", "interviewer", "interviewers", "journalist", "journalists", "reporter",
    "reporters", "editor", "editors"})


def _unrelated(asked: str, typed: str, language: str, snapshot: Snapshot) -> bool:
    """An English question none of whose words the documents use ("How do I convert euros to US
    dollars?") is not about them, however close e5 reads its nearest sentence. ``asked`` is the
    question as searched (typos corrected), ``typed`` as typed. Numbers ("2002") are searched as
    they are, and a question none of whose words the language's word list has as typed ("tropas
    rusas") may be in another language, which e5 reads. A word for the documents' people ("Where
    does the interviewee teach?") is about them, used or not."""
    if language != "en":
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", asked.lower()) if w not in STOPWORDS]
    if any(w in _ABOUT_THE_DOCUMENTS for w in words):
        return False
    # Two words at least: a short part of a longer message ("…, and were they civilians?") leans
    # on the part before it.
    return (len(words) >= 2 and not any(snapshot.speller.knows(t) for w in words for t in tokenize(w))
            and any(snapshot.speller.english(w) for w in re.findall(r"[^\W\d_]+", typed.lower())
                    if w not in STOPWORDS))


def _named(question: str, snapshot: Snapshot, descriptions: tuple[Description, ...]) -> str:
    """An English question with an organisation's epithet replaced by the documents' name for it
    ("the Atlantic alliance" is "NATO"), an idiom by its plain meaning ("jump into the fray" is
    "get involved in the fighting", idioms.py) and an interviewee's description by their name ("the
    Lille professor" is "Emmanuel Dupuy"), typos corrected first; as it is when it has none."""
    typed = normalise(question, snapshot.speller)
    named = name_described(plain(snapshot.epithets.resolve(typed)), descriptions)
    return question if named == typed else named


# How far a sentence that tells only how someone spoke falls behind one that tells what they said.
MANNER_PENALTY = 0.1
# How far a sentence that denies nothing falls behind one that does, for a why of something not done.
DENIAL_PENALTY = 0.06
# How far a sentence that states a duty falls behind one that does not, for a question that asks
# whether something is so or was done (``question.asks_whether_so``).
DUTY_PENALTY = 0.03
# How far a sentence that tells the converse of what an English question asks ("Armenia has not
# helped Russia" to "Did Russia help Armenia?"; ``converse.tells_converse``) falls behind the others:
# 0.2 of 0.1 and 0.2 on the tuning questions (0.1 left it first when it holds every word asked).
CONVERSE_PENALTY = 0.2
# How far a sentence of a document's opening that is not its headline falls behind the headline, for a
# question about the headline ("What does the title suggest…?"; the lede says much the same).
HEADLINE_PENALTY = 0.1
# How far a sentence of no editor's note falls behind a note, for a question about the notes ("Does
# the editorial note accept…?", "How does the bracketed reminder characterise…?"): every answerable
# tuning question that names the notes is answered by one.
NOTE_PENALTY = 0.1
# How far a sentence that does not tell what has happened up to now falls behind one that does, for
# an English question of what has happened up to now ("Has any member ever…?";
# ``question.asks_to_date``); 0.1 of 0.05 and 0.1 on the tuning questions.
TO_DATE_PENALTY = 0.1
# How far a sentence that speaks neither of what is to come nor of how likely it is falls behind one
# that does, for a yes-or-no question of what is to come (``question.asks_what_comes``). A reply to
# the interviewer's question of what is to come speaks of it ("…may suffer?" "Not at all. This is an
# insignificant event…"), unless it states a duty. 0.1 of 0.05, 0.1 and 0.2 on the tuning questions.
FUTURE_PENALTY = 0.1
# How far a sentence that passes no judgement falls behind one that does, for an English question
# that asks how good, strong or important something is ("How solid is unity inside the alliance?";
# ``judgement.asks_judgement``): 0.1, the size of the other preferences; no other size was tried.
JUDGEMENT_PENALTY = 0.1
# How far a sentence that names nobody right before the verb falls behind one that does, for an English
# question of who or which country did it ("Which country has used…?"; ``doer.asked_verb``).
DOER_PENALTY = 0.1
# How much closer the sentences right after an earlier part's answer come to a later part that
# points back to it ("Which country alone has used the principle, and why did it ask for help?":
# "Only Kazakhstan has used…" is followed by "At the end of January, …the President of the country
# requested assistance…"): the next ``FOLLOWING`` sentences of the same document, when the earlier
# part is answered. 0.03, of 0.03 and 0.06 tried on the tuning questions (0.06 lost one two-part
# question that 0.03 keeps).
FOLLOWING_BONUS = 0.03
FOLLOWING = 2


def _after(ranking: Ranking, answer: int, snapshot: Snapshot) -> Ranking:
    """The ranking with the sentences right after ``answer`` (in its document) ``FOLLOWING_BONUS``
    closer."""
    doc_id = snapshot.sentences[answer].doc_id
    following = {p for p in range(answer + 1, min(answer + 1 + FOLLOWING, len(snapshot.sentences)))
                 if snapshot.sentences[p].doc_id == doc_id}
    if not any(c.position in following for c in ranking.candidates):
        return ranking
    scored = [replace(c, score=c.score + FOLLOWING_BONUS) if c.position in following else c
              for c in ranking.candidates]
    scored.sort(key=lambda c: (-c.score, c.position))
    return replace(ranking, candidates=tuple(scored))


def _tells_what(wanted: AnswerType, texts: list[str], position: int) -> bool:
    return wanted.tells_what(texts[position])


def _not_converse(question: str, texts: list[str], position: int) -> bool:
    return not tells_converse(question, texts[position])


def _denies_a_deed(texts: list[str], roles: list[str], notes: bool, position: int) -> bool:
    """The sentence says something was not done (``question.denies``); an editor's correction
    ("Russia, not under the agreement with Armenia, but under…") denies a wording, not a deed,
    unless the question asks what the notes say (``notes``)."""
    return denies(texts[position]) and (notes or roles[position] != "editor")


# How many sentences of a reply answer the interviewer's question before it: the first two ("Not at
# all. This is an insignificant event for Russia…").
_REPLY_OPENING = 2


def _asked_of(snapshot: Snapshot) -> list[str]:
    """For each of the first sentences of an interviewee's reply (``_REPLY_OPENING``), the
    interviewer's turn just before it; "" for any other. Editors' notes are set aside wherever they
    stand: they are neither the question nor the reply."""
    out = [""] * len(snapshot.sentences)
    asked: list[str] = []  # the sentences of the interviewer's turn just before
    since = 0  # sentences of the current turn before this one
    last: Sentence | None = None  # the sentence before, notes aside
    for position, s in enumerate(snapshot.sentences):
        if s.role == "editor":
            continue
        if last is None or (last.doc_id, last.turn) != (s.doc_id, s.turn):
            since = 0
            replying = (s.role == "interviewee" and last is not None and last.doc_id == s.doc_id
                        and last.role == "interviewer")
            if not replying:
                asked = []
        if s.role == "interviewer":
            asked.append(s.text)
        elif s.role == "interviewee" and since < _REPLY_OPENING:
            out[position] = " ".join(asked)
        since += 1
        last = s
    return out


def _with_countries(groups: tuple[frozenset[str], ...], places: PlaceNames) -> tuple[frozenset[str], ...]:
    """Each group of names with the countries its capitals and demonyms stand for ("moscow" →
    "russia"); a group of two countries or more typed side by side ("the armenia azerbaijan
    clashes") is a group for each, as when they are typed apart."""
    return tuple(names | {c for n in names for c in places.countries_of(n)}
                 for group in groups for names in _each_country(group))


def _each_country(names: frozenset[str]) -> tuple[frozenset[str], ...]:
    """A group of two country names or more (not demonyms: "Armenian American" is one people) as a
    group for each, the group's other names an alternative to each."""
    countries = sorted(n for n in names if len(PlaceNames.forms_of(n)) > 1 and not PlaceNames.countries_of(n))
    if len(countries) < 2 or any(not PlaceNames.forms_of(a).isdisjoint(PlaceNames.forms_of(b))
                                 for i, a in enumerate(countries) for b in countries[i + 1:]):
        return (names,)
    rest = names.difference(countries)
    return tuple(frozenset({n}) | rest for n in countries)


def _country_of_people(wanted: AnswerType) -> frozenset[str]:
    """The names of the country of the people a "which" asks for (``AnswerType.people_of``), or none
    when the question's other words name that country already."""
    forms = frozenset(f for n in wanted.people_of for c in PlaceNames.countries_of(n)
                      for f in PlaceNames.forms_of(c))
    return frozenset() if forms & (wanted.typed - wanted.people_of) else forms


@lru_cache(maxsize=16)
def _saying_by(interviewers: tuple[str, ...]) -> re.Pattern[str]:
    """The interviewer by role or by name, then a verb of saying (built once per set of names).
    The outlet that gave the interview asks through its interviewer ("What did the magazine suggest…?")."""
    who = "|".join([_INTERVIEWER_WORDS.pattern, _OUTLET_WORDS, *(re.escape(n) for n in interviewers)])
    return re.compile(rf"(?:{who})\s+{_SAYING}", re.IGNORECASE)


def _asks_what_interviewer_said(text: str, interviewers: tuple[str, ...],
                                interviewees: tuple[str, ...]) -> bool:
    """True when a question asks what the interviewer said or asked (``_SAYING``), and names no
    interviewee, by name or by role."""
    if _saying_by(interviewers).search(text) is None:
        return False
    tokens = set(tokenize(text))
    return not (tokens & _INTERVIEWEE_WORDS or any(tokens & set(tokenize(n)) for n in interviewees))


# "What was Atlantico's first question?", "the interviewer's closing query", "Quelle était la
# première question…", "Какой был первый вопрос…": one of the interviewer's turns asked for by its
# place in the interview (0 the first, -1 the last).
_NTH_QUESTION = re.compile(
    r"\b(?:(?P<first>first|opening|initial|1st|premi(?:er|ère)|перв\w+)|(?P<second>second|2nd|deuxième|"
    r"seconde?|втор\w+)|(?P<third>third|3rd|troisième|трет\w+)|(?P<last>last|final|closing|dernière|"
    r"последн\w+|заключительн\w+))\s+(?:\w+\s+)?(?:questions?|quer(?:y|ies)|вопрос\w*"
    # "the very first thing Atlantico asked", "la première chose que le journaliste a demandée"
    r"|things?\s+(?:that\s+)?(?P<who>(?:[\w'’]+\s+){0,3}?)(?:asked|wanted\s+to\s+know)(?!\s+for\b)"
    r"|chose\s+qu(?:e\s+|['’])(?P<qui>(?:[\w'’]+\s+){0,3}?)(?:a\s+)?demand\w*)\b", re.IGNORECASE)
_NTH = {"first": 0, "second": 1, "third": 2, "last": -1}
# "How did Dupuy answer the first question?", "…in reply to the last question?": the reply asked for.
_ASKS_A_REPLY = re.compile(r"\b(?:answer\w*|repl(?:y|ies|ied)|respon\w*|react\w*|say|said|says|tell|told|"
                           r"отвеч\w*|ответ\w*|répon\w*|réag\w*)\b|\b(?:raise|raised|raises|put|asked)\s+by\b",
                           re.IGNORECASE)


def _nth_question_asked(text: str, interviewers: tuple[str, ...],
                        interviewees: tuple[str, ...]) -> int | None:
    """Which of the interviewer's turns a question asks for by its place (``_NTH_QUESTION``), when
    it speaks of the interview: it names the interviewer, by role or by name, the interviewee or
    the interview."""
    match = _NTH_QUESTION.search(text)
    if match is None or _ASKS_A_REPLY.search(text):
        return None
    # The first "thing" asked is the interviewer's ("…the first thing Atlantico asked…"), not
    # another's ("…the first thing Armenia asked…").
    who = re.sub(r"\b(?:the|le|la|l['’])\s*", "", match.group("who") or match.group("qui") or "",
                 flags=re.IGNORECASE).strip()
    if who and not (_INTERVIEWER_WORDS.fullmatch(who) or who in interviewers):
        return None
    tokens = set(tokenize(text))
    if not (_INTERVIEWER_WORDS.search(text) or tokens & (_INTERVIEW | _INTERVIEWEE_WORDS)
            or any(tokens & set(tokenize(n)) for n in (*interviewers, *interviewees))):
        return None
    return _NTH[next(k for k in _NTH if match.group(k))]


def _asking_turns(snapshot: Snapshot) -> tuple[tuple[str, tuple[tuple[int, ...], ...]], ...]:
    """Each interview's interviewer and their turns, in order, as the positions of their sentences."""
    turns: dict[str, dict[int, list[int]]] = {}
    who: dict[str, str] = {}
    for position, s in enumerate(snapshot.sentences):
        if s.role == "interviewer":
            turns.setdefault(s.doc_id, {}).setdefault(s.turn, []).append(position)
            who.setdefault(s.doc_id, s.speaker)
    return tuple((who[doc_id], tuple(tuple(t) for _, t in sorted(by_turn.items())))
                 for doc_id, by_turn in turns.items())


def _the_nth_turn(ranking: Ranking, nth: int, turns: tuple[tuple[str, tuple[tuple[int, ...], ...]], ...],
                  texts: list[str]) -> Ranking:
    """The ranking with the ``nth`` turn of each interview's interviewer as its candidates (only
    the interviews of the interviewer the question names, when it names one), its questions
    first; each holds the signals of the best candidate, for the place of a turn is what answers,
    not its words ("What do we know about this Azerbaijani offensive?" answers "What was
    Atlantico's first question?"). The ranking as it is when no interview has that turn."""
    named = [(who, doc) for who, doc in turns
             if re.search(rf"(?<!\w){re.escape(who)}(?!\w)", ranking.question)]
    chosen = [p for _, doc in (named or turns) if -len(doc) <= nth < len(doc) for p in doc[nth]]
    if not chosen or not ranking.candidates:
        return ranking
    best = ranking.candidates[0]
    chosen.sort(key=lambda p: not texts[p].rstrip().endswith("?"))
    return replace(ranking, candidates=tuple(replace(best, position=p, score=best.score - 1e-6 * i)
                                             for i, p in enumerate(chosen)))


# Where a sentence's clauses part.
_CLAUSE = re.compile(r"\s*[,;:–—]\s*")
# "Which outlet / publication / news site …?", "Who interviewed …?", "Какое издание …?", "Quel
# média …?": the outlet of an interview asked for. (Not "which site": a place may be one.) The
# sentence that answers names it in one clause of a longer sentence ("But it is unlikely … – for
# her it is a "small matter," he said in an interview with Atlantico."), which e5 reads as far
# from the question as a whole (0.78: the support model refused it) and as close in that clause
# (0.83).
_OUTLET_QUESTION = re.compile(
    r"\b(?:which|what)\s+(?!(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could)\b)"
    r"(?:\w+\s+){0,2}?(?:outlets?|publications?|newspapers?|magazines?|media|websites?|"
    r"news\s+sites?|journals?)\b|\bwho\s+(?:interviewed|conducted\s+the\s+interview|did\s+the\s+interview)\b"
    r"|\b(?:как\w+|котор\w+)\s+(?:\w+\s+)?(?:издани\w*|сми|газет\w*|журнал\w*|сайт\w*)"
    r"|\bquel(?:le)?s?\s+(?:\w+\s+)?(?:média|journal|publication|magazine)\b", re.IGNORECASE)


def _asks_which_outlet(text: str, speakers: frozenset[str]) -> bool:
    """True when a question asks which outlet gave the interview ("Which publication interviewed
    Dupuy?", "Какое издание взяло интервью у Дюпюи?"): the outlet asked for, and no one named but
    the corpus's speakers and places ("Which outlet did Tokayev speak to?" asks of someone else)."""
    if not _OUTLET_QUESTION.search(text):
        return False
    names = {re.sub(r"['’]s$", "", w.lower())
             for w in re.findall(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'’-]*", text.strip())}
    return all(n in speakers or PlaceNames.countries_of(n) for n in names)


@lru_cache(maxsize=16)
def _naming(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def _naming_outlet(ranking: Ranking, texts: list[str], outlets: tuple[str, ...],
                   e5: MultilingualEmbedder | None) -> Ranking:
    """The candidates that name an outlet, each as close to the question as e5 reads the clause that
    names it ("…, he said in an interview with Atlantico."); the ranking as it is when none does."""
    naming = _naming(outlets)
    kept = [c for c in ranking.candidates if naming.search(texts[c.position])]
    if not kept:
        return ranking
    return _read_by_phrase(replace(ranking, candidates=tuple(kept)), {
        k.position: next((c for c in _CLAUSE.split(texts[k.position]) if naming.search(c)), texts[k.position])
        for k in kept}, e5)


# "Who is Charles Michel?", "Qui est Charles Michel ?", "кто такой Charles Michel в этой статье?":
# who a named one is, named as the documents write it.
_WHO_IS = re.compile(r"^\W*(?i:who\s+(?:is|was)|who['’]s|qui\s+(?:est|était)|кто\s+(?:так(?:ой|ая)|это))\s+"
                     r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})(?:\s+[^\sA-Z?][^?]*)?\s*\??\s*$")
# How many words before a name may say who it is, and before a list what it lists.
_BEFORE_NAME = 8
_BEFORE_LIST = 4


def _before_name(name: str, sentence: str) -> str:
    """The words of ``sentence``'s clause just before ``name``, and the name; "" when it lacks it."""
    at = sentence.find(name)
    if at < 0:
        return ""
    clause = _CLAUSE.split(sentence[:at])[-1].split()
    return " ".join([*clause[-_BEFORE_NAME:], name])


# A list of three names or more: "Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan".
_NAME_LIST = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)+"
                        r"\s*,?\s+and\s+[A-Z][\w'’-]+")


def _listed(sentence: str) -> str:
    """The list of names a sentence gives, with the words just before it ("the CSTO member
    countries (Russia, …)"); "" when it gives none."""
    found = _NAME_LIST.search(sentence)
    if found is None:
        return ""
    before = re.sub(r"[^\w\s'’-]", " ", sentence[:found.start()]).split()
    return " ".join([*before[-_BEFORE_LIST:], found.group()])


def _read_by_phrase(ranking: Ranking, phrases: dict[int, str], e5: MultilingualEmbedder | None) -> Ranking:
    """The ranking with each candidate that has a phrase in ``phrases`` (by position) as close to
    the question as e5 reads that phrase, when closer than the whole sentence: the part of a long
    sentence that holds what is asked ("…, he said in an interview with Atlantico.", "Armenian
    Prime Minister Nikol Pashinyan") is what must be close to it."""
    if e5 is None or not phrases:
        return ranking
    positions = list(phrases)
    closeness = e5.encode_passages([phrases[p] for p in positions]) @ np.asarray(
        e5.embed_query_both_ways(ranking.question))
    close = dict(zip(positions, closeness.tolist(), strict=True))
    return replace(ranking, candidates=tuple(
        replace(c, multilingual=max(c.multilingual, close[c.position])) if c.position in close else c
        for c in ranking.candidates))


# "When the interviewer asked whether…", "…when Atlantico suggested…": what was asked, in a clause
# that sets the scene for what the reply was (``_when_asked``).
@lru_cache(maxsize=16)
def _when_asked(interviewers: tuple[str, ...]) -> re.Pattern[str]:
    """"When (the interviewer | Atlantico) asked…", "when asked…" (built once per set of names)."""
    who = "|".join([_INTERVIEWER_WORDS.pattern, *(re.escape(n) for n in interviewers)])
    return re.compile(rf"\b(?:when|after|once)\s+(?:(?:the\s+)?(?:{who})\s+)?(?:asked|suggested|put|raised|"
                      r"wondered|questioned|pressed|quizzed|proposed)\b", re.IGNORECASE)


def _asks_reply(text: str, interviewers: tuple[str, ...], interviewees: tuple[str, ...]) -> bool:
    """True when a question asks the interviewee's reply to what the interviewer asked ("When the
    interviewer asked if…, how did Dupuy reframe it?"): it names the interviewee, by name or by
    role, and what the interviewer asked is a clause of its own (``_when_asked``: the interviewer,
    by role or by name, or no one, "when asked…")."""
    if _when_asked(interviewers).search(text) is None:
        return False
    tokens = set(tokenize(text))
    return bool(tokens & _INTERVIEWEE_WORDS) or any(tokens & set(tokenize(n)) for n in interviewees)


def _editor_words(snapshot: Snapshot) -> frozenset[str]:
    """The words of the editors' names, also in Cyrillic ("inosmi", "иносми"), but for function
    words and those of an interviewer's or interviewee's name (a document without an editor of its
    own has its interviewer speak its notes)."""
    def words(roles: tuple[str, ...]) -> set[str]:
        return {w for s in snapshot.sentences if s.role in roles
                for w in re.findall(r"[^\W\d_]{3,}", s.speaker.lower()) if w not in STOPWORDS}

    return frozenset(f for w in words(("editor",)) - words(("interviewer", "interviewee"))
                     for f in (w, to_cyrillic(w)))


def _asks_about_editor(text: str, names: frozenset[str]) -> bool:
    """Whether a question asks about the editors' notes, by a word for them or an editor's name."""
    return (_EDITOR_WORDS.search(text) is not None
            or any(w in names for w in re.findall(r"[^\W\d_]+", text.lower())))


def _asks_about_interviewer(text: str, names: tuple[frozenset[str], ...]) -> bool:
    if _INTERVIEWER_WORDS.search(text):
        return True
    tokens = set(tokenize(text))
    about = bool(tokens & _INTERVIEW) or any(name and name <= tokens for name in names)
    return about and bool(_ASKED.search(text))


def _openings(snapshot: Snapshot) -> frozenset[str]:
    """The texts of each document's narration before its first speaker's turn (none for a document
    that is narration throughout: its opening cannot be told from its body)."""
    opening: dict[str, list[str]] = {}
    turned: set[str] = set()  # documents whose first speaker's turn has come
    for s in snapshot.sentences:
        if s.role != "narrator":
            turned.add(s.doc_id)
        elif s.doc_id not in turned:
            opening.setdefault(s.doc_id, []).append(s.text)
    return frozenset(text for doc_id, texts in opening.items() if doc_id in turned for text in texts)


def build_chain(store: Chroma, multilingual_store: Chroma, snapshot: Snapshot, *,
                context_store: Chroma | None = None, candidates: int = 30,
                max_citations: int = 3) -> Runnable[str, Answer]:
    """Wire the retrievers, the fusion, the support check and the composer into one Runnable.

    ``context_store`` holds e5's vectors of the sentences read in context; without it e5 reads
    context the way MiniLM does, from the neighbours' vectors.
    """
    retrievers = Retrievers(
        dense=DenseSentenceRetriever(store=store, snapshot=snapshot, k=candidates),
        multilingual=DenseSentenceRetriever(store=multilingual_store, snapshot=snapshot,
                                            context_store=context_store, k=candidates),
        multilingual_both_ways=DenseSentenceRetriever(
            store=multilingual_store, snapshot=snapshot, context_store=context_store, k=candidates,
            embed=multilingual_store.embeddings.embed_query_both_ways)
        if isinstance(multilingual_store.embeddings, MultilingualEmbedder) else None,
        lexical=BM25SentenceRetriever(snapshot=snapshot, k=candidates),
        interviewer_names=tuple({frozenset(tokenize(s.speaker)) for s in snapshot.sentences
                                 if s.role == "interviewer"}),
        interviewers=tuple(sorted({s.speaker for s in snapshot.sentences if s.role == "interviewer"})),
        speaker_words=frozenset(w.lower() for s in snapshot.sentences for w in s.speaker.split()),
        interviewee_words=frozenset(w.lower() for s in snapshot.sentences if s.role == "interviewee"
                                    for w in s.speaker.split()),
        interviewees=tuple(sorted({s.speaker for s in snapshot.sentences if s.role == "interviewee"})),
        descriptions=describe([d.text for d in snapshot.documents.values()],
                              {s.speaker for s in snapshot.sentences if s.role == "interviewee"}),
        openings=_openings(snapshot),
        asking_turns=_asking_turns(snapshot),
        outlets=tuple(sorted({n for d in snapshot.documents.values()
                              for n in (d.meta.outlet, d.meta.interviewer) if n})),
        editor_words=_editor_words(snapshot),
    )
    fusion = ContextFusion(snapshot)
    e5 = (multilingual_store.embeddings if isinstance(multilingual_store.embeddings, MultilingualEmbedder)
          else None)
    texts = [s.text for s in snapshot.sentences]
    in_context = read_in_context(snapshot.sentences)
    # Who says a sentence is part of what it is about. Its document's title stands in only for two
    # names or more (``AnswerType.satisfied_by``): a count in an article about Armenia and
    # Azerbaijan is not a count in Azerbaijan.
    setting = [s.speaker for s in snapshot.sentences]
    roles = [s.role for s in snapshot.sentences]
    title = [snapshot.documents[s.doc_id].meta.title for s in snapshot.sentences]
    years = years_of(texts)
    # Which sentences speak of what is to come: by their words, or as a reply's opening to the
    # interviewer's question of it, unless they state a duty (read once per index generation).
    foreseeing = [foresees(text) or (turn_asks_what_comes(asked) and not states_duty(text))
                  for text, asked in zip(texts, _asked_of(snapshot), strict=True)]

    def assess(question: str, config: RunnableConfig) -> Assessment:
        judged: list[Judged] = []
        # The message's question out of its wrapping, then each part out of its own ("Who is
        # Dupuy? Thanks! What is the CSTO?").
        before = ""  # the part before, as searched
        message = tidy(question)
        # Chat shorthand is spelled out before the parts are read ("who is dupuy n wat does he
        # think" is two questions), in an English message only ("Y a-t-il…" is French; "skolko u
        # nas" Russian in Latin letters).
        if language_of(message) == "en" and not reads_as_russian(message):
            message = normalise(message, None)
        for part in map(unwrap, split_parts(message)):
            # A part typed in capitals is first written as the documents write its words (e5
            # reads case). Capitals are read as their countries (English only, and before the
            # speller could take one for a typo); another language's acronyms get the
            # documents' English ones, and the names it gives that the documents write are
            # spelt their way ("Pachinian" is "Pashinyan", foreign_names.py). The language is read
            # once, before those rewrites:
            # "ОДКБ (CSTO)" must not change how the part is searched. An English part's epithets of
            # organisations ("the Atlantic alliance") and of the interviewee ("the Lille
            # professor") are read as the names the documents use (epithets.py, descriptions.py),
            # and its idioms as their plain meaning (idioms.py).
            cased = snapshot.casing.restore(part, snapshot.acronyms.is_foreign)
            if reads_as_russian(cased):  # "skolko voennyh v Armenii?" → "сколко военных в Армении?"
                cased = to_cyrillic(cased, lambda w: len(w) > 3 and snapshot.casing.form(w) is not None)
            language = language_of(cased)
            foreign = snapshot.foreign_names
            read = (_named(snapshot.places.resolve(cased), snapshot, retrievers.descriptions)
                    if language == "en" else foreign.in_english(snapshot.acronyms.annotate(cased)))
            # e5 alone reads another language, and reads "Selon Dupuy, …" as close to the lines that
            # name Dupuy as to the answer (attribution.py).
            search = read if language == "en" else without_attribution(read, retrievers.interviewees)
            # A later part that points back and names nothing else ("…, and when did it start?") is
            # searched after the part it points to, which names what "it" is; what it asks is its
            # own. One that names more ("…, which countries are its members?") is searched with
            # its pronoun read as the name the part before gives (``_with_antecedent``): after the
            # whole part before, the earlier answer drew it. Either way, it asks of what that
            # part names, and is not answered when that part is not.
            # So is one that asks the response to a request the part before names ("What did
            # Pashinyan ask for, and how did Moscow react?"): it asks how that request was met.
            # One that names nothing but asks for a thing of it ("When was the CSTO founded, and
            # which countries are in it?") is searched with its pronoun read as that name too:
            # after the whole part before, that part's answer drew it.
            own, earlier = search, ""
            response = bool(before) and responds_to(search, before)
            read_as = _with_antecedent(search, before) if before and language == "en" else search
            if before and (response or _ELLIPTICAL.match(search) or _OF_THE_PART_BEFORE.match(search)
                           or not tokenize(search)
                           or (_POINTS_BACK.search(search) and len(tokenize(search)) <= 1
                               and not (read_as != search and _ASKS_WHICH.match(search)))):
                search, earlier = f"{before} {search}", before
            elif before and language == "en":
                search = read_as
            asks_of_before = search != own  # searched with the part before, or a name of it
            before = own
            ranking = retrievers.rank(search, language, fusion, config)
            # A later part that points back ("…, and why did it ask for help?") is most often
            # answered where the document goes on from the earlier part's answer.
            if (judged and judged[-1].support.outcome == ANSWERS and judged[-1].ranking.candidates
                    and _POINTS_BACK.search(own)):
                ranking = _after(ranking, judged[-1].ranking.candidates[0].position, snapshot)
            # What is asked is read from the search text, typos corrected ("Tokyev" is the
            # documents' "Tokayev"; a word of the language is never "corrected", lexicon.py).
            if ranking.language != "en":
                asked = cased
            elif earlier:  # what the part asks is its own, without the part before
                asked = normalise(own, snapshot.speller)
            else:
                asked = ranking.question
            wanted = answer_type(asked, retrievers.speaker_words)
            # Someone the documents never name, in any spelling ("Pachinian" is their "Pashinyan"),
            # is told of by no sentence.
            if ranking.language == "en":
                unknown = snapshot.speller.strangers(asked)
                wanted = replace(wanted, strangers=tuple(w for w in unknown if not foreign.known(w.title())))
            if earlier:  # what the part before names is no new fact ("…, and who is financing it?")
                named = answer_type(earlier, retrievers.speaker_words)
                wanted = replace(wanted, words=wanted.words | named.words, given=wanted.given | named.given,
                                 response=wanted.response or response)
            if ranking.language != "en":
                # Whose words, stand or role a Russian or French question asks for, and the places
                # of its count, in the documents' English names ("Китая" → "china").
                abroad = asked_abroad(cased, snapshot.foreign_names, retrievers.speaker_words)
                # A number or a time is about the acronyms it names too, in the documents' English
                # ones ("…l'OTAN…" asks of NATO; a sentence may spell it out).
                spelt = tuple(frozenset({a.lower()}) for a in snapshot.acronyms.named_in(cased) if len(a) > 2)
                wanted = replace(wanted, role=abroad.role or wanted.role, about=abroad.about + spelt,
                                 words=wanted.words | abroad.names, requester=frozenset(
                                     f for n in abroad.requester for f in PlaceNames.forms_of(n)))
                # Who heads a body the documents name in English is asked as "the head of" it.
                if not wanted.role and (body := body_head(read)) is not None:
                    wanted = replace(wanted, role=("head", body))
                # A Russian or French yes-or-no question is held to its names as an English one is.
                if asks_whether(cased):
                    wanted = replace(wanted, yes_no=tuple(
                        frozenset(f for n in names for f in PlaceNames.forms_of(n))
                        for names in abroad.about))
                if abroad.whom:
                    wanted = replace(wanted, speech=abroad.speech, stance=abroad.stance,
                                     speaker=abroad.speaker, speaker_named=bool(abroad.speaker))
            # A number or a time must be about the places and people asked about, or the
            # countries their capitals and demonyms stand for ("Moscow", "French").
            # So must the one whose words or stand are asked for: "How did Russia react?" is
            # answered by a sentence about Moscow.
            # Capitals that the documents do not write as an acronym and that spell a word of the
            # language stress it ("How many troops are REALLY…?"): the number is about no such thing.
            stressed = {w.lower() for w in _CAPITALS.findall(asked)
                        if w not in snapshot.acronyms.used and snapshot.speller.english(w.lower())}
            wanted = replace(wanted, about=tuple(names for names in wanted.about if not names <= stressed))
            wanted = replace(wanted, about=_with_countries(wanted.about, snapshot.places),
                topic=_with_countries(wanted.topic, snapshot.places),
                speaker=frozenset(f for n in wanted.speaker for f in snapshot.places.forms_of(n)),
                # and so must the country of the people a "which" asks for, when it names one and
                # the question does not place them there itself ("Which Armenian politicians are
                # the hawks in Yerevan?" is answered by "The hawks, led by…").
                people_of=_country_of_people(wanted),
                # and a name is no new fact when it stands for a place the question names
                # ("Yerevan" to "Which Armenian politicians…?").
                words=frozenset(f for w in wanted.words for f in snapshot.places.forms_of(w)),
                # and a year of the documents it gives must be the sentence's ("…in 2020?").
                years=years_given(cased, years), openings=retrievers.openings,
                # A yes-or-no question's names must be the sentence's, but for the interviewee's,
                # whose words the lede reports without his name ("…, he said in an interview…").
                yes_no=tuple(names for names in wanted.yes_no if not names & retrievers.interviewee_words))
            # Which outlet gave the interview is said by the sentences that name it, and by the
            # clause of each that does.
            if retrievers.outlets and _asks_which_outlet(ranking.question, retrievers.speaker_words):
                ranking = _naming_outlet(ranking, texts, retrievers.outlets, e5)
            # The interviewer's first (second, last) question is that turn of theirs.
            nth = _nth_question_asked(ranking.question, retrievers.interviewers, retrievers.interviewees)
            by_place = False  # whether the turn asked for by its place is the answer
            if nth is not None:
                turn = _the_nth_turn(ranking, nth, retrievers.asking_turns, texts)
                by_place, ranking = turn is not ranking, turn
            # What the interviewer said is in the interviewer's own sentences, not in the replies.
            elif _asks_what_interviewer_said(ranking.question, retrievers.interviewers,
                                             retrievers.interviewees):
                said = [c for c in ranking.candidates if snapshot.sentences[c.position].role == "interviewer"]
                # A reason the interviewer offered is given where a reason is ("Perhaps because of
                # the special operation…?"), not by the question it explains ("Has Russia really
                # ignored this clash?"), when one of their sentences gives one.
                reasons = [c for c in said if _GIVES_REASON.search(texts[c.position])]
                ranking = replace(ranking, candidates=tuple(
                    reasons if reasons and _ASKS_REASON.search(ranking.question) else said))
            typed = {s.position for s in ranking.candidates
                     if wanted.satisfied_by(texts[s.position], in_context[s.position], setting[s.position],
                                            title[s.position])}
            # Who holds a role is said by the words that give the role and the name beside it;
            # who someone is, by the words just before their name ("…proposed by the head of the
            # European Council Charles Michel").
            if wanted.role and wanted.person:
                spans = {p: span for p in typed
                         if (span := role_span(wanted.role, texts[p], named=True)) is not None}
                ranking = _read_by_phrase(ranking, {p: texts[p][a:b] for p, (a, b) in spans.items()}, e5)
            elif (who := _WHO_IS.match(ranking.question)) is not None:
                ranking = _read_by_phrase(ranking, {
                    p: phrase for p in typed if (phrase := _before_name(who.group("name"), texts[p]))}, e5)
            # Which countries, by the list that names them ("…the CSTO member countries (Russia,
            # Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan)").
            elif wanted.country:
                ranking = _read_by_phrase(ranking, {
                    p: phrase for p in typed if (phrase := _listed(texts[p]))}, e5)
            ranking = prefer_typed(ranking, typed.__contains__, TYPE_PENALTY)
            # What someone said is told by a sentence that gives it, before the one that says how
            # they spoke ("…Tokayev spoke not at all in an allied way. He stated that…").
            if wanted.speech:
                ranking = prefer_typed(ranking, partial(_tells_what, wanted, texts), MANNER_PENALTY)
            if asks_why_not(asked):
                ranking = prefer_typed(ranking, partial(
                    _denies_a_deed, texts, roles, _asks_about_editor(search, retrievers.editor_words)),
                    DENIAL_PENALTY)
            if asks_whether_so(asked if ranking.language == "en" else cased, ranking.language):
                ranking = prefer_typed(ranking, lambda p: not states_duty(texts[p]), DUTY_PENALTY)
            if asks_what_comes(asked if ranking.language == "en" else cased, ranking.language):
                ranking = prefer_typed(ranking, foreseeing.__getitem__, FUTURE_PENALTY)
            if ranking.language == "en" and asks_to_date(asked):
                ranking = prefer_typed(ranking, lambda p: tells_to_date(texts[p]), TO_DATE_PENALTY)
            if ranking.language == "en" and asks_judgement(asked):
                ranking = prefer_typed(ranking, lambda p: judges(texts[p]), JUDGEMENT_PENALTY)
            if ranking.language == "en" and (verb := asked_verb(asked)):
                ranking = prefer_typed(ranking, lambda p: names_doer(verb, texts[p]), DOER_PENALTY)
            ranking = break_tie(ranking)
            # After the tie is broken: e5 must not bring a sentence of no note back before the notes.
            if _asks_about_editor(search, retrievers.editor_words):
                ranking = prefer_typed(ranking, lambda p: roles[p] == "editor", NOTE_PENALTY)
            if ranking.language == "en":
                ranking = prefer_typed(ranking, partial(_not_converse, asked, texts), CONVERSE_PENALTY)
            if asks_headline(asked if ranking.language == "en" else cased):
                ranking = prefer_typed(ranking, lambda p: bool(title[p]) and texts[p] in title[p],
                                       HEADLINE_PENALTY)
            values = features(ranking, wanted, texts, in_context, setting=setting, title=title,
                              category=asked_category(asked), known=snapshot.speller.knows)
            # Small talk as typed, too: the speller reads a one-word "merci" as "mercy".
            # So is a question about a year the documents never come near ("…in the 2022
            # referendum?"), in any language, and a request for advice for the one who asks ("How
            # do I get a visa for Azerbaijan?").
            # And so is a part that points back to a part before about nothing the documents
            # touch ("What is the Lachin corridor and why does it matter?"): what "it" is, they
            # do not say.
            # A part searched after the part before asks of it ("…, and why did it do so?"): it is
            # no small talk, whatever its own words.
            unasked = (((is_small_talk(cased) or is_small_talk(asked)) and not earlier)
                       or asks_for_advice(cased)
                       or _unrelated(asked, cased, ranking.language, snapshot)
                       or years_elsewhere(cased, years)
                       or (asks_of_before and not response and judged[-1].support.outcome == NONE))
            # A turn asked for by its place answers, whatever its words: they are not the question's.
            support = Support(NONE, 0.0) if unasked else Support(ANSWERS, 1.0) if by_place else decide(values)
            judged.append(Judged(part, ranking, support, values))
        return Assessment(question, tuple(judged))

    compose = RunnableLambda(AnswerComposer(snapshot, max_citations=max_citations),
                             name="compose_answer")
    return RunnableLambda(assess, name="rank_and_judge") | compose
