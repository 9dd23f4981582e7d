"""The couple's time of day for the check-in, and the reminder as an iCalendar file any
calendar app imports (its words neutral, so the file tells nobody what it is for)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import RecordInput, RecordView, draft_of, view_fields
from bowlby.practice.checkins import say, script
from bowlby.settings import named_zone

SCHEDULE_KIND = "checkin_schedule"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
REMINDER_MINUTES_BEFORE = 10


def parse_clock(value: str) -> time:
    """A time of day as hours and minutes ("20:30", "8:05"), or a clear error on the field."""
    found = CLOCK.match(value.strip())
    if not found:
        raise InputError(say("bad_time"), field="at")
    return time(int(found.group(1)), int(found.group(2)))


def zone_of(name: str) -> ZoneInfo:
    return named_zone(name, "zone")


class ScheduleInput(RecordInput):
    """When the check-in happens: a local time, its IANA zone, and the days (none: every day)."""

    at: str
    zone: str
    weekdays: list[str] = Field(default_factory=list)

    @field_validator("at")
    @classmethod
    def _clock(cls, value: str) -> str:
        return parse_clock(value).strftime("%H:%M")

    @field_validator("zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return zone_of(value).key

    @field_validator("weekdays")
    @classmethod
    def _known_days(cls, days: list[str]) -> list[str]:
        chosen = {day.strip().lower()[:3] for day in days if day.strip()}
        unknown = sorted(chosen - set(WEEKDAYS))
        if unknown:
            raise InputError(say("bad_weekday", day=unknown[0]), field="weekdays")
        return [] if chosen == set(WEEKDAYS) else [day for day in WEEKDAYS if day in chosen]


class ScheduleView(RecordView):
    owner_id: str
    at: str
    zone: str
    weekdays: list[str]

    @property
    def description(self) -> str:
        """'20:30 every day (Europe/Berlin)' or '20:30 on Mon, Thu (Europe/Berlin)'."""
        days = ", ".join(d.title() for d in self.weekdays) if self.weekdays else ""
        return f"{self.at} {f'on {days}' if days else say('every_day')} ({self.zone})"


def schedule_draft(schedule: ScheduleInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {
        "at": schedule.at,
        "zone": schedule.zone,
        "weekdays": ",".join(schedule.weekdays),
    }
    return draft_of(schedule, SCHEDULE_KIND, values, {})


def schedule_view(entry: models.Entry) -> ScheduleView:
    days = str(entry.values.get("weekdays") or "")
    return ScheduleView(
        **view_fields(entry),
        owner_id=entry.owner_id,
        at=str(entry.values.get("at")),
        zone=str(entry.values.get("zone")),
        weekdays=[day for day in days.split(",") if day],
    )


def couple_schedule(
    schedules: Sequence[ScheduleView], me_id: str, linked: bool
) -> ScheduleView | None:
    """The most recent schedule both partners can see (mine shared, or my partner's); alone,
    or while nothing is shared yet, my own most recent one."""
    newest_first = sorted(schedules, key=lambda s: (s.occurred_at, s.updated_at), reverse=True)
    mine = [s for s in newest_first if s.owner_id == me_id]
    if linked:
        both = [s for s in newest_first if s.owner_id != me_id or s.shared_with_partner]
        if both:
            return both[0]
    return mine[0] if mine else None


def next_reminders(schedule: ScheduleView, after: datetime, count: int = 8) -> list[datetime]:
    """The next ``count`` check-in times after ``after``, in UTC, right across DST changes."""
    zone = ZoneInfo(schedule.zone)
    at = parse_clock(schedule.at)
    allowed = set(schedule.weekdays) or set(WEEKDAYS)
    day = after.astimezone(zone).date()
    found: list[datetime] = []
    while len(found) < count:
        if WEEKDAYS[day.weekday()] in allowed:
            local = datetime.combine(day, at, tzinfo=zone)
            if local > after:
                found.append(local.astimezone(UTC))
        day += timedelta(days=1)
    return found


def checkin_calendar(schedule: ScheduleView, uid_seed: str, stamp: datetime) -> bytes:
    """A recurring 15-minute event at the local time with its VTIMEZONE, a display alarm and
    a stable UID; its words are neutral (not even the app's name), so the file tells nobody
    what it is for."""
    from icalendar import Alarm, Calendar, Event

    zone = ZoneInfo(schedule.zone)
    set_on = schedule.occurred_at.astimezone(zone).date()
    midnight = datetime.combine(set_on, time(), tzinfo=zone)
    first = next_reminders(schedule, midnight - timedelta(microseconds=1), 1)[0]
    event = Event()
    event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, f'checkin:{uid_seed}')}@checkin.local")
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", first.astimezone(zone))
    event.add("duration", timedelta(minutes=script().minutes))
    event.add("rrule", _rrule(schedule.weekdays))
    event.add("summary", say("calendar_title"))
    event.add("description", say("calendar_description"))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", say("calendar_alarm"))
    alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES_BEFORE))
    event.add_component(alarm)
    calendar = Calendar()
    calendar.add("prodid", "-//Check-in reminder//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _rrule(weekdays: Sequence[str]) -> dict[str, Any]:
    if not weekdays:
        return {"freq": "daily"}
    return {"freq": "weekly", "byday": [ICAL_WEEKDAYS[WEEKDAYS.index(d)] for d in weekdays]}
