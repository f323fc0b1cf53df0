"""A local Bot API server on 127.0.0.1 that speaks Telegram's JSON, for tests and benchmarks.

It is the one seam we fake, because Telegram itself cannot be reached here. The real bot talks
to it through python-telegram-bot's own HTTP stack (``TELEGRAM_BASE_URL``). It checks what a
real server checks that matters to us (the token, HTML entities, the 4,096-character limit,
64-byte callback data), answers with Telegram's error shapes, and can be told to fail: 400, 403,
429 with retry_after, 5xx, or a timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import ClientSession, web

from bot.render import utf16_length

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Quotes", "username": "quote_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": True}
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
                "a", "tg-emoji", "code", "pre", "blockquote"}
# Parameters that python-telegram-bot sends as plain strings; all others arrive JSON-encoded.
_STRING_PARAMS = {"text", "parse_mode", "callback_query_id", "inline_query_id", "url",
                  "secret_token", "action", "next_offset", "description", "chat_id"}


# The failures a real Bot API server answers with, by name: (status, description, retry_after).
FAULTS: dict[str, tuple[int, str, int | None]] = {
    "parse": (400, "Bad Request: can't parse entities: unsupported start tag \"x\" at byte "
                   "offset 0", None),
    "blocked": (403, "Forbidden: bot was blocked by the user", None),
    "flood": (429, "Too Many Requests: retry after 1", 1),
    "server": (500, "Internal Server Error", None),
    "timeout": (504, "Gateway Timeout", None),
}


class TelegramHTMLError(ValueError):
    """The text is not HTML that Telegram accepts."""


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise TelegramHTMLError(f"unsupported start tag \"{tag}\"")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise TelegramHTMLError(f"unexpected end tag \"{tag}\"")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_telegram_html(html: str) -> str:
    """The visible text of a Telegram HTML message; raises TelegramHTMLError when invalid."""
    if "<" in html.replace("&lt;", "") and html.count("<") != html.count(">"):
        raise TelegramHTMLError("unbalanced angle brackets")
    checker = _Checker()
    checker.feed(html)
    checker.close()
    if checker.stack:
        raise TelegramHTMLError(f"unclosed tag \"{checker.stack[-1]}\"")
    return "".join(checker.text)



@dataclass
class Sent:
    """A message the bot sent (or edited)."""

    method: str
    chat_id: int
    text: str
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    reply_to: int | None
    message_id: int
    at: float


@dataclass
class Failure:
    """An error to answer instead of a method's result."""

    status: int
    description: str
    retry_after: int | None = None
    delay: float = 0.0
    chat_id: int | None = None


@dataclass
class LocalBotAPI:
    """The server's state, and helpers that play the users' side."""

    token: str
    sent: list[Sent] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)
    _new_sent: asyncio.Event = field(default_factory=asyncio.Event)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _runner: web.AppRunner | None = None
    _closing: bool = False
    port: int = 0

    # --- server ---------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Start listening; returns the base URL for python-telegram-bot (token appended)."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return f"http://{host}:{self.port}/bot"

    async def stop(self) -> None:
        """Stop listening."""
        # Open long polls end now, as a closing server's do, instead of holding the shutdown
        # for their whole timeout.
        self._closing = True
        self._new_update.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def inject(self, method: str, fault: str, *, times: int = 1, chat_id: int | None = None,
               timeout: float = 1.5) -> None:
        """Make the next ``times`` calls of ``method`` fail with one of ``FAULTS``; a
        "timeout" answers after ``timeout`` seconds (set it above the client's read timeout)."""
        status, description, retry_after = FAULTS[fault]
        self.fail(method, status, description, retry_after=retry_after, times=times,
                  chat_id=chat_id, delay=timeout if fault == "timeout" else 0.0)

    def fail(self, method: str, status: int, description: str, *, retry_after: int | None = None,
             delay: float = 0.0, times: int = 1, chat_id: int | None = None) -> None:
        """Answer the next ``times`` calls of ``method`` (to ``chat_id``, if given) with an error,
        after ``delay`` seconds (a delay longer than the client waits plays a timeout)."""
        self.failures.setdefault(method, []).extend(
            Failure(status, description, retry_after, delay, chat_id) for _ in range(times))

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append((method, params))
        queued = self.failures.get(method, [])
        failure = next((f for f in queued if f.chat_id is None
                        or str(f.chat_id) == str(params.get("chat_id"))), None)
        if failure is not None:
            queued.remove(failure)
            if failure.delay:
                await asyncio.sleep(failure.delay)
            return _error(failure.status, failure.description, failure.retry_after)
        handler: Callable[[dict[str, Any]], Any] | None = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        try:
            result = await handler(params)
        except _BadRequest as exc:
            return _error(400, f"Bad Request: {exc}")
        return web.json_response({"ok": True, "result": result})

    # --- methods --------------------------------------------------------------------------

    async def _m_getMe(self, _: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        while True:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if self._updates or self._closing or time.monotonic() >= deadline:
                return self._updates[: int(params.get("limit") or 100)]
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), deadline - time.monotonic())

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._record("sendMessage", params, next(self._message_ids))

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._record("editMessageText", params, int(params.get("message_id") or 0))

    async def _m_sendChatAction(self, _: dict[str, Any]) -> bool:
        return True

    async def _m_answerCallbackQuery(self, _: dict[str, Any]) -> bool:
        return True

    async def _m_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        for result in params.get("results") or []:
            content = result.get("input_message_content") or {}
            _check_text(content.get("message_text", ""), content.get("parse_mode"))
        return True

    async def _m_setMyCommands(self, _: dict[str, Any]) -> bool:
        return True

    async def _m_deleteWebhook(self, _: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {"url": params.get("url"), "secret_token": params.get("secret_token")}
        return True

    async def _m_getWebhookInfo(self, _: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": 0}

    def _record(self, method: str, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        text = str(params.get("text", ""))
        _check_text(text, params.get("parse_mode"))
        markup = params.get("reply_markup")
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                if len(str(button.get("callback_data", "")).encode()) > 64:
                    raise _BadRequest("BUTTON_DATA_INVALID")
        reply = params.get("reply_to_message_id") or (params.get("reply_parameters") or {}).get(
            "message_id")
        chat_id = int(params["chat_id"])
        self.sent.append(Sent(method, chat_id, text, params.get("parse_mode"), markup,
                              int(reply) if reply else None, message_id, time.monotonic()))
        self._new_sent.set()
        return {"message_id": message_id, "date": int(time.time()), "text": text,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": BOT_USER, **({"reply_markup": markup} if markup else {})}

    # --- the users' side ------------------------------------------------------------------

    def offer(self, kind: str, payload: dict[str, Any]) -> int:
        """Queue an update for getUpdates; returns its update_id."""
        update_id = next(self._ids)
        self._updates.append({"update_id": update_id, kind: payload})
        self._new_update.set()
        return update_id

    def update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """An update object without queueing it (for webhook delivery)."""
        return {"update_id": next(self._ids), kind: payload}

    async def deliver(self, url: str, update: dict[str, Any], secret: str | None) -> int:
        """POST an update to a webhook as Telegram does; returns the HTTP status."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        async with ClientSession() as session, session.post(url, json=update,
                                                            headers=headers) as response:
            return response.status

    async def wait_sent(self, predicate: Callable[[Sent], bool], timeout: float = 30.0,
                        count: int = 1) -> list[Sent]:
        """Wait until ``count`` sent messages match; returns them."""
        deadline = time.monotonic() + timeout
        while True:
            found = [s for s in self.sent if predicate(s)]
            if len(found) >= count:
                return found
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"only {len(found)} of {count} expected messages arrived; "
                                   f"sent so far: {[s.text[:60] for s in self.sent]}")
            self._new_sent.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_sent.wait(), remaining)


class _BadRequest(Exception):
    pass


def _check_text(text: str, parse_mode: Any) -> None:
    visible = text
    if parse_mode == "HTML":
        try:
            visible = parse_telegram_html(text)
        except TelegramHTMLError as exc:
            raise _BadRequest(f"can't parse entities: {exc}") from None
    if not visible.strip():
        raise _BadRequest("message text is empty")
    if utf16_length(visible) > 4096:
        raise _BadRequest("message is too long")


def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        data = await request.json()
        return dict(data) if isinstance(data, dict) else {}
    form = await request.post()
    params: dict[str, Any] = dict(request.query)
    for key, value in form.items():
        if not isinstance(value, str):
            continue
        if key in _STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


def user(user_id: int, name: str = "User", language_code: str | None = None) -> dict[str, Any]:
    """A Telegram user object (``language_code`` as the user's Telegram app reports it)."""
    out: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": name}
    if language_code:
        out["language_code"] = language_code
    return out


def text_message(chat_id: int, user_id: int, text: str, *, chat_type: str = "private",
                 message_id: int = 1, reply_to: dict[str, Any] | None = None,
                 language_code: str | None = None) -> dict[str, Any]:
    """A message object with the entities Telegram would attach (commands, mentions)."""
    entities = []
    if text.startswith("/"):
        command = text.split()[0]
        entities.append({"type": "bot_command", "offset": 0, "length": len(command)})
    mention = f"@{BOT_USER['username']}"
    at = text.find(mention)
    if at >= 0:
        entities.append({"type": "mention", "offset": utf16_length(text[:at]),
                         "length": len(mention)})
    message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()),
                               "chat": {"id": chat_id, "type": chat_type},
                               "from": user(user_id, language_code=language_code), "text": text}
    if entities:
        message["entities"] = entities
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    return message
