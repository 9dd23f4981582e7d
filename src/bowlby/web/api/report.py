"""The profile report through the API: the blocks the report page renders, without the charts'
pictures (GET /report.pdf has them). Only the signed-in person's own records."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.report_contexts import ReportPage, build_report_page

router = APIRouter(tags=["report"])


@router.get("/report")
def report(
    store: StoreDep,
    settings: SettingsDep,
    session: ApiSession,
    since: Annotated[
        date | None, Query(description="First local day (default: the first record).")
    ] = None,
    until: Annotated[
        date | None, Query(description="Last local day, included (default: today).")
    ] = None,
) -> ReportPage:
    """Questionnaires, chats, practice, journal and what changed, as document blocks."""
    return build_report_page(
        store, session.keyring, settings.zone, since=since, until=until, with_svg=False
    )
