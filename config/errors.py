"""The exceptions of the whole program, in the lowest layer so that settings, the engine and the
front ends share them without ``config`` depending on ``retrieval``.

Every message is one sentence that is safe to show a user: it names what is wrong and never
contains a secret. Library errors are translated at the boundary with ``raise ... from exc``::

    QuoteBotError
     ├── ConfigError          a setting is missing or malformed
     ├── InvalidQuestion      empty, too long or unreadable question
     ├── CorpusError          a corpus file is broken, or the corpus is empty
     ├── ModelUnavailable     the embedding model cannot be loaded offline
     ├── StoreUnavailable     Chroma cannot be reached or opened
     └── IndexUnavailable     the index cannot be built or written (read-only, locked)
"""

from __future__ import annotations


class QuoteBotError(Exception):
    """Base class; ``str(error)`` is a one-sentence message safe to show a user."""


class ConfigError(QuoteBotError):
    """A setting is missing or malformed."""


class InvalidQuestion(QuoteBotError):
    """The question cannot be answered as given (empty, too long, unreadable).

    ``reason`` ("empty", "long", "control") lets a front end say it in the user's language.
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class CorpusError(QuoteBotError):
    """A corpus file is broken, or there is nothing to index."""


class ModelUnavailable(QuoteBotError):
    """The configured embedding model is not available offline."""


class StoreUnavailable(QuoteBotError):
    """The Chroma store cannot be reached or opened."""


class IndexUnavailable(QuoteBotError):
    """The index cannot be built or written (read-only data directory, another writer)."""
