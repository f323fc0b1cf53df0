"""A question about a thing's details needs a sentence that says more than the thing's name (no model)."""

from __future__ import annotations

import pytest

from retrieval.question import answer_type

MICHEL = ("In general, the growing tension between Armenia and Azerbaijan confirms the marginalization of "
          "the Minsk process within the OSCE and weakens the new form of mediation proposed by the head of "
          "the European Council Charles Michel.")
EQUIPMENT = ("Armenia has not helped Russia in any way in Ukraine, and Russia, for its part, continues to "
             "sell military equipment to Azerbaijan.")
ARTICLE = ("According to article 4 of this treaty, which is an exact copy of Article 5 of NATO, if a member "
           "country is attacked by a third country, all other members must provide it with the necessary "
           "assistance, including military.")
SOLUTION = ("But Russia did not consider it necessary to apply this article and preferred to find a "
            "diplomatic solution.")
AGREEMENT = ("On the one hand, there is an agreement between the two countries, according to which Russia "
             "should intervene in case of aggression.")


@pytest.mark.parametrize(("question", "named_only"), [
    ("What exactly does the new form of mediation proposed by Charles Michel involve?", MICHEL),
    ("What concrete steps did Charles Michel's new mediation format propose?", MICHEL),
    ("What are the details of the new form of mediation proposed by Charles Michel?", MICHEL),
    ("What kind of military equipment does Russia sell to Azerbaijan?", EQUIPMENT),
    # "sell" before the thing is a verb, not its kind, whether or not the question uses it.
    ("What kind of military equipment does Israel supply to Azerbaijan?", EQUIPMENT),
    ("What exactly was the diplomatic solution Russia preferred instead of applying article 4?", SOLUTION),
    ("What specific diplomatic solution did Russia propose instead of applying Article 4?", SOLUTION),
    # "Which X exactly…?" asks which kind, as "What kind of X…?" does.
    ("Which military equipment exactly does Russia continue to sell to Azerbaijan?", EQUIPMENT),
])
def test_a_sentence_that_only_names_the_thing_gives_no_details(question, named_only):
    assert answer_type(question).thing
    assert not answer_type(question).satisfied_by(named_only)


def test_an_adverb_after_a_verb_asks_no_things_details():
    assert not answer_type("What happened exactly in Almaty?").thing
    assert answer_type("Which weapons, exactly, does Russia sell?").thing


def test_a_sentence_that_goes_on_about_the_thing_gives_them():
    assert answer_type("What does article 4 of the treaty provide for?").satisfied_by(ARTICLE)
    assert answer_type("What kind of military equipment does Russia sell?").satisfied_by(
        "Russia sells military equipment such as tanks, drones and artillery systems.")
    # The kind may come before the thing: "military equipment" is a type of equipment.
    assert answer_type("Which type of equipment does Russia sell?").satisfied_by(EQUIPMENT)
    assert answer_type("What kind of solution did Russia prefer?").satisfied_by(
        "But Russia did not consider it necessary to apply this article and preferred to find a diplomatic "
        "solution.")
    assert answer_type("What kind of logic do the hawks follow?").satisfied_by(
        "They act according to the logic of revenge.")
    # Not mentioned by the question's words: left to the other checks.
    assert answer_type("What sort of pact obliges Moscow to come to Yerevan's aid?").satisfied_by(AGREEMENT)
    assert answer_type("What did the mediation achieve?").thing == frozenset()


def test_a_word_after_a_preposition_to_is_the_things_kind_not_a_verb():
    asked = answer_type("What kind of military equipment does Israel supply to Azerbaijan?")
    assert asked.satisfied_by("Azerbaijan has access to Israeli military equipment.")
