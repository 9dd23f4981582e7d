"""The couple-model pages: the overview, one fit with its phase plane, the what-if (a plain GET
form, so it works without JavaScript) and the "log a hard conversation" form. Only the
person's own chats and logged conversations are read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from pydantic import BaseModel
from starlette.responses import Response

from bowlby.dynamics import hard_conversations as hard
from bowlby.errors import InputError
from bowlby.services import dynamics as service
from bowlby.store.engine import Store
from bowlby.web import dynamics_contexts as contexts
from bowlby.web import dynamics_messages as say
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.dynamics_whatif import WhatIfQuery, build_whatif_page
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm, require
from bowlby.web.rendering import render
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
PAGE = "/dynamics"
LOG = PAGE + "/log"


class LogForm(StepForm):
    """The form as typed: topic, who spoke first, the turns' code."""

    topic: str = ""
    first: str = ""
    turns: str = ""

    def to_input(self) -> hard.HardConversationInput:
        require(self.first, "first", say.CHOOSE_FIRST)
        require(self.turns, "turns", say.WRITE_TURNS)
        first, scores = hard.parse_turns(self.turns, hard.speaker_of(self.first))
        return self.build(hard.HardConversationInput, topic=self.topic, first=first,
                          scores=scores)  # fmt: skip


@router.get(PAGE)
def overview_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = contexts.build_overview(store, session.keyring)
    return render(request, "dynamics.html", session=session, page=page)


@router.get(PAGE + "/fit")
def fit_page(
    request: Request,
    store: StoreDep,
    session: PageSession,
    query: Annotated[contexts.FitQuery, Depends()],
) -> Response:
    page = contexts.build_fit_page(store, session.keyring, query)
    return render(request, "dynamics_fit.html", session=session, page=page)


@router.get(PAGE + "/whatif")
def whatif_page(
    request: Request,
    store: StoreDep,
    session: PageSession,
    query: Annotated[WhatIfQuery, Depends()],
) -> Response:
    page = build_whatif_page(store, session.keyring, query)
    return render(request, "dynamics_whatif.html", session=session, page=page)


@router.get(LOG)
def log_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    return log_form(request, store, session, LogForm.blank(first="me"))


@router.post(LOG)
def log_conversation(
    request: Request, store: StoreDep, session: FormSession, form: Annotated[LogForm, Form()]
) -> Response:
    try:
        logged = service.log_hard_conversation(store, session.keyring, form.to_input())
    except InputError as error:
        return log_form(request, store, session, form, error=error)
    notice = say.LOGGED.replace("{turns}", str(len(logged.scores)))
    return saved(store, session, LOG, notice, logged)


class LogPage(BaseModel):
    legend: list[contexts.ScaleStep]
    first_choices: dict[str, str]
    recent: list[contexts.SourceLink]


def log_form(
    request: Request,
    store: Store,
    session: WebSession,
    form: LogForm,
    *,
    error: InputError | None = None,
) -> Response:
    recent = service.list_hard_conversations(store, session.keyring, limit=contexts.RECENT)
    page = LogPage(
        legend=contexts.scale(),
        first_choices=say.FIRST_CHOICES,
        recent=[contexts.logged_link(view) for view in recent],
    )
    return render_step(
        request, store, session, "dynamics_log.html", page=page, form=form, error=error
    )
