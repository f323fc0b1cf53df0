"""The token appears in no byte of any log: messages, exceptions, tracebacks, later handlers.

Everything is logged at DEBUG (httpx's request lines, whose URLs hold the token, included) to a
file handler added *after* ``configure_logging``, as a library or an operator might add one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram import Bot
from telegram.error import InvalidToken, NetworkError
from telegram.request import HTTPXRequest

from bot.telegram import configure_logging
from bot.tools.local_botapi import LocalBotAPI
from config.settings import Secret, Settings
from tests.conftest import CORPUS

TOKEN = "123456:TEST-token-that-the-server-rejects-x"
SERVER_TOKEN = "654321:the-token-the-local-server-accepts-y"
NOISY = ("", "httpx", "httpcore", "telegram")


@pytest.fixture
def log_file(tmp_path: Path, restore_logging: None) -> Iterator[Path]:
    """Configure logging for TOKEN, then add a DEBUG file handler; restore logging afterwards."""
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in NOISY}
    configure_logging(Settings(corpus_dir=CORPUS, data_dir=tmp_path,
                               telegram_token=Secret(TOKEN)))
    path = tmp_path / "bot.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.addHandler(handler)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    handler.close()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _bot(port: int) -> Bot:
    return Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot",
               request=HTTPXRequest(connect_timeout=1, read_timeout=1))


async def test_a_rejected_token_is_in_no_byte_of_the_log(log_file, caplog):
    api = LocalBotAPI(SERVER_TOKEN)
    await api.start()
    bot = _bot(api.port)
    try:
        with pytest.raises(InvalidToken) as raised:
            await bot.initialize()
    finally:
        await bot.shutdown()
        await api.stop()
    assert TOKEN in str(raised.value)  # python-telegram-bot names the token it was refused
    logging.getLogger("bot.telegram").error("start-up failed: %s", raised.value,
                                            exc_info=raised.value)
    logging.getLogger("bot.telegram").error("start-up failed", stack_info=True)
    written = log_file.read_bytes()
    assert b"rejected by the server" in written
    assert b"Traceback" in written
    assert TOKEN.encode() not in written
    assert TOKEN not in caplog.text


async def test_a_connection_error_is_in_no_byte_of_the_log(log_file, caplog, unused_tcp_port):
    bot = _bot(unused_tcp_port)
    try:
        with pytest.raises(NetworkError) as raised:
            await bot.initialize()
    finally:
        await bot.shutdown()
    logging.getLogger("bot.telegram").error("the Bot API cannot be reached",
                                            exc_info=raised.value)
    written = log_file.read_bytes()
    assert b"Traceback" in written
    assert TOKEN.encode() not in written
    assert TOKEN not in caplog.text


def test_configuring_twice_does_not_stack_redaction(log_file):
    first = logging.getLogRecordFactory()
    configure_logging(Settings(corpus_dir=CORPUS, data_dir=log_file.parent,
                               telegram_token=Secret(TOKEN)))
    assert logging.getLogRecordFactory().wrapped is first.wrapped
    logging.getLogger("bot").warning("token %s", TOKEN)
    assert b"token <redacted>" in log_file.read_bytes()
