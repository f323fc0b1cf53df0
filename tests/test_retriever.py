"""Ranking adjustments that need no model: the answer-type preference."""

from __future__ import annotations

from retrieval.retriever import Ranking, Scored, prefer_typed


def test_a_candidate_without_the_fact_asked_for_drops_behind_a_near_tie_that_has_it():
    ranking = Ranking("How many?", (Scored(3, 0.90, 0.8, 0.5, False), Scored(7, 0.85, 0.8, 0.5, False),
                                    Scored(9, 0.50, 0.4, 0.1, False)))
    preferred = prefer_typed(ranking, {7, 9}.__contains__, 0.15)
    assert [s.position for s in preferred.candidates] == [7, 3, 9]
    assert abs(preferred.candidates[1].score - 0.75) < 1e-9
    # No penalty, no change.
    assert prefer_typed(ranking, {7}.__contains__, 0.0) == ranking
