"""Migrations: fresh databases at head, newer databases refused, one transaction per revision,
a backup before upgrading SQLite, and clear refusals of things that are not a database."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, Table, inspect, select, text

from bowlby.errors import StoreUnavailable
from bowlby.settings import Settings
from bowlby.store.engine import open_store
from bowlby.store.migrations_runner import MIGRATIONS, alembic_config, current_revision, migrate
from tests.postgres_cluster import free_port

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def add_revisions(tmp_path: Path, *bodies: tuple[str, str]) -> Path:
    """A copy of the real migrations with (revision id, upgrade body) revisions after head."""
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    down = HEAD
    for revision, body in bodies:
        upgrade = textwrap.indent(textwrap.dedent(body), "    ")
        source = (
            f'"""test revision {revision}"""\n\n'
            "import sqlalchemy as sa\n"
            "from alembic import op\n\n"
            f'revision = "{revision}"\n'
            f'down_revision = "{down}"\n'
            "branch_labels = None\n"
            "depends_on = None\n\n\n"
            f"def upgrade() -> None:\n{upgrade}\n\n"
            "def downgrade() -> None:\n    pass\n"
        )
        path = location / "versions" / f"{revision}_test.py"
        path.write_text(source, encoding="utf-8")
        down = revision
    return location


CREATES_HARMLESS = """\
op.create_table("harmless", sa.Column("id", sa.Integer(), primary_key=True))
"""
CREATES_THEN_FAILS = """\
op.create_table("doomed", sa.Column("id", sa.Integer(), primary_key=True))
op.execute("INSERT INTO doomed (id) VALUES (1)")
op.execute("DELETE FROM profiles")
raise RuntimeError("revision 9999 fails on purpose")
"""


def tables(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def snapshot(engine: Engine) -> dict[str, list[str]]:
    """Every table with its columns and every row, to prove nothing changed."""
    result = {}
    with engine.connect() as connection:
        for name in sorted(inspect(connection).get_table_names()):
            table = Table(name, MetaData(), autoload_with=connection)
            rows = connection.execute(select(table)).all()
            columns = repr([column.name for column in table.columns])
            result[name] = [columns, *sorted(repr(tuple(row)) for row in rows)]
    return result


def test_a_fresh_database_is_at_head(store):
    assert HEAD is not None
    assert current_revision(store.engine) == HEAD
    assert {"profiles", "entries", "entry_shares", "links", "invitations"} <= tables(store.engine)


def test_migrating_a_database_at_head_does_nothing(store):
    before = snapshot(store.engine)
    assert migrate(store.engine) is None
    assert snapshot(store.engine) == before


def test_a_database_from_a_newer_bowlby_is_refused_and_left_alone(
    store, store_settings, make_profile
):
    make_profile("Alex")
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    before = snapshot(store.engine)
    with pytest.raises(StoreUnavailable, match="newer version of Bowlby") as raised:
        open_store(store_settings)
    assert "f00dfeed" in raised.value.message
    assert "nothing was changed" in raised.value.message
    assert snapshot(store.engine) == before
    assert not (store_settings.home / "backups").exists()


def test_a_failing_revision_leaves_the_database_at_the_previous_one(store, make_profile, tmp_path):
    make_profile("Alex")
    before = snapshot(store.engine)
    location = add_revisions(tmp_path, ("9999", CREATES_THEN_FAILS))
    with pytest.raises(RuntimeError, match="fails on purpose"):
        migrate(store.engine, script_location=location)
    assert current_revision(store.engine) == HEAD
    assert "doomed" not in tables(store.engine)
    assert snapshot(store.engine) == before


def test_each_revision_is_its_own_transaction(store, make_profile, tmp_path):
    """When the second of two new revisions fails, the first one stays applied."""
    make_profile("Alex")
    location = add_revisions(tmp_path, ("9998", CREATES_HARMLESS), ("9999", CREATES_THEN_FAILS))
    with pytest.raises(RuntimeError, match="fails on purpose"):
        migrate(store.engine, script_location=location)
    assert current_revision(store.engine) == "9998"
    assert "harmless" in tables(store.engine)
    assert "doomed" not in tables(store.engine)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM profiles")).scalar_one() == 1
    fixed = add_revisions(
        tmp_path / "fixed",
        ("9998", CREATES_HARMLESS),
        ("9999", 'op.create_table("fixed", sa.Column("id", sa.Integer(), primary_key=True))'),
    )
    migrate(store.engine, script_location=fixed)
    assert current_revision(store.engine) == "9999"
    assert {"harmless", "fixed"} <= tables(store.engine)


def test_a_new_revision_applies_on_both_databases(store, tmp_path):
    location = add_revisions(tmp_path, ("9999", CREATES_HARMLESS))
    migrate(store.engine, script_location=location)
    assert current_revision(store.engine) == "9999"
    assert "harmless" in tables(store.engine)


def test_sqlite_is_backed_up_before_an_upgrade(settings, tmp_path):
    from bowlby.services import accounts

    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "alex passphrase")
        assert not (settings.home / "backups").exists(), "a fresh database needs no backup"
        location = add_revisions(tmp_path, ("9999", CREATES_HARMLESS))
        backup = migrate(
            store.engine,
            sqlite_path=settings.sqlite_path,
            backup_dir=settings.home / "backups",
            script_location=location,
        )
    finally:
        store.dispose()
    assert backup is not None
    backup_path = Path(backup)
    assert backup_path.parent == settings.home / "backups"
    assert HEAD in backup_path.name
    assert backup_path.stat().st_mode & 0o777 == 0o600
    copy = sqlite3.connect(backup_path)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert copy.execute("SELECT name FROM profiles").fetchall() == [("Alex",)]
        names = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        assert "harmless" not in names
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()


def test_sqlite_backup_is_kept_when_the_upgrade_fails(settings, tmp_path):
    store = open_store(settings)
    try:
        location = add_revisions(tmp_path, ("9999", CREATES_THEN_FAILS))
        with pytest.raises(RuntimeError):
            migrate(
                store.engine,
                sqlite_path=settings.sqlite_path,
                backup_dir=settings.home / "backups",
                script_location=location,
            )
        assert current_revision(store.engine) == HEAD
    finally:
        store.dispose()
    assert len(list((settings.home / "backups").glob(f"bowlby-{HEAD}-*.db"))) == 1


@pytest.mark.parametrize(
    "content",
    [b"this is not a database\n" * 200, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "damaged-header"],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(settings, content):
    settings.home.mkdir(parents=True)
    settings.sqlite_path.write_bytes(content)
    with pytest.raises(StoreUnavailable) as raised:
        open_store(settings)
    assert str(settings.sqlite_path) in raised.value.message
    assert "Nothing was changed" in raised.value.message
    assert settings.sqlite_path.read_bytes() == content
    assert sorted(path.name for path in settings.home.iterdir()) == ["bowlby.db"]


def test_a_folder_where_the_database_file_should_be_is_refused(settings):
    settings.sqlite_path.mkdir(parents=True)
    with pytest.raises(StoreUnavailable, match="not a file") as raised:
        open_store(settings)
    assert str(settings.sqlite_path) in raised.value.message
    assert settings.sqlite_path.is_dir()


def test_an_unreachable_postgresql_is_refused_without_showing_the_password(env, monkeypatch):
    port = free_port()
    url = f"postgresql+psycopg://bowlby:hunter2-very-secret@127.0.0.1:{port}/bowlby"
    monkeypatch.setenv("BOWLBY_DATABASE_URL", url)
    with pytest.raises(StoreUnavailable) as raised:
        open_store(Settings())
    message = raised.value.message
    assert f"127.0.0.1:{port}" in message
    assert "Nothing was changed" in message
    assert "hunter2" not in message
    assert "hunter2" not in str(raised.value)


@pytest.mark.parametrize(
    "url",
    ["mysql://bowlby:hunter2@127.0.0.1/bowlby", "sqlite:////tmp/bowlby.db"],
    ids=["mysql", "sqlite-url"],
)
def test_a_database_url_that_is_not_postgresql_is_refused(env, monkeypatch, url):
    monkeypatch.setenv("BOWLBY_DATABASE_URL", url)
    with pytest.raises(StoreUnavailable, match="PostgreSQL") as raised:
        open_store(Settings())
    assert "hunter2" not in raised.value.message


OPEN_STORE = (
    "from bowlby.settings import Settings\n"
    "from bowlby.store.engine import open_store\n"
    "open_store(Settings()).dispose()\n"
)


def test_several_bowlbys_starting_at_once_on_a_fresh_database_all_open_it(store_settings):
    """A server and a command started together both migrate; one does it, the others wait."""
    starters = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_STORE],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    failures = []
    for starter in starters:
        _, err = starter.communicate(timeout=120)
        if starter.returncode != 0:
            failures.append(err.strip().splitlines()[-1])
    assert failures == []
    store = open_store(store_settings)
    try:
        assert current_revision(store.engine) == HEAD
    finally:
        store.dispose()


ENTRY_INDEXES = {"ix_entries_owner_kind_time", "ix_entries_owner_time"}


def entry_indexes(engine: Engine) -> set[str]:
    return {index["name"] for index in inspect(engine).get_indexes("entries")} & ENTRY_INDEXES


def test_the_entry_indexes_come_and_go_with_0006_keeping_the_entries(store, make_profile):
    from bowlby.models import EntryDraft
    from bowlby.services import entries
    from tests.store.test_chat_store import run_alembic

    alex = make_profile("Alex")
    written = EntryDraft(occurred_at=datetime.now(UTC), text={"title": "before the index"})
    entries.write_entry(store, alex, written)
    assert entry_indexes(store.engine) == ENTRY_INDEXES
    run_alembic(store.engine, "downgrade", "0005")
    assert entry_indexes(store.engine) == set()
    run_alembic(store.engine, "upgrade", "head")
    assert entry_indexes(store.engine) == ENTRY_INDEXES
    kept = [entry.text["title"] for entry in entries.list_entries(store, alex)]
    assert kept == ["before the index"]
