"""Who may ask, and how often: numeric allow-lists, admins, and a per-user question limit."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AccessPolicy:
    """Empty allow-lists allow everyone; ids are numeric because usernames change hands."""

    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        """May this user ask in this chat?"""
        if user_id is None:
            return False
        if user_id in self.admins:
            return True
        if self.allowed_users and user_id not in self.allowed_users:
            return False
        return not (self.allowed_chats and chat_id is not None and chat_id not in self.allowed_chats
                    and chat_id != user_id)

    def is_admin(self, user_id: int | None) -> bool:
        """May this user /reload and see /stats?"""
        return user_id is not None and user_id in self.admins


@dataclass
class QuestionLimiter:
    """At most ``per_minute`` questions per user in any sliding 60-second window."""

    per_minute: int
    window: float = 60.0
    _seen: dict[int, deque[float]] = field(default_factory=dict)

    def check(self, user_id: int, now: float | None = None) -> float:
        """0 when the question may go ahead (and counts it), else seconds until it may."""
        now = time.monotonic() if now is None else now
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.per_minute:
            return self.window - (now - times[0])
        times.append(now)
        return 0.0
