"""Chats through the API: the imported chats, and an import as upload → start → progress.

Unsafe methods need the X-CSRF-Token header like everything under /api; the upload is
multipart (field ``export``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from pydantic import BaseModel, ConfigDict

from bowlby.chats.sources import parse_options
from bowlby.errors import InputError
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.chat_contexts import ChatsPage, build_chats_page
from bowlby.web.chat_imports import ImportJobView
from bowlby.web.pages.chats import imports_of

router = APIRouter(prefix="/chats", tags=["chats"])


class StartImport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    me: str


@router.get("")
def list_chats(store: StoreDep, session: ApiSession) -> ChatsPage:
    """The chats this profile imported (only ever its own), and the import choices."""
    return build_chats_page(store, session.keyring)


@router.post("/imports", status_code=201)
def upload(
    request: Request,
    settings: SettingsDep,
    session: ApiSession,
    export: Annotated[UploadFile, File()],
    format: Annotated[str | None, Form()] = None,
    date_order: Annotated[str | None, Form()] = None,
) -> ImportJobView:
    """Upload an export; the answer lists the senders found, to choose ``me`` from."""
    if not export.filename:
        raise InputError("choose the export file to upload.", field="export")
    options = parse_options(settings.zone, format=format or None, date_order=date_order or None)
    job = imports_of(request).receive(
        session.keyring.profile_id, export.filename, export.file, options
    )
    return job.view()


@router.get("/imports/{job_id}")
def import_progress(request: Request, session: ApiSession, job_id: str) -> ImportJobView:
    """waiting (for ``me``), running (with the count so far), done or failed."""
    return imports_of(request).get(session.keyring.profile_id, job_id).view()


@router.post("/imports/{job_id}/start", status_code=202)
def start_import(
    request: Request, store: StoreDep, session: ApiSession, job_id: str, body: StartImport
) -> ImportJobView:
    return imports_of(request).start(store, session.keyring, job_id, body.me).view()


@router.delete("/imports/{job_id}", status_code=204)
def cancel_import(request: Request, session: ApiSession, job_id: str) -> None:
    """Remove a waiting upload without importing it."""
    imports_of(request).cancel(session.keyring.profile_id, job_id)


@router.delete("/{chat_id}", status_code=204)
def delete_chat(store: StoreDep, session: ApiSession, chat_id: str) -> None:
    from bowlby.services import chats

    chats.delete_chat(store, session.keyring, chat_id)
