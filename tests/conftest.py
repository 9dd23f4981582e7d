"""Fixtures shared by the whole suite: settings in a temporary home, a store on SQLite and on
a throwaway PostgreSQL, and the guard that fails the run on any outbound network attempt."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from bowlby import models
from bowlby.services import accounts
from bowlby.settings import Settings
from bowlby.store.engine import Store, open_store
from tests import network_guard
from tests.postgres_cluster import Cluster, find_bindir

network_guard.install()

CHEAP_KDF = {"BOWLBY_KDF_TIME_COST": "1", "BOWLBY_KDF_MEMORY_KIB": "64"}


def require_or_skip(reason: str) -> None:
    """Skip with a reason on a laptop; fail in CI, where BOWLBY_REQUIRE_ALL=1."""
    if os.environ.get("BOWLBY_REQUIRE_ALL") == "1":
        pytest.fail(f"BOWLBY_REQUIRE_ALL=1 but: {reason}")
    pytest.skip(reason)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if network_guard.attempts and not os.environ.get("BOWLBY_GUARD_SELFTEST"):
        print("\nOutbound network attempts during the tests:", *network_guard.attempts, sep="\n  ")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def env(tmp_path, monkeypatch) -> dict[str, str]:
    """A clean Bowlby environment in a temporary home, with cheap key derivation."""
    for name in list(os.environ):
        if name.startswith("BOWLBY_") and name != "BOWLBY_REQUIRE_ALL":
            monkeypatch.delenv(name)
    values = {"BOWLBY_HOME": str(tmp_path / "home"), **CHEAP_KDF}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


@pytest.fixture
def settings(env) -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster | None]:
    bindir = find_bindir()
    if bindir is None:
        yield None
        return
    cluster = Cluster(bindir)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_settings(env, postgres, monkeypatch) -> Settings:
    """Settings pointing at a fresh database in the throwaway PostgreSQL cluster."""
    if postgres is None:
        require_or_skip("PostgreSQL server programs not found (apt-get install postgresql)")
    database = postgres.create_database()
    monkeypatch.setenv("BOWLBY_DATABASE_URL", postgres.url(database))
    env["BOWLBY_DATABASE_URL"] = postgres.url(database)
    return Settings()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request) -> Settings:
    """Settings for SQLite and, in a second run of the test, for PostgreSQL."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_settings")
    return request.getfixturevalue("settings")


@pytest.fixture
def store(store_settings) -> Iterator[Store]:
    opened = open_store(store_settings)
    try:
        yield opened
    finally:
        opened.dispose()


PASSPHRASES = {"Alex": "alex passphrase", "Sam": "sam passphrase", "Dr Lee": "therapist pass"}


@pytest.fixture
def make_profile(store, store_settings):
    """Create a profile and return its keyring; known names get known passphrases."""

    def make(name: str, role: models.Role = models.Role.PERSON) -> models.Keyring:
        passphrase = PASSPHRASES.get(name, f"{name} passphrase")
        accounts.create_profile(store, store_settings, name, passphrase, role)
        return accounts.unlock_profile(store, name, passphrase)

    return make
