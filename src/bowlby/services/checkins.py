"""The daily check-in as use cases: answers and the couple's time saved as entries (paused in
safety mode), a day's answers side by side, the rhythm of days, and the calendar file."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Unpack

from pydantic import BaseModel

from bowlby import files, models
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.practice import checkin_schedule, checkins
from bowlby.practice.checkin_schedule import ScheduleView
from bowlby.practice.checkins import CheckinView
from bowlby.services import entries, records, sharing
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store

ZONEINFO_DIR = "zoneinfo/"


class DaySummary(BaseModel):
    """One local date: my answers beside those my partner shared with me."""

    day: date
    zone: str
    partner_name: str | None
    mine: list[CheckinView]
    partner: list[CheckinView]


def record_checkin(
    store: Store, keyring: models.Keyring, answers: checkins.CheckinInput
) -> CheckinView:
    records.refuse_coaching_in_safety_mode(store, keyring)
    return checkins.checkin_view(
        entries.write_entry(store, keyring, checkins.checkin_draft(answers))
    )


def list_checkins(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[CheckinView]:
    return records.list_views(store, keyring, checkins.KIND, checkins.checkin_view, **query)


def read_checkin(store: Store, keyring: models.Keyring, checkin_id: str) -> CheckinView:
    """A check-in of mine, or one my partner shared with me; anything else is not found."""
    entry = entries.read_entry(store, keyring, checkin_id)
    if entry.kind != checkins.KIND:
        raise NotShared(f"There is no check-in {checkin_id} that you can read.")
    return checkins.checkin_view(entry)


def set_schedule(
    store: Store, keyring: models.Keyring, schedule: checkin_schedule.ScheduleInput
) -> ScheduleView:
    """Keep a new time of day; the newest one both partners can see is the couple's."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    return checkin_schedule.schedule_view(
        entries.write_entry(store, keyring, checkin_schedule.schedule_draft(schedule))
    )


def current_schedule(store: Store, keyring: models.Keyring) -> ScheduleView | None:
    """The couple's time: the newest both can see; alone, my own newest."""
    partner = sharing.linked_partner(store, keyring)
    people = {keyring.profile_id, *([partner.profile_id] if partner else [])}
    schedules = records.list_views(
        store, keyring, checkin_schedule.SCHEDULE_KIND, checkin_schedule.schedule_view, whose="all"
    )
    return checkin_schedule.couple_schedule(
        [s for s in schedules if s.owner_id in people],
        keyring.profile_id,
        linked=partner is not None,
    )


def day_summary(store: Store, keyring: models.Keyring, day: date, zone: tzinfo) -> DaySummary:
    """The check-ins of one local date, mine and my partner's shared ones, oldest first."""
    since = datetime.combine(day, time(), tzinfo=zone)
    until = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    partner = sharing.linked_partner(store, keyring)
    theirs = []
    if partner is not None:
        shared = list_checkins(store, keyring, whose="shared", since=since, until=until)
        theirs = [c for c in shared if c.owner_id == partner.profile_id]
    mine = list_checkins(store, keyring, since=since, until=until)
    return DaySummary(
        day=day,
        zone=str(zone),
        partner_name=partner.name if partner else None,
        mine=checkins.checkins_on(mine, day, zone),
        partner=checkins.checkins_on(theirs, day, zone),
    )


def checkin_rhythm(
    store: Store, keyring: models.Keyring, today: date, zone: tzinfo
) -> checkins.Rhythm:
    """My run of days and days checked in lately, with my partner's shared days beside."""
    mine = checkins.local_days((c.occurred_at for c in list_checkins(store, keyring)), zone)
    partner = sharing.linked_partner(store, keyring)
    theirs: set[date] = set()
    if partner is not None:
        shared = list_checkins(store, keyring, whose="shared")
        times = (c.occurred_at for c in shared if c.owner_id == partner.profile_id)
        theirs = checkins.local_days(times, zone)
    return checkins.find_rhythm(mine, today, theirs)


def calendar_file(store: Store, keyring: models.Keyring, now: datetime) -> bytes:
    """The couple's check-in time as an iCalendar file."""
    return _calendar(store, keyring, now)[0]


def write_calendar(
    store: Store, keyring: models.Keyring, path: Path, now: datetime
) -> ScheduleView:
    """Write the calendar file atomically, readable by its owner only."""
    content, schedule = _calendar(store, keyring, now)
    files.write_private_file(path, content)
    return schedule


def _calendar(store: Store, keyring: models.Keyring, now: datetime) -> tuple[bytes, ScheduleView]:
    """The same UID for both partners, so importing it again replaces the event instead of
    adding another."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    schedule = current_schedule(store, keyring)
    if schedule is None:
        raise NotFound(checkins.say("no_schedule"))
    partner = sharing.linked_partner(store, keyring)
    people = sorted([keyring.profile_id, *([partner.profile_id] if partner else [])])
    return checkin_schedule.checkin_calendar(schedule, ":".join(people), now), schedule


def zone_name(zone: tzinfo) -> str:
    """The IANA name of a zone, for a schedule; this computer's own when the zone has none."""
    key = getattr(zone, "key", None)
    if key:
        return str(key)
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return "UTC"
    found = target.rpartition(ZONEINFO_DIR)[2] if ZONEINFO_DIR in target else ""
    try:
        return checkin_schedule.zone_of(found).key if found else "UTC"
    except InputError:  # an odd system zone: UTC, which the person can change
        return "UTC"
