"""Server-side state behind inline buttons, and the numbers /stats reports.

Telegram allows 64 bytes of ``callback_data``, so a button carries a short random id and the
answer is kept here, in SQLite under ``DATA_DIR``, for ``ttl`` seconds: buttons keep working
after a restart or a deploy, and on any replica that shares the data directory.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from retrieval.answer import Answer, Citation

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    answer TEXT NOT NULL,      -- the Answer as JSON, citations with every field
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    created_at REAL NOT NULL   -- wall-clock time: it must mean the same after a restart
);
CREATE INDEX IF NOT EXISTS answers_created ON answers (created_at);
"""


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q`` quantile (0.5, 0.95) of some timings; 0 when there are none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


@dataclass(frozen=True)
class StoredAnswer:
    """An answer that buttons may still refer to."""

    answer: Answer
    user_id: int
    chat_id: int
    created: float


def _citations(items: list[dict[str, Any]]) -> tuple[Citation, ...]:
    # Only the fields this version knows: a row written by a newer or older version still loads.
    known = {f.name for f in fields(Citation)}
    return tuple(Citation(**{k: v for k, v in item.items() if k in known}) for item in items)


def answer_to_json(answer: Answer) -> str:
    """An answer as JSON, every field kept."""
    return json.dumps(asdict(answer), ensure_ascii=False)


def answer_from_json(text: str) -> Answer:
    """The answer ``answer_to_json`` wrote."""
    data = json.loads(text)
    known = {f.name for f in fields(Answer)}
    values = {k: v for k, v in data.items() if k in known}
    for key in ("citations", "caveats", "more"):
        values[key] = _citations(values.get(key, []))
    values["unanswered"] = tuple(values.get("unanswered", ()))
    return Answer(**values)


class AnswerStore:
    """Answers by short id in SQLite, forgotten after ``ttl`` seconds."""

    def __init__(self, path: Path, ttl: float) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.ttl = ttl
        # Several replicas may share the file: wait for each other's writes instead of failing.
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        # No fsync per answer: an application crash loses nothing in WAL mode; a power cut may
        # lose the last buttons' answers, which then say "expired". Not worth a disk flush each.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def put(self, answer: Answer, user_id: int, chat_id: int) -> str:
        """Keep an answer; returns its id (8 URL-safe characters). Expired ones are removed."""
        key = secrets.token_urlsafe(6)
        now = time.time()
        with self._lock, self._db:
            self._db.execute("DELETE FROM answers WHERE created_at < ?", (now - self.ttl,))
            self._db.execute("INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
                             (key, answer_to_json(answer), user_id, chat_id, now))
        return key

    def get(self, key: str) -> StoredAnswer | None:
        """The answer, or None when it has expired or never existed."""
        with self._lock:
            row = self._db.execute("SELECT answer, user_id, chat_id, created_at FROM answers"
                                   " WHERE id = ?", (key,)).fetchone()
        if row is None or time.time() - row[3] > self.ttl:
            return None
        return StoredAnswer(answer_from_json(row[0]), row[1], row[2], row[3])


class Stats:
    """Questions, abstentions and answer latencies since start-up."""

    def __init__(self, keep: int = 10_000) -> None:
        self.questions = 0
        self.abstentions = 0
        self._latencies: deque[float] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def record(self, answer: Answer) -> None:
        """Count one answered question."""
        with self._lock:
            self.questions += 1
            self.abstentions += answer.abstained
            self._latencies.append(answer.latency_ms)

    def percentile(self, q: float) -> float:
        """A latency percentile in ms (0 when nothing was asked yet)."""
        with self._lock:
            values = list(self._latencies)
        return percentile(values, q)
