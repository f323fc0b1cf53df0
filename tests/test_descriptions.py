"""An interviewee named by what the documents say they are (no model)."""

from __future__ import annotations

import pytest

from retrieval.descriptions import describe, name_described

TEXTS = ("The escalation is a test of Russia as an ally, French expert Emmanuel Dupuy believes.",
         "Emmanuel Dupuy is a professor of geopolitical sciences at the Catholic University of Lille, "
         "he is also the president of the Institute for Security Perspectives in Europe")
DESCRIBED = describe(TEXTS, ["Emmanuel Dupuy"])


def test_what_describes_an_interviewee_is_read_beside_the_name_and_after_is_a():
    (dupuy,) = DESCRIBED
    assert dupuy.name == "Emmanuel Dupuy"
    assert {"french", "expert", "professor", "lill", "institut", "europ"} <= dupuy.words
    assert dupuy.roles == {"expert", "professor", "presid"}
    # Words of the sentences that are not about who he is describe nothing.
    assert not {"escal", "russia", "alli"} & dupuy.words


def test_a_verb_beside_the_name_is_no_role():
    (dupuy,) = describe(["Russia is weak, explained Emmanuel Dupuy."], ["Emmanuel Dupuy"]) or (None,)
    assert dupuy is None or "explain" not in dupuy.roles
    assert name_described("How did the expert explain the war?", DESCRIBED) == (
        "How did the expert explain the war?")


def test_a_name_with_no_description_in_the_documents_has_none():
    assert describe(TEXTS, ["Atlantico"]) == ()


@pytest.mark.parametrize(("question", "searched"), [
    ("What does the Lille professor think of solidarity within the CSTO?",
     "What does Emmanuel Dupuy think of solidarity within the CSTO?"),
    ("Does the French analyst think the Kremlin will jump into the fighting?",
     "Does Emmanuel Dupuy think the Kremlin will jump into the fighting?"),
    ("What does the president of the Institute for Security Perspectives in Europe say about Turkey?",
     "What does Emmanuel Dupuy say about Turkey?"),
    ("Is Russia reliable, in the Lille-based academic's view?",
     "Is Russia reliable, in Emmanuel Dupuy's view?"),
    ("Where does the French geopolitics expert teach?", "Where does Emmanuel Dupuy teach?"),
])
def test_a_description_of_the_interviewee_is_searched_as_the_name(question, searched):
    assert name_described(question, DESCRIBED) == searched


@pytest.mark.parametrize("question", [
    # A role the documents give him, but also others: "president" needs his description.
    "What did the president say?",
    # A word they do not give him, so someone else.
    "Does the Armenian expert agree?",
    # Others like him, and who the description is.
    "Which other French analysts share this view?",
    "Who is the French expert interviewed here?",
    # The role alone, and no role at all.
    "What does the expert say about Turkey?",
    "In which city is the Institute for Security Perspectives in Europe based?",
])
def test_what_describes_no_one_or_asks_who_is_left_as_typed(question):
    assert name_described(question, DESCRIBED) == question
