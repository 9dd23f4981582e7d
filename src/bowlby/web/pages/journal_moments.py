"""Step 4, the success journal with its remember-when, and the guided reflections."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from bowlby.errors import InputError, NotFound
from bowlby.services import journal
from bowlby.store.engine import Store
from bowlby.web import journal_choices, journal_contexts, journal_messages
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.pages.journal_base import render_step, saved, today
from bowlby.web.pages.journal_forms import ReflectionForm, SuccessForm
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


@router.get("/journal/successes")
def successes_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    whose: Whose = "mine",
) -> Response:
    page = journal_contexts.build_successes_page(
        store, session.keyring, today(settings), whose=whose
    )
    return render_step(
        request, store, session, "journal_successes.html", page=page, form=SuccessForm.blank()
    )


@router.post("/journal/successes")
def record_success(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    form: Annotated[SuccessForm, Form()],
) -> Response:
    try:
        moment = journal.record_success(store, session.keyring, form.to_input())
    except InputError as error:
        page = journal_contexts.build_successes_page(store, session.keyring, today(settings))
        return render_step(
            request, store, session, "journal_successes.html", page=page, form=form, error=error
        )
    return saved(store, session, "/journal/successes", journal_messages.SUCCESS_SAVED, moment)


@router.get("/journal/reflections")
def reflections_page(
    request: Request, store: StoreDep, session: PageSession, whose: Whose = "mine"
) -> Response:
    page = journal_contexts.build_reflections_page(store, session.keyring, whose=whose)
    return render_step(request, store, session, "journal_reflections.html", page=page)


@router.get("/journal/reflections/new")
def reflection_form(
    request: Request, store: StoreDep, session: PageSession, prompt: str = ""
) -> Response:
    return reflection_form_page(request, store, session, ReflectionForm.blank(prompt_id=prompt))


@router.post("/journal/reflections/new")
def write_reflection(
    request: Request,
    store: StoreDep,
    session: FormSession,
    form: Annotated[ReflectionForm, Form()],
) -> Response:
    try:
        answer = journal.write_reflection(store, session.keyring, form.to_input())
    except InputError as error:
        return reflection_form_page(request, store, session, form, error=error)
    return saved(store, session, "/journal/reflections", journal_messages.REFLECTION_SAVED, answer)


def reflection_form_page(
    request: Request,
    store: Store,
    session: WebSession,
    form: ReflectionForm,
    *,
    error: InputError | None = None,
) -> Response:
    prompt = journal_choices.find_prompt(form.prompt_id)
    if prompt is None:
        raise NotFound(journal_messages.NO_SUCH_PROMPT.format(prompt_id=form.prompt_id))
    note = journal_choices.build_vocabulary().prompts_note
    return render_step(
        request,
        store,
        session,
        "journal_reflection_form.html",
        prompt=prompt,
        note=note,
        form=form,
        error=error,
    )
