"""Repair pages: log a rupture, add its repair later, the time-to-repair trend, and the phrase
bank one tap away during a fight."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.responses import Response

from bowlby.errors import InputError, first_problem
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.services import repairs
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import practice_repairs_contexts as contexts
from bowlby.web import practice_repairs_messages as say
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.forms import parse_local
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm, require, whole_number
from bowlby.web.rendering import render
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
PAGE = "/practice/repairs"


class RuptureForm(StepForm):
    what_happened: str = ""
    intensity: str = ""

    def to_input(self) -> RuptureInput:
        require(self.what_happened, "what_happened", say.WRITE_WHAT_HAPPENED)
        intensity = whole_number(self.intensity, 10, "intensity", say.CHOOSE_INTENSITY)
        return self.build(RuptureInput, what_happened=self.what_happened, intensity=intensity)


class RepairForm(BaseModel):
    """The repair as typed: when (blank means now), how, who began it, a note."""

    repaired_at: str = ""
    how: list[str] = Field(default_factory=list)
    initiated_by: str = ""
    note: str = ""

    def to_input(self) -> RepairInput:
        if not self.how:
            raise InputError(say.CHOOSE_HOW, field="how")
        require(self.initiated_by, "initiated_by", say.CHOOSE_BY)
        try:
            when = parse_local(self.repaired_at)
        except InputError as error:
            raise InputError(error.detail, field="repaired_at") from error
        try:
            return RepairInput.model_validate(
                {
                    "repaired_at": when,
                    "how": self.how,
                    "initiated_by": self.initiated_by,
                    "note": self.note,
                }
            )
        except ValidationError as error:
            field, message = first_problem(error)
            raise InputError(say.CHOOSE_BY if field == "initiated_by" else message,
                             field=field) from error  # fmt: skip


@router.get(PAGE)
def repairs_page(
    request: Request, store: StoreDep, settings: SettingsDep, session: PageSession
) -> Response:
    return overview(request, store, settings, session, RuptureForm(intensity="5"))


@router.post(PAGE)
def log_rupture(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[RuptureForm, Form()],
) -> Response:
    try:
        logged = repairs.record_rupture(store, session.keyring, form.to_input())
    except InputError as error:
        return overview(request, store, settings, session, form, error=error)
    return saved(store, session, PAGE, say.RUPTURE_SAVED, logged)


@router.get(PAGE + "/phrases")
def phrases_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = contexts.build_phrases_page(store, session.keyring)
    return render(request, "practice_repair_phrases.html", session=session, page=page)


@router.get(PAGE + "/{rupture_id}")
def repair_form(
    request: Request, store: StoreDep, session: PageSession, rupture_id: str
) -> Response:
    return repair_page(request, store, session, rupture_id, RepairForm())


@router.post(PAGE + "/{rupture_id}")
def add_repair(
    request: Request,
    store: StoreDep,
    session: FormSession,
    rupture_id: str,
    form: Annotated[RepairForm, Form()],
) -> Response:
    try:
        done = repairs.record_repair(store, session.keyring, rupture_id, form.to_input())
    except InputError as error:
        return repair_page(request, store, session, rupture_id, form, error=error)
    notice = say.REPAIR_SAVED.replace(
        "{duration}", contexts.RuptureRow.of(done, now()).duration or ""
    )
    return saved(store, session, PAGE, notice, done)


def now() -> datetime:
    return datetime.now(UTC)


def overview(
    request: Request,
    store: Store,
    settings: Settings,
    session: WebSession,
    form: RuptureForm,
    *,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_repairs_page(store, session.keyring, settings.zone, now())
    return render_step(
        request, store, session, "practice_repairs.html", page=page, form=form, error=error
    )


def repair_page(
    request: Request,
    store: Store,
    session: WebSession,
    rupture_id: str,
    form: RepairForm,
    *,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_repair_form(store, session.keyring, rupture_id, now())
    return render_step(
        request, store, session, "practice_repair_edit.html", page=page, form=form, error=error
    )
