"""Lexical matching: tokens, BM25 over sentences (bm25s), and idf-weighted term coverage.

BM25 finds candidates by rare shared words; coverage (the share of a question's idf weight that
a sentence contains) is an absolute measure that does not depend on the other candidates, so it
can take part in deciding whether the corpus answers at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import bm25s
import numpy as np
import snowballstemmer

# Numbers keep their separators ("3,000", "1.5"); words keep inner apostrophes.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = snowballstemmer.stemmer("english")
# Function words carry no evidence that a sentence answers a question.
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves s t don may might must shall also
according say said says tell told think thinks know known what's does did doing get got
""".split())  # noqa: SIM905 - a word list reads best as text


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content words (possessive 's dropped, stop words removed)."""
    out = []
    for match in _WORD.finditer(text.lower()):
        word = re.sub(r"['’]s$", "", match.group())
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        out.append(_stem(word))
    return out


class LexicalIndex:
    """BM25 and idf-weighted coverage over a fixed list of sentences (positions are indexes).

    ``labels`` are words that belong to a sentence without being in it: who says it ("Emmanuel
    Dupuy", "InoSMI editor note"). ``context[i]`` lists the sentences that give sentence ``i``
    its context (the sentence before it in the same turn, the question it answers); their words
    count at ``CONTEXT_WEIGHT`` in coverage. BM25 ranks the sentence text alone.
    """

    CONTEXT_WEIGHT = 0.5

    def __init__(self, texts: Sequence[str], labels: Sequence[str] | None = None,
                 context: Sequence[Sequence[int]] | None = None) -> None:
        self._tokens = [tokenize(t) for t in texts]
        label_tokens = [tokenize(label) for label in labels] if labels else [[] for _ in texts]
        self._token_sets = [frozenset(t) | frozenset(lt)
                            for t, lt in zip(self._tokens, label_tokens, strict=True)]
        self._context = [tuple(c) for c in context] if context else [() for _ in texts]
        n = len(texts)
        df = Counter(tok for toks in self._token_sets for tok in toks)
        self._idf = {tok: math.log(1 + (n - d + 0.5) / (d + 0.5)) for tok, d in df.items()}
        # A question word the corpus never uses is as informative as the rarest word there is.
        self._unseen_idf = math.log(1 + (n + 0.5) / 0.5)
        self._bm25: bm25s.BM25 | None = None
        if n and any(self._tokens):
            self._bm25 = bm25s.BM25()
            self._bm25.index([t or ["\0"] for t in self._tokens], show_progress=False)

    def __len__(self) -> int:
        return len(self._tokens)

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token (unseen tokens get the highest value)."""
        return self._idf.get(token, self._unseen_idf)

    def search(self, tokens: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best sentences by BM25 as (position, score), best first; zero scores dropped."""
        if self._bm25 is None or not tokens:
            return []
        known = [t for t in tokens if t in self._idf]
        if not known:
            return []
        scores = self._bm25.get_scores(list(known))
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        return sorted(((int(i), float(scores[i])) for i in top if scores[i] > 0),
                      key=lambda pair: -pair[1])

    def coverage(self, tokens: Sequence[str], position: int) -> float:
        """Share of the question's idf weight found in a sentence or, discounted, its context."""
        return self.coverages(tokens, [position])[position]

    def coverages(self, tokens: Sequence[str], positions: Iterable[int]) -> dict[int, float]:
        """``coverage`` for several sentences, the question's weights read once."""
        weights = {t: self.idf(t) for t in set(tokens)}
        total = sum(weights.values())
        if total == 0:
            return dict.fromkeys(positions, 0.0)
        out = {}
        for position in positions:
            have = self._token_sets[position]
            around: set[str] = set()
            for p in self._context[position]:
                around |= self._token_sets[p]
            found = sum(w * (1.0 if t in have else self.CONTEXT_WEIGHT if t in around else 0.0)
                        for t, w in weights.items())
            out[position] = found / total
        return out
