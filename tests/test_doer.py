"""Who did it: the verb a question asks the doer of, and a sentence that names one before it."""

from __future__ import annotations

import pytest

from retrieval.doer import asked_verb, names_doer


@pytest.mark.parametrize(("question", "verb"), [
    ("Which country has used the CSTO collective security principle?", {"use"}),
    ("which country actually used the csto collective security thing b4", {"use"}),
    ("Who called Putin after the shelling?", {"call"}),
    ("What member state requested assistance?", {"request"}),
    ("Which country is the only one to have used it?", set()),  # a function word: no verb read
    ("Who did Pashinyan call?", set()),  # asks whom, not who
    ("who does georgia wanna join", set()),
    ("What does the treaty oblige Russia to do?", set()),  # no doer asked
    ("Who never used it?", set()),  # asks who did not
    ("Who else used the principle?", {"use"}),
    ("What power plant was shelled?", set()),
])
def test_the_verb_whose_doer_is_asked(question: str, verb: set[str]):
    assert asked_verb(question) == frozenset(verb)


def test_a_sentence_names_a_doer_right_before_the_verb_in_the_same_clause():
    used = asked_verb("Which country has used the principle?")
    assert names_doer(used, "Only Kazakhstan has used this principle so far.")
    assert not names_doer(used, "The conflict in Ukraine was a test of the principle, used by nobody.")
    requested = asked_verb("Who requested assistance?")
    assert names_doer(requested, "At the end of January, the President of the country requested assistance.")
    assert not names_doer(requested, "All of them requested assistance.")  # no name, a function word
    # A relative clause goes on from the name before its comma.
    sent = asked_verb("Who sent troops?")
    assert names_doer(sent, "All helped, especially Russia, which sent most of the troops.")
    assert not names_doer(sent, "All helped, as the troops, which were sent, did.")
