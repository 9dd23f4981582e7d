"""The check-in use cases on both databases: each answer an entry of its own, the partner sees
only what was shared, the couple's time, the calendar file, and the pause in safety mode."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bowlby import models
from bowlby.errors import NotFound, NotShared, PausedForSafety
from bowlby.practice.checkin_schedule import ScheduleInput
from bowlby.practice.checkins import CheckinInput
from bowlby.services import accounts, checkins, entries, safety, sharing
from bowlby.store.engine import open_store

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 31, 18, 30, tzinfo=UTC)  # 20:30 in Berlin
TODAY = date(2026, 3, 31)


def check_in(store, keyring, word="calm", when=NOW, shared=False, **answers):
    return checkins.record_checkin(
        store,
        keyring,
        CheckinInput(
            occurred_at=when,
            feeling_word=word,
            shared_with_partner=shared,
            **{"minutes": 15, **answers},
        ),
    )


def set_time(store, keyring, at="20:30", shared=True, when=NOW, **extra):
    return checkins.set_schedule(
        store,
        keyring,
        ScheduleInput(
            occurred_at=when, at=at, zone="Europe/Berlin", shared_with_partner=shared, **extra
        ),
    )


@pytest.fixture
def couple(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def test_a_check_in_is_an_entry_of_its_own_with_the_minutes_plain(store, make_profile):
    alex = make_profile("Alex")
    saved = check_in(store, alex, "tired", feeling_note="long day", need="an early night")
    entry = entries.read_entry(store, alex, saved.id)
    assert entry.kind == "checkin"
    assert entry.values == {"minutes": 15}
    assert entry.text == {
        "feeling_word": "tired",
        "feeling_note": "long day",
        "need": "an early night",
    }
    assert not entry.shared_with_partner
    assert [c.id for c in checkins.list_checkins(store, alex)] == [saved.id]
    assert checkins.read_checkin(store, alex, saved.id).need == "an early night"


def test_the_partner_sees_only_the_shared_check_ins(store, couple):
    alex, sam = couple
    shared = check_in(store, alex, "hopeful", shared=True, appreciation="the tea")
    private = check_in(store, alex, "lonely", when=NOW + timedelta(minutes=5))
    check_in(store, sam, "tired", shared=True)
    summary = checkins.day_summary(store, sam, TODAY, BERLIN)
    assert summary.partner_name == "Alex"
    assert [c.feeling_word for c in summary.mine] == ["tired"]
    assert [c.feeling_word for c in summary.partner] == ["hopeful"]
    assert checkins.read_checkin(store, sam, shared.id).appreciation == "the tea"
    with pytest.raises(NotShared):
        checkins.read_checkin(store, sam, private.id)
    mine = checkins.day_summary(store, alex, TODAY, BERLIN)
    assert [c.feeling_word for c in mine.mine] == ["hopeful", "lonely"]
    assert [c.feeling_word for c in mine.partner] == ["tired"]


def test_someone_unlinked_reads_no_check_in(store, couple, make_profile):
    alex, _ = couple
    stranger = make_profile("Robin")
    shared = check_in(store, alex, shared=True)
    with pytest.raises(NotShared):
        checkins.read_checkin(store, stranger, shared.id)
    assert checkins.day_summary(store, stranger, TODAY, BERLIN).partner == []
    assert checkins.list_checkins(store, stranger, whose="shared") == []


def test_another_kind_is_not_a_check_in(store, make_profile):
    alex = make_profile("Alex")
    schedule = set_time(store, alex)
    with pytest.raises(NotShared):
        checkins.read_checkin(store, alex, schedule.id)


def test_the_day_summary_follows_the_local_date(store, make_profile):
    alex = make_profile("Alex")
    check_in(store, alex, "late", when=datetime(2026, 3, 30, 22, 30, tzinfo=UTC))  # 00:30 on 31st
    check_in(store, alex, "evening", when=datetime(2026, 3, 30, 20, tzinfo=UTC))  # 22:00 on 30th
    assert [c.feeling_word for c in checkins.day_summary(store, alex, TODAY, BERLIN).mine] == [
        "late"
    ]
    in_utc = checkins.day_summary(store, alex, date(2026, 3, 30), UTC)
    assert [c.feeling_word for c in in_utc.mine] == ["evening", "late"]
    assert checkins.day_summary(store, alex, TODAY, BERLIN).partner_name is None


def test_the_rhythm_counts_local_days_and_the_partners_shared_days(store, couple):
    alex, sam = couple
    for back in (0, 1, 2, 5):
        check_in(store, alex, when=NOW - timedelta(days=back))
    check_in(store, alex, "again", when=NOW + timedelta(minutes=10))  # the same day twice
    check_in(store, sam, when=NOW - timedelta(days=1), shared=True)
    check_in(store, sam, when=NOW, shared=False)
    rhythm = checkins.checkin_rhythm(store, alex, TODAY, BERLIN)
    assert (rhythm.current_run, rhythm.last_7, rhythm.total_days) == (3, 4, 4)
    partner_days = [mark.day for mark in rhythm.days if mark.partner]
    assert partner_days == [TODAY - timedelta(days=1)]


def test_the_couple_schedule_is_the_newest_both_can_see(store, couple):
    alex, sam = couple
    assert checkins.current_schedule(store, alex) is None
    first = set_time(store, alex, "20:30")
    assert checkins.current_schedule(store, sam) == first
    theirs = set_time(store, sam, "21:00", when=NOW + timedelta(hours=1))
    set_time(store, alex, "06:00", shared=False, when=NOW + timedelta(hours=2))
    assert checkins.current_schedule(store, alex) == theirs
    assert checkins.current_schedule(store, sam) == theirs


def test_alone_the_schedule_is_my_own(store, make_profile):
    alex = make_profile("Alex")
    set_time(store, alex, "19:00", shared=False)
    later = set_time(store, alex, "19:45", shared=False, when=NOW + timedelta(days=1))
    assert checkins.current_schedule(store, alex) == later


def test_the_calendar_file_is_private_neutral_and_the_same_for_both(store, couple, tmp_path):
    alex, sam = couple
    check_in(store, alex, "secretword", shared=True, need="a planted sentence about us")
    set_time(store, alex, "20:30", weekdays=["mon", "thu"])
    path = tmp_path / "checkins.ics"
    schedule = checkins.write_calendar(store, alex, path, NOW)
    assert schedule.at == "20:30"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    content = path.read_bytes()
    assert b"secretword" not in content
    assert b"planted sentence" not in content
    assert b"Alex" not in content
    assert b"Sam" not in content
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event["rrule"]["BYDAY"] == ["MO", "TH"]
    sams = Calendar.from_ical(checkins.calendar_file(store, sam, NOW))
    assert str(sams.walk("VEVENT")[0]["uid"]) == str(event["uid"])


def test_no_calendar_before_a_time_is_set(store, make_profile, tmp_path):
    alex = make_profile("Alex")
    with pytest.raises(NotFound) as raised:
        checkins.write_calendar(store, alex, tmp_path / "x.ics", NOW)
    assert raised.value.message == (
        "There is no check-in time yet. Set one first (for example 20:30)."
    )
    assert not (tmp_path / "x.ics").exists()


def test_safety_mode_pauses_check_ins_and_their_reminders(store, couple, tmp_path):
    alex, _ = couple
    kept = check_in(store, alex, "calm")
    set_time(store, alex)
    safety.set_safety_mode(store, alex, on=True)
    for attempt in (
        lambda: check_in(store, alex, "anything"),
        lambda: set_time(store, alex, "21:00"),
        lambda: checkins.write_calendar(store, alex, tmp_path / "c.ics", NOW),
    ):
        with pytest.raises(PausedForSafety) as raised:
            attempt()
        assert "pauses the exercises that coach closeness" in raised.value.message
    assert [c.id for c in checkins.list_checkins(store, alex)] == [kept.id]
    assert not (tmp_path / "c.ics").exists()


def test_a_zone_name_for_the_schedule():
    assert checkins.zone_name(BERLIN) == "Europe/Berlin"
    # A zone without a name (this computer's offset) falls back to a real IANA name.
    assert ZoneInfo(checkins.zone_name(timezone(timedelta(hours=5)))).key


def test_the_answers_are_encrypted_at_rest_and_the_minutes_stay_plain(settings):
    """Reads the SQLite files; test_privacy checks a PostgreSQL dump the same way."""
    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "alex passphrase")
        alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
        check_in(store, alex, "planted-feeling", need="a planted sentence nobody should read")
    finally:
        store.dispose()
    home = settings.sqlite_path.parent
    files = b"".join(path.read_bytes() for path in home.rglob("*") if path.is_file())
    assert b"planted-feeling" not in files
    assert b"planted sentence" not in files
    assert b'"minutes": 15' in files or b'"minutes":15' in files
