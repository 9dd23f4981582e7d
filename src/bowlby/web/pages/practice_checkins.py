"""The daily check-in pages: the timer and the script, today side by side, the rhythm, the
couple's time with its calendar file; paused, with a calm message, in safety mode."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from pydantic import Field
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.practice import checkin_schedule
from bowlby.practice import checkins as practice
from bowlby.services import checkins
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import practice_checkins_contexts as contexts
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
HOME = "/practice/checkins"
TEMPLATE = "practice_checkins.html"


class CheckinForm(StepForm):
    """The answers as typed; the minutes as typed too, so a slip is shown, not lost."""

    feeling_word: str = ""
    feeling_note: str = ""
    appreciation: str = ""
    logistics: str = ""
    need: str = ""
    minutes: str = ""

    def to_input(self) -> practice.CheckinInput:
        return self.build(
            practice.CheckinInput,
            feeling_word=self.feeling_word,
            feeling_note=self.feeling_note,
            appreciation=self.appreciation,
            logistics=self.logistics,
            need=self.need,
            minutes=minutes_of(self.minutes),
        )


class ScheduleForm(StepForm):
    at: str = ""
    zone: str = ""
    weekdays: list[str] = Field(default_factory=list)

    def to_input(self) -> checkin_schedule.ScheduleInput:
        return self.build(
            checkin_schedule.ScheduleInput, at=self.at, zone=self.zone, weekdays=self.weekdays
        )


def minutes_of(typed: str) -> int | None:
    if not typed.strip():
        return None
    try:
        return int(typed.strip())
    except ValueError:
        raise InputError(practice.say("minutes_range"), field="minutes") from None


def schedule_form(store: Store, session: WebSession, settings: Settings) -> ScheduleForm:
    """The couple's time as it is, or 20:30 in the person's zone, to change."""
    current = checkins.current_schedule(store, session.keyring)
    if current is None:
        return ScheduleForm(at="20:30", zone=checkins.zone_name(settings.zone))
    mine = current.owner_id == session.keyring.profile_id
    return ScheduleForm(
        at=current.at,
        zone=current.zone,
        weekdays=current.weekdays,
        share_partner=current.shared_with_partner or not mine,
    )


def clock_in(zone: tzinfo) -> Callable[[datetime], str]:
    """How a check-in's time reads on the page: hours and minutes in the person's zone."""
    return lambda when: when.astimezone(zone).strftime("%H:%M")


def checkins_page(
    request: Request,
    store: Store,
    session: WebSession,
    settings: Settings,
    *,
    error: InputError | None = None,
    **forms: Any,
) -> Response:
    page = contexts.build_checkins_page(store, session.keyring, settings.zone)
    forms.setdefault("form", CheckinForm(minutes=str(page.minutes)))
    forms.setdefault("schedule_form", schedule_form(store, session, settings))
    return render_step(
        request,
        store,
        session,
        TEMPLATE,
        page=page,
        say=practice.say,
        clock=clock_in(settings.zone),
        error=error,
        **forms,
    )


@router.get(HOME)
def checkins_home(
    request: Request, store: StoreDep, settings: SettingsDep, session: PageSession
) -> Response:
    return checkins_page(request, store, session, settings)


@router.post(HOME)
def record_checkin(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[CheckinForm, Form()],
) -> Response:
    try:
        view = checkins.record_checkin(store, session.keyring, form.to_input())
    except InputError as error:
        return checkins_page(request, store, session, settings, error=error, form=form)
    notice = practice.say("saved", visibility="{visibility}")
    return saved(store, session, f"{HOME}#today", notice, view)


@router.post(f"{HOME}/schedule")
def set_schedule(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[ScheduleForm, Form()],
) -> Response:
    try:
        view = checkins.set_schedule(store, session.keyring, form.to_input())
    except InputError as error:
        return checkins_page(request, store, session, settings, error=error, schedule_form=form)
    notice = practice.say("schedule_saved", when=view.description, visibility="{visibility}")
    return saved(store, session, f"{HOME}#schedule", notice, view)


@router.get(f"{HOME}/day")
def day_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    day: date | None = None,
) -> Response:
    """A day's check-ins side by side; today unless a date is asked for."""
    chosen = day or datetime.now(settings.zone).date()
    page = contexts.build_day_page(store, session.keyring, chosen, settings.zone)
    return render_step(
        request,
        store,
        session,
        "practice_checkin_day.html",
        page=page,
        say=practice.say,
        clock=clock_in(settings.zone),
    )


@router.get(f"{HOME}/calendar.ics")
def calendar_file(store: StoreDep, session: PageSession) -> Response:
    """The couple's time as an iCalendar file, for any calendar app."""
    content = checkins.calendar_file(store, session.keyring, datetime.now(UTC))
    return Response(
        content,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="checkins.ics"'},
    )
