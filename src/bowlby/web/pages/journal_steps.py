"""Steps 1 and 2: the quick trigger log with its patterns, and naming the emotion."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from bowlby.errors import InputError
from bowlby.services import journal
from bowlby.store.engine import Store
from bowlby.web import journal_contexts, journal_messages
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.pages import FormText
from bowlby.web.pages.journal_base import render_step, saved
from bowlby.web.pages.journal_forms import EmotionForm, TriggerForm
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


@router.get("/journal/triggers")
def triggers_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    whose: Whose = "mine",
) -> Response:
    page = journal_contexts.build_triggers_page(store, session.keyring, settings.zone, whose=whose)
    return render_step(
        request, store, session, "journal_triggers.html", page=page, form=TriggerForm.blank()
    )


@router.post("/journal/triggers")
def log_trigger(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[TriggerForm, Form()],
) -> Response:
    try:
        logged = journal.record_trigger(store, session.keyring, form.to_input())
    except InputError as error:
        page = journal_contexts.build_triggers_page(store, session.keyring, settings.zone)
        return render_step(
            request, store, session, "journal_triggers.html", page=page, form=form, error=error
        )
    return saved(store, session, "/journal/triggers", journal_messages.TRIGGER_SAVED, logged)


@router.get("/journal/emotions")
def emotions_page(
    request: Request, store: StoreDep, session: PageSession, whose: Whose = "mine"
) -> Response:
    return emotion_form_page(request, store, session, EmotionForm.blank(), whose=whose)


@router.post("/journal/emotions")
def name_emotion(
    request: Request,
    store: StoreDep,
    session: FormSession,
    form: Annotated[EmotionForm, Form()],
    action: FormText = "save",
) -> Response:
    """Save the named feeling; or, with "suggest", offer the sentence to say and save nothing."""
    try:
        if action == "suggest":
            form.statement = form.suggested()
            return emotion_form_page(
                request, store, session, form, offered=journal_messages.SUGGESTED
            )
        named = journal.name_emotion(store, session.keyring, form.to_input())
    except InputError as error:
        return emotion_form_page(request, store, session, form, error=error)
    notice = journal_messages.EMOTION_SAVED.replace("{statement}", named.statement)
    return saved(store, session, "/journal/emotions", notice, named)


def emotion_form_page(
    request: Request,
    store: Store,
    session: WebSession,
    form: EmotionForm,
    *,
    whose: Whose = "mine",
    offered: str | None = None,
    error: InputError | None = None,
) -> Response:
    page = journal_contexts.build_emotions_page(store, session.keyring, whose=whose)
    return render_step(
        request,
        store,
        session,
        "journal_emotions.html",
        page=page,
        form=form,
        offered=offered,
        error=error,
    )
