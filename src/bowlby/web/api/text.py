"""Reading a draft through the API: what it reads as (the composer's live flags) and its
translation. Nothing is stored; like everything under /api, POST needs the X-CSRF-Token header.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from bowlby.errors import PausedForSafety
from bowlby.services import records
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.composer_contexts import (
    DRAFT_MAX_CHARS,
    ComposerPage,
    TranslationView,
    build_composer_page,
    translate_draft,
)
from bowlby.web.safety_notes import own_preferences

router = APIRouter(prefix="/text", tags=["text"])


class Draft(BaseModel):
    """A message being drafted: never empty, at most 5,000 characters."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=DRAFT_MAX_CHARS)


@router.get("/composer")
def composer(request: Request, store: StoreDep, session: ApiSession) -> ComposerPage:
    """The composer page's context, empty: its words, the horsemen it flags, the pause."""
    country = own_preferences(request, session).country
    return build_composer_page(store, session.keyring, "", country)


@router.post("/analyze")
def analyze(body: Draft, session: ApiSession) -> dict[str, object]:
    """Labels, valence, scores per label and the evidence behind each label."""
    from bowlby.chats.patterns import analyse_text

    return analyse_text(body.text).as_json()


@router.post("/translate")
def translate(body: Draft, store: StoreDep, session: ApiSession) -> TranslationView:
    """The patterns found, what may lie beneath, and a gentler I-statement; with risk
    language, ``safety`` instead of a rewording. Paused (403) while safety mode is on."""
    if records.coaching_paused(store, session.keyring):
        raise PausedForSafety(records.PAUSED_FOR_SAFETY)
    return translate_draft(body.text)
