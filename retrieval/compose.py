"""From a ranking to an Answer: attributed verbatim quotes, numbered, with editor's caveats.

Quotes are sentences exactly as the catalogue holds them (``text[start:end]``): never elided,
merged or reworded. The answer text only adds attribution lines, quotation marks and markers.
"""

from __future__ import annotations

from retrieval.answer import Answer, Citation
from retrieval.catalogue import StoredDocument
from retrieval.retriever import Ranking, Scored
from retrieval.snapshot import Snapshot

# Further citations must come close to the best one; a distant second is noise, not support.
RELATIVE_CUTOFF = 0.70
MORE_QUOTES = 3
ABSTENTION_TEXT = ("The documents I have do not answer this question, so there is nothing I "
                   "can quote. Try rephrasing, or see which documents I know.")


def attribution(role: str, speaker: str, document: StoredDocument) -> str:
    """Who says a quote, as the answer text shows it."""
    meta = document.meta
    if role == "interviewee":
        return f"{speaker}, interviewed by {meta.interviewer}" if meta.interviewer else speaker
    if role == "interviewer":
        return f"{speaker}, interviewer" + (f" of {meta.interviewee}" if meta.interviewee else "")
    if role == "editor":
        return f"{speaker}, editor's note"
    if meta.interviewer or speaker in (meta.outlet, meta.publisher):
        return f"{speaker} (narration)"
    return f"{speaker}, in {meta.outlet}" if meta.outlet else speaker


def source_line(document: StoredDocument) -> str:
    """Title and outlet of a document, for the list of sources."""
    meta = document.meta
    where = meta.outlet
    if meta.publisher and meta.publisher != meta.outlet:
        where = f"{where}, via {meta.publisher}" if where else meta.publisher
    details = ", ".join(x for x in (where, meta.date) if x)
    return f"“{meta.title}”" + (f" ({details})" if details else "")


class AnswerComposer:
    """Turns a Ranking into an Answer (LangChain step)."""

    def __init__(self, snapshot: Snapshot, *, max_citations: int = 3) -> None:
        self.snapshot = snapshot
        self.max_citations = max_citations

    def __call__(self, ranking: Ranking) -> Answer:
        """Pick the citations, attach caveats, write the text."""
        if ranking.abstain:
            return Answer(question=ranking.question, abstained=True, text=ABSTENTION_TEXT)
        best = ranking.candidates[0].score
        chosen: list[Scored] = []
        rest: list[Scored] = []
        for s in ranking.candidates:
            if self._disputes_any(s.position, chosen):
                continue  # a note on a cited sentence is shown as its caveat, not as support
            if len(chosen) < self.max_citations and s.score >= RELATIVE_CUTOFF * best:
                chosen.append(s)
            elif len(rest) < MORE_QUOTES and s.score >= RELATIVE_CUTOFF * RELATIVE_CUTOFF * best:
                rest.append(s)
            else:
                break
        citations = [self._citation(i + 1, s.position, s.score) for i, s in enumerate(chosen)]
        cited = {s.position for s in chosen}
        caveat_positions: list[int] = []
        for s in chosen:
            for note in self.snapshot.caveats_of.get(s.position, ()):
                if note not in cited and note not in caveat_positions:
                    caveat_positions.append(note)
        caveats = [self._citation(i + 1, p, 0.0) for i, p in enumerate(caveat_positions)]
        more = [self._citation(len(citations) + i + 1, s.position, s.score)
                for i, s in enumerate(rest)]
        return Answer(
            question=ranking.question, abstained=False,
            text=self._text(citations, caveats, chosen),
            citations=tuple(citations), caveats=tuple(caveats), more=tuple(more),
        )

    def _disputes_any(self, position: int, chosen: list[Scored]) -> bool:
        return any(position in self.snapshot.caveats_of.get(c.position, ()) for c in chosen)

    def _citation(self, n: int, position: int, score: float) -> Citation:
        s = self.snapshot.sentences[position]
        document = self.snapshot.documents[s.doc_id]
        return Citation(
            n=n, quote=s.text, doc_id=s.doc_id, title=document.meta.title, speaker=s.speaker,
            role=s.role, start=s.start, end=s.end, score=score,
            attribution=attribution(s.role, s.speaker, document), source=source_line(document),
            paragraph=s.paragraph,
        )

    def _text(self, citations: list[Citation], caveats: list[Citation],
              chosen: list[Scored]) -> str:
        blocks = []
        for citation in citations:
            blocks.append(f"{citation.attribution}:\n“{citation.quote}” [{citation.n}]")
        for caveat in caveats:
            on = [c.n for c, s in zip(citations, chosen, strict=True)
                  if self._caveat_applies(caveat, s.position)]
            target = ", ".join(f"[{n}]" for n in on)
            blocks.append(f"Caveat — {caveat.attribution} on {target}:\n“{caveat.quote}”")
        docs = {c.doc_id: self.snapshot.documents[c.doc_id] for c in citations}
        sources = "; ".join(
            f"{' '.join(f'[{c.n}]' for c in citations if c.doc_id == doc_id)} {source_line(d)}"
            for doc_id, d in docs.items())
        blocks.append(f"Source: {sources}")
        return "\n\n".join(blocks)

    def _caveat_applies(self, caveat: Citation, position: int) -> bool:
        notes = self.snapshot.caveats_of.get(position, ())
        return any(self.snapshot.sentences[p].start == caveat.start
                   and self.snapshot.sentences[p].doc_id == caveat.doc_id for p in notes)
