"""The real bot, end to end, against a local Bot API server on 127.0.0.1.

python-telegram-bot talks to ``bot.tools.local_botapi`` through its own HTTP stack (no patching);
the real answer engine answers. Every message the bot sends is checked at the end of each test:
valid Telegram HTML, at most 4,096 characters, and quotes that are verbatim in the corpus.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession

from bot.render import utf16_length
from bot.telegram import build_application, configure_logging, serve
from bot.texts import say
from bot.tools.local_botapi import (
    BOT_USER,
    LocalBotAPI,
    Sent,
    parse_telegram_html,
    text_message,
    user,
)
from config.settings import Secret, Settings
from retrieval.embeddings import SentenceEmbedder
from retrieval.multilingual import MultilingualEmbedder
from retrieval.service import QuoteService
from tests.conftest import ARTICLE, CORPUS, _free_port, _wait_for

pytestmark = pytest.mark.slow
TOKEN = "123456:TEST-token-for-the-local-bot-api-server"
ARTICLE_TEXT = (CORPUS / f"{ARTICLE}.txt").read_text(encoding="utf-8")
ADMIN, ALICE, BOB, EVE = 1, 2, 3, 4
GROUP, OTHER_GROUP = -100123, -100999


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, embedder: SentenceEmbedder,
           multilingual: MultilingualEmbedder) -> QuoteService:
    """One started answer engine for the whole module (embedded Chroma)."""
    root = tmp_path_factory.mktemp("telegram")
    service = QuoteService(Settings(corpus_dir=CORPUS, data_dir=root / "data"), embedder=embedder,
                           multilingual=multilingual)
    service.start()
    return service


@dataclass
class Bot:
    """A running bot and the local server it talks to."""

    api: LocalBotAPI
    settings: Settings
    stopping: asyncio.Event
    task: asyncio.Task[None]
    messages: int = 0

    async def stop(self) -> None:
        """Stop the bot (its local server keeps running until the test ends)."""
        self.stopping.set()
        await asyncio.wait_for(self.task, 30)

    def ask(self, chat_id: int, user_id: int, text: str, **kw: Any) -> int:
        """Offer a text message update; returns its message id."""
        self.messages += 1
        self.api.offer("message", text_message(chat_id, user_id, text,
                                               message_id=self.messages, **kw))
        return self.messages

    async def reply(self, chat_id: int, contains: str = "", count: int = 1,
                    timeout: float = 30) -> list[Sent]:
        """Wait for ``count`` messages to a chat (containing ``contains``)."""
        return await self.api.wait_sent(lambda s: s.chat_id == chat_id and contains in s.text,
                                        timeout=timeout, count=count)


def check_reply(sent: Sent) -> None:
    """Valid Telegram HTML, within the limit, and every quoted block verbatim in the corpus."""
    visible = parse_telegram_html(sent.text) if sent.parse_mode == "HTML" else sent.text
    assert utf16_length(visible) <= 4096
    for block in re.findall(r"<blockquote>(.*?)</blockquote>", sent.text, re.S):
        plain = unescape(re.sub(r"</?(b|u)>", "", block))
        assert plain in ARTICLE_TEXT, plain[:80]


@pytest.fixture
async def start_bot(engine: QuoteService, tmp_path: Path) -> AsyncIterator[
        Callable[..., Awaitable[Bot]]]:
    """Start the real bot against a fresh local Bot API server; stops both afterwards."""
    running: list[tuple[LocalBotAPI, asyncio.Event, asyncio.Task[None]]] = []

    async def start(service: QuoteService | None = None, faults: dict[str, str] | None = None,
                    **overrides: Any) -> Bot:
        api = LocalBotAPI(TOKEN)
        base_url = await api.start()
        if faults:  # before the bot starts, so that start-up calls fail too
            api.inject(faults["method"], faults["fault"])
        values: dict[str, Any] = {
            "telegram_token": Secret(TOKEN), "telegram_base_url": base_url,
            "admin_user_ids": frozenset({ADMIN}), "questions_per_minute": 30,
            "telegram_timeout": 1.0, "example_questions": ("Could Russia's allies turn away from it?",),
        }
        values.update(overrides)
        settings = engine.settings.with_overrides(data_dir=tmp_path / "bot", **values)
        app = build_application(service or engine, settings)
        stop = asyncio.Event()
        task = asyncio.create_task(serve(app, settings, stop))
        running.append((api, stop, task))
        wanted = "setWebhook" if settings.webhook_url else "getUpdates"
        for _ in range(200):
            if any(method == wanted for method, _ in api.calls) or task.done():
                break
            await asyncio.sleep(0.05)
        if task.done():
            task.result()
        return Bot(api, settings, stop, task)

    yield start
    for api, stop, task in running:
        stop.set()
        await asyncio.wait_for(task, 30)
        await api.stop()
        for sent in api.sent:
            check_reply(sent)


async def test_a_private_question_gets_quote_cards_with_buttons(start_bot):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "Could Russia's allies turn away from it?")
    (reply,) = await bot.reply(ALICE)
    assert "<blockquote>The third country of the Caucasus, Georgia" in reply.text
    assert "[1] <b>Emmanuel Dupuy, interviewed by Atlantico</b>" in reply.text
    assert "(interviewee)" not in reply.text
    assert "A new skirmish between Azerbaijan and Armenia" in reply.text
    assert reply.parse_mode == "HTML"
    assert reply.reply_to is None
    buttons = [b for row in reply.reply_markup["inline_keyboard"] for b in row]
    assert any(b["text"].startswith("Show paragraph [1]") for b in buttons)
    assert {"👍", "👎"} <= {b["text"] for b in buttons}
    assert all(len(b["callback_data"].encode()) <= 64 for b in buttons)
    methods = [m for m, _ in bot.api.calls]
    assert "setMyCommands" in methods
    assert methods.index("sendChatAction") < methods.index("sendMessage")


async def test_start_help_and_sources(start_bot):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "/start")
    (start,) = await bot.reply(ALICE, "I answer questions")
    assert "A new skirmish between Azerbaijan and Armenia" in start.text
    example = start.reply_markup["inline_keyboard"][0][0]
    assert example["text"] == "Could Russia's allies turn away from it?"
    bot.ask(ALICE, ALICE, "/sources")
    (sources,) = await bot.reply(ALICE, "I know 1 document")
    assert "Outlet: Atlantico" in sources.text
    assert "Published by: InoSMI" in sources.text
    bot.ask(ALICE, ALICE, "/help")
    await bot.reply(ALICE, "mention me or reply to me")


async def test_an_unanswerable_question_says_so_and_suggests_sources(start_bot):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "Who won the 2018 football World Cup?")
    (reply,) = await bot.reply(ALICE)
    assert "do not answer" in reply.text
    assert "/sources" in reply.text
    assert reply.reply_markup is None


async def test_small_talk_is_told_how_to_ask_in_the_users_language(start_bot):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "hi")
    (reply,) = await bot.reply(ALICE)
    assert reply.text.startswith("Hello! Send me a question about the documents")
    assert reply.reply_markup is None
    bot.ask(BOB, BOB, "Спасибо!", language_code="ru")
    (thanks,) = await bot.reply(BOB)
    assert thanks.text.startswith("Здравствуйте! Пришлите вопрос о документах")


async def test_the_bot_speaks_the_users_language_and_quotes_stay_verbatim(start_bot):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "/start", language_code="ru")
    (start,) = await bot.reply(ALICE, "Я отвечаю на вопросы")
    assert "A new skirmish between Azerbaijan and Armenia" in start.text
    bot.ask(ALICE, ALICE, "Сколько российских военных находится в Армении?", language_code="ru-RU")
    (reply,) = await bot.reply(ALICE, "<blockquote>")
    assert "<blockquote>More than 3,000 Russian military personnel are stationed" in reply.text
    assert "(интервьюируемый)" in reply.text
    buttons = [b["text"] for row in reply.reply_markup["inline_keyboard"] for b in row]
    assert "Показать абзац [1]" in buttons
    bot.ask(ALICE, ALICE, "Кто выиграл чемпионат мира по футболу 2018 года?", language_code="ru")
    (none,) = await bot.reply(ALICE, "В моих документах нет ответа")
    assert "/sources" in none.text
    bot.ask(BOB, BOB, "/help", language_code="de")
    await bot.reply(BOB, "mention me or reply to me")


async def test_groups_answer_only_when_addressed_and_reply_to_the_asker(start_bot):
    bot = await start_bot()
    bot.ask(GROUP, ALICE, "How many Russian soldiers are based in Armenia?", chat_type="supergroup")
    mentioned = bot.ask(GROUP, ALICE, f"@{BOT_USER['username']} How many Russian soldiers are "
                        "based in Armenia?", chat_type="supergroup")
    (reply,) = await bot.reply(GROUP, "3,000")
    assert reply.reply_to == mentioned
    bot_message = {"message_id": reply.message_id, "date": 0, "from": BOT_USER,
                   "chat": {"id": GROUP, "type": "supergroup"}, "text": "x"}
    replied = bot.ask(GROUP, BOB, "Who is Emmanuel Dupuy?", chat_type="supergroup",
                      reply_to=bot_message)
    (second,) = await bot.reply(GROUP, "professor of geopolitical sciences")
    assert second.reply_to == replied
    asked = bot.ask(GROUP, BOB, "/ask What did France call for?", chat_type="supergroup")
    (third,) = await bot.reply(GROUP, "UN Security Council")
    assert third.reply_to == asked
    await asyncio.sleep(0.5)
    assert len([s for s in bot.api.sent if s.chat_id == GROUP]) == 3


async def test_inline_mode_returns_quote_cards_and_help_for_an_empty_query(start_bot):
    bot = await start_bot()
    bot.api.offer("inline_query", {"id": "iq1", "from": user(ALICE), "query": "", "offset": ""})
    bot.api.offer("inline_query", {"id": "iq2", "from": user(ALICE),
                                   "query": "Could Russia's allies turn away from it?",
                                   "offset": ""})
    for _ in range(200):
        answers = {p["inline_query_id"]: p for m, p in bot.api.calls if m == "answerInlineQuery"}
        if len(answers) == 2:
            break
        await asyncio.sleep(0.05)
    assert answers["iq1"]["results"][0]["id"] == "help"
    results = answers["iq2"]["results"]
    first = results[0]["input_message_content"]["message_text"]
    assert "<blockquote>The third country of the Caucasus, Georgia" in first
    for result in results:
        content = result["input_message_content"]
        check_reply(Sent("inline", 0, content["message_text"], content["parse_mode"], None,
                         None, 0, 0))


async def _press(bot: Bot, reply: Sent, data: str, user_id: int = ALICE) -> str:
    query_id = f"cq{len(bot.api.calls)}"
    bot.api.offer("callback_query", {
        "id": query_id, "from": user(user_id), "chat_instance": "ci", "data": data,
        "message": {"message_id": reply.message_id, "date": 0, "from": BOT_USER,
                    "chat": {"id": reply.chat_id, "type": "private"}, "text": "x"}})
    for _ in range(200):
        for method, params in bot.api.calls:
            if method == "answerCallbackQuery" and params.get("callback_query_id") == query_id:
                return str(params.get("text", ""))
        await asyncio.sleep(0.05)
    raise AssertionError("the callback query was not answered")


def _button(reply: Sent, label: str) -> str:
    assert reply.reply_markup is not None
    for row in reply.reply_markup["inline_keyboard"]:
        for b in row:
            if b["text"].startswith(label):
                return str(b["callback_data"])
    raise AssertionError(f"no button {label!r}")


async def test_buttons_show_the_paragraph_more_quotes_and_record_votes(start_bot, tmp_path):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "What does the CSTO treaty oblige Russia to do for Armenia?")
    (reply,) = await bot.reply(ALICE)
    await _press(bot, reply, _button(reply, "Show paragraph [1]"))
    (paragraph,) = await bot.reply(ALICE, "<b><u>")
    quote = unescape(re.search(r"<b><u>(.*?)</u></b>", paragraph.text, re.S).group(1))
    assert quote in ARTICLE_TEXT
    assert len(unescape(re.sub(r"<[^>]+>", "", paragraph.text))) > len(quote)
    assert await _press(bot, reply, _button(reply, "👍")) == "Thanks for the feedback!"
    assert await _press(bot, paragraph, _button(paragraph, "👎")) == "Thanks for the feedback!"
    await _press(bot, reply, _button(reply, "More quotes"))
    await bot.reply(ALICE, "<blockquote>", count=3)

    from bot.feedback import FeedbackStore
    store = FeedbackStore(bot.settings.data_dir / "feedback.sqlite")
    out = tmp_path / "votes.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        assert store.export(handle) == 2
    store.close()
    votes = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(v["vote"], v["quote_n"]) for v in votes} == {(1, None), (-1, 1)}
    assert votes[0]["question"] == "What does the CSTO treaty oblige Russia to do for Armenia?"
    assert votes[0]["quotes"][0]["quote"] in ARTICLE_TEXT
    assert votes[0]["user_id"] == ALICE


async def test_an_expired_button_says_so(start_bot):
    bot = await start_bot(answer_ttl_seconds=1)
    bot.ask(ALICE, ALICE, "Who is Emmanuel Dupuy?")
    (reply,) = await bot.reply(ALICE)
    await asyncio.sleep(1.2)
    assert await _press(bot, reply, _button(reply, "Show paragraph [1]")) == say("en", "expired")
    assert await _press(bot, reply, "p|nosuchid|1") == say("en", "expired")


async def test_allow_lists_refuse_politely_and_admin_commands_need_an_admin(start_bot):
    bot = await start_bot(allowed_user_ids=frozenset({ALICE}))
    bot.ask(EVE, EVE, "Who is Emmanuel Dupuy?")
    (refusal,) = await bot.reply(EVE)
    assert refusal.text == say("en", "refusal")
    bot.ask(ALICE, ALICE, "/stats")
    await bot.reply(ALICE, "Only admins can do that.")
    bot.ask(GROUP, EVE, "/ask Who is Emmanuel Dupuy?", chat_type="supergroup")
    (group_refusal,) = await bot.reply(GROUP)
    assert group_refusal.text == say("en", "refusal")
    bot.ask(GROUP, EVE, "Just chatting in the group", chat_type="supergroup")
    bot.ask(ADMIN, ADMIN, "Who is Emmanuel Dupuy?")
    await bot.reply(ADMIN, "professor")
    bot.ask(ADMIN, ADMIN, "/stats")
    (stats,) = await bot.reply(ADMIN, "Questions:")
    assert "Questions: 1" in stats.text
    assert "Latency: p50" in stats.text
    bot.ask(ADMIN, ADMIN, "/reload")
    (reload,) = await bot.reply(ADMIN, "Index:")
    assert "0 sentences embedded" in reload.text
    await asyncio.sleep(0.3)
    assert len([s for s in bot.api.sent if s.chat_id == EVE]) == 1
    assert len([s for s in bot.api.sent if s.chat_id == GROUP]) == 1


async def test_the_per_user_limit_answers_with_a_friendly_message(start_bot):
    bot = await start_bot(questions_per_minute=2)
    for _ in range(3):
        bot.ask(BOB, BOB, "Who is Emmanuel Dupuy?")
    await bot.reply(BOB, "asking quickly")
    await bot.reply(BOB, "professor", count=2)


async def test_non_text_messages_ask_for_text(start_bot):
    bot = await start_bot()
    bot.api.offer("message", {"message_id": 9, "date": 0, "from": user(ALICE),
                              "chat": {"id": ALICE, "type": "private"},
                              "sticker": {"file_id": "s", "file_unique_id": "s", "width": 1,
                                          "height": 1, "is_animated": False,
                                          "is_video": False, "type": "regular"}})
    (reply,) = await bot.reply(ALICE)
    assert reply.text == say("en", "not_text")


@pytest.mark.parametrize(("status", "description", "retry_after", "delay"), [
    (429, "Too Many Requests: retry after 1", 1, 0.0),
    (502, "Bad Gateway", None, 0.0),
    (504, "Gateway Timeout", None, 1.5),
])
async def test_a_reply_survives_429_server_errors_and_timeouts(start_bot, status, description,
                                                              retry_after, delay):
    bot = await start_bot()
    bot.api.fail("sendMessage", status, description, retry_after=retry_after, delay=delay)
    bot.ask(ALICE, ALICE, "How many Russian soldiers are based in Armenia?")
    (reply,) = await bot.reply(ALICE, "3,000")
    assert reply.parse_mode == "HTML"
    attempts = [m for m, _ in bot.api.calls if m == "sendMessage"]
    assert len(attempts) == 2


async def test_unparseable_html_falls_back_to_plain_text(start_bot):
    bot = await start_bot()
    bot.api.fail("sendMessage", 400, "Bad Request: can't parse entities: unexpected end tag")
    bot.ask(ALICE, ALICE, "How many Russian soldiers are based in Armenia?")
    (reply,) = await bot.reply(ALICE, "3,000")
    assert reply.parse_mode is None
    assert "<blockquote>" not in reply.text
    assert "More than 3,000 Russian military personnel" in reply.text


async def test_a_user_who_blocked_the_bot_does_not_stop_it(start_bot):
    bot = await start_bot()
    bot.api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=EVE)
    bot.ask(EVE, EVE, "Who is Emmanuel Dupuy?")
    bot.ask(ALICE, ALICE, "Who is Emmanuel Dupuy?")
    await bot.reply(ALICE, "professor")
    await asyncio.sleep(0.3)
    assert not [s for s in bot.api.sent if s.chat_id == EVE]


async def test_answers_run_off_the_event_loop(start_bot):
    bot = await start_bot()
    for chat in range(100, 112):
        bot.ask(chat, chat, "What does the CSTO treaty oblige Russia to do for Armenia?")
    bot.ask(ALICE, ALICE, "/help")
    await bot.reply(ALICE, "mention me")
    answered_before_help = [s for s in bot.api.sent if 100 <= s.chat_id < 112]
    assert len(answered_before_help) < 12
    await bot.api.wait_sent(lambda s: 100 <= s.chat_id < 112, count=12)


async def test_webhook_mode_checks_the_secret_and_serves_health(start_bot, unused_tcp_port):
    url = f"http://127.0.0.1:{unused_tcp_port}/telegram-hook"
    bot = await start_bot(webhook_url=url, webhook_secret=Secret("s3cret"),
                          webhook_listen="127.0.0.1", webhook_port=unused_tcp_port)
    assert bot.api.webhook == {"url": url, "secret_token": "s3cret"}
    update = bot.api.update("message", text_message(ALICE, ALICE, "Who is Emmanuel Dupuy?"))
    assert await bot.api.deliver(url, update, "wrong") == 403
    assert await bot.api.deliver(url, update, "s3cret") == 200
    await bot.reply(ALICE, "professor")
    from aiohttp import ClientSession
    async with ClientSession() as session, session.get(
            f"http://127.0.0.1:{unused_tcp_port}/healthz") as response:
        assert response.status == 200
        assert (await response.json())["documents"] == 1


async def test_the_token_never_reaches_the_logs(start_bot, caplog, tmp_path, restore_logging):
    caplog.set_level(logging.DEBUG)
    configure_logging(Settings(corpus_dir=CORPUS, data_dir=tmp_path, telegram_token=Secret(TOKEN)))
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "Who is Emmanuel Dupuy?")
    await bot.reply(ALICE)
    assert caplog.records
    assert TOKEN not in caplog.text


# --- access ---------------------------------------------------------------------------------

async def _inline(bot: Bot, user_id: int, question: str) -> list[dict[str, Any]]:
    """Offer an inline query; returns the results the bot answered it with."""
    query_id = f"iq{len(bot.api.calls)}"
    bot.api.offer("inline_query", {"id": query_id, "from": user(user_id), "query": question,
                                   "offset": ""})
    for _ in range(400):
        for method, params in bot.api.calls:
            if method == "answerInlineQuery" and params.get("inline_query_id") == query_id:
                return list(params.get("results") or [])
        await asyncio.sleep(0.05)
    raise AssertionError("the inline query was not answered")


async def test_with_only_allowed_chats_strangers_are_served_only_inside_those_chats(start_bot):
    bot = await start_bot(allowed_chat_ids=frozenset({GROUP}))
    bot.ask(EVE, EVE, "Who is Emmanuel Dupuy?")
    (refusal,) = await bot.reply(EVE)
    assert refusal.text == say("en", "refusal")
    assert await _inline(bot, EVE, "Who is Emmanuel Dupuy?") == []
    asked = bot.ask(GROUP, EVE, "/ask Who is Emmanuel Dupuy?", chat_type="supergroup")
    (answer,) = await bot.reply(GROUP, "professor")
    assert answer.reply_to == asked
    bot.ask(OTHER_GROUP, EVE, "/ask Who is Emmanuel Dupuy?", chat_type="supergroup")
    (other,) = await bot.reply(OTHER_GROUP)
    assert other.text == say("en", "refusal")
    assert await _inline(bot, ADMIN, "Who is Emmanuel Dupuy?")


async def test_an_allowed_user_is_served_anywhere_and_a_stranger_nowhere(start_bot):
    bot = await start_bot(allowed_user_ids=frozenset({ALICE}))
    bot.ask(OTHER_GROUP, ALICE, "/ask Who is Emmanuel Dupuy?", chat_type="supergroup")
    await bot.reply(OTHER_GROUP, "professor")
    assert await _inline(bot, ALICE, "Who is Emmanuel Dupuy?")
    assert await _inline(bot, EVE, "Who is Emmanuel Dupuy?") == []


# --- webhook and health ---------------------------------------------------------------------

async def _status(url: str) -> int:
    async with ClientSession() as session, session.get(url) as response:
        return response.status


async def test_a_webhook_without_a_configured_secret_gets_one_derived_from_the_token(
        start_bot, unused_tcp_port):
    url = f"http://127.0.0.1:{unused_tcp_port}/telegram-hook"
    options = {"webhook_url": url, "webhook_listen": "127.0.0.1", "webhook_port": unused_tcp_port}
    bot = await start_bot(**options)
    secret = bot.api.webhook["secret_token"]
    assert secret
    assert TOKEN not in secret
    update = bot.api.update("message", text_message(ALICE, ALICE, "Who is Emmanuel Dupuy?"))
    assert await bot.api.deliver(url, update, None) == 403
    assert await bot.api.deliver(url, update, "wrong") == 403
    assert await bot.api.deliver(url, update, secret[:-1]) == 403
    await asyncio.sleep(1.0)
    assert not bot.api.sent
    await bot.stop()
    restarted = await start_bot(**options)  # a restart (or another replica) agrees on it
    assert restarted.api.webhook["secret_token"] == secret
    assert await restarted.api.deliver(url, update, secret) == 200
    await restarted.reply(ALICE, "professor")


async def test_health_in_polling_mode_is_503_until_the_index_is_loaded(
        start_bot, engine, embedder, multilingual, unused_tcp_port):
    service = QuoteService(engine.settings, embedder=embedder, multilingual=multilingual)
    await start_bot(service=service, health_port=unused_tcp_port, webhook_listen="127.0.0.1")
    health = f"http://127.0.0.1:{unused_tcp_port}/healthz"
    assert await _status(health) == 503
    await asyncio.to_thread(service.start)
    assert await _status(health) == 200


async def test_a_lost_chroma_server_is_503_and_one_sentence_per_question_until_it_is_back(
        start_bot, embedder, multilingual, tmp_path, unused_tcp_port):
    port = _free_port()

    def chroma_run() -> subprocess.Popen[bytes]:
        return subprocess.Popen([str(Path(sys.executable).with_name("chroma")), "run", "--host",
                                 "127.0.0.1", "--port", str(port), "--path",
                                 str(tmp_path / "chroma")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    heartbeat = f"http://127.0.0.1:{port}/api/v2/heartbeat"
    chroma = chroma_run()
    try:
        assert await asyncio.to_thread(_wait_for, heartbeat, 60)
        service = QuoteService(Settings(corpus_dir=CORPUS, data_dir=tmp_path / "data",
                                        chroma_host="127.0.0.1", chroma_port=port),
                               embedder=embedder, multilingual=multilingual)
        await asyncio.to_thread(service.start)
        bot = await start_bot(service=service, health_port=unused_tcp_port,
                              webhook_listen="127.0.0.1")
        health = f"http://127.0.0.1:{unused_tcp_port}/healthz"
        assert await _status(health) == 200
        chroma.kill()
        chroma.wait(timeout=30)
        assert await _status(health) == 503
        bot.ask(ALICE, ALICE, "How many Russian soldiers are based in Armenia?")
        (lost,) = await bot.reply(ALICE)
        assert lost.text == "The index is unavailable right now; please ask again in a moment."
        chroma = chroma_run()
        assert await asyncio.to_thread(_wait_for, heartbeat, 60)
        assert await _status(health) == 200
        bot.ask(ALICE, ALICE, "How many Russian soldiers are based in Armenia?")
        (back,) = await bot.reply(ALICE, "<blockquote>")
        check_reply(back)
    finally:
        chroma.kill()
        chroma.wait(timeout=30)


# --- buttons and limits -----------------------------------------------------------------------

async def test_buttons_still_work_after_a_restart(start_bot, engine, embedder, multilingual):
    bot = await start_bot()
    bot.ask(ALICE, ALICE, "What does the CSTO treaty oblige Russia to do for Armenia?")
    (reply,) = await bot.reply(ALICE)
    await bot.stop()
    # A new process, as it were.
    service = QuoteService(engine.settings, embedder=embedder, multilingual=multilingual)
    await asyncio.to_thread(service.start)
    restarted = await start_bot(service=service)
    await _press(restarted, reply, _button(reply, "Show paragraph [1]"))
    (paragraph,) = await restarted.reply(ALICE, "<b><u>")
    assert unescape(re.search(r"<b><u>(.*?)</u></b>", paragraph.text, re.S).group(1)) in \
        ARTICLE_TEXT
    await _press(restarted, reply, _button(reply, "More quotes"))
    more = await restarted.reply(ALICE, "<blockquote>", count=2)
    assert len(more) >= 2
    assert await _press(restarted, reply, _button(reply, "👍")) == "Thanks for the feedback!"


async def test_inline_queries_count_against_the_per_user_limit(start_bot):
    bot = await start_bot(questions_per_minute=2)
    for _ in range(2):
        assert (await _inline(bot, ALICE, "Who is Emmanuel Dupuy?"))[0]["id"] == "q1"
    (limited,) = await _inline(bot, ALICE, "Who is Emmanuel Dupuy?")
    assert limited["id"] == "wait"
    assert "asking quickly" in limited["title"]
    assert (await _inline(bot, BOB, "Who is Emmanuel Dupuy?"))[0]["id"] == "q1"


async def test_a_flooding_user_is_told_once_and_then_ignored(start_bot):
    bot = await start_bot(questions_per_minute=2)
    for _ in range(12):
        bot.ask(BOB, BOB, "Who is Emmanuel Dupuy?")
    await bot.reply(BOB, "professor", count=2)
    await asyncio.sleep(1.0)
    assert len([s for s in bot.api.sent if "asking quickly" in s.text]) == 1


# --- delivery, end to end ----------------------------------------------------------------------

@pytest.mark.parametrize(("method", "fault"), [
    ("setMyCommands", "timeout"), ("sendChatAction", "server"), ("sendChatAction", "blocked"),
    ("answerCallbackQuery", "server"), ("answerInlineQuery", "timeout"),
    ("sendMessage", "flood"),
])
async def test_no_reply_is_lost_when_any_call_fails_once(start_bot, caplog, method, fault):
    caplog.set_level(logging.INFO)
    api_faults = {"method": method, "fault": fault}
    bot = await start_bot(faults=api_faults)
    bot.ask(ALICE, ALICE, "Who is Emmanuel Dupuy?")
    (reply,) = await bot.reply(ALICE, "professor")
    await _press(bot, reply, _button(reply, "Show paragraph [1]"))
    await bot.reply(ALICE, "<b><u>")
    assert await _inline(bot, ALICE, "Who is Emmanuel Dupuy?")
    for _ in range(200):  # the failed call was retried (a blocked chat is not)
        if fault == "blocked" or [m for m, _ in bot.api.calls].count(method) >= 2:
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError(f"{method} was not retried")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
