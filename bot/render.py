"""Answers as Telegram HTML: a card per quote with one short attribution line, sources once per message.

Everything from the corpus or the user is escaped; only the tags written here reach Telegram.
Telegram counts a message's 4,096-character limit on the text after entities are parsed, in
UTF-16 code units (``utf16_length``), and every message built here is within it: cards are joined
into messages between cards, and a card longer than a message is cut inside, at white space where
it can be, its tags closed and reopened, so a long quote still arrives whole and verbatim.

A card is a ``Card``: a string of HTML that also names the documents it quotes, so that ``pack``
can write each document's source (title, outlet, date, link) once under the message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urlparse

from bot.texts import DEFAULT, say
from retrieval.answer import Answer, Citation
from retrieval.documents import DocumentMeta

MESSAGE_LIMIT = 4096
# Inline results: the title and description are labels in the chooser, not the message, and
# Telegram shows only a line or two of each.
INLINE_TITLE_LIMIT = 100
INLINE_DESCRIPTION_LIMIT = 150
ROLES = ("interviewee", "interviewer", "editor", "narrator")
_TAG = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"(<[^>]+>)")


def utf16_length(text: str) -> int:
    """Length of a text as Telegram counts it: UTF-16 code units (an emoji is two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def plain_text(html: str) -> str:
    """What a message shows once Telegram has parsed its HTML."""
    return unescape(_TAG.sub("", html))


def visible_length(html: str) -> int:
    """Length of a message as Telegram counts it (tags removed, entities decoded, UTF-16)."""
    return utf16_length(plain_text(html))


# --- cards -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SourceRef:
    """A document a card quotes: its number in the answer (None for a caveat) and source line."""

    doc_id: str
    n: int | None
    html: str


class Card(str):
    """A card's Telegram HTML, which also names the documents it quotes (``refs``).

    It stays a string, so a card can be sent or joined as one; ``pack`` reads ``refs`` to write
    each document's source once per message.
    """

    refs: tuple[SourceRef, ...]
    lang: str

    def __new__(cls, html: str, refs: tuple[SourceRef, ...] = (), lang: str = DEFAULT) -> Card:
        """A card with the documents it quotes, in the language of its own words."""
        card = super().__new__(cls, html)
        card.refs, card.lang = refs, lang
        return card


def _metas(sources: Iterable[DocumentMeta] | None) -> dict[str, DocumentMeta]:
    return {m.doc_id: m for m in sources or ()}


def _source_html(c: Citation, meta: DocumentMeta | None, lang: str) -> str:
    """Title, outlet, date and link of a quote's document; the engine's source line without metadata."""
    if meta is None:
        return escape(c.source or f"“{c.title}”", quote=False)
    title = f"“{escape(meta.title, quote=False)}”"
    if urlparse(meta.url).scheme in ("http", "https"):
        title = f'<a href="{escape(meta.url)}">{title}</a>'
    where = meta.outlet
    if meta.publisher and meta.publisher != meta.outlet:
        via = say(lang, "via", publisher=meta.publisher)
        where = f"{where}, {via}" if where else meta.publisher
    details = ", ".join(x for x in (where, meta.date) if x)
    return title + (f" ({escape(details, quote=False)})" if details else "")


def _who(c: Citation, lang: str) -> str:
    """Who says a quote, shortly: the engine's attribution, or speaker and role in another language.

    The English attribution already says the role ("Emmanuel Dupuy, interviewed by Atlantico",
    "InoSMI, editor's note"); only a bare name gets the role after it.
    """
    role = say(lang, f"role_{c.role}") if c.role in ROLES else c.role
    if lang == DEFAULT and c.attribution:
        label = f" ({escape(role, quote=False)})" if c.attribution == c.speaker and role else ""
        return f"<b>{escape(c.attribution, quote=False)}</b>{label}"
    return f"<b>{escape(c.speaker, quote=False)}</b>" + (f" ({escape(role, quote=False)})"
                                                        if role else "")


def citation_card(c: Citation, *, caveat: bool = False, related: bool = False,
                  lang: str = DEFAULT, about: str = "",
                  sources: Iterable[DocumentMeta] | None = None) -> Card:
    """One quote: the verbatim text in a blockquote, then one short line saying who said it.

    A caveat (an editor's note) names the quotes it is ``about`` ("[1], [2]"). The source is
    not in the card: ``pack`` writes it once under each message.
    """
    if caveat:
        marker = say(lang, "caveat_on", targets=about) if about else say(lang, "caveat")
    else:
        marker = f"[{c.n}]"
    if related:
        marker += f" <i>({escape(say(lang, 'related_marker'), quote=False)})</i>"
    ref = SourceRef(c.doc_id, None if caveat else c.n,
                    _source_html(c, _metas(sources).get(c.doc_id), lang))
    return Card(f"<blockquote>{escape(c.quote, quote=False)}</blockquote>\n{marker} {_who(c, lang)}",
                (ref,), lang)


def caveat_targets(answer: Answer, caveat: Citation) -> str:
    """The quotes a caveat comments on ("[1], [2]"), as the answer text names them; "" if unknown.

    The engine writes "Caveat — {attribution} on [1], [2]:" above the note (what the terminal
    shows); the dataclasses do not carry the link, so it is read back from there.
    """
    pattern = (re.escape(f"Caveat — {caveat.attribution} on ") + r"((?:\[\d+\](?:, )?)+)"
               + re.escape(f":\n“{caveat.quote}”"))
    found = re.search(pattern, answer.text)
    return found.group(1) if found else ""


def answer_cards(answer: Answer, lang: str = DEFAULT,
                 sources: Iterable[DocumentMeta] | None = None) -> list[str]:
    """The cards of an answer, in order: citations, then caveats, then unanswered parts.

    The documents answer: the quotes. They come close: one sentence saying they do not answer,
    then the related quotes, each marked as not answering. Nothing relevant: one sentence.
    ``sources`` (the service's document metadata) adds dates and links to the source lines.
    """
    metas = list(sources or ())
    if answer.support == "related":
        return [escape(say(lang, "related"), quote=False),
                *(citation_card(c, related=True, lang=lang, sources=metas)
                  for c in answer.citations)]
    if answer.abstained:
        return [escape(say(lang, "abstention"), quote=False)]
    cards: list[str] = [citation_card(c, lang=lang, sources=metas) for c in answer.citations]
    cards.extend(citation_card(c, caveat=True, lang=lang, about=caveat_targets(answer, c),
                               sources=metas) for c in answer.caveats)
    cards.extend(escape(say(lang, "unanswered_part", part=part), quote=False)
                 for part in answer.unanswered)
    return cards


def paragraph_card(paragraph: str, start: int, end: int, c: Citation,
                   limit: int = MESSAGE_LIMIT, lang: str = DEFAULT,
                   sources: Iterable[DocumentMeta] | None = None) -> str:
    """The paragraph around a quote, the quote in bold, then who said it and the source.

    The context is trimmed (marked "…") so the card fits one message; the quote never is. A
    quote longer than a message leaves no room for context, and ``pack`` cuts the card inside.
    """
    before, quote, after = paragraph[:start], paragraph[start:end], paragraph[end:]
    source = _source_html(c, _metas(sources).get(c.doc_id), lang)
    footer = f"\n[{c.n}] {_who(c, lang)}\n{_label_html(say(lang, 'source'))} {source}"
    # Two units for the two "…" that mark trimmed context.
    room = limit - visible_length(footer) - utf16_length(quote) - 2
    if utf16_length(before) + utf16_length(after) > room:
        before, after = _trim_context(before, after, max(0, room))
    return Card(f"<blockquote>{escape(before, quote=False)}<b><u>{escape(quote, quote=False)}</u></b>"
                f"{escape(after, quote=False)}</blockquote>{footer}", (), lang)


def _trim_context(before: str, after: str, room: int) -> tuple[str, str]:
    """Keep the end of ``before`` and the start of ``after`` within ``room`` UTF-16 units together,
    cut at white space, each side marked "…" where it was cut."""
    half = room // 2
    keep_before = min(utf16_length(before), max(half, room - utf16_length(after)))
    keep_after = min(utf16_length(after), room - keep_before)
    head = _prefix_within(after, keep_after)
    if len(head) < len(after):
        cut = head.rfind(" ")
        head = (head[:cut] if cut > 0 else head) + "…"
    tail = before[::-1]
    tail = _prefix_within(tail, keep_before)[::-1]
    if len(tail) < len(before):
        cut = tail.find(" ")
        tail = "…" + (tail[cut + 1:] if 0 <= cut < len(tail) - 1 else tail)
    return (tail if keep_before else ""), (head if keep_after else "")


def _prefix_within(text: str, units: int) -> str:
    """The longest prefix of ``text`` whose UTF-16 length is at most ``units``."""
    if utf16_length(text) <= units:
        return text
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            return text[:i]
    return text


# --- messages --------------------------------------------------------------------------------

def _label_html(label: str) -> str:
    return f"<i>{escape(label, quote=False)}</i>"


def _sources_footer(cards: Sequence[str]) -> str:
    """Each document the cards quote, once: "Source: …", or "Sources:" with the quote numbers."""
    numbers: dict[str, list[int]] = {}
    lines: dict[str, str] = {}
    for card in cards:
        for ref in getattr(card, "refs", ()):
            lines.setdefault(ref.doc_id, ref.html)
            numbers.setdefault(ref.doc_id, [])
            if ref.n is not None and ref.n not in numbers[ref.doc_id]:
                numbers[ref.doc_id].append(ref.n)
    if not lines:
        return ""
    lang = next((getattr(card, "lang", DEFAULT) for card in cards if getattr(card, "refs", ())),
                DEFAULT)
    if len(lines) == 1:
        (line,) = lines.values()
        return f"\n\n{_label_html(say(lang, 'source'))} {line}"
    rows = [" ".join([*(f"[{n}]" for n in numbers[doc_id]), html]) for doc_id, html in lines.items()]
    return f"\n\n{_label_html(say(lang, 'sources'))}\n" + "\n".join(rows)


def _message(cards: Sequence[str]) -> str:
    """Cards joined into one message, with the sources they quote written once under them."""
    return "\n\n".join(cards) + _sources_footer(cards)


def pack(cards: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join cards into as few messages as fit the limit, each with its sources written once.

    Messages split between cards. A card too long for a message of its own (a sentence of
    thousands of characters) is cut inside, see ``split_html``: its quote arrives whole and
    verbatim across consecutive messages.
    """
    messages: list[str] = []
    group: list[str] = []
    for card in cards:
        if group and visible_length(_message([*group, card])) <= limit:
            group.append(card)
            continue
        if group:
            messages.append(_message(group))
            group = []
        if visible_length(_message([card])) <= limit:
            group = [card]
        else:
            messages.extend(split_html(_message([card]), limit))
    if group:
        messages.append(_message(group))
    return messages


def split_html(html: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Cut our HTML into messages within ``limit``: between lines where it can, else inside one.

    Lines are the text between newlines outside any tag (a blockquote, an attribution line, a
    source line). A line longer than a message is cut at white space, or anywhere if a word is
    longer than a message; tags open at the cut are closed and reopened in the next message.
    """
    pieces: list[str] = []
    current: str | None = None
    for line in _top_level_lines(html):
        joined = line if current is None else f"{current}\n{line}"
        if visible_length(joined) <= limit:
            current = joined
            continue
        if current is not None and plain_text(current).strip():
            pieces.append(current)
        current = None
        if visible_length(line) <= limit:
            current = line
            continue
        *full, current = _split_line(line, limit)
        pieces.extend(full)
    if current is not None and plain_text(current).strip():
        pieces.append(current)
    return pieces


def _top_level_lines(html: str) -> list[str]:
    """``html`` split at the newlines that are outside every tag."""
    lines, current, depth = [], "", 0
    for token in _TOKEN.split(html):
        if token.startswith("<"):
            depth += -1 if token.startswith("</") else 1
            current += token
        elif depth:
            current += token
        else:
            first, *rest = token.split("\n")
            current += first
            for part in rest:
                lines.append(current)
                current = part
    lines.append(current)
    return lines


def _split_line(html: str, limit: int) -> list[str]:
    """Cut one line of HTML into pieces of at most ``limit`` visible units, tags kept balanced."""
    pieces: list[str] = []
    stack: list[tuple[str, str]] = []  # (name, opening tag) of the tags open here
    current: list[str] = []
    used = 0

    def flush() -> None:
        nonlocal current, used
        pieces.append("".join(current) + "".join(f"</{name}>" for name, _ in reversed(stack)))
        current, used = [opening for _, opening in stack], 0

    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("</"):
            stack.pop()
            current.append(token)
            continue
        if token.startswith("<"):
            stack.append((token[1:-1].split()[0], token))
            current.append(token)
            continue
        text = unescape(token)
        while text:
            fits = len(_prefix_within(text, limit - used))
            if fits >= len(text):
                current.append(escape(text, quote=False))
                used += utf16_length(text)
                break
            # Cut after the last white space that fits; a piece that would start a message with
            # nothing but white space (Telegram refuses an empty message) is cut at the limit.
            cut = max(text.rfind(" ", 0, fits), text.rfind("\n", 0, fits)) + 1
            if cut == 0 or (used == 0 and not text[:cut].strip()):
                cut = fits
            if cut == 0:
                flush()
                continue
            current.append(escape(text[:cut], quote=False))
            text = text[cut:]
            flush()
    pieces.append("".join(current))
    return pieces


# --- inline mode -----------------------------------------------------------------------------

@dataclass(frozen=True)
class InlineArticle:
    """One inline result: a short title and description to choose by, and the message it sends."""

    id: str
    title: str
    description: str
    html: str


def _label(text: str, limit: int) -> str:
    """A one-line label of at most ``limit`` characters, cut at a word and marked "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit - 1].rstrip() + "…"


def inline_articles(answer: Answer, lang: str = DEFAULT,
                    sources: Iterable[DocumentMeta] | None = None,
                    limit: int = MESSAGE_LIMIT) -> list[InlineArticle]:
    """The inline results for an answer: one message per quote, each with its source.

    An inline result is one message, so a quote longer than a message has no result (it is never
    shortened); when no quote fits, one result says to ask in a private chat.
    """
    if answer.abstained:
        return [InlineArticle("none", _label(say(lang, "inline_none"), INLINE_TITLE_LIMIT), "",
                              answer_cards(answer, lang)[0])]
    metas = list(sources or ())
    articles = []
    for c in (*answer.citations, *answer.more):
        html = _message([citation_card(c, lang=lang, sources=metas)])
        if visible_length(html) <= limit:
            who = c.attribution if lang == DEFAULT and c.attribution else c.speaker
            articles.append(InlineArticle(f"q{c.n}", _label(c.quote, INLINE_TITLE_LIMIT),
                                          _label(f"[{c.n}] {who}", INLINE_DESCRIPTION_LIMIT), html))
    if not articles:
        text = say(lang, "inline_too_long")
        return [InlineArticle("long", _label(text, INLINE_TITLE_LIMIT), "",
                              escape(text, quote=False))]
    return articles


def sources_text(metas: list[DocumentMeta]) -> str:
    """The documents the bot knows, with their metadata."""
    lines = [f"I know {len(metas)} document{'s' if len(metas) != 1 else ''}:"]
    for m in metas:
        lines.append(f"\n<b>{escape(m.title, quote=False)}</b>")
        for label, value in (("Outlet", m.outlet), ("Published by", m.publisher),
                             ("Interview", f"{m.interviewee} with {m.interviewer}"
                              if m.interviewer else ""),
                             ("Authors", ", ".join(m.authors)), ("Language", m.language),
                             ("Date", m.date), ("Address", m.url)):
            if value:
                lines.append(f"{label}: {escape(value, quote=False)}")
    return "\n".join(lines)
