"""Votes through FeedbackStore on a real SQLite file: one per user per answer and per quote."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.feedback import SCHEMA_VERSION, FeedbackStore
from retrieval.answer import Answer, Citation

# The schema as the bot wrote it before votes were deduplicated (schema version 0).
OLD_SCHEMA = """
CREATE TABLE IF NOT EXISTS votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL,
    quote_n INTEGER,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    question TEXT NOT NULL,
    quotes TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (answer_id, quote_n, user_id)
);
"""
ALICE, BOB = 1, 2


def _answer(question: str = "What does the treaty oblige Russia to do?") -> Answer:
    quotes = [Citation(n=n, quote=f"Quote {n}.", doc_id="d", title="T", speaker="S",
                       role="interviewee", start=0, end=8, score=0.9) for n in (1, 2)]
    return Answer(question=question, abstained=False, text="", citations=tuple(quotes))


def _votes(store: FeedbackStore) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = store.export(out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(rows)
    return rows


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FeedbackStore]:
    store = FeedbackStore(tmp_path / "data" / "feedback.sqlite")
    yield store
    store.close()


def test_three_taps_on_an_answer_are_one_vote_and_the_latest_wins(store):
    answer = _answer()
    for vote in (1, -1, 1, -1):
        store.record(answer_id="a1", answer=answer, vote=vote, user_id=ALICE, chat_id=10)
    (only,) = _votes(store)
    assert (only["answer_id"], only["quote_n"], only["vote"]) == ("a1", None, -1)
    assert store.counts() == {"up": 0, "down": 1}


def test_votes_are_kept_per_user_per_answer_and_per_quote(store):
    answer = _answer()
    store.record(answer_id="a1", answer=answer, vote=1, user_id=ALICE, chat_id=10)
    store.record(answer_id="a1", answer=answer, vote=-1, user_id=ALICE, chat_id=10, quote_n=1)
    store.record(answer_id="a1", answer=answer, vote=1, user_id=ALICE, chat_id=10, quote_n=1)
    store.record(answer_id="a1", answer=answer, vote=-1, user_id=ALICE, chat_id=10, quote_n=2)
    store.record(answer_id="a1", answer=answer, vote=1, user_id=BOB, chat_id=20)
    store.record(answer_id="a2", answer=answer, vote=-1, user_id=ALICE, chat_id=10)
    got = {(v["answer_id"], v["quote_n"], v["user_id"]): v["vote"] for v in _votes(store)}
    assert got == {("a1", None, ALICE): 1, ("a1", 1, ALICE): 1, ("a1", 2, ALICE): -1,
                   ("a1", None, BOB): 1, ("a2", None, ALICE): -1}
    assert store.counts() == {"up": 3, "down": 2}
    quote_vote = next(v for v in _votes(store) if v["quote_n"] == 2)
    assert [q["quote"] for q in quote_vote["quotes"]] == ["Quote 2."]


def test_votes_survive_reopening_the_file(tmp_path):
    path = tmp_path / "feedback.sqlite"
    first = FeedbackStore(path)
    first.record(answer_id="a1", answer=_answer(), vote=1, user_id=ALICE, chat_id=10)
    first.close()
    second = FeedbackStore(path)
    second.record(answer_id="a1", answer=_answer(), vote=-1, user_id=ALICE, chat_id=10)
    assert second.counts() == {"up": 0, "down": 1}
    second.close()


def test_an_old_file_is_migrated_keeping_each_latest_vote_and_every_other_row(tmp_path):
    path = tmp_path / "feedback.sqlite"
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA)
    shown = json.dumps([{"n": 1, "quote": "Quote 1."}])
    rows = [  # answer_id, quote_n, vote, question, user_id, chat_id, created_at
        ("a1", None, 1, "q1", ALICE, 10, 100.0),
        ("a1", None, -1, "q1", ALICE, 10, 300.0),   # Alice's latest tap on a1
        ("a1", None, 1, "q1", ALICE, 10, 200.0),
        ("a1", None, 1, "q1", BOB, 20, 150.0),
        ("a1", 1, -1, "q1", ALICE, 10, 120.0),
        ("a2", None, 1, "q2", ALICE, 11, 400.0),
        ("a2", None, 1, "q2", ALICE, 11, 500.0),
    ]
    db.executemany("INSERT INTO votes (answer_id, quote_n, vote, question, quotes, abstained,"
                   " user_id, chat_id, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                   [(a, q, v, question, shown, u, c, t) for a, q, v, question, u, c, t in rows])
    db.commit()
    db.close()

    store = FeedbackStore(path)
    got = {(v["answer_id"], v["quote_n"], v["user_id"]): (v["vote"], v["created_at"], v["question"],
                                                          v["chat_id"], v["quotes"])
           for v in _votes(store)}
    assert got == {
        ("a1", None, ALICE): (-1, 300.0, "q1", 10, [{"n": 1, "quote": "Quote 1."}]),
        ("a1", None, BOB): (1, 150.0, "q1", 20, [{"n": 1, "quote": "Quote 1."}]),
        ("a1", 1, ALICE): (-1, 120.0, "q1", 10, [{"n": 1, "quote": "Quote 1."}]),
        ("a2", None, ALICE): (1, 500.0, "q2", 11, [{"n": 1, "quote": "Quote 1."}]),
    }
    assert store.counts() == {"up": 2, "down": 2}
    # After the migration a new tap replaces the vote instead of adding a row.
    store.record(answer_id="a1", answer=_answer("q1"), vote=1, user_id=ALICE, chat_id=10)
    store.record(answer_id="a1", answer=_answer("q1"), vote=1, user_id=ALICE, chat_id=10,
                 quote_n=1)
    assert len(_votes(store)) == 4
    assert store.counts() == {"up": 4, "down": 0}
    store.close()

    reopened = FeedbackStore(path)  # a second open finds the current schema and changes nothing
    assert len(_votes(reopened)) == 4
    reopened.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check.close()
