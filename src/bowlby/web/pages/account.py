"""Changing the passphrase, and the privacy page that says plainly what is and is not protected."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from bowlby.errors import BowlbyError, InputError, WrongPassphrase
from bowlby.services import accounts
from bowlby.web import messages
from bowlby.web.auth import FormSession, MaybeSession, PageSession, SettingsDep, StoreDep
from bowlby.web.pages import FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


@router.get("/settings/passphrase")
def passphrase_form(request: Request, session: PageSession) -> Response:
    return passphrase_page(request, session)


@router.post("/settings/passphrase")
def change_passphrase(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    current: FormText = "",
    new: FormText = "",
    new_again: FormText = "",
) -> Response:
    """Rewrap the keys under the new passphrase; entries are untouched, the session stays."""
    try:
        if new != new_again:
            raise InputError(messages.NEW_PASSPHRASES_DIFFER, field="new_again")
        accounts.change_passphrase(store, settings, session.keyring.name, current, new)
    except WrongPassphrase:
        wrong = InputError(messages.NOT_CURRENT_PASSPHRASE, field="current")
        return passphrase_page(request, session, wrong, status_code=401)
    except BowlbyError as error:
        return passphrase_page(request, session, error, status_code=error.http_status)
    session.notice = messages.PASSPHRASE_CHANGED
    return RedirectResponse("/", status_code=303)


@router.get("/privacy")
def privacy(request: Request, session: MaybeSession) -> Response:
    return render(request, "privacy.html", session=session)


def passphrase_page(
    request: Request,
    session: WebSession,
    error: BowlbyError | None = None,
    *,
    status_code: int = 200,
) -> Response:
    field = getattr(error, "field", None)
    if field == "passphrase":
        field = "new"
    return render(
        request,
        "passphrase.html",
        session=session,
        status_code=status_code,
        error=error_text(error),
        error_field=field,
    )
