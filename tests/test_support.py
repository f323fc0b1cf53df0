"""The support model: a calibrated probability and three outcomes."""

from __future__ import annotations

from retrieval.question import answer_type
from retrieval.retriever import Ranking, Scored
from retrieval.support import (
    ANSWER_AT,
    ANSWERS,
    FEATURES,
    NONE,
    RELATED,
    closeness,
    cross_validate,
    decide,
    features,
    fit,
    probability,
)


def test_fit_learns_a_separating_direction_and_gives_probabilities():
    rows = [(0.9 + i / 100, 0.0) for i in range(10)] + [(0.5 + i / 100, 0.0) for i in range(10)]
    labels = [True] * 10 + [False] * 10
    coefficients, intercept = fit(rows, labels)
    assert coefficients[0] > 0
    high = probability((0.95, 0.0), coefficients, intercept)
    low = probability((0.52, 0.0), coefficients, intercept)
    assert 0.5 < high <= 1.0
    assert 0.0 <= low < 0.5


def test_the_outcome_follows_the_answer_threshold_and_then_the_closeness():
    # The shipped models: a strong, typed, English match answers; a weak one is "none".
    strong = (1.1, 0.9, 0.8, 1.0, 0.0, 0.0)
    weak = (0.5, 0.7, 0.0, 0.0, 0.0, 0.0)
    assert decide(strong).outcome == ANSWERS
    assert decide(weak).outcome == NONE
    unanswered = decide(strong, answer_at=1.01)
    assert unanswered.outcome == RELATED
    assert 0.0 <= unanswered.probability <= 1.0
    assert unanswered.closeness >= 0.5
    assert decide(strong, answer_at=1.01, close_at=1.01).outcome == NONE


def test_a_near_miss_comes_close_and_an_off_topic_question_does_not():
    # A near miss fails the fact check (low answer probability) but sits close to a sentence; an
    # off-topic question fails nothing but is far from every sentence. Closeness, not the answer
    # probability, tells them apart.
    near_miss = (0.85, 0.88, 0.5, 0.0, 0.0, 0.0)
    off_topic = (0.63, 0.76, 0.16, 1.0, 0.0, 0.0)
    assert probability(near_miss) < probability(off_topic) < ANSWER_AT
    assert decide(near_miss).outcome == RELATED
    assert decide(off_topic).outcome == NONE
    assert closeness(near_miss) > 0.5 > closeness(off_topic)


TEXTS = ["About fifty people were injured on both sides.", "The fighting went on all night."]


def _ranking(language: str = "en") -> Ranking:
    return Ranking("q", (Scored(0, 0.9, 0.8, 0.5, False, 0.85), Scored(1, 0.8, 0.7, 0.3, False, 0.8)),
                   language, best_multilingual=0.85)


def test_features_read_the_fact_asked_for_and_whether_the_corpus_knows_what_is_asked_about():
    known = {"peopl", "injur", "fight"}.__contains__
    values = dict(zip(FEATURES, features(_ranking(), answer_type("How many people were injured?"),
                                         TEXTS, category=["peopl"], known=known), strict=True))
    assert values["answer_type"] == 1.0
    assert values["unknown_category"] == 0.0
    assert values["score"] == 0.9
    values = dict(zip(FEATURES, features(_ranking(), answer_type("What is the population?"),
                                         TEXTS, category=["popul"], known=known), strict=True))
    assert values["unknown_category"] == 1.0


def test_other_languages_are_typed_but_have_no_lexical_category_check():
    values = dict(zip(FEATURES, features(_ranking("other"), answer_type("Когда это было?"), TEXTS,
                                         category=["popul"], known=lambda _: False), strict=True))
    assert values["other_language"] == 1.0
    assert values["unknown_category"] == 0.0
    assert values["answer_type"] == 0.0  # "когда" asks for a time; neither sentence gives one


def test_an_asked_for_category_the_corpus_never_uses_lowers_the_shipped_probability():
    answered = (1.0, 0.88, 0.5, 1.0, 0.0, 0.0)
    unknown = (*answered[:-1], 1.0)
    assert probability(unknown) < probability(answered)


def test_the_quoted_sentences_e5_closeness_is_read_not_the_best_of_any_sentence():
    # The best fused candidate is not e5's favourite: its own e5 closeness is what counts.
    ranking = Ranking("q", (Scored(0, 0.9, 0.8, 0.5, False, 0.80), Scored(1, 0.8, 0.7, 0.3, False, 0.88)),
                      best_multilingual=0.88)
    values = dict(zip(FEATURES, features(ranking, answer_type("Why?"), TEXTS), strict=True))
    assert values["multilingual"] == 0.80


def test_cross_validation_judges_each_question_by_a_model_fitted_without_it():
    # One signal separates the two kinds, except one answerable question that looks unanswerable.
    rows = [(0.9 + i / 100,) for i in range(19)] + [(0.5,)] + [(0.4 + i / 100,) for i in range(20)]
    labels = [True] * 20 + [False] * 20
    table = cross_validate(rows, labels, thresholds=(0.01, 0.5, 0.99), shuffles=3)
    right, wrong = table[0.5]
    assert right == 1.0
    assert abs(wrong - 1 / 20) < 1e-9  # the odd one out, and only it
    # A lower threshold abstains on less, a higher one on more.
    assert table[0.01] == (0.0, 0.0)
    assert table[0.99][1] > wrong
