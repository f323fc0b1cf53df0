"""Sentence splitting keeps offsets exact and never glues turns together."""

from __future__ import annotations

import pytest

from retrieval.documents import load_document
from retrieval.sentences import link, read_in_context, split_document, split_spans
from tests.conftest import ARTICLE, CORPUS


@pytest.fixture(scope="module")
def sentences():
    doc = load_document(CORPUS / f"{ARTICLE}.txt")
    return doc, split_document(doc)


def test_every_sentence_is_its_exact_span(sentences):
    doc, ss = sentences
    assert ss
    for s in ss:
        assert doc.text[s.start:s.end] == s.text
        assert s.text == s.text.strip()


@pytest.mark.parametrize("fragment", [
    "But at the St. Petersburg Economic Forum in May, the President of Kazakhstan Tokayev spoke "
    "not at all in an allied way.",
    "More than 3,000 Russian military personnel are stationed at two military bases located on "
    "the territory of Armenia.",
    "Turkey, criticizing Israel for its treatment of Arab Muslims, found itself in the same boat "
    "with Israel in supporting Azerbaijan, a 75% Shiite country.",
    "2020 - approx. InoSMI.)",
    "(1,900 people, 90 transport vehicles and 88 special forces units)",
    'for her it is a "small matter," he said in an interview with Atlantico.',
])
def test_abbreviations_numbers_quotes_and_parentheses_stay_inside_one_sentence(sentences, fragment):
    _, ss = sentences
    assert any(fragment in s.text for s in ss)


def test_a_question_is_never_glued_to_its_answer(sentences):
    _, ss = sentences
    for s in ss:
        assert "?—" not in s.text
        assert not s.text.startswith("—")
    question = next(s for s in ss if s.text.startswith("Can we say that"))
    answer = ss[question.seq + 1]
    assert question.role == "interviewer"
    assert answer.text.startswith("Rather, it is a test")
    assert answer.role == "interviewee"


def test_questions_link_to_their_answers(sentences):
    _, ss = sentences
    links = link(ss)
    q = next(s for s in ss if s.text.startswith("Can this lead to the fact"))
    assert ss[links.answer_of[q.seq]].text.startswith("The third country of the Caucasus, Georgia")


def test_editor_note_is_a_caveat_for_the_sentence_it_disputes(sentences):
    _, ss = sentences
    links = link(ss)
    disputed = next(s for s in ss if s.text.startswith("This offensive is not taking place"))
    (note,) = links.caveats_of[disputed.seq]
    assert ss[note].text.startswith("(There is an inaccuracy here")


def test_split_spans_handles_emoji_and_cyrillic():
    text = "Привет, мир! Это тест 🙂. Second one."
    spans = split_spans(text)
    assert [text[a:b] for a, b in spans][-1] == "Second one."
    assert all(text[a:b].strip() == text[a:b] for a, b in spans)


def test_a_sentence_is_read_after_the_one_before_it_but_never_across_a_turn(sentences):
    _, ss = sentences
    texts = read_in_context(ss)
    assert len(texts) == len(ss)
    later = next(i for i, s in enumerate(ss) if s.text == "They act according to the logic of revenge.")
    assert texts[later] == f"{ss[later - 1].text} {ss[later].text}"
    assert "hawks in Yerevan" in texts[later]
    answer = next(i for i, s in enumerate(ss) if s.text == "Not at all.")
    assert ss[answer - 1].role == "interviewer"
    assert texts[answer] == "Not at all."  # the question before it is another turn
    assert texts[0] == ss[0].text
