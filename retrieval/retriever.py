"""LangChain retrievers over sentences, and the fusion that uses interview context.

``DenseSentenceRetriever`` asks Chroma (through langchain-chroma) for the sentences nearest the
question; ``BM25SentenceRetriever`` ranks the same sentences by BM25. ``ContextFusion`` merges
the two and adds what a sentence alone cannot say:

* a sentence's own evidence is its cosine similarity plus ``LEXICAL_WEIGHT`` times the share of
  the question's idf weight it contains (an absolute measure, unlike a BM25 rank);
* an interviewer's question is never an answer, but its evidence flows to the answer it got:
  the first sentence of the reply (and the next one when the first is a bare "Not at all.")
  scores at least ``CONTEXT_DISCOUNT`` times the question's evidence;
* when the best evidence is below ``ABSTAIN_BELOW`` the corpus does not answer the question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_chroma import Chroma
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from retrieval.lexical import tokenize
from retrieval.snapshot import Snapshot

# Weights found on the development questions (tests/eval_questions.jsonl) and kept round so
# that they do not fit those questions too closely; `python -m bot eval` shows their effect.
LEXICAL_WEIGHT = 0.5
CONTEXT_DISCOUNT = 0.95
ABSTAIN_BELOW = 0.65
# A reply this short ("Not at all.") says yes or no; the sentence after it says why.
_BARE_REPLY_WORDS = 4


class DenseSentenceRetriever(BaseRetriever):
    """Nearest sentences by cosine similarity, from Chroma, each also read in its context.

    A sentence's *context cosine* compares the question with the sentence's vector plus half
    the vectors of its neighbours in the same turn ("Only Kazakhstan has used this principle
    so far." is about the CSTO because the sentence before it says so). The neighbours' vectors
    come from Chroma in one extra read; nothing is embedded twice.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    store: Chroma
    snapshot: Snapshot
    k: int = 30
    neighbour_weight: float = 0.5
    # Context is read for the closest hits only: one more Chroma read, kept small.
    context_k: int = 10
    # Vectors read for context are kept: within one index generation they never change (a
    # changed file gets new ids), and the sentences near popular answers are asked about again.
    cache_limit: int = 50_000
    _vectors: dict[int, np.ndarray[Any, Any]] = PrivateAttr(default_factory=dict)

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        embeddings = self.store.embeddings
        assert embeddings is not None
        vector = np.asarray(embeddings.embed_query(query), dtype=np.float32)
        hits = self.store.similarity_search_by_vector_with_relevance_scores(
            vector.tolist(), k=self.k)
        found = []
        for doc, distance in hits:
            position = self.snapshot.position_of_vector.get(doc.id or "")
            if position is not None:  # else: a vector left by an interrupted ingest
                found.append((doc, position, 1.0 - float(distance)))
        context = self._context_cosines(vector, [p for _, p, _ in found[: self.context_k]])
        return [Document(page_content=doc.page_content, id=doc.id,
                         metadata={"position": p, "cosine": cos,
                                   "context_cosine": context.get(p, cos)})
                for doc, p, cos in found]

    def _context_cosines(self, vector: np.ndarray[Any, Any], positions: list[int]) -> dict[int, float]:
        snap = self.snapshot
        around = {p: snap.neighbours(p) for p in positions}
        wanted = {q for p in positions for q in (p, *around[p])}
        # A local view: other threads may add to or clear the shared cache meanwhile.
        vectors = {q: v for q in wanted if (v := self._vectors.get(q)) is not None}
        missing = sorted(wanted - vectors.keys())
        if missing:
            got = self.store.get(ids=[snap.vector_ids[p] for p in missing], include=["embeddings"])
            fetched = {snap.position_of_vector[i]: np.asarray(e, dtype=np.float32)
                       for i, e in zip(got["ids"], got["embeddings"], strict=True)}
            vectors.update(fetched)
            if len(self._vectors) + len(fetched) > self.cache_limit:
                self._vectors.clear()
            self._vectors.update(fetched)
        out = {}
        for p in positions:
            if p not in vectors:
                continue
            combined = vectors[p] + self.neighbour_weight * sum(
                (vectors[q] for q in around[p] if q in vectors), np.zeros_like(vector))
            norm = float(np.linalg.norm(combined))
            out[p] = float(combined @ vector) / norm if norm else 0.0
        return out


class BM25SentenceRetriever(BaseRetriever):
    """Sentences ranked by BM25 over the catalogue."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    snapshot: Snapshot
    k: int = 30

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.snapshot.lexical.search(tokenize(query), self.k)
        return [Document(page_content=self.snapshot.sentences[p].text,
                         metadata={"position": p, "bm25": score}) for p, score in hits]


@dataclass(frozen=True)
class Scored:
    """A candidate sentence and why it scored as it did."""

    position: int
    score: float
    cosine: float
    coverage: float
    via_question: bool


@dataclass(frozen=True)
class Ranking:
    """Fused candidates, best first, and whether the corpus answers at all."""

    question: str
    candidates: tuple[Scored, ...]
    abstain: bool


class ContextFusion:
    """Merges dense and BM25 candidates using interview context (see the module docstring)."""

    def __init__(self, snapshot: Snapshot, *, lexical_weight: float = LEXICAL_WEIGHT,
                 context_discount: float = CONTEXT_DISCOUNT,
                 abstain_below: float = ABSTAIN_BELOW) -> None:
        self.snapshot = snapshot
        self.lexical_weight = lexical_weight
        self.context_discount = context_discount
        self.abstain_below = abstain_below

    def __call__(self, inputs: dict[str, Any]) -> Ranking:
        """LangChain step: {"question", "dense", "lexical"} → Ranking."""
        question: str = inputs["question"]
        dense: list[Document] = inputs["dense"]
        lexical: list[Document] = inputs["lexical"]
        snap = self.snapshot
        tokens = tokenize(question)
        # A sentence counts as close as it is read alone or in its context, whichever is closer.
        cosine = {d.metadata["position"]: max(d.metadata["cosine"], d.metadata["context_cosine"])
                  for d in dense}
        # A BM25 candidate outside the dense top-k is at most as close as the last dense hit.
        floor = min(cosine.values(), default=0.0)
        positions = set(cosine) | {d.metadata["position"] for d in lexical}

        own: dict[int, tuple[float, float, float]] = {}
        for p in positions:
            cos = cosine.get(p, floor)
            cov = snap.lexical.coverage(tokens, p)
            own[p] = (cos + self.lexical_weight * cov, cos, cov)

        context: dict[int, float] = {}
        for p, (score, _, _) in own.items():
            answer = snap.answer_of.get(p)
            if answer is None:
                continue
            for target in self._answer_sentences(answer):
                context[target] = max(context.get(target, 0.0), self.context_discount * score)

        scored = []
        for p in positions | set(context):
            if snap.sentences[p].role == "interviewer":
                continue  # questions lead to answers; they are not answers
            score, cos, cov = own.get(p, (0.0, 0.0, 0.0))
            via = context.get(p, 0.0) > score
            scored.append(Scored(p, max(score, context.get(p, 0.0)), cos, cov, via))
        scored.sort(key=lambda s: (-s.score, s.position))
        abstain = not scored or scored[0].score < self.abstain_below
        return Ranking(question, tuple(scored), abstain)

    def _answer_sentences(self, first: int) -> list[int]:
        sentences = self.snapshot.sentences
        out = [first]
        nxt = first + 1
        if (len(sentences[first].text.split()) <= _BARE_REPLY_WORDS and nxt < len(sentences)
                and sentences[nxt].turn == sentences[first].turn
                and sentences[nxt].doc_id == sentences[first].doc_id):
            out.append(nxt)
        return out
