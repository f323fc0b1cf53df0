"""The Telegram front end (python-telegram-bot 22), a file per job, each readable alone.

=============  ==============================================================================
wiring.py      ``build_application`` (the one place handlers are registered), ``serve``, ``run``
handlers.py    thin handlers: parse the update, one service call, render, send
buttons.py     callback data, the pattern of each button kind, keyboards
delivery.py    the only code that calls the Bot API to send, with every retry and error rule
webhook.py     the HTTP server: webhook endpoint with its secret, and ``/healthz``
logs.py        logging configuration; the token is redacted from every line and traceback
context.py     the typed context handlers share
=============  ==============================================================================
"""

from bot.telegram.logs import configure_logging
from bot.telegram.wiring import build_application, run, serve

__all__ = ["build_application", "configure_logging", "run", "serve"]
