"""Quality on a question set with gold sentences: hit@1, hit@3, abstention, verbatim quotes.

A question set is JSON lines: ``{"question": ..., "kind": ..., "gold": [substring, ...]}``; a
citation hits when its quote contains one of the gold substrings. ``gold: []`` marks a question
the corpus does not answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.answer import Answer
from retrieval.errors import CorpusError


@dataclass(frozen=True)
class EvalQuestion:
    """One question of a set."""

    question: str
    kind: str
    gold: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        """False when the corpus does not answer it."""
        return bool(self.gold)


@dataclass
class EvalResult:
    """Counts over a question set, and the questions that missed."""

    answerable: int = 0
    unanswerable: int = 0
    hit1: int = 0
    hit3: int = 0
    abstained_right: int = 0
    abstained_wrong: int = 0
    quotes: int = 0
    verbatim: int = 0
    misses: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)

    def metrics(self) -> dict[str, float]:
        """The figures the README and the issue quote."""
        def share(a: int, b: int) -> float:
            return a / b if b else 0.0
        return {
            "hit@1": share(self.hit1, self.answerable),
            "hit@3": share(self.hit3, self.answerable),
            "unanswerable_abstained": share(self.abstained_right, self.unanswerable),
            "answerable_wrongly_abstained": share(self.abstained_wrong, self.answerable),
            "verbatim": share(self.verbatim, self.quotes) if self.quotes else 1.0,
        }


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read a question set."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data: dict[str, Any] = json.loads(line)
            questions.append(EvalQuestion(str(data["question"]), str(data.get("kind", "")),
                                          tuple(str(g) for g in data.get("gold", ()))))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorpusError(f"{path.name} line {number} is not a question object ({exc})") from None
    return questions


def evaluate(questions: Iterable[EvalQuestion], ask: Callable[[str], Answer],
             text_of: Callable[[str], str]) -> EvalResult:
    """Ask every question and score the answers; ``text_of(doc_id)`` gives a document's text."""
    result = EvalResult()
    for q in questions:
        answer = ask(q.question)
        for c in (*answer.citations, *answer.caveats):
            result.quotes += 1
            result.verbatim += text_of(c.doc_id)[c.start:c.end] == c.quote
        kind = result.by_kind.setdefault(q.kind, [0, 0])
        kind[1] += 1
        if not q.answerable:
            result.unanswerable += 1
            result.abstained_right += answer.abstained
            kind[0] += answer.abstained
            if not answer.abstained:
                result.misses.append(f"[{q.kind}] {q.question} -> should abstain, quoted "
                                     f"{answer.citations[0].quote[:70]!r}")
            continue
        result.answerable += 1
        hits = [any(g in c.quote for g in q.gold) for c in answer.citations]
        result.hit1 += bool(hits[:1] and hits[0])
        result.hit3 += any(hits[:3])
        kind[0] += bool(hits[:1] and hits[0])
        if answer.abstained:
            result.abstained_wrong += 1
            result.misses.append(f"[{q.kind}] {q.question} -> abstained")
        elif not (hits and hits[0]):
            result.misses.append(f"[{q.kind}] {q.question} -> {answer.citations[0].quote[:70]!r}"
                                 f" (hit@3: {any(hits[:3])})")
    return result


def baseline_hit1(questions: Iterable[EvalQuestion],
                  first: Callable[[str], dict[str, str]]) -> dict[str, float]:
    """hit@1 of each baseline, given a function from a question to each baseline's first quote."""
    hits: dict[str, int] = {}
    answerable = [q for q in questions if q.answerable]
    for q in answerable:
        for name, quote in first(q.question).items():
            hits[name] = hits.get(name, 0) + any(g in quote for g in q.gold)
    return {name: n / len(answerable) for name, n in hits.items()} if answerable else {}


def report(result: EvalResult) -> str:
    """The figures as lines of text."""
    m = result.metrics()
    lines = [
        f"questions: {result.answerable} answerable, {result.unanswerable} unanswerable",
        f"hit@1                        {m['hit@1']:.3f}",
        f"hit@3                        {m['hit@3']:.3f}",
        f"unanswerable abstained       {m['unanswerable_abstained']:.3f}",
        f"answerable wrongly abstained {m['answerable_wrongly_abstained']:.3f}",
        f"verbatim quotes              {m['verbatim']:.3f} ({result.verbatim}/{result.quotes})",
        "by kind (hit@1, or abstained for unanswerable): " + ", ".join(
            f"{k} {v[0]}/{v[1]}" for k, v in sorted(result.by_kind.items())),
    ]
    if result.misses:
        lines.append("misses:")
        lines.extend(f"  {m}" for m in result.misses)
    return "\n".join(lines)
