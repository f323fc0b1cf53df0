"""Question analysis: language, casual spelling, parts and the kind of fact asked for."""

from __future__ import annotations

import pytest

from retrieval.question import Speller, answer_type, language_of, normalise, split_parts


@pytest.mark.parametrize(("question", "language"), [
    ("How many Russian troops are in Armenia?", "en"),
    ("csto obligations armnia?", "en"),
    ("Сколько российских военных в Армении?", "other"),
    ("Quel est le seul pays qui a utilisé le principe de sécurité collective ?", "other"),
    ("Was ist die Rolle der Türkei in der Region?", "other"),
    ("what is ОДКБ article 4?", "en"),
    ("", "en"),
    ("🙂🙂", "en"),
])
def test_the_language_of_a_question(question, language):
    assert language_of(question) == language


def test_shorthand_is_spelled_out_and_one_edit_typos_are_corrected_against_the_corpus():
    speller = Speller(["Armenia and Azerbaijan signed nothing.", "The troops stayed in Armenia."])
    assert normalise("wat r the troopps in armnia", speller) == "what are the troops in armenia"
    # Words the corpus does not know and that are not one edit away stay as typed.
    assert normalise("Kremlin hawks", speller) == "Kremlin hawks"
    assert normalise("tf", speller) == "tf"  # nothing left: the question is kept as it was


def test_two_questions_in_one_message_are_split_in_order():
    assert split_parts("How many Russian troops are in Armenia, and what happened to the troops "
                       "in Nagorno-Karabakh?") == [
        "How many Russian troops are in Armenia", "what happened to the troops in Nagorno-Karabakh?"]
    assert split_parts("Who is Emmanuel Dupuy? What does he think of Turkey?") == [
        "Who is Emmanuel Dupuy?", "What does he think of Turkey?"]
    # "and" between nouns is not a second question.
    assert split_parts("Are Russia and Turkey getting closer?") == ["Are Russia and Turkey getting closer?"]


def test_the_kind_of_fact_a_question_asks_for():
    how_many = answer_type("How many people died?")
    assert how_many.number
    assert not how_many.person
    assert how_many.satisfied_by("About fifty people were injured.")
    assert not how_many.satisfied_by("People were injured.")
    who = answer_type("Who commanded the army?")
    assert who.person
    assert not who.satisfied_by("the army shelled the border.")
    assert who.satisfied_by("the army of Ilham Aliyev shelled the border.")
    when = answer_type("When did it happen?")
    assert when.time
    assert when.satisfied_by("It happened in 2020.")
    plain = answer_type("What does the treaty say?")
    assert plain.satisfied_by("anything")
