"""The composer: draft a message, see what it reads as and a gentler way to say it. Nothing is
sent or saved; the form posts back to the same page, so it works without JavaScript."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.web import composer_contexts as contexts
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.pages import FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.safety_notes import own_preferences
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
HOME = "/compose"


@router.get(HOME)
def composer_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    return show_page(request, store, session)


@router.post(HOME)
def read_draft(
    request: Request, store: StoreDep, session: FormSession, text: FormText = ""
) -> Response:
    """Read the draft back with its flags and translation; nothing is kept."""
    try:
        checked_draft(text)
    except InputError as error:
        return show_page(request, store, session, text, error=error)
    return show_page(request, store, session, text)


def checked_draft(text: str) -> str:
    if not text.strip():
        raise InputError(contexts.WRITE_SOMETHING, field="text")
    if len(text) > contexts.DRAFT_MAX_CHARS:
        raise InputError(contexts.TOO_LONG, field="text")
    return text


def show_page(
    request: Request,
    store: StoreDep,
    session: WebSession,
    draft: str = "",
    *,
    error: InputError | None = None,
) -> Response:
    country = own_preferences(request, session).country
    page = contexts.build_composer_page(store, session.keyring, "" if error else draft, country)
    if error and not page.paused_for_safety:
        page.draft = draft
    return render(
        request,
        "composer.html",
        session=session,
        page=page,
        error=error_text(error),
        error_field=error.field if error else None,
        status_code=422 if error else 200,
    )
