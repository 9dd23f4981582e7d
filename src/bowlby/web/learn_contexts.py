"""The guide's typed page contexts: the contents, and one article read for the person with
its Markdown as escaped HTML, its figure boxes, and links to the other patterns' versions."""

from __future__ import annotations

from datetime import tzinfo
from typing import Literal

from pydantic import BaseModel

from bowlby import models
from bowlby.learn import wording as say
from bowlby.learn.figures import FigureView
from bowlby.learn.reading import CHOOSABLE, ArticleReading, ArticleSummary
from bowlby.learn.rendering import markdown_html
from bowlby.services import learn as service
from bowlby.store.engine import Store

HOME = "/learn"


class ContentsItem(ArticleSummary):
    href: str


class LearnContents(BaseModel):
    articles: list[ContentsItem]


class HtmlPart(BaseModel):
    """A stretch of the article as HTML (written by the guide, raw HTML escaped), or a box."""

    kind: Literal["markdown", "figure"]
    html: str = ""
    figure: FigureView | None = None


class VariantLink(BaseModel):
    variant: str
    label: str
    href: str
    current: bool


class LearnArticlePage(BaseModel):
    reading: ArticleReading
    parts: list[HtmlPart]
    other_versions: list[VariantLink]
    practise_it: str
    rests_on: str


def article_href(slug: str) -> str:
    return f"{HOME}/{slug}"


def build_contents() -> LearnContents:
    return LearnContents(
        articles=[
            ContentsItem(**item.model_dump(), href=article_href(item.slug))
            for item in service.list_articles()
        ]
    )


def build_article_page(
    store: Store, keyring: models.Keyring, slug: str, zone: tzinfo, as_variant: str | None
) -> LearnArticlePage:
    reading = service.read_article(store, keyring, slug, zone, as_variant=as_variant)
    own = article_href(slug)
    return LearnArticlePage(
        reading=reading,
        parts=[
            HtmlPart(kind="figure", figure=part.figure)
            if part.figure is not None
            else HtmlPart(kind="markdown", html=markdown_html(part.markdown))
            for part in reading.parts
        ],
        other_versions=[
            VariantLink(
                variant=variant,
                label=say.VARIANT_LABELS[variant],
                href=own if variant == reading.own_variant else f"{own}?as={variant}",
                current=variant == reading.variant,
            )
            for variant in CHOOSABLE
        ],
        practise_it=say.PRACTISE_IT,
        rests_on=say.RESTS_ON,
    )
