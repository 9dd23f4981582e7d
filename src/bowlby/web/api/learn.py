"""The guide through the API: the same contexts as its pages, as JSON."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from bowlby.web import learn_contexts as pages
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep

router = APIRouter(tags=["learn"])


@router.get("/learn")
def contents(session: ApiSession) -> pages.LearnContents:
    """The guide's articles in order."""
    return pages.build_contents()


@router.get("/learn/{slug}")
def article(
    store: StoreDep,
    settings: SettingsDep,
    session: ApiSession,
    slug: str,
    as_variant: Annotated[str | None, Query(alias="as")] = None,
) -> pages.LearnArticlePage:
    """One article read for you: your variant (or ?as=), your figures, paused tools marked."""
    return pages.build_article_page(store, session.keyring, slug, settings.zone, as_variant)
