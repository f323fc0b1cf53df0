"""Telegram HTML rendering: escaped, valid, within 4,096 characters, split between cards."""

from __future__ import annotations

import re
from html import unescape

from bot.local_botapi import parse_telegram_html, utf16_length
from bot.render import citation_card, pack, paragraph_card, visible_length
from retrieval.answer import Citation


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
