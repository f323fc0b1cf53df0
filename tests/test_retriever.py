"""Ranking adjustments that need no model: the answer-type preference, the near-tie break."""

from __future__ import annotations

import pytest

from retrieval.retriever import Ranking, Scored, asks, break_tie, narration, prefer_typed
from retrieval.sentences import Sentence


def test_a_candidate_without_the_fact_asked_for_drops_behind_a_near_tie_that_has_it():
    ranking = Ranking("How many?", (Scored(3, 0.90, 0.8, 0.5, False), Scored(7, 0.85, 0.8, 0.5, False),
                                    Scored(9, 0.50, 0.4, 0.1, False)))
    preferred = prefer_typed(ranking, {7, 9}.__contains__, 0.15)
    assert [s.position for s in preferred.candidates] == [7, 3, 9]
    assert abs(preferred.candidates[1].score - 0.75) < 1e-9
    # No penalty, no change.
    assert prefer_typed(ranking, {7}.__contains__, 0.0) == ranking
    # Nothing lacks the fact: an order that is not by score (e5 broke a near tie) stays as it is.
    broken = Ranking("How many?", (ranking.candidates[1], ranking.candidates[0], ranking.candidates[2]))
    assert prefer_typed(broken, lambda _: True, 0.15) == broken


def test_e5_breaks_a_near_tie_of_fused_scores():
    ranking = Ranking("Why?", (Scored(3, 0.900, 0.9, 0.5, False, 0.83),
                               Scored(7, 0.885, 0.7, 0.5, False, 0.86),
                               Scored(9, 0.850, 0.7, 0.5, False, 0.90),
                               Scored(4, 0.5, 0.4, 0.1, False, 0.80)))
    # 7 is within 0.02 of the best and e5 finds it closer; 9 is closer still, but no tie.
    assert [s.position for s in break_tie(ranking, 0.02, 0.005).candidates] == [7, 3, 9, 4]
    assert break_tie(ranking, 0.0, 0.005) == ranking
    assert break_tie(ranking, 0.02, 0.05) == ranking  # e5 barely closer: no reason to reorder
    assert break_tie(Ranking("Why?", ()), 0.02, 0.005) == Ranking("Why?", ())


@pytest.mark.parametrize(("sentence", "question"), [
    ("Has Russia really ignored this clash?", True), ("Really?!", True), ("Правда?..", True),
    ("He asked “why?”", True), ("«Pourquoi ?»", True), ("Is it?\u00a0", True), ("Is it? [1]", True),
    ("It is.", False), ("Who? No one.", False),
    ("On the night of Monday to Tuesday, shelling took place.", False),
])
def test_a_sentence_is_a_question_by_its_last_marks(sentence, question):
    # An interviewer's question is never an answer, so "?!" or a closing quote must not hide one.
    assert asks(sentence) is question


def test_only_an_interviews_narration_lags_a_plain_article_is_all_narration():
    def sentence(doc_id: str, role: str) -> Sentence:
        return Sentence(doc_id, 0, 0, 1, "x", role, "", 0, 0)

    sentences = [sentence("talk", "narrator"), sentence("talk", "interviewer"),
                 sentence("talk", "interviewee"), sentence("talk", "narrator"),
                 sentence("news", "narrator"), sentence("news", "narrator")]
    assert narration(sentences) == {0, 3}
