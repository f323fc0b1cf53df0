"""Capitals, seats of power and formal names read as the country the documents name."""

from __future__ import annotations

import pytest

from retrieval.places import PlaceNames

TEXTS = ["Azerbaijan shelled Armenia on Monday night, and Moscow did not react.",
         "Meanwhile, Turkey, France and Iran play a larger role; Russia holds back."]


@pytest.mark.parametrize(("question", "read_as"), [
    ("When did Baku's troops shell Armenia?", "When did Azerbaijan's troops shell Armenia?"),
    ("is ankara gaining ground", "is Turkey gaining ground"),
    ("How did the Kremlin react?", "How did Russia react?"),
    ("Which side does the Islamic Republic back?", "Which side does Iran back?"),
    ("Does the Russian Federation arm Baku?", "Does Russia arm Azerbaijan?"),
    ("Are Ankara-backed units involved?", "Are Turkey-backed units involved?"),
    ("Is the pro-Tehran camp growing?", "Is the pro-Iran camp growing?"),
    ("Why did The Kremlin wait?", "Why did Russia wait?"),
    ("Did the Kremlin-backed bloc react?", "Did the Russia-backed bloc react?"),
])
def test_a_capital_or_seat_of_power_is_read_as_its_country(question, read_as):
    assert PlaceNames(TEXTS).resolve(question) == read_as


@pytest.mark.parametrize("question", [
    "Did Moscow react?",                      # the documents' own word is kept
    "What happened in Tokyo?",                # a country the documents never name
    "Was Gyumri shelled?",                    # a city that is not a capital
    "What does the US say?",                  # codes are never read as names
    "Did Bakunin write about it?",            # only whole words
    "Is the Paris Agreement at stake?",        # part of a longer name
    "What did the Islamic Republic of Pakistan say?",  # another country's formal name
    "Did the Islamic Republic of Pakistan Government react?",  # ... inside a longer name
    "What did KREMLİN say?",                  # odd Unicode: left alone, never an error
    "Who built the Baku–Tbilisi–Ceyhan pipeline?",  # a route's name, joined to other names
    "Is the Baku-Ceyhan link safe?",
])
def test_other_words_are_left_as_they_are(question):
    assert PlaceNames(TEXTS).resolve(question) == question


def test_a_seat_of_power_reads_as_the_name_the_package_gives_its_country():
    places = PlaceNames(["The United States did not react."])
    assert places.resolve("What did the White House say?") == "What did the United States say?"


def test_a_capital_that_usually_stands_for_something_else_or_a_plain_word_is_left_alone():
    places = PlaceNames(["Belgium and Iceland did not react."])
    assert places.resolve("What did Brussels decide on the island?") == (
        "What did Brussels decide on the island?")
    assert places.resolve("What did Reykjavik say?") == "What did Iceland say?"


def test_a_capital_two_named_countries_claim_is_left_as_it_is():
    places = PlaceNames(["Israel and Palestine both claim it."])
    assert places.resolve("What happened in Jerusalem?") == "What happened in Jerusalem?"
    assert places.resolve("What happened in Ramallah?") == "What happened in Palestine?"


def test_a_country_the_texts_name_only_by_its_capital_keeps_its_name():
    places = PlaceNames(["Moscow did not react."])
    assert places.resolve("How did Russia and the Kremlin react?") == "How did Russia and the Kremlin react?"


def test_texts_that_name_no_country_change_nothing():
    assert PlaceNames(["Nothing here."]).resolve("What did Baku do?") == "What did Baku do?"


def test_a_country_and_its_capital_seats_and_demonym_stand_for_each_other():
    # "How did Russia react?" is answered by a sentence about Moscow, and the other way round.
    for word in ("russia", "Moscow", "kremlin"):
        assert {"russia", "moscow", "kremlin", "russian"} <= PlaceNames.forms_of(word)
    assert "ankara" in PlaceNames.forms_of("turkey")
    assert "paris" not in PlaceNames.forms_of("turkey")
    assert PlaceNames.forms_of("aliyev") == {"aliyev"}  # not a place: only itself


def test_a_country_s_capital_named_by_the_country_is_read_as_its_name():
    places = PlaceNames(["There are hawks in Yerevan.", "Armenia and Azerbaijan clashed."])
    assert places.resolve("Any hardliners in the Armenian capital?") == "Any hardliners in Yerevan?"
    assert places.resolve("Who in the capital of Armenia wants war?") == "Who in Yerevan wants war?"
    # A capital the texts do not name stands for its country.
    assert places.resolve("What did Azerbaijan's capital say?") == "What did Azerbaijan say?"
    # The capital asked for, a capital no country names, or a country the texts never name.
    for question in ("What is the capital of Armenia?", "whats the capital of Armenia",
                     "Which capital did the republic recognise?", "Is the French capital calm?"):
        assert places.resolve(question) == question
