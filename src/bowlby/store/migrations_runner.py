"""Alembic, run from code: one transaction per revision, a backup before any upgrade."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, text

from bowlby.errors import StoreUnavailable

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 0x626F776C6279  # "bowlby": the PostgreSQL advisory lock taken while migrating


def alembic_config(script_location: Path = MIGRATIONS) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(
    engine: Engine,
    *,
    sqlite_path: Path | None = None,
    backup_dir: Path | None = None,
    script_location: Path = MIGRATIONS,
) -> str | None:
    """Upgrade to the newest schema; refuse a database written by a newer Bowlby.

    Returns the path of the backup taken, if any.
    """
    config = alembic_config(script_location)
    script = ScriptDirectory.from_config(config)
    with engine.connect() as connection, _one_migrator_at_a_time(connection):
        current = MigrationContext.configure(connection).get_current_revision()
        connection.commit()
        if current is not None:
            try:
                script.get_revision(current)
            except CommandError as error:
                raise StoreUnavailable(
                    f"This database was written by a newer version of Bowlby (schema {current}). "
                    "Upgrade Bowlby to open it; nothing was changed."
                ) from error
        if current in script.get_heads():
            return None
        backup = None
        if sqlite_path is not None and current is not None and backup_dir is not None:
            backup = _backup_sqlite(sqlite_path, backup_dir, current)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


@contextmanager
def _one_migrator_at_a_time(connection: Connection) -> Iterator[None]:
    """On PostgreSQL, Bowlbys started together take turns: one migrates, the others wait and
    then find the schema up to date. (SQLite's BEGIN IMMEDIATE already makes them take turns.)"""
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
    connection.commit()
    try:
        yield
    finally:
        if connection.in_transaction():
            connection.rollback()
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
        connection.commit()


def _backup_sqlite(path: Path, backup_dir: Path, revision: str) -> str:
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"bowlby-{revision}-{stamp}.db"
    source = sqlite3.connect(path)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    target.chmod(0o600)
    return str(target)
