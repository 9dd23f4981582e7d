"""The profile report's one typed context: the same blocks the PDF and Markdown are drawn from,
rendered by report.html (charts as inline SVG) and returned by GET /api/report (without the
charts' pictures: their titles and descriptions stay in the page's blocks)."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Literal

from pydantic import BaseModel

from bowlby import models
from bowlby.insights.documents import (
    Block,
    Bullets,
    Fields,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Plane,
    Quote,
    Table,
)
from bowlby.services import profile_report
from bowlby.store.engine import Store

Kind = Literal["heading", "paragraph", "table", "fields", "bullets", "quote", "figure", "break"]


class ReportBlock(BaseModel):
    """One block of the report; only the fields its kind uses are set."""

    kind: Kind
    text: str = ""
    level: int = 0
    columns: list[str] = []
    rows: list[list[str]] = []
    numeric: list[int] = []
    items: list[str] = []
    fields: list[tuple[str, str]] = []
    title: str = ""
    svg: str | None = None  # a chart's inline SVG, on the page only


class ReportPage(BaseModel):
    person: str
    since: date | None
    until: date | None
    first_day: date | None
    last_day: date
    all_time: bool
    empty: bool
    coaching_paused: bool
    pdf_url: str
    blocks: list[ReportBlock]


def build_report_page(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    *,
    since: date | None = None,
    until: date | None = None,
    with_svg: bool = True,
) -> ReportPage:
    """The person's own report for the days asked (all time by default)."""
    report = profile_report.build_profile_report(
        store, keyring, zone=zone, since=since, until=until, drawing="svg" if with_svg else "none"
    )
    cover = report.cover
    return ReportPage(
        person=cover.person,
        since=since,
        until=until,
        first_day=cover.first_day,
        last_day=cover.last_day,
        all_time=cover.all_time,
        empty=report.empty,
        coaching_paused=cover.coaching_paused,
        pdf_url=pdf_url(since, until),
        blocks=[block_of(block) for block in profile_report.report_blocks(report)],
    )


def pdf_url(since: date | None, until: date | None) -> str:
    query = "&".join(
        f"{name}={day.isoformat()}" for name, day in (("since", since), ("until", until)) if day
    )
    return "/report.pdf" + (f"?{query}" if query else "")


def block_of(block: Block) -> ReportBlock:
    """A document block as the page and the JSON twin carry it."""
    match block:
        case Heading(text, level):
            return ReportBlock(kind="heading", text=text, level=level)
        case Paragraph(text) | Plane(_, _, text):
            return ReportBlock(kind="paragraph", text=text)
        case Table(columns, rows, numeric):
            return ReportBlock(
                kind="table",
                columns=list(columns),
                rows=[list(row) for row in rows],
                numeric=list(numeric),
            )
        case Fields(items):
            return ReportBlock(kind="fields", fields=list(items))
        case Bullets(items):
            return ReportBlock(kind="bullets", items=list(items))
        case Quote(text):
            return ReportBlock(kind="quote", text=text)
        case Figure(title, alt, _, svg):
            return ReportBlock(kind="figure", title=title, text=alt, svg=svg or None)
        case PageBreak():
            return ReportBlock(kind="break")
    raise TypeError(f"not a document block: {block!r}")
