"""Server-side sessions held only in memory, so that unwrapped keys never touch disk.

The browser holds a random token in the ``bowlby_session`` cookie; the keyring it unlocks
lives in this process and is forgotten on sign-out, on expiry and when the server stops.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from fastapi import Request, Response

from bowlby import models
from bowlby.errors import NotSignedIn
from bowlby.web import messages

if TYPE_CHECKING:
    from bowlby.services.safety import SafetyCheck

SESSION_COOKIE = "bowlby_session"
Clock = Callable[[], datetime]


class SessionExpired(NotSignedIn):
    """The session ran out of time; pages say so kindly on the sign-in page."""


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class WebSession:
    """One signed-in browser: the keyring, its CSRF token and when it was made and last used."""

    token: str = field(repr=False)
    keyring: models.Keyring
    csrf_token: str = field(repr=False)
    created_at: datetime
    last_seen: datetime
    notice: str | None = None
    safety_check: SafetyCheck | None = None

    def take_notice(self) -> str | None:
        """A one-time message for the next page (e.g. 'entry deleted'), then gone."""
        notice, self.notice = self.notice, None
        return notice

    def take_safety_check(self) -> SafetyCheck | None:
        """What the risk check found in the text just saved, for the next page, then gone."""
        found, self.safety_check = self.safety_check, None
        return found


class SessionStore:
    """The in-memory table of sessions, with idle and absolute expiry."""

    def __init__(self, idle: timedelta, max_age: timedelta, clock: Clock = utc_now) -> None:
        self.idle = idle
        self.max_age = max_age
        self.clock = clock
        self._sessions: dict[str, WebSession] = {}
        self._lock = threading.Lock()

    def create(self, keyring: models.Keyring) -> WebSession:
        now = self.clock()
        session = WebSession(
            token=secrets.token_urlsafe(32),
            keyring=keyring,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen=now,
        )
        with self._lock:
            self._sessions[session.token] = session
        return session

    def touch(self, token: str | None) -> WebSession:
        """The live session for this token, its idle clock reset; raises if there is none."""
        if not token:
            raise NotSignedIn(messages.PLEASE_SIGN_IN)
        now = self.clock()
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                raise NotSignedIn(messages.PLEASE_SIGN_IN)
            if self._expired(session, now):
                del self._sessions[token]
                raise SessionExpired(messages.SESSION_EXPIRED)
            session.last_seen = now
            return session

    def end(self, token: str | None) -> None:
        if token:
            with self._lock:
                self._sessions.pop(token, None)

    def end_all(self) -> None:
        with self._lock:
            self._sessions.clear()

    def __len__(self) -> int:
        return len(self._sessions)

    def _expired(self, session: WebSession, now: datetime) -> bool:
        return now - session.last_seen > self.idle or now - session.created_at > self.max_age


def set_session_cookie(request: Request, response: Response, session: WebSession) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        session.token,
        httponly=True,
        samesite="strict",
        path="/",
        secure=request.url.scheme == "https",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
