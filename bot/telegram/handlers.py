"""The handlers: each reads the update, calls one service method, renders and sends.

Sending is always ``context.delivery`` (retries, blocked users, plain-text fallback live there);
CPU-bound work runs off the event loop (``context.off_loop``), so one slow answer never holds up
other chats. There is one handler per button kind, matched by its pattern (``bot.telegram.buttons``).
"""

from __future__ import annotations

import logging
from re import Match

from telegram import (
    CallbackQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.render import (
    answer_cards,
    citation_card,
    inline_articles,
    pack,
    paragraph_card,
    sources_text,
)
from bot.sessions import StoredAnswer
from bot.telegram.buttons import answer_keyboard, example_keyboard, quote_vote_keyboard
from bot.telegram.context import BotContext, lang_of
from bot.telegram.delivery import html
from bot.texts import say
from config.errors import InvalidQuestion, QuoteBotError
from retrieval.question import is_small_talk

log = logging.getLogger(__name__)


def invalid_text(exc: InvalidQuestion, lang: str) -> str:
    """A refused question, in the user's language when the reason is known."""
    return say(lang, f"invalid_{exc.reason}") if exc.reason else str(exc)


def _chat_id(update: Update) -> int:
    assert update.effective_chat is not None
    return update.effective_chat.id


def _user_id(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


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


async def reply_answer(update: Update, context: BotContext, question: str) -> None:
    """Answer a question in the chat it came from (replying to it in groups)."""
    message, chat, user_id = update.effective_message, update.effective_chat, _user_id(update)
    assert chat is not None
    reply_to = message.message_id if message and chat.type != ChatType.PRIVATE else None
    lang = lang_of(update)
    wait = context.limiter.check(user_id)
    if wait:
        if context.limiter.first_refusal(user_id):
            await context.delivery.send(chat.id, say(lang, "too_quick", seconds=int(wait) + 1),
                                        reply_to=reply_to)
        return
    if is_small_talk(question):  # "hi", "спасибо!": say how to ask rather than "no answer"
        await context.delivery.send(chat.id, html(say(lang, "small_talk")), reply_to=reply_to)
        return
    await context.delivery.typing(chat.id)
    try:
        answer = await context.off_loop(context.service.ask, question)
    except InvalidQuestion as exc:
        await context.delivery.send(chat.id, html(invalid_text(exc, lang)), reply_to=reply_to)
        return
    except QuoteBotError:  # the index unavailable right now (a lost Chroma server)
        await context.delivery.send(chat.id, say(lang, "unavailable"), reply_to=reply_to)
        return
    context.stats.record(answer)
    answer_id = await context.storage(context.answers.put, answer, user_id, chat.id)
    messages = pack(answer_cards(answer, lang, sources=context.service.sources()))
    for i, text in enumerate(messages):
        last = i == len(messages) - 1
        await context.delivery.send(chat.id, text, reply_to=reply_to if i == 0 else None,
                                    markup=answer_keyboard(answer_id, answer, lang) if last else None)


# --- every update first -------------------------------------------------------------------------

async def gate(update: Update, context: BotContext) -> None:
    """Refuse politely anyone the allow-lists leave out, and stop the update there."""
    user, chat = update.effective_user, update.effective_chat
    if context.policy.allows(user.id if user else None, chat.id if chat else None):
        return
    refusal = say(lang_of(update), "refusal")
    if update.callback_query:
        await context.delivery.answer_callback(update.callback_query.id, refusal, alert=True)
    elif update.inline_query:
        await context.delivery.answer_inline(update.inline_query.id, [])
    elif update.effective_message and chat and (chat.type == ChatType.PRIVATE
                                                 or _addressed(update, context)):
        await context.delivery.send(chat.id, refusal,
                                    reply_to=update.effective_message.message_id
                                    if chat.type != ChatType.PRIVATE else None)
    raise ApplicationHandlerStop


# --- commands and messages ------------------------------------------------------------------

async def start(update: Update, context: BotContext) -> None:
    """/start: what the bot knows, and example questions as buttons."""
    titles = "\n".join(f"• {html(m.title)}" for m in context.service.sources())
    await context.delivery.send(_chat_id(update), say(lang_of(update), "start", titles=titles),
                                markup=example_keyboard(context.settings.example_questions))


async def help_command(update: Update, context: BotContext) -> None:
    """/help: how to use the bot."""
    await context.delivery.send(_chat_id(update),
                                html(say(lang_of(update), "help", username=context.bot.username)))


async def sources(update: Update, context: BotContext) -> None:
    """/sources: the documents and their metadata."""
    for text in pack([sources_text(context.service.sources())]):
        await context.delivery.send(_chat_id(update), text)


async def ask_command(update: Update, context: BotContext) -> None:
    """/ask QUESTION, in any chat."""
    question = " ".join(context.args or [])
    if not question.strip():
        await context.delivery.send(_chat_id(update), html(say(lang_of(update), "ask_usage")))
        return
    await reply_answer(update, context, question)


async def private_text(update: Update, context: BotContext) -> None:
    """Any text in a private chat is a question."""
    assert update.effective_message is not None
    await reply_answer(update, context, update.effective_message.text or "")


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
    await context.delivery.send(_chat_id(update), say(lang_of(update), "not_text"))


async def reload_command(update: Update, context: BotContext) -> None:
    """/reload (admins): re-ingest the corpus and say what changed."""
    if not context.policy.is_admin(_user_id(update)):
        await context.delivery.send(_chat_id(update), say(lang_of(update), "admins_only"))
        return
    try:
        text = (await context.off_loop(context.service.reload)).summary()
    except QuoteBotError as exc:
        text = f"Reload failed: {exc}"
    await context.delivery.send(_chat_id(update), html(text))


async def stats_command(update: Update, context: BotContext) -> None:
    """/stats (admins): questions, abstentions, votes, latency percentiles."""
    if not context.policy.is_admin(_user_id(update)):
        await context.delivery.send(_chat_id(update), say(lang_of(update), "admins_only"))
        return
    s, votes = context.stats, await context.storage(context.feedback.counts)
    await context.delivery.send(
        _chat_id(update), f"Questions: {s.questions}\nAbstentions: {s.abstentions}\n"
        f"Votes: 👍 {votes['up']} · 👎 {votes['down']}\n"
        f"Latency: p50 {s.percentile(.5):.0f} ms · p95 {s.percentile(.95):.0f} ms")


# --- buttons: one handler per kind ------------------------------------------------------------

def _pressed(update: Update, context: BotContext) -> tuple[CallbackQuery, Match[str]]:
    assert update.callback_query is not None
    assert context.match is not None
    return update.callback_query, context.match


async def _stored(update: Update, context: BotContext, query: CallbackQuery,
                  answer_id: str) -> StoredAnswer | None:
    """The answer a button refers to; says "expired" (and returns None) when it is gone."""
    stored = await context.storage(context.answers.get, answer_id)
    if stored is None:
        await context.delivery.answer_callback(query.id, say(lang_of(update), "expired"),
                                               alert=True)
    return stored


async def example_button(update: Update, context: BotContext) -> None:
    """An example question under /start: ask it."""
    query, match = _pressed(update, context)
    await context.delivery.answer_callback(query.id)
    examples = context.settings.example_questions
    index = int(match["index"])
    if index < len(examples):
        await reply_answer(update, context, examples[index])


async def paragraph_button(update: Update, context: BotContext) -> None:
    """"Show paragraph [n]": the paragraph around quote n, with votes for that quote."""
    query, match = _pressed(update, context)
    stored = await _stored(update, context, query, match["answer"])
    if stored is None:
        return
    await context.delivery.answer_callback(query.id)
    citation = next((c for c in stored.answer.citations if c.n == int(match["n"])), None)
    if citation is None:
        return
    try:
        paragraph, start, end = context.service.paragraph(citation.doc_id, citation.start,
                                                          citation.end)
    except QuoteBotError as exc:
        await context.delivery.send(_chat_id(update), html(str(exc)))
        return
    texts = pack([paragraph_card(paragraph, start, end, citation, lang=lang_of(update),
                                 sources=context.service.sources())])
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        await context.delivery.send(
            _chat_id(update), text,
            markup=quote_vote_keyboard(match["answer"], citation) if last else None)


async def more_button(update: Update, context: BotContext) -> None:
    """"More quotes": the quotes that ranked after the cited ones."""
    query, match = _pressed(update, context)
    stored = await _stored(update, context, query, match["answer"])
    if stored is None:
        return
    await context.delivery.answer_callback(query.id)
    lang = lang_of(update)
    if not stored.answer.more:
        await context.delivery.send(_chat_id(update), say(lang, "no_more"))
    metas = context.service.sources()
    for text in pack([citation_card(c, lang=lang, sources=metas) for c in stored.answer.more]):
        await context.delivery.send(_chat_id(update), text)


async def _vote(update: Update, context: BotContext, quote_n: int | None) -> None:
    query, match = _pressed(update, context)
    stored = await _stored(update, context, query, match["answer"])
    if stored is None:
        return
    user_id, chat_id = _user_id(update), _chat_id(update)
    await context.storage(lambda: context.feedback.record(
        answer_id=match["answer"], answer=stored.answer, vote=int(match["vote"]),
        user_id=user_id, chat_id=chat_id, quote_n=quote_n))
    await context.delivery.answer_callback(query.id, say(lang_of(update), "thanks"))


async def vote_button(update: Update, context: BotContext) -> None:
    """👍/👎 under an answer."""
    await _vote(update, context, None)


async def quote_vote_button(update: Update, context: BotContext) -> None:
    """👍/👎 under a quote's paragraph."""
    await _vote(update, context, int(_pressed(update, context)[1]["n"]))


async def unknown_button(update: Update, context: BotContext) -> None:
    """A button of a format this version does not know (an old deploy's): say it expired."""
    assert update.callback_query is not None
    await context.delivery.answer_callback(update.callback_query.id,
                                           say(lang_of(update), "expired"), alert=True)


# --- inline mode ---------------------------------------------------------------------------------

def _article(id_: str, title: str, html_text: str, description: str | None = None
             ) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=id_, title=title, description=description,
        input_message_content=InputTextMessageContent(html_text, parse_mode=ParseMode.HTML))


async def inline(update: Update, context: BotContext) -> None:
    """@bot question in any chat: quote cards ready to forward, under the per-user limit."""
    query = update.inline_query
    assert query is not None
    question, lang = query.query.strip(), lang_of(update)
    if not question:
        await context.delivery.answer_inline(query.id, [_article(
            "help", say(lang, "inline_help_title"),
            html(say(lang, "help", username=context.bot.username)),
            say(lang, "inline_help_description"))], cache_time=300, personal=False)
        return
    wait = context.limiter.check(query.from_user.id)
    if wait:
        text = say(lang, "too_quick", seconds=int(wait) + 1)
        await context.delivery.answer_inline(query.id, [_article("wait", text, html(text))])
        return
    try:
        answer = await context.off_loop(context.service.ask, question)
    except InvalidQuestion as exc:
        log.info("inline question refused: %s", exc.reason or "invalid")
        await context.delivery.answer_inline(query.id, [])
        return
    except QuoteBotError:  # the index unavailable right now
        text = say(lang, "unavailable")
        await context.delivery.answer_inline(query.id, [_article("unavailable", text, html(text))],
                                             cache_time=0)
        return
    context.stats.record(answer)
    results = [_article(a.id, a.title, a.html, a.description or None)
               for a in inline_articles(answer, lang, sources=context.service.sources())]
    await context.delivery.answer_inline(query.id, results, cache_time=60)


# --- errors -----------------------------------------------------------------------------------------

async def on_error(update: object, context: BotContext) -> None:
    """Log with the traceback (logs are redacted) and tell the user something true."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat and update.effective_message:
        try:
            await context.delivery.send(update.effective_chat.id, say(lang_of(update), "error"))
        except TelegramError:
            log.warning("could not tell the user about the error")
