"""The 5:1 ledger page: a big + and a big − (each its own tiny form), the counts by day and
week, the chart against the 5:1 line, and the two partners side by side."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.practice.ratio_ledger import InteractionInput
from bowlby.services import ratio_ledger
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import practice_ratio_contexts, practice_ratio_messages
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import StepForm
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
PAGE = "/practice/ratio"


class InteractionForm(StepForm):
    """One tap: the sign is the button's own form; kind, note and time are optional."""

    sign: str = ""
    kind: str = ""
    note: str = ""

    def to_input(self) -> InteractionInput:
        return self.build(InteractionInput, sign=self.sign, kind=self.kind, note=self.note)


@router.get(PAGE)
def ratio_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    days: Annotated[int, Query(ge=7, le=366)] = practice_ratio_contexts.DAYS,
) -> Response:
    return ledger_page(request, store, settings, session, InteractionForm(), days=days)


@router.post(PAGE)
def log_moment(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[InteractionForm, Form()],
) -> Response:
    try:
        logged = ratio_ledger.log_interaction(store, session.keyring, form.to_input())
    except InputError as error:
        return ledger_page(request, store, settings, session, form, error=error)
    notice = (
        practice_ratio_messages.SAVED_POSITIVE
        if logged.sign == "positive"
        else practice_ratio_messages.SAVED_NEGATIVE
    )
    return saved(store, session, PAGE, notice, logged)


def ledger_page(
    request: Request,
    store: Store,
    settings: Settings,
    session: WebSession,
    form: InteractionForm,
    *,
    days: int = practice_ratio_contexts.DAYS,
    error: InputError | None = None,
) -> Response:
    today = datetime.now(settings.zone).date()
    page = practice_ratio_contexts.build_ratio_page(
        store, session.keyring, settings.zone, today, days=days
    )
    return render_step(
        request, store, session, "practice_ratio.html", page=page, form=form, error=error
    )
