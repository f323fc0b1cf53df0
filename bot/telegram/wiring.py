"""Wiring: ``build_application`` registers everything; ``serve`` and ``run`` run the bot.

Updates are processed concurrently and answers are computed in a thread pool, so a slow answer
never holds up other chats. Long polling by default; a webhook when ``WEBHOOK_URL`` is set.
``/healthz`` is served in both modes (on ``HEALTH_PORT`` when polling).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from aiohttp import web
from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import guards
from bot.feedback import FeedbackStore
from bot.sessions import AnswerStore, Stats
from bot.telegram import buttons, handlers
from bot.telegram.context import BotContext
from bot.telegram.delivery import Delivery
from bot.telegram.webhook import health_server, webhook_secret, webhook_server
from config.errors import QuoteBotError
from config.settings import Settings
from retrieval.service import QuoteService

App = Application[Any, Any, Any, Any, Any, Any]
COMMANDS = [
    BotCommand("start", "What I know, with example questions"),
    BotCommand("ask", "Ask a question: /ask What does the CSTO treaty say?"),
    BotCommand("sources", "The documents I quote from"),
    BotCommand("help", "How to use me"),
]
# More workers than cores on purpose: they mostly wait on the model, whose queries from
# concurrent chats are encoded together (see retrieval.embeddings.QueryBatcher).
ANSWER_WORKERS = 8


class MessageRateLimiter(AIORateLimiter):
    """Telegram's broadcast limits count messages: chat actions and query answers skip the queue.

    It also owns the wait on a 429: it holds *every* send for ``retry_after`` (Telegram's flood
    control is per bot, not per call), then retries. ``Delivery`` retries beyond that.
    """

    UNTHROTTLED = frozenset({"sendChatAction", "answerCallbackQuery", "answerInlineQuery"})

    async def process_request(self, callback: Callable[..., Any], args: Any,
                              kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                              rate_limit_args: int | None) -> Any:
        """Send at once when the endpoint is not a message, else queue as AIORateLimiter does."""
        if endpoint in self.UNTHROTTLED:
            data = {k: v for k, v in data.items() if k != "chat_id"}
        return await super().process_request(callback, args, kwargs, endpoint, data,
                                              rate_limit_args)


def build_application(service: QuoteService, settings: Settings) -> App:
    """The one function that builds the bot: client, shared state, handlers."""
    if settings.telegram_token is None:
        raise QuoteBotError("TELEGRAM_BOT_TOKEN is not set")
    builder = (Application.builder().token(settings.telegram_token.reveal())
               .context_types(ContextTypes(context=BotContext))
               .concurrent_updates(True)
               .connect_timeout(settings.telegram_timeout)
               .read_timeout(settings.telegram_timeout)
               .write_timeout(settings.telegram_timeout)
               .pool_timeout(settings.telegram_timeout)
               .rate_limiter(MessageRateLimiter(max_retries=3)))
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
        builder = builder.base_file_url(settings.telegram_base_url.replace("/bot", "/file/bot"))
    app = builder.build()
    app.bot_data.update(
        service=service, settings=settings, delivery=Delivery(app.bot),
        answers=AnswerStore(settings.data_dir / "answers.sqlite", settings.answer_ttl_seconds),
        feedback=FeedbackStore(settings.data_dir / "feedback.sqlite"), stats=Stats(),
        policy=guards.AccessPolicy(settings.allowed_user_ids, settings.allowed_chat_ids,
                                   settings.admin_user_ids),
        limiter=guards.QuestionLimiter(settings.questions_per_minute),
        pool=ThreadPoolExecutor(max_workers=ANSWER_WORKERS, thread_name_prefix="answer"),
    )
    text = filters.TEXT & ~filters.COMMAND
    app.add_handler(TypeHandler(Update, handlers.gate), group=-1)
    app.add_handlers([
        CommandHandler("start", handlers.start), CommandHandler("help", handlers.help_command),
        CommandHandler("sources", handlers.sources), CommandHandler("ask", handlers.ask_command),
        CommandHandler("reload", handlers.reload_command),
        CommandHandler("stats", handlers.stats_command),
        MessageHandler(text & filters.ChatType.PRIVATE, handlers.private_text),
        MessageHandler(text & filters.ChatType.GROUPS, handlers.group_text),
        MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                       handlers.not_text),
        CallbackQueryHandler(handlers.example_button, pattern=buttons.EXAMPLE),
        CallbackQueryHandler(handlers.paragraph_button, pattern=buttons.PARAGRAPH),
        CallbackQueryHandler(handlers.more_button, pattern=buttons.MORE),
        CallbackQueryHandler(handlers.vote_button, pattern=buttons.VOTE),
        CallbackQueryHandler(handlers.quote_vote_button, pattern=buttons.QUOTE_VOTE),
        CallbackQueryHandler(handlers.unknown_button),
        InlineQueryHandler(handlers.inline),
    ])
    app.add_error_handler(handlers.on_error)
    return app


async def _start_site(server: web.Application, host: str, port: int) -> web.AppRunner:
    runner = web.AppRunner(server, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


async def serve(app: App, settings: Settings, stop: asyncio.Event) -> None:
    """Run the bot until ``stop`` is set: long polling, or a webhook when WEBHOOK_URL is set."""
    delivery: Delivery = app.bot_data["delivery"]
    service: QuoteService = app.bot_data["service"]
    async with app:
        await delivery.set_commands(COMMANDS)
        await app.start()
        runner: web.AppRunner | None = None
        if settings.webhook_url:
            await delivery.set_webhook(settings.webhook_url, webhook_secret(settings),
                                       Update.ALL_TYPES)
            runner = await _start_site(webhook_server(app, service, settings),
                                       settings.webhook_listen, settings.webhook_port)
        else:
            if settings.health_port:
                runner = await _start_site(health_server(service), settings.webhook_listen,
                                           settings.health_port)
            assert app.updater is not None
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        try:
            await stop.wait()
        finally:
            if runner is not None:
                await runner.cleanup()
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            await app.stop()
            app.bot_data["pool"].shutdown(wait=False)
            app.bot_data["feedback"].close()
            app.bot_data["answers"].close()


def run(service: QuoteService, settings: Settings, *,
        load: Callable[[], None] | None = None) -> None:
    """Block serving the bot until SIGINT or SIGTERM.

    ``load`` (loading the models and the index) runs in a thread beside the bot, so /healthz
    answers 503 from the first second instead of not answering; if it fails, the bot stops and
    its error is raised here.
    """
    app = build_application(service, settings)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        loading: asyncio.Task[None] | None = None
        if load is not None:
            async def load_or_stop() -> None:
                try:
                    await asyncio.to_thread(load)
                except BaseException:
                    stop.set()
                    raise
            loading = asyncio.create_task(load_or_stop())
        await serve(app, settings, stop)
        if loading is not None and loading.done():
            loading.result()  # a failed load is the reason the bot stopped: raise it

    asyncio.run(main())
