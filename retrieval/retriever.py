"""LangChain retrievers over sentences, and the fusion that uses interview context.

``DenseSentenceRetriever`` asks Chroma (through langchain-chroma) for the sentences nearest the
question, once per encoder (each encoder has its own collection); ``BM25SentenceRetriever``
ranks the same sentences by BM25. ``ContextFusion`` merges them and adds what a sentence alone
cannot say:

* a sentence's own evidence is the weighted mean of its closeness under each encoder (MiniLM and
  multilingual e5; a sentence's closeness is its cosine, raised halfway towards its cosine read
  in context, see ``DenseSentenceRetriever``) plus ``LEXICAL_WEIGHT`` times the share of the
  question's idf weight it contains (an absolute measure, unlike a BM25 rank);
* an interviewer's question is never an answer, but its evidence flows to the answer it got:
  the first sentence of the reply (and the next one when the first is a bare "Not at all.")
  scores at least ``CONTEXT_DISCOUNT`` times the question's evidence; the interviewer's own
  statements (a fact told before the question) can be answers, ``INTERVIEWER_STATEMENT_LAG``
  behind a reply as close, unless an editor's note corrects them;
* an interview's narration (headline, lede, biography) counts ``NARRATION_LAG`` less than the
  body, and an editor's note ``EDITOR_LAG`` less unless the question asks about the notes;
* a region the question names counts as "the region" too in the idf share (``_REGION_NAMES``), and
  a treaty's clause or provision as its article (``_READ_AS``);
* fused scores within ``TIE`` of the best are a tie, which e5 breaks (``break_tie``);
* whether the corpus answers at all is decided later, by ``retrieval.support``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from langchain_chroma import Chroma
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, PrivateAttr

from retrieval.lexical import tokenize
from retrieval.sentences import Sentence
from retrieval.snapshot import Snapshot

# Weights chosen on the tuning half of the development questions (tests/eval_questions.jsonl,
# see retrieval/evaluation.py) and kept round; `python -m bot eval` shows their effect.
# MiniLM and e5 are fused with e5 weighted three times higher; for a question in another
# language e5 alone decides (English words and the English encoder only add noise there).
ENCODER_WEIGHTS = {"dense": 1.0, "multilingual": 3.0}
# How much of the context cosine counts when it beats the sentence's own cosine.
CONTEXT_SHARE = 0.5
LEXICAL_WEIGHT = 0.25
CONTEXT_DISCOUNT = 0.9
# A candidate without a new fact of the kind asked for ("how many" and no number) counts this much
# less, so that a sentence holding one moves ahead of near ties that do not.
TYPE_PENALTY = 0.15
# How much less an interviewer's statement counts than the same closeness in a reply (see
# ContextFusion); 0.02 of 0, 0.02, 0.05 and 0.1 on the tuning questions.
INTERVIEWER_STATEMENT_LAG = 0.02
# How much less the narration of an interview counts (its headline, lede and the biography
# line): it sums up what the interviewee says in the body, in looser words that come close to
# many questions, while the body says it in full. 0.02 of 0, 0.01, 0.02, 0.03 and 0.05 on the
# tuning questions (README, Quality).
NARRATION_LAG = 0.02
# Fused scores this close are a tie, which e5's closeness breaks when it is clearly closer (by
# TIE_E5 or more): of the two encoders it reads a question best (README, Quality). 0.02 of 0.005,
# 0.01, 0.02 and 0.03, and 0.005 of 0, 0.003, 0.005, 0.01 and 0.02, on the tuning questions.
TIE = 0.02
TIE_E5 = 0.005
# How much less an editor's note counts than the body, unless the question asks about the notes
# ("According to the editors' note…", "What did InoSMI correct?"): a note is an aside that corrects
# or recalls ("(Again, inaccuracy: Russia, not under the agreement with Armenia, but under the
# Collective Security Treaty…)"), long and close to every question on its topic, while the body says
# what was asked. 0.06 of 0.02, 0.04, 0.06 and 0.1 on the tuning questions (README, Quality).
EDITOR_LAG = 0.06
# A region a question names is "the region" to the documents, which name it once and then refer to
# it so ("Meanwhile, Turkey has begun to play a more prominent role in the region." to "Which power
# is gaining clout in the South Caucasus?"): a sentence's coverage is the better of the question's
# words as typed and with the region's name read as "region", so the sentence that names it loses
# nothing. Regions, not countries: a country keeps its name.
_REGION_NAMES = frozenset(tokenize("Caucasus Caucasian Transcaucasia Transcaucasian Balkans Donbas Donbass "
                                   "Asia Asian Levant Sahel Maghreb Baltics Scandinavia Scandinavian"))
_REGION = tokenize("region")[0]
# A treaty's clause or provision is the article that holds it ("…the mutual defence clause?" to
# "…called for the implementation of Article 4."), as the documents of treaties number them.
_READ_AS = (dict.fromkeys(_REGION_NAMES, _REGION)
            | dict.fromkeys(tokenize("clause clauses provision provisions"), tokenize("article")[0]))
# A reply this short ("Not at all.") says yes or no; the sentence after it says why.
_BARE_REPLY_WORDS = 4
BARE_REPLY_LAG = 0.01


class DenseSentenceRetriever(BaseRetriever):
    """Nearest sentences by cosine similarity, from Chroma, each also read in its context.

    A sentence's *context cosine* compares the question with the sentence read in its context
    ("Only Kazakhstan has used this principle so far." is about the CSTO because the sentence
    before it says so). With a ``context_store`` (e5's), that is the vector ingest made of the
    sentence read after the one before it (``retrieval.sentences.read_in_context``), so the
    encoder itself resolves "they" and "this principle", and the context collection is searched
    as well as the sentences' own, so a sentence found only by its reading in context is a
    candidate too; without one (MiniLM's), it is the sentence's vector plus half the vectors of
    its neighbours in the same turn, for the closest hits. Nothing is embedded at question time
    but the question; vectors read from Chroma are cached.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    store: Chroma
    snapshot: Snapshot
    context_store: Chroma | None = None
    # How the question is embedded; the store's embeddings' ``embed_query`` when not given.
    embed: Callable[[str], list[float]] | None = None
    k: int = 30
    neighbour_weight: float = 0.5
    # Without a context store, context (the neighbours' vectors) is read for the closest hits
    # only: one more Chroma read, kept small. With one, every hit is read in context.
    context_k: int = 10
    # Vectors read for context are kept: within one index generation they never change (a
    # changed file gets new ids), and the sentences near popular answers are asked about again.
    cache_limit: int = 50_000
    _vectors: dict[int, np.ndarray[Any, Any]] = PrivateAttr(default_factory=dict)
    _own_vectors: dict[int, np.ndarray[Any, Any]] = PrivateAttr(default_factory=dict)

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        embeddings = self.store.embeddings
        assert embeddings is not None
        vector = np.asarray((self.embed or embeddings.embed_query)(query), dtype=np.float32)
        own = self._nearest(self.store, vector)
        if self.context_store is None:
            context = self._cosines(self.store, vector, list(own)[: self.context_k],
                                    self._vectors, neighbours=True)
        else:
            # The context collection is searched too: a sentence that says little alone ("Only
            # Kazakhstan has used this principle so far.") is found by what it means in context.
            context = self._nearest(self.context_store, vector)
            missing = [p for p in own if p not in context]
            context.update(self._cosines(self.context_store, vector, missing, self._vectors))
            absent = [p for p in context if p not in own]
            own.update(self._cosines(self.store, vector, absent, self._own_vectors))
        return [Document(page_content=self.snapshot.sentences[p].text, id=self.snapshot.vector_ids[p],
                         metadata={"position": p, "cosine": cos, "context_cosine": context.get(p, cos)})
                for p, cos in sorted(own.items(), key=lambda item: -item[1])]

    def _nearest(self, store: Chroma, vector: np.ndarray[Any, Any]) -> dict[int, float]:
        """The k nearest sentences in one collection, best first: position → cosine."""
        # Ids and distances only: the sentences' texts and speakers are in the snapshot, and
        # having Chroma read its copies (what similarity_search_by_vector does) cost 1.5 ms of a
        # 15 ms answer.
        hits = store._collection.query(query_embeddings=[vector.tolist()], n_results=self.k,
                                       include=["distances"])
        found: dict[int, float] = {}
        for vector_id, distance in zip(hits["ids"][0], (hits["distances"] or [[]])[0], strict=True):
            position = self.snapshot.position_of_vector.get(vector_id)
            if position is not None:  # else: a vector left by an interrupted ingest
                found[position] = 1.0 - float(distance)
        return found

    def _cosines(self, store: Chroma, vector: np.ndarray[Any, Any], positions: list[int],
                 cache: dict[int, np.ndarray[Any, Any]], *, neighbours: bool = False) -> dict[int, float]:
        """Cosines of the question with these sentences' vectors in ``store``; with
        ``neighbours``, each sentence's vector plus ``neighbour_weight`` times its neighbours'."""
        snap = self.snapshot
        around = {p: snap.neighbours(p) if neighbours else [] for p in positions}
        wanted = {q for p in positions for q in (p, *around[p])}
        # A local view: other threads may add to or clear the shared cache meanwhile.
        vectors = {q: v for q in wanted if (v := cache.get(q)) is not None}
        missing = sorted(wanted - vectors.keys())
        if missing:
            got = store.get(ids=[snap.vector_ids[p] for p in missing], include=["embeddings"])
            fetched = {snap.position_of_vector[i]: np.asarray(e, dtype=np.float32)
                       for i, e in zip(got["ids"], got["embeddings"], strict=True)}
            vectors.update(fetched)
            if len(cache) + len(fetched) > self.cache_limit:
                cache.clear()
            cache.update(fetched)
        present = [p for p in positions if p in vectors]
        if not present:
            return {}
        combined = np.stack([vectors[p] for p in present])
        if neighbours:
            combined = combined + self.neighbour_weight * np.stack([
                sum((vectors[q] for q in around[p] if q in vectors), np.zeros_like(vector))
                for p in present])
        norms = np.linalg.norm(combined, axis=1)
        cosines = (combined @ vector) / np.where(norms > 0, norms, 1.0)
        return {p: float(c) if n > 0 else 0.0 for p, c, n in zip(present, cosines, norms, strict=True)}


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
    multilingual: float = 0.0


@dataclass(frozen=True)
class Ranking:
    """Fused candidates, best first, with what the support check reads."""

    question: str
    candidates: tuple[Scored, ...]
    language: str = "en"
    best_multilingual: float = 0.0
    best_dense: float = 0.0


def prefer_typed(ranking: Ranking, satisfied: Callable[[int], bool], penalty: float) -> Ranking:
    """The ranking with ``penalty`` taken off every candidate that lacks the fact asked for.

    ``satisfied(position)`` says whether a sentence holds a new fact of the kind the question
    asks for ("how many" → a number); see ``retrieval.question.AnswerType``.
    """
    if penalty <= 0:
        return ranking
    scored = [s if satisfied(s.position) else replace(s, score=s.score - penalty)
              for s in ranking.candidates]
    if all(s is c for s, c in zip(scored, ranking.candidates, strict=True)):
        return ranking  # nothing falls behind: the order stays as it is (a tie broken by e5, too)
    scored.sort(key=lambda s: (-s.score, s.position))
    return replace(ranking, candidates=tuple(scored))


def break_tie(ranking: Ranking, tie: float = TIE, e5_margin: float = TIE_E5) -> Ranking:
    """The ranking with the candidate e5 finds closest first among those within ``tie`` of the
    best fused score, if e5 finds it ``e5_margin`` closer than the best (the others keep their
    order)."""
    candidates = ranking.candidates
    near = [c for c in candidates[1:] if candidates[0].score - c.score <= tie
            and c.multilingual >= candidates[0].multilingual + e5_margin]
    if not near:
        return ranking
    best = max(near, key=lambda c: c.multilingual)
    return replace(ranking, candidates=(best, *(c for c in candidates if c is not best)))


def narration(sentences: Sequence[Sentence]) -> frozenset[int]:
    """The positions of an interview's narration (headline, lede, biography line): narrator
    sentences of a document that has an interviewee. A plain article is all narration, none lags."""
    interviews = {s.doc_id for s in sentences if s.role == "interviewee"}
    return frozenset(p for p, s in enumerate(sentences) if s.role == "narrator" and s.doc_id in interviews)


class ContextFusion:
    """Merges the encoders' and BM25's candidates using interview context (see the docstring)."""

    def __init__(self, snapshot: Snapshot, *, lexical_weight: float = LEXICAL_WEIGHT,
                 context_discount: float = CONTEXT_DISCOUNT,
                 weights: dict[str, float] | None = None) -> None:
        self.snapshot = snapshot
        self.lexical_weight = lexical_weight
        self.context_discount = context_discount
        self.weights = weights or ENCODER_WEIGHTS
        self.narration = narration(snapshot.sentences)

    def __call__(self, inputs: dict[str, Any]) -> Ranking:
        """LangChain step: {"question", "language", "quotes_interviewer", "asks_editor", retriever
        hits} → Ranking."""
        question: str = inputs["question"]
        english = inputs.get("language", "en") == "en"
        snap = self.snapshot
        lexical: list[Document] = inputs.get("lexical", []) if english else []
        encoders = {name: _closeness(inputs.get(name, [])) for name in self.weights}
        if not english:
            encoders = {"multilingual": encoders.get("multilingual", {})}
        positions = set().union(*(c.keys() for c in encoders.values()))
        positions |= {d.metadata["position"] for d in lexical}
        # A sentence an encoder did not return counts as that encoder's least close hit (for e5,
        # the hits of both its collections).
        floors = {name: min(c.values(), default=0.0) for name, c in encoders.items()}
        total_weight = sum(self.weights[name] for name in encoders) or 1.0
        tokens = tokenize(question) if english else []

        coverage = snap.lexical.coverages(tokens, positions) if tokens else {}
        read_as = [_READ_AS.get(t, t) for t in tokens]
        if read_as != tokens:  # "…in the South Caucasus?" is "…in the region." as well
            other_reading = snap.lexical.coverages(read_as, positions)
            coverage = {p: max(coverage.get(p, 0.0), other_reading.get(p, 0.0)) for p in positions}
        own: dict[int, tuple[float, float, float, float]] = {}
        for p in positions:
            dense = sum(self.weights[name] * c.get(p, floors[name])
                        for name, c in encoders.items()) / total_weight
            cov = coverage.get(p, 0.0)
            multi = encoders.get("multilingual", {}).get(p, floors.get("multilingual", 0.0))
            own[p] = (dense + self.lexical_weight * cov, dense, cov, multi)

        context: dict[int, float] = {}
        # e5's closeness of the interviewer's question that leads to an answer: it vouches for the
        # answer as the question's own closeness would ("Can Russia's allies turn away from it?").
        asked_closeness: dict[int, float] = {}
        for p, (score, _, _, multi) in own.items():
            answer = snap.answer_of.get(p)
            if answer is None:
                continue
            targets = self._answer_sentences(answer)
            for target in targets:
                # A bare "Not at all." says nothing quoted alone: the sentence saying why leads.
                lag = BARE_REPLY_LAG if len(targets) > 1 and target == targets[0] else 0.0
                if self.context_discount * score - lag > context.get(target, 0.0):
                    context[target] = self.context_discount * score - lag
                    asked_closeness[target] = multi

        quotes_interviewer = bool(inputs.get("quotes_interviewer"))
        asks_editor = bool(inputs.get("asks_editor"))
        scored = []
        for p in positions | set(context):
            score, dense, cov, multi = own.get(p, (0.0, 0.0, 0.0, 0.0))
            if snap.sentences[p].role == "interviewer" and not quotes_interviewer:
                # Questions lead to answers; they are not answers. Nor is a premise an editor's
                # note corrects ("The security agreement ... forces Moscow to help" under "Again,
                # inaccuracy: ..."): the note says the publication does not stand by it.
                if asks(snap.sentences[p].text) or p in snap.caveats_of:
                    continue
                # A statement leading up to a question ("On the night of Monday to Tuesday, ...
                # shelling took place.") can be the only place a fact is told; a reply as close
                # comes first.
                score -= INTERVIEWER_STATEMENT_LAG
            elif p in self.narration:
                score -= NARRATION_LAG
            elif snap.sentences[p].role == "editor" and not asks_editor:
                score -= EDITOR_LAG
            via = context.get(p, 0.0) > score
            if via:
                multi = max(multi, asked_closeness[p])
            scored.append(Scored(p, max(score, context.get(p, 0.0)), dense, cov, via, multi))
        scored.sort(key=lambda s: (-s.score, s.position))
        return Ranking(question, tuple(scored), "en" if english else "other",
                       best_multilingual=max(encoders.get("multilingual", {}).values(), default=0.0),
                       best_dense=max(encoders.get("dense", {}).values(), default=0.0))

    def _answer_sentences(self, first: int) -> list[int]:
        sentences = self.snapshot.sentences
        out = [first]
        nxt = first + 1
        if (len(sentences[first].text.split()) <= _BARE_REPLY_WORDS and nxt < len(sentences)
                and sentences[nxt].turn == sentences[first].turn
                and sentences[nxt].doc_id == sentences[first].doc_id):
            out.append(nxt)
        return out


def asks(text: str) -> bool:
    """True when a sentence is a question: its last marks hold a question mark ("?", "?!", "?..")
    before any closing quotes, brackets or footnote mark."""
    return _QUESTION_END.search(text) is not None


_QUESTION_END = re.compile(r"[?？][?？!.…]*(?:\s*\[\d+\])?[\s\"'»”“’›)\]]*$")


def _closeness(hits: list[Document]) -> dict[int, float]:
    """A sentence's closeness for one encoder: its cosine, raised halfway to its context cosine."""
    out = {}
    for d in hits:
        cos, ctx = d.metadata["cosine"], d.metadata["context_cosine"]
        out[d.metadata["position"]] = cos + CONTEXT_SHARE * max(0.0, ctx - cos)
    return out
