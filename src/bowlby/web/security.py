"""Headers that keep pages private and unframeable, and a last-resort error guard.

Every response leaves with a strict Content-Security-Policy and ``Cache-Control: no-store``
(only the stylesheet may be cached), so nothing personal stays in the browser's cache. An
unexpected exception becomes a calm 500 page, logged without its message, because a message
could quote what someone wrote.
"""

from __future__ import annotations

import logging
import traceback

from starlette.datastructures import MutableHeaders
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bowlby.web import messages
from bowlby.web.rendering import render_error_html

log = logging.getLogger("bowlby.web")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def cache_control(path: str) -> str:
    return "no-cache" if path.startswith("/static/") else "no-store"


class SecurityHeaders:
    """Pure ASGI middleware, so it also covers streamed and error responses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                headers["Cache-Control"] = cache_control(scope["path"])
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as error:
            log.error(
                "Unexpected %s on %s %s\n%s",
                type(error).__name__,
                scope.get("method"),
                scope["path"],
                "".join(traceback.format_tb(error.__traceback__)),
            )
            if started:
                return  # too late for an error page; the browser sees a cut-short response
            await unexpected_response(scope["path"])(scope, receive, send_with_headers)


def unexpected_response(path: str) -> Response:
    if path == "/api" or path.startswith("/api/"):
        body = {"error": {"code": "unexpected", "message": messages.UNEXPECTED, "field": None}}
        return JSONResponse(body, status_code=500)
    page = render_error_html("Something went wrong", messages.UNEXPECTED)
    return HTMLResponse(page, status_code=500)
