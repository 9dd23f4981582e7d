"""Profiles: create, unlock, change and reset the passphrase, delete; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bowlby import models
from bowlby.errors import Conflict, InputError, NotFound, WrongPassphrase
from bowlby.services import accounts, entries, sharing
from bowlby.settings import Settings
from bowlby.store import profiles as profile_store
from bowlby.store.tables import EntryRow, EntryShareRow, InvitationRow, LinkRow, ProfileRow

PROFILES = ProfileRow.__table__
ENTRIES = EntryRow.__table__


def rows(store, query):
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query).all()]


def count(store, table, *where):
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table).where(*where)).scalar()


def profile_row(store, name):
    return rows(store, select(PROFILES).where(PROFILES.c.name == name))


def entry_rows(store, owner_id):
    query = select(ENTRIES.c.id, ENTRIES.c.sealed_key, ENTRIES.c.sealed_text)
    return sorted(rows(store, query.where(ENTRIES.c.owner_id == owner_id)))


def write(store, keyring, body, **sharing_flags):
    draft = models.EntryDraft(
        occurred_at=datetime.now(UTC), text={"body": body}, values={"mood": 3}, **sharing_flags
    )
    return entries.write_entry(store, keyring, draft)


def bodies(store, keyring):
    return sorted(entry.text["body"] for entry in entries.list_entries(store, keyring))


# --- creating ------------------------------------------------------------------------------


def test_a_new_profile_comes_with_a_recovery_key_shown_once(store, store_settings):
    created = accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    assert created.profile.name == "Alex"
    assert created.profile.role is models.Role.PERSON
    assert created.profile.created_at.tzinfo is not None
    assert len(created.recovery_key.split("-")) == 8
    assert [profile.name for profile in accounts.list_profiles(store)] == ["Alex"]
    stored = profile_row(store, "Alex")[0]
    assert created.recovery_key.encode() not in b"".join(
        value for value in stored if isinstance(value, bytes)
    )


def test_a_profile_stores_its_own_kdf_salt_and_costs(store, store_settings):
    accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    accounts.create_profile(store, store_settings, "Sam", "sam passphrase")
    query = select(
        PROFILES.c.kdf_salt,
        PROFILES.c.kdf_time_cost,
        PROFILES.c.kdf_memory_kib,
        PROFILES.c.kdf_parallelism,
    )
    (salt_a, *costs_a), (salt_b, *costs_b) = rows(store, query)
    assert salt_a != salt_b
    assert len(salt_a) == 16
    expected = [
        store_settings.kdf_time_cost,
        store_settings.kdf_memory_kib,
        store_settings.kdf_parallelism,
    ]
    assert costs_a == costs_b == expected


@pytest.mark.parametrize(
    "name", ["Alex", "Dr Lee", "O'Brien", "Zoë", "Anne-Marie", "J. R.", "x" * 80]
)
def test_good_profile_names_are_accepted(store, store_settings, name):
    created = accounts.create_profile(store, store_settings, name, "a fine passphrase")
    assert created.profile.name == name


def test_a_profile_name_is_trimmed(store, store_settings):
    created = accounts.create_profile(store, store_settings, "  Alex  ", "a fine passphrase")
    assert created.profile.name == "Alex"


@pytest.mark.parametrize(
    "name",
    ["", "   ", "a/b", "x" * 81, "-dash-first", "<script>", "tab\tinside", "new\nline"],
    ids=["empty", "blank", "slash", "too-long", "dash-first", "markup", "tab", "newline"],
)
def test_a_bad_profile_name_is_an_input_error_on_the_name_field(store, store_settings, name):
    with pytest.raises(InputError) as raised:
        accounts.create_profile(store, store_settings, name, "a fine passphrase")
    assert raised.value.field == "name"
    assert "field 'name'" in raised.value.message
    assert accounts.list_profiles(store) == []


@pytest.mark.parametrize("passphrase", ["", "short", "7 chars"])
def test_a_short_passphrase_is_an_input_error_on_the_passphrase_field(
    store, store_settings, passphrase
):
    with pytest.raises(InputError, match="at least 8 characters") as raised:
        accounts.create_profile(store, store_settings, "Alex", passphrase)
    assert raised.value.field == "passphrase"
    assert accounts.list_profiles(store) == []


@pytest.mark.parametrize("again", ["Alex", " Alex "])
def test_a_taken_name_is_a_conflict(store, store_settings, again):
    accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    before = profile_row(store, "Alex")
    with pytest.raises(Conflict, match="already exists"):
        accounts.create_profile(store, store_settings, again, "another passphrase")
    assert profile_row(store, "Alex") == before
    assert count(store, PROFILES) == 1


def test_a_therapist_profile_keeps_its_role(store, store_settings):
    accounts.create_profile(
        store, store_settings, "Dr Lee", "therapist pass", models.Role.THERAPIST
    )
    keyring = accounts.unlock_profile(store, "Dr Lee", "therapist pass")
    assert keyring.role is models.Role.THERAPIST
    assert accounts.list_profiles(store)[0].role is models.Role.THERAPIST


# --- unlocking -----------------------------------------------------------------------------


def test_the_right_passphrase_unlocks(store, store_settings):
    created = accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    keyring = accounts.unlock_profile(store, "Alex", "alex passphrase")
    assert keyring.profile_id == created.profile.id
    assert keyring.name == "Alex"
    assert len(keyring.data_key) == 32
    assert "data_key" not in repr(keyring)


@pytest.mark.parametrize("attempt", ["wrong passphrase", "Alex passphrase", "alex passphrase ", ""])
def test_a_wrong_passphrase_is_refused_and_changes_nothing(store, make_profile, attempt):
    alex = make_profile("Alex")
    write(store, alex, "first")
    before = profile_row(store, "Alex"), entry_rows(store, alex.profile_id)
    with pytest.raises(WrongPassphrase):
        accounts.unlock_profile(store, "Alex", attempt)
    assert (profile_row(store, "Alex"), entry_rows(store, alex.profile_id)) == before


def test_an_unknown_profile_is_not_found(store, make_profile):
    make_profile("Alex")
    with pytest.raises(NotFound, match="no profile called 'Nobody'"):
        accounts.unlock_profile(store, "Nobody", "alex passphrase")


def test_a_profile_unlocks_with_its_stored_costs_after_the_settings_change(
    store, store_settings, monkeypatch
):
    accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    monkeypatch.setenv("BOWLBY_KDF_TIME_COST", "2")
    monkeypatch.setenv("BOWLBY_KDF_MEMORY_KIB", "128")
    accounts.unlock_profile(store, "Alex", "alex passphrase")
    accounts.change_passphrase(store, Settings(), "Alex", "alex passphrase", "new passphrase")
    query = select(PROFILES.c.kdf_time_cost, PROFILES.c.kdf_memory_kib)
    assert rows(store, query) == [(2, 128)]
    accounts.unlock_profile(store, "Alex", "new passphrase")


# --- changing and resetting the passphrase -------------------------------------------------


def test_changing_the_passphrase_rewraps_without_re_encrypting(store, store_settings, make_profile):
    alex = make_profile("Alex")
    for body in ("one", "two", "three"):
        write(store, alex, body)
    sealed_before = entry_rows(store, alex.profile_id)
    salt_before = rows(store, select(PROFILES.c.kdf_salt, PROFILES.c.wrapped_data_key))

    accounts.change_passphrase(store, store_settings, "Alex", "alex passphrase", "brand new words")

    with pytest.raises(WrongPassphrase):
        accounts.unlock_profile(store, "Alex", "alex passphrase")
    again = accounts.unlock_profile(store, "Alex", "brand new words")
    assert again.data_key == alex.data_key
    assert bodies(store, again) == ["one", "three", "two"]
    assert entry_rows(store, alex.profile_id) == sealed_before
    salt_after = rows(store, select(PROFILES.c.kdf_salt, PROFILES.c.wrapped_data_key))
    assert salt_after[0][0] != salt_before[0][0]
    assert salt_after[0][1] != salt_before[0][1]


def test_changing_the_passphrase_needs_the_current_one(store, store_settings, make_profile):
    make_profile("Alex")
    before = profile_row(store, "Alex")
    with pytest.raises(WrongPassphrase):
        accounts.change_passphrase(store, store_settings, "Alex", "not it", "brand new words")
    with pytest.raises(InputError) as raised:
        accounts.change_passphrase(store, store_settings, "Alex", "alex passphrase", "short")
    assert raised.value.field == "passphrase"
    assert profile_row(store, "Alex") == before
    accounts.unlock_profile(store, "Alex", "alex passphrase")


def test_the_recovery_key_sets_a_new_passphrase(store, store_settings):
    created = accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
    write(store, alex, "kept")
    sealed_before = entry_rows(store, alex.profile_id)

    typed = created.recovery_key.lower().replace("-", " ")
    accounts.reset_passphrase(store, store_settings, "Alex", typed, "remembered now")

    with pytest.raises(WrongPassphrase):
        accounts.unlock_profile(store, "Alex", "alex passphrase")
    again = accounts.unlock_profile(store, "Alex", "remembered now")
    assert bodies(store, again) == ["kept"]
    assert entry_rows(store, alex.profile_id) == sealed_before
    accounts.reset_passphrase(store, store_settings, "Alex", created.recovery_key, "and once more")
    accounts.unlock_profile(store, "Alex", "and once more")


def test_a_wrong_recovery_key_is_refused_and_changes_nothing(store, store_settings):
    accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
    other = accounts.create_profile(store, store_settings, "Sam", "sam passphrase")
    before = profile_row(store, "Alex")
    for wrong in (other.recovery_key, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "not a key"):
        with pytest.raises(WrongPassphrase):
            accounts.reset_passphrase(store, store_settings, "Alex", wrong, "new passphrase")
    assert profile_row(store, "Alex") == before
    accounts.unlock_profile(store, "Alex", "alex passphrase")


# --- deleting ------------------------------------------------------------------------------


def test_deleting_a_profile_removes_its_entries_shares_links_and_invitations(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    lee = make_profile("Dr Lee", models.Role.THERAPIST)
    code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    sharing.accept_invitation(store, sam, code)
    code = sharing.create_invitation(store, alex, models.LinkRole.THERAPIST)
    sharing.accept_invitation(store, lee, code)
    write(store, alex, "private")
    write(store, alex, "for sam", shared_with_partner=True)
    write(store, alex, "for both", shared_with_partner=True, shared_with_therapist=True)
    write(store, sam, "from sam", shared_with_partner=True)
    sharing.create_invitation(store, alex, models.LinkRole.THERAPIST)
    alex_id = alex.profile_id
    links = LinkRow.__table__
    shares = EntryShareRow.__table__
    invitations = InvitationRow.__table__
    assert count(store, shares) == 4
    assert count(store, links) == 2

    with pytest.raises(WrongPassphrase):
        accounts.delete_profile(store, "Alex", "wrong passphrase")
    assert count(store, ENTRIES, ENTRIES.c.owner_id == alex_id) == 3

    accounts.delete_profile(store, "Alex", "alex passphrase")

    assert count(store, PROFILES, PROFILES.c.id == alex_id) == 0
    assert count(store, ENTRIES, ENTRIES.c.owner_id == alex_id) == 0
    assert count(store, shares) == 0
    assert count(store, links) == 0
    assert count(store, invitations, invitations.c.inviter_id == alex_id) == 0
    assert bodies(store, sam) == ["from sam"]
    assert entries.list_entries(store, lee, whose="all") == []
    assert sharing.list_links(store, sam) == []
    with pytest.raises(NotFound):
        accounts.unlock_profile(store, "Alex", "alex passphrase")


def test_several_profiles_live_in_one_database(store, make_profile):
    keyrings = [make_profile(name) for name in ("Alex", "Sam", "Robin", "Kai")]
    for keyring in keyrings:
        for number in range(3):
            write(store, keyring, f"{keyring.name} {number}")
    assert [profile.name for profile in accounts.list_profiles(store)] == [
        "Alex",
        "Kai",
        "Robin",
        "Sam",
    ]
    for keyring in keyrings:
        assert bodies(store, keyring) == [f"{keyring.name} {number}" for number in range(3)]
        assert entries.list_entries(store, keyring, whose="all") == entries.list_entries(
            store, keyring
        )
    assert len({keyring.data_key for keyring in keyrings}) == len(keyrings)
    accounts.delete_profile(store, "Sam", "sam passphrase")
    assert [profile.name for profile in accounts.list_profiles(store)] == ["Alex", "Kai", "Robin"]
    assert bodies(store, keyrings[0]) == ["Alex 0", "Alex 1", "Alex 2"]


def test_one_name_taken_twice_at_the_same_moment_is_a_conflict(store, store_settings, monkeypatch):
    """Both requests pass the 'name taken?' check; the database's unique name decides, and the
    loser hears Conflict, not a raw database error (PostgreSQL runs them side by side)."""
    checked = profile_store.profile_name_taken

    def slow_check(*args):
        taken = checked(*args)
        time.sleep(0.5)
        return taken

    monkeypatch.setattr(profile_store, "profile_name_taken", slow_check)
    results: list[object] = []

    def create(passphrase):
        try:
            results.append(accounts.create_profile(store, store_settings, "Alex", passphrase))
        except Exception as error:  # collected and asserted on below
            results.append(error)

    threads = [
        threading.Thread(target=create, args=(passphrase,))
        for passphrase in ("first passphrase", "second passphrase")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    outcomes = sorted(type(result).__name__ for result in results)
    assert outcomes == ["Conflict", "NewProfile"], results
    assert count(store, PROFILES) == 1
