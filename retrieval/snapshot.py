"""An in-memory view of the index, read once from the catalogue and swapped whole on reload."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from retrieval.catalogue import Catalogue, StoredDocument, vector_id
from retrieval.lexical import LexicalIndex
from retrieval.sentences import Sentence, link


@dataclass(frozen=True)
class Snapshot:
    """Sentences by position, their documents, context links and the lexical index."""

    sentences: tuple[Sentence, ...]
    documents: dict[str, StoredDocument]
    position_of_vector: dict[str, int]
    answer_of: dict[int, int]
    caveats_of: dict[int, tuple[int, ...]]
    lexical: LexicalIndex

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> Snapshot:
        """Read everything the retriever needs."""
        documents = {d.meta.doc_id: d for d in catalogue.documents()}
        sentences = tuple(catalogue.sentences())
        answer_of: dict[int, int] = {}
        caveats_of: dict[int, tuple[int, ...]] = {}
        position_of_vector: dict[str, int] = {}
        offset = 0
        for doc_id, group in groupby(sentences, key=lambda s: s.doc_id):
            doc_sentences = list(group)
            links = link(doc_sentences, offset)
            answer_of.update(links.answer_of)
            caveats_of.update(links.caveats_of)
            fingerprint = documents[doc_id].fingerprint
            for i, s in enumerate(doc_sentences):
                position_of_vector[vector_id(doc_id, fingerprint, s.seq)] = offset + i
            offset += len(doc_sentences)
        return cls(sentences, documents, position_of_vector, answer_of, caveats_of,
                   LexicalIndex([s.text for s in sentences]))
