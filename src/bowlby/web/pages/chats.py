"""Chats in the browser: the imported chats, uploading an export, "which one is you?", the
import's progress, and deleting a chat."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from starlette.responses import RedirectResponse, Response

from bowlby.chats.sources import parse_options
from bowlby.errors import InputError
from bowlby.web import chat_contexts
from bowlby.web.auth import FormSession, PageSession, SettingsDep, StoreDep
from bowlby.web.chat_imports import ChatImports
from bowlby.web.pages import FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


def imports_of(request: Request) -> ChatImports:
    imports: ChatImports = request.app.state.chat_imports
    return imports


@router.get("/chats")
def chats_page(request: Request, store: StoreDep, session: PageSession) -> Response:
    return chats_form(request, store, session)


def chats_form(
    request: Request, store: StoreDep, session: WebSession, error: InputError | None = None
) -> Response:
    page = chat_contexts.build_chats_page(store, session.keyring)
    return render(
        request,
        "chats.html",
        session=session,
        page=page,
        error=error_text(error),
        status_code=422 if error else 200,
    )


@router.post("/chats/upload")
def upload(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: FormSession,
    export: Annotated[UploadFile, File()],
    format: FormText = "",
    date_order: FormText = "",
) -> Response:
    """Keep the upload privately and ask which sender is the person."""
    try:
        if not export.filename:
            raise InputError("choose the export file to upload.", field="export")
        options = parse_options(settings.zone, format=format or None, date_order=date_order or None)
        job = imports_of(request).receive(
            session.keyring.profile_id, export.filename, export.file, options
        )
    except InputError as error:
        return chats_form(request, store, session, error)
    return RedirectResponse(f"/chats/imports/{job.id}", status_code=303)


@router.get("/chats/imports/{job_id}")
def import_page(request: Request, session: PageSession, job_id: str) -> Response:
    job = imports_of(request).get(session.keyring.profile_id, job_id)
    return render(request, "chat_import.html", session=session, job=job.view(), error=None)


@router.post("/chats/imports/{job_id}/start")
def start_import(
    request: Request, store: StoreDep, session: FormSession, job_id: str, me: FormText = ""
) -> Response:
    imports = imports_of(request)
    try:
        imports.start(store, session.keyring, job_id, me)
    except InputError as error:
        job = imports.get(session.keyring.profile_id, job_id)
        return render(
            request,
            "chat_import.html",
            session=session,
            job=job.view(),
            error=error_text(error),
            status_code=422,
        )
    return RedirectResponse(f"/chats/imports/{job_id}", status_code=303)


@router.post("/chats/imports/{job_id}/cancel")
def cancel_import(request: Request, session: FormSession, job_id: str) -> Response:
    imports_of(request).cancel(session.keyring.profile_id, job_id)
    session.notice = "The upload was removed; nothing was imported."
    return RedirectResponse("/chats", status_code=303)


@router.get("/chats/{chat_id}/delete")
def confirm_delete(
    request: Request, store: StoreDep, session: PageSession, chat_id: str
) -> Response:
    chat = own_chat(store, session, chat_id)
    return render(request, "chat_delete.html", session=session, chat=chat)


@router.post("/chats/{chat_id}/delete")
def delete(store: StoreDep, session: FormSession, chat_id: str) -> Response:
    from bowlby.services import chats

    chats.delete_chat(store, session.keyring, chat_id)
    session.notice = "The chat and all its messages were deleted, for good."
    return RedirectResponse("/chats", status_code=303)


def own_chat(store: StoreDep, session: WebSession, chat_id: str) -> chat_contexts.ChatSummary:
    from bowlby.errors import NotFound

    page = chat_contexts.build_chats_page(store, session.keyring)
    for chat in page.chats:
        if chat.id == chat_id:
            return chat
    raise NotFound("There is no such chat of yours.")
