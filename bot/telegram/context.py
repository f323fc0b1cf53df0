"""The typed context handlers receive: what they share, as properties over ``bot_data``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from telegram import Update
from telegram.ext import CallbackContext, ExtBot

from bot.feedback import FeedbackStore
from bot.guards import AccessPolicy, QuestionLimiter
from bot.sessions import AnswerStore, Stats
from bot.telegram.delivery import Delivery
from bot.texts import language
from config.settings import Settings
from retrieval.service import QuoteService

T = TypeVar("T")


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Typed access to what the handlers share (kept in ``bot_data`` by ``build_application``)."""

    @property
    def service(self) -> QuoteService:
        """The answer engine."""
        return self.bot_data["service"]

    @property
    def settings(self) -> Settings:
        """The settings."""
        return self.bot_data["settings"]

    @property
    def delivery(self) -> Delivery:
        """The one way to send."""
        return self.bot_data["delivery"]

    @property
    def answers(self) -> AnswerStore:
        """Answers that buttons refer to."""
        return self.bot_data["answers"]

    @property
    def feedback(self) -> FeedbackStore:
        """Votes."""
        return self.bot_data["feedback"]

    @property
    def stats(self) -> Stats:
        """Counters for /stats."""
        return self.bot_data["stats"]

    @property
    def policy(self) -> AccessPolicy:
        """Who may ask."""
        return self.bot_data["policy"]

    @property
    def limiter(self) -> QuestionLimiter:
        """Questions per user per minute."""
        return self.bot_data["limiter"]

    async def off_loop(self, fn: Callable[..., T], *args: Any) -> T:
        """Run CPU-bound work (answers, reloads) in the answer pool, not on the event loop."""
        pool: ThreadPoolExecutor = self.bot_data["pool"]
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)

    async def storage(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a short SQLite call off the loop, but not in the answer pool: under load that
        pool has a queue, and storing an answer must not wait behind other chats' questions."""
        return await asyncio.to_thread(fn, *args)


def lang_of(update: Update) -> str:
    """The language of the bot's own words for this user (Telegram's language_code)."""
    user = update.effective_user
    return language(user.language_code if user else None)
