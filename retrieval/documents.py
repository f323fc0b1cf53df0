"""Corpus documents: loading files, their metadata, and who speaks where.

A document's ``text`` is exactly what was delivered (for ``.txt`` and ``.md`` the file itself,
front matter included; for ``.html`` the main text that trafilatura extracts), so that every
quote is ``text[start:end]``. Metadata comes from a sidecar ``<name>.meta.toml`` next to a
``.txt`` file, from the front matter of a ``.md`` file, or from the HTML itself.

Speaker turns are *segments*: spans of the text with a role (``interviewee``, ``interviewer``,
``editor``, ``narrator``) and a speaker. An ``[interview]`` table in the metadata describes how
turns are marked; a document without one is narration by its author or outlet.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from retrieval.errors import CorpusError

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.toml"
# Bump when segmentation changes, so that re-ingest re-splits every file.
PARSER_VERSION = "1"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_SENTENCE_END = ".?!…"


@dataclass(frozen=True)
class DocumentMeta:
    """What is known about a document; unknown fields stay empty, never guessed."""

    doc_id: str
    title: str
    outlet: str = ""
    publisher: str = ""
    language: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    url: str = ""
    source: str = ""
    interviewer: str = ""
    interviewee: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the metadata."""
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "outlet": self.outlet,
            "publisher": self.publisher,
            "language": self.language,
            "authors": list(self.authors),
            "date": self.date,
            "url": self.url,
            "source": self.source,
            "interviewer": self.interviewer,
            "interviewee": self.interviewee,
        }


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
class SourceDocument:
    """A loaded document: metadata, the text as delivered, and its speaker segments."""

    meta: DocumentMeta
    text: str
    segments: tuple[Segment, ...]
    fingerprint: str = field(repr=False)

    @property
    def doc_id(self) -> str:
        """The document's id (its file name without the extension)."""
        return self.meta.doc_id


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


def discover(corpus_dir: Path) -> list[Path]:
    """The document files of a corpus folder, sorted by name."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"the corpus folder {corpus_dir} does not exist")
    return sorted(
        p
        for p in corpus_dir.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() in DOCUMENT_SUFFIXES
        and not p.name.endswith(SIDECAR_SUFFIX)
    )


def doc_id_for(path: Path) -> str:
    """A document's id: its file name without the extension."""
    return path.stem


def sidecar_for(path: Path) -> Path:
    """Where a document's metadata sidecar lives."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def fingerprint_of(path: Path, content: bytes | None = None) -> str:
    """A hash of everything that decides a document's sentences: file, sidecar, parser.

    ``content`` is the file's bytes when the caller has read them already.
    """
    digest = hashlib.sha256(PARSER_VERSION.encode())
    digest.update(path.read_bytes() if content is None else content)
    sidecar = sidecar_for(path)
    if sidecar.exists():
        digest.update(b"\0sidecar\0" + sidecar.read_bytes())
    return digest.hexdigest()


def load_document(path: Path) -> SourceDocument:
    """Load one corpus file; raises CorpusError with one sentence when it is broken."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path.name} cannot be read ({exc.strerror})") from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path.name} is not UTF-8 text (bad byte at position {exc.start})") from None
    if content.startswith("\ufeff"):
        content = content[1:]  # a BOM is encoding, not text; offsets count from after it

    suffix = path.suffix.lower()
    if suffix == ".md":
        text, body_start, data = _split_front_matter(content, path.name)
    elif suffix in (".html", ".htm"):
        text, data = _extract_html(content, path.name)
        body_start = 0
    else:
        text, body_start, data = content, 0, _read_sidecar(path)

    if not text[body_start:].strip():
        raise CorpusError(f"{path.name} has no text")
    meta = _meta_from(data, path)
    interview = data.get("interview")
    if interview:
        layout = InterviewLayout.from_mapping(interview, path.name)
        meta = DocumentMeta(**{**meta.__dict__, "interviewer": layout.interviewer,
                               "interviewee": layout.interviewee})
        segments = interview_segments(text, body_start, layout, meta.title)
    else:
        segments = narration_segments(text, body_start, _narrator_of(meta))
    return SourceDocument(meta=meta, text=text, segments=tuple(segments),
                          fingerprint=fingerprint_of(path, raw))


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = sidecar_for(path)
    if not sidecar.exists():
        return {}
    try:
        return tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{sidecar.name} is not valid TOML ({exc})") from None


def _split_front_matter(content: str, name: str) -> tuple[str, int, dict[str, Any]]:
    match = _FRONT_MATTER.match(content)
    if not match:
        return content, 0, {}
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{name} has malformed front matter ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{name} has front matter that is not a mapping")
    return content, match.end(), data


def _extract_html(content: str, name: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # imported here: only HTML documents need it

    text = trafilatura.extract(content, output_format="txt", include_comments=False,
                               include_tables=False, favor_precision=True)
    if not text:
        raise CorpusError(f"{name} has no main text that could be extracted")
    found = trafilatura.extract_metadata(content)
    data: dict[str, Any] = {}
    if found is not None:
        data = {
            "title": found.title or "",
            "outlet": found.sitename or "",
            "authors": [a.strip() for a in (found.author or "").split(";") if a.strip()],
            "date": found.date or "",
            "url": found.url or "",
            "language": found.language or "",
        }
    return text, data


def _meta_from(data: Mapping[str, Any], path: Path) -> DocumentMeta:
    def text_field(key: str) -> str:
        value = data.get(key, "")
        return "" if value is None else str(value).strip()

    authors = data.get("authors", data.get("author", ()))
    if isinstance(authors, str):
        authors = [authors]
    return DocumentMeta(
        doc_id=doc_id_for(path),
        title=text_field("title") or doc_id_for(path).replace("-", " "),
        outlet=text_field("outlet"),
        publisher=text_field("publisher"),
        language=text_field("language"),
        authors=tuple(str(a).strip() for a in authors or () if str(a).strip()),
        date=text_field("date"),
        url=text_field("url"),
        source=path.name,
    )


def _narrator_of(meta: DocumentMeta) -> str:
    if meta.authors:
        return ", ".join(meta.authors)
    return meta.outlet or meta.publisher or meta.title


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), with surrounding white space trimmed."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text[start:]):
        s, e = match.start() + start, match.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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
        rest_start, rest_end = _trim(text, ps + len(title), pe)
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
        s, e = _trim(text, pos, note_start)
        if s < e:
            out.append(Segment(s, e, role, layout.speaker_of(role), turn, p_idx))
        out.append(Segment(note_start, note_end, "editor", layout.speaker_of("editor"), turn, p_idx))
        pos = note_end
    s, e = _trim(text, pos, end)
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


def load_corpus(corpus_dir: Path) -> tuple[list[SourceDocument], dict[str, CorpusError]]:
    """Load every document; broken files are reported by name instead of stopping the rest."""
    documents: list[SourceDocument] = []
    broken: dict[str, CorpusError] = {}
    for path in discover(corpus_dir):
        try:
            documents.append(load_document(path))
        except CorpusError as exc:
            broken[doc_id_for(path)] = exc
    return documents, broken
