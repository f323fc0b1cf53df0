"""English idioms read in plain words (no model)."""

from __future__ import annotations

import pytest

from retrieval.idioms import plain


@pytest.mark.parametrize(("question", "searched"), [
    ("Is the Kremlin likely to jump into the fray over this?",
     "Is the Kremlin likely to get involved in the fighting over this?"),
    ("Does the expert expect Moscow to wade into this fight?",
     "Does the expert expect Moscow to get involved in this fight?"),
    ("y didnt russia jump in to help armenia", "y didnt russia intervene to help armenia"),
    ("Would Moscow lose face if it sits this one out?", "Would Moscow lose credibility if it stay passive?"),
    ("Would its standing take a hit if it stays on the sidelines?",
     "Would its standing suffer if it stay passive?"),
    ("Why are outside powers left out in the cold?", "Why are outside powers sidelined?"),
    ("Why are other global actors left out of the game?", "Why are other global actors sidelined?"),
    ("Was Paris kept out of the loop?", "Was Paris sidelined?"),
    ("Where are Moscow and Ankara cosying up to each other?",
     "Where are Moscow and Ankara getting closer to each other?"),
    ("What drives the Yerevan hardliners?", "What drives the Yerevan hawks?"),
    ("To whom has Putin handed over the reins?", "To whom has Putin hand over control?"),
    ("Has Moscow turned a blind eye to the shelling?", "Has Moscow ignore the shelling?"),
    # "Back" as a verb is "support".
    ("Who backs Armenia, and who backs Azerbaijan?", "Who supports Armenia, and who supports Azerbaijan?"),
    ("Which Christian nation does Tehran back?", "Which Christian nation does Tehran support?"),
    ("Turkey and Israel both back Azerbaijan?", "Turkey and Israel both support Azerbaijan?"),
    ("Was the offensive backed by Turkey?", "Was the offensive supported by Turkey?"),
    ("Which power is gaining clout in the region?", "Which power is become more prominent in the region?"),
    ("Has Ankara expanded its footprint there?", "Has Ankara become more prominent there?"),
    ("Why are outside powers pushed to the margins?", "Why are outside powers sidelined?"),
    ("Why are other actors left on the bench?", "Why are other actors sidelined?"),
    ("Whose peace-brokering effort is undercut?", "Whose mediation effort is undercut?"),
    # A faith's other spelling.
    ("is azerbaijan shia or not", "is azerbaijan Shiite or not"),
])
def test_an_idiom_is_searched_by_its_plain_meaning(question, searched):
    assert plain(question) == searched


@pytest.mark.parametrize("question", [
    # Literal words, or words the documents may use as they are.
    "Why are Turkey's relations with Iran so cold?",
    "Did Dupuy weigh in on the role of Turkey?",
    "Who stepped into the room?",
    "Is the fighting a big deal for Russia?",
    "Are the hawks in Yerevan sidelined?",
    "Is this a step in the right direction?",
    "Which countries were left out of the CSTO list?",
    "Why does Moscow keep out of the game?",  # staying out by choice, not sidelined
    "Did casualties jump in 2020?",
    # "Back" as a noun or an adverb.
    "Will Turkey turn its back on Armenia?",
    "When did the troops come back?",
    "What did Dupuy say back in May?",
])
def test_words_that_are_no_idiom_are_left_alone(question):
    assert plain(question) == question


def test_who_an_idiom_is_about_is_kept():
    assert plain("Did Russia leave Armenia in the lurch?") == "Did Russia abandon Armenia?"
    assert plain("Does Russia have Armenia's back?") == "Does Russia support Armenia?"
    assert plain("Is the CSTO a fair-weather ally?") == "Is the CSTO a unreliable ally?"


def test_a_title_said_in_other_words_is_read_as_the_title():
    assert plain("Which head of government in Yerevan asked for help?") == (
        "Which prime minister in Yerevan asked for help?")
    assert plain("What did the Armenian premier ask for?") == "What did the Armenian prime minister ask for?"
    assert plain("who's the armenian pm") == "who's the armenian prime minister"
    assert plain("Did the head of state call Putin?") == "Did the president call Putin?"
    # A time of day is no title.
    assert plain("Did the shelling start at 11 pm?") == "Did the shelling start at 11 pm?"
    # Nor is "premier" before a thing, nor a verb "heads"; both offices together are leaders.
    forum = "Is the OSCE Europe's premier security forum?"
    assert plain(forum) == forum
    assert plain("Is the government heads into elections?") == "Is the government heads into elections?"
    assert plain("What did heads of state and government say?") == "What did leaders say?"
