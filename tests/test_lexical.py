"""Tokens, BM25 and coverage."""

from __future__ import annotations

from retrieval.lexical import LexicalIndex, tokenize


def test_tokenize_stems_drops_stopwords_and_keeps_numbers_whole():
    assert tokenize("Could Russia's allies turn away? 3,000 troops") == [
        "russia", "alli", "turn", "away", "3,000", "troop"]


def test_bm25_ranks_the_sentence_with_the_rare_word_first():
    index = LexicalIndex(["Turkey wants a gas hub.", "Turkey and Russia talk.", "Russia talks."])
    (best, _), *_ = index.search(tokenize("gas hub"), 3)
    assert best == 0


def test_coverage_is_the_share_of_idf_weight_present():
    index = LexicalIndex(["Turkey wants a gas hub.", "Russia talks."])
    assert index.coverage(tokenize("gas hub"), 0) == 1.0
    assert index.coverage(tokenize("gas hub"), 1) == 0.0
    assert 0 < index.coverage(tokenize("gas pipeline"), 0) < 1


def test_search_with_no_known_words_returns_nothing():
    index = LexicalIndex(["Turkey wants a gas hub."])
    assert index.search(tokenize("zebra"), 5) == []
