"""Ingest: from the corpus folder to sentences in the catalogue and vectors in Chroma.

The corpus folder is the source of truth. Ingest compares each file's fingerprint with the
catalogue and embeds only what changed: an unchanged corpus computes zero embeddings, an edited
file is re-embedded alone, a deleted file's sentences are removed, and a new embedding model
gets a new collection instead of mixing vectors. Vectors are written before the catalogue
switches to them, all documents in one transaction, so an ingest that stops half-way leaves the
previous generation whole; see ``Ingestor`` for the order of steps.
"""

from __future__ import annotations

import errno
import fcntl
import os
import queue
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_chroma import Chroma
from tqdm import tqdm

from config.errors import CorpusError, IndexUnavailable
from retrieval.catalogue import Catalogue, vector_id
from retrieval.documents import (
    SourceDocument,
    discover,
    doc_id_for,
    fingerprint_of,
    load_document,
)
from retrieval.faults import crash_point
from retrieval.sentences import Sentence, read_in_context, split_document

CATALOGUE_FILE = "catalogue.sqlite"
# The catalogue's info key counting committed index generations; a service that sees it change
# switches to the new generation.
GENERATION = "generation"
LOCK_FILE = "writer.lock"
# Chroma caps one write at a few thousand records; keep writes well inside that.
_WRITE_BATCH = 1024
# Write batches the encoder may run ahead of the writer: enough to overlap, little memory.
_ENCODED_AHEAD = 2


@dataclass(frozen=True)
class IngestReport:
    """What an ingest changed."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    repaired: tuple[str, ...] = ()
    broken: dict[str, str] = field(default_factory=dict)
    embedded: int = 0
    sentences: int = 0
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        """True when the index differs from before."""
        return bool(self.added or self.updated or self.removed or self.repaired or self.rebuilt)

    def summary(self) -> str:
        """One line a person can read."""
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated",
                 f"{len(self.removed)} removed", f"{len(self.unchanged)} unchanged"]
        if self.repaired:
            parts.append(f"{len(self.repaired)} repaired")
        text = (f"Index: {', '.join(parts)}; {self.embedded} sentences embedded, "
                f"{self.sentences} in the index ({self.seconds:.1f} s).")
        if self.rebuilt:
            text += " The embedding model changed, so the vectors were rebuilt."
        for doc_id, message in sorted(self.broken.items()):
            text += f"\nSkipped {doc_id}: {message} (its previous version, if any, is kept)."
        return text


@dataclass(frozen=True)
class Staleness:
    """How the catalogue differs from the corpus folder, without loading anything heavy."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]
    model_changed: bool
    missing: bool

    @property
    def stale(self) -> bool:
        """True when an ingest would change something."""
        return bool(self.missing or self.model_changed or self.new or self.changed or self.deleted)


def catalogue_path(data_dir: Path) -> Path:
    """Where the catalogue lives."""
    return data_dir / CATALOGUE_FILE


def make_data_dir(data_dir: Path) -> None:
    """Create the data directory if it is missing; one sentence when it cannot be."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IndexUnavailable(
            f"the data directory {data_dir} is not writable ({exc.strerror})") from None


@contextmanager
def writer_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's writer lock: one ingesting process at a time."""
    make_data_dir(data_dir)
    try:
        handle = open(data_dir / LOCK_FILE, "a+")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise IndexUnavailable(
            f"the data directory {data_dir} is not writable ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexUnavailable(
                f"another process is updating the index in {data_dir}; try again when it is done"
            ) from None
        yield
    finally:
        handle.close()


def check_writable(data_dir: Path) -> None:
    """Fail with one sentence when the data directory cannot be written."""
    target = data_dir if data_dir.exists() else data_dir.parent
    if not os.access(target, os.W_OK):
        raise IndexUnavailable(f"the data directory {data_dir} is read-only, so the index cannot be built")


def staleness(corpus_dir: Path, catalogue: Catalogue | None, model_name: str) -> Staleness:
    """Compare the corpus folder with the catalogue (reads files, loads no model)."""
    on_disk = {doc_id_for(p): fingerprint_of(p) for p in discover(corpus_dir)}
    indexed = catalogue.fingerprints() if catalogue else {}
    model = catalogue.info("model") if catalogue else None
    return Staleness(
        new=tuple(sorted(set(on_disk) - set(indexed))),
        changed=tuple(sorted(d for d in on_disk if d in indexed and indexed[d] != on_disk[d])),
        deleted=tuple(sorted(set(indexed) - set(on_disk))),
        model_changed=model is not None and model != model_name,
        missing=catalogue is None or model is None,
    )


class Ingestor:
    """Brings the catalogue and the Chroma collections (one per encoder) in line with the corpus.

    Every collection holds one vector per sentence under the same ids; a sentence counts as
    indexed when every collection has it. One ingest makes one index generation:

    1. vectors of the documents that changed are embedded and written beside the old ones
       (a vector's id names its document's fingerprint, so old and new never collide);
    2. one catalogue transaction switches every document, and the generation number, at once;
    3. the vectors the previous generation used are left in place, so a service still answering
       from it (this process until it swaps, or a bot in another process until it notices the
       new generation) never loses a quote; the next ingest deletes them.

    A process killed at any point leaves the last committed generation whole, and the next
    ingest reuses every vector already written (ids are deterministic) instead of re-embedding.
    """

    def __init__(self, corpus_dir: Path, catalogue: Catalogue, stores: Sequence[Chroma],
                 model_name: str, collection: str, *, in_context: Sequence[Chroma] = (),
                 progress: bool = True) -> None:
        self.corpus_dir = corpus_dir
        self.catalogue = catalogue
        self.stores = tuple(stores)
        # Stores whose vector of a sentence encodes it as read in context (``read_in_context``).
        self._in_context = {id(store) for store in in_context}
        self.model_name = model_name
        self.collection = collection
        self.progress = progress

    def run(self) -> IngestReport:
        """Ingest the corpus folder; the caller holds the writer lock."""
        started = time.perf_counter()
        paths = discover(self.corpus_dir)
        if not paths:
            raise CorpusError(
                f"the corpus folder {self.corpus_dir} has no documents (.txt, .md or .html files)")
        indexed = self.catalogue.fingerprints()
        rebuilt = self.catalogue.info("collection") not in (None, self.collection)
        present = [self._vector_ids(store) for store in self.stores]
        wanted: list[Path] = []
        unchanged, repaired = [], []
        for path in paths:
            doc_id, fingerprint = doc_id_for(path), fingerprint_of(path)
            if indexed.get(doc_id) != fingerprint:
                wanted.append(path)
            elif not self._vectors_complete(doc_id, fingerprint, present):
                wanted.append(path)
                repaired.append(doc_id)
            else:
                unchanged.append(doc_id)

        documents: list[tuple[SourceDocument, list[Sentence]]] = []
        broken: dict[str, str] = {}
        for path in wanted:
            try:
                doc = load_document(path)
            except CorpusError as exc:
                broken[doc_id_for(path)] = str(exc)
                continue
            documents.append((doc, split_document(doc)))

        self._delete_retired(present, documents)
        embedded = self._embed(documents, present)
        crash_point("vectors-written")
        on_disk = {doc_id_for(p) for p in paths}
        removed = sorted(set(indexed) - on_disk)
        done = {d.doc_id for d, _ in documents}
        changed = bool(done or removed or rebuilt or self.catalogue.info("model") is None)
        with self.catalogue.transaction() as conn:
            for doc, sentences in documents:
                self.catalogue.replace_document(conn, doc.meta, doc.fingerprint, doc.text,
                                                sentences)
            for doc_id in removed:
                self.catalogue.remove_document(conn, doc_id)
            self.catalogue.set_info(conn, "model", self.model_name)
            self.catalogue.set_info(conn, "collection", self.collection)
            if changed:
                self.catalogue.set_info(conn, GENERATION, str(next_generation(self.catalogue)))
        crash_point("catalogue-committed")

        return IngestReport(
            added=tuple(sorted(d for d in done if d not in indexed)),
            updated=tuple(sorted(d for d in done if d in indexed and d not in repaired)),
            removed=tuple(removed),
            unchanged=tuple(sorted(unchanged)),
            repaired=tuple(sorted(d for d in repaired if d in done)),
            broken=broken,
            embedded=embedded,
            sentences=self.catalogue.sentence_count(),
            rebuilt=rebuilt,
            seconds=time.perf_counter() - started,
        )

    def _embed(self, documents: list[tuple[SourceDocument, list[Sentence]]],
               present: list[set[str]]) -> int:
        """Write every missing vector of the changed documents; the catalogue is not touched.

        A producer thread encodes write batches (sorted by length, so the encoders' own batches
        pad little) at most a few ahead while this thread writes them to Chroma: encoding and
        writing overlap.
        """
        total = sum(len(s) for _, s in documents)
        bar = tqdm(total=total, desc="Embedding sentences", unit="sent",
                   disable=not self.progress or total == 0)
        work: queue.Queue[Any] = queue.Queue(maxsize=_ENCODED_AHEAD)
        stop = threading.Event()

        def put(item: Any) -> None:
            while not stop.is_set():
                try:
                    work.put(item, timeout=0.1)
                    return
                except queue.Full:
                    continue

        def produce() -> None:
            try:
                for doc, sentences in documents:
                    ids = [vector_id(doc.doc_id, doc.fingerprint, s.seq) for s in sentences]
                    todo = [(i, s) for i, s in zip(ids, sentences, strict=True)
                            if any(i not in have for have in present)]
                    in_context = dict(zip(ids, read_in_context(sentences), strict=True))
                    put(("skipped", len(sentences) - len(todo)))
                    for chunk in range(0, len(todo), _WRITE_BATCH):
                        batch = todo[chunk:chunk + _WRITE_BATCH]
                        writes = []
                        # An encoder embeds a text once per batch: a sentence that opens its
                        # turn reads the same in context, and e5 has it already.
                        encoded: dict[tuple[int, str], list[float]] = {}
                        for store, have in zip(self.stores, present, strict=True):
                            missing = sorted(((i, s) for i, s in batch if i not in have),
                                             key=lambda pair: len(pair[1].text))
                            if missing:
                                assert store.embeddings is not None
                                encoder = id(store.embeddings)
                                texts = [in_context[i] if id(store) in self._in_context else s.text
                                         for i, s in missing]
                                new = [t for t in dict.fromkeys(texts) if (encoder, t) not in encoded]
                                if new:
                                    encoded.update(zip(((encoder, t) for t in new),
                                                       store.embeddings.embed_documents(new),
                                                       strict=True))
                                writes.append((store, missing,
                                               [encoded[encoder, t] for t in texts]))
                        put(("vectors", writes, len(batch)))
                        if stop.is_set():
                            return
            except BaseException as exc:  # handed to the writer, which raises it
                put(("error", exc))
            finally:
                put(("end",))

        producer = threading.Thread(target=produce, name="ingest-encoder", daemon=True)
        embedded = 0
        with bar:
            producer.start()
            try:
                while (item := work.get())[0] != "end":
                    if item[0] == "error":
                        raise item[1]
                    if item[0] == "skipped":
                        bar.update(item[1])
                        continue
                    for store, missing, vectors in item[1]:
                        crash_point("embedded")
                        self._write(store, missing, vectors)
                    embedded += item[2]
                    bar.update(item[2])
            finally:
                stop.set()
                producer.join()
        return embedded

    @staticmethod
    def _write(store: Chroma, batch: list[tuple[str, Sentence]], vectors: list[list[float]]) -> None:
        """Write one encoded batch; a failure is one sentence, and nothing committed is touched."""
        try:
            store._collection.upsert(
                ids=[i for i, _ in batch],
                embeddings=vectors,  # type: ignore[arg-type]
                documents=[s.text for _, s in batch],
                metadatas=[{"doc_id": s.doc_id, "seq": s.seq, "role": s.role} for _, s in batch],
            )
        except Exception as exc:  # Chroma reports a full disk, I/O and server errors alike
            raise write_failure(exc) from exc

    @staticmethod
    def _vector_ids(store: Chroma) -> set[str]:
        result: dict[str, Any] = store.get(include=[])
        return set(result["ids"])

    def _indexed_ids(self, doc_id: str, fingerprint: str) -> list[str]:
        return [vector_id(doc_id, fingerprint, s.seq)
                for s in self.catalogue.sentences_of(doc_id)]

    def _vectors_complete(self, doc_id: str, fingerprint: str, present: list[set[str]]) -> bool:
        return all(i in have for have in present for i in self._indexed_ids(doc_id, fingerprint))

    def _delete_retired(self, present: list[set[str]],
                        documents: list[tuple[SourceDocument, list[Sentence]]]) -> None:
        """Delete the vectors no generation needs any more.

        That is every vector the committed catalogue does not point to (the generation before
        it, or an ingest that was killed), except those this ingest is about to use.
        """
        keep = {vector_id(s.doc_id, fp, s.seq)
                for doc_id, fp in self.catalogue.fingerprints().items()
                for s in self.catalogue.sentences_of(doc_id)}
        keep.update(vector_id(d.doc_id, d.fingerprint, s.seq) for d, ss in documents for s in ss)
        for store, have in zip(self.stores, present, strict=True):
            retired = sorted(have - keep)
            if retired:
                crash_point("before-cleanup")
            for chunk in range(0, len(retired), _WRITE_BATCH):
                store.delete(ids=retired[chunk:chunk + _WRITE_BATCH])
            have.difference_update(retired)


def write_failure(exc: BaseException) -> IndexUnavailable:
    """One sentence for a failed vector write; the previous generation is untouched by it."""
    text = str(exc)
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in text \
            or "No space left" in text:
        return IndexUnavailable("the disk holding the index is full, so the new vectors could not "
                                "be written; the previous index is kept (free some space and "
                                "ingest again)")
    return IndexUnavailable(f"the new vectors could not be written ({exc.__class__.__name__}); "
                            "the previous index is kept")


def next_generation(catalogue: Catalogue) -> int:
    """The number of the generation an ingest is about to commit."""
    return int(catalogue.info(GENERATION) or 0) + 1
