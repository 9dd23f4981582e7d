"""Export and restore: a complete round trip, and refusals that leave nothing behind."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bowlby import models
from bowlby.errors import Conflict, DamagedData, InputError
from bowlby.services import accounts, backup, entries
from bowlby.settings import Settings
from bowlby.store.engine import open_store

texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
plain_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    texts,
)
drafts = st.builds(
    models.EntryDraft,
    kind=st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True),
    occurred_at=st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    values=st.dictionaries(
        st.from_regex(r"[a-z_]{1,10}", fullmatch=True), plain_values, max_size=4
    ),
    text=st.dictionaries(st.from_regex(r"[a-z_]{1,10}", fullmatch=True), texts, max_size=4),
    shared_with_partner=st.booleans(),
    shared_with_therapist=st.booleans(),
)


def _content(document: backup.ExportDocument) -> dict:
    return document.model_dump(mode="json", exclude={"exported_at"})


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(written=st.lists(drafts, max_size=6))
def test_export_then_restore_into_an_empty_database_gives_back_the_same_data(env, written):
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        source = open_store(Settings(home=Path(first)))
        accounts.create_profile(source, Settings(home=Path(first)), "Alex", "alex passphrase")
        alex = accounts.unlock_profile(source, "Alex", "alex passphrase")
        for draft in written:
            entries.write_entry(source, alex, draft)
        exported = backup.export_profile(source, alex)
        source.dispose()

        target_settings = Settings(home=Path(second))
        target = open_store(target_settings)
        text = backup.export_text(exported)
        backup.restore_profile(target, target_settings, backup.parse_export(text), "new passphrase")
        restored = accounts.unlock_profile(target, "Alex", "new passphrase")
        again = backup.export_profile(target, restored)
        target.dispose()
    assert _content(again) == _content(exported)
    assert len(again.entries) == len(written)


def test_round_trip_on_both_databases(store, store_settings, make_profile):
    alex = make_profile("Alex")
    when = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    entries.write_entry(
        store,
        alex,
        models.EntryDraft(occurred_at=when, text={"body": "über 😊"}, values={"anxiety": 7}),
    )
    exported = backup.export_profile(store, alex)
    accounts.delete_profile(store, "Alex", "alex passphrase")
    backup.restore_profile(store, store_settings, exported, "fresh passphrase")
    again = backup.export_profile(store, accounts.unlock_profile(store, "Alex", "fresh passphrase"))
    assert _content(again) == _content(exported)


@pytest.fixture
def exported_text(store, make_profile) -> str:
    alex = make_profile("Alex")
    for day in range(3):
        entries.write_entry(
            store,
            alex,
            models.EntryDraft(
                occurred_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=day),
                text={"body": f"day {day}"},
            ),
        )
    return backup.export_text(backup.export_profile(store, alex))


def _profile_names(store) -> list[str]:
    return [profile.name for profile in accounts.list_profiles(store)]


def test_a_cut_short_file_is_refused_with_where_it_breaks(exported_text):
    with pytest.raises(InputError) as caught:
        backup.parse_export(exported_text[: len(exported_text) // 2], "alex.json")
    assert caught.value.message.startswith("alex.json, line ")
    assert "cut short" in caught.value.message


def test_a_foreign_file_is_refused():
    with pytest.raises(InputError, match="not a Bowlby export"):
        backup.parse_export(json.dumps({"messages": []}), "chat.json")


def test_a_newer_export_version_is_refused(exported_text):
    raw = json.loads(exported_text)
    raw["version"] = 99
    with pytest.raises(InputError, match="version 99"):
        backup.parse_export(json.dumps(raw), "alex.json")


def test_an_edited_file_fails_its_checksum(exported_text):
    raw = json.loads(exported_text)
    raw["entries"][0]["text"]["body"] = "changed"
    with pytest.raises(DamagedData, match="checksum"):
        backup.parse_export(json.dumps(raw), "alex.json")


def test_an_invalid_field_names_the_field(exported_text):
    raw = json.loads(exported_text)
    raw["entries"][1]["occurred_at"] = "yesterday"
    with pytest.raises(InputError) as caught:
        backup.parse_export(json.dumps(raw), "alex.json")
    assert caught.value.field == "entries.1.occurred_at"


def test_a_restore_that_fails_halfway_writes_nothing(store, store_settings, exported_text):
    document = backup.parse_export(exported_text)
    before = _profile_names(store)
    with pytest.raises(Conflict, match="Nothing was restored"):
        # The entries are still here under Alex: the profile row is added first, then the
        # clash is found, and the whole restore must roll back.
        backup.restore_profile(store, store_settings, document, "another passphrase", name="Alex 2")
    assert _profile_names(store) == before


def test_preferences_travel_with_the_export(store, store_settings, make_profile):
    from bowlby.services import preferences, safety

    alex = make_profile("Alex")
    safety.set_safety_mode(store, alex, True)
    exported = backup.export_profile(store, alex)
    assert exported.profile.preferences.safety_mode is True
    accounts.delete_profile(store, "Alex", "alex passphrase")
    backup.restore_profile(store, store_settings, exported, "fresh passphrase")
    again = accounts.unlock_profile(store, "Alex", "fresh passphrase")
    assert preferences.load(store, again).safety_mode is True
