"""A chat's report through the API: the same context the report page renders, without the
charts' SVG. Only for the profile that imported the chat (404 for anyone else)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.chat_report_contexts import ChatReportPage, build_chat_report_page

router = APIRouter(prefix="/chats", tags=["chats"])


@router.get("/{chat_id}/report")
def chat_report(
    store: StoreDep,
    settings: SettingsDep,
    session: ApiSession,
    chat_id: str,
    since: Annotated[date | None, Query(description="First local day, included.")] = None,
    until: Annotated[date | None, Query(description="Last local day, included.")] = None,
) -> ChatReportPage:
    """Timing, episodes with their flagged messages, the estimated ratio and the pursue–
    withdraw picture, over the days asked (all of the chat by default)."""
    return build_chat_report_page(
        store, session.keyring, chat_id, settings.zone, since=since, until=until, with_svg=False
    )
