"""A Chroma server lost and back: one sentence per question meanwhile, answers resume after."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from config.errors import QuoteBotError, StoreUnavailable
from config.settings import PROJECT_ROOT, Settings
from retrieval.embeddings import SentenceEmbedder
from retrieval.multilingual import MultilingualEmbedder
from retrieval.service import QuoteService
from tests.conftest import CORPUS, _free_port, _wait_for, link_exports

pytestmark = pytest.mark.slow
QUESTION = "How many Russian soldiers are based in Armenia?"


class ChromaServer:
    """A `chroma run` of our own, on 127.0.0.1, that a test may stop and start again."""

    def __init__(self, path: Path) -> None:
        self.path, self.port = path, _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        chroma = Path(sys.executable).with_name("chroma")
        self.proc = subprocess.Popen([str(chroma), "run", "--host", "127.0.0.1", "--port",
                                      str(self.port), "--path", str(self.path)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not _wait_for(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", 60):
            pytest.fail("the chroma server did not start within 60 s")

    def stop(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=30)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ChromaServer]:
    chroma = ChromaServer(tmp_path / "chroma-server")
    chroma.start()
    yield chroma
    if chroma.proc is not None and chroma.proc.poll() is None:
        chroma.stop()


def test_questions_get_one_sentence_while_the_server_is_lost_and_answers_resume(
        tmp_path: Path, server: ChromaServer, embedder: SentenceEmbedder,
        multilingual: MultilingualEmbedder, model_exports: Path):
    settings = Settings(corpus_dir=CORPUS, data_dir=tmp_path / "data", chroma_host="127.0.0.1",
                        chroma_port=server.port)
    svc = QuoteService(settings, embedder=embedder, multilingual=multilingual)
    svc.start()
    link_exports(model_exports, settings.data_dir)
    expected = [c.quote for c in svc.ask(QUESTION).citations]

    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "DATA_DIR": str(settings.data_dir),
           "CORPUS_DIR": str(CORPUS), "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(server.port)}
    cli = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json", "-"], cwd=PROJECT_ROOT,
                           env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    assert cli.stdin is not None
    assert cli.stdout is not None

    def cli_ask() -> dict[str, object]:
        assert cli.stdin is not None
        assert cli.stdout is not None
        cli.stdin.write(QUESTION + "\n")
        cli.stdin.flush()
        return dict(json.loads(cli.stdout.readline()))

    try:
        assert [c["quote"] for c in cli_ask()["citations"]] == expected  # type: ignore[attr-defined]
        server.stop()
        with pytest.raises(StoreUnavailable, match="unavailable right now") as info:
            svc.ask(QUESTION)
        assert "\n" not in str(info.value)
        lost = cli_ask()
        assert lost["abstained"] is True
        assert lost["citations"] == []
        assert "unavailable right now" in str(lost["answer"])

        server.start()
        assert [c.quote for c in svc.ask(QUESTION).citations] == expected
        assert [c["quote"] for c in cli_ask()["citations"]] == expected  # type: ignore[attr-defined]
    finally:
        cli.stdin.close()
        cli.wait(timeout=60)
        assert cli.stderr is not None
        stderr = cli.stderr.read()
        cli.stdout.close()
        cli.stderr.close()
    assert "Traceback" not in stderr
    assert stderr.count("error: ") == 1


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 MiB filesystem of its own, so the test can fill it; skipped where none can be made."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot make a small filesystem here (mount: {made.stderr.strip()}); "
                    "the disk-full test needs root or CAP_SYS_ADMIN")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(directory: Path) -> None:
    with (directory / "filler").open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass


def test_a_full_disk_during_ingest_is_one_sentence_and_keeps_the_index(
        small_disk: Path, tmp_path: Path, corpus_dir: Path, embedder: SentenceEmbedder,
        multilingual: MultilingualEmbedder):
    settings = Settings(corpus_dir=corpus_dir, data_dir=small_disk / "data")
    svc = QuoteService(settings, embedder=embedder, multilingual=multilingual)
    svc.start()
    before = [c.quote for c in svc.ask(QUESTION).citations]
    _fill(small_disk)
    (corpus_dir / "extra.txt").write_text(
        " ".join(f"Pipeline sentence {i} says Turkey wants a gas hub." for i in range(40)),
        encoding="utf-8")
    with pytest.raises(QuoteBotError, match="full") as info:
        svc.ingest()
    assert "\n" not in str(info.value)
    assert [c.quote for c in svc.ask(QUESTION).citations] == before

    reopened = QuoteService(settings, embedder=embedder, multilingual=svc.multilingual)
    reopened._engine = reopened._load_engine()
    assert [c.quote for c in reopened.ask(QUESTION).citations] == before
    (small_disk / "filler").unlink()
    report = reopened.ingest()
    assert report.added == ("extra",)
    assert "dupuy-atlantico-csto-armenia-azerbaijan" in report.unchanged
