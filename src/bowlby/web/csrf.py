"""Cross-site request forgery checks: a token another site cannot know, on every unsafe request.

Signed-in forms carry the session's token in a hidden field; the JSON API carries it in the
``X-CSRF-Token`` header. The sign-in and create-profile forms, used before any session exists,
compare their field with a ``bowlby_csrf`` cookie instead (the double-submit pattern).
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response

from bowlby.errors import BowlbyError
from bowlby.web import messages

PRE_SESSION_COOKIE = "bowlby_csrf"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfRejected(BowlbyError):
    """The form or request did not carry the right token; nothing was done."""

    http_status = 403
    code = "csrf_failed"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def check_token(expected: str | None, given: str | None) -> None:
    """Compare in constant time, so the comparison itself leaks nothing about the token."""
    if not expected or not given or not hmac.compare_digest(expected, given):
        raise CsrfRejected(messages.CSRF_REJECTED)


def pre_session_token(request: Request) -> str:
    """The token in the visitor's ``bowlby_csrf`` cookie, or a fresh one to set."""
    return request.cookies.get(PRE_SESSION_COOKIE) or new_token()


def set_pre_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        PRE_SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        path="/",
        secure=request.url.scheme == "https",
    )


def check_pre_session_form(request: Request, given: str) -> None:
    check_token(request.cookies.get(PRE_SESSION_COOKIE), given)
