"""The FastAPI application: pages, the JSON API, static files, and the guards around them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI
from fastapi.telemetry import TelemetryConfig
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from bowlby import __version__
from bowlby.settings import Settings, get_settings
from bowlby.store.engine import open_store
from bowlby.web import api
from bowlby.web.chat_imports import ChatImports
from bowlby.web.errors import install_error_handlers
from bowlby.web.pages import (
    account,
    assessments,
    auth,
    chat_report,
    chats,
    composer,
    dynamics,
    dynamics_loop,
    entries,
    journal,
    learn,
    links,
    plots,
    practice,
    report,
    safety,
)
from bowlby.web.security import SecurityHeaders
from bowlby.web.sessions import SessionStore
from bowlby.web.throttle import SignInThrottle
from bowlby.web.zone import PersonZone

STATIC = Path(__file__).parent / "static"
# Uploaded chat exports wait here (0700) until imported; emptied at every start.
IMPORTS_FOLDER = "imports"
# Names a browser on this computer uses; refusing others blocks DNS-rebinding attacks.
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# FastAPI can export traces, metrics and logs (with request bodies) through OpenTelemetry;
# Bowlby promises that nothing leaves the machine, so every part of it is switched off.
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


def create_app(
    settings: Settings | None = None,
    *,
    demo_logins: list[tuple[str, str]] | None = None,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """Build the app; the store opens at start-up, and at shutdown every key is forgotten."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = await run_in_threadpool(open_store, settings)
        app.state.chat_imports.clear_leftovers()
        try:
            yield
        finally:
            app.state.sessions.end_all()
            app.state.store.dispose()
            app.state.store = None

    app = FastAPI(
        title="Bowlby",
        version=__version__,
        summary="A local-first companion for secure attachment.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        telemetry=NO_TELEMETRY,
    )
    app.state.settings = settings
    app.state.demo_logins = list(demo_logins or [])
    app.state.sessions = SessionStore(
        idle=timedelta(minutes=settings.session_idle_minutes),
        max_age=timedelta(hours=settings.session_max_hours),
    )
    app.state.throttle = SignInThrottle()
    app.state.chat_imports = ChatImports(settings.home / IMPORTS_FOLDER)
    for router in (auth.router, entries.router, links.router, account.router, api.router):
        app.include_router(router)
    app.include_router(assessments.router)
    app.include_router(journal.router)
    app.include_router(practice.router)
    app.include_router(chats.router)
    app.include_router(chat_report.router)
    app.include_router(composer.router)
    app.include_router(safety.router)
    app.include_router(learn.router)
    app.include_router(dynamics_loop.router)
    app.include_router(dynamics.router)
    app.include_router(plots.router)
    app.include_router(report.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_handlers(app)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOOPBACK_HOSTS))
    app.add_middleware(PersonZone, zone=settings.zone)
    app.add_middleware(SecurityHeaders)
    return app
