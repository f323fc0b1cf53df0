"""Fingerprints of model files: what an index and an export are keyed on, not a model's name.

New weights at the same path change the fingerprint (so the vectors are rebuilt); the same
weights under another name or path do not (so nothing is re-embedded). Hashing ~90 MB of weights
costs about 0.1 s, so each file's digest is remembered in a small JSON file under its size, mtime
and inode, and hashed again only when those change.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from config.errors import ModelUnavailable

# What decides the vectors: weights, architecture, pooling, tokenizer. Absent files are skipped.
MODEL_FILES = (
    "model.safetensors", "pytorch_model.bin", "config.json", "modules.json",
    "sentence_bert_config.json", "config_sentence_transformers.json", "1_Pooling/config.json",
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt",
)
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
STAT_CACHE = "fingerprints.json"


def model_fingerprint(model_dir: Path, cache_dir: Path | None = None) -> str:
    """sha256 over a sentence-transformers model folder's files (names and contents)."""
    present = [name for name in MODEL_FILES if (model_dir / name).is_file()]
    if not any(name in WEIGHT_FILES for name in present):
        raise ModelUnavailable(f"the model folder {model_dir} has no model.safetensors or "
                               "pytorch_model.bin")
    return files_fingerprint([(name, model_dir / name) for name in present], cache_dir)


def files_fingerprint(files: Sequence[tuple[str, Path]], cache_dir: Path | None = None) -> str:
    """sha256 over (name, contents) pairs, with each file's digest cached in ``cache_dir``."""
    stat_file = cache_dir / STAT_CACHE if cache_dir else None
    known: dict[str, list[Any]] = {}
    if stat_file and stat_file.exists():
        try:
            known = json.loads(stat_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
    total = hashlib.sha256()
    changed = False
    for name, path in files:
        st = path.stat()
        key = str(path.resolve())
        stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
        entry = known.get(key)
        if entry and entry[:3] == stamp:
            digest = str(entry[3])
        else:
            digest = _sha256_file(path)
            known[key] = [*stamp, digest]
            changed = True
        total.update(f"{name}\0{digest}\n".encode())
    if stat_file and changed:
        with contextlib.suppress(OSError):  # a cache that cannot be written costs hashing time only
            stat_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(stat_file, json.dumps(known))
    return total.hexdigest()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` whole or not at all (no temporary file is left behind)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
