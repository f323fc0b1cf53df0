"""Moved to ``bot.tools.local_botapi``; kept only until tests/test_render.py imports it there."""

from bot.tools.local_botapi import parse_telegram_html, utf16_length

__all__ = ["parse_telegram_html", "utf16_length"]
