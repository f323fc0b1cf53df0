"""The sentence catalogue and manifest, in SQLite beside the vectors.

It records, per document, the fingerprint that was indexed, the metadata, the text as delivered
and its sentences; and which embedding model and collection the vectors are in. It is the
source of truth for what the index holds: a vector whose id is not in the catalogue (left by an
ingest that crashed) is ignored, so a half-finished ingest never shows through.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from config.errors import IndexUnavailable
from retrieval.documents import DocumentMeta
from retrieval.sentences import Sentence

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, meta TEXT NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, role TEXT NOT NULL, speaker TEXT NOT NULL, turn INTEGER NOT NULL,
    paragraph INTEGER NOT NULL, PRIMARY KEY (doc_id, seq)
);
"""


def vector_id(doc_id: str, fingerprint: str, seq: int) -> str:
    """A sentence's vector id: stable while its file is unchanged, new when the file changes."""
    return f"{doc_id}:{fingerprint[:16]}:{seq}"


@dataclass(frozen=True)
class StoredDocument:
    """A document as the catalogue holds it."""

    meta: DocumentMeta
    fingerprint: str
    text: str


class Catalogue:
    """SQLite file ``catalogue.sqlite`` in the data directory."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        try:
            if read_only:
                self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                           check_same_thread=False)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.executescript(_SCHEMA)
                self._db.execute("INSERT OR IGNORE INTO info VALUES ('schema', ?)", (SCHEMA_VERSION,))
                self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            raise IndexUnavailable(f"the index catalogue {path} cannot be opened ({exc})") from exc

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change: all of it lands, or none."""
        try:
            with self._db:
                yield self._db
        except sqlite3.OperationalError as exc:
            raise IndexUnavailable(f"the index catalogue {self.path} cannot be written ({exc})") from exc

    def info(self, key: str) -> str | None:
        """A recorded fact (``model``, ``collection``)."""
        row = self._db.execute("SELECT value FROM info WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_info(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        """Record a fact inside a transaction."""
        conn.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (key, value))

    def fingerprints(self) -> dict[str, str]:
        """doc_id → indexed fingerprint."""
        return dict(self._db.execute("SELECT doc_id, fingerprint FROM documents").fetchall())

    def sentence_count(self) -> int:
        """How many sentences the catalogue holds."""
        return int(self._db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0])

    def replace_document(self, conn: sqlite3.Connection, meta: DocumentMeta, fingerprint: str,
                         text: str, sentences: Iterable[Sentence]) -> None:
        """Put a document and its sentences in place of its previous version."""
        self.remove_document(conn, meta.doc_id)
        conn.execute("INSERT INTO documents VALUES (?, ?, ?, ?)",
                     (meta.doc_id, fingerprint, json.dumps(meta.to_dict()), text))
        conn.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.doc_id, s.seq, s.start, s.end, s.text, s.role, s.speaker, s.turn, s.paragraph)
             for s in sentences],
        )

    def remove_document(self, conn: sqlite3.Connection, doc_id: str) -> None:
        """Forget a document."""
        conn.execute("DELETE FROM sentences WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def documents(self) -> list[StoredDocument]:
        """Every indexed document, by id."""
        rows = self._db.execute(
            "SELECT meta, fingerprint, text FROM documents ORDER BY doc_id").fetchall()
        out = []
        for meta_json, fingerprint, text in rows:
            data = json.loads(meta_json)
            data["authors"] = tuple(data.get("authors", ()))
            out.append(StoredDocument(DocumentMeta(**data), fingerprint, text))
        return out

    def sentences(self) -> list[Sentence]:
        """Every sentence, by document and position."""
        rows = self._db.execute(
            'SELECT doc_id, seq, start, "end", text, role, speaker, turn, paragraph '
            "FROM sentences ORDER BY doc_id, seq").fetchall()
        return [Sentence(*row) for row in rows]

    def sentences_of(self, doc_id: str) -> list[Sentence]:
        """One document's sentences, in order."""
        rows = self._db.execute(
            'SELECT doc_id, seq, start, "end", text, role, speaker, turn, paragraph '
            "FROM sentences WHERE doc_id = ? ORDER BY seq", (doc_id,)).fetchall()
        return [Sentence(*row) for row in rows]
