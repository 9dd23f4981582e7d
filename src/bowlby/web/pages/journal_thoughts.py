"""Step 3: thought records, started in the moment and finished (re-rated) later."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.journal.thought_records import ThoughtRecordView
from bowlby.services import journal
from bowlby.store.engine import Store
from bowlby.web import journal_contexts, journal_messages
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.journal_details import belief_change
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import ThoughtForm
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


@router.get("/journal/thoughts")
def thoughts_page(
    request: Request, store: StoreDep, session: PageSession, whose: Whose = "mine"
) -> Response:
    page = journal_contexts.build_thoughts_page(store, session.keyring, whose=whose)
    return render_step(request, store, session, "journal_thoughts.html", page=page)


@router.get("/journal/thoughts/new")
def new_thought_form(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = journal_contexts.build_thought_form(store, session.keyring)
    return thought_form_page(request, store, session, ThoughtForm.blank(), page)


@router.post("/journal/thoughts/new")
def record_thought(
    request: Request,
    store: StoreDep,
    session: FormSession,
    form: Annotated[ThoughtForm, Form()],
) -> Response:
    try:
        record = journal.record_thought(store, session.keyring, form.to_input())
    except InputError as error:
        page = journal_contexts.build_thought_form(store, session.keyring)
        return thought_form_page(request, store, session, form, page, error=error)
    return thought_saved(store, session, record)


@router.get("/journal/thoughts/{record_id}/edit")
def edit_thought_form(
    request: Request, store: StoreDep, session: PageSession, record_id: str
) -> Response:
    page = journal_contexts.build_thought_edit(store, session.keyring, record_id)
    form = ThoughtForm.of_view(page.record) if page.record else ThoughtForm.blank()
    return thought_form_page(request, store, session, form, page, record_id)


@router.post("/journal/thoughts/{record_id}/edit")
def update_thought(
    request: Request,
    store: StoreDep,
    session: FormSession,
    record_id: str,
    form: Annotated[ThoughtForm, Form()],
) -> Response:
    try:
        updated = journal.update_thought(store, session.keyring, record_id, form.to_input())
    except InputError as error:
        page = journal_contexts.build_thought_edit(store, session.keyring, record_id)
        return thought_form_page(request, store, session, form, page, record_id, error=error)
    return thought_saved(store, session, updated)


def thought_saved(store: Store, session: WebSession, record: ThoughtRecordView) -> Response:
    """Back to the list, where the new drop shows; unfinished records say they can wait."""
    drop = record.belief_drop
    if drop is None:
        notice = journal_messages.THOUGHT_SAVED_UNFINISHED
    else:
        notice = journal_messages.THOUGHT_SAVED_DROP.format(
            before=record.belief_before,
            after=record.belief_after,
            change=belief_change(drop),
            visibility="{visibility}",
        )
    return saved(store, session, f"/journal/thoughts#thought-{record.id}", notice, record)


def thought_form_page(
    request: Request,
    store: Store,
    session: WebSession,
    form: ThoughtForm,
    page: journal_contexts.ThoughtFormPage,
    record_id: str | None = None,
    *,
    error: InputError | None = None,
) -> Response:
    """The form for a new record, or for finishing one of the person's own."""
    action = f"/journal/thoughts/{record_id}/edit" if record_id else "/journal/thoughts/new"
    return render_step(
        request,
        store,
        session,
        "journal_thought_form.html",
        page=page,
        form=form,
        action=action,
        error=error,
    )
