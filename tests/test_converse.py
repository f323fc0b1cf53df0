"""Who did what to whom: the converse of what a question asks does not answer it (no model)."""

from __future__ import annotations

import pytest

from retrieval.converse import tells_converse

_TOLD = "Armenia has not helped Russia in any way in Ukraine, and Russia, for its part, waits."


@pytest.mark.parametrize("question", [
    "Did Russia actually help Armenia?", "y didnt russia help armenia", "Why won't Moscow help Yerevan?",
    "Has the Kremlin helped Armenia?",
])
def test_the_other_direction_with_the_same_verb_is_the_converse(question):
    assert tells_converse(question, _TOLD)


@pytest.mark.parametrize(("question", "sentence"), [
    ("Has Armenia helped Russia?", _TOLD),  # the asked direction
    ("Did Russia help Armenia?", "Armenia has not helped Russia, and Russia has not helped Armenia."),
    ("Did Russia attack Armenia?", _TOLD),  # another verb
    ("Did Russia help Armenia?", "Russia and Armenia are members of the CSTO."),
    ("Why did Russia not help?", _TOLD),  # one country asked about: no direction
    ("Did Russia help Armenia?", "Armenia has not, in any way, helped Russia."),  # another clause
])
def test_the_asked_direction_both_directions_or_no_direction_is_not(question, sentence):
    assert not tells_converse(question, sentence)
