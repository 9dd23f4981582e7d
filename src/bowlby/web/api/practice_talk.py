"""'Talk about how we talk' through the API: the walk's context (the side-by-side material and
the sittings), save a sitting, read one, add how it went. POST and PUT bodies are the inputs
`bowlby talk save` and `bowlby talk followup` build."""

from __future__ import annotations

from fastapi import APIRouter

from bowlby.practice.how_we_talk import FollowUpInput, TalkInput, TalkView
from bowlby.services import how_we_talk as service
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_talk_contexts as pages
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["practice"])
ROUTE = "/how-we-talk"


class TalkSaved(TalkView):
    safety: SafetyCheck


@router.get(ROUTE)
def talk_page(store: StoreDep, settings: SettingsDep, session: ApiSession) -> pages.TalkPage:
    """Both positions, the cycles and your chats' figures as you may see them, the steps, and
    your sittings with your partner's shared ones (only your own while safety mode is on)."""
    return pages.build_talk_page(store, session.keyring, settings.zone)


@router.post(ROUTE, status_code=201)
def save_talk(store: StoreDep, session: ApiSession, body: TalkInput) -> TalkSaved:
    """Save a sitting, shared with your linked partner unless shared_with_partner is false;
    private when you are not linked. 403 while safety mode is on."""
    sitting = service.save_talk(store, session.keyring, body)
    return with_safety(store, session.keyring, sitting.id, sitting, TalkSaved)


@router.get(ROUTE + "/{talk_id}")
def read_talk(store: StoreDep, session: ApiSession, talk_id: str) -> pages.TalkDetailPage:
    return pages.build_detail_page(store, session.keyring, talk_id)


@router.put(ROUTE + "/{talk_id}/follow-up")
def follow_up(store: StoreDep, session: ApiSession, talk_id: str, body: FollowUpInput) -> TalkSaved:
    """Add or revise how it went on one of your own sittings; the earlier version is kept."""
    done = service.follow_up(store, session.keyring, talk_id, body)
    return with_safety(store, session.keyring, done.id, done, TalkSaved)
