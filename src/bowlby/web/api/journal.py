"""The five steps through the API: record each step, and the JSON twins of the journal pages.

POST bodies are the journal models' inputs (the same ones `bowlby trigger`, `feel`,
`reframe`, `success` and `reflect` build); GET bodies are the pages' contexts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AwareDatetime

from bowlby.journal import emotions, reflections, successes, thought_records, triggers
from bowlby.services import journal
from bowlby.services.safety import SafetyCheck
from bowlby.web import journal_contexts as pages
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.journal_choices import Vocabulary, build_vocabulary
from bowlby.web.journal_details import JournalEntryPage, build_entry_page
from bowlby.web.journal_search import SearchPage, build_search
from bowlby.web.safety_notes import with_safety

router = APIRouter(prefix="/journal", tags=["journal"])


class TriggerSaved(triggers.TriggerView):
    safety: SafetyCheck


class EmotionSaved(emotions.EmotionView):
    safety: SafetyCheck


class ThoughtSaved(pages.ThoughtRow):
    safety: SafetyCheck


class SuccessSaved(successes.SuccessView):
    safety: SafetyCheck


class ReflectionSaved(reflections.ReflectionView):
    safety: SafetyCheck


def listing(
    whose: Whose = "mine",
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = pages.LIST_COUNT,
) -> journal.ListQuery:
    """Which records a list shows: mine, shared with me or all, a time window, how many."""
    return {"whose": whose, "since": since, "until": until, "limit": limit}


Listing = Annotated[journal.ListQuery, Depends(listing)]


def today_in(settings: SettingsDep) -> datetime:
    return datetime.now(settings.zone)


@router.get("")
def overview(store: StoreDep, session: ApiSession) -> pages.JournalHome:
    """The five steps, and the person's most recent records."""
    return pages.build_journal_home(store, session.keyring)


@router.get("/vocabulary")
def vocabulary() -> Vocabulary:
    """Every choice list the journal offers: partner actions, urges, emotions and core fears,
    distortions, success qualities and the journaling prompts."""
    return build_vocabulary()


@router.post("/triggers", status_code=201)
def record_trigger(
    store: StoreDep, session: ApiSession, body: triggers.TriggerInput
) -> TriggerSaved:
    """Log a trigger; ``safety`` says what the risk check found in its words."""
    logged = journal.record_trigger(store, session.keyring, body)
    return with_safety(store, session.keyring, logged.id, logged, TriggerSaved)


@router.get("/triggers")
def list_triggers(
    store: StoreDep, settings: SettingsDep, session: ApiSession, query: Listing
) -> pages.TriggersPage:
    return pages.build_triggers_page(store, session.keyring, settings.zone, **query)


@router.get("/triggers/patterns")
def trigger_patterns(
    store: StoreDep, settings: SettingsDep, session: ApiSession
) -> pages.TriggerPatternsView:
    """The person's own recurring triggers, ranked, and when they come (in BOWLBY_TIMEZONE)."""
    return pages.build_trigger_patterns(store, session.keyring, settings.zone)


@router.post("/emotions", status_code=201)
def name_emotion(store: StoreDep, session: ApiSession, body: emotions.EmotionInput) -> EmotionSaved:
    named = journal.name_emotion(store, session.keyring, body)
    return with_safety(store, session.keyring, named.id, named, EmotionSaved)


@router.get("/emotions")
def list_emotions(store: StoreDep, session: ApiSession, query: Listing) -> pages.EmotionsPage:
    return pages.build_emotions_page(store, session.keyring, **query)


@router.post("/thoughts", status_code=201)
def record_thought(
    store: StoreDep, session: ApiSession, body: thought_records.ThoughtRecordInput
) -> ThoughtSaved:
    row = pages.ThoughtRow.of(journal.record_thought(store, session.keyring, body))
    return with_safety(store, session.keyring, row.id, row, ThoughtSaved)


@router.get("/thoughts")
def list_thoughts(store: StoreDep, session: ApiSession, query: Listing) -> pages.ThoughtsPage:
    return pages.build_thoughts_page(store, session.keyring, **query)


@router.get("/thoughts/{record_id}")
def read_thought(store: StoreDep, session: ApiSession, record_id: str) -> pages.ThoughtFormPage:
    """What the edit page shows: the record, and the success moments it may cite."""
    return pages.build_thought_edit(store, session.keyring, record_id)


@router.put("/thoughts/{record_id}")
def update_thought(
    store: StoreDep, session: ApiSession, record_id: str, body: thought_records.ThoughtRecordInput
) -> ThoughtSaved:
    """Finish or revise a thought record; the version it replaces is kept in its history."""
    row = pages.ThoughtRow.of(journal.update_thought(store, session.keyring, record_id, body))
    return with_safety(store, session.keyring, row.id, row, ThoughtSaved)


@router.post("/successes", status_code=201)
def record_success(
    store: StoreDep, session: ApiSession, body: successes.SuccessInput
) -> SuccessSaved:
    moment = journal.record_success(store, session.keyring, body)
    return with_safety(store, session.keyring, moment.id, moment, SuccessSaved)


@router.get("/successes")
def list_successes(
    store: StoreDep, settings: SettingsDep, session: ApiSession, query: Listing
) -> pages.SuccessesPage:
    today = today_in(settings).date()
    return pages.build_successes_page(store, session.keyring, today, **query)


@router.get("/remember-when")
def remember_when(
    store: StoreDep, settings: SettingsDep, session: ApiSession
) -> pages.RememberWhen:
    """One of the person's success moments for today; the same one all day."""
    return pages.build_remember_when(store, session.keyring, today_in(settings).date())


@router.post("/reflections", status_code=201)
def write_reflection(
    store: StoreDep, session: ApiSession, body: reflections.ReflectionInput
) -> ReflectionSaved:
    answer = journal.write_reflection(store, session.keyring, body)
    return with_safety(store, session.keyring, answer.id, answer, ReflectionSaved)


@router.get("/reflections")
def list_reflections(store: StoreDep, session: ApiSession, query: Listing) -> pages.ReflectionsPage:
    return pages.build_reflections_page(store, session.keyring, **query)


@router.get("/search")
def search(store: StoreDep, session: ApiSession, q: str = "", whose: Whose = "mine") -> SearchPage:
    """Entries of the five steps (and plain journal entries) containing every word of q;
    decrypted in memory for this search only."""
    return build_search(store, session.keyring, q, whose)


@router.get("/entries/{entry_id}")
def read_entry(store: StoreDep, session: ApiSession, entry_id: str) -> JournalEntryPage:
    """What the entry page shows: the entry, its fields labelled, its history (owner only)."""
    return build_entry_page(store, session.keyring, entry_id)
