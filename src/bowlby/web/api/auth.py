"""Signing in and out through the API, who am I, and creating a profile."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from bowlby import models
from bowlby.services import accounts
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep, get_sessions, unlock
from bowlby.web.contexts import LinkView, Me, build_links
from bowlby.web.sessions import SESSION_COOKIE, clear_session_cookie, set_session_cookie

router = APIRouter(tags=["session"])


class SignIn(BaseModel):
    name: str
    passphrase: str = Field(repr=False)


class SessionInfo(BaseModel):
    """Echo ``csrf_token`` in the X-CSRF-Token header of every unsafe request."""

    csrf_token: str
    profile: Me


class MePage(BaseModel):
    profile: Me
    links: list[LinkView]


class ProfileRequest(BaseModel):
    name: str
    passphrase: str = Field(repr=False)
    role: models.Role = models.Role.PERSON


@router.post("/session")
def sign_in(request: Request, response: Response, store: StoreDep, body: SignIn) -> SessionInfo:
    """Unlock the profile and start a session; the cookie carries it from then on."""
    keyring = unlock(request, store, body.name.strip(), body.passphrase)
    sessions = get_sessions(request)
    sessions.end(request.cookies.get(SESSION_COOKIE))
    session = sessions.create(keyring)
    set_session_cookie(request, response, session)
    return SessionInfo(csrf_token=session.csrf_token, profile=Me.of(keyring))


@router.delete("/session", status_code=204)
def sign_out(request: Request, response: Response, session: ApiSession) -> None:
    """End the session; the keys it held are forgotten."""
    get_sessions(request).end(session.token)
    clear_session_cookie(request, response)


@router.get("/me")
def me(store: StoreDep, session: ApiSession) -> MePage:
    return MePage(profile=Me.of(session.keyring), links=build_links(store, session.keyring))


@router.post("/profiles", status_code=201)
def create_profile(
    store: StoreDep, settings: SettingsDep, body: ProfileRequest
) -> models.NewProfile:
    """Create a profile; the recovery key is in this response and nowhere else, ever."""
    return accounts.create_profile(store, settings, body.name, body.passphrase, body.role)
