"""GET /plots/{name}.{fmt}: a chart of the signed-in person's own data as SVG, PNG or PDF, the
same drawing its page shows (services.plots). Private: never cached, PNG and PDF downloaded."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.services import plots
from bowlby.web.auth import PageSession, SettingsDep, StoreDep

router = APIRouter(include_in_schema=False)
MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


@router.get("/plots/{name}.{fmt}")
def plot_file(
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    name: str,
    fmt: str,
    chat: str | None = None,
    couple: bool = False,
    days: int | None = None,
    cycle: str | None = None,
) -> Response:
    """One catalogue plot; another person's chat or cycle reads as not found."""
    media_type = MEDIA_TYPES.get(fmt)
    if media_type is None:
        raise InputError("ask for .svg, .png or .pdf.", field="format")
    drawn = plots.draw_plot(
        store, session.keyring, name, settings.zone,
        chat=chat, couple=couple, days=days, cycle=cycle, now=datetime.now(UTC),
    )  # fmt: skip
    headers = {"Cache-Control": "no-store"}
    if fmt != "svg":
        headers["Content-Disposition"] = f'attachment; filename="bowlby-{drawn.spec.name}.{fmt}"'
    return Response(drawn.render(fmt), media_type=media_type, headers=headers)
