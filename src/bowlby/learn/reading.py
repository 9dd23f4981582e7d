"""One article as one person reads it: the variant for their position (or one they chose to
read), the figure boxes filled from their own records, the practice tools (paused ones
marked while safety mode is on), the research, and the articles before and after it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from bowlby.errors import InputError
from bowlby.learn import wording as say
from bowlby.learn.article_body import VARIANTS, Chunk, Part, Variant
from bowlby.learn.articles import Article, choose_parts, find_article
from bowlby.learn.figures import FigureView, PersonalFigures, describe_figure

# The tools that coach closeness with a partner and step aside while safety mode is on (as
# the practice overview and the composer do); self-soothing and the journal never pause.
PAUSED_IN_SAFETY_MODE = (
    "/practice/checkins",
    "/practice/vulnerability",
    "/practice/ratio",
    "/practice/repairs",
    "/practice/cycles",
    "/practice/how-we-talk",
    "/compose",
)
CHOOSABLE: tuple[Variant, ...] = tuple(v for v in VARIANTS if v != "unknown")


class ArticleSummary(BaseModel):
    order: int
    slug: str
    title: str
    summary: str


class ReadingPart(BaseModel):
    """Markdown to show, or one of the person's figures."""

    kind: Literal["markdown", "figure"]
    markdown: str = ""
    figure: FigureView | None = None


class PracticeView(BaseModel):
    label: str
    href: str
    command: str
    paused: bool


class ArticleReading(BaseModel):
    summary: ArticleSummary
    variant: Variant
    own_variant: Variant
    variant_label: str
    another_reading: str | None
    parts: tuple[ReadingPart, ...]
    practice: tuple[PracticeView, ...]
    paused_note: str | None
    research: tuple[str, ...]
    previous: ArticleSummary | None
    next: ArticleSummary | None


def summarise(article: Article) -> ArticleSummary:
    meta = article.meta
    return ArticleSummary(order=meta.order, slug=meta.slug, title=meta.title, summary=meta.summary)


def choose_variant(requested: str | None, own: Variant) -> Variant:
    """The variant asked for with ``--as`` or ``?as=``, else the person's own."""
    if requested is None or requested == "":
        return own
    for variant in CHOOSABLE:
        if variant == requested:
            return variant
    raise InputError(say.BAD_VARIANT, field="as")


def build_reading(
    articles: tuple[Article, ...],
    slug: str,
    figures: PersonalFigures,
    *,
    own_variant: Variant,
    requested: str | None = None,
    paused: bool = False,
) -> ArticleReading:
    article = find_article(articles, slug)
    variant = choose_variant(requested, own_variant)
    index = articles.index(article)
    return ArticleReading(
        summary=summarise(article),
        variant=variant,
        own_variant=own_variant,
        variant_label=say.VARIANT_LABELS[variant],
        another_reading=_another_reading(variant, own_variant),
        parts=tuple(_part(part, figures) for part in choose_parts(article, variant)),
        practice=tuple(
            PracticeView(**link.model_dump(), paused=paused and is_paused(link.href))
            for link in article.meta.practice
        ),
        paused_note=say.PAUSED_NOTE if paused else None,
        research=article.meta.research,
        previous=summarise(articles[index - 1]) if index > 0 else None,
        next=summarise(articles[index + 1]) if index + 1 < len(articles) else None,
    )


def is_paused(href: str) -> bool:
    """True for a link to a tool that steps aside in safety mode."""
    return any(href == path or href.startswith(path + "/") for path in PAUSED_IN_SAFETY_MODE)


def _another_reading(variant: Variant, own: Variant) -> str | None:
    if variant == own:
        return None
    own_words = say.OWN_FROM_POSITION if own != "unknown" else say.OWN_WITHOUT_POSITION
    return say.ANOTHER_READING.format(chosen=say.VARIANT_LABELS[variant], own=own_words)


def _part(part: Part, figures: PersonalFigures) -> ReadingPart:
    if isinstance(part, Chunk):
        return ReadingPart(kind="markdown", markdown=part.markdown)
    return ReadingPart(kind="figure", figure=describe_figure(part.figure, figures))
