"""The guide's pages: the contents, and one article read for the person (``?as=avoidant``
reads another pattern's version, with a note that it is not their own)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from bowlby.web import learn_contexts as contexts
from bowlby.web.auth import PageSession, SettingsDep, StoreDep
from bowlby.web.rendering import render

router = APIRouter(include_in_schema=False)
AsQuery = Annotated[str | None, Query(alias="as")]


@router.get(contexts.HOME)
def contents_page(request: Request, session: PageSession) -> Response:
    page = contexts.build_contents()
    return render(request, "learn.html", session=session, page=page)


@router.get(contexts.HOME + "/{slug}")
def article_page(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    session: PageSession,
    slug: str,
    as_variant: AsQuery = None,
) -> Response:
    page = contexts.build_article_page(store, session.keyring, slug, settings.zone, as_variant)
    return render(request, "learn_article.html", session=session, page=page)
