"""Names in Russian and French questions read as the documents' English names."""

from __future__ import annotations

import pytest

from retrieval.foreign_names import ForeignNames, asked, body_head

TEXTS = ["Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of Article 4.",
         "But at the St. Petersburg Economic Forum in May, the President of Kazakhstan Tokayev spoke.",
         "Emmanuel Dupuy is a professor of geopolitical sciences at the Catholic University of Lille.",
         "Meanwhile, Turkey has begun to play a more prominent role in the region."]
SPEAKERS = frozenset({"emmanuel", "dupuy", "atlantico"})


@pytest.fixture(scope="module")
def names() -> ForeignNames:
    return ForeignNames(TEXTS)


@pytest.mark.parametrize(("word", "english"), [
    ("Китай", "china"), ("Китая", "china"), ("Турции", "turkey"), ("Грузией", "georgia"),
    ("Армении", "armenia"), ("l'Arménie", "armenia"), ("Chine", "china"), ("Turquie", "turkey"),
])
def test_a_country_is_read_by_its_name_in_any_case_form(names, word, english):
    assert english in names.english(word)
    assert names.known(word)


@pytest.mark.parametrize(("word", "english"), [
    ("Пашинян", "pashinyan"), ("Пашиняна", "pashinyan"), ("Pachinian", "pashinyan"),
    ("Токаеву", "tokayev"), ("Tokaïev", "tokayev"), ("Дюпюи", "dupuy"), ("Эммануэль", "emmanuel"),
])
def test_a_name_the_documents_write_is_read_across_transliterations(names, word, english):
    assert names.english(word) == {english}


def test_a_name_the_documents_do_not_write_is_its_transliteration_and_unknown(names):
    assert names.english("Лавров") == {"lavrov"}
    assert not names.known("Лавров")
    # Short names must agree exactly: "Иван" is not "Iran".
    assert names.english("Иван") == {"ivan"}


def test_a_capital_or_seat_of_power_is_known(names):
    assert names.known("Баку")
    assert names.english("Téhéran") == {"tehran"}
    assert names.english("Кремля") == {"kremlin"}


def test_a_role_in_a_place_is_read_in_russian_and_french(names):
    for question in ("Как зовут президента Азербайджана?", "Кто сейчас президент Азербайджана?",
                     "Кто является президентом Азербайджана?", "Qui est le président de l'Azerbaïdjan ?"):
        assert asked(question, names, SPEAKERS).role == ("president", "azerbaijan"), question
    assert asked("Кто премьер-министр Армении?", names, SPEAKERS).role == ("prime minister", "armenia")
    # A body is no place.
    assert asked("Qui est le président du Conseil européen ?", names, SPEAKERS).role == ()
    # A minister's portfolio, and a people's adjective after the title.
    for question, role in (("Как зовут министра обороны Армении?", ("defence minister", "armenia")),
                           ("Qui est le ministre de la Défense arménien ?", ("defence minister", "armenian")),
                           ("Qui est le ministre arménien de la Défense ?", ("defence minister", "armenian")),
                           ("Qui est le Premier ministre arménien ?", ("prime minister", "armenian"))):
        assert asked(question, names, SPEAKERS).role == role, question
    assert asked("Qui est le ministre de la Défense ?", names, SPEAKERS).role == ()


def test_the_one_who_made_a_request_is_read_in_russian_and_french(names):
    for question in ("Comment la Russie a-t-elle réagi à la demande de l'Arménie ?",
                     "Как Россия откликнулась на просьбу Армении?",
                     "Quelle a été la réponse de Moscou à la demande d'aide de l'Arménie ?",
                     "Comment Moscou a-t-elle répondu à l'appel à l'aide de l'Arménie ?",
                     "Как Россия ответила на запрос о помощи от Армении?"):
        assert asked(question, names, SPEAKERS).requester == {"armenia"}, question
    assert asked("Comment la Russie a-t-elle réagi ?", names, SPEAKERS).requester == frozenset()


def test_whose_words_or_stand_is_asked_for(names):
    speech = asked("Что сказал Сергей Лавров об этом конфликте?", names, SPEAKERS)
    assert (speech.whom, speech.speech, speech.speaker) == (True, True, {"lavrov"})
    stance = asked("Какова позиция Китая по этому конфликту?", names, SPEAKERS)
    assert (stance.stance, stance.speaker) == (True, {"china"})
    assert asked("Comment la Chine voit-elle ce conflit ?", names, SPEAKERS).speaker == {"china"}
    assert asked("Qu'a déclaré Tokaïev au forum ?", names, SPEAKERS).speaker == {"tokayev"}
    # The first name is the one asked about, not the one it answered.
    assert asked("Что ответил Пашинян на заявление Токаева?", names, SPEAKERS).speaker == {"pashinyan"}
    # The speaker before the verb, or the verb before the one who reacted.
    assert asked("Что Путин ответил Пашиняну?", names, SPEAKERS).speaker == {"putin"}
    assert asked("О чём говорили Путин и Пашинян?", names, SPEAKERS).speaker == {"putin"}
    reading = asked("Как отнеслась Армения к словам Токаева?", names, SPEAKERS)
    assert (reading.stance, reading.speaker) == (True, {"armenia"})
    for question in ("Как отреагировал Пашинян на слова Токаева?",
                     "Comment a réagi Pachinian aux propos de Tokaïev ?",
                     "Quelle a été la réponse de Pachinian à Tokaïev ?"):
        reading = asked(question, names, SPEAKERS)
        assert (reading.stance, reading.speaker) == (True, {"pashinyan"}), question


def test_the_documents_own_speaker_asks_nothing_of_anyone(names):
    for question in ("Что думает Дюпюи о роли Турции?", "Что сказал эксперт о Турции?"):
        reading = asked(question, names, SPEAKERS)
        assert reading.whom, question
        assert not reading.speaker, question
        assert not reading.speech, question


def test_a_question_with_none_of_the_patterns_leaves_the_english_reading_alone(names):
    reading = asked("what does статья 4 ОДКБ say?", names, SPEAKERS)
    assert not reading.whom


def test_a_count_is_about_the_known_places_it_names(names):
    assert asked("Сколько российских военных находится в Армении?", names, SPEAKERS).about == (
        frozenset({"armenia"}),)
    # An institution's words are no place: "Совет Безопасности" is not searched for.
    assert asked("Когда соберётся Совет Безопасности?", names, SPEAKERS).about == ()


def test_a_question_spells_the_documents_names_as_they_do_for_e5(names):
    assert names.in_english("Qu'a réclamé Pachinian ?") == "Qu'a réclamé Pashinyan ?"
    assert names.in_english("Что сказал Токаев?") == "Что сказал Tokayev?"
    # A country e5 reads in any language, and a name the documents do not write, stay as typed.
    assert names.in_english("Какова позиция Турции?") == "Какова позиция Турции?"
    assert names.in_english("Что сказал Лавров?") == "Что сказал Лавров?"


def test_the_head_of_a_body_asked_in_russian_or_french():
    assert body_head("Кто возглавляет Европейский совет (European Council)?") == "european council"
    assert body_head("Qui est le président du Conseil européen (European Council) ?") == "european council"
    assert body_head("Qui est à la tête de l'OTSC (CSTO) ?") == "csto"
    # Only once the body's English name follows it, and only for a head asked.
    assert body_head("Кто возглавляет Европейский совет?") is None
    assert body_head("Что сказал Европейский совет (European Council)?") is None
    # A relative "qui" and "главный" (main) ask no head.
    assert body_head("La Russie, qui dirige l'OTSC (CSTO), a-t-elle aidé l'Arménie ?") is None
    assert body_head("Кто главный союзник ОДКБ (CSTO)?") is None
    # The leaders of its member states are not its head.
    assert body_head("Кто из руководителей стран ОДКБ (CSTO) поддержал Армению?") is None
    assert body_head("Qui sont les dirigeants des pays membres de l'OTSC (CSTO) ?") is None
