"""What a question is before it is searched: its language, its casual spelling, its parts.

* **Language.** A question in another script, or in Latin letters with another language's
  function words (French, Spanish, German, Italian, Portuguese), is searched with the
  multilingual encoder alone: English word matching and the English-tuned encoder only add noise
  to it.
* **Casual typing.** Chat abbreviations ("r", "u", "wat") are spelled out and a misspelt word
  that is one edit from a word of the corpus ("armnia") is replaced by it. The corpus, not a
  dictionary, is the reference, so names are corrected too and nothing is keyed to one article.
* **Parts.** "How many troops are there, and what happened to them?" is two questions; each
  part is searched on its own so that each gets its quote.
* **Answer type.** "How many", "who" and "when" questions need a number, a name or a time in
  the sentence that answers them; the support check uses this.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from retrieval.lexical import STOPWORDS, tokenize

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)

# Function words of other Latin-script languages that are not English words.
_FOREIGN_FUNCTION_WORDS = frozenset("""
le la les des du une est sont quel quelle quels quelles pourquoi combien qui que qu est-ce
comment où selon dans pour avec sur ils elle elles ont été cette ces leur leurs aux au et ou
pas ne fait peut après contre entre sans chez lors quand depuis
el los las del por para como qué quién cuál cuántos dónde cuándo porque es son fue está están
der die das und ist sind wer wie warum wann welche welcher nicht mit für auf dem den ein eine
il gli della delle perché chi sono quale quanti dove è
os das dos uma não por que quem qual quantos onde quando
""".split())  # noqa: SIM905 - a word list reads best as text
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

_NEXT_PART = re.compile(
    r"(?:,\s*|;\s*|\s+)(?:and(?:\s+also)?|also|plus|as\s+well\s+as)\s+"
    r"(?=(?:what|who|whom|whose|which|when|where|why|how|did|does|do|is|are|was|were|can|could|"
    r"will|would|has|have|had|should)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[?])\s*(?=\S)")

_NUMBER_QUESTION = re.compile(r"\b(how\s+(many|much|big|large|long|old)|what\s+(number|share|"
                              r"percentage|proportion|portion|part)|what\s+%)", re.IGNORECASE)
_PERSON_QUESTION = re.compile(r"^\W*(who|whom|whose)\b|\bwho\s+(is|was|are|were)\b|\bname\b",
                              re.IGNORECASE)
_TIME_QUESTION = re.compile(r"\b(when|what\s+(year|date|day|month|time)|since\s+when|how\s+long\s+ago)\b",
                            re.IGNORECASE)
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                     r"million|billion|dozen|half|single|most|all|none|only)\b", re.IGNORECASE)
_TIME = re.compile(r"\b(\d{3,4}|january|february|march|april|may|june|july|august|september|"
                   r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
                   r"sunday|night|day|week|month|year|yesterday|today|immediately|already|"
                   r"after|before|during|since|ago|recent|last|first)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def language_of(question: str) -> str:
    """"en" for an English question, "other" for any other language or script."""
    letters = _LETTER.findall(question)
    if not letters:
        return "en"
    latin = sum(1 for ch in letters if _LATIN.match(ch))
    if latin < 0.5 * len(letters):
        return "other"
    words = [w.lower() for w in _WORD.findall(question)]
    foreign = sum(w in _FOREIGN_FUNCTION_WORDS and w not in _ENGLISH_HINTS for w in words)
    english = sum(w in _ENGLISH_HINTS for w in words)
    return "other" if foreign >= 2 and foreign > english else "en"


class Speller:
    """Corrects words one edit away from a corpus word (SymSpell-style delete index)."""

    MIN_LENGTH = 4

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w.lower() for w in _WORD.findall(text))
        self._counts = counts
        self._deletes: dict[str, str] = {}
        for word, _ in counts.most_common():
            if len(word) < self.MIN_LENGTH:
                continue
            for variant in (word, *_deletions(word)):
                self._deletes.setdefault(variant, word)  # most frequent word wins

    def correct(self, word: str) -> str:
        """The corpus word one edit from ``word``, or ``word`` itself."""
        lower = word.lower()
        if (len(lower) < self.MIN_LENGTH or lower in self._counts or lower in _ENGLISH_HINTS
                or not lower.isalpha()):
            return word
        for variant in (lower, *_deletions(lower)):
            found = self._deletes.get(variant)
            if found is not None and _one_edit(lower, found):
                return found
        return word


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
    out = []
    for token in question.split():
        core = token.strip(".,!?;:()\"'")
        lower = core.lower()
        if lower in _SHORTHAND:
            replacement = _SHORTHAND[lower]
            token = token.replace(core, replacement) if replacement else ""
        elif speller is not None and core:
            token = token.replace(core, speller.correct(core))
        if token:
            out.append(token)
    return " ".join(out) or question


def split_parts(question: str) -> list[str]:
    """The separate questions in one message, in order (one element when there is one)."""
    pieces = [p.strip() for p in _SENTENCE_END.split(question) if p.strip()]
    parts: list[str] = []
    for piece in pieces:
        parts.extend(p.strip(" ,;") for p in _NEXT_PART.split(piece) if p.strip(" ,;"))
    parts = [p for p in parts if tokenize(p)]
    return parts if len(parts) > 1 else [question]


@dataclass(frozen=True)
class AnswerType:
    """What kind of fact a question asks for."""

    number: bool
    person: bool
    time: bool

    def satisfied_by(self, sentence: str) -> bool:
        """True when a sentence holds the kind of fact asked for (or nothing special is asked)."""
        if self.number and not _NUMBER.search(sentence):
            return False
        if self.time and not _TIME.search(sentence):
            return False
        return not (self.person and not _NAME.search(sentence))


def answer_type(question: str) -> AnswerType:
    """The kind of fact an English question asks for."""
    return AnswerType(number=bool(_NUMBER_QUESTION.search(question)),
                      person=bool(_PERSON_QUESTION.search(question)),
                      time=bool(_TIME_QUESTION.search(question)))
