"""Delivery under every failure Telegram answers with, on every kind of outgoing call.

A real python-telegram-bot ``Bot`` (its own HTTP stack) talks to the local Bot API server on
127.0.0.1, which is told to fail the next call of a method: 400 "can't parse entities", 403,
429 with retry_after, 500, or a timeout. No reply is lost, except to a user who blocked the bot.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from telegram import Bot, InlineQueryResultArticle, InputTextMessageContent
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.request import HTTPXRequest

from bot.telegram.delivery import Delivery
from bot.telegram.wiring import COMMANDS
from bot.tools.local_botapi import LocalBotAPI

TOKEN = "123456:TEST-token-for-the-delivery-tests-here"
ALICE = 2
HTML = "<b>Emmanuel Dupuy</b> &amp; <i>Atlantico</i>"
TIMEOUT = 0.5


@pytest.fixture
async def api() -> AsyncIterator[LocalBotAPI]:
    """A local Bot API server."""
    server = LocalBotAPI(TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def delivery(api: LocalBotAPI) -> AsyncIterator[Delivery]:
    """Delivery through a real Bot whose requests time out after TIMEOUT seconds."""
    request = HTTPXRequest(connect_timeout=TIMEOUT, read_timeout=TIMEOUT, write_timeout=TIMEOUT,
                           pool_timeout=TIMEOUT)
    bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{api.port}/bot", request=request)
    async with bot:
        yield Delivery(bot, first_delay=0.05)


def _article() -> InlineQueryResultArticle:
    return InlineQueryResultArticle(id="q1", title="Dupuy", input_message_content=(
        InputTextMessageContent(HTML, parse_mode=ParseMode.HTML)))


CALLS: dict[str, Callable[[Delivery], Awaitable[Any]]] = {
    "sendMessage": lambda d: d.send(ALICE, HTML),
    "editMessageText": lambda d: d.edit(ALICE, 1000, HTML),
    "sendChatAction": lambda d: d.typing(ALICE),
    "answerCallbackQuery": lambda d: d.answer_callback("cq1", "Thanks"),
    "answerInlineQuery": lambda d: d.answer_inline("iq1", [_article()]),
    "setMyCommands": lambda d: d.set_commands(COMMANDS),
}
WITH_TEXT = {"sendMessage", "editMessageText", "answerInlineQuery"}


def _attempts(api: LocalBotAPI, method: str) -> list[dict[str, Any]]:
    return [params for m, params in api.calls if m == method]


def _delivered(api: LocalBotAPI, method: str) -> None:
    """The last attempt carried the whole content (and HTML, where there is text)."""
    last = _attempts(api, method)[-1]
    if method in ("sendMessage", "editMessageText"):
        assert api.sent[-1].method == method
        assert api.sent[-1].text == HTML
    if method == "answerInlineQuery":
        assert last["results"][0]["input_message_content"]["message_text"] == HTML


@pytest.mark.parametrize("method", CALLS)
@pytest.mark.parametrize("fault", ["flood", "server", "timeout"])
async def test_a_passing_failure_is_retried_until_the_call_goes_through(api, delivery, method,
                                                                        fault):
    api.inject(method, fault, timeout=TIMEOUT * 2)
    await CALLS[method](delivery)
    assert len(_attempts(api, method)) == 2
    _delivered(api, method)


async def test_a_429_waits_the_retry_after_telegram_asks_for(api, delivery):
    import time

    api.inject("sendMessage", "flood")
    started = time.monotonic()
    await delivery.send(ALICE, HTML)
    assert time.monotonic() - started >= 1.0
    assert api.sent[-1].text == HTML


@pytest.mark.parametrize("method", CALLS)
async def test_a_blocked_user_is_dropped_quietly_at_info(api, delivery, method, caplog):
    caplog.set_level(logging.INFO, logger="bot.telegram.delivery")
    api.inject(method, "blocked")
    assert await CALLS[method](delivery) is None
    assert len(_attempts(api, method)) == 1
    assert [r.levelno for r in caplog.records] == [logging.INFO]


@pytest.mark.parametrize("method", sorted(WITH_TEXT))
async def test_unparseable_html_is_sent_again_as_plain_text(api, delivery, method):
    api.inject(method, "parse")
    await CALLS[method](delivery)
    attempts = _attempts(api, method)
    assert len(attempts) == 2
    if method == "answerInlineQuery":
        content = attempts[-1]["results"][0]["input_message_content"]
        assert content["message_text"] == "Emmanuel Dupuy & Atlantico"
        assert "parse_mode" not in content
    else:
        assert api.sent[-1].parse_mode is None
        assert api.sent[-1].text == "Emmanuel Dupuy & Atlantico"


@pytest.mark.parametrize("method", ["sendChatAction", "answerCallbackQuery"])
async def test_a_failing_decoration_is_logged_and_never_raises(api, delivery, method, caplog):
    api.fail(method, 400, "Bad Request: query is too old")
    assert await CALLS[method](delivery) is None
    assert [r.levelno for r in caplog.records if r.name == "bot.telegram.delivery"] == \
        [logging.WARNING]


async def test_a_bad_request_on_an_essential_call_is_raised(api, delivery):
    api.fail("setMyCommands", 400, "Bad Request: BOT_COMMAND_INVALID")
    with pytest.raises(BadRequest):
        await delivery.set_commands(COMMANDS)


async def test_a_server_that_keeps_failing_is_given_up_on_after_the_attempts(api, delivery):
    api.inject("sendMessage", "server", times=10)
    with pytest.raises(Exception, match="Internal Server Error"):
        await delivery.send(ALICE, HTML)
    assert len(_attempts(api, "sendMessage")) == delivery.attempts
