"""From a ranking to an Answer: attributed verbatim quotes, numbered, with editor's caveats.

Quotes are sentences exactly as the catalogue holds them (``text[start:end]``): never elided,
merged or reworded. The answer text only adds attribution lines, quotation marks and markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.answer import Answer, Citation
from retrieval.catalogue import StoredDocument
from retrieval.lexical import tokenize
from retrieval.retriever import Ranking, Scored
from retrieval.snapshot import Snapshot
from retrieval.support import ANSWERS, NONE, RELATED, Support

# Further citations must come close to the best one: within this much of its score (chosen on
# the tuning half; a wider margin adds quotes that rarely help and lengthens every answer).
CITATION_MARGIN = 0.1
# The same for a question in another language, which e5 alone ranks: its scores lie closer
# together (most within 0.75–0.9, where the fused ones of an English question spread over
# 0.5–1.1), and with 0.1 nearly every such answer had three quotes (2.66 a question on the tuning
# questions). 0.05 is the narrowest of 0.1, 0.06, 0.05, 0.04, 0.03 and 0.02 that kept every hit@3
# there (2.45 quotes a question).
CITATION_MARGIN_E5_ONLY = 0.05
# A sentence that goes on from the best one (the next in its paragraph, opening with a word that
# points back to it) is quoted after it from further down: "They act according to the logic of
# revenge." tells what drives the hawks the sentence before names, but its own words say nothing of
# them, so it scores 0.2 below that sentence. Of 0.15, 0.25, 0.35, 0.5 and any score, 0.25 is the
# narrowest that gave all nine answers more in the first three on the tuning questions (2.06 → 2.08
# quotes an answered question). English only: e5 alone ranks another language, its scores closer
# together.
CONTINUATION_MARGIN = 0.25
_POINTS_BACK = re.compile(r"(?:They|He|She|It|This|These|Those|Their|His|Her|Its)\b")
# A list the best quote opens ("The conflict in Ukraine has two consequences: first, it was a test…")
# goes on in a later sentence of the same turn that opens with the next point ("Secondly, a
# significant part of the Russian troops…"), however far down that one ranks: the first point alone
# answers half of "What are the two consequences?". It is quoted right after the first, when the
# question asks for more than one point (its count, "both", the second) or names the list's things
# without asking for the first alone.
_OPENS_LIST = re.compile(r"(?:^|[:;,]\s*)(?:first(?:ly)?|first\s+of\s+all|in\s+the\s+first\s+place)\s*,",
                         re.IGNORECASE)
_NEXT_POINT = re.compile(r"(?:second(?:ly)?|in\s+the\s+second\s+place)\s*,", re.IGNORECASE)
_MORE_POINTS = re.compile(r"\b(?:two|three|four|both|second(?:ly)?|deux|trois|deuxi[eè]me|seconde?|"
                          r"дв(?:а|е|ух|ум)|тр(?:и|ёх|ех|ем)|втор(?:ой|ая|ое|ого|ую|ым|ом)|оба|обе|обоих|обеих)\b",
                          re.IGNORECASE)
# "…, and what was the second?" asks the second point in a part of its own: read in the whole question.
_SECOND_POINT = re.compile(r"\b(?:second(?:ly)?|deuxi[eè]me|seconde?|втор(?:ой|ая|ое|ого|ую|ым|ом))\b",
                           re.IGNORECASE)
_FIRST_POINT = re.compile(r"\b(?:first|premi[eè]re?|перв\w*)\b", re.IGNORECASE)
_LISTED = re.compile(r"\b(?:two|three|four|several|\d+)\s+([^\W\d_]+s)\s*:", re.IGNORECASE)
# A part of a several-part question gets at most this many quotes; all parts at most MAX_PARTS_QUOTES.
QUOTES_PER_PART = 2
MAX_PARTS_QUOTES = 4
RELATED_QUOTES = 2
MORE_QUOTES = 3
ABSTENTION_TEXT = ("The documents I have do not answer this question, so there is nothing I "
                   "can quote. Try rephrasing, or see which documents I know.")
RELATED_TEXT = ("The documents I have do not answer this question. The closest passages are "
                "below; they are related, but they do not answer it.")
UNANSWERED_PART_TEXT = "The documents do not answer this part: “{part}”"


@dataclass(frozen=True)
class Judged:
    """One part of a question: its ranking and whether the corpus answers it."""

    part: str
    ranking: Ranking
    support: Support
    features: tuple[float, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """A question's parts, each ranked and judged (most questions have one part)."""

    question: str
    parts: tuple[Judged, ...]


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
    """Turns an Assessment into an Answer (LangChain step)."""

    def __init__(self, snapshot: Snapshot, *, max_citations: int = 3) -> None:
        self.snapshot = snapshot
        self.max_citations = max_citations

    def __call__(self, assessment: Assessment) -> Answer:
        """Pick the citations, attach caveats, write the text."""
        parts = assessment.parts
        outcomes = [j.support.outcome for j in parts]
        if ANSWERS in outcomes:
            return self._answer(assessment)
        support = RELATED if RELATED in outcomes else NONE
        if support == NONE:
            return Answer(question=assessment.question, abstained=True, text=ABSTENTION_TEXT,
                          support=NONE)
        related = [j for j in parts if j.support.outcome == RELATED]
        chosen: list[Scored] = []
        for judged in related:
            for s in judged.ranking.candidates:
                if len(chosen) >= RELATED_QUOTES:
                    break
                if s.position not in {c.position for c in chosen}:
                    chosen.append(s)
                    if len(related) > 1:
                        break
        citations = [self._citation(i + 1, s.position, s.score) for i, s in enumerate(chosen)]
        text = RELATED_TEXT + "\n\n" + self._text(citations, [], chosen)
        return Answer(question=assessment.question, abstained=True, text=text,
                      citations=tuple(citations), support=RELATED)

    def _answer(self, assessment: Assessment) -> Answer:
        parts = assessment.parts
        several = len(parts) > 1
        chosen: list[Scored] = []
        rest: list[Scored] = []
        unanswered: list[str] = []
        for judged in parts:
            if judged.support.outcome != ANSWERS:
                unanswered.append(judged.part)
                continue
            limit = min(QUOTES_PER_PART, MAX_PARTS_QUOTES - len(chosen)) if several else self.max_citations
            picked, extra = self._pick(judged.ranking, chosen, limit, judged.part, assessment.question)
            chosen.extend(picked)
            rest.extend(s for s in extra if s.position not in {r.position for r in rest})
        citations = [self._citation(i + 1, s.position, s.score) for i, s in enumerate(chosen)]
        cited = {s.position for s in chosen}
        caveat_positions: list[int] = []
        for s in chosen:
            for note in self.snapshot.caveats_of.get(s.position, ()):
                if note not in cited and note not in caveat_positions:
                    caveat_positions.append(note)
        caveats = [self._citation(i + 1, p, 0.0) for i, p in enumerate(caveat_positions)]
        further = [s for s in rest if s.position not in cited][:MORE_QUOTES]
        more = [self._citation(len(citations) + i + 1, s.position, s.score)
                for i, s in enumerate(further)]
        text = self._text(citations, caveats, chosen)
        if unanswered:
            text += "\n\n" + "\n".join(UNANSWERED_PART_TEXT.format(part=p) for p in unanswered)
        return Answer(
            question=assessment.question, abstained=False, text=text,
            citations=tuple(citations), caveats=tuple(caveats), more=tuple(more), support=ANSWERS,
            unanswered=tuple(unanswered),
        )

    def _pick(self, ranking: Ranking, taken: list[Scored], limit: int, part: str,
              question: str) -> tuple[list[Scored], list[Scored]]:
        """Up to ``limit`` citations close to the best, and up to MORE_QUOTES further ones; the
        list's next point after the best when the ``part`` (or the whole ``question``) asks for it."""
        picked: list[Scored] = []
        rest: list[Scored] = []
        taken_positions = {s.position for s in taken}
        best: float | None = None
        for s in ranking.candidates:
            if s.position in taken_positions or self._disputes_any(s.position, [*taken, *picked]):
                continue  # a note on a cited sentence is shown as its caveat, not as support
            if best is None:
                best = s.score
            margin = CITATION_MARGIN if ranking.language == "en" else CITATION_MARGIN_E5_ONLY
            if ranking.language == "en" and picked and self._goes_on_from(picked[0].position, s.position):
                margin = CONTINUATION_MARGIN
            if len(picked) < limit and s.score >= best - margin:
                picked.append(s)
            elif len(rest) < MORE_QUOTES:
                rest.append(s)
        point = self._next_point(picked[0].position, part, question) if picked and limit > 1 else None
        if point is not None and point not in taken_positions:
            # A point from beyond the candidates has no score of its own: 0.0 in the citation.
            scored = next((s for s in ranking.candidates if s.position == point),
                          Scored(point, 0.0, 0.0, 0.0, via_question=False))
            listed = [picked[0], scored, *(s for s in picked[1:] if s.position != point)]
            picked = listed[:limit]
            rest = [*listed[limit:], *(s for s in rest if s.position != point)][:MORE_QUOTES]
        return picked, rest

    def _next_point(self, first: int, part: str, question: str) -> int | None:
        """The sentence that goes on with the list ``first`` opens, the next in its turn that opens
        with the second point, when the question asks for more than the first."""
        sentences = self.snapshot.sentences
        if not _OPENS_LIST.search(sentences[first].text):
            return None
        listed = _LISTED.search(sentences[first].text)
        names_them = bool(listed and set(tokenize(listed.group(1))) & set(tokenize(part)))
        # "What was the first consequence…, and what was the second?" asks it in a part of its own;
        # "What was the first of the two consequences?" asks for one point.
        if not _SECOND_POINT.search(question) and (
                _FIRST_POINT.search(part) or not (_MORE_POINTS.search(part) or names_them)):
            return None
        for position in range(first + 1, len(sentences)):
            this = sentences[position]
            if this.doc_id != sentences[first].doc_id or this.turn != sentences[first].turn:
                return None
            if _NEXT_POINT.match(this.text):
                return position
        return None

    def _goes_on_from(self, best: int, position: int) -> bool:
        """Whether a sentence is the next one in the best one's paragraph and points back to it."""
        if position != best + 1 or position >= len(self.snapshot.sentences):
            return False
        this, before = self.snapshot.sentences[position], self.snapshot.sentences[best]
        return (this.doc_id == before.doc_id and this.paragraph == before.paragraph
                and _POINTS_BACK.match(this.text) is not None)

    def _disputes_any(self, position: int, chosen: list[Scored]) -> bool:
        return any(position in self.snapshot.caveats_of.get(c.position, ()) for c in chosen)

    def _citation(self, n: int, position: int, score: float) -> Citation:
        s = self.snapshot.sentences[position]
        document = self.snapshot.documents[s.doc_id]
        return Citation(
            n=n, quote=s.text, doc_id=s.doc_id, title=document.meta.title, speaker=s.speaker,
            role=s.role, start=s.start, end=s.end, score=score,
            attribution=attribution(s.role, s.speaker, document), source=source_line(document),
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
