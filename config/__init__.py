"""Configuration: `settings.toml` holds the defaults, `settings.py` the one Settings object, and
`errors.py` the exception tree every layer shares."""

from config.settings import Settings, load_settings

__all__ = ["Settings", "load_settings"]
