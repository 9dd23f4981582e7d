"""The guide as use cases: its contents, and one article read for the person, with their own
figures gathered from their own records only (``whose="mine"``; chats are only ever the
importer's). What a partner shared with them never counts as theirs. Nothing is stored.

Safety mode leaves the guide readable (it teaches, it does not coach); it only marks the
practice links to the tools that step aside.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from bowlby import models
from bowlby.learn import figures as own
from bowlby.learn.article_body import FIGURE_NAMES, FigureName, Variant
from bowlby.learn.articles import load_articles, variant_of
from bowlby.learn.reading import ArticleReading, ArticleSummary, build_reading, summarise
from bowlby.services import personal_figures as mine
from bowlby.services import records
from bowlby.services.chat_report import Analyse
from bowlby.store.engine import Store


def list_articles() -> tuple[ArticleSummary, ...]:
    """The guide's contents, in order."""
    return tuple(summarise(article) for article in load_articles())


def read_article(
    store: Store,
    keyring: models.Keyring,
    slug: str,
    zone: tzinfo,
    *,
    as_variant: str | None = None,
    now: datetime | None = None,
    analyse: Analyse | None = None,
) -> ArticleReading:
    """One article for this person: their variant (or the one asked for), their figures."""
    articles = load_articles()
    needed = next((a.meta.figures for a in articles if a.slug == slug), ())
    figures = gather_figures(store, keyring, zone, needed, now=now, analyse=analyse)
    return build_reading(
        articles,
        slug,
        figures,
        own_variant=own_variant(figures),
        requested=as_variant,
        paused=records.coaching_paused(store, keyring),
    )


def own_variant(figures: own.PersonalFigures) -> Variant:
    return variant_of(figures.position.region if figures.position else None)


def gather_figures(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    names: tuple[FigureName, ...] = FIGURE_NAMES,
    *,
    now: datetime | None = None,
    analyse: Analyse | None = None,
) -> own.PersonalFigures:
    """The person's own figures that ``names`` asks for (gathered in personal_figures, each
    over its window); the position always, since it chooses the article's variant."""
    now = now or datetime.now(UTC)
    wanted = set(names)
    return own.PersonalFigures(
        position=mine.latest_position(store, keyring, zone),
        top_triggers=mine.top_triggers(store, keyring, zone, now)
        if "top_triggers" in wanted
        else (),
        chat_moves=mine.chat_moves(store, keyring, now, analyse)
        if "chat_moves" in wanted
        else None,
        time_to_repair=(
            mine.time_to_repair(store, keyring, zone, now) if "time_to_repair" in wanted else None
        ),
        soothing_effect=(
            mine.soothing_effect(store, keyring, now) if "soothing_effect" in wanted else None
        ),
    )
