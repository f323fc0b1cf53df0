"""What the engine returns: our own frozen dataclasses, never LangChain or Chroma types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CITATION_KEYS = ("n", "quote", "doc_id", "title", "speaker", "role", "start", "end", "score")


@dataclass(frozen=True)
class Citation:
    """One verbatim quote: ``document.text[start:end] == quote``."""

    n: int
    quote: str
    doc_id: str
    title: str
    speaker: str
    role: str
    start: int
    end: int
    score: float
    attribution: str = ""
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the CLI: exactly CITATION_KEYS."""
        return {
            "n": self.n, "quote": self.quote, "doc_id": self.doc_id, "title": self.title,
            "speaker": self.speaker, "role": self.role, "start": self.start, "end": self.end,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Answer:
    """An answer: attributed quotes (1-4 citations, or up to two related ones), caveats."""

    question: str
    abstained: bool
    text: str
    citations: tuple[Citation, ...] = ()
    caveats: tuple[Citation, ...] = ()
    more: tuple[Citation, ...] = ()
    latency_ms: float = 0.0
    # "answers", "related" (the documents come close but do not answer) or "none".
    support: str = "answers"
    # Parts of a several-part question that the documents do not answer (shown, not in JSON).
    unanswered: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``ask --json``."""
        return {
            "question": self.question,
            "abstained": self.abstained,
            "answer": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "caveats": [c.to_dict() for c in self.caveats],
            "latency_ms": round(self.latency_ms, 2),
            "support": self.support,
        }
