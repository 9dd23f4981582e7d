"""Every setting Bowlby reads, declared once with its description and environment variable."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from bowlby.errors import InputError


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("bowlby", appauthor=False))


class Settings(BaseSettings):
    """Read from environment variables prefixed BOWLBY_ (e.g. BOWLBY_HOME)."""

    model_config = SettingsConfigDict(env_prefix="BOWLBY_", extra="ignore")

    home: Path = Field(
        default_factory=_default_home,
        description="Folder holding the SQLite database, its backups and exports.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of a PostgreSQL database; unset means SQLite in home.",
    )
    profile: str | None = Field(
        default=None,
        description="Profile the command line acts as when several exist in one database.",
    )
    passphrase: str | None = Field(
        default=None,
        description="Passphrase for scripts; the command line prompts when it is unset.",
        repr=False,
    )
    timezone: str | None = Field(
        default=None,
        description="IANA time zone, e.g. Europe/Berlin; default: this computer's.",
    )
    session_idle_minutes: int = Field(
        default=30, ge=1, description="A web session ends after this many idle minutes."
    )
    session_max_hours: int = Field(
        default=12, ge=1, description="A web session ends after this many hours whatever happens."
    )
    kdf_time_cost: int = Field(
        default=3, ge=1, description="Argon2id passes used when a passphrase is set."
    )
    kdf_memory_kib: int = Field(
        default=65536, ge=8, description="Argon2id memory in KiB used when a passphrase is set."
    )
    kdf_parallelism: int = Field(
        default=1, ge=1, description="Argon2id lanes used when a passphrase is set."
    )

    @property
    def zone(self) -> tzinfo:
        """The person's time zone: the setting, else this computer's own."""
        if self.timezone:
            return named_zone(self.timezone, "BOWLBY_TIMEZONE")
        local = datetime.now().astimezone().tzinfo
        return local if local is not None else UTC

    @property
    def sqlite_path(self) -> Path:
        return self.home / "bowlby.db"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"


def get_settings() -> Settings:
    """Read the settings afresh, so that a changed environment is always honoured."""
    return Settings()


def describe_settings(settings: Settings) -> list[tuple[str, str, str, str]]:
    """Name, value, source and description of each setting, for `bowlby config show`."""
    rows = []
    for name, field in Settings.model_fields.items():
        env_name = f"BOWLBY_{name.upper()}"
        value = getattr(settings, name)
        shown = "(hidden)" if name == "passphrase" and value else str(value)
        source = f"environment {env_name}" if env_name in os.environ else "default"
        rows.append((name, shown, source, field.description or ""))
    return rows


def named_zone(name: str, field: str) -> ZoneInfo:
    """An IANA zone by name, or an InputError on the setting or flag that named it."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InputError(
            f"'{name}' is not a known time zone (try e.g. Europe/Berlin).", field=field
        ) from error
