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

from config.errors import StoreUnavailable

COLLECTION_SPACE = {"hnsw": {"space": "cosine"}}
# Written into every collection this program creates: a shared Chroma server may hold other
# programs' and other deployments' collections, and only ours (same namespace) are ever dropped.
MARKER = "quotebot_namespace"


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


def open_collection(client: chromadb.ClientAPI, name: str, embedder: Embeddings,
                    namespace: str) -> Chroma:
    """The LangChain vector store over one collection (created, with our marker, when missing)."""
    try:
        return Chroma(client=client, collection_name=name, embedding_function=embedder,
                      collection_metadata={MARKER: namespace},
                      collection_configuration=COLLECTION_SPACE)  # type: ignore[arg-type]
    except Exception as exc:
        raise StoreUnavailable(f"the Chroma collection {name} cannot be opened ({exc})") from exc


def drop_other_collections(client: chromadb.ClientAPI, namespace: str,
                           keep: set[str]) -> list[str]:
    """Delete the collections this deployment created for other models; returns their names.

    Only collections carrying our marker with our namespace go: a collection another program
    or deployment made, even one whose name looks like ours, is left alone.
    """
    dropped = []
    for collection in client.list_collections():
        metadata: dict[str, Any] = dict(collection.metadata or {})
        if metadata.get(MARKER) == namespace and collection.name not in keep:
            client.delete_collection(collection.name)
            dropped.append(collection.name)
    return dropped
