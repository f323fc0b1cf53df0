"""Inline buttons: their callback data, the pattern each handler matches, and the keyboards.

Callback data must fit 64 bytes (Telegram's limit), so it carries a kind letter, the answer's
short id (8 characters, see ``bot.sessions.AnswerStore``) and small numbers: at most 17 bytes.
The answers themselves outlive the process, so a button works after a restart.
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.texts import say
from retrieval.answer import Answer, Citation

_ID = r"(?P<answer>[A-Za-z0-9_-]{1,16})"
# One pattern per button kind; each CallbackQueryHandler matches exactly one.
EXAMPLE = re.compile(r"^x\|(?P<index>\d{1,3})$")
PARAGRAPH = re.compile(rf"^p\|{_ID}\|(?P<n>\d{{1,3}})$")
MORE = re.compile(rf"^m\|{_ID}$")
VOTE = re.compile(rf"^v\|{_ID}\|(?P<vote>-?1)$")
QUOTE_VOTE = re.compile(rf"^q\|{_ID}\|(?P<n>\d{{1,3}})\|(?P<vote>-?1)$")


def example_keyboard(examples: tuple[str, ...]) -> InlineKeyboardMarkup | None:
    """/start's example questions, one per row."""
    if not examples:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(q, callback_data=f"x|{i}")]
                                 for i, q in enumerate(examples)])


def answer_keyboard(answer_id: str, answer: Answer, lang: str) -> InlineKeyboardMarkup | None:
    """Buttons under an answer: a paragraph per quote, more quotes, votes on the answer."""
    if answer.abstained and not answer.citations:
        return None
    rows = [[InlineKeyboardButton(say(lang, "show_paragraph", n=c.n),
                                  callback_data=f"p|{answer_id}|{c.n}")
             for c in answer.citations]]
    if answer.more:
        rows.append([InlineKeyboardButton(say(lang, "more_quotes"),
                                          callback_data=f"m|{answer_id}")])
    rows.append([InlineKeyboardButton("👍", callback_data=f"v|{answer_id}|1"),
                 InlineKeyboardButton("👎", callback_data=f"v|{answer_id}|-1")])
    return InlineKeyboardMarkup(rows)


def quote_vote_keyboard(answer_id: str, citation: Citation) -> InlineKeyboardMarkup:
    """Votes on one quote, under its paragraph."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(f"👍 [{citation.n}]", callback_data=f"q|{answer_id}|{citation.n}|1"),
        InlineKeyboardButton(f"👎 [{citation.n}]", callback_data=f"q|{answer_id}|{citation.n}|-1"),
    ]])
