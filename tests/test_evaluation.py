"""Scoring a question set: hit@k, abstention, verbatim share and baselines."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answer import Answer, Citation
from retrieval.documents import discover, load_document
from retrieval.evaluation import RETYPINGS, EvalQuestion, baseline_hit1, evaluate, load_questions, retyped
from retrieval.sentences import split_document
from tests.conftest import CORPUS

_TESTS = Path(__file__).resolve().parent

TEXT = "Alpha sentence. Beta sentence."


def _answer(question: str, quotes: list[str]) -> Answer:
    citations = tuple(Citation(n=i + 1, quote=q, doc_id="d", title="t", speaker="s",
                               role="narrator", start=TEXT.index(q), end=TEXT.index(q) + len(q),
                               score=1.0) for i, q in enumerate(quotes))
    return Answer(question=question, abstained=not quotes, text="", citations=citations)


def test_hits_abstentions_and_verbatim_are_counted():
    questions = [EvalQuestion("a?", "fact", ("Alpha",)), EvalQuestion("b?", "fact", ("Beta",)),
                 EvalQuestion("none?", "unanswerable", ())]
    replies = {"a?": ["Alpha sentence."], "b?": ["Alpha sentence.", "Beta sentence."],
               "none?": []}
    result = evaluate(questions, lambda q: _answer(q, replies[q]), lambda _: TEXT)
    m = result.metrics()
    assert (m["hit@1"], m["hit@3"]) == (0.5, 1.0)
    assert m["unanswerable_abstained"] == 1.0
    assert m["answerable_wrongly_abstained"] == 0.0
    assert m["verbatim"] == 1.0


def test_baselines_are_scored_on_answerable_questions_only():
    questions = [EvalQuestion("a?", "fact", ("Alpha",)), EvalQuestion("b?", "fact", ("Beta",)),
                 EvalQuestion("none?", "unanswerable", ())]
    scores = baseline_hit1(questions, lambda q: {"dense": "Alpha sentence.", "bm25": TEXT})
    assert scores == {"dense": 0.5, "bm25": 1.0}


@pytest.mark.parametrize("question_set", sorted(p.name for p in _TESTS.glob("*questions.jsonl")))
def test_every_gold_passage_lies_within_one_sentence_of_the_corpus(question_set):
    # A quote is one sentence, so a gold passage that spans two can never be hit: the question
    # would count as missed whatever the engine does.
    sentences = [s.text for path in discover(CORPUS)
                 for s in split_document(load_document(path))]
    for q in load_questions(_TESTS / question_set):
        for gold in q.gold:
            assert any(gold in s for s in sentences), (q.question, gold)
        assert {g for part in q.parts for g in part} <= set(q.gold), q.question


def test_questions_are_retyped_the_ways_people_type():
    questions = [EvalQuestion("When was the CSTO founded?", "fact", ("founded",)),
                 EvalQuestion("Когда была основана ОДКБ?", "russian", ("founded",))]
    assert [q.question for q in retyped(questions, "in capitals")] == [
        "WHEN WAS THE CSTO FOUNDED?", "КОГДА БЫЛА ОСНОВАНА ОДКБ?"]
    assert (retyped(questions, '"Can you tell me …"')[0].question
            == "Can you tell me when was the CSTO founded?")
    assert (retyped(questions, "one letter dropped from one long word")[0].question
            == "When was the CSTO fouded?")
    # Latin letters only for the Russian questions, gold and kind kept.
    latin = retyped(questions, "Russian ones in Latin letters")
    assert [(q.question, q.kind, q.gold) for q in latin] == [
        ("Kogda byla osnovana ODKB?", "russian", ("founded",))]
    assert retyped(questions, "as written") == questions
    assert len(RETYPINGS) >= 15
