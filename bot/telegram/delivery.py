"""Delivery: the only code that calls the Bot API to send, with every retry and error rule.

Every outgoing call (messages, edits, chat actions, callback and inline answers, the command
menu, the webhook) goes through ``Delivery.call``:

* a timeout, a network error or a 5xx is retried with back-off (``ATTEMPTS`` tries in all);
* a 429 waits the ``retry_after`` Telegram asks for, then retries (within the same attempts);
  in the application the rate limiter (``wiring.MessageRateLimiter``) already does that while
  holding every other send, so a 429 reaches this code only once the limiter has given up;
* a 400 "can't parse entities" is sent again once as plain text, when the call has a plain form;
* a 403 means the user blocked the bot (or left the chat): nothing can be delivered, so it is
  logged at INFO and dropped;
* anything else is raised, except for calls that only decorate (the typing action, a callback
  acknowledgement): those are logged and dropped, so a failing decoration never costs a reply.

A timed-out send may have reached Telegram: retrying can, rarely, deliver a message twice. We
prefer that to losing a reply.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from html import escape
from typing import TypeVar

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardMarkup,
    InlineQueryResult,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.render import plain_text

log = logging.getLogger(__name__)
T = TypeVar("T")

ATTEMPTS = 4
FIRST_DELAY = 0.5
# Telegram asks for waits of minutes in a real flood; a reply that late is worse than none.
MAX_RETRY_AFTER = 60.0


def is_parse_error(exc: BadRequest) -> bool:
    """Telegram could not parse the HTML entities of a text."""
    return "can't parse entities" in exc.message.lower() or "can't find end" in exc.message.lower()


def _seconds(retry_after: int | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


class Delivery:
    """Sends through one bot with the rules above; one instance per application."""

    def __init__(self, bot: Bot, *, attempts: int = ATTEMPTS, first_delay: float = FIRST_DELAY
                 ) -> None:
        self.bot = bot
        self.attempts = attempts
        self.first_delay = first_delay

    async def call(self, what: str, make: Callable[[], Awaitable[T]], *,
                   plain: Callable[[], Awaitable[T]] | None = None,
                   essential: bool = True) -> T | None:
        """Run one Bot API call under the delivery rules; None when it could not be delivered.

        ``what`` names the call in logs (never with the text). ``plain`` is the same call
        without HTML, tried once on a parse error. A non-``essential`` call never raises.
        """
        delay = self.first_delay
        for attempt in range(1, self.attempts + 1):
            try:
                return await make()
            except Forbidden as exc:
                log.info("%s: the chat cannot be reached (%s); dropped", what, exc.message)
                return None
            except BadRequest as exc:
                if plain is not None and is_parse_error(exc):
                    log.warning("%s: Telegram could not parse the HTML; sent as plain text", what)
                    return await self.call(f"{what} (plain text)", plain, essential=essential)
                self._give_up(what, exc, essential)
                return None
            except RetryAfter as exc:
                wait = _seconds(exc.retry_after)
                if attempt == self.attempts or wait > MAX_RETRY_AFTER:
                    self._give_up(what, exc, essential)
                    return None
                log.warning("%s: flood control, retry %d in %.1f s", what, attempt, wait)
                await asyncio.sleep(wait)
            except NetworkError as exc:  # timeouts, connection errors and 5xx
                if attempt == self.attempts:
                    self._give_up(what, exc, essential)
                    return None
                log.warning("%s failed (%s); retry %d in %.1f s", what, exc.message, attempt, delay)
                await asyncio.sleep(delay)
                delay *= 2
            except TelegramError as exc:
                self._give_up(what, exc, essential)
                return None
        return None

    @staticmethod
    def _give_up(what: str, exc: TelegramError, essential: bool) -> None:
        if essential:
            raise exc
        log.warning("%s failed (%s); skipped", what, exc.message)

    # --- one method per kind of call ----------------------------------------------------------

    async def send(self, chat_id: int, html: str, *, reply_to: int | None = None,
                   markup: InlineKeyboardMarkup | None = None) -> Message | None:
        """Send one HTML message (plain text if Telegram cannot parse it)."""
        def attempt(text: str, mode: str | None) -> Callable[[], Awaitable[Message]]:
            return lambda: self.bot.send_message(
                chat_id, text, parse_mode=mode, reply_markup=markup, reply_to_message_id=reply_to,
                allow_sending_without_reply=True)
        return await self.call("sendMessage", attempt(html, ParseMode.HTML),
                               plain=attempt(plain_text(html), None))

    async def edit(self, chat_id: int, message_id: int, html: str, *,
                   markup: InlineKeyboardMarkup | None = None) -> Message | bool | None:
        """Replace the text of a message the bot sent."""
        def attempt(text: str, mode: str | None) -> Callable[[], Awaitable[Message | bool]]:
            return lambda: self.bot.edit_message_text(text, chat_id, message_id, parse_mode=mode,
                                                      reply_markup=markup)
        return await self.call("editMessageText", attempt(html, ParseMode.HTML),
                               plain=attempt(plain_text(html), None))

    async def typing(self, chat_id: int) -> None:
        """Show "typing…" while an answer is prepared; only a decoration."""
        await self.call("sendChatAction",
                        lambda: self.bot.send_chat_action(chat_id, ChatAction.TYPING),
                        essential=False)

    async def answer_callback(self, query_id: str, text: str | None = None, *,
                              alert: bool = False) -> None:
        """Acknowledge a button press (stops the spinner), with a short text if any."""
        await self.call("answerCallbackQuery",
                        lambda: self.bot.answer_callback_query(query_id, text, show_alert=alert),
                        essential=False)

    async def answer_inline(self, query_id: str, results: Sequence[InlineQueryResult], *,
                            cache_time: int = 0, personal: bool = True) -> None:
        """Answer an inline query (plain-text cards if Telegram cannot parse the HTML)."""
        def attempt(items: Sequence[InlineQueryResult]) -> Callable[[], Awaitable[bool]]:
            return lambda: self.bot.answer_inline_query(query_id, items, cache_time=cache_time,
                                                        is_personal=personal)
        await self.call("answerInlineQuery", attempt(results),
                        plain=attempt([_plain_result(r) for r in results]))

    async def set_commands(self, commands: Sequence[BotCommand]) -> None:
        """Publish the command menu."""
        await self.call("setMyCommands", lambda: self.bot.set_my_commands(commands))

    async def set_webhook(self, url: str, secret: str, allowed_updates: Sequence[str]) -> None:
        """Register the webhook with its secret token."""
        await self.call("setWebhook", lambda: self.bot.set_webhook(
            url, secret_token=secret, allowed_updates=allowed_updates))


def _plain_result(result: InlineQueryResult) -> InlineQueryResult:
    """An article result whose HTML content is replaced by its plain text."""
    if not isinstance(result, InlineQueryResultArticle) or not isinstance(
            result.input_message_content, InputTextMessageContent):
        return result
    content = result.input_message_content
    text = plain_text(content.message_text) if content.parse_mode == ParseMode.HTML else \
        content.message_text
    return InlineQueryResultArticle(
        id=result.id, title=result.title, description=result.description,
        input_message_content=InputTextMessageContent(text))


def html(text: str) -> str:
    """Our own words, escaped for Telegram HTML."""
    return escape(text, quote=False)
