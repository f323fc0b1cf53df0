"""Capitals, seats of power and formal names read as the country the documents name."""

from __future__ import annotations

import pytest

from retrieval.places import PlaceNames

TEXTS = ["Azerbaijan shelled Armenia on Monday night, and Moscow did not react.",
         "Meanwhile, Turkey and Iran play a larger role; Russia holds back."]


@pytest.mark.parametrize(("question", "read_as"), [
    ("When did Baku's troops shell Armenia?", "When did Azerbaijan's troops shell Armenia?"),
    ("is ankara gaining ground", "is Turkey gaining ground"),
    ("How did the Kremlin react?", "How did the Russia react?"),
    ("Which side does the Islamic Republic back?", "Which side does the Iran back?"),
    ("Does the Russian Federation arm Baku?", "Does the Russia arm Azerbaijan?"),
    ("Are Ankara-backed units involved?", "Are Turkey-backed units involved?"),
    ("Is the pro-Tehran camp growing?", "Is the pro-Iran camp growing?"),
])
def test_a_capital_or_seat_of_power_is_read_as_its_country(question, read_as):
    assert PlaceNames(TEXTS).resolve(question) == read_as


@pytest.mark.parametrize("question", [
    "Did Moscow react?",                      # the documents' own word is kept
    "What happened in Tokyo?",                # a country the documents never name
    "Was Gyumri shelled?",                    # a city that is not a capital
    "What does the US say?",                  # codes are never read as names
    "Did Bakunin write about it?",            # only whole words
])
def test_other_words_are_left_as_they_are(question):
    assert PlaceNames(TEXTS).resolve(question) == question


def test_a_capital_two_named_countries_claim_is_left_as_it_is():
    places = PlaceNames(["Israel and Palestine both claim it."])
    assert places.resolve("What happened in Jerusalem?") == "What happened in Jerusalem?"
    assert places.resolve("What happened in Ramallah?") == "What happened in Palestine?"


def test_a_country_the_texts_name_only_by_its_capital_keeps_its_name():
    places = PlaceNames(["Moscow did not react."])
    assert places.resolve("How did Russia and the Kremlin react?") == "How did Russia and the Kremlin react?"


def test_texts_that_name_no_country_change_nothing():
    assert PlaceNames(["Nothing here."]).resolve("What did Baku do?") == "What did Baku do?"
