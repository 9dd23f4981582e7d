"""The person's time zone while a request is served: BOWLBY_TIMEZONE, else this computer's.

Forms read the times people type in it and pages show times in it, exactly as the day
grouping of every chart does, so a time typed at 20:30 comes back as 20:30 on the same day.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import UTC, datetime, tzinfo

from starlette.types import ASGIApp, Receive, Scope, Send

_PERSON_ZONE: ContextVar[tzinfo | None] = ContextVar("person_zone", default=None)


def person_zone() -> tzinfo:
    """The zone of the request being served; outside one, this computer's own."""
    return _PERSON_ZONE.get() or datetime.now(UTC).astimezone().tzinfo or UTC


class PersonZone:
    """ASGI middleware that makes the settings' zone the zone of every request."""

    def __init__(self, app: ASGIApp, zone: tzinfo) -> None:
        self.app = app
        self.zone = zone

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = _PERSON_ZONE.set(self.zone)
        try:
            await self.app(scope, receive, send)
        finally:
            _PERSON_ZONE.reset(token)
