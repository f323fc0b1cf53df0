"""The embedder: offline loading, and batching of concurrent queries."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from retrieval.embeddings import QueryBatcher, SentenceEmbedder
from retrieval.errors import ModelUnavailable


def test_a_lone_query_is_encoded_at_once_and_alone():
    calls: list[list[str]] = []
    batcher = QueryBatcher(lambda texts: calls.append(list(texts)) or np.ones((len(texts), 2)))
    assert batcher.embed("one").tolist() == [1.0, 1.0]
    assert calls == [["one"]]


def test_queries_arriving_while_the_model_is_busy_share_one_call():
    calls: list[list[str]] = []
    started = threading.Event()

    def slow_encode(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        started.set()
        time.sleep(0.2)
        return np.array([[float(len(t))] for t in texts])

    batcher = QueryBatcher(slow_encode)
    with ThreadPoolExecutor(8) as pool:
        first = pool.submit(batcher.embed, "x")
        started.wait()
        rest = [pool.submit(batcher.embed, "y" * n) for n in range(2, 8)]
        results = [first.result()[0]] + [f.result()[0] for f in rest]
    assert results == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
    assert len(calls) == 2
    assert sorted(calls[1]) == sorted("y" * n for n in range(2, 8))


def test_an_encoding_error_reaches_every_waiting_query():
    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("model failed")

    batcher = QueryBatcher(broken)
    with pytest.raises(RuntimeError, match="model failed"):
        batcher.embed("x")
    with pytest.raises(RuntimeError, match="model failed"):
        batcher.embed("y")


@pytest.mark.slow
def test_the_packaged_model_gives_normalised_vectors(embedder: SentenceEmbedder):
    vector = np.asarray(embedder.embed_query("What does the CSTO treaty say?"))
    assert vector.shape == (384,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4


def test_a_missing_model_folder_is_one_clear_error():
    with pytest.raises(ModelUnavailable, match="is not available offline"):
        SentenceEmbedder("/no/such/model/folder").warm_up()
