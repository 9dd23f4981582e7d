"""Questionnaires in the browser: choose one, answer it a page at a time (every page saves, so a
sitting can be left and continued), see the result, share it, and see both partners' places."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from bowlby.errors import BowlbyError, InputError
from bowlby.services import assessments, entries
from bowlby.store.engine import Store
from bowlby.web import assessment_messages as say
from bowlby.web import assessment_results as results
from bowlby.web import assessment_sittings as sittings
from bowlby.web.assessment_contexts import visibility
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.pages import FormFlag, FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)
FormList = Annotated[list[str], Form()]


async def posted_fields(request: Request) -> dict[str, str]:
    """Every text field of the posted form; the answers are those named like an item."""
    form = await request.form()
    return {key: value for key, value in form.items() if isinstance(value, str)}


PostedFields = Annotated[dict[str, str], Depends(posted_fields)]


@router.get("/assess")
def assess(request: Request, store: StoreDep, session: PageSession) -> Response:
    return assess_page(request, store, session)


@router.post("/assess/start")
def start(
    request: Request,
    store: StoreDep,
    session: FormSession,
    instrument: FormText = "",
    targets: FormList = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    try:
        sitting = assessments.start_assessment(store, session.keyring, instrument, targets)
    except InputError as error:
        return assess_page(request, store, session, error=error, chosen=instrument)
    return RedirectResponse(f"/assess/{sitting.id}/take?page=1", status_code=303)


@router.get("/assess/couple")
def couple(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = results.build_couple(store, session.keyring)
    return render(request, "assessment_couple.html", session=session, page=page)


@router.get("/assess/{assessment_id}/take")
def take(
    request: Request, store: StoreDep, session: PageSession, assessment_id: str, page: int = 1
) -> Response:
    sitting = own_sitting(store, session, assessment_id)
    if sitting.status == assessments.COMPLETE:
        return RedirectResponse(f"/assess/{assessment_id}", status_code=303)
    return take_page(request, store, session, assessment_id, page)


@router.post("/assess/{assessment_id}/take")
def save_page(
    request: Request,
    store: StoreDep,
    session: FormSession,
    assessment_id: str,
    fields: PostedFields,
    page: FormText = "1",
    action: FormText = "next",
) -> Response:
    """Save what this page answered, then move on, back, away or to the result."""
    number = int(page) if page.isdigit() else 1
    sitting = own_sitting(store, session, assessment_id)
    try:
        answers = sittings.read_answers(sitting, fields)
        assessments.save_answers(store, session.keyring, assessment_id, answers)
    except InputError as error:
        return take_page(request, store, session, assessment_id, number, error=error)
    if action == "finish":
        return finish_sitting(request, store, session, assessment_id, number)
    if action == "later":
        session.notice = say.SAVED_FOR_LATER
        return RedirectResponse("/assess", status_code=303)
    step = {"next": 1, "back": -1}.get(action, 0)
    return RedirectResponse(
        f"/assess/{assessment_id}/take?page={max(1, number + step)}", status_code=303
    )


@router.post("/assess/{assessment_id}/finish")
def finish(request: Request, store: StoreDep, session: FormSession, assessment_id: str) -> Response:
    own_sitting(store, session, assessment_id)
    return finish_sitting(request, store, session, assessment_id, page=None)


@router.get("/assess/{assessment_id}")
def result(request: Request, store: StoreDep, session: PageSession, assessment_id: str) -> Response:
    sitting = assessments.read_assessment(store, session.keyring, assessment_id)
    if sitting.is_mine and sitting.status != assessments.COMPLETE:
        page = sittings.first_unanswered_page(sitting) or 1
        return RedirectResponse(f"/assess/{assessment_id}/take?page={page}", status_code=303)
    page_context = results.build_result(store, session.keyring, assessment_id)
    return render(request, "assessment_result.html", session=session, page=page_context)


@router.post("/assess/{assessment_id}/sharing")
def share(
    store: StoreDep,
    session: FormSession,
    assessment_id: str,
    share_partner: FormFlag = False,
    share_therapist: FormFlag = False,
) -> Response:
    own_sitting(store, session, assessment_id)
    entries.set_sharing(
        store, session.keyring, assessment_id, partner=share_partner, therapist=share_therapist
    )
    shared = assessments.read_assessment(store, session.keyring, assessment_id)
    session.notice = say.VISIBILITY[visibility(shared)]
    return RedirectResponse(f"/assess/{assessment_id}", status_code=303)


def own_sitting(store: Store, session: WebSession, assessment_id: str) -> assessments.Assessment:
    return sittings.own_assessment(store, session.keyring, assessment_id)


def finish_sitting(
    request: Request, store: Store, session: WebSession, assessment_id: str, page: int | None
) -> Response:
    try:
        finished = assessments.complete_assessment(store, session.keyring, assessment_id)
    except InputError as error:
        sitting = assessments.read_assessment(store, session.keyring, assessment_id)
        number = page or sittings.first_unanswered_page(sitting) or 1
        return take_page(request, store, session, assessment_id, number, error=error)
    shared_with = say.VISIBILITY[visibility(finished.assessment)]
    session.notice = say.RESULT_READY.format(visibility=shared_with)
    return RedirectResponse(f"/assess/{assessment_id}", status_code=303)


def take_page(
    request: Request,
    store: Store,
    session: WebSession,
    assessment_id: str,
    page: int,
    *,
    error: InputError | None = None,
) -> Response:
    context = sittings.build_take(store, session.keyring, assessment_id, page)
    return render(
        request,
        "assessment_take.html",
        session=session,
        status_code=422 if error else 200,
        page=context,
        error=error_text(error),
        error_field=error.field if error else None,
    )


def assess_page(
    request: Request,
    store: Store,
    session: WebSession,
    *,
    error: BowlbyError | None = None,
    chosen: str = "",
) -> Response:
    page = sittings.build_assess(store, session.keyring)
    return render(
        request,
        "assessment_list.html",
        session=session,
        status_code=error.http_status if error else 200,
        page=page,
        error=error_text(error),
        chosen=chosen,
    )
