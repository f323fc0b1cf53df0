"""International organisations named by an epithet, read as the documents' name (no model)."""

from __future__ import annotations

import pytest

from retrieval.epithets import Epithets

TEXTS = ("The two countries are members of the Collective Security Treaty Organization (CSTO).",
         "Georgia seeks to join NATO.", "It weakens the Minsk process within the OSCE.",
         "France has called for the UN Security Council to be convened.",
         "He did not recognize the self-proclaimed LPR and DPR.",
         "This offensive is not taking place in Nagorno-Karabakh.")
EPITHETS = Epithets(TEXTS)


@pytest.mark.parametrize(("question", "searched"), [
    ("What does Tbilisi want regarding the Atlantic alliance?", "What does Tbilisi want regarding NATO?"),
    ("Is Georgia keen on the Western military alliance?", "Is Georgia keen on NATO?"),
    ("Is the clause modelled on the North Atlantic alliance's one?", "Is the clause modelled on NATO's one?"),
    ("When was the Moscow-led defensive bloc set up?", "When was CSTO set up?"),
    ("how solid is that post-soviet security pact", "how solid is CSTO"),
    ("What happens to the track run by the Vienna-based security organisation?",
     "What happens to the track run by OSCE?"),
    ("What did Paris ask the United Nations Security Council?", "What did Paris ask UN Security Council?"),
    ("What was his stance on the two breakaway Donbas republics?", "What was his stance on LPR and DPR?"),
    ("Did he recognise the Luhansk and Donetsk people's republics?", "Did he recognise LPR and DPR?"),
    ("Which capital sought a session of the fifteen-member UN body?",
     "Which capital sought a session of UN Security Council?"),
    ("Did Paris ask the world body's top council to meet?", "Did Paris ask UN Security Council to meet?"),
    # A disputed land by its epithet.
    ("If the bombardment wasn't in the disputed enclave, where did it hit?",
     "If the bombardment wasn't in Nagorno-Karabakh, where did it hit?"),
    ("Did the assault unfold inside the contested mountainous enclave?", "Did the assault unfold inside "
     "Nagorno-Karabakh?"),
])
def test_an_organisation_named_by_an_epithet_is_searched_by_the_documents_name(question, searched):
    assert EPITHETS.resolve(question) == searched


@pytest.mark.parametrize("question", [
    # Named already, or no epithet: an alliance or a bloc in general is not NATO.
    "Is NATO really the Atlantic alliance?",
    "Which alliance does Georgia want to join?",
    "What does the alliance think?",
    "nato, the atlantic alliance, is it?",
    # Regions are no republics.
    "What happened in the Luhansk and Donetsk regions?",
    # A region, or an enclave in general, is no disputed land; nor is one named after its epithet.
    "Which region is disputed?",
    "What is an enclave?",
    "Is Kaliningrad the enclave?",
    "What happened in the disputed territory of Crimea?",
    "Which mountainous region borders Georgia?",
    "Did Moscow recognise the breakaway region of Abkhazia?",
])
def test_what_names_the_organisation_already_or_no_epithet_is_left_as_typed(question):
    assert EPITHETS.resolve(question) == question


def test_an_organisation_the_documents_never_name_is_left_as_typed():
    question = "Does Georgia want to join the Atlantic alliance?"
    assert Epithets(["Georgia seeks closer ties with the West."]).resolve(question) == question
