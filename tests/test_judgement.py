"""How good, how strong, how much it matters: a judgement asked for and a judgement passed (no model)."""

from __future__ import annotations

import pytest

from retrieval.judgement import asks_judgement, judges


@pytest.mark.parametrize("question", [
    "How solid is unity inside the Moscow-led alliance, in the analyst's view?",
    "In the professor's opinion, how solid is unity inside the Eurasian defence bloc?",
    "how important is this event for russia",
    "How sturdy does the expert consider the solidarity among the bloc's members?",
    "How much does this episode weigh for Moscow, militarily and politically?",
    "How much does this episode matter to the Kremlin?", "How big a deal is this for Moscow?",
    "How much of a blow is it for Russia?",
])
def test_how_good_or_how_much_it_matters_asks_a_judgement(question):
    assert asks_judgement(question)


@pytest.mark.parametrize("question", [
    "How many troops did Russia send?", "How big is the Russian contingent?", "How did Russia react?",
    "How likely is a Russian intervention?", "How Shiite is Azerbaijan?",
    "How strongly does Turkey back Baku?", "How much does the tank weigh?", "How heavy is the tank?",
    "How it is perceived in Moscow?", "How then does Moscow respond?",
    "Does the article explain how sanctions are affecting Russia?",
])
def test_a_measure_a_manner_a_likelihood_or_a_clause_asks_none(question):
    assert not asks_judgement(question)


@pytest.mark.parametrize("sentence", [
    "So you can see for yourself: solidarity within the framework of this very collective security "
    "agreement remains quite fragile and unreliable.",
    "As for the collective security treaty, it remains shaky.",
    "This is an insignificant event for Russia in military and political terms.",
    'But it is unlikely that Moscow will get involved in the fight – for her it is a "small matter," he '
    "said.",
    "The alliance looked weak.", "The alliance will be fragile.", "It seems to be fragile.",
])
def test_a_linking_verb_giving_a_quality_passes_a_judgement(sentence):
    assert judges(sentence)


@pytest.mark.parametrize("sentence", [
    "On the other hand, the two countries are members of the Collective Security Treaty Organization (CSTO).",
    "On the one hand, there is an agreement between the two countries.",  # introduces a thing
    "Georgia wants to remain independent in relation to Russia.",  # a wish
    "The escalation is a test of Russia as an ally.",
    "This is an agreement between the two countries.",  # "-ment" is a noun's ending
    "Erdogan is the president of Turkey.", "It was a missile strike.", "It is a component of the treaty.",
    "The CSTO is a collective security organization.",  # a kind after an article names the thing
    "This is the Republic of Azerbaijan.",
])
def test_a_sentence_that_names_or_introduces_a_thing_passes_none(sentence):
    assert not judges(sentence)
