"""Entries: who can read what (the visibility matrix), and writing, changing and deleting;
on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bowlby import models
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.services import entries, sharing
from bowlby.store.tables import EntryRow, EntryShareRow

PARTNER, THERAPIST = models.LinkRole.PARTNER, models.LinkRole.THERAPIST
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def draft(body="", *, at=T0, kind="journal", values=None, **flags):
    return models.EntryDraft(
        kind=kind, occurred_at=at, text={"body": body}, values=values or {}, **flags
    )


def link(store, inviter, acceptor, role=PARTNER):
    sharing.accept_invitation(store, acceptor, sharing.create_invitation(store, inviter, role))


def count(store, table):
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


# --- the visibility matrix -----------------------------------------------------------------

AUDIENCES = {
    "private": {},
    "partner": {"shared_with_partner": True},
    "therapist": {"shared_with_therapist": True},
    "both": {"shared_with_partner": True, "shared_with_therapist": True},
}
#: Which of Alex's entries each person may read. Kim is Sam's therapist, not Alex's.
MAY_READ = {
    "Alex": {"private", "partner", "therapist", "both"},
    "Sam": {"partner", "both"},
    "Dr Lee": {"therapist", "both"},
    "Dr Kim": set(),
    "Robin": set(),
}


@pytest.fixture
def circle(store, make_profile):
    """Alex with a partner (Sam), a therapist (Dr Lee), Sam's therapist and a stranger."""
    people = {
        "Alex": make_profile("Alex"),
        "Sam": make_profile("Sam"),
        "Dr Lee": make_profile("Dr Lee", models.Role.THERAPIST),
        "Dr Kim": make_profile("Dr Kim", models.Role.THERAPIST),
        "Robin": make_profile("Robin"),
    }
    link(store, people["Alex"], people["Sam"])
    link(store, people["Alex"], people["Dr Lee"], THERAPIST)
    link(store, people["Sam"], people["Dr Kim"], THERAPIST)
    written = {
        audience: entries.write_entry(
            store, people["Alex"], draft(f"alex {audience}", values={"mood": 4}, **flags)
        )
        for audience, flags in AUDIENCES.items()
    }
    return people, written


@pytest.mark.parametrize("reader", list(MAY_READ))
def test_each_person_reads_exactly_what_was_shared_with_them(store, circle, reader):
    people, written = circle
    keyring = people[reader]
    for audience, entry in written.items():
        if audience in MAY_READ[reader]:
            seen = entries.read_entry(store, keyring, entry.id)
            assert seen.text == {"body": f"alex {audience}"}
            assert seen.owner_name == "Alex"
            assert seen.values == {"mood": 4}
        else:
            with pytest.raises(NotShared):
                entries.read_entry(store, keyring, entry.id)


@pytest.mark.parametrize("reader", list(MAY_READ))
@pytest.mark.parametrize("whose", ["all", "shared", "mine"])
def test_each_person_lists_exactly_what_was_shared_with_them(store, circle, reader, whose):
    people, written = circle
    listed = entries.list_entries(store, people[reader], whose=whose)
    expected = MAY_READ[reader]
    if whose == "mine":
        expected = set(written) if reader == "Alex" else set()
    elif whose == "shared" and reader == "Alex":
        expected = set()
    assert {entry.id for entry in listed} == {written[audience].id for audience in expected}


def test_an_entry_id_that_does_not_exist_reads_like_one_not_shared(store, circle):
    people, _ = circle
    with pytest.raises(NotShared):
        entries.read_entry(store, people["Alex"], "00000000-0000-0000-0000-000000000000")


@pytest.mark.parametrize("reader", ["Sam", "Dr Lee", "Dr Kim", "Robin"])
def test_nobody_but_the_owner_may_change_or_delete_an_entry(store, circle, reader):
    people, written = circle
    keyring = people[reader]
    for entry in written.values():
        with pytest.raises(NotFound):
            entries.update_entry(store, keyring, entry.id, draft("overwritten"))
        with pytest.raises(NotFound):
            entries.set_sharing(store, keyring, entry.id, partner=True, therapist=True)
        with pytest.raises(NotFound):
            entries.delete_entry(store, keyring, entry.id)
    for audience, entry in written.items():
        assert entries.read_entry(store, people["Alex"], entry.id).text == {
            "body": f"alex {audience}"
        }


def test_shares_exist_only_for_the_chosen_readers(store, circle):
    people, written = circle
    with store.engine.connect() as connection:
        shares = connection.execute(
            select(EntryShareRow.entry_id, EntryShareRow.recipient_id)
        ).all()
    ids = {name: keyring.profile_id for name, keyring in people.items()}
    assert sorted(shares) == sorted(
        [
            (written["partner"].id, ids["Sam"]),
            (written["therapist"].id, ids["Dr Lee"]),
            (written["both"].id, ids["Sam"]),
            (written["both"].id, ids["Dr Lee"]),
        ]
    )


# --- writing, changing, deleting -----------------------------------------------------------


def test_a_new_entry_is_private_and_reads_back_as_written(store, make_profile):
    alex = make_profile("Alex")
    written = entries.write_entry(
        store, alex, draft("hello", kind="thought_record", values={"belief": 80, "ok": True})
    )
    read = entries.read_entry(store, alex, written.id)
    assert read == written
    assert read.visibility == "private"
    assert read.kind == "thought_record"
    assert read.values == {"belief": 80, "ok": True}
    assert read.occurred_at == T0
    assert read.created_at == read.updated_at


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.dictionaries(
        st.text(min_size=1, max_size=20),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
        max_size=4,
    )
)
def test_any_text_round_trips(store, make_profile, text):
    owner = make_profile(f"Writer {uuid.uuid4().hex[:8]}")
    written = entries.write_entry(store, owner, models.EntryDraft(occurred_at=T0, text=text))
    assert entries.read_entry(store, owner, written.id).text == text


def test_updating_keeps_id_and_created_at_and_moves_updated_at(store, make_profile):
    alex = make_profile("Alex")
    first = entries.write_entry(store, alex, draft("first", values={"mood": 1}))
    changed = entries.update_entry(
        store, alex, first.id, draft("second", at=T0 + timedelta(hours=1), values={"mood": 5})
    )
    read = entries.read_entry(store, alex, first.id)
    assert read == changed
    assert read.id == first.id
    assert read.created_at == first.created_at
    assert read.updated_at > first.updated_at
    assert read.text == {"body": "second"}
    assert read.values == {"mood": 5}
    assert read.occurred_at == T0 + timedelta(hours=1)
    assert count(store, EntryRow.__table__) == 1


def test_updating_can_share_and_unshare(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    link(store, alex, sam)
    entry = entries.write_entry(store, alex, draft("draft"))
    entries.update_entry(store, alex, entry.id, draft("now shared", shared_with_partner=True))
    assert entries.read_entry(store, sam, entry.id).text == {"body": "now shared"}
    entries.update_entry(store, alex, entry.id, draft("private again"))
    with pytest.raises(NotShared):
        entries.read_entry(store, sam, entry.id)


def test_a_shared_entry_updated_by_its_owner_shows_the_new_text_to_the_reader(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    link(store, alex, sam)
    entry = entries.write_entry(store, alex, draft("before", shared_with_partner=True))
    entries.update_entry(store, alex, entry.id, draft("after", shared_with_partner=True))
    assert entries.read_entry(store, sam, entry.id).text == {"body": "after"}


def test_deleting_an_entry_removes_it_and_its_shares(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    link(store, alex, sam)
    keep = entries.write_entry(store, alex, draft("keep"))
    gone = entries.write_entry(store, alex, draft("gone", shared_with_partner=True))
    assert count(store, EntryShareRow.__table__) == 1
    entries.delete_entry(store, alex, gone.id)
    assert count(store, EntryShareRow.__table__) == 0
    assert [entry.id for entry in entries.list_entries(store, alex)] == [keep.id]
    for reader in (alex, sam):
        with pytest.raises(NotShared):
            entries.read_entry(store, reader, gone.id)
    with pytest.raises(NotFound):
        entries.delete_entry(store, alex, gone.id)


def test_listing_is_newest_first_and_filters_by_kind_and_time(store, make_profile):
    alex = make_profile("Alex")
    for day, kind in enumerate(["journal", "trigger", "journal", "success"]):
        entries.write_entry(
            store, alex, draft(f"day {day}", at=T0 + timedelta(days=day), kind=kind)
        )
    listed = entries.list_entries(store, alex)
    assert [entry.text["body"] for entry in listed] == ["day 3", "day 2", "day 1", "day 0"]
    journals = entries.list_entries(store, alex, kinds=["journal"])
    assert [entry.text["body"] for entry in journals] == ["day 2", "day 0"]
    window = entries.list_entries(
        store, alex, since=T0 + timedelta(days=1), until=T0 + timedelta(days=3)
    )
    assert [entry.text["body"] for entry in window] == ["day 2", "day 1"]
    assert [entry.text["body"] for entry in entries.list_entries(store, alex, limit=1)] == ["day 3"]


def test_an_unknown_whose_is_refused(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(ValueError, match="whose must be"):
        entries.list_entries(store, alex, whose="everyone")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_plain_value_that_is_not_a_finite_number_is_refused_before_the_store(
    store, make_profile, value
):
    """SQLite would keep NaN and PostgreSQL's JSON would reject it: refuse it for both."""
    alex = make_profile("Alex")
    with pytest.raises((InputError, ValueError)):
        entries.write_entry(store, alex, draft("x", values={"score": value}))
    assert count(store, EntryRow.__table__) == 0


def test_times_in_any_timezone_are_the_same_instant_on_both_databases(store, make_profile):
    alex = make_profile("Alex")
    karachi = timezone(timedelta(hours=5))
    local = datetime(2026, 3, 1, 14, 30, tzinfo=karachi)  # 09:30 UTC
    written = entries.write_entry(store, alex, draft("local time", at=local))
    read = entries.read_entry(store, alex, written.id)
    assert read.occurred_at == T0
    assert read.occurred_at.utcoffset() == timedelta(0)
    just_before = datetime(2026, 3, 1, 14, 29, tzinfo=karachi)
    just_after = datetime(2026, 3, 1, 4, 31, tzinfo=timezone(timedelta(hours=-5)))
    assert [e.id for e in entries.list_entries(store, alex, since=just_before)] == [written.id]
    assert entries.list_entries(store, alex, since=just_after) == []
    assert [e.id for e in entries.list_entries(store, alex, until=just_after)] == [written.id]
