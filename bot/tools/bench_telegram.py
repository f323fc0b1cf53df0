"""``python -m bot bench telegram``: many chats asking at once, through a local Bot API server.

The bot runs as its own process (``python -m bot run``) against ``bot.tools.local_botapi`` on
127.0.0.1, exactly as in production but for the base URL. Questions are offered at a fixed rate
(open loop) from ``chats`` private chats; each chat asks its next question only well after the
previous one, so the k-th reply to a chat answers its k-th question. Beside them one user
floods the bot (``flood`` messages in ``flood_seconds``) under the configured per-user limit.
It prints answers per second, the normal chats' p50/p95 from the update being offered to the
reply arriving (the flood must not move it), what the flooder got back, and the bot process's
peak memory.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bot.sessions import percentile
from bot.tools.local_botapi import LocalBotAPI, text_message
from config.settings import PROJECT_ROOT, Settings
from retrieval.evaluation import load_questions

TOKEN = "100000:bench-token-for-the-local-bot-api-server"
QUESTIONS = PROJECT_ROOT / "tests" / "eval_questions.jsonl"
FLOODER = 9_999  # below the normal chats' ids (10,000 and up)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
            return int(reply.status) == 200
    except OSError:  # refused, or 503 (HTTPError is an OSError)
        return False


def _peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _flood(api: LocalBotAPI, questions: list[str], count: int, seconds: float) -> None:
    first = time.monotonic()
    for i in range(count):
        await asyncio.sleep(max(0.0, first + i * seconds / count - time.monotonic()))
        api.offer("message", text_message(FLOODER, FLOODER, questions[i % len(questions)],
                                          message_id=100_000 + i))


async def _run(settings: Settings, chats: int, rate: float, per_chat: int, flood: int,
               flood_seconds: float) -> None:
    api = LocalBotAPI(TOKEN)
    base_url = await api.start()
    questions = [q.question for q in load_questions(QUESTIONS)]
    health_port = _free_port()
    with tempfile.TemporaryDirectory(prefix="quotebot-tg-bench-") as tmp:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": base_url,
               "DATA_DIR": str(Path(tmp) / "data"), "CORPUS_DIR": str(settings.corpus_dir),
               # The production limit: the flooder meets it; a normal chat asks 3 in 20 s.
               "QUESTIONS_PER_MINUTE": str(settings.questions_per_minute),
               "PYTHONPATH": str(PROJECT_ROOT),
               # The bot polls at once and loads its index beside it: load starts when
               # /healthz says the index is loaded, not when polling begins.
               "HEALTH_PORT": str(health_port), "WEBHOOK_LISTEN": "127.0.0.1"}
        env.pop("CHROMA_HOST", None)
        # The steady state: a bot whose DATA_DIR already holds the checked ONNX export (the
        # first start ever makes it, with torch loaded, once).
        export = settings.data_dir / "onnx"
        copied = settings.embedding_backend == "onnx" and export.is_dir()
        if copied:
            shutil.copytree(export, Path(tmp) / "data" / "onnx")
        print(f"embedding backend {settings.embedding_backend}" + (
            f"; ONNX export copied from {export}" if copied else
            "; the bot makes the ONNX export at start" if settings.embedding_backend == "onnx"
            else ""))
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=PROJECT_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            started = time.monotonic()
            while not (any(m == "getUpdates" for m, _ in api.calls)
                       and await asyncio.to_thread(_healthy, health_port)):
                if proc.poll() is not None or time.monotonic() - started > 300:
                    raise SystemExit("the bot did not become ready (polling, index loaded)")
                await asyncio.sleep(0.2)
            print(f"bot ready after {time.monotonic() - started:.1f} s (index built, model loaded)")

            total = chats * per_chat
            offered: dict[int, list[float]] = {}
            first = time.monotonic()
            flooding = asyncio.create_task(_flood(api, questions, flood, flood_seconds))
            for i in range(total):
                chat = 10_000 + i % chats
                due = first + i / rate
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                api.offer("message", text_message(chat, chat, questions[i % len(questions)],
                                                  message_id=i + 1))
                offered.setdefault(chat, []).append(time.monotonic())
            await api.wait_sent(lambda s: s.method == "sendMessage" and s.chat_id >= 10_000,
                                timeout=120, count=total)
            await flooding
            await asyncio.sleep(2.0)  # the flooder's last replies, if any
            to_flooder = [s.text for s in api.sent if s.chat_id == FLOODER]
            replies: dict[int, list[float]] = {}
            for s in api.sent:
                if s.method == "sendMessage" and s.chat_id >= 10_000:
                    replies.setdefault(s.chat_id, []).append(s.at)
            latencies = sorted((replies[c][k] - t) * 1000 for c, times in offered.items()
                               for k, t in enumerate(times))
            last = max(t for times in replies.values() for t in times)
            peak = _peak_rss_mib(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            await api.stop()

    def pct(q: float) -> float:
        return percentile(latencies, q)

    told = sum("asking quickly" in text for text in to_flooder)
    print(f"\n== Telegram load: {chats} chats, {total} questions offered at {rate:.0f}/s, and "
          f"one user flooding {flood} messages in {flood_seconds:.0f} s "
          f"(limit {settings.questions_per_minute}/min)")
    print(f"answers per second             {total / (last - first):7.1f}")
    print(f"normal chats: offer → reply    p50 {pct(.5):7.1f} ms   p95 {pct(.95):7.1f} ms"
          f"   max {latencies[-1]:7.1f} ms")
    print(f"flooder got                    {len(to_flooder) - told} answers, {told} 'too quick' "
          f"notice(s), {flood - len(to_flooder)} messages ignored")
    print(f"bot process peak memory        {peak:7.0f} MiB")


def run_telegram_benchmark(settings: Settings, *, chats: int = 200, rate: float = 30.0,
                           per_chat: int = 3, flood: int = 100, flood_seconds: float = 10.0
                           ) -> None:
    """Run the load benchmark (normal chats and one flooding user) and print its figures."""
    asyncio.run(_run(settings, chats, rate, per_chat, flood, flood_seconds))
