"""The support model: a calibrated probability and three outcomes."""

from __future__ import annotations

from retrieval.support import ANSWERS, NONE, RELATED, decide, fit, probability


def test_fit_learns_a_separating_direction_and_gives_probabilities():
    rows = [(0.9 + i / 100, 0.0) for i in range(10)] + [(0.5 + i / 100, 0.0) for i in range(10)]
    labels = [True] * 10 + [False] * 10
    coefficients, intercept = fit(rows, labels)
    assert coefficients[0] > 0
    high = probability((0.95, 0.0), coefficients, intercept)
    low = probability((0.52, 0.0), coefficients, intercept)
    assert 0.5 < high <= 1.0
    assert 0.0 <= low < 0.5


def test_the_outcome_follows_the_two_thresholds():
    # The shipped model: a strong, typed, English match answers; a weak one is "none".
    strong = (1.1, 0.9, 0.8, 1.0, 0.05, 0.0)
    weak = (0.5, 0.7, 0.0, 0.0, 0.0, 0.0)
    assert decide(strong).outcome == ANSWERS
    assert decide(weak).outcome == NONE
    middle = decide(strong, answer_at=1.01, related_at=0.0)
    assert middle.outcome == RELATED
    assert 0.0 <= middle.probability <= 1.0
