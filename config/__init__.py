"""Configuration: `settings.toml` holds the defaults, `settings.py` the one Settings object."""

from config.settings import Settings, load_settings

__all__ = ["Settings", "load_settings"]
