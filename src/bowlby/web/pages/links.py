"""Links with a partner or a therapist: invitation codes, accepting one, unlinking."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from bowlby import models
from bowlby.errors import BowlbyError, InputError, NotFound
from bowlby.services import sharing
from bowlby.store.engine import Store
from bowlby.web import contexts, messages
from bowlby.web.auth import FormSession, PageSession, StoreDep
from bowlby.web.pages import FormText
from bowlby.web.rendering import error_text, render
from bowlby.web.sessions import WebSession

router = APIRouter(include_in_schema=False)


@router.get("/links")
def links(request: Request, store: StoreDep, session: PageSession) -> Response:
    return links_page(request, store, session)


@router.post("/links/invitations")
def create_invitation(
    request: Request, store: StoreDep, session: FormSession, role: FormText = "partner"
) -> Response:
    """Show a new code on this response only; it is never stored in readable form."""
    try:
        link_role = models.LinkRole(role)
        code = sharing.create_invitation(store, session.keyring, link_role)
    except ValueError:
        return links_page(request, store, session, error=InputError(messages.CHOOSE_LINK_ROLE))
    except BowlbyError as error:
        return links_page(request, store, session, error=error)
    page = contexts.LinksPage(
        links=contexts.build_links(store, session.keyring), new_code=code, new_code_role=link_role
    )
    return render(request, "links.html", session=session, page=page, code="", error=None)


@router.post("/links/accept")
def accept_invitation(
    request: Request, store: StoreDep, session: FormSession, code: FormText = ""
) -> Response:
    try:
        link = sharing.accept_invitation(store, session.keyring, code.strip())
    except BowlbyError as error:
        return links_page(request, store, session, error=error, code=code)
    session.notice = messages.LINKED.format(name=link.name)
    return RedirectResponse("/links", status_code=303)


@router.get("/links/unlink")
def confirm_unlink(
    request: Request, store: StoreDep, session: PageSession, name: str = ""
) -> Response:
    link = linked(store, session, name)
    return render(request, "unlink.html", session=session, link=link)


@router.post("/links/unlink")
def unlink(store: StoreDep, session: FormSession, name: FormText = "") -> Response:
    sharing.unlink(store, session.keyring, name)
    session.notice = messages.UNLINKED.format(name=name)
    return RedirectResponse("/links", status_code=303)


def linked(store: Store, session: WebSession, name: str) -> contexts.LinkView:
    for link in contexts.build_links(store, session.keyring):
        if link.name == name:
            return link
    raise NotFound(messages.NOT_LINKED.format(name=name))


def links_page(
    request: Request,
    store: Store,
    session: WebSession,
    *,
    error: BowlbyError | None = None,
    code: str = "",
) -> Response:
    page = contexts.LinksPage(links=contexts.build_links(store, session.keyring))
    return render(
        request,
        "links.html",
        session=session,
        status_code=error.http_status if error else 200,
        page=page,
        code=code,
        error=error_text(error),
    )
