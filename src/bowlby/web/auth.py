"""FastAPI dependencies that say who is asking and whether an unsafe request is genuine.

Routes declare one of these instead of reading cookies themselves, so no route can forget the
session or CSRF check: pages use ``page_session`` (GET) or ``form_session`` (POST), the JSON
API uses ``api_session``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Form, Request

from bowlby import models
from bowlby.errors import NotSignedIn, StoreUnavailable, WrongPassphrase
from bowlby.services import accounts
from bowlby.settings import Settings
from bowlby.store.engine import Store
from bowlby.web import csrf
from bowlby.web.sessions import SESSION_COOKIE, SessionStore, WebSession
from bowlby.web.throttle import SignInThrottle


def get_sessions(request: Request) -> SessionStore:
    sessions: SessionStore = request.app.state.sessions
    return sessions


def unlock(request: Request, store: Store, name: str, passphrase: str) -> models.Keyring:
    """Unlock a profile for a sign-in, pausing after repeated wrong passphrases."""
    throttle: SignInThrottle = request.app.state.throttle
    throttle.check(name)
    try:
        keyring = accounts.unlock_profile(store, name, passphrase)
    except WrongPassphrase:
        throttle.failed(name)
        raise
    throttle.succeeded(name)
    return keyring


def get_store(request: Request) -> Store:
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreUnavailable(
            "The web app's database is opened when the app starts; it has not started "
            "(in tests, use `with TestClient(app)`)."
        )
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def page_session(request: Request) -> WebSession:
    """The signed-in session; NotSignedIn sends a page visitor to /signin."""
    return get_sessions(request).touch(request.cookies.get(SESSION_COOKIE))


def optional_session(request: Request) -> WebSession | None:
    """The session if there is a live one, for pages anyone may see (privacy, errors)."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    try:
        return get_sessions(request).touch(token)
    except NotSignedIn:
        return None


def form_session(request: Request, csrf_token: Annotated[str, Form()] = "") -> WebSession:
    """The session behind a POSTed form, after its hidden CSRF field matched."""
    session = page_session(request)
    csrf.check_token(session.csrf_token, csrf_token)
    return session


def api_session(request: Request) -> WebSession:
    """The session behind an API call; unsafe methods must echo the token in a header."""
    session = page_session(request)
    if request.method not in csrf.SAFE_METHODS:
        csrf.check_token(session.csrf_token, request.headers.get(csrf.HEADER))
    return session


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PageSession = Annotated[WebSession, Depends(page_session)]
FormSession = Annotated[WebSession, Depends(form_session)]
ApiSession = Annotated[WebSession, Depends(api_session)]
MaybeSession = Annotated[WebSession | None, Depends(optional_session)]
