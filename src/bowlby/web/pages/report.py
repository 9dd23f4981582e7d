"""The profile report in the browser: GET /report shows it as a page (charts as inline SVG)
from the same blocks as the PDF, GET /report.pdf downloads the PDF. Both hold only the signed-in
person's own records and are never cached."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from bowlby.services import profile_report
from bowlby.web.auth import PageSession, SettingsDep, StoreDep
from bowlby.web.rendering import render
from bowlby.web.report_contexts import build_report_page

router = APIRouter(include_in_schema=False)
PDF_NAME = "bowlby-report.pdf"


@router.get("/report")
def report_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
) -> Response:
    page = build_report_page(store, session.keyring, settings.zone, since=since, until=until)
    return render(request, "report.html", session=session, page=page)


@router.get("/report.pdf")
def report_pdf(
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
) -> Response:
    """The same report as a PDF with its charts, downloaded rather than shown."""
    built = profile_report.build_profile_report(
        store, session.keyring, zone=settings.zone, since=since, until=until, drawing="png"
    )
    data, _pages = profile_report.report_pdf(built)
    headers = {
        "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="{PDF_NAME}"',
    }
    return Response(data, media_type="application/pdf", headers=headers)
