"""``python -m bot bench``: latency and throughput, always against a baseline in the same run.

On the article: bare query embedding p50, our warm ``ask`` p50/p95, plain langchain-chroma
``similarity_search(k=4)`` p50, and the ratios. Then the same on a generated corpus of
``large_sentences`` sentences, with ingest throughput beside bare encoding throughput, and the
process's peak memory.
"""

from __future__ import annotations

import random
import re
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from config.settings import Settings
from retrieval.embeddings import SentenceEmbedder
from retrieval.evaluation import load_questions
from retrieval.service import QuoteService

QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "eval_questions.jsonl"
ROUNDS = 3


def _interleaved(fns: list[Callable[[str], object]], questions: list[str]) -> list[list[float]]:
    """Time each function on each question, alternating, so that drift in machine speed
    (other processes, CPU frequency) falls on all of them alike."""
    out: list[list[float]] = [[] for _ in fns]
    for _ in range(ROUNDS):
        for q in questions:
            for timings, fn in zip(out, fns, strict=True):
                started = time.perf_counter()
                fn(q)
                timings.append((time.perf_counter() - started) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _measure(label: str, service: QuoteService, embedder: SentenceEmbedder,
             questions: list[str]) -> None:
    store = service._open_store()
    for q in questions[:5]:  # warm every path once
        service.ask(q)
        store.similarity_search(q, k=4)
    embed, ask, plain = _interleaved([lambda q: embedder.encode([q], batch_size=1), service.ask,
                                      lambda q: store.similarity_search(q, k=4)], questions)
    e50, a50, a95, s50 = _p(embed, .5), _p(ask, .5), _p(ask, .95), _p(plain, .5)
    print(f"\n== {label}: {len(service.snapshot.sentences):,} sentences, "
          f"{len(questions)} questions x {ROUNDS} rounds, interleaved")
    print(f"bare query embedding           p50 {e50:7.2f} ms")
    print(f"warm ask                       p50 {a50:7.2f} ms   p95 {a95:7.2f} ms")
    print(f"similarity_search(k=4)         p50 {s50:7.2f} ms")
    print(f"ratio ask p50 / embedding p50      {a50 / e50:7.2f}")
    print(f"ratio ask p50 / similarity p50     {a50 / s50:7.2f}")


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


def run_benchmarks(settings: Settings, *, large_sentences: int) -> None:
    """Run both benchmarks and print their figures."""
    questions = [q.question for q in load_questions(QUESTIONS)]
    embedder = SentenceEmbedder(settings.model_name, batch_size=settings.batch_size)
    embedder.warm_up()
    with tempfile.TemporaryDirectory(prefix="quotebot-bench-") as tmp:
        root = Path(tmp)
        article = QuoteService(settings.with_overrides(data_dir=root / "article"), embedder)
        article.start()
        _measure("article", article, embedder, questions)

        if large_sentences > 0:
            corpus = root / "large-corpus"
            seed = "\n".join(s.text for s in article.snapshot.sentences)
            generate_corpus(corpus, large_sentences, seed)
            sample = [line for p in sorted(corpus.iterdir())[:3]
                      for line in re.split(r"(?<=\.) ", p.read_text(encoding="utf-8"))][:2000]
            started = time.perf_counter()
            embedder.encode(sample)
            bare = len(sample) / (time.perf_counter() - started)
            large = QuoteService(settings.with_overrides(corpus_dir=corpus,
                                                         data_dir=root / "large"), embedder)
            started = time.perf_counter()
            report = large.start(progress=True)
            seconds = time.perf_counter() - started
            assert report is not None
            rate = report.embedded / seconds
            print(f"\n== ingest of {report.sentences:,} generated sentences: {seconds:.1f} s")
            print(f"bare encoding throughput       {bare:8.1f} sentences/s (sample of {len(sample)})")
            print(f"ingest throughput              {rate:8.1f} sentences/s")
            print(f"ratio ingest / bare encoding       {rate / bare:7.2f}")
            _measure(f"{large_sentences:,} generated sentences", large, embedder, questions)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS) of this process: {peak:,.0f} MiB")
