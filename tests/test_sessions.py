"""Answers behind buttons outlive the process that stored them, until their time is up."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

from bot.sessions import AnswerStore
from retrieval.answer import Answer, Citation


def _answer() -> Answer:
    def cite(n: int) -> Citation:
        return Citation(n=n, quote=f"Quote «{n}» 🙂", doc_id="d", title="T", speaker="S",
                        role="interviewee", start=n, end=n + 9, score=0.5, attribution="S",
                        source="“T” (Outlet)")
    return Answer(question="Q?", abstained=False, text="S: “Quote” [1]", citations=(cite(1),),
                  caveats=(cite(2),), more=(cite(3), cite(4)), latency_ms=12.5,
                  unanswered=("part",))


def test_an_answer_comes_back_whole_from_another_store_over_the_same_file(tmp_path):
    path = tmp_path / "answers.sqlite"
    first = AnswerStore(path, ttl=60)
    key = first.put(_answer(), user_id=2, chat_id=2)
    first.close()
    restarted = AnswerStore(path, ttl=60)
    stored = restarted.get(key)
    assert stored is not None
    assert stored.answer == _answer()
    assert (stored.user_id, stored.chat_id) == (2, 2)
    assert len(f"p|{key}|3".encode()) <= 64
    restarted.close()


def test_an_expired_or_unknown_answer_is_none_and_expired_rows_are_removed(tmp_path):
    path = tmp_path / "answers.sqlite"
    store = AnswerStore(path, ttl=1)
    old = store.put(_answer(), 2, 2)
    with closing(sqlite3.connect(path)) as db, db:  # age the row instead of sleeping
        db.execute("UPDATE answers SET created_at = ?", (time.time() - 5,))
    assert store.get(old) is None
    assert store.get("nosuchid") is None
    store.put(_answer(), 2, 2)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
    store.close()
