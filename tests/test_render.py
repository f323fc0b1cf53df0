"""Telegram HTML rendering: escaped, valid, within 4,096 UTF-16 units, sources once per message."""

from __future__ import annotations

import re
from html import escape, unescape

import pytest

from bot.render import (
    MESSAGE_LIMIT,
    answer_cards,
    citation_card,
    inline_articles,
    pack,
    paragraph_card,
    utf16_length,
    visible_length,
)
from bot.texts import DEFAULT, TEXTS, language, say
from bot.tools.local_botapi import parse_telegram_html
from retrieval.answer import Answer, Citation
from retrieval.documents import DocumentMeta

LONG_TITLE = ("A new skirmish between Azerbaijan and Armenia: someone is testing the reliability "
              "of Russia as an ally")


def _citation(quote: str, n: int = 1, doc_id: str = "d", *, role: str = "interviewee",
              speaker: str = "S", attribution: str = "S, interviewed by <X>",
              title: str = "T <&>") -> Citation:
    return Citation(n=n, quote=quote, doc_id=doc_id, title=title, speaker=speaker, role=role,
                    start=0, end=len(quote), score=1.0, attribution=attribution,
                    source=f"“{title}” (Outlet)")


def _blocks(html: str) -> list[str]:
    """The text of each blockquote, with the quote's bold/underline marks removed."""
    return [unescape(re.sub(r"</?(b|u)>", "", b))
            for b in re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)]


def _context_around(card: str, quote: str) -> tuple[str, str]:
    """The context shown before and after the quote in a paragraph card."""
    (block,) = _blocks(card)
    before, _, after = block.partition(quote)
    return before, after


def test_a_card_escapes_everything_and_keeps_the_quote_verbatim():
    quote = 'He said "5 < 7 & 8 > 3" — <b>not bold</b>.'
    card = citation_card(_citation(quote))
    parse_telegram_html(card)
    inner = re.search(r"<blockquote>(.*?)</blockquote>", card, re.S)
    assert inner is not None
    assert unescape(inner.group(1)) == quote


def test_pack_splits_between_cards_and_respects_the_limit():
    cards = [citation_card(_citation("word " * 300 + f"end{i}.", i)) for i in range(12)]
    messages = pack(cards)
    assert len(messages) > 1
    for message in messages:
        assert utf16_length(parse_telegram_html(message)) <= 4096
        assert message.count("<blockquote>") == message.count("</blockquote>")
    assert [q for m in messages for q in _blocks(m)] == [f"{'word ' * 300}end{i}." for i in range(12)]
    assert all(m.endswith("<i>Source:</i> “T &lt;&amp;&gt;” (Outlet)") for m in messages)


def test_a_card_longer_than_a_message_arrives_whole_across_messages():
    quote = ("Ünïcode 🙂 sentence part " * 400).strip()
    messages = pack([citation_card(_citation(quote))])
    assert len(messages) > 1
    pieces = [unescape(m.split("<blockquote>")[1].split("</blockquote>")[0]) for m in messages]
    assert "".join(pieces) == quote
    assert all(visible_length(m) <= 4096 for m in messages)
    assert "[1] <b>S, interviewed by &lt;X&gt;</b>" in messages[-1]


def test_utf16_length_counts_an_emoji_as_two_units():
    assert utf16_length("a🙂é") == 4
    assert visible_length("<b>🙂</b> &amp;") == 4


def test_a_paragraph_card_counts_utf16_units_not_characters():
    # Emoji are one character but two UTF-16 units: a budget in characters overflows the message.
    quote = "The quote itself."
    paragraph = "🙂 context " * 600 + quote + " context 🙂" * 600
    start = paragraph.index(quote)
    card = paragraph_card(paragraph, start, start + len(quote), _citation(quote))
    assert f"<b><u>{quote}</u></b>" in card
    assert utf16_length(parse_telegram_html(card)) <= MESSAGE_LIMIT
    assert pack([card]) == [card]
    before, after = _context_around(card, quote)
    assert before.startswith("…")
    assert before[1:] in paragraph[:start]
    assert after.endswith("…")
    assert after[:-1] in paragraph[start + len(quote):]


def test_a_paragraph_card_whose_quote_is_longer_than_a_message_is_split_inside_the_quote():
    quote = ("Ünïcode 🙂 sentence & <part> " * 300).strip()
    paragraph = f"Before it. {quote} After it."
    start = paragraph.index(quote)
    messages = pack([paragraph_card(paragraph, start, start + len(quote), _citation(quote))])
    assert len(messages) > 1
    for message in messages:
        assert utf16_length(parse_telegram_html(message)) <= MESSAGE_LIMIT
    bold = [unescape(b) for m in messages for b in re.findall(r"<b><u>(.*?)</u></b>", m, re.S)]
    assert "".join(bold) == quote
    assert messages[-1].endswith("<i>Source:</i> “T &lt;&amp;&gt;” (Outlet)")


def test_inline_results_are_one_message_each_within_the_limit_and_never_shorten_a_quote():
    short, long = _citation("A short quote 🙂.", 1), _citation("Long 🙂 words " * 700, 2)
    answer = Answer(question="q", abstained=False, text="", citations=(short, long))
    (article,) = inline_articles(answer)
    assert article.id == "q1"
    assert _blocks(article.html) == [short.quote]
    assert "<i>Source:</i> “T &lt;&amp;&gt;” (Outlet)" in article.html
    assert len(article.title) <= 100
    assert len(article.description) <= 150
    (only_long,) = inline_articles(Answer(question="q", abstained=False, text="",
                                          citations=(long,)))
    assert only_long.html == escape(say("en", "inline_too_long"), quote=False)
    assert visible_length(only_long.html) <= MESSAGE_LIMIT


def test_paragraph_card_marks_the_quote_and_trims_only_the_context():
    paragraph = "Before. " * 800 + "The quote itself." + " After." * 800
    start = paragraph.index("The quote itself.")
    card = paragraph_card(paragraph, start, start + len("The quote itself."), _citation("x"))
    assert "<b><u>The quote itself.</u></b>" in card
    assert utf16_length(parse_telegram_html(card)) <= 4096


def test_the_three_outcomes_render_differently_in_each_language():
    quote = "A related sentence."
    answers = Answer(question="q", abstained=False, text="", citations=(_citation(quote),))
    related = Answer(question="q", abstained=True, text="", citations=(_citation(quote),),
                     support="related")
    none = Answer(question="q", abstained=True, text="", support="none")
    assert answer_cards(answers)[0].startswith("<blockquote>A related sentence.</blockquote>")
    first, card = answer_cards(related)
    assert first == escape(say("en", "related"))
    assert "<blockquote>A related sentence.</blockquote>" in card
    assert "related, does not answer" in card
    assert answer_cards(none) == [escape(say("en", "abstention"))]
    ru_first, ru_card = answer_cards(related, "ru")
    assert ru_first.startswith("В моих документах нет ответа")
    assert "по теме, но не ответ" in ru_card
    assert "<b>S</b> (интервьюируемый)" in ru_card
    for card in (*answer_cards(related, "ru"), *answer_cards(answers, "ru")):
        parse_telegram_html(card)


def test_unanswered_parts_are_named_after_the_quotes():
    answer = Answer(question="a? b?", abstained=False, text="", citations=(_citation("x."),),
                    unanswered=("b?",))
    assert answer_cards(answer)[-1] == escape(say("en", "unanswered_part", part="b?"))


def test_every_language_has_every_text():
    keys = set(TEXTS[DEFAULT])
    for lang, texts in TEXTS.items():
        assert set(texts) == keys, lang
    assert language("ru-RU") == "ru"
    assert language("de") == "en"
    assert language(None) == "en"


# --- cards: one short attribution line, the source once per message, caveats say what they are on

def test_a_card_has_one_short_attribution_line_without_a_repeated_role_or_the_source():
    c = _citation("More than 3,000 Russian military personnel are based there.",
                  speaker="Emmanuel Dupuy", attribution="Emmanuel Dupuy, interviewed by Atlantico",
                  title=LONG_TITLE)
    card = citation_card(c)
    _, _, after = card.partition("</blockquote>\n")
    assert after == "[1] <b>Emmanuel Dupuy, interviewed by Atlantico</b>"
    assert "(interviewee)" not in card
    assert LONG_TITLE not in card
    bare = citation_card(_citation("Q.", speaker="S", attribution="S"))
    assert bare.endswith("[1] <b>S</b> (interviewee)")


def test_a_message_names_its_source_once_with_date_and_link_where_known():
    quotes = [_citation(f"Quote number {i}.", i, title=LONG_TITLE) for i in (1, 2, 3)]
    answer = Answer(question="q", abstained=False, text="", citations=tuple(quotes))
    meta = DocumentMeta(doc_id="d", title=LONG_TITLE, outlet="Atlantico", publisher="InoSMI",
                        date="2022-09-14", url="https://example.org/a?b=1&c=2")
    (plain,) = pack(answer_cards(answer))
    assert plain.count(LONG_TITLE) == 1
    assert plain.endswith(f"<i>Source:</i> “{LONG_TITLE}” (Outlet)")
    (linked,) = pack(answer_cards(answer, sources=[meta]))
    assert linked.count(LONG_TITLE) == 1
    assert linked.endswith(f'<i>Source:</i> <a href="https://example.org/a?b=1&amp;c=2">'
                           f"“{LONG_TITLE}”</a> (Atlantico, via InoSMI, 2022-09-14)")
    (ru,) = pack(answer_cards(answer, "ru", sources=[meta]))
    assert "<i>Источник:</i>" in ru
    assert ru.count(LONG_TITLE) == 1
    parse_telegram_html(linked)
    parse_telegram_html(ru)


def test_quotes_from_two_documents_list_each_source_once_with_its_quote_numbers():
    answer = Answer(question="q", abstained=False, text="", citations=(
        _citation("One.", 1, "a", title="Title A"), _citation("Two.", 2, "b", title="Title B"),
        _citation("Three.", 3, "a", title="Title A")))
    (message,) = pack(answer_cards(answer))
    assert message.endswith("<i>Sources:</i>\n[1] [3] “Title A” (Outlet)\n[2] “Title B” (Outlet)")


def test_a_caveat_card_says_which_quote_it_is_about_as_the_terminal_does():
    quote = "This offensive is not taking place in Nagorno-Karabakh."
    note = "(There is an inaccuracy here: approx. InoSMI.)"
    cited = _citation(quote, 1, speaker="Emmanuel Dupuy",
                      attribution="Emmanuel Dupuy, interviewed by Atlantico")
    caveat = _citation(note, 1, role="editor", speaker="InoSMI", attribution="InoSMI, editor's note")
    text = (f"Emmanuel Dupuy, interviewed by Atlantico:\n“{quote}” [1]\n\n"
            f"Caveat — InoSMI, editor's note on [1]:\n“{note}”\n\nSource: [1] “T <&>” (Outlet)")
    answer = Answer(question="q", abstained=False, text=text, citations=(cited,), caveats=(caveat,))
    cards = answer_cards(answer)
    assert cards[1] == (f"<blockquote>{escape(note, quote=False)}</blockquote>\n"
                        "⚠️ Caveat on [1]: <b>InoSMI, editor's note</b>")
    assert "⚠️ Оговорка к [1]: <b>InoSMI</b> (примечание редакции)" in answer_cards(answer, "ru")[1]
    (message,) = pack(cards)
    assert message.count("“T &lt;&amp;&gt;” (Outlet)") == 1


@pytest.mark.slow
@pytest.mark.parametrize("store_mode", ["embedded"])
def test_the_engine_s_caveat_card_names_the_quote_its_answer_text_names(service):
    answer = service.ask("Is the offensive taking place in Nagorno-Karabakh?")
    assert "Caveat — InoSMI, editor's note on [1]" in answer.text
    cards = answer_cards(answer, sources=service.sources())
    caveat_cards = [c for c in cards if "Caveat" in c]
    assert len(caveat_cards) == len(answer.caveats) == 1
    assert "⚠️ Caveat on [1]: <b>InoSMI, editor's note</b>" in caveat_cards[0]
    for message in pack(cards):
        assert message.count(answer.citations[0].title) == 1
