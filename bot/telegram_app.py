"""The Telegram front end (python-telegram-bot 22): thin handlers over QuoteService.

``build_application`` is the one place that wires the bot: handlers, typed context, rate
limiter, command menu. Handlers read the update, call one service method off the event loop,
render and send. Updates are processed concurrently, and retrieval runs in a thread pool, so one
slow answer never holds up other chats.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from html import escape
from typing import Any, TypeVar
from urllib.parse import urlparse

from aiohttp import web
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationHandlerStop,
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.feedback import FeedbackStore
from bot.guards import AccessPolicy, QuestionLimiter
from bot.render import (
    answer_cards,
    citation_card,
    pack,
    paragraph_card,
    plain_text,
    sources_text,
)
from bot.sessions import AnswerStore, Stats
from bot.texts import language, say
from config.settings import Settings
from retrieval.answer import Answer
from retrieval.errors import InvalidQuestion, QuoteBotError
from retrieval.service import QuoteService

log = logging.getLogger(__name__)
T = TypeVar("T")

COMMANDS = [
    BotCommand("start", "What I know, with example questions"),
    BotCommand("ask", "Ask a question: /ask What does the CSTO treaty say?"),
    BotCommand("sources", "The documents I quote from"),
    BotCommand("help", "How to use me"),
]
SEND_ATTEMPTS = 4
ANSWER_WORKERS = 8


class MessageRateLimiter(AIORateLimiter):
    """Telegram's broadcast limits count messages: chat actions and query answers skip the queue.

    They still get AIORateLimiter's handling of 429 (wait retry_after, then retry).
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


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Typed access to what the handlers share (kept in ``bot_data``)."""

    @property
    def service(self) -> QuoteService:
        """The answer engine."""
        return self.bot_data["service"]

    @property
    def settings(self) -> Settings:
        """The settings."""
        return self.bot_data["settings"]

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
        """Run CPU-bound work in the worker pool, not on the event loop."""
        pool: ThreadPoolExecutor = self.bot_data["pool"]
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)


Handler = Callable[[Update, BotContext], Awaitable[None]]


# --- sending ---------------------------------------------------------------------------------

async def send_html(context: BotContext, chat_id: int, text: str, *,
                    reply_to: int | None = None,
                    markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Send one HTML message; retries timeouts and server errors, falls back to plain text.

    429s are retried by the rate limiter (it honours retry_after). A 403 means the user blocked
    the bot: nothing to deliver, so it is logged and dropped.
    """
    delay = 0.5
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await context.bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup,
                reply_to_message_id=reply_to, allow_sending_without_reply=True)
        except Forbidden as exc:
            log.info("chat %s cannot be reached: %s", chat_id, exc.message)
            return None
        except BadRequest as exc:
            if "parse entities" not in exc.message.lower():
                raise
            log.warning("Telegram could not parse a reply as HTML; sending it as plain text")
            text = plain_text(text)
            return await context.bot.send_message(chat_id, text, reply_markup=markup,
                                                  reply_to_message_id=reply_to,
                                                  allow_sending_without_reply=True)
        except (TimedOut, NetworkError) as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            log.warning("sending failed (%s); retry %d in %.1f s", exc.message, attempt, delay)
            await asyncio.sleep(delay)
            delay *= 2
    return None


def lang_of(update: Update) -> str:
    """The language of the bot's own words for this user (Telegram's language_code)."""
    user = update.effective_user
    return language(user.language_code if user else None)


def invalid_text(exc: InvalidQuestion, lang: str) -> str:
    """A refused question, in the user's language when the reason is known."""
    return say(lang, f"invalid_{exc.reason}") if exc.reason else str(exc)


def answer_keyboard(answer_id: str, answer: Answer, lang: str = "en") -> InlineKeyboardMarkup | None:
    """Buttons under an answer; each callback_data is a few bytes (Telegram allows 64)."""
    if answer.abstained and not answer.citations:
        return None
    rows = [[InlineKeyboardButton(say(lang, "show_paragraph", n=c.n),
                                  callback_data=f"p|{answer_id}|{c.n}")
             for c in answer.citations]]
    if answer.more:
        rows.append([InlineKeyboardButton(say(lang, "more_quotes"), callback_data=f"m|{answer_id}")])
    rows.append([InlineKeyboardButton("👍", callback_data=f"v|{answer_id}|1"),
                 InlineKeyboardButton("👎", callback_data=f"v|{answer_id}|-1")])
    return InlineKeyboardMarkup(rows)


async def reply_answer(update: Update, context: BotContext, question: str) -> None:
    """Answer a question in the chat it came from (replying to it in groups)."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    assert user is not None
    assert chat is not None
    reply_to = message.message_id if message and chat.type != ChatType.PRIVATE else None
    lang = lang_of(update)
    wait = context.limiter.check(user.id)
    if wait:
        await send_html(context, chat.id, say(lang, "too_quick", seconds=int(wait) + 1),
                        reply_to=reply_to)
        return
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    try:
        answer = await context.off_loop(context.service.ask, question)
    except InvalidQuestion as exc:
        await send_html(context, chat.id, _escape(invalid_text(exc, lang)), reply_to=reply_to)
        return
    context.stats.record(answer)
    answer_id = context.answers.put(answer, user.id, chat.id)
    messages = pack(answer_cards(answer, lang))
    for i, message_text in enumerate(messages):
        last = i == len(messages) - 1
        await send_html(context, chat.id, message_text, reply_to=reply_to if i == 0 else None,
                        markup=answer_keyboard(answer_id, answer, lang) if last else None)


def _escape(text: str) -> str:
    return escape(text, quote=False)


# --- handlers --------------------------------------------------------------------------------

async def gate(update: Update, context: BotContext) -> None:
    """Refuse politely anyone the allow-lists leave out, and stop the update there."""
    user, chat = update.effective_user, update.effective_chat
    if context.policy.allows(user.id if user else None, chat.id if chat else None):
        return
    refusal = say(lang_of(update), "refusal")
    if update.callback_query:
        await update.callback_query.answer(refusal, show_alert=True)
    elif update.inline_query:
        await update.inline_query.answer([], cache_time=0, is_personal=True)
    elif update.effective_message and chat and (chat.type == ChatType.PRIVATE
                                                 or _addressed(update, context)):
        await send_html(context, chat.id, refusal,
                        reply_to=update.effective_message.message_id
                        if chat.type != ChatType.PRIVATE else None)
    raise ApplicationHandlerStop


async def start(update: Update, context: BotContext) -> None:
    """/start: what the bot knows, and example questions as buttons."""
    assert update.effective_chat is not None
    titles = "\n".join(f"• {_escape(m.title)}" for m in context.service.sources())
    examples = context.settings.example_questions
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(q, callback_data=f"x|{i}")]
                                   for i, q in enumerate(examples)]) if examples else None
    await send_html(context, update.effective_chat.id,
                    say(lang_of(update), "start", titles=titles), markup=markup)


async def help_command(update: Update, context: BotContext) -> None:
    """/help: how to use the bot."""
    assert update.effective_chat is not None
    await send_html(context, update.effective_chat.id,
                    _escape(say(lang_of(update), "help", username=context.bot.username)))


async def sources(update: Update, context: BotContext) -> None:
    """/sources: the documents and their metadata."""
    assert update.effective_chat is not None
    for text in pack([sources_text(context.service.sources())]):
        await send_html(context, update.effective_chat.id, text)


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask QUESTION, in any chat."""
    question = " ".join(context.args or [])
    if not question.strip():
        assert update.effective_chat is not None
        await send_html(context, update.effective_chat.id,
                        _escape(say(lang_of(update), "ask_usage")))
        return
    await reply_answer(update, context, question)


async def private_text(update: Update, context: BotContext) -> None:
    """Any text in a private chat is a question."""
    assert update.effective_message is not None
    await reply_answer(update, context, update.effective_message.text or "")


def _addressed(update: Update, context: BotContext) -> bool:
    """A mention, a reply to the bot, or a command: a group message meant for the bot."""
    message = update.effective_message
    if message is None:
        return False
    if (message.text or "").startswith("/"):
        return True
    if message.reply_to_message and message.reply_to_message.from_user and \
            message.reply_to_message.from_user.id == context.bot.id:
        return True
    mention = f"@{context.bot.username}".lower()
    return any(text.lower() == mention for text in
               message.parse_entities([MessageEntity.MENTION]).values())


async def group_text(update: Update, context: BotContext) -> None:
    """In groups: answer only when mentioned or replied to; stay silent otherwise."""
    message = update.effective_message
    if message is None or not _addressed(update, context):
        return
    question = message.text or ""
    for entity, text in message.parse_entities([MessageEntity.MENTION]).items():
        if text.lower() == f"@{context.bot.username}".lower():
            question = question[:entity.offset] + question[entity.offset + entity.length:]
    await reply_answer(update, context, question)


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice...: ask for text."""
    assert update.effective_chat is not None
    await send_html(context, update.effective_chat.id, say(lang_of(update), "not_text"))


async def button(update: Update, context: BotContext) -> None:
    """Inline buttons: show paragraph, more quotes, votes, example questions."""
    query = update.callback_query
    assert query is not None
    assert query.data is not None
    assert update.effective_chat is not None
    kind, *parts = query.data.split("|")
    lang = lang_of(update)
    if kind == "x":
        await query.answer()
        examples = context.settings.example_questions
        index = int(parts[0]) if parts and parts[0].isdigit() else -1
        if 0 <= index < len(examples):
            await reply_answer(update, context, examples[index])
        return
    stored = context.answers.get(parts[0]) if parts else None
    if stored is None:
        await query.answer(say(lang, "expired"), show_alert=True)
        return
    answer, chat_id = stored.answer, update.effective_chat.id
    if kind == "p":
        await query.answer()
        citation = next((c for c in answer.citations if str(c.n) == parts[1]), None)
        if citation is None:
            return
        try:
            paragraph, start, end = context.service.paragraph(citation.doc_id, citation.start,
                                                              citation.end)
        except QuoteBotError as exc:
            await send_html(context, chat_id, _escape(str(exc)))
            return
        votes = InlineKeyboardMarkup([[
            InlineKeyboardButton(f"👍 [{citation.n}]", callback_data=f"q|{parts[0]}|{citation.n}|1"),
            InlineKeyboardButton(f"👎 [{citation.n}]",
                                 callback_data=f"q|{parts[0]}|{citation.n}|-1")]])
        await send_html(context, chat_id, paragraph_card(paragraph, start, end, citation, lang=lang),
                        markup=votes)
    elif kind == "m":
        await query.answer()
        if not answer.more:
            await send_html(context, chat_id, say(lang, "no_more"))
        for message_text in pack([citation_card(c, lang=lang) for c in answer.more]):
            await send_html(context, chat_id, message_text)
    elif kind in ("v", "q"):
        user = update.effective_user
        assert user is not None
        quote_n = int(parts[1]) if kind == "q" else None
        vote = int(parts[-1])
        await context.off_loop(lambda: context.feedback.record(
            answer_id=parts[0], answer=answer, vote=1 if vote > 0 else -1, user_id=user.id,
            chat_id=chat_id, quote_n=quote_n))
        await query.answer(say(lang, "thanks"))
    else:
        await query.answer()


async def inline(update: Update, context: BotContext) -> None:
    """@bot question in any chat: quote cards ready to forward."""
    query = update.inline_query
    assert query is not None
    question = query.query.strip()
    lang = lang_of(update)
    if not question:
        await query.answer([InlineQueryResultArticle(
            id="help", title=say(lang, "inline_help_title"),
            description=say(lang, "inline_help_description"),
            input_message_content=InputTextMessageContent(
                _escape(say(lang, "help", username=context.bot.username)),
                parse_mode=ParseMode.HTML),
        )], cache_time=300)
        return
    try:
        answer = await context.off_loop(context.service.ask, question)
    except InvalidQuestion as exc:
        await query.answer([], cache_time=0, is_personal=True, button=None)
        log.info("inline question refused: %s", exc)
        return
    context.stats.record(answer)
    if answer.abstained:
        results = [InlineQueryResultArticle(
            id="none", title=say(lang, "inline_none"),
            input_message_content=InputTextMessageContent(answer_cards(answer, lang)[0],
                                                          parse_mode=ParseMode.HTML))]
    else:
        results = [InlineQueryResultArticle(
            id=f"q{c.n}", title=c.quote[:100], description=c.attribution,
            input_message_content=InputTextMessageContent(citation_card(c, lang=lang),
                                                          parse_mode=ParseMode.HTML))
            for c in (*answer.citations, *answer.more)]
    await query.answer(results, cache_time=60)


async def reload_command(update: Update, context: BotContext) -> None:
    """/reload (admins): re-ingest the corpus and say what changed."""
    assert update.effective_chat is not None
    assert update.effective_user is not None
    if not context.policy.is_admin(update.effective_user.id):
        await send_html(context, update.effective_chat.id, say(lang_of(update), "admins_only"))
        return
    try:
        report = await context.off_loop(context.service.reload)
        text = report.summary()
    except QuoteBotError as exc:
        text = f"Reload failed: {exc}"
    await send_html(context, update.effective_chat.id, _escape(text))


async def stats_command(update: Update, context: BotContext) -> None:
    """/stats (admins): questions, abstentions, votes, latency percentiles."""
    assert update.effective_chat is not None
    assert update.effective_user is not None
    if not context.policy.is_admin(update.effective_user.id):
        await send_html(context, update.effective_chat.id, say(lang_of(update), "admins_only"))
        return
    s, votes = context.stats, context.feedback.counts()
    await send_html(context, update.effective_chat.id,
                    f"Questions: {s.questions}\nAbstentions: {s.abstentions}\n"
                    f"Votes: 👍 {votes['up']} · 👎 {votes['down']}\n"
                    f"Latency: p50 {s.percentile(.5):.0f} ms · p95 {s.percentile(.95):.0f} ms")


async def on_error(update: object, context: BotContext) -> None:
    """Log with the traceback (the token never appears) and tell the user something true."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat and update.effective_message:
        try:
            await context.bot.send_message(update.effective_chat.id, say(lang_of(update), "error"))
        except TelegramError:
            log.warning("could not tell the user about the error")


# --- wiring ----------------------------------------------------------------------------------

def build_application(service: QuoteService, settings: Settings) -> Application[Any, Any, Any, Any, Any, Any]:
    """The one function that builds the bot."""
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
        service=service, settings=settings, answers=AnswerStore(settings.answer_ttl_seconds),
        feedback=FeedbackStore(settings.data_dir / "feedback.sqlite"), stats=Stats(),
        policy=AccessPolicy(settings.allowed_user_ids, settings.allowed_chat_ids,
                            settings.admin_user_ids),
        limiter=QuestionLimiter(settings.questions_per_minute),
        # More workers than cores on purpose: they mostly wait on the model, whose queries from
        # concurrent chats are encoded together (see retrieval.embeddings.QueryBatcher).
        pool=ThreadPoolExecutor(max_workers=ANSWER_WORKERS, thread_name_prefix="answer"),
    )
    handlers: list[Any] = [
        CommandHandler("start", start), CommandHandler("help", help_command),
        CommandHandler("sources", sources), CommandHandler("ask", ask_command),
        CommandHandler("reload", reload_command), CommandHandler("stats", stats_command),
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, private_text),
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, group_text),
        MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                       not_text),
        CallbackQueryHandler(button), InlineQueryHandler(inline),
    ]
    app.add_handler(TypeHandler(Update, gate), group=-1)
    app.add_handlers(handlers)
    app.add_error_handler(on_error)
    return app


def webhook_app(app: Application[Any, Any, Any, Any, Any, Any], settings: Settings) -> web.Application:
    """The HTTP server of webhook mode: the update endpoint and a health endpoint."""
    secret = settings.webhook_secret.reveal() if settings.webhook_secret else None
    path = urlparse(settings.webhook_url).path or "/"

    async def receive(request: web.Request) -> web.Response:
        if secret is not None and request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return web.Response(status=403, text="forbidden")
        try:
            data = await request.json()
        except ValueError:
            return web.Response(status=400, text="not JSON")
        await app.update_queue.put(Update.de_json(data, app.bot))
        return web.Response(text="ok")

    async def health(_: web.Request) -> web.Response:
        service: QuoteService = app.bot_data["service"]
        return web.json_response({"ok": True, "documents": len(service.sources())})

    server = web.Application()
    server.router.add_post(path, receive)
    server.router.add_get("/healthz", health)
    return server


async def serve(app: Application[Any, Any, Any, Any, Any, Any], settings: Settings,
                stop: asyncio.Event) -> None:
    """Run the bot until ``stop`` is set: long polling, or a webhook when WEBHOOK_URL is set."""
    async with app:
        await app.bot.set_my_commands(COMMANDS)
        await app.start()
        runner: web.AppRunner | None = None
        if settings.webhook_url:
            secret = settings.webhook_secret.reveal() if settings.webhook_secret else None
            await app.bot.set_webhook(settings.webhook_url, secret_token=secret,
                                      allowed_updates=Update.ALL_TYPES)
            runner = web.AppRunner(webhook_app(app, settings))
            await runner.setup()
            await web.TCPSite(runner, settings.webhook_listen, settings.webhook_port).start()
        else:
            assert app.updater is not None
            await app.updater.start_polling(allowed_updates=Update.ALL_TYPES)
        try:
            await stop.wait()
        finally:
            if runner is not None:
                await runner.cleanup()
            elif app.updater is not None and app.updater.running:
                await app.updater.stop()
            await app.stop()
            app.bot_data["pool"].shutdown(wait=False)
            app.bot_data["feedback"].close()


def run(service: QuoteService, settings: Settings) -> None:
    """Block serving the bot until SIGINT or SIGTERM."""
    app = build_application(service, settings)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(app, settings, stop)

    asyncio.run(main())


class RedactToken(logging.Filter):
    """Removes the token from every log record, wherever a library put it."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the message with the token replaced."""
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), ()
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr; httpx logs request URLs (which hold the token) only at INFO, so keep it quiet."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if settings.telegram_token is not None:
        redact = RedactToken(settings.telegram_token.reveal())
        for handler in logging.getLogger().handlers:
            handler.addFilter(redact)
