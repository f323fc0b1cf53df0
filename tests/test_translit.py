"""Russian typed in Latin letters, spelled back in Cyrillic (no model)."""

from __future__ import annotations

import pytest

from retrieval.translit import reads_as_russian, to_cyrillic


@pytest.mark.parametrize("message", [
    "skolko russkih soldat v Armenii?",
    "chto skazal Tokaev na forume v Peterburge?",
    "Kto takoy Emmanuel Dupuy?",
    "V kakom godu byla osnovana ODKB?",
])
def test_russian_in_latin_letters_reads_as_russian(message):
    assert reads_as_russian(message)


@pytest.mark.parametrize("message", [
    "What is the CSTO?", "Who is Tokaev?", "Is Russia in Armenia?", "How many troops in Kazakhstan?",
    "Pourquoi la Russie ne aide pas?", "Por qué Rusia no ayuda a Armenia?", "Qui est Dupuy ?",
    "Warum hilft Russland Armenien nicht?", "Сколько военных в Армении?", "", "2002",
    # One short word that is Russian too, beside names, is not Russian (English, Turkish, Czech).
    "is Tokayev pro Kremlin?", "10k troops in Turkey?", "Russia v Turkey?", "Aliyev ne dedi?",
    "Erdogan ve Aliyev ne zaman gorustu?", "Kolik ruskych vojaku je v Armenii?",
])
def test_english_other_languages_and_cyrillic_do_not(message):
    assert not reads_as_russian(message)


def test_words_are_spelled_back_in_cyrillic_by_the_chat_conventions():
    assert (to_cyrillic("chto skazal Tokaev na forume v Peterburge?")
            == "что сказал Токаев на форуме в Петербурге?")
    assert to_cyrillic("Skolko rossiyskih voennyh?") == "Сколько российских военных?"
    assert to_cyrillic("Kak Rossiia otreagirovala na pros’bu?") == "Как Россия отреагировала на просьбу?"
    assert to_cyrillic("esli eto sovetskiy Sergei") == "если это советский Сергей"
    assert to_cyrillic("Kak Rossiia otreagirovala na pros'bu?") == "Как Россия отреагировала на просьбу?"
    assert to_cyrillic("eto zhe Kazakhstan") == "это же Казахстан"


def test_acronyms_and_kept_words_stay_as_typed():
    assert to_cyrillic("kogda byla osnovana ODKB?") == "когда была основана ODKB?"
    assert to_cyrillic("chto skazal Putin?", lambda w: w == "Putin") == "что сказал Putin?"
