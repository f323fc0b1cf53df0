"""QuoteService: the one object front ends call. It wires settings, model, store and chain.

Construction is cheap. ``start()`` loads the model once, opens the store, builds the index when
it is missing or stale, and readies the chain; ``ask()`` is then safe to call from many threads.
``reload()`` re-ingests and swaps the in-memory view atomically, so answers keep flowing.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

import chromadb
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings
from langchain_core.runnables import Runnable

from config.errors import IndexUnavailable, InvalidQuestion, QuoteBotError, StoreUnavailable
from config.settings import Settings
from retrieval.answer import Answer
from retrieval.catalogue import Catalogue
from retrieval.chain import build_chain
from retrieval.compose import Assessment
from retrieval.documents import DocumentMeta
from retrieval.embeddings import SentenceEmbedder
from retrieval.index import (
    GENERATION,
    Ingestor,
    IngestReport,
    Staleness,
    catalogue_path,
    check_writable,
    make_data_dir,
    staleness,
    writer_lock,
)
from retrieval.lexical import tokenize
from retrieval.multilingual import MultilingualEmbedder
from retrieval.onnx_encoder import corpus_sentences
from retrieval.snapshot import Snapshot
from retrieval.store import collection_name, drop_other_collections, open_client, open_collection

_ALLOWED_CONTROLS = {"\n", "\t", "\r"}
# How often an answering service looks for an index generation another process committed.
GENERATION_POLL_SECONDS = 1.0
# Names the rule of ``retrieval.sentences.read_in_context`` in the context collection's name:
# another rule must get other vectors.
CONTEXT_READING = "+read-after-previous-1"


def clean_question(raw: str, max_chars: int) -> str:
    """Validate a question; raises InvalidQuestion with one sentence when it cannot be asked."""
    question = unicodedata.normalize("NFC", raw).strip()
    if not question:
        raise InvalidQuestion("The question is empty; ask something about the documents.", "empty")
    if len(question) > max_chars:
        raise InvalidQuestion(
            f"The question is {len(question):,} characters long; the limit is {max_chars:,}.", "long")
    bad = next((ch for ch in question if unicodedata.category(ch) == "Cc"
                and ch not in _ALLOWED_CONTROLS), None)
    if bad is not None:
        raise InvalidQuestion(
            f"The question contains a control character (U+{ord(bad):04X}); send plain text.",
            "control")
    return " ".join(question.split())


@dataclass(frozen=True)
class Engine:
    """What one index generation needs to answer: swapped whole on reload."""

    snapshot: Snapshot
    chain: Runnable[str, Answer]
    generation: str | None


class QuoteService:
    """Answers questions with quotes from the corpus; the front ends' only entry point."""

    def __init__(self, settings: Settings, embedder: SentenceEmbedder | None = None,
                 multilingual: MultilingualEmbedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or SentenceEmbedder(
            settings.model_name, batch_size=settings.batch_size, backend=settings.embedding_backend,
            export_dir=settings.data_dir / "onnx",
            check_texts=lambda: corpus_sentences(settings.corpus_dir))
        self.multilingual = multilingual or MultilingualEmbedder(
            settings.multilingual_model, backend=settings.embedding_backend,
            cache_dir=settings.data_dir / "onnx",
            check_texts=lambda: corpus_sentences(settings.corpus_dir))
        self._client: chromadb.ClientAPI | None = None
        self._stores: dict[str, Chroma] = {}
        self._engine: Engine | None = None
        self._reload_lock = threading.Lock()
        self._generation_checked = 0.0
        self._model_fingerprints: tuple[str, str] | None = None

    @property
    def collection(self) -> str:
        """The Chroma collection for the configured model's files."""
        return collection_name(self.settings.collection, self._fingerprints()[0])

    @property
    def multilingual_collection(self) -> str:
        """The Chroma collection for the multilingual encoder's files."""
        return collection_name(self.settings.collection, self._fingerprints()[1])

    @property
    def context_collection(self) -> str:
        """The Chroma collection of e5's vectors of each sentence read in context."""
        return collection_name(self.settings.collection, self._fingerprints()[1] + CONTEXT_READING)

    @property
    def model_identity(self) -> str:
        """Both encoders' fingerprints, as the catalogue records them: a change means rebuilt
        vectors, a new name for the same files does not."""
        return "+".join(self._fingerprints())

    def _fingerprints(self) -> tuple[str, str]:
        """Read once per service: the files of the models this process loads."""
        if self._model_fingerprints is None:
            cache = self.settings.data_dir / "onnx"
            self._model_fingerprints = (self.embedder.fingerprint(cache),
                                        self.multilingual.fingerprint(cache))
        return self._model_fingerprints

    def status(self) -> Staleness:
        """How the index differs from the corpus folder (loads no model)."""
        path = catalogue_path(self.settings.data_dir)
        catalogue = Catalogue(path, read_only=True) if path.exists() else None
        try:
            return staleness(self.settings.corpus_dir, catalogue, self.model_identity)
        finally:
            if catalogue:
                catalogue.close()

    def start(self, *, ingest: bool = True, progress: bool = False) -> IngestReport | None:
        """Load the model, open the store, build the index if needed, ready the chain."""
        if ingest:  # a data directory that cannot be made fails now, not after the models load
            make_data_dir(self.settings.data_dir)
        self.embedder.warm_up()
        self.multilingual.warm_up()
        report = None
        if ingest and self._needs_ingest():
            report = self.ingest(progress=progress)
        else:
            self._engine = self._load_engine()
        return report

    def ingest(self, *, progress: bool = False) -> IngestReport:
        """Bring the index in line with the corpus folder and switch to it."""
        with self._reload_lock:
            check_writable(self.settings.data_dir)
            with writer_lock(self.settings.data_dir):
                catalogue = Catalogue(catalogue_path(self.settings.data_dir))
                try:
                    context = self._open_context_store()
                    stores = [self._open_store(), self._open_multilingual_store(), context]
                    names = {self.collection, self.multilingual_collection, self.context_collection}
                    report = Ingestor(
                        self.settings.corpus_dir, catalogue, stores, self.model_identity,
                        "+".join(sorted(names)), in_context=[context], progress=progress,
                    ).run()
                finally:
                    catalogue.close()
                # Swap first, then drop what only the old generation used: no gap in answers.
                self._engine = self._load_engine()
                drop_other_collections(self._get_client(), self.settings.collection, names)
            return report

    reload = ingest

    def ask(self, question: str) -> Answer:
        """Answer one question; raises InvalidQuestion for a question that cannot be asked."""
        started = time.perf_counter()
        cleaned = clean_question(question, self.settings.max_question_chars)
        engine = self._current_engine()
        try:
            answer = engine.chain.invoke(cleaned)
        except QuoteBotError:
            raise
        except Exception as exc:
            if self.settings.server_mode and not self._store_reachable():
                raise StoreUnavailable("the index is unavailable right now (the Chroma server "
                                       "cannot be reached); try again in a moment") from exc
            raise
        latency = (time.perf_counter() - started) * 1000
        return replace(answer, question=question, latency_ms=latency)

    def assess(self, question: str) -> Assessment:
        """The ranked and judged parts of a question, before composition (eval and tuning)."""
        chain: Any = self._require_engine().chain
        assessment: Assessment = chain.first.invoke(clean_question(question,
                                                                   self.settings.max_question_chars))
        return assessment

    def baseline_answers(self, question: str) -> dict[str, str]:
        """The first sentence that plain dense search and plain BM25 would give (for eval)."""
        engine = self._require_engine()
        dense = self._open_store().similarity_search(question, k=1)
        lexical = engine.snapshot.lexical.search(tokenize(question), 1)
        return {"plain dense": dense[0].page_content if dense else "",
                "plain BM25": engine.snapshot.sentences[lexical[0][0]].text if lexical else ""}

    def sources(self) -> list[DocumentMeta]:
        """The indexed documents' metadata."""
        return [d.meta for d in self._require_engine().snapshot.documents.values()]

    def paragraph(self, doc_id: str, start: int, end: int) -> tuple[str, int, int]:
        """The paragraph around a quote, and the quote's offsets inside it."""
        snap = self._require_engine().snapshot
        document = snap.documents.get(doc_id)
        if document is None or not 0 <= start < end <= len(document.text):
            raise QuoteBotError("That quote is no longer in the index.")
        text = document.text
        p_start = text.rfind("\n", 0, start) + 1
        p_end = text.find("\n", end)
        p_end = len(text) if p_end < 0 else p_end
        return text[p_start:p_end], start - p_start, end - p_start

    @property
    def snapshot(self) -> Snapshot:
        """The current in-memory view of the index."""
        return self._require_engine().snapshot

    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise IndexUnavailable("the index is not loaded yet; start the service first")
        return self._engine

    def _current_engine(self) -> Engine:
        """The engine, switched to a newer index generation another process committed (server mode).

        The catalogue is read at most once a second; the switch happens in the asking thread
        while other threads keep answering from the engine they hold, and never while this
        process is ingesting itself (it swaps when it is done).
        """
        engine = self._require_engine()
        now = time.monotonic()
        # Only a Chroma server is shared between processes: an embedded store is this process's
        # (Chroma keeps it in memory), so another process's generation is not visible in it.
        if not self.settings.server_mode or now - self._generation_checked < GENERATION_POLL_SECONDS:
            return engine
        self._generation_checked = now
        if self._committed_generation() == engine.generation:
            return engine
        if not self._reload_lock.acquire(blocking=False):
            return engine
        try:
            self._engine = engine = self._load_engine()
        except QuoteBotError:
            pass  # keep answering from the generation we have
        finally:
            self._reload_lock.release()
        return engine

    def _committed_generation(self) -> str | None:
        try:
            catalogue = Catalogue(catalogue_path(self.settings.data_dir), read_only=True)
        except QuoteBotError:
            return None
        try:
            return catalogue.info(GENERATION)
        finally:
            catalogue.close()

    def _store_reachable(self) -> bool:
        try:
            self._get_client().heartbeat()
        except Exception:  # any failure to reach the server means: not reachable
            return False
        return True

    def _needs_ingest(self) -> bool:
        if self.status().stale:
            return True
        # The catalogue may be intact while the vectors are gone (a wiped or new Chroma server).
        # More vectors than sentences is normal: the previous generation's wait for the next
        # ingest to delete them.
        expected = self._catalogue_count()
        return any(store._collection.count() < expected
                   for store in (self._open_store(), self._open_multilingual_store(),
                                 self._open_context_store()))

    def _catalogue_count(self) -> int:
        catalogue = Catalogue(catalogue_path(self.settings.data_dir), read_only=True)
        try:
            return catalogue.sentence_count()
        finally:
            catalogue.close()

    def _get_client(self) -> chromadb.ClientAPI:
        if self._client is None:
            self._client = open_client(self.settings.data_dir, self.settings.chroma_host,
                                       self.settings.chroma_port)
        return self._client

    def _open_store(self) -> Chroma:
        return self._open(self.collection, self.embedder)

    def _open_multilingual_store(self) -> Chroma:
        return self._open(self.multilingual_collection, self.multilingual)

    def _open_context_store(self) -> Chroma:
        return self._open(self.context_collection, self.multilingual)

    def _open(self, name: str, embedder: Embeddings) -> Chroma:
        """The store of one collection, opened once per service."""
        if name not in self._stores:
            self._stores[name] = open_collection(self._get_client(), name, embedder,
                                                 self.settings.collection)
        return self._stores[name]

    def _load_engine(self) -> Engine:
        path = catalogue_path(self.settings.data_dir)
        if not path.exists():
            raise IndexUnavailable(f"there is no index in {self.settings.data_dir}; run ingest first")
        catalogue = Catalogue(path, read_only=True)
        try:
            snapshot = Snapshot.from_catalogue(catalogue)
            generation = catalogue.info(GENERATION)
        finally:
            catalogue.close()
        chain = build_chain(self._open_store(), self._open_multilingual_store(), snapshot,
                            context_store=self._open_context_store(),
                            candidates=self.settings.candidates,
                            max_citations=self.settings.max_citations)
        return Engine(snapshot, chain, generation)

    def healthy(self) -> bool:
        """True when the service can answer: the index is loaded and the store answers."""
        return self._engine is not None and self._store_reachable()
