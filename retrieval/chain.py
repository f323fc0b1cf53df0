"""The LangChain pipeline: question → dense and BM25 retrievers → context fusion → Answer."""

from __future__ import annotations

from typing import Any

from langchain_chroma import Chroma
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda

from retrieval.answer import Answer
from retrieval.compose import AnswerComposer
from retrieval.retriever import BM25SentenceRetriever, ContextFusion, DenseSentenceRetriever
from retrieval.snapshot import Snapshot


def build_chain(store: Chroma, snapshot: Snapshot, *, candidates: int = 30,
                max_citations: int = 3) -> Runnable[str, Answer]:
    """Wire the retrievers, the fusion and the composer into one Runnable."""
    dense = DenseSentenceRetriever(store=store, snapshot=snapshot, k=candidates)
    lexical = BM25SentenceRetriever(snapshot=snapshot, k=candidates)

    def retrieve(question: str, config: RunnableConfig) -> dict[str, Any]:
        # Sequential on purpose: BM25 takes under a millisecond, while RunnableParallel's
        # thread hand-off cost about 10 ms per question on two cores (see README, Benchmarks).
        return {"question": question, "dense": dense.invoke(question, config),
                "lexical": lexical.invoke(question, config)}

    fuse = RunnableLambda(ContextFusion(snapshot), name="context_fusion")
    compose = RunnableLambda(AnswerComposer(snapshot, max_citations=max_citations),
                             name="compose_answer")
    return RunnableLambda(retrieve, name="hybrid_retrieve") | fuse | compose
