"""The LangChain pipeline: question → (dense ∥ BM25) → context fusion → Answer."""

from __future__ import annotations

from langchain_chroma import Chroma
from langchain_core.runnables import Runnable, RunnableLambda, RunnableParallel, RunnablePassthrough

from retrieval.answer import Answer
from retrieval.compose import AnswerComposer
from retrieval.retriever import BM25SentenceRetriever, ContextFusion, DenseSentenceRetriever
from retrieval.snapshot import Snapshot


def build_chain(store: Chroma, snapshot: Snapshot, *, candidates: int = 30,
                max_citations: int = 3) -> Runnable[str, Answer]:
    """Wire the retrievers, the fusion and the composer into one Runnable."""
    dense = DenseSentenceRetriever(store=store, snapshot=snapshot, k=candidates)
    lexical = BM25SentenceRetriever(snapshot=snapshot, k=candidates)
    retrieve = RunnableParallel(question=RunnablePassthrough(), dense=dense, lexical=lexical)
    fuse = RunnableLambda(ContextFusion(snapshot), name="context_fusion")
    compose = RunnableLambda(AnswerComposer(snapshot, max_citations=max_citations),
                             name="compose_answer")
    return retrieve | fuse | compose
