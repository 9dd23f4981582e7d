"""One typed context per check-in page, rendered by its template and returned by the API: the
script, the couple's time and its next reminders, today side by side, and the rhythm."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Literal

from pydantic import BaseModel

from bowlby import models
from bowlby.practice import checkin_schedule
from bowlby.practice import checkins as practice
from bowlby.services import checkins, records, sharing
from bowlby.services.checkins import DaySummary
from bowlby.store.engine import Store
from bowlby.web.practice_unsaid_contexts import NudgeView, build_nudge

REMINDERS_AHEAD = 8
DayState = Literal["both", "mine", "partner", "none"]


class ScriptStepView(BaseModel):
    id: str
    title: str
    prompt: str
    minutes: int


class ScheduleInfo(BaseModel):
    """The couple's time: what it is, who set it, whether both can see it, and when next."""

    at: str
    zone: str
    weekdays: list[str]
    description: str
    set_by: str
    shared: bool
    next_reminders: list[datetime]


class DayMarkView(BaseModel):
    day: date
    label: str
    state: DayState


class RhythmView(BaseModel):
    current_run: int
    last_7: int
    last_30: int
    total_days: int
    sentences: list[str]
    days: list[DayMarkView]


class CheckinsPage(BaseModel):
    paused_for_safety: bool
    paused_message: str | None
    minutes: int
    intro: str
    steps: list[ScriptStepView]
    feeling_words: list[str]
    partner_name: str | None
    schedule: ScheduleInfo | None
    today: DaySummary
    rhythm: RhythmView
    unsaid_nudge: NudgeView | None


class DayPage(BaseModel):
    """A day's check-ins side by side, with the days before and after."""

    summary: DaySummary
    label: str
    previous: date
    next: date | None


def day_label(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def build_checkins_page(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime | None = None
) -> CheckinsPage:
    now = now or datetime.now(UTC)
    today = now.astimezone(zone).date()
    walk = practice.script()
    partner = sharing.linked_partner(store, keyring)
    paused = records.coaching_paused(store, keyring)
    return CheckinsPage(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        minutes=walk.minutes,
        intro=walk.intro,
        steps=[ScriptStepView(**vars(step)) for step in walk.steps],
        feeling_words=list(walk.feeling_words),
        partner_name=partner.name if partner else None,
        schedule=build_schedule(store, keyring, now),
        today=checkins.day_summary(store, keyring, today, zone),
        rhythm=build_rhythm(store, keyring, today, zone),
        unsaid_nudge=build_nudge(store, keyring, zone, now),
    )


def build_schedule(
    store: Store, keyring: models.Keyring, now: datetime | None = None
) -> ScheduleInfo | None:
    found = checkins.current_schedule(store, keyring)
    if found is None:
        return None
    return ScheduleInfo(
        at=found.at,
        zone=found.zone,
        weekdays=found.weekdays,
        description=found.description,
        set_by=found.owner_name,
        shared=found.owner_id != keyring.profile_id or found.shared_with_partner,
        next_reminders=checkin_schedule.next_reminders(
            found, now or datetime.now(UTC), REMINDERS_AHEAD
        ),
    )


def build_rhythm(store: Store, keyring: models.Keyring, today: date, zone: tzinfo) -> RhythmView:
    rhythm = checkins.checkin_rhythm(store, keyring, today, zone)
    return RhythmView(
        current_run=rhythm.current_run,
        last_7=rhythm.last_7,
        last_30=rhythm.last_30,
        total_days=rhythm.total_days,
        sentences=practice.describe_rhythm(rhythm),
        days=[
            DayMarkView(day=mark.day, label=day_label(mark.day), state=state_of(mark))
            for mark in rhythm.days
        ],
    )


def state_of(mark: practice.DayMark) -> DayState:
    if mark.mine and mark.partner:
        return "both"
    if mark.mine:
        return "mine"
    return "partner" if mark.partner else "none"


def build_day_page(
    store: Store, keyring: models.Keyring, day: date, zone: tzinfo, now: datetime | None = None
) -> DayPage:
    today = (now or datetime.now(UTC)).astimezone(zone).date()
    following = day + timedelta(days=1)
    return DayPage(
        summary=checkins.day_summary(store, keyring, day, zone),
        label=day_label(day),
        previous=day - timedelta(days=1),
        next=following if following <= today else None,
    )
