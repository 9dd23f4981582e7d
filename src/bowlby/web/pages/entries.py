"""Home, the entry list, and writing, reading, editing, sharing and deleting an entry."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from bowlby import models
from bowlby.errors import InputError, NotFound
from bowlby.services import entries
from bowlby.store.engine import Store
from bowlby.web import contexts, journal_details, messages
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.contexts import entry_url
from bowlby.web.forms import EntryForm
from bowlby.web.pages import FormFlag, FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.safety_notes import note_risk
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = contexts.build_home(store, session.keyring)
    return render(
        request, "home.html", session=session, page=page, form=EntryForm.blank(), error=None
    )


@router.get("/entries")
def list_entries(
    request: Request,
    store: StoreDep,
    session: PageSession,
    whose: contexts.Whose = "all",
    kind: str = "",
) -> Response:
    page = contexts.build_entries(store, session.keyring, whose, kind.strip() or None)
    return render(request, "entries.html", session=session, page=page)


@router.get("/entries/new")
def new_entry_form(request: Request, store: StoreDep, session: PageSession) -> Response:
    return entry_form_page(request, store, session, EntryForm.blank())


@router.post("/entries/new")
def write_entry(
    request: Request,
    store: StoreDep,
    session: FormSession,
    title: FormText = "",
    body: FormText = "",
    occurred_at: FormText = "",
    share_partner: FormFlag = False,
    share_therapist: FormFlag = False,
) -> Response:
    form = EntryForm(
        title=title,
        body=body,
        occurred_at=occurred_at,
        share_partner=share_partner,
        share_therapist=share_therapist,
    )
    try:
        entry = entries.write_entry(store, session.keyring, form.to_draft())
    except InputError as error:
        return entry_form_page(request, store, session, form, error=error)
    note_risk(store, session, entry.id)
    session.notice = messages.SAVED.format(visibility=visibility_sentence(entry))
    return RedirectResponse(f"/entries/{entry.id}", status_code=303)


@router.get("/entries/{entry_id}")
def read_entry(request: Request, store: StoreDep, session: PageSession, entry_id: str) -> Response:
    page = journal_details.build_entry_page(store, session.keyring, entry_id)
    own_page = entry_url(page.entry.kind, entry_id)
    if own_page != f"/entries/{entry_id}":
        return RedirectResponse(own_page, status_code=303)
    return render(request, "entry.html", session=session, page=page)


@router.get("/entries/{entry_id}/edit")
def edit_entry_form(
    request: Request, store: StoreDep, session: PageSession, entry_id: str
) -> Response:
    entry = owned_entry(store, session, entry_id)
    if not plain_text_editable(entry):
        return RedirectResponse(f"/entries/{entry_id}", status_code=303)
    return entry_form_page(request, store, session, EntryForm.of_entry(entry), entry=entry)


@router.post("/entries/{entry_id}/edit")
def edit_entry(
    request: Request,
    store: StoreDep,
    session: FormSession,
    entry_id: str,
    title: FormText = "",
    body: FormText = "",
    occurred_at: FormText = "",
    share_partner: FormFlag = False,
    share_therapist: FormFlag = False,
) -> Response:
    entry = owned_entry(store, session, entry_id)
    if not plain_text_editable(entry):
        return RedirectResponse(f"/entries/{entry_id}", status_code=303)
    form = EntryForm(
        title=title,
        body=body,
        occurred_at=occurred_at,
        share_partner=share_partner,
        share_therapist=share_therapist,
    )
    try:
        updated = entries.update_entry(store, session.keyring, entry_id, form.to_draft(entry))
    except InputError as error:
        return entry_form_page(request, store, session, form, entry=entry, error=error)
    note_risk(store, session, updated.id)
    session.notice = messages.CHANGES_SAVED.format(visibility=visibility_sentence(updated))
    return RedirectResponse(f"/entries/{entry_id}", status_code=303)


@router.post("/entries/{entry_id}/sharing")
def set_sharing(
    store: StoreDep,
    session: FormSession,
    entry_id: str,
    share_partner: FormFlag = False,
    share_therapist: FormFlag = False,
) -> Response:
    entry = entries.set_sharing(
        store, session.keyring, entry_id, partner=share_partner, therapist=share_therapist
    )
    session.notice = visibility_sentence(entry)
    return RedirectResponse(f"/entries/{entry_id}", status_code=303)


@router.get("/entries/{entry_id}/delete")
def confirm_delete(
    request: Request, store: StoreDep, session: PageSession, entry_id: str
) -> Response:
    entry = owned_entry(store, session, entry_id)
    title = contexts.entry_title(entry)
    return render(request, "entry_delete.html", session=session, entry=entry, title=title)


@router.post("/entries/{entry_id}/delete")
def delete_entry(store: StoreDep, session: FormSession, entry_id: str) -> Response:
    entries.delete_entry(store, session.keyring, entry_id)
    session.notice = messages.DELETED
    return RedirectResponse("/entries", status_code=303)


def owned_entry(store: Store, session: WebSession, entry_id: str) -> models.Entry:
    """The entry if the signed-in person owns it; anyone else gets the same not-found."""
    entry = entries.read_entry(store, session.keyring, entry_id)
    if entry.owner_id != session.keyring.profile_id:
        raise NotFound(messages.NOT_YOURS.format(entry_id=entry_id))
    return entry


def plain_text_editable(entry: models.Entry) -> bool:
    """Only a plain journal entry is edited as a title and a text; a step's or a tool's record
    has its own form, or is a record of a moment that stays as it was."""
    return journal_details.edit_url(entry) == f"/entries/{entry.id}/edit"


def visibility_sentence(entry: models.Entry) -> str:
    if entry.visibility == "private":
        return messages.ONLY_YOU
    return messages.SHARED_WITH.format(audience=entry.visibility)


def entry_form_page(
    request: Request,
    store: Store,
    session: WebSession,
    form: EntryForm,
    *,
    entry: models.Entry | None = None,
    error: InputError | None = None,
) -> Response:
    links = contexts.build_links(store, session.keyring)
    return render(
        request,
        "entry_form.html",
        session=session,
        status_code=422 if error else 200,
        form=form,
        entry=entry,
        action=f"/entries/{entry.id}/edit" if entry else "/entries/new",
        error=error_text(error),
        error_field=error.field if error else None,
        has_partner=any(link.role is models.LinkRole.PARTNER for link in links),
        has_therapist=any(link.i_am_client for link in links),
    )
