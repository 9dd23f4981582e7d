"""Fixtures for the web tests: an app on each database, and a client per person."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bowlby.web.app import create_app
from tests.web.helpers import BASE_URL, FakeClock, People, TestClient


@pytest.fixture
def app(store_settings):
    """The app on SQLite and on PostgreSQL, its store open for the whole test."""
    application = create_app(store_settings)
    with TestClient(application, base_url=BASE_URL):
        yield application


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    """A browser-like client with its own cookie jar (the app is already started)."""
    fresh = TestClient(app, base_url=BASE_URL, follow_redirects=False)
    try:
        yield fresh
    finally:
        fresh.close()


@pytest.fixture
def clock(app) -> FakeClock:
    """Replace the session clock, so that a test can let time pass."""
    fake = FakeClock()
    app.state.sessions.clock = fake
    return fake


@pytest.fixture
def people(app) -> Iterator[People]:
    """Make profiles and sign them in, each with a client (and cookie jar) of their own."""
    crowd = People(app)
    try:
        yield crowd
    finally:
        crowd.close()
