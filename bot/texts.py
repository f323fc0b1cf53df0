"""The bot's own words in each language it speaks; quotes are never translated.

The language is the user's Telegram ``language_code`` ("ru", "ru-RU" → Russian); any other or a
missing code falls back to English. Every language has every key (a test checks it).
"""

from __future__ import annotations

from typing import Any

from retrieval.compose import UNANSWERED_PART_TEXT

DEFAULT = "en"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "abstention": "The documents I have do not answer this question, so there is nothing to "
                      "quote. Try rephrasing it, or see /sources for what I know.",
        "related": "The documents I have do not answer this question. These passages come close, "
                   "but they do not answer it:",
        "unanswered_part": UNANSWERED_PART_TEXT,
        "caveat": "⚠️ Caveat:",
        "caveat_on": "⚠️ Caveat on {targets}:",
        "source": "Source:",
        "sources": "Sources:",
        "via": "via {publisher}",
        "related_marker": "related, does not answer",
        "role_interviewee": "interviewee", "role_interviewer": "interviewer",
        "role_editor": "editor's note", "role_narrator": "narration",
        "show_paragraph": "Show paragraph [{n}]",
        "more_quotes": "More quotes",
        "no_more": "There are no more quotes for this question.",
        "thanks": "Thanks for the feedback!",
        "expired": "This answer has expired; please ask again.",
        "too_quick": "You are asking quickly; please try again in {seconds} s.",
        "refusal": "Sorry, this bot is private.",
        "not_text": "Send me a question as text, please.",
        "ask_usage": "Add your question after /ask, for example: "
                     "/ask What does the CSTO treaty oblige Russia to do?",
        "start": "I answer questions with exact, attributed quotes from these documents:\n"
                 "{titles}\n\nAsk me anything about them, or try one of these:",
        "help": "Send me a question about the documents and I answer with their exact sentences: "
                "who said each one, in which article, with a number you can follow.\n\n"
                "• In a group, mention me or reply to me, or use /ask.\n"
                "• Inline: type @{username} and a question in any chat.\n"
                "• /sources lists the documents; under an answer, “Show paragraph” shows a quote "
                "in its context and 👍/👎 tell me how I did.",
        "small_talk": "Hello! Send me a question about the documents (/sources lists them), and "
                      "I answer with their exact sentences.",
        "inline_help_title": "Ask about the documents",
        "inline_help_description": "Type a question after my name to get sourced quotes.",
        "inline_none": "The documents do not answer this",
        "inline_too_long": "These quotes are too long for one message; ask me in a private chat "
                           "to read them whole.",
        "admins_only": "Only admins can do that.",
        "error": "Sorry, something went wrong while answering that. Please try again.",
        "unavailable": "The index is unavailable right now; please ask again in a moment.",
        "invalid_empty": "The question is empty; ask something about the documents.",
        "invalid_long": "The question is too long; please shorten it.",
        "invalid_control": "The question contains a control character; send plain text.",
    },
    "ru": {
        "abstention": "В моих документах нет ответа на этот вопрос, поэтому цитировать нечего. "
                      "Попробуйте сформулировать иначе или посмотрите /sources.",
        "related": "В моих документах нет ответа на этот вопрос. Эти фрагменты близки к теме, "
                   "но не отвечают на него:",
        "unanswered_part": "На эту часть вопроса документы не отвечают: «{part}»",
        "caveat": "⚠️ Оговорка:",
        "caveat_on": "⚠️ Оговорка к {targets}:",
        "source": "Источник:",
        "sources": "Источники:",
        "via": "публикация {publisher}",
        "related_marker": "по теме, но не ответ",
        "role_interviewee": "интервьюируемый", "role_interviewer": "интервьюер",
        "role_editor": "примечание редакции", "role_narrator": "от редакции",
        "show_paragraph": "Показать абзац [{n}]",
        "more_quotes": "Ещё цитаты",
        "no_more": "Других цитат по этому вопросу нет.",
        "thanks": "Спасибо за отзыв!",
        "expired": "Срок действия этого ответа истёк; задайте вопрос ещё раз.",
        "too_quick": "Вы спрашиваете слишком часто; попробуйте через {seconds} с.",
        "refusal": "Извините, это закрытый бот.",
        "not_text": "Пожалуйста, пришлите вопрос текстом.",
        "ask_usage": "Напишите вопрос после /ask, например: "
                     "/ask Что договор ОДКБ обязывает делать Россию?",
        "start": "Я отвечаю на вопросы точными цитатами с указанием источника из этих "
                 "документов:\n{titles}\n\nСпросите что угодно о них или попробуйте один из "
                 "вопросов:",
        "help": "Пришлите вопрос о документах, и я отвечу их точными предложениями: кто сказал "
                "каждое, в какой статье, с номером-ссылкой.\n\n"
                "• В группе упомяните меня, ответьте на моё сообщение или используйте /ask.\n"
                "• Inline: наберите @{username} и вопрос в любом чате.\n"
                "• /sources — список документов; под ответом «Показать абзац» показывает цитату "
                "в контексте, а 👍/👎 — оценка ответа.",
        "small_talk": "Здравствуйте! Пришлите вопрос о документах (их список — /sources), и я "
                      "отвечу их точными предложениями.",
        "inline_help_title": "Спросите о документах",
        "inline_help_description": "Напишите вопрос после моего имени, чтобы получить цитаты.",
        "inline_none": "Документы на это не отвечают",
        "inline_too_long": "Эти цитаты не помещаются в одно сообщение; спросите меня в личном "
                           "чате, чтобы прочитать их целиком.",
        "admins_only": "Это могут делать только администраторы.",
        "error": "Извините, при ответе что-то пошло не так. Попробуйте ещё раз.",
        "unavailable": "Индекс сейчас недоступен; задайте вопрос ещё раз чуть позже.",
        "invalid_empty": "Вопрос пустой; спросите что-нибудь о документах.",
        "invalid_long": "Вопрос слишком длинный; сократите его, пожалуйста.",
        "invalid_control": "В вопросе есть управляющий символ; пришлите обычный текст.",
    },
}


def language(code: str | None) -> str:
    """The language to speak for a Telegram ``language_code``."""
    base = (code or "").split("-")[0].lower()
    return base if base in TEXTS else DEFAULT


def say(lang: str, key: str, **values: Any) -> str:
    """One of the bot's texts in a language (English when the language lacks it)."""
    template = TEXTS.get(lang, TEXTS[DEFAULT]).get(key) or TEXTS[DEFAULT][key]
    return template.format(**values) if values else template
