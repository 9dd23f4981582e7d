"""Times typed in a form, shown on a page and grouped into days all use the person's zone
(BOWLBY_TIMEZONE), even when this computer runs on another one."""

from __future__ import annotations

import pytest

from bowlby.web.app import create_app
from tests.web.helpers import BASE_URL, People, TestClient
from tests.web.test_entry_pages import entry_id_from


@pytest.fixture
def new_york_people(settings):
    """An app whose person lives in New York, on a computer left on UTC."""
    app = create_app(settings.model_copy(update={"timezone": "America/New_York"}))
    with TestClient(app, base_url=BASE_URL):
        crowd = People(app)
        try:
            yield crowd
        finally:
            crowd.close()


def test_a_time_typed_in_new_york_is_stored_as_new_york_time_and_shown_back(new_york_people):
    alex = new_york_people.add("Alex")
    created = alex.page_post(
        "/entries/new",
        "/entries/new",
        {"title": "Late talk", "body": "We stayed up.", "occurred_at": "2026-03-08T23:30"},
    )
    entry_id = entry_id_from(created)
    stored = alex.get(f"/api/entries/{entry_id}").json()["occurred_at"]
    assert stored.startswith("2026-03-09T03:30")  # EDT began that morning: UTC-4
    assert "Sunday 8 March 2026, 23:30" in alex.get(f"/entries/{entry_id}").text
    assert 'value="2026-03-08T23:30"' in alex.get(f"/entries/{entry_id}/edit").text
