"""Rendering pages: the Jinja2 environment, its filters, and the chrome every page shares.

Templates are autoescaped, so text a person wrote can never turn into markup or script.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from bowlby.errors import BowlbyError, InputError
from bowlby.web.contexts import Me
from bowlby.web.safety_notes import safety_chrome
from bowlby.web.sessions import WebSession
from bowlby.web.zone import person_zone

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")


def format_when(when: datetime) -> str:
    """A date as people say it, in the person's time zone: 'Friday 31 May 2024, 18:30'."""
    local = when.astimezone(person_zone())
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M}"


def format_day(when: datetime) -> str:
    local = when.astimezone(person_zone())
    return f"{local:%a} {local.day} {local:%b %Y}"


TEMPLATES.env.filters["when"] = format_when
TEMPLATES.env.filters["day"] = format_day


def render(
    request: Request,
    template: str,
    *,
    session: WebSession | None = None,
    status_code: int = 200,
    **context: Any,
) -> Response:
    """A page with the shared chrome: who is signed in, their CSRF token, a one-time notice,
    and the safety flags every template obeys (safety_mode, disguise, safety_note)."""
    chrome = {
        "me": Me.of(session.keyring) if session else None,
        "csrf_token": session.csrf_token if session else "",
        "notice": session.take_notice() if session else None,
        "path": request.url.path,
        **safety_chrome(request, session),
    }
    return TEMPLATES.TemplateResponse(
        request, template, {**chrome, **context}, status_code=status_code
    )


def render_error_html(title: str, message: str) -> str:
    """The error page without a request, for the last-resort handler in the middleware."""
    template = TEMPLATES.get_template("error.html")
    return template.render(title=title, message=message, me=None, csrf_token="", path="")


def error_text(error: BowlbyError | None) -> str | None:
    """The message for a form; without the "field 'x': " prefix when shown next to that field."""
    if error is None:
        return None
    if isinstance(error, InputError) and error.field:
        return error.detail
    return error.message
