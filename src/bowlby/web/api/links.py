"""Links through the API: list, invite, accept a code, unlink."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from bowlby import models
from bowlby.services import sharing
from bowlby.web import contexts
from bowlby.web.auth import ApiSession, StoreDep

router = APIRouter(tags=["links"])


class InvitationRequest(BaseModel):
    role: models.LinkRole = models.LinkRole.PARTNER


class Invitation(BaseModel):
    code: str
    role: models.LinkRole
    valid_days: int


class Acceptance(BaseModel):
    code: str


@router.get("/links")
def list_links(store: StoreDep, session: ApiSession) -> list[contexts.LinkView]:
    return contexts.build_links(store, session.keyring)


@router.post("/invitations", status_code=201)
def create_invitation(store: StoreDep, session: ApiSession, body: InvitationRequest) -> Invitation:
    """A one-time code for the other person; it is shown here only."""
    code = sharing.create_invitation(store, session.keyring, body.role)
    return Invitation(code=code, role=body.role, valid_days=sharing.INVITATION_DAYS)


@router.post("/invitations/accept")
def accept_invitation(store: StoreDep, session: ApiSession, body: Acceptance) -> models.LinkInfo:
    return sharing.accept_invitation(store, session.keyring, body.code.strip())


@router.delete("/links/{name}", status_code=204)
def unlink(store: StoreDep, session: ApiSession, name: str) -> None:
    """End the link with ``name``; they lose everything shared through it."""
    sharing.unlink(store, session.keyring, name)
