"""Tools beside the product: the local Bot API server for tests and the Telegram load benchmark.

Nothing under ``bot/telegram`` imports from here.
"""
