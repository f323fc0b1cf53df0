"""A question typed in capitals, written the way the documents write its words (no model)."""

from __future__ import annotations

from retrieval.acronyms import Acronyms
from retrieval.casing import Casing, is_shouted
from retrieval.lexicon import word_list
from retrieval.places import is_country_name

TEXTS = ["Russia did not apply Article 4 of the CSTO treaty.", "Sadly, the treaty obliges Russia to help.",
         "The Prime Minister of Armenia called President Vladimir Putin.", "I think so."]


def test_a_message_in_capitals_takes_the_documents_forms():
    casing = Casing(TEXTS)
    assert (casing.restore("WHAT DOES THE CSTO TREATY OBLIGE RUSSIA TO DO?")
            == "What does the CSTO treaty oblige Russia to do?")
    # "The" opens a sentence of the documents, but they also write "the": a common word.
    assert casing.restore("DID PUTIN APPLY THE TREATY, I WONDER") == "Did Putin apply the treaty, I wonder"


def test_a_word_the_documents_do_not_use_is_lower_case_unless_a_name_or_an_acronym():
    casing = Casing(TEXTS, word_list())
    assert casing.restore("WHAT DOES CHINA THINK?") == "What does china think?"  # a common word
    assert casing.restore("HOW DO I COOK BORSCHT?") == "How do I cook borscht?"
    # Not a common word of the language: a name, or when short an acronym.
    assert casing.restore("WHAT DID MACRON SAY ABOUT CRIMEA?") == "What did Macron say about Crimea?"
    assert casing.restore("IS THE ICC INVOLVED?") == "Is the ICC involved?"
    # Without the word list, every such word is lower case.
    assert Casing(TEXTS).restore("WHAT DID MACRON SAY?") == "What did macron say?"
    assert (casing.restore("КОГДА БЫЛА ОСНОВАНА ОДКБ?", Acronyms.is_foreign)
            == "Когда была основана ОДКБ?")
    assert casing.restore("QUAND L'ARMÉE A-T-ELLE TIRÉ ?") == "Quand l'armée a-t-elle tiré ?"


def test_a_message_not_in_capitals_is_left_as_typed():
    casing = Casing(TEXTS)
    for text in ("CSTO", "What is the CSTO?", "what did russia do", "Is NATO like the CSTO?",
                 "who is PUTIN", ""):
        assert casing.restore(text) == text


def test_a_message_is_in_capitals_when_most_of_its_words_are():
    assert is_shouted("WHO IS DUPUY?")
    assert is_shouted("WHAT DID THE CSTO DO in 2022?")  # 4 of 5 words
    assert not is_shouted("CSTO?")
    assert not is_shouted("Did the CSTO and NATO meet?")
    assert not is_shouted("2022 ?!")


def test_a_message_in_lower_case_gets_the_documents_capitals_and_its_names_theirs():
    casing = Casing(TEXTS, word_list())
    assert (casing.restore("who is putin and what does russia owe the csto?")
            == "who is Putin and what does Russia owe the CSTO?")
    # A rare word of the list is a name; a common one or one it never saw (a typo) stays.
    assert (casing.restore("what did macron say about the kremlin?")
            == "what did Macron say about the Kremlin?")
    assert casing.restore("what does china think?") == "what does china think?"
    assert casing.restore("what about regonal powers?") == "what about regonal powers?"
    # A rare form of a common word is no name ("bracketed" is "bracket" + "ed").
    assert casing.restore("when, per the bracketed note, was it?") == "when, per the bracketed note, was it?"
    # A capital the documents give a word only at the start of a sentence is no name's.
    assert casing.restore("sadly, why did russia not help?") == "sadly, why did Russia not help?"
    # A name's possessive typed without the apostrophe is the name's; a plural of the language stays.
    assert casing.restore("how big is russias army?") == "how big is Russia's army?"
    named = Casing(["The Armenian Prime Minister called Russia and the Republic."], word_list())
    assert (named.restore("why do armenians distrust russias ministers")
            == "why do armenians distrust Russia's ministers")
    # A country's name is a name wherever the documents write it ("France" opens its only
    # sentence), or if they never do; a capital that is a word of the language is not.
    countries = Casing(["France has called for a meeting.", "Sadly, it failed."], word_list(),
                       is_name=is_country_name)
    assert countries.restore("what did france ask for?") == "what did France ask for?"
    assert countries.restore("does china side with turkey?") == "does China side with Turkey?"
    assert countries.restore("sadly, was the male soldier hurt?") == "sadly, was the male soldier hurt?"
    assert countries.restore("is there a base on the island?") == "is there a base on the island?"
    # Typed with capitals, or in another language, it is left as typed.
    assert casing.restore("Who is putin?") == "Who is Putin?"  # the first letter aside
    assert casing.restore("who is Putin, and russia?") == "who is Putin, and russia?"
    assert casing.restore("кто такой путин?") == "кто такой путин?"
