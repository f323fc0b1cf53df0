"""A question's "according to the interviewee" is not what it asks about.

In an interview every answer is the interviewee's, so "Selon Dupuy, la Russie va-t-elle
s'impliquer dans les combats ?" asks what "la Russie va-t-elle s'impliquer dans les combats ?"
asks. Searched with the name, it came closest to the lines that *name* the interviewee (the
lede's "…, French expert Emmanuel Dupuy believes.", the biography line) rather than to the
answer. The attribution is taken off what is searched: "according to X", "in X's view",
"selon X", "d'après X", "по мнению X", "по словам X", "X считает, что …", and X in "Que dit X
des …?" or "Что X говорит про …?", where X is an interviewee's name (or a word of it) or a word
for the interviewee's role ("the expert", "l'analyste", "эксперта"). Only the interviewee's:
"according to InoSMI's note" asks for an editor's note and "What did Tokayev say?" for
Tokayev's words. "Who is Dupuy?" and "Où enseigne Emmanuel Dupuy ?" ask about the interviewee
and have no frame, so they keep the name.

Only a question in another language is searched without its frame: it is ranked by e5 alone,
which reads a name strongly. An English question is also read by MiniLM and by word matching,
which count the interviewee's name as a word of every one of their sentences, and on the tuning
questions taking the frame off English ones lost two answers and gained one: "According to the
French analyst, what is this flare-up really putting to the test?" is answered by the lede,
which says what "French expert Emmanuel Dupuy believes".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Words for the interviewee by role, in the bot's languages (Russian in any case ending).
_ROLES = (r"(?:(?:the|this|that|our|l['’]|le|cet|cette|ce)\s*)?(?:french\s+|français\s+|francais\s+"
          r"|[а-яё]+(?:ого|его|ый|ий|ой)\s+)?"
          r"(?:expert|analyst|analyste|specialist|spécialiste|interviewee|politologue|"
          r"эксперт\w*|аналитик\w*|политолог\w*|специалист\w*)(?:\s+(?:français|francais))?")
# What may follow a frame typed without its comma: a question word or an article ("Selon Dupuy
# la Russie…?"), not the rest of a longer name ("Selon l'expert de l'Atlantico, …").
_NEXT = (r"(?=(?:what|how|why|who|whom|which|where|when|is|are|was|were|does|did|do|will|can|could|would|"
         r"quel\w*|que|qu['’]|pourquoi|comment|où|quand|est-ce|la|le|les|l['’]|что|как\w*|почему|зачем|где|"
         r"когда|кто|сколько|ли)\b)")
_END = r"(?=\s*[?.!]*\s*$)"
# A frame must leave a question of two words or more.
_MIN_WORDS = 2


@lru_cache(maxsize=64)
def _frames(names: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    words = sorted({w for n in names for w in [n, *n.split()] if len(w) > 2}, key=len, reverse=True)
    name = "|".join(re.escape(w) for w in words) or r"(?!x)x"
    # "Dupuy", "the expert", "l'analyste Emmanuel Dupuy", "французского эксперта"
    who = rf"(?:{_ROLES}(?:\s+(?:{name}))?|(?:{name}))(?:['’]s?)?"
    by_name = r"(?:according\s+to|in\s+the\s+(?:view|opinion|words)\s+of)"
    flags = re.IGNORECASE
    lead = rf"(?:{by_name}|selon|d['’]après|по\s+мнению|по\s+словам)"
    return (
        # "According to Dupuy, …", "Selon l'expert, …", "По мнению эксперта, …", "Pour Dupuy, …"
        (re.compile(rf"^\s*(?:{lead}|pour|как\s+считает|как\s+говорит)\s+{who}\s*,\s*", flags), ""),
        (re.compile(rf"^\s*(?:{lead}|как\s+считает|как\s+говорит)\s+{who}\s+{_NEXT}", flags), ""),
        # "In the expert's view, …"
        (re.compile(rf"^\s*in\s+{who}\s+(?:view|opinion|words)\s*,?\s*", flags), ""),
        # "Где, по словам эксперта, наблюдается …?", "Why, according to Dupuy, …?"
        (re.compile(rf"\s*,\s*{lead}\s+{who}\s*,\s*", flags), " "),
        # "…, according to the expert?", "…, in the expert's view?", "…, selon Dupuy ?"
        (re.compile(rf"\s*,?\s*(?:{lead}\s+{who}|in\s+{who}\s+(?:view|opinion|words)){_END}", flags), ""),
        # "Dupuy считает, что …"
        (re.compile(rf"^\s*{who}\s+(?:считает|думает|полагает|уверен)\s*,?\s*что\s+", flags), ""),
        # "Pourquoi Dupuy pense-t-il que …?"
        (re.compile(rf"(?<=\s){who}\s+(?:pense|estime|croit|considère)-t-il\s+que\s+", flags), ""),
        # The name alone between a verb of saying and what it is said about: "Que dit Dupuy des …?"
        (re.compile(rf"(?<=\bdit\s){who}\s+(?=(?:de|des|du|sur)\b)", flags), ""),
        (re.compile(rf"(?<=\bчто\s){who}\s+(?=(?:говорит|думает|считает)\b)", flags), ""),
    )


def without_attribution(question: str, interviewees: Iterable[str]) -> str:
    """The question without an "according to the interviewee" frame (see the module docstring);
    the question as it is when it has none, or when nothing would be left of it."""
    names = tuple(sorted(n for n in interviewees if n.strip()))
    out = question
    for frame, replacement in _frames(names):
        out = frame.sub(replacement, out, count=1)
    out = " ".join(out.split())
    if out == " ".join(question.split()) or len(re.findall(r"[^\W\d_]+", out)) < _MIN_WORDS:
        return question
    return out[:1].upper() + out[1:]
