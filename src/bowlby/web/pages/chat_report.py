"""A chat's report in the browser: the couple's pattern over time, the largest episodes with
the flagged messages and why, the estimated ratio against 5:1, and the pursue–withdraw
picture. Only the profile that imported the chat can open it; anyone else gets a 404."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from bowlby.web.auth import PageSession, SettingsDep, StoreDep
from bowlby.web.chat_report_contexts import build_chat_report_page
from bowlby.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/chats/{chat_id}/report")
def chat_report_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    chat_id: str,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
) -> Response:
    page = build_chat_report_page(
        store, session.keyring, chat_id, settings.zone, since=since, until=until
    )
    return render(request, "chat_report.html", session=session, page=page)
