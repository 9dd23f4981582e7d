"""The web app's one error translator: every error becomes one JSON shape or one HTML page.

Under /api the body is always ``{"error": {"code", "message", "field"}}``; elsewhere a
friendly page. NotShared is shown exactly as NotFound, so nobody learns what exists.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from bowlby.errors import BowlbyError, NotFound, NotShared, NotSignedIn
from bowlby.web import messages
from bowlby.web.auth import optional_session
from bowlby.web.rendering import render
from bowlby.web.sessions import SessionExpired, clear_session_cookie

NOT_FOUND_TITLE = "We could not find that page"
TITLES = {
    401: "Please sign in",
    403: "That did not go through",
    404: NOT_FOUND_TITLE,
    409: "That clashes with something already there",
    422: "Something needs fixing",
    503: "Bowlby cannot reach its database",
}


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(BowlbyError, handle_bowlby_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, handle_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, handle_http_error)  # type: ignore[arg-type]


def is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


async def handle_bowlby_error(request: Request, error: BowlbyError) -> Response:
    if isinstance(error, NotShared):
        error = NotFound(error.message)
    if isinstance(error, NotSignedIn) and not is_api(request):
        return redirect_to_signin(request, expired=isinstance(error, SessionExpired))
    if is_api(request):
        body = error_body(error.code, error.message, getattr(error, "field", None))
        response: Response = JSONResponse(body, status_code=error.http_status)
        if isinstance(error, NotSignedIn):
            clear_session_cookie(request, response)
        return response
    return error_page(request, error.http_status, error.message)


async def handle_validation_error(request: Request, error: RequestValidationError) -> Response:
    first = error.errors()[0] if error.errors() else {"loc": (), "msg": "invalid input"}
    loc = [str(part) for part in first["loc"]]
    field = ".".join(loc[1:] if len(loc) > 1 else loc) or None
    message = f"field '{field}': {first['msg']}." if field else f"{first['msg']}."
    if is_api(request):
        return JSONResponse(error_body("invalid_input", message, field), status_code=422)
    return error_page(request, 422, messages.FORM_NOT_AS_EXPECTED.format(detail=message))


async def handle_http_error(request: Request, error: StarletteHTTPException) -> Response:
    status = error.status_code
    if status == 404:
        message = messages.NOTHING_HERE
        code = "not_found"
    else:
        message = str(error.detail) if error.detail else HTTPStatus(status).phrase
        code = HTTPStatus(status).phrase.lower().replace(" ", "_")
    if is_api(request):
        return JSONResponse(error_body(code, message), status_code=status, headers=error.headers)
    return error_page(request, status, message)


def error_page(request: Request, status: int, message: str) -> Response:
    title = TITLES.get(status, "Something went wrong")
    session = optional_session(request)
    return render(
        request, "error.html", session=session, status_code=status, title=title, message=message
    )


def redirect_to_signin(request: Request, *, expired: bool) -> Response:
    response = RedirectResponse("/signin?expired=1" if expired else "/signin", status_code=303)
    if expired:
        clear_session_cookie(request, response)
    return response
