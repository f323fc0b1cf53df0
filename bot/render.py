"""Answers as Telegram HTML: one card per quote, messages split between cards, never inside.

Everything from the corpus or the user is escaped; only the tags written here reach Telegram.
Telegram counts a message's 4,096-character limit on the text after entities are parsed, in
UTF-16 code units, so that is what ``visible_length`` measures.
"""

from __future__ import annotations

import re
from html import escape, unescape

from bot.texts import DEFAULT, say
from retrieval.answer import Answer, Citation
from retrieval.documents import DocumentMeta

MESSAGE_LIMIT = 4096
ROLES = ("interviewee", "interviewer", "editor", "narrator")
_TAG = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """What a message shows once Telegram has parsed its HTML."""
    return unescape(_TAG.sub("", html))


def visible_length(html: str) -> int:
    """Length of a message as Telegram counts it (tags removed, entities decoded, UTF-16)."""
    return len(plain_text(html).encode("utf-16-le")) // 2


def _who(c: Citation, lang: str) -> str:
    """Who says a quote: the engine's English attribution, or speaker and role in another language."""
    role = say(lang, f"role_{c.role}") if c.role in ROLES else c.role
    if lang == DEFAULT:
        # "InoSMI, editor's note" already names its role; "Emmanuel Dupuy, interviewed by ..." does not.
        label = "" if role in c.attribution else f" ({escape(role)})"
        return f"<b>{escape(c.attribution)}</b>{label}"
    return f"<b>{escape(c.speaker)}</b> ({escape(role)})"


def citation_card(c: Citation, *, caveat: bool = False, related: bool = False,
                  lang: str = DEFAULT) -> str:
    """One quote: the verbatim text in a blockquote, then who said it and where."""
    marker = say(lang, "caveat") if caveat else f"[{c.n}]"
    if related:
        marker += f" <i>({escape(say(lang, 'related_marker'))})</i>"
    return (f"<blockquote>{escape(c.quote, quote=False)}</blockquote>\n"
            f"{marker} {_who(c, lang)}\n<i>{escape(c.source)}</i>")


def answer_cards(answer: Answer, lang: str = DEFAULT) -> list[str]:
    """The cards of an answer, in order: citations, then caveats.

    The documents answer: the quotes. They come close: one sentence saying they do not answer,
    then the related quotes, each marked as not answering. Nothing relevant: one sentence.
    """
    if answer.support == "related":
        return [escape(say(lang, "related")),
                *(citation_card(c, related=True, lang=lang) for c in answer.citations)]
    if answer.abstained:
        return [escape(say(lang, "abstention"))]
    cards = [citation_card(c, lang=lang) for c in answer.citations]
    cards.extend(citation_card(c, caveat=True, lang=lang) for c in answer.caveats)
    cards.extend(escape(say(lang, "unanswered_part", part=part)) for part in answer.unanswered)
    return cards


def pack(cards: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join cards into as few messages as fit the limit, splitting only between cards.

    A single card longer than the limit (a sentence of thousands of characters) is sent on its
    own in pieces cut at white space, each piece still inside its own blockquote, so the quote
    is delivered whole and verbatim across the messages.
    """
    messages: list[str] = []
    current = ""
    for card in cards:
        if visible_length(card) > limit:
            if current:
                messages.append(current)
                current = ""
            messages.extend(_split_card(card, limit))
            continue
        joined = f"{current}\n\n{card}" if current else card
        if visible_length(joined) <= limit:
            current = joined
        else:
            messages.append(current)
            current = card
    if current:
        messages.append(current)
    return messages


def _split_card(card: str, limit: int) -> list[str]:
    quote_html, _, tail = card.partition("</blockquote>")
    quote = unescape(quote_html.removeprefix("<blockquote>"))
    pieces, start = [], 0
    # Room in characters, assuming the worst case of two UTF-16 units per character, and
    # leaving space for the attribution that follows the last piece.
    room = (limit - visible_length(tail) - 8) // 2
    while start < len(quote):
        end = min(len(quote), start + room)
        if end < len(quote):
            cut = quote.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(f"<blockquote>{escape(quote[start:end], quote=False)}</blockquote>")
        start = end
    pieces[-1] += tail
    return pieces


def paragraph_card(paragraph: str, start: int, end: int, c: Citation,
                   limit: int = MESSAGE_LIMIT, lang: str = DEFAULT) -> str:
    """The paragraph around a quote with the quote in bold; long context is trimmed, never the quote."""
    before, quote, after = paragraph[:start], paragraph[start:end], paragraph[end:]
    footer = f"\n[{c.n}] {_who(c, lang)}\n<i>{escape(c.source)}</i>"
    budget = limit - visible_length(footer) - len(quote) - 10
    if len(before) + len(after) > budget:
        half = max(0, budget // 2)
        before = ("…" + before[-half:]) if len(before) > half else before
        after = (after[:half] + "…") if len(after) > half else after
    return (f"<blockquote>{escape(before, quote=False)}<b><u>{escape(quote, quote=False)}</u></b>"
            f"{escape(after, quote=False)}</blockquote>{footer}")


def sources_text(metas: list[DocumentMeta]) -> str:
    """The documents the bot knows, with their metadata."""
    lines = [f"I know {len(metas)} document{'s' if len(metas) != 1 else ''}:"]
    for m in metas:
        lines.append(f"\n<b>{escape(m.title)}</b>")
        for label, value in (("Outlet", m.outlet), ("Published by", m.publisher),
                             ("Interview", f"{m.interviewee} with {m.interviewer}"
                              if m.interviewer else ""),
                             ("Authors", ", ".join(m.authors)), ("Language", m.language),
                             ("Date", m.date), ("Address", m.url)):
            if value:
                lines.append(f"{label}: {escape(value)}")
    return "\n".join(lines)
