"""Telegram HTML rendering: escaped, valid, within 4,096 characters, split between cards."""

from __future__ import annotations

import re
from html import escape, unescape

from bot.local_botapi import parse_telegram_html, utf16_length
from bot.render import answer_cards, citation_card, pack, paragraph_card, visible_length
from bot.texts import DEFAULT, TEXTS, language, say
from retrieval.answer import Answer, Citation


def _citation(quote: str, n: int = 1) -> Citation:
    return Citation(n=n, quote=quote, doc_id="d", title="T <&>", speaker="S", role="interviewee",
                    start=0, end=len(quote), score=1.0, attribution="S, interviewed by <X>",
                    source="“T <&>” (Outlet)")


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
    assert "\n\n".join(messages) == "\n\n".join(cards)


def test_a_card_longer_than_a_message_arrives_whole_across_messages():
    quote = ("Ünïcode 🙂 sentence part " * 400).strip()
    messages = pack([citation_card(_citation(quote))])
    assert len(messages) > 1
    pieces = [unescape(m.split("<blockquote>")[1].split("</blockquote>")[0]) for m in messages]
    assert "".join(pieces) == quote
    assert all(visible_length(m) <= 4096 for m in messages)


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
    assert "(интервьюируемый)" in ru_card
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
