"""What every journal page shares: rendering a step's page with its form, choices and sharing
options, the visibility sentence after saving, and today in the person's time zone."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Request
from starlette.responses import RedirectResponse, Response

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import RecordView
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import contexts, journal_choices, messages
from bowlby.web.rendering import error_text, render
from bowlby.web.safety_notes import note_risk
from bowlby.web.sessions import WebSession


def render_step(
    request: Request,
    store: Store,
    session: WebSession,
    template: str,
    *,
    error: InputError | None = None,
    **context: Any,
) -> Response:
    """A journal page with its choice lists, sharing options and, after a mistake, the
    message beside its field (status 422) and everything the person typed."""
    links = contexts.build_links(store, session.keyring)
    return render(
        request,
        template,
        session=session,
        status_code=422 if error else 200,
        vocab=journal_choices.build_vocabulary(),
        error=error_text(error),
        error_field=error.field if error else None,
        has_partner=any(link.role is models.LinkRole.PARTNER for link in links),
        has_therapist=any(link.i_am_client for link in links),
        **context,
    )


def saved(store: Store, session: WebSession, url: str, notice: str, view: RecordView) -> Response:
    """After a save: say so, and whether anyone else can read it, on the next page, with the
    calm safety box when what was saved shows signs of danger.

    ``notice`` may hold what the person wrote, so only its {visibility} slot is filled."""
    note_risk(store, session, view.id)
    session.notice = notice.replace("{visibility}", visibility_of(view)).strip()
    return RedirectResponse(url, status_code=303)


def visibility_of(view: RecordView) -> str:
    shared = models.audience(view.shared_with_partner, view.shared_with_therapist)
    return messages.SHARED_WITH.format(audience=shared) if shared else messages.ONLY_YOU


def today(settings: Settings) -> date:
    return datetime.now(settings.zone).date()
