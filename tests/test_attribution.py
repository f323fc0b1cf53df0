"""The interviewee's "according to …" taken off what a question searches (no model)."""

from __future__ import annotations

import pytest

from retrieval.attribution import without_attribution

NAMES = ("Emmanuel Dupuy",)


@pytest.mark.parametrize(("question", "searched"), [
    ("Selon Dupuy, la Russie va-t-elle s'impliquer dans les combats ?",
     "La Russie va-t-elle s'impliquer dans les combats ?"),
    ("D'après l'expert, où se déroule cette offensive ?", "Où se déroule cette offensive ?"),
    ("Où se déroule cette offensive, selon Emmanuel Dupuy ?", "Où se déroule cette offensive ?"),
    ("Que dit Emmanuel Dupuy des faucons à Erevan ?", "Que dit des faucons à Erevan ?"),
    ("Pourquoi Dupuy pense-t-il que la Russie ne réagira pas ?", "Pourquoi la Russie ne réagira pas ?"),
    ("По мнению эксперта, вмешается ли Россия?", "Вмешается ли Россия?"),
    ("Где, по словам Dupuy, наблюдается сближение русских и турок?",
     "Где наблюдается сближение русских и турок?"),
    ("Dupuy считает, что Russia вмешается в конфликт?", "Russia вмешается в конфликт?"),
    ("Что Dupuy говорит про Turkey?", "Что говорит про Turkey?"),
    ("According to Dupuy, what logic drives the hawks?", "What logic drives the hawks?"),
    ("Is Russia reliable, in the expert's view?", "Is Russia reliable?"),
    ("Selon l'expert français, la Russie va-t-elle réagir ?", "La Russie va-t-elle réagir ?"),
    ("Selon l'analyste Emmanuel Dupuy, la Russie va-t-elle réagir ?", "La Russie va-t-elle réagir ?"),
    ("По мнению французского эксперта, вмешается ли Россия?", "Вмешается ли Россия?"),
    ("Selon Dupuy la Russie va-t-elle réagir ?", "La Russie va-t-elle réagir ?"),
])
def test_the_interviewees_attribution_is_not_searched(question, searched):
    assert without_attribution(question, NAMES) == searched


@pytest.mark.parametrize("question", [
    "Who is Dupuy?",  # about the interviewee, no frame
    "Où enseigne Emmanuel Dupuy ?",
    "Кто такой Dupuy?",
    "According to InoSMI, where was the fighting?",  # the editor's note is asked for
    "Selon Tokayev, faut-il aider la Russie ?",  # someone else's words
    "What did Dupuy say about Turkey?",
    "According to Dupuy?",  # nothing would be left
    "Selon l'expert de l'Atlantico, la Russie va-t-elle réagir ?",  # not all of the frame is read
    "Эксперт считает ли, что Россия вмешается?",
])
def test_a_question_without_the_interviewees_frame_is_searched_as_it_is(question):
    assert without_attribution(question, NAMES) == question


def test_without_interviewees_only_a_role_is_a_frame():
    assert without_attribution("Selon Dupuy, la Russie va-t-elle réagir ?", ()) == \
        "Selon Dupuy, la Russie va-t-elle réagir ?"
    assert without_attribution("Selon l'expert, la Russie va-t-elle réagir ?", ()) == \
        "La Russie va-t-elle réagir ?"
