"""Signing in and out, and creating a profile (which shows its recovery key exactly once)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from bowlby import models
from bowlby.errors import (
    BowlbyError,
    Conflict,
    InputError,
    NotFound,
    TooManyAttempts,
    WrongPassphrase,
)
from bowlby.services import accounts
from bowlby.web import csrf, messages
from bowlby.web.auth import FormSession, SettingsDep, StoreDep, get_sessions, unlock
from bowlby.web.pages import FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.sessions import (
    SESSION_COOKIE,
    clear_session_cookie,
    set_session_cookie,
)

router = APIRouter(include_in_schema=False)


@router.get("/signin")
def signin_form(request: Request, name: str = "", expired: bool = False) -> Response:
    return signin_page(request, name=name, note=messages.EXPIRED_NOTE if expired else None)


@router.post("/signin")
def signin(
    request: Request,
    store: StoreDep,
    name: FormText = "",
    passphrase: FormText = "",
    csrf_token: FormText = "",
) -> Response:
    """Unlock the profile's keys and keep them in a fresh server-side session."""
    csrf.check_pre_session_form(request, csrf_token)
    try:
        keyring = unlock(request, store, name.strip(), passphrase)
    except TooManyAttempts as error:
        return signin_page(request, name=name, error=error.message, status_code=429)
    except (WrongPassphrase, NotFound, InputError) as error:
        return signin_page(request, name=name, error=error.message, status_code=401)
    sessions = get_sessions(request)
    sessions.end(request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(request, response, sessions.create(keyring))
    return response


@router.post("/signout")
def signout(request: Request, session: FormSession) -> Response:
    get_sessions(request).end(session.token)
    response = RedirectResponse("/signin", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.get("/profiles/new")
def new_profile_form(request: Request) -> Response:
    return new_profile_page(request)


@router.post("/profiles/new")
def create_profile(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    name: FormText = "",
    passphrase: FormText = "",
    passphrase_again: FormText = "",
    role: FormText = "person",
    csrf_token: FormText = "",
) -> Response:
    csrf.check_pre_session_form(request, csrf_token)
    typed = {"name": name, "role": role}
    try:
        chosen_role = parse_role(role)
        if passphrase != passphrase_again:
            raise InputError(messages.PASSPHRASES_DIFFER, field="passphrase_again")
        created = accounts.create_profile(store, settings, name, passphrase, chosen_role)
    except BowlbyError as error:
        return new_profile_page(request, typed=typed, error=error)
    return render(request, "profile_created.html", created=created)


def parse_role(role: str) -> models.Role:
    try:
        return models.Role(role)
    except ValueError as error:
        raise InputError(messages.CHOOSE_ROLE, field="role") from error


def signin_page(
    request: Request,
    *,
    name: str = "",
    note: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    token = csrf.pre_session_token(request)
    response = render(
        request,
        "signin.html",
        status_code=status_code,
        form_token=token,
        name=name,
        note=note,
        error=error,
        demo_logins=request.app.state.demo_logins,
    )
    csrf.set_pre_session_cookie(request, response, token)
    return response


def new_profile_page(
    request: Request, *, typed: dict[str, str] | None = None, error: BowlbyError | None = None
) -> Response:
    token = csrf.pre_session_token(request)
    field = getattr(error, "field", None) or ("name" if isinstance(error, Conflict) else None)
    response = render(
        request,
        "profile_new.html",
        status_code=error.http_status if error else 200,
        form_token=token,
        typed=typed or {"name": "", "role": "person"},
        error=error_text(error),
        error_field=field,
    )
    csrf.set_pre_session_cookie(request, response, token)
    return response
