"""The home dashboard as one typed context: the person's own figures (from
services.personal_figures, each over its window) and a tile per figure with its words, its
link to the page that explains it, and a small chart where one helps.

While safety mode is on, the tiles of the couple exercises (5:1, check-ins, repairs) carry
the pause note instead of figures, and are not gathered at all; the safety tile always shows.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import Literal

from pydantic import AwareDatetime, BaseModel

from bowlby import models
from bowlby.journal.successes import SuccessView
from bowlby.services import personal_figures as mine
from bowlby.services import records
from bowlby.store.engine import Store
from bowlby.web import dashboard_charts as charts
from bowlby.web import dashboard_messages as say

TileName = Literal[
    "position",
    "ratio",
    "checkins",
    "repairs",
    "triggers",
    "beliefs",
    "soothing",
    "remember",
    "safety",
]
COACHING_TILES: tuple[TileName, ...] = ("ratio", "checkins", "repairs")
REPAIR_MONTHS = 12


class Tile(BaseModel):
    """One tile: the number (linked to the page that explains it) and a sentence or two;
    without data, what would fill it and a link to start; paused, the pause note."""

    name: TileName
    title: str
    has_data: bool
    paused: bool = False
    headline: str | None = None
    sentences: tuple[str, ...] = ()
    quote: str | None = None
    when: AwareDatetime | None = None
    href: str
    link_label: str
    chart_svg: str | None = None


class Dashboard(BaseModel):
    """The person's own figures (None or empty where there are none) and their tiles."""

    paused_for_safety: bool
    paused_message: str | None = None
    position: mine.PositionChange | None = None
    ratio: mine.RatioFigure | None = None
    streak: mine.StreakFigure | None = None
    repairs: mine.RepairTrend | None = None
    triggers: tuple[mine.TriggerCount, ...] = ()
    beliefs: mine.BeliefFigure | None = None
    soothing: mine.SoothingFigure | None = None
    remember_when: SuccessView | None = None
    tiles: tuple[Tile, ...] = ()


def build_dashboard(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime | None = None
) -> Dashboard:
    """Gather the figures (the couple ones only outside safety mode), then word the tiles."""
    now = now or datetime.now(UTC)
    paused = records.coaching_paused(store, keyring)
    found = Dashboard(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        position=mine.position_change(store, keyring, zone),
        triggers=mine.top_triggers(store, keyring, zone, now),
        beliefs=mine.belief_drop(store, keyring, now),
        soothing=mine.soothing_effect(store, keyring, now),
        remember_when=None if paused else mine.remember_when(store, keyring, zone, now),
    )
    if not paused:
        found.ratio = mine.week_ratio(store, keyring, zone, now)
        found.streak = mine.checkin_streak(store, keyring, zone, now)
        found.repairs = mine.repair_trend(store, keyring, zone, now)
    found.tiles = build_tiles(found)
    return found


def build_tiles(found: Dashboard) -> tuple[Tile, ...]:
    """The tiles in reading order: where you stand, the couple practice, the journal steps,
    self-soothing, a remembered moment (not in safety mode), and always the safety link."""
    couple = (
        tuple(_paused(name, found.paused_message or "") for name in COACHING_TILES)
        if found.paused_for_safety
        else (_ratio(found.ratio), _streak(found.streak), _repairs(found.repairs))
    )
    return (
        _position(found.position),
        *couple,
        _triggers(found.triggers),
        _beliefs(found.beliefs),
        _soothing(found.soothing),
        *(() if found.paused_for_safety else (_remember(found.remember_when),)),
        _safety(),
    )


def _empty(name: TileName) -> Tile:
    words = say.TILES[name]
    return Tile(
        name=name,
        title=words.title,
        has_data=False,
        sentences=(words.without,),
        href=words.start_href,
        link_label=words.start_label,
    )


def _tile(
    name: TileName,
    headline: str | None,
    sentences: tuple[str, ...],
    *,
    href: str | None = None,
    chart_svg: str | None = None,
    quote: str | None = None,
    when: datetime | None = None,
) -> Tile:
    words = say.TILES[name]
    return Tile(
        name=name,
        title=words.title,
        has_data=True,
        headline=headline,
        sentences=sentences,
        quote=quote,
        when=when,
        href=href or words.href,
        link_label=words.see_label,
        chart_svg=chart_svg,
    )


def _paused(name: TileName, message: str) -> Tile:
    words = say.TILES[name]
    return Tile(
        name=name,
        title=words.title,
        has_data=False,
        paused=True,
        sentences=(message,),
        href="/settings/safety",
        link_label="Safety settings",
    )


def _position(found: mine.PositionChange | None) -> Tile:
    if found is None:
        return _empty("position")
    return _tile(
        "position",
        say.position_headline(found),
        say.position_sentences(found),
        href=f"/assess/{found.latest_id}",
        chart_svg=charts.plane_chart(found.trail),
    )


def _ratio(found: mine.RatioFigure | None) -> Tile:
    headline = say.ratio_headline(found.this_week) if found else None
    if found is None or headline is None:
        return _empty("ratio")
    return _tile(
        "ratio",
        headline,
        say.ratio_sentences(found.this_week),
        chart_svg=charts.ratio_chart(found.weeks),
    )


def _streak(found: mine.StreakFigure | None) -> Tile:
    if found is None:
        return _empty("checkins")
    return _tile(
        "checkins",
        say.streak_headline(found),
        say.streak_sentences(found),
        chart_svg=charts.strip_chart(found.days),
    )


def _repairs(found: mine.RepairTrend | None) -> Tile:
    if found is None:
        return _empty("repairs")
    chart = charts.line_chart(
        found.months[-REPAIR_MONTHS:], "Middle time to repair by month", "minutes"
    )
    return _tile(
        "repairs",
        say.repair_headline(found.latest),
        say.repair_sentences(found.latest),
        chart_svg=chart,
    )


def _triggers(found: tuple[mine.TriggerCount, ...]) -> Tile:
    if not found:
        return _empty("triggers")
    return _tile("triggers", say.trigger_headline(found), say.trigger_sentences(found))


def _beliefs(found: mine.BeliefFigure | None) -> Tile:
    if found is None:
        return _empty("beliefs")
    return _tile("beliefs", say.belief_headline(found), say.belief_sentences(found))


def _soothing(found: mine.SoothingFigure | None) -> Tile:
    if found is None:
        return _empty("soothing")
    return _tile("soothing", say.soothing_headline(found), say.soothing_sentences(found))


def _remember(moment: SuccessView | None) -> Tile:
    if moment is None:
        return _empty("remember")
    return _tile(
        "remember",
        None,
        (moment.quality_label,),
        quote=moment.what_happened,
        when=moment.occurred_at,
    )


def _safety() -> Tile:
    return Tile(
        name="safety",
        title=say.SAFETY_TITLE,
        has_data=True,
        sentences=(say.SAFETY_SENTENCE,),
        href="/safety",
        link_label=say.SAFETY_LINK,
    )
