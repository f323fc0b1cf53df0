"""Votes on answers and quotes, kept in SQLite; exported as JSONL for regression questions."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import IO, Any

from retrieval.answer import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL,
    quote_n INTEGER,            -- NULL: a vote on the whole answer
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    question TEXT NOT NULL,
    quotes TEXT NOT NULL,       -- JSON list of the citations shown
    abstained INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (answer_id, quote_n, user_id)
);
"""


class FeedbackStore:
    """SQLite file of votes; one vote per user per answer (or quote), the latest wins."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def record(self, *, answer_id: str, answer: Answer, vote: int, user_id: int, chat_id: int,
               quote_n: int | None = None) -> None:
        """Store a vote (+1 or -1) on an answer, or on one of its quotes."""
        shown = [c.to_dict() for c in (*answer.citations, *answer.more)]
        if quote_n is not None:
            shown = [c for c in shown if c["n"] == quote_n]
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO votes (answer_id, quote_n, vote, question, quotes, abstained, user_id,"
                " chat_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (answer_id, quote_n, user_id) DO UPDATE SET vote = excluded.vote,"
                " created_at = excluded.created_at",
                (answer_id, quote_n, vote, answer.question, json.dumps(shown, ensure_ascii=False),
                 int(answer.abstained), user_id, chat_id, time.time()))

    def counts(self) -> dict[str, int]:
        """Up and down votes so far."""
        with self._lock:
            rows = self._db.execute("SELECT vote, COUNT(*) FROM votes GROUP BY vote").fetchall()
        got = dict(rows)
        return {"up": int(got.get(1, 0)), "down": int(got.get(-1, 0))}

    def export(self, out: IO[str]) -> int:
        """Write every vote as one JSON object per line; returns how many."""
        with self._lock:
            rows = self._db.execute(
                "SELECT answer_id, quote_n, vote, question, quotes, abstained, user_id, chat_id,"
                " created_at FROM votes ORDER BY id").fetchall()
        for row in rows:
            record: dict[str, Any] = {
                "answer_id": row[0], "quote_n": row[1], "vote": row[2], "question": row[3],
                "quotes": json.loads(row[4]), "abstained": bool(row[5]), "user_id": row[6],
                "chat_id": row[7], "created_at": row[8],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(rows)
