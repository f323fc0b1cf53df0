"""Other languages' acronyms followed by the one the documents use (no model)."""

from __future__ import annotations

from retrieval.acronyms import Acronyms

TEXTS = ["Both are members of the Collective Security Treaty Organization (CSTO).",
         "Article 5 of NATO, and the UN Security Council.", "He did not recognize the LPR."]


def test_a_foreign_acronym_is_followed_by_the_documents_english_one():
    acronyms = Acronyms(TEXTS)
    assert acronyms.annotate("Что такое ОДКБ?") == "Что такое ОДКБ (CSTO)?"
    assert acronyms.annotate("Qu'est-ce que l'OTSC ?") == "Qu'est-ce que l'OTSC (CSTO) ?"
    assert acronyms.annotate("ОДКБ и НАТО, ООН, ЛНР") == "ОДКБ (CSTO) и НАТО (NATO), ООН (UN), ЛНР (LPR)"
    assert acronyms.annotate("skolko stran v ODKB?") == "skolko stran v ODKB (CSTO)?"


def test_a_bodys_name_in_another_language_is_followed_by_the_documents_english_one():
    acronyms = Acronyms(["It weakens the mediation of the head of the European Council Charles Michel.",
                         "France has called for the UN Security Council to be convened."])
    assert (acronyms.annotate("Кто возглавляет Европейский совет?")
            == "Кто возглавляет Европейский совет (European Council)?")
    assert (acronyms.annotate("Qui est le président du Conseil européen ?")
            == "Qui est le président du Conseil européen (European Council) ?")
    # In any case ending, in chat's short form, once only, and only for bodies the documents name.
    assert (acronyms.annotate("созвать совбез оон") == "созвать совбез (Security Council) оон (UN)")
    assert (acronyms.annotate("Кто председатель Европейского совета (European Council)?")
            == "Кто председатель Европейского совета (European Council)?")
    assert acronyms.annotate("Что такое Евросоюз?") == "Что такое Евросоюз?"
    # French typed without its accents; a word that only begins like the name is none.
    assert (acronyms.annotate("que dit le conseil de securite ?")
            == "que dit le conseil de securite (Security Council) ?")
    assert acronyms.annotate("европейский советник") == "европейский советник"


def test_the_english_acronyms_a_question_names_in_another_language():
    acronyms = Acronyms(TEXTS)
    assert acronyms.named_in("En quelle année l'OTAN a-t-elle été fondée ?") == ("NATO",)
    assert acronyms.named_in("ОДКБ, НАТО и снова ОДКБ") == ("CSTO", "NATO")
    assert acronyms.named_in("Что такое ЕС?") == ()  # the documents never say "EU"


def test_only_acronyms_the_documents_use_whole_and_as_typed():
    acronyms = Acronyms(TEXTS)
    assert acronyms.annotate("Что такое ЕС?") == "Что такое ЕС?"  # the documents never say "EU"
    assert acronyms.annotate("ОДКБ (CSTO)?") == "ОДКБ (CSTO)?"  # already there
    assert acronyms.annotate("ОДКБшный") == "ОДКБшный"  # part of a word
    # Typed in lower case, as chat does, when that is no word of the language ("воз" is a cart).
    assert acronyms.annotate("вызвать оон, вступить в нато") == "вызвать оон (UN), вступить в нато (NATO)"
    assert Acronyms(["The WHO said so."]).annotate("что сказал воз?") == "что сказал воз?"
    assert Acronyms(["no acronyms here"]).annotate("Что такое ОДКБ?") == "Что такое ОДКБ?"
