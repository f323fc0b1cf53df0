"""Who speaks where: a document's text cut into speaker segments.

A *segment* is a span of the text with a role (``interviewee``, ``interviewer``, ``editor``,
``narrator``) and a speaker. An ``[interview]`` table in a document's metadata describes how
turns are marked (``InterviewLayout``); a document without one is narration by its author or
outlet. Nothing here reads files: ``retrieval.documents`` loads them and calls in here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from config.errors import CorpusError

_SENTENCE_END = ".?!…"


@dataclass(frozen=True)
class Segment:
    """A span of one speaker's words: ``text[start:end]``."""

    start: int
    end: int
    role: str
    speaker: str
    turn: int
    paragraph: int




@dataclass(frozen=True)
class InterviewLayout:
    """How an interview marks its turns (the ``[interview]`` table of the metadata)."""

    interviewer: str
    interviewee: str
    editor: str = ""
    narrator: str = ""
    narrator_paragraphs: tuple[int, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    turn_marker: str = "—"
    note_signoffs: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], where: str) -> InterviewLayout:
        """Validate an ``[interview]`` table."""
        try:
            labels = {str(k): str(v) for k, v in dict(data.get("labels", {})).items()}
            layout = cls(
                interviewer=str(data["interviewer"]),
                interviewee=str(data["interviewee"]),
                editor=str(data.get("editor", "")),
                narrator=str(data.get("narrator", "")),
                narrator_paragraphs=tuple(int(i) for i in data.get("narrator_paragraphs", ())),
                labels=labels,
                turn_marker=str(data.get("turn_marker", "—")),
                note_signoffs=tuple(str(s) for s in data.get("note_signoffs", ())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CorpusError(f"{where}: the [interview] table is incomplete or malformed ({exc})") from None
        bad = sorted(set(layout.labels.values()) - {"interviewer", "interviewee"})
        if bad:
            raise CorpusError(f"{where}: interview labels must map to interviewer or interviewee, got {bad}")
        return layout

    def speaker_of(self, role: str) -> str:
        """The name that speaks in a role."""
        return {
            "interviewer": self.interviewer,
            "interviewee": self.interviewee,
            "editor": self.editor or self.interviewer,
            "narrator": self.narrator or self.interviewer,
        }[role]

def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), with surrounding white space trimmed."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text[start:]):
        s, e = trim(text, match.start() + start, match.end() + start)
        if s < e:
            spans.append((s, e))
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` without its leading and trailing white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def narration_segments(text: str, body_start: int, speaker: str) -> list[Segment]:
    """One narrator segment per paragraph: a document without speaker annotations."""
    return [Segment(s, e, "narrator", speaker, turn=i, paragraph=i)
            for i, (s, e) in enumerate(_paragraphs(text, body_start))]


def interview_segments(text: str, body_start: int, layout: InterviewLayout,
                       title: str = "") -> list[Segment]:
    """Split an interview into narrator, interviewer, interviewee and editor segments."""
    paragraphs = _paragraphs(text, body_start)
    narrator_idx = {i if i >= 0 else len(paragraphs) + i for i in
                    (p - 1 if p > 0 else p for p in layout.narrator_paragraphs)}
    marker = re.escape(layout.turn_marker)
    # A turn marker inside a paragraph follows the end of the previous turn directly
    # ("...reliability?— Rather"), unlike a dash used as punctuation ("Azerbaijan — approx.").
    inline_turn = re.compile(rf"(?<=[.?!…)\"”»])[ \t]*{marker}[ \t]*")
    segments: list[Segment] = []
    role = ""
    turn = -1
    for p_idx, (ps, pe) in enumerate(paragraphs):
        if p_idx in narrator_idx:
            turn += 1
            segments.extend(_narrator_paragraph(text, ps, pe, layout, title, turn, p_idx))
            role = ""
            continue
        pieces: list[tuple[int, int, str, int]] = []
        pos = ps
        label = next((lb for lb in layout.labels if text.startswith(lb, ps)), None)
        if label is not None:
            role, turn, pos = layout.labels[label], turn + 1, ps + len(label)
        elif text.startswith(layout.turn_marker, ps):
            role, turn, pos = _next_role(role), turn + 1, ps + len(layout.turn_marker)
        elif not role:
            role = "narrator"
        for match in inline_turn.finditer(text, pos, pe):
            pieces.append((pos, match.start(), role, turn))
            role, turn, pos = _next_role(role), turn + 1, match.end()
        pieces.append((pos, pe, role, turn))
        for s, e, piece_role, piece_turn in pieces:
            segments.extend(_with_notes(text, s, e, piece_role, piece_turn, p_idx, layout))
    return segments


def _next_role(role: str) -> str:
    return "interviewee" if role == "interviewer" else "interviewer"


def _narrator_paragraph(text: str, ps: int, pe: int, layout: InterviewLayout, title: str,
                        turn: int, p_idx: int) -> list[Segment]:
    speaker = layout.speaker_of("narrator")
    # A headline delivered on the same line as the lede is its own segment, so that no
    # sentence glues the two together.
    if title and text.startswith(title, ps) and pe > ps + len(title):
        rest_start, rest_end = trim(text, ps + len(title), pe)
        out = [Segment(ps, ps + len(title), "narrator", speaker, turn, p_idx)]
        if rest_start < rest_end:
            out.append(Segment(rest_start, rest_end, "narrator", speaker, turn, p_idx))
        return out
    return [Segment(ps, pe, "narrator", speaker, turn, p_idx)]


def _with_notes(text: str, start: int, end: int, role: str, turn: int, p_idx: int,
                layout: InterviewLayout) -> list[Segment]:
    """A speaker's piece of a paragraph, with editor's notes cut out as segments of their own."""
    out: list[Segment] = []
    pos = start
    for note_start, note_end in _editor_notes(text, start, end, layout.note_signoffs):
        s, e = trim(text, pos, note_start)
        if s < e:
            out.append(Segment(s, e, role, layout.speaker_of(role), turn, p_idx))
        out.append(Segment(note_start, note_end, "editor", layout.speaker_of("editor"), turn, p_idx))
        pos = note_end
    s, e = trim(text, pos, end)
    if s < e:
        out.append(Segment(s, e, role, layout.speaker_of(role), turn, p_idx))
    return out


def _editor_notes(text: str, start: int, end: int, signoffs: Sequence[str]) -> list[tuple[int, int]]:
    """Parenthesised sentences that open where a sentence may start: an editor's insertions.

    A parenthesis inside a sentence ("(CSTO)") is the speaker's; one that opens a sentence and
    holds whole sentences is not something a speaker says aloud. A note whose closing
    parenthesis is missing ends after its sign-off ("approx.").
    """
    notes = []
    i = start
    while i < end:
        i = text.find("(", i, end)
        if i < 0:
            break
        before = text[start:i].rstrip()
        if before and before[-1] not in _SENTENCE_END + ")":
            i += 1
            continue
        close = _matching_paren(text, i, end)
        if close is not None and text[i + 1:close].rstrip()[-1:] in tuple(_SENTENCE_END):
            notes.append((i, close + 1))
            i = close + 1
            continue
        signoff_end = min((text.find(s, i, end) + len(s) for s in signoffs
                           if text.find(s, i, end) >= 0), default=None)
        if signoff_end is not None and (close is None or signoff_end <= close + 1):
            stop = close + 1 if close is not None else signoff_end
            notes.append((i, stop))
            i = stop
            continue
        i += 1
    return notes


def _matching_paren(text: str, open_at: int, end: int) -> int | None:
    depth = 0
    for j in range(open_at, end):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return None
