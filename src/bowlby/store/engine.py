"""Opening the database: SQLite by default, PostgreSQL when configured, migrated on start."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bowlby.errors import Conflict, StoreUnavailable
from bowlby.settings import Settings
from bowlby.store.migrations_runner import migrate


class Store:
    """The only door to the database; each use case runs in one ``unit_of_work``."""

    def __init__(self, engine: Engine, description: str) -> None:
        self.engine = engine
        self.description = description
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction: everything inside commits together or not at all."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except IntegrityError as error:
            # A uniqueness or reference check the use case made was overtaken by another
            # transaction committed at the same moment; the database's constraint decided.
            session.rollback()
            raise Conflict(
                "That clashes with a change saved at the same moment. Nothing was changed; "
                "please try again."
            ) from error
        except (OperationalError, DBAPIError) as error:
            session.rollback()
            if getattr(error, "connection_invalidated", False) or isinstance(
                error, OperationalError
            ):
                raise StoreUnavailable(
                    f"The database at {self.description} could not be used: {error.orig}. "
                    "Nothing was changed."
                ) from error
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def reclaim_space(self, attempts: int = 20) -> bool:
        """After a deletion or a rewrite, empty the WAL file so no old copy lingers there.

        A reader in another thread can hold the checkpoint back for a moment, so it is tried
        a few times; returns False if the WAL could not be emptied (the next call retries).
        """
        if self.dialect != "sqlite":
            return True
        raw = self.engine.raw_connection()
        try:
            for attempt in range(attempts):
                cursor = raw.cursor()
                busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                cursor.close()
                if not busy:
                    return True
                time.sleep(0.01 * (attempt + 1))
            return False
        finally:
            raw.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(settings: Settings, *, migrate_schema: bool = True) -> Store:
    """Open (and bring up to date) the configured database, or say clearly why not."""
    if settings.database_url:
        engine = _postgres_engine(settings.database_url)
        description, sqlite_path = _redact(settings.database_url), None
    else:
        sqlite_path = settings.sqlite_path
        _prepare_home(sqlite_path.parent)
        engine = _sqlite_engine(sqlite_path)
        description = str(sqlite_path)
    store = Store(engine, description)
    if migrate_schema:
        try:
            migrate(engine, sqlite_path=sqlite_path, backup_dir=settings.home / "backups")
        except (OperationalError, DBAPIError) as error:
            engine.dispose()
            raise StoreUnavailable(
                f"The database at {description} could not be opened: {error.orig}. "
                "Nothing was changed."
            ) from error
        except BaseException:
            engine.dispose()
            raise
    return store


def _prepare_home(home: Path) -> None:
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreUnavailable(
            f"Cannot create the data folder {home}: {error.strerror}."
        ) from error


def _sqlite_engine(path: Path) -> Engine:
    if path.exists() and not path.is_file():
        raise StoreUnavailable(f"The database path {path} is not a file.")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so that
        # DDL inside a migration is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front: two writers wait for each other instead
        # of failing halfway through.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _postgres_engine(url: str) -> Engine:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if not url.startswith("postgresql"):
        raise StoreUnavailable("BOWLBY_DATABASE_URL must point at a PostgreSQL database.")
    return create_engine(url, pool_pre_ping=True)


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, _, rest = url.partition("://")
    if "@" in rest:
        credentials, _, host = rest.rpartition("@")
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url
