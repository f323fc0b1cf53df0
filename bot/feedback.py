"""Votes on answers and quotes, kept in SQLite; exported as JSONL for regression questions.

One vote per user per answer and per quote: a later tap replaces the earlier vote, so the table
holds votes, not taps. Files written before that rule (schema version 0, where SQLite's UNIQUE
let every tap on a whole answer through, since NULL quote numbers never collide) are migrated
when opened: the latest vote of each user on each answer or quote is kept, every other row too.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import IO, Any

from retrieval.answer import Answer

SCHEMA_VERSION = 1
# quote_n is NULL for a vote on a whole answer; quotes are numbered from 1, so 0 stands for the
# whole answer in the uniqueness key (a NULL would never equal another NULL there).
_KEY = "answer_id, user_id, COALESCE(quote_n, 0)"
_COLUMNS = "id, answer_id, quote_n, vote, question, quotes, abstained, user_id, chat_id, created_at"
_TABLE = """
CREATE TABLE {name} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL,
    quote_n INTEGER,            -- NULL: a vote on the whole answer
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    question TEXT NOT NULL,
    quotes TEXT NOT NULL,       -- JSON list of the citations shown
    abstained INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    created_at REAL NOT NULL
)
"""
_INDEX = f"CREATE UNIQUE INDEX one_vote_per_user ON votes ({_KEY})"


class FeedbackStore:
    """SQLite file of votes; one vote per user per answer (or quote), the latest wins."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit: each statement is its own transaction unless one is begun explicitly.
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA busy_timeout = 5000")
        self._lock = threading.Lock()
        self._migrate()

    def _migrate(self) -> None:
        """Create the table, or bring an older file to SCHEMA_VERSION without losing a vote."""
        self._db.execute("BEGIN IMMEDIATE")  # another process opening the file waits here
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            exists = self._db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'votes'").fetchone()
            if not exists:
                self._db.execute(_TABLE.format(name="votes"))
                self._db.execute(_INDEX)
            elif version < 1:
                # Rebuild without the old table-level UNIQUE, keeping each key's latest tap.
                self._db.execute(_TABLE.format(name="votes_v1"))
                self._db.execute(
                    f"INSERT INTO votes_v1 ({_COLUMNS}) SELECT {_COLUMNS} FROM ("
                    f"SELECT *, ROW_NUMBER() OVER (PARTITION BY {_KEY}"
                    " ORDER BY created_at DESC, id DESC) AS rank FROM votes) WHERE rank = 1")
                self._db.execute("DROP TABLE votes")
                self._db.execute("ALTER TABLE votes_v1 RENAME TO votes")
                self._db.execute(_INDEX)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def record(self, *, answer_id: str, answer: Answer, vote: int, user_id: int, chat_id: int,
               quote_n: int | None = None) -> None:
        """Store a vote (+1 or -1) on an answer, or on one of its quotes; replaces the user's
        earlier vote on the same answer (or quote)."""
        shown = [c.to_dict() for c in (*answer.citations, *answer.more)]
        if quote_n is not None:
            shown = [c for c in shown if c["n"] == quote_n]
        with self._lock:
            self._db.execute(
                "INSERT INTO votes (answer_id, quote_n, vote, question, quotes, abstained, user_id,"
                " chat_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                f" ON CONFLICT ({_KEY}) DO UPDATE SET vote = excluded.vote,"
                " chat_id = excluded.chat_id, created_at = excluded.created_at",
                (answer_id, quote_n, vote, answer.question, json.dumps(shown, ensure_ascii=False),
                 int(answer.abstained), user_id, chat_id, time.time()))

    def counts(self) -> dict[str, int]:
        """Up and down votes so far (each user's latest vote on each answer or quote)."""
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
