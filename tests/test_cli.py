"""The command line as a user runs it: real subprocesses, real model, embedded Chroma."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings import PROJECT_ROOT
from tests.conftest import CORPUS, copy_data, link_exports

pytestmark = pytest.mark.slow
JSON_KEYS = ["question", "abstained", "answer", "citations", "caveats", "latency_ms", "support"]
CITATION_KEYS = ["n", "quote", "doc_id", "title", "speaker", "role", "start", "end", "score"]


def run_cli(args: list[str], tmp_path: Path, *, stdin: str = "",
            **env_overrides: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "DATA_DIR": str(tmp_path / "data"),
           "CORPUS_DIR": str(CORPUS)}
    env.pop("CHROMA_HOST", None)
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def built_index(tmp_path_factory: pytest.TempPathFactory, model_exports: Path) -> Path:
    """A data folder after one real `ingest` (models exported, index built), made once."""
    root = tmp_path_factory.mktemp("cli-index")
    link_exports(model_exports, root / "data")
    result = run_cli(["ingest"], root)
    assert result.returncode == 0, result.stderr
    return root / "data"


@pytest.fixture
def indexed(tmp_path: Path, built_index: Path) -> Path:
    """This test's own copy of that data folder, at tmp_path / "data" where run_cli points."""
    copy_data(built_index, tmp_path / "data")
    return tmp_path


def _one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert fragment in errors[0]
    assert "Traceback" not in result.stderr


def test_ask_json_stdin_answers_each_line_in_order(indexed: Path):
    tmp_path = indexed
    questions = ["Could Russia's allies turn away from it?", "Who won the 2018 football World Cup?",
                 "How many Russian soldiers are based in Armenia?"]
    result = run_cli(["ask", "--json", "-"], tmp_path, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["question"] for o in objects] == questions
    text = (CORPUS / "dupuy-atlantico-csto-armenia-azerbaijan.txt").read_text(encoding="utf-8")
    for o in objects:
        assert list(o) == JSON_KEYS
        for c in o["citations"] + o["caveats"]:
            assert list(c) == CITATION_KEYS
            assert text[c["start"]:c["end"]] == c["quote"]
    assert objects[0]["citations"][0]["quote"].startswith("The third country of the Caucasus")
    assert objects[1]["abstained"] is True
    assert objects[1]["citations"] == []


def test_a_bad_line_in_a_batch_keeps_the_order_and_fails_the_exit_code(indexed: Path):
    tmp_path = indexed
    result = run_cli(["ask", "--json", "-"], tmp_path,
                     stdin="Who is Emmanuel Dupuy?\n   \nWhat is the population of Armenia?\n")
    assert result.returncode == 2
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 3
    assert "The question is empty" in objects[1]["answer"]


def test_empty_question_is_one_sentence_and_exit_code_2(tmp_path: Path):
    _one_line_error(run_cli(["ask", ""], tmp_path), "The question is empty")


def test_empty_corpus_folder_is_one_sentence(indexed: Path):
    tmp_path = indexed
    empty = tmp_path / "empty"
    empty.mkdir()
    _one_line_error(run_cli(["ask", "Who?"], tmp_path, CORPUS_DIR=str(empty)),
                    "has no documents")


def test_data_directory_that_cannot_be_created_is_one_sentence(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_cli(["ask", "Who?"], tmp_path, DATA_DIR=str(blocker / "data"))
    _one_line_error(result, "is not writable")
    assert len(result.stderr.splitlines()) == 1, result.stderr  # before any model loads and speaks


def test_model_not_available_offline_is_one_sentence(tmp_path: Path):
    _one_line_error(run_cli(["ask", "Who?"], tmp_path, EMBEDDING_MODEL="no-such-org/no-such-model"),
                    "is not available offline")


def test_unreachable_chroma_server_is_one_sentence(indexed: Path):
    tmp_path = indexed
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _one_line_error(run_cli(["ask", "Who?"], tmp_path, CHROMA_HOST="127.0.0.1",
                            CHROMA_PORT=str(port)), "is unreachable")


def test_a_non_utf8_file_is_reported_and_the_rest_is_indexed(tmp_path: Path,
                                                             model_exports: Path):
    link_exports(model_exports, tmp_path / "data")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\xfa not text")
    result = run_cli(["ingest"], tmp_path, CORPUS_DIR=str(corpus))
    assert result.returncode == 0, result.stderr
    assert "Skipped broken: broken.txt is not UTF-8 text" in result.stdout
    assert "1 added" in result.stdout
    health = run_cli(["sources", "--json"], tmp_path, CORPUS_DIR=str(corpus))
    assert [d["doc_id"] for d in json.loads(health.stdout)] == [
        "dupuy-atlantico-csto-armenia-azerbaijan"]


def test_every_input_line_gets_one_output_line_even_an_empty_one(indexed: Path):
    tmp_path = indexed
    result = run_cli(["ask", "--json", "-"], tmp_path,
                     stdin="Who is Emmanuel Dupuy?\n\n\nWhat is the population of Armenia?\n")
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["question"] for o in objects] == ["Who is Emmanuel Dupuy?", "", "",
                                                "What is the population of Armenia?"]
    assert objects[1]["support"] == "none"
    assert "The question is empty" in objects[1]["answer"]


def test_a_missing_question_set_is_one_sentence(tmp_path: Path):
    _one_line_error(run_cli(["eval", "--questions", str(tmp_path / "missing.jsonl")], tmp_path),
                    "missing.jsonl does not exist")


def test_a_bad_value_in_the_settings_file_is_one_sentence(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('[telegram]\ntimeout_seconds = "soon"\n', encoding="utf-8")
    _one_line_error(run_cli(["ask", "hello"], tmp_path, QUOTEBOT_SETTINGS=str(path)),
                    "telegram.timeout_seconds must be a number")


def test_run_serves_health_503_while_loading_then_200(tmp_path: Path, model_exports: Path):
    import asyncio
    import threading
    import time
    import urllib.error
    import urllib.request

    from bot.tools.local_botapi import LocalBotAPI

    token = "123456:TEST-token-for-the-local-bot-api-server"
    loop = asyncio.new_event_loop()
    server_thread = threading.Thread(target=loop.run_forever, daemon=True)
    server_thread.start()
    api = LocalBotAPI(token)
    base_url = asyncio.run_coroutine_threadsafe(api.start(), loop).result(30)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    link_exports(model_exports, tmp_path / "data")  # not the subject here
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "DATA_DIR": str(tmp_path / "data"),
           "CORPUS_DIR": str(CORPUS), "TELEGRAM_BOT_TOKEN": token,
           "TELEGRAM_BASE_URL": base_url, "HEALTH_PORT": str(port), "WEBHOOK_LISTEN": "127.0.0.1"}
    env.pop("CHROMA_HOST", None)
    proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def status() -> int | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                return int(r.status)
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            return None

    seen: list[int] = []
    try:
        deadline = time.monotonic() + 300
        while 200 not in seen and time.monotonic() < deadline and proc.poll() is None:
            code = status()
            if code is not None and (not seen or seen[-1] != code):
                seen.append(code)
            time.sleep(0.2)
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=60)
        asyncio.run_coroutine_threadsafe(api.stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        server_thread.join(timeout=30)
        loop.close()
    assert seen == [503, 200], stderr[-2000:]
    assert proc.returncode == 0, stderr[-2000:]
