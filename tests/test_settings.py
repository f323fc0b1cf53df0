"""Settings are validated once with messages that name the bad value, and never show the token."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config.errors import ConfigError
from config.settings import load_settings

TOKEN = "123456789:AAE" + "x" * 32


def test_defaults_load_from_the_settings_file():
    settings = load_settings(env={})
    assert settings.corpus_dir.name == "corpus"
    assert settings.server_mode is False
    assert settings.telegram_token is None


def test_environment_overrides_the_file(tmp_path: Path):
    settings = load_settings(env={"DATA_DIR": str(tmp_path), "CHROMA_HOST": "127.0.0.1",
                                  "CHROMA_PORT": "9000"})
    assert settings.data_dir == tmp_path
    assert settings.server_mode
    assert settings.chroma_port == 9000


def test_bad_port_is_named():
    with pytest.raises(ConfigError, match="CHROMA_PORT must be a whole number, got 'abc'"):
        load_settings(env={"CHROMA_PORT": "abc"})


def test_bad_value_in_file_is_named(tmp_path: Path):
    path = tmp_path / "s.toml"
    path.write_text("[retrieval]\ncandidates = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="candidates must be > 0, got 0"):
        load_settings(env={}, path=path)


def test_token_never_shows_in_repr_or_errors():
    settings = load_settings(env={"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.telegram_token is not None
    assert settings.telegram_token.reveal() == TOKEN
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings.telegram_token)


def test_malformed_token_is_rejected_without_echoing_it():
    bad = "not-a-token-secret-value"
    with pytest.raises(ConfigError) as info:
        load_settings(env={"TELEGRAM_BOT_TOKEN": bad})
    assert bad not in str(info.value)


@pytest.mark.parametrize(("toml", "message"), [
    ('[telegram]\ntimeout_seconds = "soon"\n', "telegram.timeout_seconds must be a number"),
    ("[telegram]\ntimeout_seconds = -1\n", "telegram.timeout_seconds must be between"),
    ('[telegram]\nexample_questions = "one"\n', "telegram.example_questions must be a list"),
    ("[index]\ncollection = 5\n", "index.collection must be text"),
    ('[index]\nbatch_size = "many"\n', "index.batch_size must be a whole number"),
    ("[model]\nname = [1]\n", "model.name must be text"),
    ("[chroma]\nhost = 1\n", "chroma.host must be text"),
    ('retrieval = "x"\n', "section [retrieval] must be a table"),
    ("[corpus\n", "is not valid TOML"),
])
def test_every_bad_value_in_the_file_is_one_sentence_naming_it(tmp_path: Path, toml: str,
                                                                message: str):
    path = tmp_path / "s.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)) as info:
        load_settings(env={}, path=path)
    assert "\n" not in str(info.value)
