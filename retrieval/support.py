"""Does the corpus answer a question? A calibrated probability, and three graded outcomes.

A logistic model reads a handful of signals of the best candidate: its fused score, the best
multilingual cosine (e5 separates "on topic" from "off topic" best), the share of the question's
words it holds, whether it holds a new fact of the kind asked for (a number for "how many", a
name for "who", a time for "when", in any of the languages ``retrieval.question`` reads), its
lead over the runner-up, whether the question is in another language, and whether the kind of
thing an English question asks for ("the population of", "which pipeline") is a word the
documents never use. The fact and category signals check what the question asks for, which
embedding scores cannot: a near miss shares nearly every word with the sentence it is closest to.
The coefficients are fitted on the tuning half of the development questions
(``python -m bot eval --fit``), so the output is a probability that the corpus answers, not a raw
sum of scores. Two thresholds on it, chosen on the same half, give the outcome:

* ``answers``: quote the sentences that answer;
* ``related``: the documents come close but do not answer; say so first, then at most two
  related quotes, labelled as not answering;
* ``none``: nothing relevant.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from retrieval.question import AnswerType
from retrieval.retriever import Ranking

ANSWERS = "answers"
RELATED = "related"
NONE = "none"

FEATURES = ("score", "multilingual", "coverage", "answer_type", "margin", "other_language",
            "unknown_category")
# Fitted on the tuning half by `python -m bot eval --fit` (L2-regularised logistic regression
# on standardised features, folded back into raw-feature coefficients here).
COEFFICIENTS = (8.6945, 26.8266, -1.4714, 5.2075, -7.0312, -0.1146, -1.7307)
INTERCEPT = -32.7995
# Thresholds on the probability, chosen on the tuning half: "answers" keeps wrongly abstained
# answerable questions at or below 5 %; below "related" nothing is close enough to show.
ANSWER_AT = 0.5
RELATED_AT = 0.35


@dataclass(frozen=True)
class Support:
    """The outcome and the probability behind it."""

    outcome: str
    probability: float


def features(ranking: Ranking, wanted: AnswerType, text_of: Sequence[str], *,
             category: Sequence[str] = (),
             known: Callable[[str], bool] | None = None) -> tuple[float, ...]:
    """The signals the model reads, in FEATURES order (``text_of[p]`` is sentence p's text).

    ``category`` holds the tokens naming what the question asks for (``asked_category``) and
    ``known(token)`` says whether the corpus uses a token; other languages have no category.
    """
    english = ranking.language == "en"
    unknown = float(english and known is not None and any(not known(t) for t in category))
    if not ranking.candidates:
        return (0.0, ranking.best_multilingual, 0.0, 0.0, 0.0, float(not english), unknown)
    top = ranking.candidates[0]
    runner_up = ranking.candidates[1].score if len(ranking.candidates) > 1 else 0.0
    typed = wanted.satisfied_by(text_of[top.position])
    return (top.score, ranking.best_multilingual, top.coverage, float(typed),
            top.score - runner_up, float(not english), unknown)


def probability(values: Sequence[float], coefficients: Sequence[float] = COEFFICIENTS,
                intercept: float = INTERCEPT) -> float:
    """The model's probability that the corpus answers."""
    z = intercept + sum(c * v for c, v in zip(coefficients, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def decide(values: Sequence[float], *, answer_at: float = ANSWER_AT,
           related_at: float = RELATED_AT) -> Support:
    """The graded outcome for one question's signals."""
    p = probability(values)
    outcome = ANSWERS if p >= answer_at else RELATED if p >= related_at else NONE
    return Support(outcome, p)


def fit(rows: Sequence[Sequence[float]], labels: Sequence[bool], *, l2: float = 1.0,
        steps: int = 4000, rate: float = 0.1) -> tuple[tuple[float, ...], float]:
    """Logistic regression by gradient descent; returns (coefficients, intercept) on raw features."""
    import numpy as np

    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        grad_w = z.T @ (p - y) / len(y) + l2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= rate * grad_w
        b -= rate * grad_b
    raw = w / std
    return tuple(float(v) for v in raw), float(b - raw @ mean)
