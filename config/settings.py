"""The one Settings object, and the only place that reads the environment.

Defaults come from ``config/settings.toml`` (or the file named by ``QUOTEBOT_SETTINGS``);
environment variables override them:

=====================  =========================================
``CORPUS_DIR``         folder of documents
``DATA_DIR``           embedded Chroma store, catalogue, manifest
``EMBEDDING_MODEL``    local path or offline model name
``CHROMA_HOST``        Chroma server host (empty: embedded store)
``CHROMA_PORT``        Chroma server port
``TELEGRAM_BOT_TOKEN`` the bot's token (never logged or printed)
=====================  =========================================
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retrieval.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETTINGS_FILE = PROJECT_ROOT / "config" / "settings.toml"
PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"

# A bot token is "<bot id>:<35 url-safe characters>"; checked loosely so that a typo is caught
# before the first request, without tying us to Telegram's exact length.
_TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")


class Secret:
    """A string that never shows itself in repr, str, logs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """Return the secret value, for the one call that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, validated once at start-up."""

    corpus_dir: Path
    data_dir: Path
    collection: str = "sentences"
    batch_size: int = 64
    model_name: str = PACKAGED_MODEL
    chroma_host: str = ""
    chroma_port: int = 8000
    candidates: int = 30
    max_citations: int = 3
    max_question_chars: int = 4096
    telegram_token: Secret | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.batch_size <= 0:
            raise ConfigError(f"index.batch_size must be > 0, got {self.batch_size}")
        if self.candidates <= 0:
            raise ConfigError(f"retrieval.candidates must be > 0, got {self.candidates}")
        if not 1 <= self.max_citations <= 3:
            raise ConfigError(f"retrieval.max_citations must be 1-3, got {self.max_citations}")
        if self.max_question_chars <= 0:
            raise ConfigError(
                f"limits.max_question_chars must be > 0, got {self.max_question_chars}"
            )
        if not 0 < self.chroma_port < 65536:
            raise ConfigError(f"CHROMA_PORT must be a port number 1-65535, got {self.chroma_port}")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{1,60}[A-Za-z0-9]", self.collection):
            raise ConfigError(f"index.collection is not a valid collection name: {self.collection!r}")

    @property
    def server_mode(self) -> bool:
        """True when a Chroma server is configured instead of the embedded store."""
        return bool(self.chroma_host)

    def with_overrides(self, **changes: Any) -> Settings:
        """Return a copy with some fields replaced (tests and benchmarks use this)."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        values.update(changes)
        return Settings(**values)


def _section(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"settings section [{name}] must be a table")
    return value


def _int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a whole number, got {value!r}") from None


def _resolve(path: str | Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (PROJECT_ROOT / p)


def _token(raw: str | None) -> Secret | None:
    if raw is None or not raw.strip():
        return None
    raw = raw.strip()
    if not _TOKEN_SHAPE.match(raw):
        # The value itself is never repeated: it may be a real token with a typo.
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (expected '<digits>:<letters>')"
        )
    return Secret(raw)


def load_settings(env: Mapping[str, str] | None = None, path: Path | None = None) -> Settings:
    """Read the settings file, apply environment overrides and validate."""
    env = os.environ if env is None else env
    settings_file = path or Path(env.get("QUOTEBOT_SETTINGS", "") or DEFAULT_SETTINGS_FILE)
    try:
        data = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"settings file {settings_file} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"settings file {settings_file} is not valid TOML: {exc}") from None

    corpus = _section(data, "corpus")
    index = _section(data, "index")
    model = _section(data, "model")
    chroma = _section(data, "chroma")
    retrieval = _section(data, "retrieval")
    limits = _section(data, "limits")

    return Settings(
        corpus_dir=_resolve(env.get("CORPUS_DIR") or corpus.get("dir", "corpus")),
        data_dir=_resolve(env.get("DATA_DIR") or index.get("data_dir", "data")),
        collection=str(index.get("collection", "sentences")),
        batch_size=_int(index.get("batch_size", 64), "index.batch_size"),
        model_name=str(env.get("EMBEDDING_MODEL") or model.get("name", PACKAGED_MODEL)),
        chroma_host=str(env.get("CHROMA_HOST", chroma.get("host", ""))).strip(),
        chroma_port=_int(env.get("CHROMA_PORT") or chroma.get("port", 8000), "CHROMA_PORT"),
        candidates=_int(retrieval.get("candidates", 30), "retrieval.candidates"),
        max_citations=_int(retrieval.get("max_citations", 3), "retrieval.max_citations"),
        max_question_chars=_int(limits.get("max_question_chars", 4096), "limits.max_question_chars"),
        telegram_token=_token(env.get("TELEGRAM_BOT_TOKEN")),
    )
