"""Does the corpus answer a question? A calibrated probability, and three graded outcomes.

A logistic model reads a handful of signals of the best candidate: its fused score, its e5
closeness (e5 separates "on topic" from "off topic" best), the share of the question's
words it holds, whether it holds a new fact of the kind asked for (a number for "how many", a
name for "who", a time for "when", in any of the languages ``retrieval.question`` reads),
whether the question is in another language, and whether the kind of thing an English question
asks for ("the population of", "which pipeline") is a word the
documents never use. (The best candidate's lead over the runner-up was a signal too, until
2026-11-30: its weight came out negative, so a clear winner lowered the probability and "What is
the Minsk process?", one sentence far ahead, went unanswered; without it, cross-validation
abstains on more unanswerable questions at the same share of wrong abstentions.) The fact and
category signals check what the question asks for, which
embedding scores cannot: a near miss shares nearly every word with the sentence it is closest to.
The coefficients are fitted on the tuning questions (``python -m bot eval --fit``), so the output
is a probability that the corpus answers, not a raw sum of scores. A threshold on it, chosen by
cross-validation on the same questions, and for the questions below it a closeness model, give
the outcome:

* ``answers``: quote the sentences that answer;
* ``related``: the documents come close but do not answer; say so first, then at most two
  related quotes, labelled as not answering;
* ``none``: nothing relevant.

Whether an unanswered question comes close is a second, one-signal logistic model: e5's closeness
of the best candidate, fitted on the tuning questions the first model does not answer, with near
misses and answerable questions as close and the other unanswerable ones as not. The answer
probability cannot say it: a near miss is unanswered *because* it fails the fact check, which
says nothing about how close it is, while "How do I cook a borscht?" fails nothing.
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

FEATURES = ("score", "multilingual", "coverage", "answer_type", "other_language",
            "unknown_category")
# Fitted on the tuning questions (the development set's tuning half, tests/tuning_questions.jsonl,
# the five earlier blind sets and the helpers' probe sets, 2,312 questions) by `python -m bot eval
# --fit`: L2-regularised logistic regression on standardised features, folded back into
# raw-feature coefficients here.
COEFFICIENTS = (-0.488, 34.402, 0.0706, 7.5121, 0.1904, -0.3349)
INTERCEPT = -34.3481
# The threshold on the probability: the highest (in steps of 0.025 or more) at which answerable
# questions wrongly abstained stay at or below 3 % in five-fold cross-validation on the tuning
# questions (0.65: 2.6 %, 0.675: 3.2 %). The target is 5 % on questions nobody tuned for, and on
# the blind sets the share ran up to two points above the cross-validated one in earlier
# sessions and more in the eighth (README, Quality), so two points are kept in hand (until
# 2026-11-30 one was, with a 4 % rule). Refitted 2026-11-29 when the interviewer's statements became answers
# and a number or a time had to be precise enough and about what the question names, and again
# when a casualty report had to name the outcome asked, an amount its unit, and a person asked
# by role and place that role beside that place; and on 2026-11-30, with a sixth blind set and
# 40 blind off-topic questions among the tuning questions, e5 reading an English question both
# ways and no lead signal (see README). The off-topic questions look answerable to these signals
# (e5 reads "Why did the Fed keep raising interest rates?" about as close to "…lose interest…" as
# a paraphrase to its answer), so they lowered the threshold from 0.575. Refitted again on
# 2026-11-30 on 1,044 questions, when the five earlier blind sets joined the tuning questions:
# fitted on more questions written blind, the cross-validated share comes closer to what unseen
# blind sets show; and in the tenth session, when "which" people, a named body's outcome and
# a count's places (the title standing in for two names or more) were checked and e5 came to
# break near ties; and in the eleventh, when a place's standing facts, the event of a "when", a
# thing's details, settlements and what remains were checked. Those checks tell more
# unanswerable questions apart, and the refitted model kept 3 % at 0.625. In the twelfth, when a
# Russian or French question's names came to be read as the documents' English ones (whose words,
# stand or role it asks for), a country asked for had to be named and a demand's asker named as
# such, and e5 came to read every question both as a query and as a passage, the refitted model
# keeps 3 % at 0.675 (0.5 gives 1.0 %). In the thirteenth, the helpers' probe sets (500 questions
# written blind from the article: paraphrases in the analysts' words that the blind sets use, and
# near misses) joined the tuning questions: on them the model fitted on the 1,044 wrongly abstained
# on 5 to 11 % of the answerable probes against 2.7 % cross-validated. Refitted on all 1,544, it
# leans less on e5's closeness (36 against 56) and keeps 3 % at 0.675 (2.8 %; 0.7 gives 3.4 %),
# where cross-validation abstains on 0.800 of the 394 unanswerable ones (near misses made to share
# the article's words are 123 of them). In the fourteenth, a probe of 161 questions in pairs (an
# answerable paraphrase and a near miss that keeps its words and asks what the article does not
# say) joined them; refitted on the 1,705, 0.675 gives 3.6 % and the rule keeps 3 % at 0.65 (2.65 %,
# with 0.737 of the 475 unanswerable ones abstained, 81 more of them near misses); refitted again
# after that session's checks (a "when" of what is to come, the country of the people asked for,
# a winner): 0.65, 2.6 %, 0.751 abstained (0.675: 3.2 %). Refitted on 2026-12-01 on the 2,312
# tuning questions after the nineteenth session's checks (a wish, a comparison, a role by its verb):
# cross-validated, 0.65 abstains on 0.798 of the unanswerable ones at 1.8 % wrongly abstained;
# 0.675 keeps 2.4 %, but on the tuning questions themselves it cost 14 answers in the first three
# for 13 more unanswerable ones abstained, so the threshold stays.
ANSWER_AT = 0.65
# The closeness model (see the docstring), fitted by `python -m bot eval --fit` on the 557 tuning
# questions the answer model leaves unanswered; "related" from a probability of 0.5.
CLOSE_COEFFICIENT = 39.1991
CLOSE_INTERCEPT = -32.0166
CLOSE_AT = 0.5


@dataclass(frozen=True)
class Support:
    """The outcome and the probability behind it."""

    outcome: str
    probability: float
    # The probability that the documents come close, for a question they do not answer.
    closeness: float = 0.0


def features(ranking: Ranking, wanted: AnswerType, text_of: Sequence[str],
             in_context: Sequence[str] = (), *, setting: Sequence[str] = (), title: Sequence[str] = (),
             category: Sequence[str] = (), known: Callable[[str], bool] | None = None) -> tuple[float, ...]:
    """The signals the model reads, in FEATURES order (``text_of[p]`` is sentence p's text,
    ``in_context[p]`` the same read after the sentence before it, ``setting[p]`` its speaker and
    ``title[p]`` its document's title, when given).

    ``category`` holds the tokens naming what the question asks for (``asked_category``) and
    ``known(token)`` says whether the corpus uses a token; other languages have no category.
    """
    english = ranking.language == "en"
    unknown = float(english and known is not None and any(not known(t) for t in category))
    if not ranking.candidates:
        return (0.0, ranking.best_multilingual, 0.0, 0.0, float(not english), unknown)
    top = ranking.candidates[0]
    typed = wanted.satisfied_by(text_of[top.position],
                                in_context[top.position] if in_context else "",
                                setting[top.position] if setting else "",
                                title[top.position] if title else "")
    # e5's closeness of the sentence that would be quoted, not the best e5 cosine of any sentence:
    # e5 tells on-topic from off-topic best, and it must vouch for the quote itself.
    return (top.score, top.multilingual, top.coverage, float(typed), float(not english), unknown)


def probability(values: Sequence[float], coefficients: Sequence[float] = COEFFICIENTS,
                intercept: float = INTERCEPT) -> float:
    """The model's probability that the corpus answers."""
    z = intercept + sum(c * v for c, v in zip(coefficients, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def closeness(values: Sequence[float], coefficient: float = CLOSE_COEFFICIENT,
              intercept: float = CLOSE_INTERCEPT) -> float:
    """The probability that the documents come close to a question (read from e5's closeness)."""
    return probability((values[FEATURES.index("multilingual")],), (coefficient,), intercept)


def decide(values: Sequence[float], *, answer_at: float = ANSWER_AT,
           close_at: float = CLOSE_AT) -> Support:
    """The graded outcome for one question's signals."""
    p = probability(values)
    if p >= answer_at:
        return Support(ANSWERS, p)
    close = closeness(values)
    return Support(RELATED if close >= close_at else NONE, p, close)


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


def cross_validate(rows: Sequence[Sequence[float]], labels: Sequence[bool], *,
                   thresholds: Sequence[float] = (0.375, 0.4, 0.425, 0.45, 0.475, 0.5, 0.525, 0.55,
                                                  0.575, 0.6, 0.625, 0.65, 0.675, 0.7),
                   folds: int = 5, shuffles: int = 10, l2: float = 1.0) -> dict[float, tuple[float, float]]:
    """For each threshold: (unanswerable abstained, answerable wrongly abstained), each question
    judged by a model fitted without it, averaged over ``shuffles`` random fold splits."""
    import random

    sums = {t: [0.0, 0.0] for t in thresholds}
    unanswerable = sum(not y for y in labels) or 1
    answerable = sum(labels) or 1
    for seed in range(shuffles):
        order = list(range(len(rows)))
        random.Random(seed).shuffle(order)
        for fold in range(folds):
            held = set(order[fold::folds])
            train = [i for i in order if i not in held]
            coefficients, intercept = fit([rows[i] for i in train], [labels[i] for i in train], l2=l2)
            for i in held:
                p = probability(rows[i], coefficients, intercept)
                for t in thresholds:
                    if p < t:
                        sums[t][0 if not labels[i] else 1] += 1
    return {t: (right / unanswerable / shuffles, wrong / answerable / shuffles)
            for t, (right, wrong) in sums.items()}
