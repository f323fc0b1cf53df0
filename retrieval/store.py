"""The Chroma store: embedded under the data directory, or a Chroma server.

Front ends never see Chroma; the index and the retriever receive a ``VectorStore`` from here.
Chroma's default embedding function (which would download a model) is never used: every
collection is opened through langchain-chroma with our embedder. Telemetry is off.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from retrieval.errors import StoreUnavailable

COLLECTION_SPACE = {"hnsw": {"space": "cosine"}}


def open_client(data_dir: Path, host: str = "", port: int = 8000) -> chromadb.ClientAPI:
    """An embedded client under ``data_dir/chroma``, or an HTTP client when ``host`` is set."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            client = chromadb.HttpClient(host=host, port=port, settings=settings)
            client.heartbeat()
        except Exception as exc:  # connection refused, DNS, timeouts, HTTP errors
            raise StoreUnavailable(
                f"the Chroma server at {host}:{port} is unreachable ({exc.__class__.__name__})"
            ) from exc
        return client
    path = data_dir / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as exc:
        raise StoreUnavailable(
            f"the Chroma store in {path} cannot be opened ({exc.__class__.__name__}: {exc})"
        ) from exc


def collection_name(base: str, model_identity: str) -> str:
    """One collection per embedding model, so vectors of two models never mix."""
    return f"{base}-{hashlib.sha256(model_identity.encode()).hexdigest()[:10]}"


def open_collection(client: chromadb.ClientAPI, name: str, embedder: Embeddings) -> Chroma:
    """The LangChain vector store over one collection (created when missing)."""
    try:
        return Chroma(client=client, collection_name=name, embedding_function=embedder,
                      collection_configuration=COLLECTION_SPACE)  # type: ignore[arg-type]
    except Exception as exc:
        raise StoreUnavailable(f"the Chroma collection {name} cannot be opened ({exc})") from exc


def drop_other_collections(client: chromadb.ClientAPI, base: str, keep: set[str]) -> list[str]:
    """Delete this project's collections built with other models; returns their names."""
    dropped = []
    for name in _collection_names(client):
        if name.startswith(base + "-") and name not in keep:
            client.delete_collection(name)
            dropped.append(name)
    return dropped


def _collection_names(client: chromadb.ClientAPI) -> list[str]:
    names: list[Any] = list(client.list_collections())
    return [n if isinstance(n, str) else n.name for n in names]
