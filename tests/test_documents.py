"""Loading documents: metadata, speaker segments, formats, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.errors import CorpusError
from retrieval.documents import load_document
from tests.conftest import ARTICLE, CORPUS


@pytest.fixture(scope="module")
def article():
    return load_document(CORPUS / f"{ARTICLE}.txt")


def _segment_with(doc, fragment: str):
    return next(s for s in doc.segments if fragment in doc.text[s.start:s.end])


def test_article_text_is_the_delivered_file(article):
    assert article.text == (CORPUS / f"{ARTICLE}.txt").read_text(encoding="utf-8")


def test_metadata_leaves_unknown_date_and_address_empty(article):
    meta = article.meta
    assert meta.outlet == "Atlantico"
    assert meta.publisher == "InoSMI"
    assert meta.language == "en"
    assert meta.date == ""
    assert meta.url == ""
    assert meta.title.startswith("A new skirmish between Azerbaijan and Armenia")


def test_headline_is_split_from_the_lede(article):
    first = article.segments[0]
    assert article.text[first.start:first.end] == article.meta.title
    assert first.role == "narrator"


def test_labelled_first_exchange_is_interviewer_then_interviewee(article):
    assert _segment_with(article, "What do we know about this Azerbaijani").role == "interviewer"
    assert _segment_with(article, "This offensive is not taking place").role == "interviewee"


def test_dash_turns_split_question_from_answer_on_one_line(article):
    question = _segment_with(article, "Can we say that the current situation")
    answer = _segment_with(article, "Rather, it is a test of how important")
    assert question.role == "interviewer"
    assert answer.role == "interviewee"
    assert question.end <= answer.start


def test_editor_notes_include_the_one_missing_its_parenthesis(article):
    notes = [article.text[s.start:s.end] for s in article.segments if s.role == "editor"]
    assert notes[0].startswith("(There is an inaccuracy here")
    assert notes[0].endswith("— approx.")
    assert notes[1].startswith("(Again, inaccuracy")
    assert notes[1].endswith("approx. InoSMI.)")
    assert notes[2].startswith("(Recall that in the Karabakh conflict")
    assert len(notes) == 3


def test_inline_parentheses_stay_with_the_speaker(article):
    segment = _segment_with(article, "(Russia, Armenia, Belarus")
    assert segment.role == "interviewee"


def test_biography_is_narration(article):
    assert article.segments[-1].role == "narrator"
    assert article.text[article.segments[-1].start:].startswith("Emmanuel Dupuy is a professor")


def test_markdown_front_matter_gives_metadata_and_offsets_into_the_file(tmp_path: Path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: A note\nauthors: [Jane Roe]\noutlet: Daily\n---\n"
                    "First paragraph here.\n\nSecond one.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.meta.title == "A note"
    assert doc.meta.authors == ("Jane Roe",)
    assert doc.text[doc.segments[0].start:doc.segments[0].end] == "First paragraph here."
    assert {s.speaker for s in doc.segments} == {"Jane Roe"}


def test_html_main_text_is_extracted(tmp_path: Path):
    path = tmp_path / "page.html"
    body = " ".join(["The ceasefire held for a week along the border."] * 6)
    path.write_text(f"<html><head><title>Border news</title></head><body><nav>Menu Home</nav>"
                    f"<article><h1>Border news</h1><p>{body}</p></article></body></html>",
                    encoding="utf-8")
    doc = load_document(path)
    assert "The ceasefire held for a week" in doc.text
    assert "Menu Home" not in doc.text


def test_non_utf8_file_is_one_clear_error(tmp_path: Path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"latin1\.txt is not UTF-8 text"):
        load_document(path)


def test_malformed_sidecar_names_the_file(tmp_path: Path):
    (tmp_path / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "x.meta.toml").write_text("title = [", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.meta\.toml is not valid TOML"):
        load_document(tmp_path / "x.txt")
