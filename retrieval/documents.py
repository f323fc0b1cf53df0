"""Corpus documents: loading files and their metadata.

A document's ``text`` is exactly what was delivered (for ``.txt`` and ``.md`` the file itself,
front matter included; for ``.html`` the main text that trafilatura extracts), so that every
quote is ``text[start:end]``. Metadata comes from a sidecar ``<name>.meta.toml`` next to a
``.txt`` file, from the front matter of a ``.md`` file, or from the HTML itself.

Who speaks where (the speaker segments) is worked out by ``retrieval.speakers``.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from config.errors import CorpusError
from retrieval.speakers import InterviewLayout, Segment, interview_segments, narration_segments

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.toml"
# Bump when segmentation changes, so that re-ingest re-splits every file.
PARSER_VERSION = "1"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


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
