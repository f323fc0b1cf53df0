"""Sentences with character offsets, and how sentences of one document relate.

Segments (one speaker's words) are split by blingfire's sentence breaker; a sentence never
crosses a segment, so a question is never glued to its answer and an editor's note is never
glued to the words it comments on. Every sentence satisfies ``text[start:end] == sentence.text``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import blingfire

from retrieval.documents import SourceDocument
from retrieval.speakers import trim


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with who says it and where it stands."""

    doc_id: str
    seq: int
    start: int
    end: int
    text: str
    role: str
    speaker: str
    turn: int
    paragraph: int


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` as (start, end), white space trimmed."""
    if not text.strip():
        return []
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    spans = []
    for raw_start, raw_end in offsets:
        start, end = trim(text, raw_start, raw_end)
        if start < end:
            spans.append((start, end))
    return spans


def split_document(doc: SourceDocument) -> list[Sentence]:
    """Split every segment of a document into sentences."""
    sentences: list[Sentence] = []
    for segment in doc.segments:
        chunk = doc.text[segment.start:segment.end]
        for start, end in split_spans(chunk):
            if not _has_words(chunk[start:end]):
                continue  # a stray dash or bracket is not a sentence anyone said
            a, b = segment.start + start, segment.start + end
            sentences.append(Sentence(
                doc_id=doc.doc_id, seq=len(sentences), start=a, end=b, text=doc.text[a:b],
                role=segment.role, speaker=segment.speaker, turn=segment.turn,
                paragraph=segment.paragraph,
            ))
    return sentences


def read_in_context(sentences: Sequence[Sentence]) -> list[str]:
    """Each sentence of one document (in order) as read after the sentence before it in the same
    turn: "They act according to the logic of revenge." is about the hawks of the sentence before,
    "Only Kazakhstan has used this principle so far." about the CSTO's. An encoder reading both
    resolves the reference, which a vector of the sentence alone cannot."""
    out = [sentences[0].text] if sentences else []
    for before, s in itertools.pairwise(sentences):
        same_turn = before.doc_id == s.doc_id and before.turn == s.turn
        out.append(f"{before.text} {s.text}" if same_turn else s.text)
    return out


@dataclass(frozen=True)
class Links:
    """Context inside one document, by sentence position in the list given to ``link``.

    ``answer_of[i]``: for an interviewer's sentence, the first sentence of the answer to it.
    ``caveats_of[i]``: editor's notes that comment on sentence ``i``.
    """

    answer_of: dict[int, int]
    caveats_of: dict[int, tuple[int, ...]]


def link(sentences: Sequence[Sentence], offset: int = 0) -> Links:
    """Find answers to questions and the sentences each editor's note comments on.

    A note comments on the sentences of its own turn that come before it; a note inside a
    question also covers the first sentence of the answer, which takes up the question's premise.
    ``offset`` is added to every position (the document's place in a larger catalogue).
    """
    answer_of: dict[int, int] = {}
    caveats: dict[int, list[int]] = {}
    first_of_turn: dict[int, int] = {}
    role_of_turn: dict[int, str] = {}
    for i, s in enumerate(sentences):
        if s.role != "editor":
            first_of_turn.setdefault(s.turn, i)
            role_of_turn.setdefault(s.turn, s.role)
    for i, s in enumerate(sentences):
        if s.role == "interviewer":
            nxt = first_of_turn.get(s.turn + 1)
            if nxt is not None and role_of_turn.get(s.turn + 1) == "interviewee":
                answer_of[offset + i] = offset + nxt
        elif s.role == "editor":
            targets = [j for j in range(i) if sentences[j].turn == s.turn
                       and sentences[j].role not in ("editor",)]
            if role_of_turn.get(s.turn) == "interviewer":
                nxt = first_of_turn.get(s.turn + 1)
                if nxt is not None:
                    targets.append(nxt)
            for j in targets:
                caveats.setdefault(offset + j, []).append(offset + i)
    return Links(answer_of, {k: tuple(v) for k, v in caveats.items()})
