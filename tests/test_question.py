"""Question analysis: language, casual spelling, parts and the kind of fact asked for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from retrieval.lexicon import word_list
from retrieval.places import is_country
from retrieval.question import (
    Speller,
    _placed_elsewhere,
    answer_type,
    asked_category,
    asks_for_advice,
    asks_headline,
    asks_to_date,
    asks_what_comes,
    asks_whether,
    asks_whether_so,
    asks_why_not,
    denies,
    foresees,
    is_small_talk,
    language_of,
    normalise,
    responds_to,
    role_span,
    split_parts,
    states_duty,
    tells_to_date,
    tidy,
    turn_asks_what_comes,
    years_elsewhere,
    years_given,
    years_of,
)


@pytest.mark.parametrize(("question", "language"), [
    ("How many Russian troops are in Armenia?", "en"),
    ("csto obligations armnia?", "en"),
    ("Сколько российских военных в Армении?", "other"),
    ("Quel est le seul pays qui a utilisé le principe de sécurité collective ?", "other"),
    ("Was ist die Rolle der Türkei in der Region?", "other"),
    ("what is ОДКБ article 4?", "other"),
    ("How many troops does Russia keep in its bases near Ереван?", "en"),
    # French by its forms: inversion, elision (capitalised too), accented lower-case words.
    ("Quand l'armée azerbaïdjanaise a-t-elle bombardé l'Arménie ?", "other"),
    ("Qu'a réclamé le Premier ministre arménien Nikol Pachinian ?", "other"),
    ("L'armée a-t-elle bombardé l'Arménie ?", "other"),
    ("What did the Élysée say about l'Arménie?", "en"),
    # One such sign alone is a name or a loanword as often as French.
    ("Le Drian", "en"),
    ("UN response", "en"),
    ("Valéry Giscard d'Estaing", "en"),
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
    # "2" and "4" are "to" and "for" between words, but a number after a noun it numbers.
    assert normalise("georgia wants 2 join nato", None) == "georgia wants to join nato"
    assert normalise("so did russa apply article 4 or nah", None) == "so did russa apply article 4 or nah"
    assert normalise("Article 4 of the treaty?", None) == "Article 4 of the treaty?"
    assert normalise("4 members?", None) == "4 members?"


def test_two_questions_in_one_message_are_split_in_order():
    assert split_parts("How many Russian troops are in Armenia, and what happened to the troops "
                       "in Nagorno-Karabakh?") == [
        "How many Russian troops are in Armenia", "what happened to the troops in Nagorno-Karabakh?"]
    assert split_parts("Who is Emmanuel Dupuy? What does he think of Turkey?") == [
        "Who is Emmanuel Dupuy?", "What does he think of Turkey?"]
    # "and" between nouns is not a second question.
    assert split_parts("Are Russia and Turkey getting closer?") == ["Are Russia and Turkey getting closer?"]
    # A question word after a preposition opens a part too.
    assert split_parts("When did the shelling happen and in which area?") == [
        "When did the shelling happen", "in which area?"]
    assert split_parts("Did they talk in Moscow and in which year?") == [
        "Did they talk in Moscow", "in which year?"]
    assert split_parts("Is it fought in Armenia and in Azerbaijan?") == [
        "Is it fought in Armenia and in Azerbaijan?"]
    assert split_parts("Who proposed the mediation, and to which country has Putin handed control?") == [
        "Who proposed the mediation", "to which country has Putin handed control?"]
    # A relative clause is no part.
    assert split_parts("Name the enclave fought over and in which Russian peacekeepers are deployed.") == [
        "Name the enclave fought over and in which Russian peacekeepers are deployed."]


def test_a_part_of_function_words_that_asks_of_the_part_before_is_a_part():
    assert split_parts("Which country alone has used the principle, and why did it do so?") == [
        "Which country alone has used the principle", "why did it do so?"]
    assert split_parts("Who is Dupuy? How did he say it?") == ["Who is Dupuy?", "How did he say it?"]
    assert split_parts("Did Russia help Armenia? Why not?") == ["Did Russia help Armenia?", "Why not?"]
    # Not a first part, nor one that asks of the one who writes or reads.
    assert split_parts("How are you? What is the CSTO?") == ["How are you? What is the CSTO?"]
    assert split_parts("how r u? what is the csto") == ["how r u? what is the csto"]


def test_russian_and_french_questions_are_split_into_their_parts_too():
    assert split_parts("Сколько российских военных в Армении и сколько было переброшено в "
                       "Украину?") == ["Сколько российских военных в Армении",
                                       "сколько было переброшено в Украину?"]
    assert split_parts("Combien de soldats russes sont en Arménie et combien ont été "
                       "transférés en Ukraine ?") == ["Combien de soldats russes sont en Arménie",
                                                      "combien ont été transférés en Ukraine ?"]
    for one in ("Кто и когда позвонил Путину?", "Qui a appelé Poutine, et pourquoi ?",
                "Почему он говорит, что Россия слаба и что Турция сильна?"):
        assert split_parts(one) == [one]


def test_the_kind_of_fact_a_question_asks_for():
    how_many = answer_type("How many people died?")
    assert how_many.number
    assert not how_many.person
    assert how_many.satisfied_by("About fifty people died.")
    assert not how_many.satisfied_by("People died.")
    who = answer_type("Who commanded the army?")
    assert who.person
    assert not who.satisfied_by("the army shelled the border.")
    assert who.satisfied_by("the army of Ilham Aliyev shelled the border.")
    when = answer_type("When did it happen?")
    assert when.time
    assert when.satisfied_by("It happened in 2020.")
    plain = answer_type("What does the treaty say?")
    assert plain.satisfied_by("anything")


def test_how_many_needs_a_count_of_what_it_counts():
    troops = "More than 3,000 Russian military personnel are stationed at two military bases in Armenia."
    assert answer_type("How many tanks does Armenia have?").counted == "tanks"
    assert not answer_type("How many tanks does Armenia have?").satisfied_by(troops)
    assert answer_type("How many Russian military bases are there in Armenia?").satisfied_by(troops)
    # Any word for people counts people.
    assert answer_type("How many Russian soldiers are based in Armenia?").satisfied_by(troops)
    assert answer_type("how many ppl got hurt").satisfied_by("Fifty people were hurt.")
    moved = "A part of the troops (1,900 people, 90 transport vehicles and 88 special forces units) left."
    assert answer_type("How many transport vehicles were moved?").satisfied_by(moved)
    assert not answer_type("How many tanks were moved?").satisfied_by(moved)
    assert answer_type("How many troops did Russia send?").satisfied_by("Russia sent 2000 troops.")
    assert answer_type("How many votes did he win?").satisfied_by("He won 52 % of them.")
    assert not answer_type("How many tanks does Armenia have?").satisfied_by(
        "Armenia's inflation rose 5% while 300 soldiers left.")  # a share of something else
    # Service members are people; a body's members are not ("the two countries are members…").
    service = answer_type("How many Russian service members are garrisoned on Armenian soil?")
    assert service.counted == "personnel"
    assert service.satisfied_by(troops)
    assert not service.satisfied_by("The two countries are members of the CSTO, founded in 2002.")
    assert answer_type("How many members does the CSTO have?").counted == "members"
    # Nothing named, nothing to count against.
    assert answer_type("How many were moved?").counted == ""
    assert answer_type("How many of the injured were soldiers?").counted == ""


def test_a_year_or_an_article_number_counts_nothing():
    how_many = answer_type("How many member states does NATO have?")
    assert not how_many.satisfied_by("Article 4 of this treaty is an exact copy of Article 5 of NATO.")
    assert not how_many.satisfied_by("The CSTO was founded in 2002, like the 1997 Convention.")
    assert how_many.satisfied_by("NATO has 32 member states since 2024.")
    # A year still says when, and an amount that is not a count may be any number.
    assert answer_type("When was it founded?").satisfied_by("It was founded in 2002.")
    assert answer_type("How much did it cost?").satisfied_by("It cost 2002 euros.")


def test_a_word_the_corpus_has_in_another_form_is_not_a_typo_and_corrections_keep_capitals():
    speller = Speller(["Georgia shares a border with Armenia."])
    assert speller.correct("share") == "share"
    assert speller.correct("Armnia") == "Armenia"
    assert speller.knows("border")
    assert not speller.knows("popul")


def test_the_fact_asked_for_must_be_new_to_the_question():
    in_may = answer_type("On what exact date in May did Tokayev speak?")
    assert in_may.time
    assert not in_may.satisfied_by("Tokayev spoke at the forum in May.")
    assert in_may.satisfied_by("Tokayev spoke on 17 May.")
    how_many = answer_type("How many troops were sent?")
    assert not how_many.satisfied_by("Russia sent most of the troops.")  # "most" is not a count


@pytest.mark.parametrize(("question", "sentence", "answers"), [
    # A weekday or a night says when, not on what date nor at what hour.
    ("On what calendar date did the army shell Armenia?", "On the night of Monday to Tuesday, it shelled.",
     False),
    ("At what time on Monday night did the shelling start?", "It started on the night of Monday to Tuesday.",
     False),
    ("When did the shelling start?", "It started on the night of Monday to Tuesday.", True),
    ("What time did the shelling start?", "It started on the night of Monday to Tuesday.", True),
    ("What time did the shelling start?", "It started at 3:40 a.m. on Tuesday.", True),
    ("Which date was the treaty signed on?", "It was signed on 15 May 1992.", True),
    ("In which year was the CSTO founded?", "The Collective Security Treaty Organization, founded in 2002.",
     True),
    ("In what year was the CSTO founded?", "The CSTO was founded in May.", False),
    ("À quelle date l'armée a-t-elle bombardé l'Arménie ?", "On the night of Monday to Tuesday, it shelled.",
     False),
    ("Какого числа был обстрел?", "On the night of Monday to Tuesday, it shelled Armenia.", False),
    ("В каком году была создана ОДКБ?", "The CSTO, founded in 2002.", True),
    ("What time of year is it?", "It is summer.", True),
    ("In what year was the CSTO founded?", "The CSTO was founded in the 1990s.", True),
    ("In what year was the CSTO founded?", "Russia sent 1500 troops to the CSTO.", False),
    ("On what date did he speak?", "He spoke on the 17th.", True),
    # Not a "when" at all, or not one asked to a precision:
    ("Во сколько оценивается ущерб?", "The damage is estimated at 2 billion dollars.", True),
    ("What time span did the fighting cover?", "The fighting lasted from 2020 to 2022.", True),
    ("What hour-long talks did Putin hold?", "Putin held talks with Pashinyan.", True),
    ("Is the CSTO, which last year sent troops to Kazakhstan, reliable?", "It is weak, Tokayev said.", True),
    ("Which year's treaty obliges Russia to help?", "The Collective Security Treaty obliges Russia.", True),
])
def test_a_when_asked_to_a_precision_needs_a_fact_that_precise(question, sentence, answers):
    assert answer_type(question).satisfied_by(sentence) is answers


def test_an_acronym_a_number_or_a_time_is_about_is_named_as_such_or_spelt_out():
    founded = "They are members of the Collective Security Treaty Organization (CSTO), founded in 2002."
    assert not answer_type("In what year was NATO founded?").satisfied_by(founded)
    assert not answer_type("How many members does NATO have?").satisfied_by("The CSTO has six members.")
    assert answer_type("How many members does NATO have?").satisfied_by("NATO has 32 members.")
    assert answer_type("In what year was the CSTO founded?").satisfied_by(founded)
    # Spelt out, with the small words of a body's name and a hyphen starting a word.
    assert answer_type("When was the CSTO founded?").satisfied_by(
        "The Collective Security Treaty Organization was founded in 2002.")
    assert answer_type("When was the OSCE set up?").satisfied_by(
        "The Organization for Security and Co-operation in Europe was set up in 1975.")
    assert not answer_type("When was the OSCE set up?").satisfied_by(
        "The Collective Security Treaty Organization was founded in 2002.")
    # Only a number's or a time's: a yes-or-no question does not need the acronym.
    assert not any("nato" in names for names in answer_type("Is Armenia in NATO?").yes_no)


def test_a_number_or_a_time_must_be_about_what_the_question_names():
    sent = answer_type("How many Russian troops were sent to Kazakhstan in January?")
    assert sent.about == ({"russian"}, {"kazakhstan"}, {"january"})
    assert not sent.satisfied_by("A part of the Russian troops in Karabakh (1,900 people) went to Ukraine.")
    assert sent.satisfied_by("In January Russia sent 2,000 troops to Kazakhstan.")  # "Russian" is "Russia"
    # The sentence before and the speaker count too.
    hurt = answer_type("How many people were hurt in the fighting between Armenia and Azerbaijan?")
    assert not hurt.satisfied_by("About fifty people were injured on both sides.")
    assert hurt.satisfied_by("About fifty people were injured on both sides.",
                             setting="Armenian and Azerbaijani officials")
    # The title names what the whole document is about: it stands in for two names the sentence
    # lacks, not for one, which places the count.
    title = "A new skirmish between Azerbaijan and Armenia"
    assert hurt.satisfied_by("About fifty people were injured on both sides.", title=title)
    bases = "More than 3,000 Russian military personnel are stationed at two military bases in Armenia."
    assert not answer_type("How many Russian military bases are there in Azerbaijan?").satisfied_by(
        bases, title=title)
    assert answer_type("How many Russian military bases are there in Armenia?").satisfied_by(
        bases, title=title)
    # The sentence before counts for a sentence that refers back to it, and only then.
    assert hurt.satisfied_by("In these clashes about fifty people were injured.",
                             in_context="Armenia and Azerbaijan fought. In these clashes about fifty people "
                                        "were injured.")
    assert not hurt.satisfied_by("About fifty people were injured on both sides.",
                                 in_context="Armenia and Azerbaijan fought. About fifty people were injured.")
    stance = answer_type("How did Moscow react to Tokayev's remarks at the forum?")
    forum = "But at the forum in May, the President of Kazakhstan Tokayev spoke not at all in an allied way."
    assert not stance.satisfied_by(forum, in_context="Especially Russia sent most of the troops. " + forum)
    assert stance.satisfied_by("It called them a betrayal.",
                               in_context="Moscow heard Tokayev. It called them a betrayal.")
    # Titles, function words and parts of compounds name nothing; one word of a run will do;
    # accents do not matter; only numbers and times are checked.
    assert answer_type("When was the Moscow-led post-Soviet bloc set up?").about == ()
    assert answer_type("How many CSTO members did President Tokayev ask?").about == ({"csto"}, {"tokayev"})
    assert answer_type('"How many troops did Russia send?"').about == ({"russia"},)
    assert answer_type("Q: How many troops left Nagorno Karabakh?").satisfied_by(
        "Part of the troops in Karabakh (1,900 people) left.")
    assert answer_type("How many votes did Erdoğan win?").satisfied_by("Erdogan won 52 % of them.")
    assert answer_type("Who did Macron call?").satisfied_by("He called President Vladimir Putin.")


def test_a_count_of_people_must_count_the_outcome_asked():
    injured = "As a result of the fighting, about fifty people, mostly military, were injured."
    for question in ("How many people were killed in the fighting?", "How many soldiers died?",
                     "What was the death toll?", "Сколько человек погибло?", "Combien de morts ?"):
        assert answer_type(question).outcomes == {"killed"}, question
        assert not answer_type(question).satisfied_by(injured), question
    for question in ("How many people got hurt?", "how many were wounded", "Сколько раненых?",
                     "Combien de blessés ?"):
        assert answer_type(question).satisfied_by(injured), question
    # A count that names no outcome counts none; words covering several ("casualties",
    # "пострадало") ask for none, and a question that does not count is only refused a sentence
    # naming another outcome.
    troops = "A part of the Russian troops in Karabakh (1,900 people) was transferred to Ukraine."
    assert not answer_type("How many people were killed in Karabakh?").satisfied_by(troops)
    assert answer_type("How many casualties were there?").outcomes == frozenset()
    assert answer_type("Сколько человек пострадало?").satisfied_by(injured)
    # Civilians counted in Russian or French are a side, as in English: "mostly military" counts none.
    for question in ("Combien de civils ont été blessés ?", "Сколько мирных жителей пострадало?",
                     "How many civilians were injured?"):
        assert not answer_type(question).satisfied_by(injured), question
    for question in ("Сколько военных пострадало?", "Combien de militaires ont été blessés ?"):
        assert answer_type(question).satisfied_by(injured), question
    assert answer_type("Were civilians killed?").satisfied_by("Civilians live in the town.")
    assert not answer_type("Were civilians killed?").satisfied_by("Ten civilians were wounded.")
    assert answer_type("How many were killed or injured?").satisfied_by(injured)


def test_a_person_asked_by_role_and_place_needs_that_role_beside_that_place():
    putin = ("The Prime Minister of Armenia and the President of Iran called President Vladimir Putin "
             "after the shelling by Azerbaijan.")
    current = answer_type("Who is the current President of Azerbaijan?")
    assert current.role == ("president", "azerbaijan")
    assert not current.satisfied_by(putin)
    assert current.satisfied_by("Azerbaijani President Ilham Aliyev ordered the strike.")
    assert answer_type("Who is Azerbaijan's president?").satisfied_by(
        "The President of Azerbaijan, Ilham Aliyev, spoke.")
    # Who holds the role is named beside it, or the sentence does not say who: "the President of
    # Iran called President Vladimir Putin" names Russia's president, not Iran's.
    assert not answer_type("Who is the president of Iran?").satisfied_by(putin)
    assert not answer_type("Who is the prime minister of Armenia?").satisfied_by(putin)
    assert answer_type("Who is the prime minister of Armenia?").satisfied_by(
        "Nikol Pashinyan, the Armenian Prime Minister, spoke.")
    # What the role's holder said asks for no name beside it ("He stated…" after "…the
    # President of Kazakhstan Tokayev spoke"): only words of the role beside the place.
    spoke = answer_type("What did the Iranian president say?")
    assert spoke.role == ("president", "iranian")
    assert not spoke.person
    assert spoke.satisfied_by("The Iranian President called Putin and said so.")
    assert answer_type("Who is the head of the European Council?").satisfied_by(
        "It weakens the mediation proposed by the head of the European Council Charles Michel.")
    # What an office holder said: a sentence about the country is not theirs; a generic role is
    # filled by any title, and the sentence before counts.
    assert not answer_type("What did the Azerbaijani president say about the shelling?").satisfied_by(
        "Its territory is claimed by both states, along the border between Azerbaijan and Armenia.")
    assert answer_type("What did the Kazakh leader say at the forum?").satisfied_by(
        "He stated that he would not help.",
        "At the forum, the President of Kazakhstan Tokayev spoke. He stated that he would not help.")
    assert answer_type("What did the Azerbaijani president say?").satisfied_by(
        "Ilham Aliyev, the Azerbaijani leader, said so.")
    # Words reported in the sentence before are not this sentence's: it must report them itself.
    cold = "At the same time, Turkey has cold ties to Iran, which acts according to the West, to copy them."
    assert not answer_type("What did Turkey say about the shelling?").satisfied_by(
        cold, f"Turkey, criticizing Israel for its treatment of Arab Muslims, sides with it. {cold}")
    # Right beside the place, and no other office: not a foreign minister for a prime minister,
    # nor a president whom a comma parts from the place.
    armenia = answer_type("Who is the Prime Minister of Armenia?")
    assert armenia.satisfied_by("Armenian Prime Minister Nikol Pashinyan called for it.")
    assert not armenia.satisfied_by("Armenian Foreign Minister Ararat Mirzoyan said so.")
    assert not current.satisfied_by("In Azerbaijan, the president of Russia, Vladimir Putin, spoke.")
    assert not answer_type("Who is the President of Austria?").satisfied_by(
        "Australia's president spoke.")
    # "What is the name of …" asks for the person by role and place as "Who is …" does.
    named = answer_type("What is the name of the Azerbaijani president who ordered the shelling?")
    assert named.role == ("president", "azerbaijani")
    assert not named.satisfied_by(putin)
    assert named.satisfied_by("Azerbaijani President Ilham Aliyev ordered the strike.")
    assert answer_type("What is the name of the President of Azerbaijan?").role == ("president", "azerbaijan")
    minister = answer_type("What is the name of Armenia's defence minister?")
    assert minister.role == ("defence minister", "armenia")
    # The name of a thing asks for the thing.
    assert asked_category("What is the name of the pipeline?") == ["pipelin"]
    # A body's name of several words is a place too, matched whole or by its acronym.
    council = answer_type("What is the name of the head of the European Council?")
    assert council.role == ("head", "european council")
    assert council.satisfied_by("…the new form of mediation proposed by the head of the European Council "
                                "Charles Michel.")
    assert not council.satisfied_by("The European Council met; its head of protocol resigned.")
    general = answer_type("Who is the secretary general of the United Nations?")
    assert general.satisfied_by("UN Secretary General Antonio Guterres spoke.")
    assert not general.satisfied_by("The United Nations met in New York.")
    # No title, no one-word place, no role.
    assert answer_type("Who is the leader of the hawks?").role == ()
    assert answer_type("What did the French expert say?").role == ()
    assert answer_type("Who is the President of the United States?").role == ()


def test_a_place_asked_for_needs_a_sentence_that_names_one():
    injured = "As a result of the fighting, about fifty people, mostly military, were injured on both sides."
    border = "This offensive is taking place along the common border between Azerbaijan and Armenia."
    for question in ("Where did the fighting take place?", "where did the fighting happen exactly",
                     "In which region did the fighting take place?", "Где шли бои?",
                     "Où ont eu lieu les combats ?", "В каком районе шли бои?",
                     "Dans quelle région les combats ont-ils eu lieu ?"):
        asked = answer_type(question)
        assert asked.where, question
        assert not asked.satisfied_by(injured), question
        assert asked.satisfied_by(border), question
    assert answer_type("Where does Dupuy teach?").satisfied_by("He is a professor at the Catholic University")
    # "where" that joins two clauses asks no place, nor does "Where does X stand?"; a month is none.
    assert not answer_type("What happened in the region where the fighting took place?").where
    assert not answer_type("Where does Russia stand on the conflict?").where
    # Which countries a bloc is made of, or which part of a text, is no place asked for.
    for question in ("Из каких стран состоит ОДКБ?", "De quels pays se compose l'OTSC ?",
                     "В какой части интервью говорится о Турции?"):
        assert not answer_type(question).where, question
    assert not answer_type("Where did the fighting take place?").satisfied_by("It began on Monday.")


def test_the_span_of_a_role_takes_in_the_name_beside_it():
    sentence = "Armenian Prime Minister Nikol Pashinyan immediately called for the implementation."
    start, end = role_span(("prime minister", "armenia"), sentence, named=True) or (0, 0)
    assert sentence[start:end] == "Armenian Prime Minister Nikol Pashinyan"
    aliyev = "The President of Azerbaijan, Ilham Aliyev, spoke."
    start, end = role_span(("president", "azerbaijan"), aliyev, named=True) or (0, 0)
    assert aliyev[start:end] == "President of Azerbaijan, Ilham Aliyev"
    assert role_span(("president", "iran"), "The President of Iran called President Vladimir Putin.",
                     named=True) is None
    # A body's head: the title's words before its name, and the name after it.
    council = "It weakens the mediation proposed by the head of the European Council Charles Michel."
    start, end = role_span(("head", "european council"), council, named=True) or (0, 0)
    assert council[start:end] == "the head of the European Council Charles Michel"


def test_an_amount_asked_as_the_value_size_or_population_of_a_thing_needs_a_number():
    sale = "Russia, for its part, continues to sell military equipment to Azerbaijan."
    for question in ("What is the dollar value of the military equipment Russia has sold to Azerbaijan?",
                     "What is the total population of Azerbaijan?",
                     "What was the size of the Russian contingent in Karabakh?",
                     "What's the number of Russian bases in Armenia?",
                     "What is the estimated amount of the arms deals?",
                     "Quel est le nombre de soldats russes en Arménie ?", "Каково население Армении?"):
        assert answer_type(question).number, question
        assert not answer_type(question).satisfied_by(sale), question
    # A dollar value is an amount of money, which a count of soldiers is not.
    for question in ("What is the monetary value of the arms?", "What is the market value of the bases?",
                     "What is the value in dollars of the equipment Russia sells?",
                     "What is the budget of the CSTO?", "Каков бюджет ОДКБ?"):
        assert answer_type(question).units == frozenset({"money"}), question
    assert answer_type("What was the size of the Russian contingent?").satisfied_by(
        "More than 3,000 Russian military personnel are stationed at two bases.")
    # A value, a cost or a price said of a thing that is no amount asks for no number.
    for question in ("What is the value of the CSTO for Armenia?", "What is the cost of inaction for Russia?",
                     "What is the price of peace?", "What is the size of the problem for Russia?",
                     "What is the amount of trust between Russia and Armenia?"):
        assert not answer_type(question).number, question


def test_how_big_or_how_deep_something_is_needs_a_number_unless_it_is_a_figure_of_speech():
    sale = "Turkey wants to serve as a gas hub between the Caspian and Black Seas."
    for question in ("How big is the Russian garrison in Armenia?", "how deep is the caspian sea",
                     "How large a contingent did Moscow pull out of Karabakh?", "How high is Mount Ararat?"):
        assert answer_type(question).number, question
        assert not answer_type(question).satisfied_by(sale), question
    assert answer_type("How big is the Russian garrison in Armenia?").satisfied_by(
        "More than 3,000 Russian military personnel are stationed on the territory of Armenia.")
    for question in ("how big a deal is this for Moscow", "How high are the stakes for Russia?",
                     "How big is Turkey's role in the region?", "How large is the risk of a new war?",
                     "How deep is the crisis?", "How heavy is the fighting?", "How high-ranking is Dupuy?"):
        assert not answer_type(question).number, question
    assert answer_type("How big is the difference in troop numbers?").number


def test_an_idioms_one_counts_nothing():
    members = answer_type("How many members does NATO have?")
    assert not members.satisfied_by("It is unlikely that it will lose interest and turn its back on Armenia "
                                    "and Georgia, especially if the Georgians one day become members of the "
                                    "NATO alliance.")
    assert not members.satisfied_by("On the one hand, members must help; no one has asked them to.")
    # A count of one still counts.
    assert members.satisfied_by("Only one NATO member has used the principle of collective security so far.")
    assert members.satisfied_by("NATO has thirty-two members.")
    days = answer_type("How many days did the ceasefire last?")
    assert days.satisfied_by("The ceasefire lasted only one day.")


def test_a_request_handled_or_dealt_with_asks_the_response():
    for question in ("How did the Kremlin handle Armenia's plea to trigger the alliance clause?",
                     "How did Moscow deal with Yerevan's request for help?",
                     "How was Pashinyan's appeal received in Moscow?"):
        assert answer_type(question).response, question
    assert not answer_type("How did Russia handle the crisis?").response
    # Questions about the request itself.
    for question in ("When was the request received?", "Did the CSTO receive a request from Armenia?",
                     "Who received the appeal?"):
        assert not answer_type(question).response, question


def test_a_why_of_something_not_done_and_a_sentence_that_denies():
    for question in ("Why didn't Moscow step in militarily?", "why did not Russia help Armenia?",
                     "How come Russia never intervened?", "Почему Россия не стала применять статью 4?",
                     "Pourquoi la Russie n'est-elle pas intervenue ?",
                     "Pourquoi la Turquie ne va-t-elle pas tourner le dos à l'Arménie ?"):
        assert asks_why_not(question), question
    for question in ("Why did Russia intervene?", "Why did Kazakhstan ask for help?",
                     "Why did the President of Azerbaijan order the attack?",
                     "Why is this agreement important?",
                     "Почему Россия вмешалась?", "Pourquoi la Russie a-t-elle agi ?",
                     "Did Russia not help Armenia?"):
        assert not asks_why_not(question), question
    assert denies("But Russia did not consider it necessary to apply this article.")
    assert denies("But it is unlikely that Moscow will get involved in the fight.")
    assert denies("Armenia hasn't sent a single soldier.")
    assert not denies("On the one hand, there is an agreement according to which Russia should intervene.")


def test_a_question_whether_something_was_done_and_a_sentence_that_states_a_duty():
    for question, language in (("Did the Kremlin apply Article 4?", "en"),
                               ("Is Putin going to intervene?", "en"),
                               ("La Russie a-t-elle appliqué l'article 4 ?", "other"),
                               ("Россия вмешается ли в конфликт?", "other")):
        assert asks_whether_so(question, language), question
    for question, language in (("Does the treaty oblige Russia to help Armenia?", "en"),
                               ("Is Russia supposed to defend Armenia?", "en"),
                               ("Why did Russia not intervene?", "en"),
                               ("La Russie est-elle obligée d'aider l'Arménie ?", "other"),
                               ("Должна ли Россия помочь Армении?", "other")):
        assert not asks_whether_so(question, language), question
    assert states_duty("On the one hand, there is an agreement according to which Russia should intervene.")
    assert states_duty("All other members must provide it with the necessary assistance.")
    assert not states_duty("But Russia did not consider it necessary to apply this article.")
    for question in ("Does the CSTO treaty provide for collective defence?",
                     "Are CSTO members bound by Article 4?"):
        assert not asks_whether_so(question, "en"), question
    assert not states_duty("Azerbaijani forces committed atrocities.")
    assert not states_duty("The operation required 2,000 troops.")


def test_a_yes_or_no_question_keeps_its_kind_behind_whose_view_it_asks_for():
    for question, language in (("According to the expert, will Russia intervene?", "en"),
                               ("In Dupuy's view, did Russia apply Article 4?", "en"),
                               ("Selon l'expert, est-ce que la Russie va intervenir ici ?", "other"),
                               ("По мнению эксперта, вмешается ли Россия?", "other")):
        assert asks_whether_so(question, language), question
    assert not asks_whether("Selon Dupuy, pourquoi la Russie ne bouge-t-elle pas ?")
    assert not asks_whether("Pour quelle raison, la Russie n'a-t-elle pas réagi ?")
    assert not answer_type("According to Dupuy, why is Russia passive?").yes_no


def test_a_yes_or_no_question_of_what_is_to_come_and_a_sentence_that_foresees():
    for question, language in (("Will the CSTO survive?", "en"), ("Is Turkey going to lose interest?", "en"),
                               ("is russia gonna jump in or nah", "en"),
                               ("La Turquie va-t-elle tourner le dos à l'Arménie ?", "other"),
                               ("Будет ли Россия вмешиваться?", "other")):
        assert asks_what_comes(question, language), question
    for question, language in (("Did Russia intervene?", "en"), ("What will happen next?", "en"),
                               ("Has Yerevan backed Moscow's war next door?", "en"),
                               ("Did Armenia ask the CSTO for help the next day?", "en"),
                               ("Does Russia have the political will to intervene?", "en"),
                               ("According to which treaty, will Russia intervene?", "en"),
                               ("Est-ce que cela va contre le traité de l'OTSC ?", "other"),
                               ("La Russie a-t-elle aidé l'Arménie ?", "other")):
        assert not asks_what_comes(question, language), question
    for question in ("La Russie va-t-elle s'engager ?", "La Russie interviendra-t-elle ?",
                     "Станет ли Россия помогать Армении?", "Does Dupuy expect Moscow to intervene?"):
        assert asks_what_comes(question, "en" if question.startswith("Does") else "other"), question
    assert foresees("But it is unlikely that Moscow will get involved in the fight.")
    assert foresees("But if Russia does not react, its international credibility may suffer?")
    assert not foresees("On the one hand, there is an agreement according to which Russia should intervene.")
    assert not foresees("But at the St. Petersburg Economic Forum in May, Tokayev spoke.")
    # An interviewer's question of what is to come, not of why.
    assert turn_asks_what_comes("But if Russia does not react, its international credibility may suffer?")
    assert not turn_asks_what_comes("Has Russia really ignored this clash? Perhaps because of the operation?")


def test_a_question_of_what_has_happened_up_to_now_and_a_sentence_that_tells_it():
    for question in ("Has any member ever used the collective security principle?",
                     "Which country has triggered Article 4 so far?", "Has Russia responded yet?"):
        assert asks_to_date(question), question
    for question in ("Did Russia apply Article 4?", "How many members does the CSTO have?",
                     "Whatever happened to the Minsk process?", "Does every member have to help?"):
        assert not asks_to_date(question), question
    assert tells_to_date("Only Kazakhstan has used this principle so far.")
    assert tells_to_date("Russia has never applied it.")
    assert not tells_to_date("On the other hand, the two countries are members of the CSTO, founded in 2002.")


def test_a_question_about_the_headline_and_one_about_a_title_someone_holds():
    for question in ("What does the title suggest is being tested?", "What is the title of the article?",
                     "According to the headline, who is testing Russia?", "Что сказано в заголовке?",
                     "Que dit le titre ?", "What is the interview's title?"):
        assert asks_headline(question), question
    for question in ("What is the title of the Kazakh leader?", "What title does Dupuy hold?",
                     "What is the title Dupuy holds?", "Что сказано в подзаголовке?",
                     "Que dit le sous-titre ?", "What does the lede say?"):
        assert not asks_headline(question), question
    # A word for a part of the document is no typo of one the documents use: "intro" is no "into".
    assert Speller(["He went into the room."], word_list()).correct("intro") == "intro"


def test_a_relative_which_asks_for_nothing_named_and_the_name_of_a_thing_does():
    question = "Is there a two-country agreement under which Russia ought to step in if Armenia is attacked?"
    assert not answer_type(question).named
    assert asked_category(question) == []
    assert not answer_type("What is the agreement according to which Russia should intervene?").named
    # A "which" that asks, after a preposition, in an embedded or a second question.
    for question in ("Can you tell me in which city the CSTO summit was held?",
                     "Do you know to which countries Russia sent troops?",
                     "How many soldiers died and in which villages?"):
        assert answer_type(question).named, question
    assert answer_type("Who signed the treaty and in which year?").time
    for question in ("In which city is the institute?", "To which region of Ukraine were the troops sent?",
                     "What is the official name of the agreement under which Russia should intervene?",
                     "What is the name of the treaty?", "What are the names of the bases?"):
        assert answer_type(question).named, question
    assert not answer_type("Did Russia act in the name of peace?").named


def test_a_response_to_a_named_requester_follows_their_request():
    kazakh = ("At the end of January, during large demonstrations in Kazakhstan, the President of the "
              "country requested assistance from the CSTO member countries (Russia, Armenia, Belarus, "
              "Kazakhstan, Kyrgyzstan and Tajikistan).")
    positively = "All of them responded positively to this request, especially Russia, which helped."
    armenian = ("Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of "
                "Article 4.")
    declined = "But Russia did not consider it necessary to apply this article."
    # (The chain reads "the Kremlin" as Russia before it asks.)
    for question in ("How did Russia respond when Armenia invoked the alliance's mutual-aid clause?",
                     "How did Russia handle Armenia's plea to trigger the clause?",
                     "How did Russia react to the request from Armenia?"):
        wanted = answer_type(question)
        assert {"armenia", "armenian", "yerevan"} <= wanted.requester, question
        assert not wanted.satisfied_by(positively, f"{kazakh} {positively}"), question
        assert wanted.satisfied_by(declined, f"{armenian} {declined}"), question
    # The one who responds is no requester.
    assert answer_type("What was Russia's reaction to calls for help?").requester == frozenset()
    assert answer_type("How did Armenia react when Russia turned down the request?").requester == frozenset()
    # Without a requester, any request's response answers.
    anyone = answer_type("How did Russia respond to the request for help?")
    assert anyone.requester == frozenset()
    assert anyone.satisfied_by(positively, f"{kazakh} {positively}")


def test_a_part_of_a_hyphenated_name_gives_the_name():
    moved = ("Secondly, a significant part of the Russian troops in Nagorno-Karabakh (1,900 people) was "
             "transferred to Ukraine.")
    karabakh = answer_type("Which region of Ukraine were the Russian troops from Karabakh sent to?")
    assert not karabakh.satisfied_by(moved)
    assert answer_type("Which region were the Russian troops sent to?").satisfied_by(moved)


def test_a_count_of_one_side_is_no_count_of_the_other():
    mostly = "As a result of the fighting, about fifty people, mostly military, were injured on both sides."
    assert not answer_type("How many civilians were injured in the fighting?").satisfied_by(mostly)
    assert not answer_type("How many soldiers were killed?").satisfied_by("Ten civilians were killed.")
    for question in ("How many people were injured?", "How many soldiers were injured?"):
        assert answer_type(question).satisfied_by(mostly), question
    assert answer_type("How many civilians were killed?").satisfied_by(
        "Twelve people were killed, among them three soldiers and nine civilians.")


def test_an_amount_asked_in_a_unit_needs_that_unit():
    troops = "More than 3,000 Russian military personnel are stationed at two bases."
    for question in ("How long is the border in kilometres?", "How many miles long is the border?",
                     "Combien coûte la base ?", "How much did the war cost?",
                     "What percentage of Armenians are Christian?", "Сколько процентов армян христиане?",
                     "À quel prix la Turquie vend-elle le gaz à l'Europe ?",
                     "At what price is the gas sold?",
                     # Spending, paying or earning asks money, as "how much money" does.
                     "How much does Russia spend on its bases abroad?",
                     "How much money is Moscow ready to pay?", "Сколько Армения платит России за газ?",
                     "Combien la Russie dépense-t-elle pour ses bases ?",
                     # A sum asked for.
                     "На какую сумму Россия продаёт технику Азербайджану?",
                     "Pour quel montant la Russie vend-elle des armes ?"):
        assert answer_type(question).units, question
        assert not answer_type(question).satisfied_by(troops), question
    assert answer_type("How long is the border in km?").satisfied_by("The border is 1,000 km long.")
    assert answer_type("How much did the base cost?").satisfied_by("It cost $50 million.")
    assert answer_type("What percentage are Shiites?").satisfied_by("Azerbaijan, a 75% Shiite country.")
    # Only an amount is held to a unit: "What price will Russia pay?" asks no sum of money, and
    # "стоит" is also "is stationed".
    assert answer_type("What price will Russia pay for staying out?").units == frozenset()
    assert answer_type("skolko soldat stoit v Armenii").units == frozenset()
    assert answer_type("How much effort is Russia ready to spend?").units == frozenset()
    assert answer_type("How many troops did Russia pay for?").units == frozenset()
    assert answer_type("Combien de pays sont membres de l'OTSC ?").units == frozenset()  # "pays": countries
    assert answer_type("Сколько солдат стоит в Армении?").satisfied_by(troops)


@pytest.mark.parametrize(("question", "kind"), [
    ("What is the population of Armenia?", "population"),
    ("How many people live in Nagorno-Karabakh today?", "population"),
    ("Какова численность населения Армении?", "population"),
    ("Combien d'habitants compte l'Arménie ?", "population"),
    ("What currency is used in Azerbaijan?", "currency"),
    ("What is the official language of Azerbaijan?", "language"),
    ("What language do most residents of Nagorno-Karabakh speak at home?", "language"),
    ("Which language is spoken in Armenia?", "language"),
    ("Quelle est la capitale de la Géorgie ?", "capital"),
    ("Where is the OSCE headquartered?", "seat"),
    ("What will the weather be like in Tbilisi?", "weather"),
    ("How big is Russia's military budget?", "budget"),
    ("What is Armenia's GDP per capita?", "economy"),
    ("What does Russia export to Azerbaijan?", "trade"),
])
def test_a_standing_fact_of_a_place_needs_a_sentence_that_speaks_of_it(question, kind):
    wanted = answer_type(question)
    assert wanted.attributes == frozenset({kind})
    # Naming the place is not giving its population, currency or weather.
    assert not wanted.satisfied_by("The whole world considers this land part of Azerbaijan, and Armenia and "
                                   "Georgia too; the OSCE and Russia, with 3,000 troops, and Tbilisi.")
    speaks = {"population": "Armenia has a population of about three million.",
              "currency": "Azerbaijan's currency is the manat.",
              "language": "The official language of Azerbaijan is Azerbaijani.",
              "capital": "Tbilisi is the capital of Georgia.",
              "seat": "The OSCE is headquartered in Vienna.",
              "weather": "The weather in Tbilisi will be sunny.",
              "budget": "Russia's military budget is about $80 billion.",
              "economy": "Armenia's GDP per capita is about $7,000.",
              "trade": "Russia continues to sell military equipment to Azerbaijan."}
    sentence = "About 120,000 people live in Nagorno-Karabakh." if "live" in question else speaks[kind]
    assert wanted.satisfied_by(sentence), sentence


def test_the_language_someone_uses_in_their_words_is_no_standing_fact():
    assert answer_type("What language does Dupuy use to describe the CSTO?").attributes == frozenset()


def test_settlements_asked_for_need_a_sentence_that_names_one():
    region = ("This offensive is not taking place in Nagorno-Karabakh, whose territory is claimed by both "
              "states, but along the common border between Azerbaijan and Armenia in the north.")
    for question in ("Which Armenian villages were hit by the shelling?", "In which city did Tokayev speak?",
                     "Какие армянские города подверглись обстрелу?", "Quelles villes ont été bombardées ?"):
        assert answer_type(question).settlement, question
        assert not answer_type(question).satisfied_by(region), question
    assert answer_type("In which city did Tokayev speak?").satisfied_by(
        "But at the St. Petersburg Economic Forum in May, Tokayev spoke not at all in an allied way.")
    assert answer_type("Which towns were shelled?").satisfied_by("The shelling hit the town of Jermuk.")
    hawks = "There are hawks in Yerevan who seek to rewrite the peace agreement."
    assert answer_type("In which city are the hawks?").satisfied_by(hawks)
    assert not answer_type("Which towns near Yerevan are the hawks in?").satisfied_by(hawks)  # given
    # The chain gives "Armenian" its country's other names, Yerevan among them; the capital is still
    # the city asked for.
    armenian = answer_type("Which Armenian city are the hawks in?")
    assert replace(armenian, words=armenian.words | {"armenia", "yerevan"}).satisfied_by(hawks)
    assert not answer_type("What happened in cities of Kazakhstan?").settlement
    assert not answer_type("Which region was shelled?").settlement
    # A capital is a city, no village.
    for question in ("Which Armenian villages were shelled along the common border in the north?",
                     "Какие сёла были обстреляны?"):
        villages = answer_type(question)
        assert villages.villages, question
        assert not villages.satisfied_by("(…the NKR recognized only Yerevan, the whole world considers…", "",
                                         "InoSMI"), question
        assert villages.satisfied_by("The village of Sotk was shelled."), question


def test_name_the_or_list_the_asks_for_names_the_question_does_not_give():
    sidelined = ("Other international players are sidelined because of the tacit agreement between Russia "
                 "and Turkey.")
    name = answer_type("Name the other international players that are sidelined because of the tacit "
                       "agreement between Russia and Turkey.")
    assert name.named
    assert not name.satisfied_by(sidelined)
    members = answer_type("pls list the CSTO member countries")
    assert members.named
    assert members.satisfied_by("…requested assistance from the CSTO member countries (Russia, Armenia, "
                                "Belarus, Kazakhstan, Kyrgyzstan and Tajikistan)…")
    assert answer_type("Назовите страны ОДКБ").named
    # "Name" as a noun is no request to name, but "the name of" a thing asks for its name.
    assert not answer_type("What did Russia do in the name of peace?").named
    assert answer_type("What is the name of the treaty?").named


def test_a_count_of_what_was_moved_away_does_not_say_how_many_remain():
    moved = ("Secondly, a significant part of the Russian troops in Nagorno-Karabakh (1,900 people) was "
             "transferred to Ukraine.")
    stationed = "More than 3,000 Russian military personnel are stationed at two military bases in Armenia."
    for question in ("How many Russian troops remain in Nagorno-Karabakh after the transfer?",
                     "Сколько российских военных осталось в Карабахе?"):
        assert not answer_type(question).satisfied_by(moved), question
    assert answer_type("How many Russian troops remain in Armenia?").satisfied_by(stationed)
    assert answer_type("How many Russian troops were transferred to Ukraine?").satisfied_by(moved)
    assert answer_type("How many of the troops that had remained in Karabakh were transferred to Ukraine?"
                       ).satisfied_by(moved)


def test_a_year_the_documents_never_come_near_is_about_another_time():
    known = years_of(["…the CSTO, founded in 2002.", "…the 1997 Convention…", "(1,900 people…)",
                      "…the last escalation in 2020…"])
    assert known == frozenset({2002, 1997, 1900, 2020})
    for question in ("How did the events of 1915 shape relations between Turkey and Armenia?",
                     "When did the oil boom in Baku start in the 19th century?",
                     "Что установил Бишкекский протокол 1994 года?", "Que s'est-il passé en 2010 ?",
                     "How did the first Karabakh war of the early 1990s come to an end?"):
        assert years_elsewhere(question, known), question
    for question in ("Who founded the CSTO in 2002?", "Where was the fighting in 2020?",
                     "What happened in Kazakhstan in January 2022?",  # near 2020: the article's own year
                     "How many refugees fled in the 1990s?",  # 1997 is in the 1990s
                     "What happened in the late 1990s?", "And in the late 2010s?",  # 1997; near 2020
                     "Which bloc was founded in the 2000's?", "Что случилось в 2000-х?",
                     "How many of the 1900 troops went to Ukraine?", "What is article 4?"):
        assert not years_elsewhere(question, known), question


def test_a_clause_opened_by_when_and_a_degree_asked_by_how_much_ask_no_time_or_number():
    assert not answer_type("When asked if this is a test of Russia's reliability, what did Dupuy reply?").time
    assert not answer_type("When Atlantico suggested this was a test, how did Dupuy reframe it?").time
    assert answer_type("When, according to Dupuy, did the shelling happen?").time
    assert answer_type("When was the CSTO founded?").time
    # Typed without the comma, and a "when" that asks with an adverb before its verb.
    assert not answer_type("when kazakhstan asked for help in jan did the other members say yes").time
    assert answer_type("When exactly were the 1,900 Russian troops pulled out of Karabakh?").time
    assert answer_type("when russia sent troops to kazakhstan").time  # chat's "when did…"
    # "Did they say yes?" asks the response to the request.
    said_yes = answer_type("When Kazakhstan asked for help, did the other members say yes?")
    assert said_yes.response
    assert not said_yes.satisfied_by("At the end of January, the President of Kazakhstan requested "
                                     "assistance from the CSTO member countries.")
    assert not answer_type("How much does the Kremlin actually care about this flare-up?").number
    assert not answer_type("How much do the allies trust each other?").number
    assert answer_type("How much does the base cost?").number
    assert not answer_type("How much does this episode weigh for Moscow, militarily?").number
    assert answer_type("How much does the tank weigh?").number
    assert answer_type("How much does the tank weigh in total?").number
    assert answer_type("How much of the contingent was moved?").number


def test_what_the_documents_own_remarks_say_needs_no_reported_speech():
    speakers = frozenset({"emmanuel", "dupuy", "atlantico", "inosmi"})
    note = ("(Recall that in the Karabakh conflict, Russia is not an ally of one of the two sides, but a "
            "mediator-peacemaker who treats both sides equally.)")
    for question in ("What does the bracketed remark say about Russia's role in the Karabakh conflict?",
                     "What does InoSMI's correction say about Russia's role?"):
        assert not answer_type(question, speakers).speech, question
        assert answer_type(question, speakers).satisfied_by(note), question
    assert answer_type("What did Aliyev's spokesman say?", speakers).speech


def test_a_count_in_thousands_is_no_year():
    moved = ("Secondly, a significant part of the Russian troops in Nagorno-Karabakh (1,900 people, 90 "
             "transport vehicles) was transferred to Ukraine.")
    for question in ("When were the Russian troops moved to Ukraine?",
                     "Когда именно российских миротворцев перебросили на Украину?"):
        assert answer_type(question).time, question
        assert not answer_type(question).satisfied_by(moved), question
    assert answer_type("When was it moved?").satisfied_by("It was moved to Ukraine in 2022.")
    # Nor is a modal verb a month.
    assert not answer_type("When did its credibility suffer?").satisfied_by("Its credibility may suffer.")
    assert answer_type("When did he speak?").satisfied_by("He spoke at the forum in May.")


def test_a_when_needs_the_time_of_the_event_it_asks_about():
    founded = "The two countries are members of the CSTO, founded in 2002."
    escalation = "The fighting took place during the last escalation in 2020."
    january = "At the end of January, the President of the country requested assistance."
    for question in ("When was the CSTO founded?", "When was the Moscow-led bloc set up?",
                     "Когда была основана ОДКБ?", "Quand l'OTSC a-t-elle été créée ?"):
        assert answer_type(question).events == frozenset({"founded"}), question
        assert answer_type(question).satisfied_by(founded), question
        assert not answer_type(question).satisfied_by(escalation), question
    # A founding is no joining, and "the end of January" ends nothing.
    assert not answer_type("In what year did Armenia join the CSTO?").satisfied_by(founded)
    assert not answer_type("When did the first Karabakh war end?").satisfied_by(escalation)
    assert not answer_type("When did the protests end?").satisfied_by(january)
    assert answer_type("When did the war end?").satisfied_by("The war ended with a ceasefire in 1994.")
    assert answer_type("When was the treaty signed?").satisfied_by("The treaty was signed in 1992.")
    # A start is told by when it took place; a question that asks no time reads no event.
    assert answer_type("When did the shelling begin?").events == frozenset()
    assert answer_type("When did Russia send troops at the end of January?").events == frozenset()
    # A purpose is not the event asked the time of: the request for help is.
    assert answer_type("When did Kazakhstan ask for help to end the attacks?").events == {"requested"}
    assert answer_type("Когда Казахстан попросил помочь прекратить нападения?").events == frozenset()
    assert answer_type("When did the CSTO countries join in to help?").events == frozenset()
    assert answer_type("Who founded the CSTO?").events == frozenset()
    # A request for help is told by a sentence that reports one, not by another act of its asker.
    forum = "At the St. Petersburg Economic Forum in May, the President of Kazakhstan Tokayev spoke."
    request = ("At the end of January, during large demonstrations in Kazakhstan, the President of the "
               "country requested assistance.")
    for question in ("When did the Kazakh head of state seek help from his treaty partners?",
                     "At the end of which month did Kazakhstan request assistance?",
                     "Когда Токаев попросил помощи у ОДКБ?",
                     "Quand le Kazakhstan a-t-il demandé l'aide de l'OTSC ?"):
        asked = answer_type(question)
        assert asked.events == {"requested"}, question
        assert asked.satisfied_by(request), question
        assert not asked.satisfied_by(forum), question



def test_a_first_start_a_withdrawal_or_independence_needs_a_sentence_that_reports_it():
    escalation = "The fighting took place during the last escalation in 2020."
    for question in ("When did the Nagorno-Karabakh conflict originally start?",
                     "when did the nagorno karabakh conflict first start"):
        asked = answer_type(question)
        assert asked.events == {"originated"}, question
        assert not asked.satisfied_by(escalation), question
        assert asked.satisfied_by("The conflict broke out in 1988."), question
    request = "At the end of January the President of the country requested assistance from the CSTO."
    withdraw = answer_type("When did the CSTO contingent withdraw from Kazakhstan?")
    assert not withdraw.satisfied_by(request)
    assert withdraw.satisfied_by("The CSTO contingent left Kazakhstan in mid-January.")
    assert answer_type("When did the troops leave Karabakh?").satisfied_by(
        "In 2022 part of the troops in Karabakh was transferred to Ukraine.")
    assert not answer_type("When did Armenia gain independence from the USSR?").satisfied_by(escalation)
    # Independent observers, or leaving for a place, are no such events.
    assert answer_type("When did independent observers arrive?").events == frozenset()
    assert answer_type("When did Pashinyan leave for Moscow?").events == frozenset()


@pytest.mark.parametrize("question", [
    "What share of the population of Azerbaijan is Shiite?",  # the share is asked
    "Quelle part de la population de l'Azerbaïdjan est chiite ?",
    "Was the civilian population hit by the shelling?",
    "Are there hardliners in Armenia's capital?",  # an epithet for Yerevan
    "What is the political climate in Yerevan?",
    "What does Dupuy forecast for Turkey?",
    "What's the climate like between Turkey and Iran?",
    "На какой площадке выступил Токаев?",  # a venue, not an area
    "В какой столице есть ястребы?",  # in which capital: Yerevan
    "La Turquie est-elle une monnaie d'échange ?",
])
def test_a_place_named_by_a_standing_fact_asks_for_none(question):
    assert answer_type(question).attributes == frozenset()


@pytest.mark.parametrize(("question", "kind"), [
    ("Сколько человек пострадало?", "number"),
    ("Combien de soldats sont en Arménie ?", "number"),
    ("Когда было опубликовано это интервью?", "time"),
    ("Quand le traité a-t-il été signé ?", "time"),
    ("Quel jour l'entretien a-t-il eu lieu ?", "time"),
    ("В какой день начался обстрел?", "time"),
    ("Кто позвонил Путину?", "person"),
])
def test_russian_and_french_question_words_ask_for_a_kind_of_fact(question, kind):
    asked = answer_type(question)
    assert {"number": asked.number, "time": asked.time, "person": asked.person} == {
        "number": kind == "number", "time": kind == "time", "person": kind == "person"}


def test_when_inside_a_question_and_how_big_a_deal_ask_for_no_time_or_number():
    assert not answer_type("What must members do when one of them is attacked?").time
    assert not answer_type("How big a deal is this for Moscow?").number


def test_which_people_of_a_country_needs_a_sentence_that_names_it():
    russian = answer_type("Which Russian official rejected Pashinyan's call for Article 4?")
    assert russian.people_of == {"russian"}
    assert not russian.satisfied_by("Armenian Prime Minister Nikol Pashinyan immediately called for "
                                    "the implementation of Article 4.")
    assert russian.satisfied_by("Russian Foreign Minister Sergei Lavrov rejected the call.")
    # Words that name no country are kept too; the chain keeps only a country's
    # (chain._country_of_people).
    assert answer_type("Which Central Asian leader spoke?").people_of == {"central", "asian"}
    assert answer_type("Which leaders phoned the Kremlin chief?").people_of == frozenset()


def test_since_when_and_a_second_when_ask_for_a_time_in_french_and_russian():
    bio = "Emmanuel Dupuy is a professor of geopolitical sciences and president of an institute."
    for question in ("Depuis quand Emmanuel Dupuy préside-t-il l'Institut ?",
                     "С каких пор Дюпюи возглавляет институт?"):
        asked = answer_type(question)
        assert asked.time, question
        assert not asked.satisfied_by(bio), question  # no time in it
    assert answer_type("À quel événement et quand Tokaïev s'est-il exprimé ?").time
    assert answer_type("Где выступил Токаев и когда?").time
    # A "quand" that joins two clauses asks no time.
    assert not answer_type("Comment la Russie a-t-elle réagi quand l'Arménie a demandé de l'aide ?").time


def test_a_when_of_something_still_to_come_needs_a_sentence_about_what_is_to_come():
    founded = "On the other hand, both are members of the CSTO, founded in 2002."
    planned = "The next summit of the CSTO will take place in November in Yerevan."
    for question in ("When is the collective security treaty due to be renewed?",
                     "When will the next CSTO summit take place?",
                     "Когда состоится следующий саммит ОДКБ?",
                     "Quand aura lieu le prochain sommet de l'OTSC ?",
                     "When do they expect the CSTO summit to take place?",
                     "When is the CSTO summit expected to take place?", "Когда ожидается саммит ОДКБ?"):
        asked = answer_type(question)
        assert asked.future, question
        assert not asked.satisfied_by(founded), question
        assert asked.satisfied_by(planned), question
    # A "when" of the past asks nothing of the kind, nor a treaty's "prévoit" (provides for).
    assert not answer_type("When was the CSTO founded?").future
    assert not answer_type("Quand l'article 4 prévoit-il une aide militaire ?").future
    assert answer_type("When was the CSTO founded?").satisfied_by(founded)


def test_a_winner_asked_for_needs_a_sentence_about_a_victory_or_a_defeat():
    escalation = ("(Russia undertook to protect Armenia, but not Nagorno-Karabakh, where the fighting "
                  "took place during the last escalation in 2020.)")
    for question in ("Who won the 2020 war in Nagorno-Karabakh?", "Кто победил в войне 2020 года?",
                     "Qui a gagné la guerre de 2020 ?", "Which side prevailed in 2020?"):
        asked = answer_type(question)
        assert asked.winner, question
        assert not asked.satisfied_by(escalation), question
        assert asked.satisfied_by("In 2020 Azerbaijan won the war and Armenia lost much territory."), question
    assert not answer_type("Who wants to win the next election?").winner


def test_which_asks_for_a_name_the_question_does_not_already_give():
    which = answer_type("Which countries are members of the CSTO?")
    # Spelling out the acronym names nothing new.
    assert not which.satisfied_by("The two countries are members of the Collective Security "
                                  "Treaty Organization (CSTO), founded in 2002.")
    assert which.satisfied_by("The members (Russia, Armenia, Belarus) responded.")
    article = answer_type("Article 4 of the treaty is a copy of which NATO article?")
    assert article.satisfied_by("Article 4 is an exact copy of Article 5 of NATO.")
    # A course of action is described, not named.
    route = answer_type("Rather than triggering the treaty, which route did the Kremlin opt for?")
    assert not route.named
    assert not answer_type("Which policies did Russia choose?").named
    assert route.satisfied_by("But Russia preferred to find a diplomatic solution.")
    # A title names no one.
    politicians = answer_type("Which Armenian politicians want a new war?")
    assert not politicians.satisfied_by("The Armenian Prime Minister's aides want a new war.")
    assert politicians.satisfied_by("Armenian Prime Minister Nikol Pashinyan wants peace.")
    # A name the question gives in the singular is no new one in the plural ("the Black Seas").
    pipeline = answer_type("Which pipeline carries gas between the Caspian and the Black Sea?")
    assert not pipeline.satisfied_by("Turkey wants to be a gas hub between the Caspian and Black Seas.")
    assert pipeline.satisfied_by("The TANAP pipeline links the Caspian and the Black Sea.")


def test_which_people_needs_a_person_by_name_or_office_not_a_place():
    hawks = ("Despite the Armenian Prime Minister's desire to establish peace, there are hawks in "
             "Yerevan who seek to rewrite the peace agreement and ignite a conflict with "
             "neighboring Azerbaijan.")
    which = answer_type("Which Armenian politicians are the hawks in Yerevan?")
    assert which.people
    assert not which.satisfied_by(hawks)  # Azerbaijan is a place, and the office is the question's
    assert not which.satisfied_by("Turkey wants a gas hub between the Caspian and Black Seas.")  # no person
    assert not which.satisfied_by("The Armenian Parliament wants a new war.")  # a body, no office holder
    assert which.satisfied_by("The Armenian hawks, led by Robert Kocharyan, want a new war.")
    leaders = answer_type("Which leaders phoned Putin after the shelling?")
    assert leaders.satisfied_by("The Prime Minister of Armenia and the President of Iran called "
                                "President Vladimir Putin after the shelling by Azerbaijan.")
    assert not leaders.satisfied_by("Armenia and Iran called President Vladimir Putin.")
    # "The names of the hawks" asks for names, which an office does not give.
    names = answer_type("What are the names of the hawks in Yerevan?")
    assert names.personal_name
    assert not names.satisfied_by("The Iranian President's hawks in Yerevan want war.")
    # Things and places are no people.
    assert not answer_type("Which country used the principle?").people
    assert not answer_type("Which foreign countries back Armenia?").people
    assert not answer_type("Which general principle applies?").people
    general = answer_type("Which Azerbaijani general led the offensive along the border?")
    assert general.people
    assert not general.satisfied_by("This offensive is not taking place in Nagorno-Karabakh, but along the "
                                    "common border between Azerbaijan and Armenia in the north.")
    assert not answer_type("Which state sent soldiers to Kazakhstan?").people
    assert answer_type("Which EU leader proposed it?").people
    assert not answer_type("Which side does Iran back?").people
    assert not answer_type("What are the hawks in Yerevan trying to do?").people
    # "Who exactly are the hawks" asks who they are; "Who are the hawks" may be told what they seek.
    exactly = answer_type("Who exactly are the Armenian hawks who want to rewrite the peace agreement?")
    assert exactly.people
    assert not exactly.satisfied_by(hawks)
    assert not answer_type("Who are the hawks in Yerevan?").people
    assert answer_type("Who are the hawks in Yerevan — are any named?").personal_name


def test_an_outcome_asked_of_someone_needs_a_sentence_that_reports_one():
    called = ("France has called for the UN Security Council to be convened to determine who is "
              "behind the ceasefire violation.")
    for question in ("What did the UN Security Council decide after France called for it to be convened?",
                     "Whom did the UN Security Council find responsible for the ceasefire violation?",
                     "Did the UN Security Council conclude who was behind it?",
                     "What did the UN security Council decide?",
                     # a later part, about the body the part before names
                     "what did it decide?",
                     # asked with a noun, and in Russian and French
                     "What decision did the UN Security Council take after France's call?",
                     "What was the outcome of the UN Security Council's meeting?",
                     "Какое решение принял Совет Безопасности ООН после призыва Франции?",
                     "Что решил Совбез ООН?",
                     "Quelle décision le Conseil de sécurité a-t-il prise ?",
                     "Le Conseil s'est-il réuni, et qu'a-t-il décidé ?"):
        asked = answer_type(question)
        assert asked.outcome, question
        assert not asked.satisfied_by(called), question  # a request and its purpose, no outcome
        assert asked.satisfied_by("The UN Security Council decided to send observers."), question
    court = answer_type("What did the Court of Justice rule?")
    assert court.outcome
    assert court.satisfied_by("Its ruling was that the strike broke the ceasefire.")
    assert not court.satisfied_by("Who broke the ceasefire is yet to be determined.")  # pending, no outcome
    assert not answer_type("What did NATO rule out?").outcome
    assert not answer_type("What was the result of the fighting?").outcome
    assert not answer_type("Почему Россия решила не применять статью 4?").outcome
    # A choice made is a decision.
    chose = "But Russia did not consider it necessary to apply this article and preferred to find a solution."
    for question in ("What did Russia decide to do after Pashinyan's request?",
                     "What decision did Moscow take on Article 4?", "Что решила Россия?"):
        assert answer_type(question).satisfied_by(chose), question
    # Why a decision was taken asks its reason, not the decision.
    assert not answer_type("Why did Russia decide not to apply Article 4?").outcome
    # Finding oneself somewhere is no finding; what the corpus's speaker concludes is what he says.
    assert not answer_type("With which country did Turkey find itself in the same boat?").outcome
    assert not answer_type("What did Dupuy conclude about solidarity?", frozenset({"dupuy"})).outcome


def test_what_a_second_read_found_the_new_checks_misread():
    # A body's founding, "who is in power", an argument called a thesis, a guess, and what happened
    # before a country did something are no one's life.
    for question in ("В каком году было образование ОДКБ?", "Quand est née l'OTSC ?",
                     "When was the CSTO born?",
                     "Qui est au pouvoir en Arménie ?", "What is Dupuy's main thesis?",
                     "Quelle est la thèse de Dupuy ?", "What happened before Armenia joined the CSTO?",
                     "What's Dupuy's educated guess about Turkey?"):
        assert not answer_type(question).life, question
    # A clause opened by "when" before a name or another question word asks no time.
    for question in ("when Armenia asked Russia for help did Russia send troops",
                     "when kazakhstan asked for help what did russia do"):
        assert not answer_type(question).time, question
    # What the interviewee concluded is what he says; "что … решила" inside a speech asks no outcome.
    for question in ("К какому выводу пришёл Дюпюи?", "Quelles conclusions Dupuy a-t-il tirées ?",
                     "Что Пашинян сказал о том, что Россия решила?"):
        assert not answer_type(question).outcome, question
    # "военных баз" counts bases, not soldiers.
    assert answer_type("Сколько военных баз у России в Армении?").counted == ""
    assert answer_type("Сколько гражданских объектов пострадало?").counted == ""
    # The language someone speaks about something in is no language spoken.
    assert answer_type("What language did Dupuy use to speak about Russia?").attributes == frozenset()
    # An acronym is its own run, found in any run of capitalised words that spells it.
    assert answer_type("When was the NATO summit in Vilnius?").about == ({"nato"}, {"vilnius"})
    assert answer_type("When was the OSCE set up?").satisfied_by(
        "The Organization for Security and Co-operation in Europe was set up in 1995.")


def test_whether_someone_means_to_do_a_thing_is_answered_by_whether_they_will():
    lede = ("But it is unlikely that Moscow will get involved in the fight – for her it is a small matter, "
            "he said.")
    asked = answer_type("Does Russia intend to get involved in the fight?")
    assert asked.aspiration
    assert asked.intended == ("involv",)
    assert asked.satisfied_by(lede)
    # Another deed, or the deed with no word of whether it will be done, does not answer.
    assert not answer_type("Does Russia intend to send troops?").satisfied_by(lede)
    assert not asked.satisfied_by("Moscow got involved in the fight in 2020.")
    assert answer_type("What does Russia intend to do?").intended == ()


def test_a_life_asked_for_needs_a_sentence_that_tells_of_it():
    bio = ("Emmanuel Dupuy is a professor of geopolitical sciences at the Catholic University of Lille "
           "and president of the Institute for Security Perspectives in Europe.")
    for question in ("Where did Emmanuel Dupuy study?", "What was the subject of Dupuy's doctoral thesis?",
                     "What did Dupuy do before he became president of the Institute?",
                     "Is Dupuy married?", "How did Dupuy come to power at the Institute?",
                     "Где учился Дюпюи?", "Où Dupuy a-t-il fait ses études ?"):
        asked = answer_type(question)
        assert asked.life, question
        assert not asked.satisfied_by(bio), question
    assert answer_type("Where did Dupuy study?").satisfied_by("Dupuy studied history in Paris.")
    assert answer_type("What did Dupuy do before he became president of the Institute?").satisfied_by(
        "Dupuy, a former adviser to the defence ministry, heads the Institute.")
    # What someone does now, or a "former" capital, is no life asked for.
    for question in ("Where does Emmanuel Dupuy teach?", "Who is Dupuy?",
                     "What did the leader say in the former imperial capital?"):
        assert not answer_type(question).life, question
        assert answer_type(question).satisfied_by(bio) or question.startswith("What did"), question


def test_a_name_question_needs_a_name_the_question_does_not_give_not_a_title():
    called = ("The Prime Minister of Armenia and the President of Iran called President Vladimir "
              "Putin after the shelling by Azerbaijan.")
    iran = answer_type("What is the name of the President of Iran who called Vladimir Putin?")
    assert iran.personal_name
    assert not iran.satisfied_by(called)  # titles, and the one name the question gives
    assert answer_type("What is the name of the Armenian prime minister?").satisfied_by(
        "Armenian Prime Minister Nikol Pashinyan immediately called for Article 4.")
    assert answer_type("Как зовут президента Казахстана?").satisfied_by(
        "At the forum, the President of Kazakhstan Tokayev spoke.")
    # A name of a thing, and "who" alone, ask for no personal name: a title answers "who".
    assert not answer_type("What is the name of the treaty?").personal_name
    assert not answer_type("What are the names of the CSTO member countries?").personal_name
    assert not answer_type("Who called Vladimir Putin?").personal_name


def test_names_asked_for_by_name_need_a_name_the_question_does_not_give():
    hawks = "Despite the Armenian Prime Minister's desire to establish peace, there are hawks in Yerevan."
    by_name = answer_type("Who are the hawks in Yerevan by name?")
    assert by_name.personal_name
    assert not by_name.satisfied_by(hawks)  # a title, in the possessive, names no one
    assert by_name.satisfied_by("The hawks, led by Robert Kocharyan, want a new war.")
    assert answer_type("What are the names of the Armenian ministers?").personal_name
    bases = answer_type("What are the names of the two Russian military bases in Armenia?")
    assert bases.named
    assert not bases.personal_name
    assert not bases.satisfied_by("Russian soldiers are stationed at two military bases in Armenia.")
    assert bases.satisfied_by("Russian soldiers are stationed at the bases in Gyumri and Erebuni.")


def test_a_list_of_members_or_countries_asks_for_names_the_question_does_not_give():
    members = answer_type("what are the csto member countries")
    assert members.named
    assert answer_type("Who are the CSTO members?").named
    assert not members.satisfied_by(
        "On the other hand, the two countries are members of the Collective Security Treaty "
        "Organization (CSTO), founded in 2002.")  # the CSTO spelled out names no member
    assert members.satisfied_by("The CSTO member countries (Russia, Armenia, Belarus) responded.")
    assert not answer_type("What are the CSTO obligations?").named
    assert not answer_type("What are the obligations of members?").named
    assert not answer_type("What were the reasons the countries left?").named
    assert not answer_type("What are the benefits for member states?").named
    assert answer_type("What are the member states of the CSTO?").named


def test_russian_typed_in_latin_letters_is_another_language_and_keeps_its_question_words():
    assert language_of("skolko russkih soldat v Armenii?") == "other"
    assert language_of("chto skazal Tokaev na forume v Peterburge?") == "other"
    assert language_of("Russia v Ukraine: who is winning?") == "en"
    assert language_of("how many troops r in armenia") == "en"
    assert answer_type("skolko russkih soldat v Armenii?").number
    assert answer_type("kogda byla osnovana ODKB?").time
    assert answer_type("kto pozvonil Putinu?").person


SPEAKERS = frozenset({"emmanuel", "dupuy", "atlantico", "inosmi"})


CALLED = ("The Prime Minister of Armenia and the President of Iran called President Vladimir Putin "
          "and Emmanuel Macron after the shelling.")
STATED = "He stated that he did not recognize the self-proclaimed republics."


@pytest.mark.parametrize(("question", "named"), [
    ("What did Putin tell the Armenian prime minister during their phone call?", "President Putin"),
    ("what did emmanuel macron say about the shelling", "Emmanuel Macron"),
    ("What did the Kazakh leader say at the forum?", "The President of Kazakhstan"),
    ("Что сказал Сергей Лавров об этом конфликте?", "Sergei Lavrov"),
    ("Qu'a dit Emmanuel Macron sur le bombardement ?", "Emmanuel Macron"),
    # The speaker before the verb, a word between, or what they talked about.
    ("Что Путин ответил Пашиняну во время телефонного разговора?", "President Putin"),
    ("Что официально ответил Кремль Пашиняну?", "The Kremlin"),
    ("О чём говорили Путин и Пашинян после обстрела?", "President Putin"),
    ("Qu'a officiellement répondu Moscou ?", "Moscow"),
    # Whether someone spoke at all.
    ("Did Putin make any public statement about the clash?", "President Putin"),
    ("Has Emmanuel Macron commented on the shelling?", "Emmanuel Macron"),
])
def test_what_someone_said_needs_a_sentence_that_reports_their_speech(question, named):
    asked = answer_type(question, SPEAKERS)
    assert asked.speech
    assert not asked.satisfied_by(CALLED, CALLED)  # named, but no speech reported
    # Reported speech of the one asked about, named in the sentence or the one before it.
    assert asked.satisfied_by(STATED, f"At the forum, {named} spoke. {STATED}")
    assert asked.satisfied_by(f"{named} has called for the UN Security Council to be convened.")


def test_only_a_named_speaker_asks_for_someones_words():
    # Not anyone at all, nor a speaker in a later clause, nor a doer who did something else.
    for question in ("Did anyone comment on Article 4?",
                     "Did Russia send troops after Pashinyan made a statement?",
                     "Что Армения сделала после того как Путин заявил о выходе?"):
        assert not answer_type(question).speech, question


def test_what_someone_said_about_a_name_needs_words_about_it():
    # Tokayev's words on the LPR and DPR say nothing about Crimea.
    asked = answer_type("What did Tokayev say about Crimea at the economic forum?", SPEAKERS)
    assert asked.topic == (frozenset({"crimea"}),)
    # What someone thinks of a name is asked as what they said about it.
    thinks = answer_type("What does Tokayev think of Erdogan's economic policy?", SPEAKERS)
    assert thinks.topic == (frozenset({"erdogan"}),)
    assert not thinks.satisfied_by(STATED, f"At the forum in May, Tokayev spoke. {STATED}")
    forum = "At the forum in May, Tokayev spoke."
    assert not asked.satisfied_by(STATED, f"{forum} {STATED}")
    assert answer_type("What did Tokayev say about the republics?", SPEAKERS).satisfied_by(
        STATED, f"{forum} {STATED}")
    assert answer_type("What did Tokayev say about Crimea?", SPEAKERS).satisfied_by(
        "He stated that he did not recognize Crimea.", f"{forum} He stated that he did not recognize Crimea.")


def test_reported_speech_of_someone_else_does_not_answer_what_a_named_person_said():
    asked = answer_type("What did Emmanuel Macron personally say about the clashes?", SPEAKERS)
    assert not asked.satisfied_by(STATED, f"At the forum, President Tokayev spoke. {STATED}")
    # "Emmanuel" is also the corpus's own speaker's name: it is not what identifies Macron.
    assert not asked.satisfied_by("French expert Emmanuel Dupuy told Atlantico so.")
    # In Russian or French the name is spelled otherwise than in the English text: speech suffices.
    assert answer_type("Что сказал Макрон?", SPEAKERS).satisfied_by(STATED, f"Tokayev spoke. {STATED}")
    assert answer_type("what does статья 4 ОДКБ say?", SPEAKERS).satisfied_by(
        "According to article 4 of this treaty, all other members must provide assistance.")
    # A full name stands for its person: a sentence about the country is no speech of its president.
    aliyev = answer_type("What did Azerbaijani President Ilham Aliyev say about the shelling?", SPEAKERS)
    assert aliyev.speaker == {"aliyev"}
    assert answer_type("What did Recep Tayyip Erdoğan say?", SPEAKERS).satisfied_by(
        "Erdogan said Turkey would help.")
    assert not aliyev.satisfied_by("The territory is claimed by both Azerbaijan and Armenia.")
    assert aliyev.satisfied_by("Ilham Aliyev stated that the shelling was a response.")


def test_the_reason_someone_gave_is_what_they_said():
    asked = answer_type("What reason did Azerbaijan officially give for launching the offensive?", SPEAKERS)
    assert asked.speech
    assert not asked.satisfied_by("This offensive is not taking place in Nagorno-Karabakh, but along the "
                                  "common border between Azerbaijan and Armenia in the north.")
    assert asked.satisfied_by("Azerbaijan stated that the offensive answered Armenian provocations.")
    # The documents' own speakers give their reasons in everything they say.
    assert not answer_type("What reason does Dupuy give for Russia's silence?", SPEAKERS).speech


def test_what_someone_demanded_needs_them_named_as_the_one_who_asks():
    pashinyan = ("Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of "
                 "Article 4.")
    requested = ("At the end of January, the President of the country requested assistance from the CSTO "
                 "member countries (Russia, Armenia, Belarus).")
    for question in ("What did Armenia's head of government demand straight after the attack?",
                     "What did Pashinyan ask for?", "Чего потребовал Пашинян после обстрела?"):
        asked = answer_type(question, SPEAKERS)
        assert asked.speech, question
    demand = answer_type("What did Armenia's head of government demand straight after the attack?", SPEAKERS)
    assert demand.satisfied_by(pashinyan)
    # Armenia is named after the request, among those asked: it is not who asked.
    assert not demand.satisfied_by(requested)
    assert answer_type("What did the President of Kazakhstan request?", SPEAKERS).satisfied_by(
        "In Kazakhstan, the President of the country requested assistance.")
    assert answer_type("What did Georgia demand?", SPEAKERS).satisfied_by(
        "According to Georgia, Russia must withdraw.")
    # "called for" after the one asked about is what they are asked to do, not a demand of theirs.
    assert not answer_type("What did the UN Security Council decide after France called for it?",
                           SPEAKERS).speech


@pytest.mark.parametrize("question", [
    "What is China's position on the CSTO?",
    "What is the official stance of China on the clashes?",
    "How does China view the conflict between Armenia and Azerbaijan?",
    "How did China react to the shelling?",
])
def test_where_someone_stands_needs_a_sentence_that_names_them(question):
    asked = answer_type(question, SPEAKERS)
    assert asked.stance
    assert asked.speaker == {"china"}
    # A sentence about the conflict that never names China says nothing of where China stands.
    assert not asked.satisfied_by("The escalation of the conflict is a test of Russia as an ally.")
    # Named in the sentence, or in the one before it; no speech needed.
    assert asked.satisfied_by("China wants the fighting to stop.")
    assert asked.satisfied_by("They want calm.", "Beijing and China are cautious. They want calm.")


def test_where_a_group_named_by_common_words_stands_is_not_held_to_those_words():
    # "the rest of the globe" is not a name a sentence must repeat: "the whole world" is it too.
    globe = answer_type("How does the rest of the globe view the disputed land?", SPEAKERS)
    assert globe.satisfied_by("…while the NKR recognized only Yerevan, the whole world considers this "
                              "land part of Azerbaijan")
    # A name typed in lower case is still held to.
    assert not answer_type("how does china view the conflict", SPEAKERS).satisfied_by(
        "The escalation of the conflict is a test of Russia as an ally.")


def test_a_name_asked_about_is_matched_only_by_a_capitalised_word():
    states = answer_type("What is the United States' position on the conflict?", SPEAKERS)
    assert not states.satisfied_by("The territory is claimed by both states.")
    assert states.satisfied_by("The United States wants talks.")
    said = answer_type("What does the United States think about the clashes?", SPEAKERS)
    assert said.speech
    assert not said.satisfied_by("Both states have stated that they want peace.")
    # Typed in lower case, the name is matched in any case.
    assert answer_type("how does the kremlin view it", SPEAKERS).satisfied_by("As the kremlin sees it…")
    # The corpus's own speaker's stand needs nothing more.
    assert not answer_type("How does Dupuy view Turkey's role?", SPEAKERS).stance


@pytest.mark.parametrize("question", [
    "What does Dupuy say about Georgia?",
    "what does dupuy think abt turkey",
    "What does Emmanuel Dupuy think about the treaty?",
    "What does the editor's note say about the NKR?",
    "What does the French expert say about Turkey's role?",
    "What did Mr Dupuy say about Georgia?",
    "What do you think about the sanctions?",
])
def test_what_the_corpus_itself_says_needs_no_reported_speech(question):
    # The corpus's own speakers and texts say everything they say.
    assert not answer_type(question, SPEAKERS).speech


@pytest.mark.parametrize(("question", "category"), [
    ("What is the population of Armenia?", ["popul"]),
    ("what's the weather like in Yerevan", ["weather"]),
    ("Which gas pipeline would Turkey use?", ["gas", "pipelin"]),
    ("Who is the mayor of Lille?", ["mayor"]),
    ("Who supplied the troops?", []),  # a bare "who" names no category
    ("What kind of equipment does Russia sell?", ["equip"]),
    ("How do I renew a passport?", []),
])
def test_the_category_a_question_asks_for(question, category):
    assert asked_category(question) == category


def test_small_talk_is_a_greeting_a_thanks_or_a_question_of_function_words():
    for message in ("hi", "thanks!", "good morning", "lol", "Привет!", "спасибо большое",
                    "merci beaucoup", "Bonjour", "hello?", "why?", "who are you?", "What is this?",
                    "tell me a joke", "расскажи анекдот", "Raconte-moi une blague !"):
        assert is_small_talk(message), message
    # Anything else is searched, however short, misspelt or foreign: the encoders may find it.
    for message in ("Karabakh", "armnia", "2002", "thanks 2002", "nato article 5", "Lachin corridor",
                    "tropas rusas", "who won the world cup?", "what r the csto rules",
                    "Карабах", "спасибо, а сколько там военных?", "ОДКБ", "why 2002?", "UN",
                    "tell me about the CSTO", "расскажи про ОДКБ", "raconte-moi la guerre de 2020"):
        assert not is_small_talk(message), message


def test_a_request_for_advice_for_the_one_who_asks_is_no_question_for_the_news():
    for message in ("How do I get a tourist visa for Azerbaijan?", "Can you recommend a good recipe?",
                    "What's the best way to fly to Baku?", "Как мне получить визу?",
                    "Посоветуй хорошую книгу", "Comment puis-je obtenir un visa ?"):
        assert asks_for_advice(message), message
    # What someone in the news should do, or how a thing was done, is asked of the documents.
    for message in ("How should Russia respond?", "How can Armenia count on its allies?",
                    "How did Moscow react?", "What is the best way for Russia to help, per Dupuy?",
                    "Как Россия может помочь?", "Comment la Russie peut-elle aider ?"):
        assert not asks_for_advice(message), message


def test_a_request_for_a_recipe_or_tips_is_advice():
    for message in ("Can you give me a good recipe for Armenian dolma?",
                    "Give me some tips for visiting Yerevan", "Дай мне рецепт долмы",
                    "Donne-moi une recette de dolma"):
        assert asks_for_advice(message), message
    for message in ("Can you give me the date of the clashes?", "Can you tell me what Dupuy said?",
                    "Tell me the reason Russia did not help", "Tell me the advice Dupuy gives to Armenia",
                    "Can you give me the main recommendations of the CSTO report?",
                    "Дай мне ответ Совета Безопасности"):
        assert not asks_for_advice(message), message


def test_a_request_for_a_piece_of_writing_is_no_question_for_the_news():
    for message in ("write me a poem about the caucasus", "Could you write a short story about Karabakh?",
                    "Напиши стихотворение про Карабах", "Écris-moi un poème sur le Caucase"):
        assert asks_for_advice(message), message
    for message in ("What did Dupuy write about Turkey?", "Who wrote the article?",
                    "write down the CSTO members", "Напиши, кто такой Дюпюи"):
        assert not asks_for_advice(message), message


@pytest.mark.parametrize(("message", "question"), [
    ("who is dupuy", "Who is dupuy?"),
    ("hey, quick question: when was the CSTO founded?", "When was the CSTO founded?"),
    ("Can you tell me when the CSTO was founded", "When the CSTO was founded?"),
    ("I want to know who called Putin", "Who called Putin?"),
    ("do you know how many troops are in Armenia?? thanks!", "How many troops are in Armenia?"),
    ("What is article 4, please?", "What is article 4?"),
    ("Hello there! Who is Dupuy?", "Who is Dupuy?"),
    ("Скажите, пожалуйста, когда была основана ОДКБ", "Когда была основана ОДКБ?"),
    ("Dites-moi qui est Dupuy", "Qui est Dupuy?"),
    # A sentence that ends as typed keeps its end; small talk is left for what it is.
    ("Qui est Dupuy, s’il vous plaît ?", "Qui est Dupuy?"),
    # Emoji go, a run of marks ends as one, and a question ending in a full stop is a question.
    ("why did russia not help armenia 🤔", "Why did russia not help armenia?"),
    ("🇷🇺 russia and armenia?", "Russia and armenia?"),
    ("Who is Dupuy??!!", "Who is Dupuy?"),
    ("What about 2002...", "What about 2002?"),
    ("Who is Dupuy.", "Who is Dupuy?"),
    ("Кто такой Дюпюи.", "Кто такой Дюпюи?"),
    ("Tell me about Turkey!!!", "Tell me about Turkey!"),
    # "And …", "So …" and a sentence about the asker before the question go.
    ("And what about Iran?", "What about Iran?"),
    ("А почему Россия не помогла?", "Почему Россия не помогла?"),
    ("I just read the interview. Why did Russia not help Armenia?", "Why did Russia not help Armenia?"),
    ("So far, has any country used it?", "So far, has any country used it?"),
    ("Russia has bases in Armenia. How many soldiers are there?",
     "Russia has bases in Armenia. How many soldiers are there?"),
    ("You said Turkey. Why?", "You said Turkey. Why?"),  # nothing would be left to search
    ("I have a question: who is Dupuy?", "Who is Dupuy?"),
    # A greeting or chat filler without a stop goes when a question follows.
    ("hi so what did tokayev say at the forum thx", "What did tokayev say at the forum?"),
    ("yo so did russia help armenia", "Did russia help armenia?"),
    ("lowkey confused is russia on armenias side", "Is russia on armenias side?"),
    ("Hello Kitty sold where?", "Hello Kitty sold where?"),
    ("hmm, so why did russia not help", "Why did russia not help?"),
    # Not thanks, nor another language's greeting: "спасибо что помог" is no question.
    ("thanks will check", "Thanks will check?"),
    ("спасибо что помог", "Спасибо что помог?"),
    ("I heard Russia has 3,000 troops there. Is that true?",
     "I heard Russia has 3,000 troops there. Is that true?"),
    ("You mentioned Article 4. What does it say?", "You mentioned Article 4. What does it say?"),
    ("Did Russia help the U.S.?", "Did Russia help the U.S.?"),
    ("Is it 75°?", "Is it 75°?"),
    ("Статья № 4?", "Статья № 4?"),
    ("Is Russia a reliable ally? Many thanks", "Is Russia a reliable ally?"),
    # Words that only look like the wrapping stay.
    ("Who did Putin thank?", "Who did Putin thank?"),
    ("Did Pashinyan say thanks?", "Did Pashinyan say thanks?"),
    ("Hi-tech arms from Israel?", "Hi-tech arms from Israel?"),
    ("Question-and-answer session: who spoke?", "Question-and-answer session: who spoke?"),
    ("Key question: who pays?", "Key question: who pays?"),
    ("Интересное заявление — что сказал Путин?", "Интересное заявление — что сказал Путин?"),
    ("Tell me about Turkey.", "Tell me about Turkey."),
    ("How many troops (approx.)", "How many troops (approx.)"),
    ("thanks!", "thanks!"),
    ("thanks a lot", "thanks a lot"),
    ("hi", "hi"),
    ("why?", "why?"),
])
def test_the_question_is_taken_out_of_what_the_message_wraps_it_in(message, question):
    assert tidy(message) == question


def test_a_thanks_after_a_question_is_no_part_of_it():
    assert split_parts("When was it founded? Thanks!") == ["When was it founded?"]
    assert (split_parts("Who is Dupuy? Thanks! What is the CSTO?")
            == ["Who is Dupuy?", "Thanks! What is the CSTO?"])
    # "why?" is a part of the question, not small talk beside it: the message stays whole.
    assert split_parts("What did Paris demand, and why?") == ["What did Paris demand, and why?"]
    assert split_parts("thanks! bye?") == ["thanks! bye?"]
    assert split_parts("Who is Dupuy? Many thanks") == ["Who is Dupuy?"]


def test_a_word_of_the_language_is_no_typo_and_a_typo_of_one_is_corrected_to_it():
    texts = ["The troops stop at the border.", "Emmanuel Dupuy said so."]
    # The documents alone took every word one edit from theirs for a typo: "step" became "stop"
    # (and "name" "same", "export" "expert", "right" "fight").
    assert Speller(texts).correct("step") == "stop"
    speller = Speller(texts, word_list())
    assert speller.correct("step") == "step"
    assert speller.correct("regonal") == "regional"  # a typo of a word the documents do not use
    # A rare word of the language above the list's floor of names is no typo either: "interviewee"
    # was searched as the documents' "interviewer".
    assert Speller(["The interviewer asked."], word_list()).correct("interviewee") == "interviewee"
    # A rare name in the word list is still a typo of the documents' name, but never of a word
    # of the language: "macron", "kremlin", "baku" are in the list, rarely. A capitalised word
    # the list has never seen is a name too, unless it opens the question.
    assert speller.correct("emanuel") == "emmanuel"
    for name in ("macron", "Macron", "kremlin", "baku", "Jinping"):
        assert speller.correct(name) == name
    assert speller.correct("ussr") == "ussr"  # short: an acronym as often as a typo
    assert normalise("sanctons against russia?", speller) == "sanctions against russia?"
    assert normalise("Sanctons against russia?", speller) == "Sanctions against russia?"


def test_a_country_asked_for_needs_one_the_question_does_not_name():
    members = ("On the other hand, the two countries are members of the Collective Security Treaty "
               "Organization (CSTO), founded in 2002.")
    only = "Only Kazakhstan has used this principle so far."
    for question in ("Which country has used the CSTO collective security principle so far?",
                     "Ankara and which other country end up backing Baku?",
                     "Какая страна уже воспользовалась принципом коллективной безопасности ОДКБ?",
                     "Quel pays a utilisé jusqu'ici le principe de l'OTSC ?"):
        asked = answer_type(question, SPEAKERS)
        assert asked.country, question
        assert not asked.satisfied_by(members), question  # a body's name is no country
        assert asked.satisfied_by(only), question
    # A country the question gives is no answer; another one is, first word, capital or demonym.
    borders = answer_type("Which country borders both Azerbaijan and Armenia?", SPEAKERS)
    assert not borders.satisfied_by("The fighting took place on the border of Azerbaijan and Armenia.")
    assert borders.satisfied_by("The third country, Georgia, shares a border with Azerbaijan and Armenia.")
    assert answer_type("Which Western nation asked for a meeting?", SPEAKERS).satisfied_by(
        "France has called for the UN Security Council to be convened.")
    # The sentence's first word counts: every other name there is the question's.
    assert answer_type("Which country has called for the UN Security Council to be convened?",
                       SPEAKERS).satisfied_by("France has called for the UN Security Council to be convened.")
    assert answer_type("Which state did the NKR recognize?", SPEAKERS).satisfied_by(
        "The NKR recognized only Yerevan.")
    # An ally, a partner, a power or a neighbour asked for by "which" is a country too: the one that
    # sent most of the troops, not Kazakhstan, which the question names ("…Tokayev spoke not at
    # all in an allied way").
    for question in ("Which ally contributed the bulk of the forces sent to Kazakhstan?",
                     "Which regional power is gaining clout?", "To which neighbour did Putin hand control?",
                     # "which of the countries", "кто из стран/союзников", "lequel des pays"
                     "Which of the member countries sent most of the troops?",
                     "Кто из союзников отправил в Казахстан основную массу военных?",
                     "Lequel des pays alliés a envoyé le plus de soldats ?",
                     "Which of Russia's allies sent troops?"):
        assert answer_type(question, SPEAKERS).country, question
    # A person asked for among the countries' leaders is no country.
    for question in ("Кто из лидеров стран ОДКБ выступил?", "Which of the countries' leaders spoke?"):
        assert not answer_type(question, SPEAKERS).country, question
    ally = answer_type("Which ally contributed the bulk of the forces sent to Kazakhstan?", SPEAKERS)
    assert not ally.satisfied_by("In May, the President of Kazakhstan spoke not at all in an allied way.")
    assert ally.satisfied_by("All of them responded, especially Russia, which sent most of the troops.")
    # No country is asked for by "what state … in", "which head of state" or "the state of", nor
    # by a partner organisation or a power plant.
    for question in ("What state is the collective security treaty in?",
                     "Which head of state spoke in a far from allied way?",
                     "Which partner organisation sent troops?", "Which power plant was shelled?"):
        assert not answer_type(question, SPEAKERS).country, question


def test_a_country_is_told_from_a_body_or_a_region():
    for name in ("Georgia", "United States", "Yerevan", "Turkish", "kazakhstan"):
        assert is_country(name), name
    for name in ("Collective Security Treaty Organization", "Nagorno-Karabakh", "Caucasus", "CSTO"):
        assert not is_country(name), name


def test_a_year_of_the_documents_the_question_gives_must_be_the_sentences():
    known = years_of(["…the last escalation in 2020.", "…founded in 2002.", "the 1997 Convention"])
    assert years_given("How many people were injured during the last escalation in 2020?", known) == {"2020"}
    # Years the documents do not give, decades and counts are no such year.
    assert years_given("What happened in January 2022?", known) == frozenset()
    assert years_given("What happened in the 2020s?", known) == frozenset()
    assert years_given("Did 2002 troops arrive?", known) == frozenset()
    asked = replace(answer_type("How many people were injured during the last escalation in 2020?"),
                    years=frozenset({"2020"}))
    assert not asked.satisfied_by("As a result of the fighting, about fifty people were injured.")
    assert asked.satisfied_by("In the escalation of 2020, about fifty people were injured.")
    convention = replace(answer_type("Which 1997 convention is mentioned?"), years=frozenset({"1997"}))
    assert convention.satisfied_by("…by signing the 1997 Convention on the Prohibition of Mines.")


def test_who_is_answered_by_a_name_or_by_a_group_of_people():
    who = answer_type("Who was injured in the fighting?")
    assert who.person
    assert who.satisfied_by("As a result of the fighting, about fifty people, mostly military, were injured.")
    assert who.satisfied_by("Nikol Pashinyan was not hurt.")
    # Neither a name nor people: no one.
    assert not who.satisfied_by("as a result of the fighting, the border was closed.")


def test_a_date_asked_after_the_copula_is_still_a_date():
    asked = answer_type("What was the calendar date of the Monday night when the army shelled Armenia?")
    assert asked.time
    assert asked.precision == "dates"
    assert not asked.satisfied_by("On the night of Monday to Tuesday, numerous shelling took place.")
    assert asked.satisfied_by("On the night of Monday 12 September, Armenia was shelled.")
    # Two words may stand before "date" after the copula ("the exact calendar date"); without a
    # copula one only ("What happened that year?" asks no time).
    exact = answer_type("What was the exact calendar date of the overnight shelling of Armenia?")
    assert exact.time
    assert exact.precision == "dates"
    assert not exact.satisfied_by("On the night of Monday to Tuesday, numerous shelling took place.")
    assert not answer_type("What happened that year in the Caucasus?").time
    assert not answer_type("What was the reaction this time?").time
    assert not answer_type("What was the situation last year?").time


def test_a_role_asked_by_its_verb_needs_that_role_beside_that_place():
    heads = answer_type("Who heads the European Council according to the article?")
    assert heads.role == ("head", "european council")
    assert heads.satisfied_by("…the new form of mediation proposed by the head of the European Council "
                              "Charles Michel.")
    chairs = answer_type("Who currently chairs the OSCE?")
    assert chairs.role == ("chair", "osce")
    assert not chairs.satisfied_by("…confirms the marginalization of the Minsk process within the OSCE…")
    # "the Russian troops" is no body or place the role is held in.
    assert answer_type("Who commands the Russian troops in Nagorno-Karabakh?").role == ()
    # A body whose name ends in a common noun, a role's verb after "which countries", a place after.
    minsk = ("In general, the growing tension between Armenia and Azerbaijan confirms the marginalization of "
             "the Minsk process within the OSCE and weakens the new form of mediation proposed by the head "
             "of the European Council Charles Michel.")
    for question, role in (("Who heads the Minsk process within the OSCE?", ("head", "minsk process")),
                           ("Which countries co-chair the OSCE Minsk Group?", ("chair", "osce minsk group")),
                           ("Which countries co-chair the OSCE Minsk Group together with France?",
                            ("chair", "osce minsk group")),
                           ("Who commands the Russian peacekeeping contingent in Karabakh?",
                            ("commander", "russian"))):
        asked = answer_type(question)
        assert asked.role == role, question
        assert not asked.satisfied_by(minsk), question
    assert answer_type("Who leads the Minsk process?").satisfied_by(
        "The head of the Minsk process, Igor Popov, said…")
    # After one name, the role is held in that name: a government's head is its country's.
    assert answer_type("Who heads the Armenian government?").satisfied_by(
        "Armenian Prime Minister Nikol Pashinyan heads the government.")
    assert answer_type("Who heads the European Council this month?").role == ("head", "european council")


def test_a_number_asked_for_each_needs_one_given_for_each():
    each = answer_type("How many Russian military personnel are stationed at each of the two bases?")
    assert each.each
    assert not each.satisfied_by("More than 3,000 Russian military personnel are stationed at two military "
                                 "bases located on the territory of Armenia.")
    assert each.satisfied_by("About 1,500 Russian military personnel are stationed at each of the two bases.")
    yearly = answer_type("How much military equipment does Russia sell to Azerbaijan each year?")
    assert not yearly.satisfied_by("Russia sold equipment worth $5 billion to Azerbaijan.")
    assert yearly.satisfied_by("Russia sells Azerbaijan equipment worth $500 million a year.")
    # "per the note" is no rate, and a question that asks no number asks none each.
    assert not answer_type("How many troops, per the editor's note, did Russia send?").each
    assert not answer_type("What does each side want?").each


def test_a_why_needs_a_sentence_that_gives_a_reason_or_an_aim():
    why = answer_type("Why did Tokayev say he did not recognize the self-proclaimed LPR and DPR?")
    assert why.why
    stated = ("He stated that he did not recognize the self-proclaimed LPR and DPR and that he would not "
              "help by sending troops to Ukraine.")
    # "to Ukraine" is a place, not an aim.
    assert not why.satisfied_by(stated, f"The President of Kazakhstan Tokayev spoke. {stated}")
    assert why.satisfied_by("Tokayev did not recognize the self-proclaimed LPR and DPR because he feared "
                            "sanctions.")
    # An aim is a reason, and so is a cause given with "for its"; "so far" is none.
    aid = answer_type("Why did the Kazakh president request assistance from the CSTO?")
    assert aid.satisfied_by("The President of Kazakhstan requested assistance from the CSTO member "
                            "countries to stop armed attacks on government buildings.")
    assert not aid.satisfied_by("Only Kazakhstan has used this principle so far.")
    criticize = answer_type("Why does Turkey criticize Israel?")
    assert criticize.satisfied_by("Turkey, criticizing Israel for its treatment of Arab Muslims, found "
                                  "itself in the same boat with Israel.")
    sidelined = answer_type("Why are other outside powers pushed to the margins?")
    assert sidelined.satisfied_by("Other international players are sidelined because of the tacit "
                                  "agreement between Russia and Turkey.")
    assert not sidelined.satisfied_by("The third country of the Caucasus, Georgia, borders Armenia.")
    # "for its part" and a verb's "to" give no reason.
    soldier = answer_type("Why has Armenia not sent a single soldier to Ukraine?")
    assert not soldier.satisfied_by("Armenia has not sent a single soldier to Ukraine, and Russia, for its "
                                    "part, continues to sell military equipment to Azerbaijan.")
    assert soldier.satisfied_by("Armenia has not sent a single soldier to Ukraine, to keep its ties with "
                                "the West.")
    assert answer_type("Why did Azerbaijan buy drones?").satisfied_by(
        "The drones were used to destroy Armenian air defences.")  # "were used to": an aim
    assert not answer_type("What did Tokayev say?").why
    for question in ("Почему Токаев не признал ЛНР и ДНР?",
                     "Pourquoi Tokaïev refuse-t-il de reconnaître la LPR ?"):
        assert answer_type(question).why, question
        assert not answer_type(question).satisfied_by(stated), question


def test_who_ordered_or_commands_asks_for_a_person_or_an_office():
    shelling = ("On the night of Monday to Tuesday, numerous shelling of Armenia by the Azerbaijani army "
                "took place.")
    for question in ("Who ordered the Azerbaijani army to shell Armenia?",
                     "who commands the russian troops in nagorno-karabakh",
                     "Кто командует азербайджанской армией?",
                     "Qui a ordonné les bombardements de l'Arménie ?"):
        asked = answer_type(question)
        assert asked.people, question
        assert not asked.satisfied_by(shelling), question
    ordered = answer_type("Who ordered the Azerbaijani army to shell Armenia?")
    assert ordered.satisfied_by("Azerbaijani President Ilham Aliyev ordered the shelling of Armenia.")
    # An office held in a place the question does not give.
    assert answer_type("Who ordered the shelling of Armenia?").satisfied_by(
        "The Defence Minister of Azerbaijan ordered the army to shell Armenia.")
    assert not answer_type("Who called Putin after the shelling?").people


def test_a_question_about_the_opening_is_answered_by_the_headline_or_the_lede():
    lede = "But it is unlikely that Moscow will get involved in the fight – for her it is a small matter."
    body = "On the one hand, there is an agreement according to which Russia should intervene."
    for question in ("How likely does the introduction think it is that the Kremlin joins the fight?",
                     "According to the headline, whose reliability is being tested?",
                     "Selon le chapeau, quelle importance l'affaire revêt-elle pour le Kremlin ?",
                     "Что говорится в заголовке о России?"):
        asked = replace(answer_type(question), openings=frozenset({lede}))
        assert asked.opening, question
        assert asked.satisfied_by(lede), question
        assert not asked.satisfied_by(body), question
    # Without the documents' openings nothing is checked; a title or a leader is no opening.
    assert answer_type("What does the lede say?").satisfied_by(body)
    assert not answer_type("What title does Dupuy hold?").opening
    assert not answer_type("Что сказал лидер Казахстана?").opening


def test_a_response_to_a_request_follows_a_sentence_that_reports_the_request():
    refused = "But Russia did not consider it necessary to apply this article and preferred diplomacy."
    called = "Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of Article 4."
    treaty = "On the one hand, there is an agreement according to which Russia should intervene."
    for question in ("How did Russia respond when Armenia invoked the alliance's mutual-aid clause?",
                     "Did the Kremlin invoke the collective-defence clause at Yerevan's request?",
                     "Comment la Russie a-t-elle réagi à la demande de l'Arménie ?",
                     "Как Россия отреагировала на призыв Пашиняна?"):
        asked = answer_type(question)
        assert asked.response, question
        assert asked.satisfied_by(refused, f"{called} {refused}"), question
        assert not asked.satisfied_by(treaty), question
    # The sentence that reports the request is no response to it; one that says how it was met is.
    request = "In January the President of the country requested assistance from the CSTO member countries."
    answered = "All of them responded positively to this request, especially Russia."
    for question in ("How did the CSTO members respond to Kazakhstan's request?",
                     "Как союзники по ОДКБ ответили на просьбу Токаева?"):
        asked = answer_type(question)
        assert not asked.satisfied_by(request), question
        assert asked.satisfied_by(answered, f"{request} {answered}"), question
    # The interviewer's question is no request, and a reaction to remarks asks for none.
    assert not answer_type("How did Dupuy respond when Atlantico asked if Russia's credibility could "
                           "suffer?").response
    assert not answer_type("What did the interviewer ask about Russia's credibility if it does not "
                           "react?").response
    assert not answer_type("How did Moscow react to Tokayev's remarks at the forum?").response


def test_a_part_asks_the_response_to_a_request_the_part_before_names():
    assert responds_to("how did Moscow react?", "What did Pashinyan ask for")
    assert responds_to("comment Moscou a-t-elle réagi ?", "Who asked for Article 4 to be invoked")
    # A part that names its own request, or follows none, is read alone.
    assert not responds_to("how did Moscow react to the request?", "Who is Pashinyan")
    assert not responds_to("how did Moscow react?", "Where did the fighting take place")
    assert not responds_to("when did it start?", "What did Pashinyan ask for")


def test_the_only_one_asked_for_needs_a_sentence_that_says_so():
    only = "Only Kazakhstan has used this principle so far."
    note = "Russia undertook to protect the territories of the CSTO countries, including Armenia."
    for question in ("Which country is the only one to have used the CSTO collective security principle?",
                     "Which country alone has invoked the principle?",
                     "Quel est le seul pays à avoir utilisé le principe de l'OTSC ?",
                     "Какая страна единственная воспользовалась принципом ОДКБ?"):
        asked = answer_type(question)
        assert asked.only, question
        assert asked.satisfied_by(only), question
        assert not asked.satisfied_by(note), question
    # "only" said the sentence before counts; a question that asks no such thing checks nothing.
    assert answer_type("Which state did the NKR recognize alone?").satisfied_by(
        "It recognized Yerevan.", "The NKR recognized only Yerevan. It recognized Yerevan.")
    assert not answer_type("Which country has used the principle?").only
    assert not answer_type("To which country has Armenia not sent a single soldier?").only


def test_a_span_asked_for_needs_a_time_or_a_length():
    troops = "More than 3,000 Russian military personnel are stationed at two military bases in Armenia."
    for question in ("How long is Russia's lease on its military bases in Armenia?",
                     "how far is yerevan from the border area that was shelled",
                     "Как долго российские военные будут в Армении?",
                     "À quelle distance de la frontière se trouve Erevan ?"):
        asked = answer_type(question)
        assert asked.span, question
        assert not asked.satisfied_by(troops), question
    assert answer_type("How long is the lease?").satisfied_by("The lease runs for 49 years.")
    assert answer_type("How far is Yerevan from the border?").satisfied_by("Yerevan lies 40 km from it.")
    # "an", "so far" and "along" are no span; "how many" asks for none.
    assert not answer_type("How far did the fighting go?").satisfied_by(
        "Only Kazakhstan has used this principle so far, an ally along the border.")
    assert not answer_type("How many troops are in Armenia?").span


def test_what_an_analyst_or_a_journalist_says_is_no_outsiders_speech():
    # The corpus's own speakers by role: their words are the documents', not reported speech.
    for question in ("What does the analyst say one should anticipate from Ankara?",
                     "What reason did the journalist float for Moscow's inaction?",
                     "What does the professor think of the treaty?"):
        assert not answer_type(question).speech, question
    assert answer_type("What did Erdogan say about the shelling?").speech
    assert answer_type("What reason did Erdogan suggest for the shelling?").speech


def test_a_faith_is_named_by_its_people_too():
    # The places and people a number is about must be named: "Shiite" names the Shia, "Muslims" Islam.
    wanted = answer_type("What share of Azerbaijanis are Shia?")
    assert wanted.satisfied_by("It supports Azerbaijan, a 75% Shiite country.")
    assert answer_type("How many Muslims follow Islam in Azerbaijan?").satisfied_by(
        "Azerbaijan, where 9 million Muslims live.")
    assert not wanted.satisfied_by("It supports Azerbaijan, a 75% Sunni country.")


def test_a_yes_or_no_question_needs_the_names_it_gives():
    forum = ("But at the St. Petersburg Economic Forum in May, the President of Kazakhstan Tokayev spoke "
             "not at all in an allied way.")
    asked = answer_type("Did Tokayev say at the forum that he recognises Crimea as Russian?")
    assert not asked.satisfied_by(forum)
    assert asked.satisfied_by("Tokayev said that Crimea is Russian.")
    # The document's title names what all of it is about.
    assert asked.satisfied_by("Tokayev said it was.", title="Tokayev: Crimea is Russian")
    # "the Kremlin" is Moscow; a region is named as "the region" as often as by name.
    assert answer_type("Is the Kremlin going to get involved?").satisfied_by("Moscow will not get involved.")
    assert answer_type("Has Putin handed his sway over the South Caucasus to Ankara?").satisfied_by(
        "Vladimir Putin has already partially transferred control of the region to Turkey.")
    # A question that asks what, not whether, is held to its names only where it counts or dates.
    assert not answer_type("What did Tokayev say at the forum about Ukraine?").yes_no


def test_whether_something_was_done_is_not_answered_by_a_call_for_it():
    called = "France has called for the UN Security Council to be convened to determine who is behind it."
    asked = answer_type("Did the UN Security Council actually meet?")
    assert asked.done
    assert not asked.satisfied_by(called)
    assert asked.satisfied_by("The UN Security Council met on Wednesday.")
    # A call answers a question about a wish, a call or an action.
    for question in ("Did France want the UN Security Council to meet?", "Did France call for a meeting?",
                     "did france do anything abt it"):
        assert answer_type(question).satisfied_by(called), question
    # A request the question gives as past is not what it asks about; one asked of after a clause is.
    for question in ("Did the UN Security Council actually convene after France's request?",
                     "Did the Security Council meet after France called for it to be convened?"):
        assert not answer_type(question).satisfied_by(called), question
    assert answer_type("Did Armenia, following the attack, request help from the CSTO?").satisfied_by(
        "Armenia requested help from the CSTO.")
    # A request that says why it was done is no call in its place.
    assert answer_type("Did Russia send peacekeepers?").satisfied_by(
        "Russia deployed peacekeepers at Armenia's request.")


def test_whether_something_was_done_is_not_answered_by_a_call_for_it_in_russian_or_french():
    called = "France has called for the UN Security Council to be convened to determine who is behind it."
    for question in ("Le Conseil de sécurité de l'ONU s'est-il finalement réuni ?",
                     "Собрался ли Совет Безопасности ООН после обстрела?"):
        asked = answer_type(question)
        assert asked.done, question
        assert not asked.satisfied_by(called), question
    # "à propos de" is no proposal, and an English hyphened word asks nothing in French.
    assert answer_type("Le Conseil de sécurité s'est-il réuni à propos de l'attaque ?").done
    assert not answer_type("Is there a hands-on approach to the follow-on talks?").done
    # A call answers a question about a call or a wish.
    for question in ("La France a-t-elle demandé une réunion du Conseil de sécurité ?",
                     "Хотела ли Франция созыва Совета Безопасности?"):
        assert answer_type(question).satisfied_by(called), question


def test_a_reply_to_a_request_or_support_for_a_call_is_a_response():
    called = "Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of Article 4."
    for question in ("Which other CSTO member supported Pashinyan's call to activate Article 4?",
                     "What official reply did the Kremlin send to Pashinyan's request?"):
        asked = answer_type(question)
        assert asked.response, question
        assert not asked.satisfied_by(called), question
    # In Russian or French: at someone's request, support for a call.
    for question in ("Le Conseil de sécurité s'est-il réuni à la demande de la France ?",
                     "La Russie a-t-elle soutenu l'appel de Pachinian ?",
                     "Поддержала ли Россия призыв Пашиняна?",
                     "Собрался ли Совет Безопасности по просьбе Франции?"):
        asked = answer_type(question)
        assert asked.response, question
        assert not asked.satisfied_by(called), question
    # An ordinal is no verb.
    assert not answer_type("What was Armenia's second request to the CSTO?").response
    # What was asked for in response to events is the call itself; in response to a request, a response.
    france = "France has called for the UN Security Council to be convened."
    assert answer_type("What did France request in response to the clashes?").satisfied_by(france)
    assert answer_type("What did Moscow do in response to Pashinyan's request?").response


def test_a_thing_placed_in_one_country_is_not_answered_by_it_placed_in_another():
    hawks = ("Despite the Armenian Prime Minister's desire to establish peace, there are hawks in Yerevan "
             "who seek to rewrite the peace agreement and ignite a conflict with Azerbaijan.")
    assert not answer_type("Which hawks in Baku want to rewrite the peace agreement?").satisfied_by(hawks)
    # The same country by another name, or the thing placed in both, answers.
    assert answer_type("Who are the hawks in Armenia?").satisfied_by(hawks)
    asked = answer_type("Which hawks in Baku want to rewrite the peace agreement?")
    assert not _placed_elsewhere(asked.placed, "There are hawks in Yerevan, and hawks in Azerbaijan.")
    assert _placed_elsewhere(asked.placed, "There are hawks in Yerevan.")
    # Where a thing goes is its place too.
    assert not answer_type("Does Russia also sell military equipment to Armenia?").satisfied_by(
        "Armenia has not helped Russia, and Russia continues to sell military equipment to Azerbaijan.")
    # A place listed with the first is the thing's place too.
    troops = answer_type("Are Russian troops in Armenia?")
    assert not _placed_elsewhere(troops.placed, "Russia has troops in Tajikistan and Armenia.")
    assert not _placed_elsewhere(troops.placed, "Russia has troops in Tajikistan, Kyrgyzstan and Armenia.")


def test_what_someone_said_is_told_by_a_sentence_that_gives_it_not_by_how_they_spoke():
    asked = answer_type("What did Tokayev say at the forum?")
    assert not asked.tells_what("At the forum in May, Tokayev spoke not at all in an allied way.")
    assert asked.tells_what("He stated that he did not recognize the LPR and DPR.")
    # "Which …" asks what was said as "what" does.
    which = answer_type("Which two breakaway republics did the Kazakh leader say he does not recognise?")
    assert which.speech
    # Not one who speaks in a later clause: "What troops…" asks for troops.
    assert not answer_type("What troops did Russia send after Tokayev said he needed help?").speech
    assert answer_type("What did Charles Michel, head of the European Council, say about it?").speech
    assert not which.tells_what("At the forum in May, Tokayev spoke not at all in an allied way.")
    assert which.tells_what("He stated that he did not recognize the LPR and DPR.")
    assert asked.tells_what("Tokayev spoke of the treaty at the forum.")
    # Any other question takes any sentence.
    assert answer_type("Where did Tokayev speak?").tells_what("Tokayev spoke not at all in an allied way.")


def test_who_did_something_is_not_answered_by_the_passive_without_its_doer():
    founded = ("On the other hand, the two countries are members of the Collective Security Treaty "
               "Organization (CSTO), founded in 2002.")
    asked = answer_type("Who founded the Collective Security Treaty Organization in 2002?")
    assert asked.doer_of == "found"
    assert not asked.satisfied_by(founded)
    # The passive with its doer, or the active, names who did it.
    assert answer_type("Who proposed the new form of mediation?").satisfied_by(
        "It weakens the mediation proposed by the head of the European Council Charles Michel.")
    assert answer_type("Who called Putin after the shelling?").satisfied_by(
        "The Prime Minister of Armenia and the President of Iran called President Vladimir Putin.")
    assert not answer_type("Who is the founder?").doer_of
    assert asked.satisfied_by("The CSTO was founded in 2002 by Russia, Armenia and four others.")


@pytest.mark.parametrize(("question", "whether"), [
    ("Poutine a-t-il répondu aux propos de Tokaïev ?", True),
    ("Est-ce que la Russie va intervenir ?", True),
    ("Вмешается ли Москва в конфликт?", True),
    ("Пользовался ли Казахстан принципом коллективной безопасности?", True),
    ("Pourquoi Tokaïev refuse-t-il de reconnaître les républiques ?", False),
    ("Qu'a déclaré Tokaïev ?", False),
    ("Avec qui la Russie a-t-elle signé le traité ?", False),
    ("Depuis quand la Russie est-elle membre ?", False),
    ("Что заявил Токаев?", False),
])
def test_a_russian_or_french_question_that_asks_whether(question, whether):
    assert asks_whether(question) is whether


def test_a_condition_asked_for_needs_a_sentence_that_states_one():
    unlikely = "But it is unlikely that Moscow will get involved in the fight."
    treaty = "If a member country is attacked, all other members must provide it with assistance."
    for question in ("What would it take for Moscow to actually get involved in the fight?",
                     "При каких условиях Москва вмешалась бы?",
                     "À quelles conditions la Russie interviendrait-elle ?"):
        asked = answer_type(question)
        assert asked.condition, question
        assert not asked.satisfied_by(unlikely), question
        assert asked.satisfied_by(treaty), question
    # How something happened is no condition.
    assert not answer_type("Under what circumstances did the soldiers die?").condition


def test_a_date_asked_on_which_calendar_day_and_a_loss_of_interest_that_is_no_defeat():
    night = "This offensive is not taking place in Nagorno-Karabakh but along the common border."
    asked = answer_type("On which calendar date did the army shell Armenia that night?")
    assert not asked.satisfied_by(night)
    assert answer_type("On which exact date did the army shell Armenia?").precision == "dates"
    assert not answer_type("Who won the 2021 Armenian elections?").satisfied_by(
        "It is unlikely that it will lose interest and turn its back on Armenia.")
    assert answer_type("Who won the war?").satisfied_by("In 2020 Azerbaijan won the war.")


def test_what_someone_told_another_needs_a_sentence_that_names_whom_they_told():
    called = "Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of Article 4."
    for question in ("What did the Armenian Prime Minister tell Putin during the phone call?",
                     "What did Nikol Pashinyan ask Putin during their phone call?"):
        asked = answer_type(question)
        assert asked.topic == (frozenset({"putin"}),), question
        assert not asked.satisfied_by(called), question
        told = "Armenian Prime Minister Nikol Pashinyan told Putin that help was due."
        assert asked.satisfied_by(told), question


def test_soldiers_lost_are_dead_and_what_things_are_called_asks_their_names():
    transferred = ("Secondly, a significant part of the Russian troops in Nagorno-Karabakh (1,900 people, "
                   "90 transport vehicles and 88 special forces units) was transferred to Ukraine.")
    lost = answer_type("How many soldiers has Russia lost in Ukraine so far?")
    assert lost.outcomes == {"killed"}
    assert not lost.satisfied_by(transferred)
    assert lost.satisfied_by("Russia has lost about 6,000 soldiers in Ukraine.")
    bases = answer_type("Как называются российские военные базы в Армении?")
    assert bases.personal_name
    assert not bases.satisfied_by("More than 3,000 Russian military personnel are stationed at two military "
                                  "bases located on the territory of Armenia.")


def test_someone_the_documents_never_name_is_told_of_by_no_sentence():
    texts = ["Vladimir Putin has already partially transferred control of the region to Turkey.",
             "Its clause is a copy of the North Atlantic treaty.", "Emmanuel Dupuy said so."]
    speller = Speller(texts, word_list())
    assert speller.strangers("Did Turkish President Erdogan also phone Putin?") == ("erdogan",)
    assert speller.strangers("What was Emmanuel Macron's personal reaction?") == ("macron",)
    # Capitalised parts joined by hyphens are a run ("Ceyhan" is no word the documents use).
    assert speller.strangers("What does the Baku-Tbilisi-Ceyhan pipeline carry?") == ("ceyhan",)
    assert speller.strangers("What is the Moscow-led bloc?") == ()
    # A single name, a common word, a faith, a title and the documents' own names are no strangers.
    for question in ("What did Tokayev say about the Donbas republics?",
                     "Which clause of the North Atlantic treaty?", "Is Azerbaijan Shia?",
                     "What did President Vladimir Putin say?",
                     "Which countries co-chair the OSCE Minsk Group?"):
        assert speller.strangers(question) == (), question
    # The whole run, hyphened words too, and only the first: whom the question is about.
    for question in ("What did Kazakh President Kassym Jomart Tokayev say at the forum?",
                     "What did Kazakh President Kassym-Jomart Tokayev say?",
                     "What did Pashinyan call for after meeting Antony Blinken?"):
        speller = Speller([*texts, "Tokayev and Pashinyan spoke."], word_list())
        assert speller.strangers(question) == (), question
    asked = answer_type("Did Turkish President Erdogan also phone Putin?")
    assert asked.satisfied_by(texts[0])
    assert not replace(asked, strangers=("erdogan",)).satisfied_by(texts[0])


def test_what_someone_wants_is_answered_by_a_sentence_that_says_a_wish_or_an_aim():
    turkey = ("It is unlikely that it will lose interest and turn its back on Armenia and Georgia, "
              "especially if the Georgians one day become members of the NATO alliance.")
    georgia = ("The third country of the Caucasus, Georgia, which shares a border with Azerbaijan and "
               "Armenia, wants to remain independent in relation to Russia and seeks to join NATO.")
    for question in ("What are Tbilisi's aspirations regarding the Atlantic alliance?",
                     "is georgia tryin to get into nato??", "What is Tbilisi after when it comes to NATO?",
                     "What energy role does Ankara aspire to play?"):
        asked = answer_type(question)
        assert asked.aspiration, question
        assert not asked.satisfied_by(turkey), question
    assert answer_type("What does Georgia want?").satisfied_by(georgia)
    # A call is a wish said aloud; a question that asks no wish is not held to one.
    assert answer_type("What did Pashinyan seek?").satisfied_by(
        "Armenian Prime Minister Nikol Pashinyan immediately called for the implementation of Article 4.")
    assert not answer_type("Is Georgia a member of NATO?").aspiration
    assert not answer_type("What is Georgia attempting to do?").satisfied_by(turkey)
    # What the one who asks wants, what a word means, a target hit and what happens after are no
    # wish asked for.
    for question in ("I want to know who leads Armenia.", "Que veut dire OTSC ?", "Хочу узнать, кто это",
                     "Какие цели атаковал Азербайджан?", "What is happening after the ceasefire?"):
        assert not answer_type(question).aspiration, question
    assert answer_type("What are Russia's objectives?").satisfied_by("Russia's main objective is to stay.")
    for question in ("Чего добивается Тбилиси в отношениях с НАТО?", "Que veut la Géorgie ?"):
        assert not answer_type(question).satisfied_by(turkey), question
        assert answer_type(question).satisfied_by(georgia), question


def test_a_comparison_needs_a_sentence_that_compares():
    bigger = answer_type("Is Azerbaijan's army bigger than Armenia's?")
    assert bigger.comparison
    assert not bigger.satisfied_by("More than 3,000 Russian military personnel are stationed in Armenia.")
    assert not bigger.satisfied_by("At the same time, Turkey has very cold relations with Iran.")
    assert bigger.satisfied_by("Azerbaijan's army is three times larger than Armenia's.")
    injured = answer_type("How many Armenian soldiers were injured compared with Azerbaijani soldiers?")
    assert not injured.satisfied_by("As a result of the fighting, about fifty people, mostly military, were "
                                    "injured on both sides.")
    # Only the comparison check tells this one from an answer; two figures side by side compare.
    plain = "Azerbaijan's army is large, and Armenia's army is well trained."
    assert not bigger.satisfied_by(plain)
    assert replace(bigger, comparison=False).satisfied_by(plain)
    assert bigger.satisfied_by("Azerbaijan has 60,000 soldiers and Armenia 40,000.")
    assert not bigger.satisfied_by("The Times wrote about Azerbaijan and Armenia.")
    # A count's "than", "rather than" and "other than" compare nothing.
    for question in ("Were fewer than 2,000 peacekeepers deployed?", "Did it happen more than once?",
                     "In which country are more than 3,000 Russian soldiers stationed?",
                     "Rather than triggering the treaty, which route did the Kremlin opt for?",
                     "Which power other than Russia is gaining clout?"):
        assert not answer_type(question).comparison, question


def test_an_act_asked_about_needs_a_sentence_that_reports_it():
    turkey = "At the same time, Turkey has very cold, distant relations with Shiite Iran."
    for question in ("Has Turkey recognized the Armenian genocide?", "Did the EU condemn the shelling?",
                     "Has Ankara offered to mediate between Armenia and Azerbaijan?",
                     "What sanctions did Turkey impose on Iran?", "How did Turkey vote at the UN?",
                     "Признала ли Турция геноцид армян?", "La Turquie a-t-elle condamné les frappes ?"):
        assert not answer_type(question).satisfied_by(turkey), question
    # Reported in some form: a refusal to recognise, a criticism, a mediator.
    stated = "He stated that he did not recognize the self-proclaimed LPR and DPR."
    assert answer_type("Did Tokayev recognise the LPR and DPR?").satisfied_by(
        stated, f"The President of Kazakhstan Tokayev spoke. {stated}")
    assert answer_type("Did Turkey condemn Israel?").satisfied_by(
        "Turkey, criticizing Israel for its treatment of Arab Muslims, found itself in the same boat.")
    assert answer_type("Is Russia a mediator in the Karabakh conflict?").satisfied_by(
        "In the Karabakh conflict, Russia is a mediator-peacemaker who treats both sides equally.")
    assert answer_type("Is Russia a partner of Armenia?").acts == frozenset()
    # Reported in other words: a rejection, "unacceptable", restrictive measures, an abstention.
    for question, sentence in (("Has Turkey recognized the genocide?", "Turkey rejects the term genocide."),
                               ("Did France condemn the strikes?", "France called the strikes unacceptable."),
                               ("What sanctions did the EU impose on Russia?",
                                "The EU adopted restrictive measures against Russia."),
                               ("How did Armenia vote at the UN?", "Armenia's abstention surprised."),
                               ("Has Moscow offered to mediate?", "Moscow co-chairs the OSCE Minsk Group.")):
        assert answer_type(question).satisfied_by(sentence), question
    # No act asked: a sentence passed, a vote to come, a noun, what someone said, a synod's blessing.
    for question in ("Who was condemned to death?", "Кого осудили на 10 лет?",
                     "A-t-il été reconnu coupable ?", "When will the vote take place?",
                     "Какое значение имеет признание геноцида?",
                     "According to Lavrov, are sanctions illegal?", "Did the synod sanction the marriage?"):
        assert answer_type(question).acts == frozenset(), question


def test_a_persons_books_or_schooling_need_a_sentence_that_reports_them():
    posts = ("Emmanuel Dupuy is a professor of geopolitical sciences at the Catholic University of Lille, he "
             "is also the president of the Institute for Security Perspectives in Europe (IPSE).")
    for question in ("What books has Emmanuel Dupuy published?",
                     "Quels livres Emmanuel Dupuy a-t-il publiés ?",
                     "Which university did Emmanuel Dupuy graduate from?", "Where did Emmanuel Dupuy study?",
                     "Where did Emmanuel Dupuy get his doctorate?", "Does Dupuy have a degree in law?"):
        assert not answer_type(question).satisfied_by(posts), question
    assert answer_type("What books has Dupuy published?").satisfied_by("Dupuy is the author of three books.")
    assert answer_type("Where did Dupuy study?").satisfied_by("Dupuy graduated from Sciences Po.")
    for question in ("Where does Dupuy teach?", "To what degree is Russia reliable?"):
        assert answer_type(question).satisfied_by(posts), question
    # An interview published, the verb "livrer", a formation, a study found, a request studied.
    for question in ("Which outlet published the interview with Dupuy?",
                     "La Russie livre-t-elle des armes à l'Azerbaïdjan ?",
                     "Когда произошло образование ОДКБ?",
                     "What kind of equipment did the study find?", "Is Russia studying the request?"):
        assert answer_type(question).acts == frozenset(), question
