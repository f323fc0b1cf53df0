"""Who may ask, and how often: numeric allow-lists, admins, and a per-user question limit."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AccessPolicy:
    """Who is served, by numeric id (usernames change hands).

    No allow-list set: everyone, everywhere. Once either list is set, a user is served only
    where their own id (``allowed_users``) or the chat's id (``allowed_chats``) is allowed: an
    allowed user anywhere, anyone inside an allowed group. A private chat's id is the user's id,
    so listing a user under chats lets them in privately too. Inline queries have no chat, so
    only allowed users may use them. Admins are always served.
    """

    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        """May this user ask in this chat? ``chat_id`` is None for inline queries."""
        if user_id is None:
            return False
        if user_id in self.admins:
            return True
        if not self.allowed_users and not self.allowed_chats:
            return True
        return user_id in self.allowed_users or (chat_id is not None
                                                 and chat_id in self.allowed_chats)

    def is_admin(self, user_id: int | None) -> bool:
        """May this user /reload and see /stats?"""
        return user_id is not None and user_id in self.admins


@dataclass
class QuestionLimiter:
    """At most ``per_minute`` questions per user in any sliding 60-second window."""

    per_minute: int
    window: float = 60.0
    _seen: dict[int, deque[float]] = field(default_factory=dict)
    _warned: dict[int, float] = field(default_factory=dict)

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

    def first_refusal(self, user_id: int) -> bool:
        """True once per full window: a flooding user is told once, not once per message."""
        times = self._seen.get(user_id)
        if not times:
            return True
        # The oldest question in the window names the window; a new one means a new refusal.
        if self._warned.get(user_id) == times[0]:
            return False
        self._warned[user_id] = times[0]
        return True
