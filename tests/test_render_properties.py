"""Properties of every message the renderer builds, over random text (hypothesis).

Random Unicode, HTML specials, emoji (two UTF-16 units, some several code points) and sentences
longer than a message: every message is HTML Telegram accepts, within 4,096 UTF-16 units, and
every quote arrives verbatim, whole in one message or, when it is longer than a message, in
pieces that concatenate back to exactly the quote.
"""

from __future__ import annotations

import re
from html import unescape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import (
    MESSAGE_LIMIT,
    answer_cards,
    citation_card,
    inline_articles,
    pack,
    paragraph_card,
    utf16_length,
)
from bot.tools.local_botapi import parse_telegram_html
from retrieval.answer import Answer, Citation
from retrieval.documents import DocumentMeta

# Deterministic for CI: the same 200 examples on every run.
PROPERTY = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

EMOJI = ["🙂", "👍🏽", "👨‍👩‍👧", "🇷🇺", "❤️", "𝔘"]
SPECIALS = ["<", ">", "&", '"', "'", "&amp;", "&lt;b&gt;", "<b>", "</blockquote>", "<a href='x'>"]
_fragments = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20),
    st.sampled_from(SPECIALS),
    st.sampled_from(EMOJI),
    st.sampled_from(["word", "слово", "mot", " ", "  ", "\n"]),
)


@st.composite
def texts(draw: st.DrawFn, max_repeat: int = 1) -> str:
    """A non-empty stripped text; with ``max_repeat`` > 1, possibly far longer than a message."""
    text = "".join(draw(st.lists(_fragments, min_size=1, max_size=12)))
    repeat = draw(st.sampled_from([1, 1, 2, max_repeat])) if max_repeat > 1 else 1
    # Up to three messages' worth: long enough to be cut, short enough to keep the test fast.
    text = " ".join([text] * repeat)[:12_000].strip()
    return text or "x"


sentences = texts(max_repeat=600)
labels = texts()


@st.composite
def answers(draw: st.DrawFn) -> tuple[Answer, list[DocumentMeta], str]:
    """An answer with 1-4 quotes from 1-3 documents, maybe caveats and unanswered parts."""
    docs = [f"doc{i}" for i in range(draw(st.integers(1, 3)))]
    titles = {d: draw(labels) for d in docs}

    def citation(n: int, role: str) -> Citation:
        doc_id = draw(st.sampled_from(docs))
        quote, speaker = draw(sentences), draw(labels)
        attribution = draw(st.sampled_from([speaker, f"{speaker}, interviewed by {draw(labels)}",
                                            f"{speaker}, editor's note"]))
        return Citation(n=n, quote=quote, doc_id=doc_id, title=titles[doc_id], speaker=speaker,
                        role=role, start=0, end=len(quote), score=1.0, attribution=attribution,
                        source=f"“{titles[doc_id]}” ({draw(labels)})")

    cited = tuple(citation(n, draw(st.sampled_from(["interviewee", "narrator"])))
                  for n in range(1, draw(st.integers(1, 4)) + 1))
    caveats = tuple(citation(n, "editor") for n in range(1, draw(st.integers(0, 2)) + 1))
    text = "\n\n".join(
        [f"{c.attribution}:\n“{c.quote}” [{c.n}]" for c in cited]
        + [f"Caveat — {c.attribution} on [{draw(st.integers(1, len(cited)))}]:\n“{c.quote}”"
           for c in caveats])
    support = draw(st.sampled_from(["answers", "answers", "related"]))
    answer = Answer(question=draw(labels), abstained=support != "answers", text=text,
                    citations=cited, caveats=caveats if support == "answers" else (),
                    support=support,
                    unanswered=tuple(draw(st.lists(labels, max_size=2))) if support == "answers"
                    else ())
    metas = [DocumentMeta(doc_id=d, title=titles[d], outlet=draw(labels), date="2022-09-14",
                          url=draw(st.sampled_from(["", "https://example.org/a?b=1&c=<2>",
                                                    "javascript:alert(1)"])))
             for d in docs if draw(st.booleans())]
    return answer, metas, draw(st.sampled_from(["en", "ru"]))


def _blocks(html: str) -> list[str]:
    """Each blockquote's text as Telegram shows it (the paragraph view's bold marks removed)."""
    return [unescape(re.sub(r"</?(b|u)>", "", b))
            for b in re.findall(r"<blockquote>(.*?)</blockquote>", html, re.S)]


def assert_sendable(message: str) -> None:
    """Valid Telegram HTML, not empty, within the limit in UTF-16 units."""
    visible = parse_telegram_html(message)
    assert visible.strip()
    assert utf16_length(visible) <= MESSAGE_LIMIT
    for block in _blocks(message):
        assert block in visible


def assert_quotes_verbatim(messages: list[str], quotes: list[str]) -> None:
    """The blockquotes, in order, are exactly the quotes: each whole in one message, or (only
    when longer than a message) cut into pieces in consecutive messages that rejoin exactly."""
    blocks = [(i, b) for i, m in enumerate(messages) for b in _blocks(m)]
    at = 0
    for quote in quotes:
        first, got = blocks[at][0], blocks[at][1]
        at += 1
        while got != quote:
            assert quote.startswith(got), (got[:40], quote[:40])
            assert utf16_length(quote) > MESSAGE_LIMIT - 1500
            assert blocks[at][0] == first + 1
            first, got = blocks[at][0], got + blocks[at][1]
            at += 1
    assert at == len(blocks)


@PROPERTY
@given(answers())
def test_every_answer_message_is_sendable_and_quotes_are_verbatim(case):
    answer, metas, lang = case
    messages = pack(answer_cards(answer, lang, sources=metas))
    for message in messages:
        assert_sendable(message)
    quotes = [c.quote for c in (*answer.citations, *answer.caveats)]
    assert_quotes_verbatim(messages, quotes)


@PROPERTY
@given(answers())
def test_every_more_quotes_message_and_inline_result_is_sendable(case):
    answer, metas, lang = case
    more = pack([citation_card(c, lang=lang, sources=metas) for c in answer.citations])
    for message in more:
        assert_sendable(message)
    assert_quotes_verbatim(more, [c.quote for c in answer.citations])
    for article in inline_articles(answer, lang, sources=metas):
        assert_sendable(article.html)
        assert len(article.title) <= 100
        assert "\n" not in article.title
        assert len(article.description) <= 150
        if article.id.startswith("q"):
            assert _blocks(article.html) == [answer.citations[int(article.id[1:]) - 1].quote]


@PROPERTY
@given(labels, sentences, labels, st.sampled_from(["en", "ru"]))
def test_every_paragraph_view_is_sendable_and_shows_the_whole_quote(before, quote, after, lang):
    paragraph = f"{before} {quote} {after}"
    start = len(before) + 1
    c = Citation(n=1, quote=quote, doc_id="d", title="T", speaker="S", role="interviewee",
                 start=start, end=start + len(quote), score=1.0, attribution="S, interviewed by X",
                 source="“T” (O)")
    messages = pack([paragraph_card(paragraph, start, start + len(quote), c, lang=lang)])
    for message in messages:
        assert_sendable(message)
    bold = [unescape(b) for m in messages for b in re.findall(r"<b><u>(.*?)</u></b>", m, re.S)]
    assert "".join(bold) == quote
    assert len(bold) == 1 or utf16_length(quote) > MESSAGE_LIMIT - 1500
    context_before = unescape(messages[0].split("<blockquote>", 1)[1].split("<b><u>", 1)[0])
    context_after = unescape(messages[-1].rsplit("</u></b>", 1)[1].split("</blockquote>", 1)[0])
    assert context_before.removeprefix("…") in paragraph[:start]
    assert context_after.removesuffix("…") in paragraph[start + len(quote):]
