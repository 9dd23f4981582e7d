"""'Talk about how we talk' pages: the guided walk as one page (numbered sections, the form at
the end, no JavaScript needed), one saved sitting, and how it went, added later."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.responses import Response

from bowlby.errors import InputError, first_problem
from bowlby.practice.how_we_talk import FollowUpInput, TalkInput
from bowlby.services import how_we_talk as service
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import practice_talk_contexts as contexts
from bowlby.web import practice_talk_messages as say
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm, require
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
PAGE = contexts.PAGE


class TalkForm(StepForm):
    """The sitting as typed; sharing with the partner is ticked when the page first opens."""

    pattern: str = ""
    my_change: str = ""
    their_change: str = ""
    appreciation: str = ""
    notes: str = ""
    cycle_id: str = ""
    steps_done: list[str] = Field(default_factory=list)

    def to_input(self) -> TalkInput:
        return self.build(
            TalkInput,
            pattern=self.pattern,
            my_change=self.my_change,
            their_change=self.their_change,
            appreciation=self.appreciation,
            notes=self.notes,
            cycle_id=self.cycle_id or None,
            steps_done=self.steps_done,
        )


class FollowUpForm(BaseModel):
    went: str = ""
    note: str = ""

    def to_input(self) -> FollowUpInput:
        require(self.went, "went", say.CHOOSE_WENT)
        try:
            return FollowUpInput.model_validate({"went": self.went, "note": self.note})
        except ValidationError as error:
            field, _ = first_problem(error)
            raise InputError(say.CHOOSE_WENT, field=field) from error


@router.get(PAGE)
def talk_page(
    request: Request, store: StoreDep, settings: SettingsDep, session: PageSession
) -> Response:
    return walk(request, store, settings, session, TalkForm(share_partner=True))


@router.post(PAGE)
def save_talk(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[TalkForm, Form()],
) -> Response:
    try:
        sitting = service.save_talk(store, session.keyring, form.to_input())
    except InputError as error:
        return walk(request, store, settings, session, form, error=error)
    return saved(store, session, f"{PAGE}/{sitting.id}", say.SAVED, sitting)


@router.get(PAGE + "/{talk_id}")
def talk_detail(request: Request, store: StoreDep, session: PageSession, talk_id: str) -> Response:
    return detail(request, store, session, talk_id, FollowUpForm())


@router.post(PAGE + "/{talk_id}/follow-up")
def add_follow_up(
    request: Request,
    store: StoreDep,
    session: FormSession,
    talk_id: str,
    form: Annotated[FollowUpForm, Form()],
) -> Response:
    try:
        done = service.follow_up(store, session.keyring, talk_id, form.to_input())
    except InputError as error:
        return detail(request, store, session, talk_id, form, error=error)
    return saved(store, session, f"{PAGE}/{talk_id}", say.FOLLOW_UP_SAVED, done)


def walk(
    request: Request,
    store: Store,
    settings: Settings,
    session: WebSession,
    form: TalkForm,
    *,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_talk_page(store, session.keyring, settings.zone)
    return render_step(
        request, store, session, "practice_talk.html", page=page, form=form, say=say, error=error
    )


def detail(
    request: Request,
    store: Store,
    session: WebSession,
    talk_id: str,
    form: FollowUpForm,
    *,
    error: InputError | None = None,
) -> Response:
    page = contexts.build_detail_page(store, session.keyring, talk_id)
    return render_step(
        request, store, session, "practice_talk_entry.html", page=page, form=form, say=say,
        error=error,
    )  # fmt: skip
