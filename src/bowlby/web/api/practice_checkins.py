"""The daily check-in through the API: the JSON twins of the check-in pages, saving answers
(with the risk check's ``safety``) and the couple's time. POST bodies are the models that
`bowlby checkin start` and `bowlby checkin schedule` build."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter

from bowlby.practice import checkin_schedule
from bowlby.practice import checkins as practice
from bowlby.services import checkins
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_checkins_contexts as contexts
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["practice"])


class CheckinSaved(practice.CheckinView):
    safety: SafetyCheck


@router.get("/checkins")
def checkins_page(
    store: StoreDep, settings: SettingsDep, session: ApiSession
) -> contexts.CheckinsPage:
    """The script, the couple's time and next reminders, today side by side, the rhythm."""
    return contexts.build_checkins_page(store, session.keyring, settings.zone)


@router.post("/checkins", status_code=201)
def record_checkin(
    store: StoreDep, session: ApiSession, body: practice.CheckinInput
) -> CheckinSaved:
    """Save my answers (private unless shared); ``safety`` says what the risk check found."""
    saved = checkins.record_checkin(store, session.keyring, body)
    return with_safety(store, session.keyring, saved.id, saved, CheckinSaved)


@router.get("/checkins/day")
def day_page(
    store: StoreDep, settings: SettingsDep, session: ApiSession, day: date | None = None
) -> contexts.DayPage:
    """One local date (today by default): mine beside what my partner shared with me."""
    chosen = day or datetime.now(settings.zone).date()
    return contexts.build_day_page(store, session.keyring, chosen, settings.zone)


@router.get("/checkins/schedule")
def current_schedule(store: StoreDep, session: ApiSession) -> contexts.ScheduleInfo | None:
    """The couple's time: the newest one both can see (alone: my own), or null."""
    return contexts.build_schedule(store, session.keyring)


@router.post("/checkins/schedule", status_code=201)
def set_schedule(
    store: StoreDep, session: ApiSession, body: checkin_schedule.ScheduleInput
) -> contexts.ScheduleInfo | None:
    """Set a time of day; returns the couple's time as it now stands."""
    checkins.set_schedule(store, session.keyring, body)
    return contexts.build_schedule(store, session.keyring)


@router.get("/checkins/{checkin_id}")
def read_checkin(store: StoreDep, session: ApiSession, checkin_id: str) -> practice.CheckinView:
    """One check-in of mine, or one my partner shared with me."""
    return checkins.read_checkin(store, session.keyring, checkin_id)
