"""Logging for the bot: one place configures it, and the token appears in no byte of any log.

The token leaks into logs in three ways: a message that holds a URL, an exception whose text
carries it (python-telegram-bot's ``InvalidToken`` names the rejected token), and a traceback.
``RedactingFormatter`` rewrites the whole formatted line, traceback and stack included, and
``configure_logging`` puts it on every handler of the root logger. Handlers added later (by a
library, or pytest) do not get our formatter, so a log record factory also redacts each record
as it is made: its message, and its exception text, formatted once and redacted before any
handler sees it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from bot.telegram.webhook import webhook_secret
from config.settings import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "<redacted>"


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret replaced by a mask."""
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message, exception, traceback, stack) holds no secret."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self.secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then mask every secret in the whole text."""
        return redact(super().format(record), self.secrets)

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        """The traceback, masked: Formatter caches it on the record for other handlers."""
        return redact(super().formatException(ei), self.secrets)


def _redacting_factory(secrets: tuple[str, ...],
                       make: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: leave it to the handler's own error report
            return record
        record.msg, record.args = redact(message, secrets), None
        if record.exc_info and record.exc_info[1] is not None:
            # Formatter uses exc_text when it is set, so no handler formats the raw exception.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info),
                                     secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, secrets)
        return record

    return factory


def secrets_of(settings: Settings) -> tuple[str, ...]:
    """What must never be logged: the token, and the webhook secret (given or derived)."""
    if settings.telegram_token is None:
        return ()
    return (settings.telegram_token.reveal(), webhook_secret(settings))


def configure_logging(settings: Settings, *, level: int = logging.INFO) -> None:
    """The one place that configures logging: stderr, one redacting formatter on every handler.

    httpx logs each request URL (which holds the token) at INFO: kept at WARNING as well.
    """
    logging.basicConfig(level=level, format=FORMAT)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    secrets = secrets_of(settings)
    formatter = RedactingFormatter(secrets)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
    make = logging.getLogRecordFactory()
    # Configuring twice must not stack factories (each would redact the other's output again).
    make = getattr(make, "wrapped", make)
    factory = _redacting_factory(secrets, make)
    factory.wrapped = make  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
