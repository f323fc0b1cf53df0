"""Server-side state behind inline buttons, and the numbers /stats reports.

Telegram allows 64 bytes of ``callback_data``; the buttons carry a short random id and the
answer stays here, for ``ttl`` seconds.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass

from retrieval.answer import Answer


@dataclass(frozen=True)
class StoredAnswer:
    """An answer that buttons may still refer to."""

    answer: Answer
    user_id: int
    chat_id: int
    created: float


class AnswerStore:
    """Answers by short id, forgotten after ``ttl`` seconds or beyond ``capacity`` entries."""

    def __init__(self, ttl: float, capacity: int = 10_000) -> None:
        self.ttl = ttl
        self.capacity = capacity
        self._items: OrderedDict[str, StoredAnswer] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, answer: Answer, user_id: int, chat_id: int) -> str:
        """Keep an answer; returns its id (8 URL-safe characters)."""
        key = secrets.token_urlsafe(6)
        with self._lock:
            self._items[key] = StoredAnswer(answer, user_id, chat_id, time.monotonic())
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> StoredAnswer | None:
        """The answer, or None when it has expired or never existed."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if time.monotonic() - item.created > self.ttl:
                del self._items[key]
                return None
            return item


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
            values = sorted(self._latencies)
        return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0
