"""An in-memory view of the index, read once from the catalogue and swapped whole on reload."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from retrieval.acronyms import Acronyms
from retrieval.casing import Casing
from retrieval.catalogue import Catalogue, StoredDocument, vector_id
from retrieval.epithets import Epithets
from retrieval.foreign_names import ForeignNames
from retrieval.lexical import LexicalIndex
from retrieval.lexicon import word_list
from retrieval.places import PlaceNames, is_country_name
from retrieval.question import Speller
from retrieval.sentences import Sentence, link


@dataclass(frozen=True)
class Snapshot:
    """Sentences by position, their documents, context links and the lexical index."""

    sentences: tuple[Sentence, ...]
    documents: dict[str, StoredDocument]
    position_of_vector: dict[str, int]
    vector_ids: tuple[str, ...]
    answer_of: dict[int, int]
    caveats_of: dict[int, tuple[int, ...]]
    lexical: LexicalIndex
    speller: Speller
    places: PlaceNames
    acronyms: Acronyms
    casing: Casing
    foreign_names: ForeignNames
    epithets: Epithets

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
        vector_ids = tuple(sorted(position_of_vector, key=position_of_vector.__getitem__))
        labels = _labels(sentences)
        return cls(sentences, documents, position_of_vector, vector_ids, answer_of, caveats_of,
                   LexicalIndex([s.text for s in sentences], labels, _context(sentences, answer_of)),
                   Speller([*(s.text for s in sentences), *labels], word_list()),
                   PlaceNames(s.text for s in sentences),
                   Acronyms(s.text for s in sentences),
                   Casing([*(s.text for s in sentences), *labels], word_list(), is_country_name),
                   ForeignNames([*(s.text for s in sentences), *(s.speaker for s in sentences)]),
                   Epithets(s.text for s in sentences))

    def neighbours(self, position: int) -> list[int]:
        """The sentences just before and after one, within the same speaker's turn."""
        s = self.sentences[position]
        return [p for p in (position - 1, position + 1)
                if 0 <= p < len(self.sentences) and self.sentences[p].doc_id == s.doc_id
                and self.sentences[p].turn == s.turn]


_ROLE_WORDS = {"editor": "editor note", "interviewer": "interviewer question",
               "interviewee": "", "narrator": ""}


def _labels(sentences: tuple[Sentence, ...]) -> list[str]:
    """Words that belong to a sentence without being in it: its speaker and role."""
    return [f"{s.speaker} {_ROLE_WORDS.get(s.role, '')}" for s in sentences]


def _context(sentences: tuple[Sentence, ...], answer_of: dict[int, int]) -> list[list[int]]:
    """For each sentence: the one before it in the same turn, and the question it answers."""
    context: list[list[int]] = [[] for _ in sentences]
    for i, s in enumerate(sentences):
        if i and sentences[i - 1].doc_id == s.doc_id and sentences[i - 1].turn == s.turn:
            context[i].append(i - 1)
    for question, answer in answer_of.items():
        context[answer].append(question)
    return context
