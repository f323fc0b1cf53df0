"""The bot's HTTP server: the webhook endpoint (webhook mode) and ``GET /healthz`` (both modes).

The webhook always has a secret. Without ``WEBHOOK_SECRET`` one is derived from the token with
HMAC-SHA256, so every replica and every restart registers and expects the same value, and no
one without the token can compute it. A request without the right
``X-Telegram-Bot-Api-Secret-Token`` header gets 403 and is not processed.

``/healthz`` answers 200 only while the service can answer (index loaded, Chroma reachable),
503 otherwise, so an orchestrator neither routes to nor keeps a bot that cannot answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from typing import Any
from urllib.parse import urlparse

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from config.settings import Settings
from retrieval.service import QuoteService

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# The HMAC message: changing it changes every derived secret (replicas must agree on it).
_DERIVATION_LABEL = b"quotebot webhook secret v1"


def webhook_secret(settings: Settings) -> str:
    """The configured WEBHOOK_SECRET, or one derived from the token (64 hex characters)."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.reveal()
    if settings.telegram_token is None:
        raise ValueError("a webhook secret is derived from the token, and there is none")
    key = settings.telegram_token.reveal().encode()
    return hmac.new(key, _DERIVATION_LABEL, hashlib.sha256).hexdigest()


def health_routes(server: web.Application, service: QuoteService) -> None:
    """Add ``GET /healthz``: 200 with the document count when the service is healthy, else 503."""
    async def health(_: web.Request) -> web.Response:
        # healthy() may wait on Chroma's network: not on the event loop.
        ok = await asyncio.get_running_loop().run_in_executor(None, service.healthy)
        if not ok:
            return web.json_response({"ok": False}, status=503)
        return web.json_response({"ok": True, "documents": len(service.sources())})

    server.router.add_get("/healthz", health)


def webhook_server(app: Application[Any, Any, Any, Any, Any, Any], service: QuoteService,
                   settings: Settings) -> web.Application:
    """The HTTP server of webhook mode: the update endpoint and the health endpoint."""
    expected = webhook_secret(settings).encode()
    path = urlparse(settings.webhook_url).path or "/"

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            log.warning("webhook request without the right secret refused")
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
        except ValueError:
            return web.Response(status=400, text="not JSON")
        await app.update_queue.put(Update.de_json(data, app.bot))
        return web.Response(text="ok")

    server = web.Application()
    server.router.add_post(path, receive)
    health_routes(server, service)
    return server


def health_server(service: QuoteService) -> web.Application:
    """The HTTP server of polling mode: only ``/healthz``."""
    server = web.Application()
    health_routes(server, service)
    return server
