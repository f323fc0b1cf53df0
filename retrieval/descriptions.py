"""An interviewee named by what the documents say they are: "the Lille professor" is Dupuy.

Users name the one interviewed by a description as often as by name: "the French analyst",
"the Lille professor", "the president of the Institute for Security Perspectives in Europe". Such
a description is searched for as words, and comes closest to the lines that hold those words (the
biography line, the lede's "…, French expert Emmanuel Dupuy believes") rather than to what the
question asks of him. Named, he is read as every answer of his turns is (the name is a word of
each of his sentences, ``retrieval.retriever``), so an English question's description is
replaced by the name before it is searched.

What describes an interviewee is read from the documents, in the two forms news copy uses: the
words just before the name ("French expert Emmanuel Dupuy") and the predicate of a sentence that
says who the name is ("Emmanuel Dupuy is a professor of geopolitical sciences at the Catholic
University of Lille, he is also the president of …"). A description in a question is a word for
the role ("expert", "professor", "president") with words of that description before it ("the
Lille professor", "the Lille-based academic") or after it ("the president of the Institute for
Security Perspectives in Europe"). A word that says only the role ("the expert", "the analyst")
is left as typed: on the tuning questions naming it lost as many answers as it gained (the lede
answers "What does the analyst say…?" as often as the replies do). A role the documents give
someone ("president") needs words of that someone's description, or "What did the president
say?" would ask about Dupuy. A description with a word the documents do not give ("the
Armenian expert") names no one, and neither does "Who is the French expert…?", which asks who
the description is. A role read beside the name must be a noun: "…, explained Emmanuel Dupuy"
describes no one as "explained".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from retrieval.lexical import STOPWORDS, tokenize

# Words that say only that someone is the one interviewed, whoever they are.
_ROLES = frozenset(tokenize("expert analyst professor scholar academic specialist guest interviewee "
                            "commentator researcher political scientist"))
_DETERMINERS = frozenset({"the", "this", "that", "our"})
# What may join a description word in one hyphenated word ("Lille-based", "French-born").
_JOINERS = frozenset({"based", "born", "trained"})
# A question's tokens, with their places: words (hyphens and a possessive kept), or one other
# character.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*(?:['’]s?)?|\S")
# "Emmanuel Dupuy is a professor …": what follows says who the name is.
_IS_A = r"\s+(?:is|was)\s+(?:also\s+)?(?:a|an|the)\s+(?P<what>[^.;!?]+)"
# "Who is the French expert …?" asks who the description is.
_ASKS_WHO = re.compile(r"\bwho(?:['’]s|\s+(?:is|was))\s+(?:\w+\s+)?$", re.IGNORECASE)
# An article, then lower-case words: the last before "of", "at", a comma… is the role in a
# description ("a professor of …", "the president of …", "a leading expert on …").
_ROLE_IN = re.compile(r"\b(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)"
                      r"(?=\s+(?:of|at|in|on|for|with|and|who|from)\b|\s*[,;.]|\s*$)")
# Endings of a verb, not of a noun for a role ("explained", "arguing").
_VERB_ENDINGS = ("ed", "ing")


@dataclass(frozen=True)
class Description:
    """What the documents say one interviewee is."""

    name: str
    words: frozenset[str]  # stems of the description's words ("french", "lill", "professor")
    roles: frozenset[str]  # stems of its words for a role ("expert", "professor", "presid")


def describe(texts: Iterable[str], names: Iterable[str]) -> tuple[Description, ...]:
    """The descriptions of each interviewee ``names`` holds, read from the documents' ``texts``."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    for name in sorted(set(names)):
        words: set[str] = set()
        roles: set[str] = set()
        before = re.compile(rf"((?:[A-Za-z][\w-]*\s+){{1,3}}){re.escape(name)}\b")
        after = re.compile(rf"\b{re.escape(name)}{_IS_A}")
        for text in texts:
            for match in before.finditer(text):
                # The words next to the name, back to the first function word ("French expert").
                run: list[str] = []
                for word in reversed(match.group(1).split()):
                    if word.lower() in STOPWORDS:
                        break
                    run.insert(0, word)
                if run and run[-1].islower() and not run[-1].endswith(_VERB_ENDINGS):
                    words.update(tokenize(" ".join(run)))
                    roles.update(tokenize(run[-1]))
            for match in after.finditer(text):
                what = match.group("what")
                words.update(tokenize(what))
                roles.update(tokenize(" ".join(_ROLE_IN.findall(f"a {what}"))))
        if words:
            found[name] = (words, roles)
    return tuple(Description(name, frozenset(w), frozenset(r)) for name, (w, r) in found.items())


def _describes(token: str, words: frozenset[str]) -> bool:
    """Whether a question's word is a word of a description ("Lille-based" of one that says
    "Lille")."""
    parts = [p for p in re.split(r"[-'’]", token.lower()) if p and p != "s"]
    stems = [tokenize(p) for p in parts]
    known = [bool(s) and s[0] in words for s in stems]
    return any(known) and all(k or p in _JOINERS for p, k in zip(parts, known, strict=True))


def name_described(question: str, descriptions: tuple[Description, ...]) -> str:
    """``question`` with a description of an interviewee replaced by their name (the module
    docstring); as it is when it holds none."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(question)]
    for i, (token, _, _) in enumerate(tokens):
        bare = re.sub(r"['’]s?$", "", token)
        role = tokenize(bare)
        if len(role) != 1 or bare.lower().endswith("s"):  # "Which other French analysts …?" asks for others
            continue
        for described in descriptions:
            if not (role[0] in _ROLES or role[0] in described.roles):
                continue
            start = i
            while start > 0 and _describes(tokens[start - 1][0], described.words):
                start -= 1
            modifiers = i - start
            # "… of the Institute for Security Perspectives in Europe": description words, and
            # the function words between them.
            stop = i + 1
            if stop < len(tokens) and tokens[stop][0].lower() == "of":
                last = stop
                for k in range(stop + 1, len(tokens)):
                    word = tokens[k][0]
                    if _describes(word, described.words):
                        last = k + 1
                    elif word.lower() not in STOPWORDS:
                        break
                if last > stop:
                    modifiers += 1
                    stop = last
            if not modifiers or _ASKS_WHO.search(question[:tokens[start][1]]):
                continue
            determined = start > 0 and tokens[start - 1][0].lower() in _DETERMINERS
            if determined:
                start -= 1
            owner = "'s" if token.endswith(("'s", "’s")) and stop == i + 1 else ""
            return question[:tokens[start][1]] + described.name + owner + question[tokens[stop - 1][2]:]
    return question
