"""The profile report as a use case: gather the person's own records for a period (all time by
default), build the report (pure, insights/profile_report.py), draw its charts through the plot
catalogue, and render it as Markdown, PDF or blocks for a page.

Only what the person owns is read (``whose="mine"``; chats are only ever the importer's): what
a partner shared with them is never part of their report. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal, TypeVar

from bowlby import models
from bowlby.assess import change
from bowlby.dynamics.feedback_loop import Day
from bowlby.dynamics.feedback_loop_fit import LoopEstimate, estimate_loop
from bowlby.errors import BowlbyError, InputError
from bowlby.insights import profile_report as model
from bowlby.insights import profile_report_layout as layout
from bowlby.insights.documents import Block, markdown_of
from bowlby.insights.profile_report import ProfileReport
from bowlby.insights.profile_report_changes import Records, measure
from bowlby.insights.therapist_summary import ScoreRow
from bowlby.journal.emotions import EmotionView
from bowlby.journal.records import RecordView
from bowlby.practice import vulnerability_windows as windows
from bowlby.practice.cycle_maps import CycleView
from bowlby.practice.how_we_talk import TalkView
from bowlby.practice.unsaid_list import UnsaidView
from bowlby.services import (
    assessments,
    chat_report,
    chats,
    checkins,
    cycle_maps,
    dynamics,
    feedback_loop,
    how_we_talk,
    journal,
    ratio_ledger,
    records,
    repairs,
    sharing,
    soothing,
    unsaid_list,
    vulnerability_windows,
)
from bowlby.services.chat_report import Analyse
from bowlby.services.profile_report_figures import Sources, draw_figures
from bowlby.store.engine import Store

Drawing = Literal["png", "svg", "none"]
Dated = TypeVar("Dated", bound=RecordView)
DYNAMICS_BOOTSTRAP = 100  # enough for a rough interval in a report that is made on request


@dataclass(frozen=True)
class Period:
    since: date | None  # None: from the first record
    until: date
    start: datetime | None
    end: datetime


def choose_period(
    since: date | None, until: date | None, today: date, zone: tzinfo, field: str = "since"
) -> Period:
    """All time up to today by default; days are whole local days, both included."""
    last = until or today
    if since is not None and since > last:
        raise InputError(f"the period starts on {since}, after it ends on {last}.", field=field)
    start = datetime.combine(since, time(), zone) if since else None
    return Period(since, last, start, datetime.combine(last + timedelta(days=1), time(), zone))


def build_profile_report(
    store: Store,
    keyring: models.Keyring,
    *,
    zone: tzinfo = UTC,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    drawing: Drawing = "none",
    with_unsaid: bool = False,
    analyse: Analyse | None = None,
) -> ProfileReport:
    """The person's own report for the period, its charts drawn as ``drawing`` asks (PNG for
    a PDF, SVG for a page, none for Markdown or JSON); ``with_unsaid`` adds the unsaid list's
    own words, which are otherwise only counted."""
    today = today or datetime.now(zone).date()
    period = choose_period(since, until, today, zone)
    gathered, sources = _gather(store, keyring, period, zone, with_unsaid, analyse)
    report = model.build_profile_report(
        gathered,
        person=keyring.name,
        today=today,
        since=period.since,
        until=period.until,
        zone=zone,
        coaching_paused=records.coaching_paused(store, keyring),
    )
    if drawing == "none" or report.empty:
        return report
    return model.with_figures(report, draw_figures(report, sources, zone, drawing))


def report_blocks(report: ProfileReport) -> tuple[Block, ...]:
    return layout.report_blocks(report)


def report_markdown(report: ProfileReport) -> str:
    return markdown_of(layout.report_blocks(report))


def report_pdf(report: ProfileReport) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    from bowlby.insights.pdf import render_document_pages  # fpdf2 loads only for a PDF

    footer = layout.FOOTER.format(name=report.cover.person, page="{page}", pages="{nb}")
    return render_document_pages(layout.report_blocks(report), layout.TITLE, footer)


def practice_records(
    store: Store, keyring: models.Keyring, start: datetime | None, end: datetime
) -> Records:
    """The person's own check-ins, ledger moments, ruptures and soothing sessions."""
    mine: records.ListQuery = {"whose": "mine", "since": start, "until": end}
    return Records(
        checkins=tuple(c.occurred_at for c in checkins.list_checkins(store, keyring, **mine)),
        interactions=tuple(ratio_ledger.list_interactions(store, keyring, **mine)),
        ruptures=tuple(repairs.list_ruptures(store, keyring, **mine)),
        soothing=tuple(soothing.list_sessions(store, keyring, **mine)),
    )


def practice_figures(
    store: Store, keyring: models.Keyring, start: datetime, end: datetime, zone: tzinfo
) -> tuple[tuple[str, str, str], ...]:
    """The practice figures of [start, end) for the therapist summary: label, value, note."""
    found = practice_records(store, keyring, start, end)
    last = (end - timedelta(microseconds=1)).astimezone(zone).date()
    window = measure(found, start.astimezone(zone).date(), last, zone)
    return layout.practice_rows(window)


def _gather(
    store: Store,
    keyring: models.Keyring,
    period: Period,
    zone: tzinfo,
    with_unsaid: bool,
    analyse: Analyse | None,
) -> tuple[model.Gathered, Sources]:
    mine: records.ListQuery = {"whose": "mine", "since": period.start, "until": period.end}
    found = replace(
        practice_records(store, keyring, period.start, period.end),
        thoughts=tuple(journal.list_thought_records(store, keyring, **mine)),
        triggers=tuple(journal.list_triggers(store, keyring, **mine)),
        successes=tuple(journal.list_successes(store, keyring, **mine)),
    )
    reports = _chat_reports(store, keyring, period, zone, analyse)
    series = _loop_series(store, keyring, period, zone)
    shares = vulnerability_windows.list_windows(store, keyring, **mine)
    trend = windows.tolerance_trend(shares, zone)
    others = _others(store, keyring, period, mine)
    gathered = model.Gathered(
        records=found,
        assessments=_history(store, keyring, period, zone),
        chats=tuple(model.summarise_chat(name, report, zone) for name, report in reports),
        tolerance=trend,
        cycle_names=tuple(cycle.name for cycle in others.cycles),
        unsaid=_unsaid(others.unsaid, with_unsaid),
        talks=len(others.talks),
        emotion_notes=tuple(others.emotions),
        loop=_estimate(series),
        dynamics=_dynamics(store, keyring, mine),
        also_seen=(*others.moments(), *(s.occurred_at for s in shares)),
    )
    return gathered, Sources(found, tuple(reports), tuple(series), trend)


@dataclass(frozen=True)
class _Others:
    """The person's own records the report only counts or names."""

    cycles: list[CycleView]
    talks: list[TalkView]
    unsaid: list[UnsaidView]
    emotions: list[EmotionView]

    def moments(self) -> list[datetime]:
        groups: list[Sequence[RecordView]] = [self.cycles, self.talks, self.unsaid, self.emotions]
        return [record.occurred_at for group in groups for record in group]


def _others(
    store: Store, keyring: models.Keyring, period: Period, mine: records.ListQuery
) -> _Others:
    def inside(found: Sequence[Dated]) -> list[Dated]:
        return [record for record in found if _in_period(record.occurred_at, period)]

    return _Others(
        cycles=inside(cycle_maps.list_cycles(store, keyring, whose="mine")),
        talks=inside(how_we_talk.list_talks(store, keyring, whose="mine")),
        unsaid=inside(unsaid_list.list_items(store, keyring)),
        emotions=journal.list_emotions(store, keyring, **mine),
    )


def _history(
    store: Store, keyring: models.Keyring, period: Period, zone: tzinfo
) -> model.AssessmentHistory:
    """Every finished questionnaire in the period, and each scale's change first → latest
    for the questionnaire taken most often (with its reliable-change reading)."""
    scored = [
        assessments.score_assessment(a)
        for a in assessments.list_assessments(store, keyring, whose="mine")
        if _in_period(a.taken_at, period)
    ]
    placed = [r for r in scored if r.position is not None]
    rows = [
        ScoreRow(
            r.assessment.taken_at.astimezone(zone).date(),
            r.instrument.short_name,
            r.position,  # type: ignore[arg-type]
        )
        for r in placed
    ]
    return model.summarise_history(rows, _changes(placed))


def _changes(placed: Sequence[assessments.Result]) -> tuple[change.Change, ...]:
    counts: dict[str, int] = {}
    for result in placed:
        counts[result.instrument.id] = counts.get(result.instrument.id, 0) + 1
    if not counts or max(counts.values()) < 2:
        return ()
    chosen = max(counts, key=lambda key: (counts[key], key))
    same = [r for r in placed if r.instrument.id == chosen]
    first, latest = same[0], same[-1]
    if first.score is None or latest.score is None:
        return ()
    return tuple(change.compare_scores(latest.instrument, first.score, latest.score).values())


def _chat_reports(
    store: Store, keyring: models.Keyring, period: Period, zone: tzinfo, analyse: Analyse | None
) -> list[tuple[str, chat_report.ChatReport]]:
    """The person's own imported chats with messages in the period, each read once."""
    found = []
    for chat in chats.list_chats(store, keyring):
        if chat.last_at is None or (period.start and chat.last_at < period.start):
            continue
        if chat.first_at is not None and chat.first_at >= period.end:
            continue
        result = chat_report.build_chat_report(
            store, keyring, chat.id, zone, since=period.start, until=period.end, analyse=analyse
        )
        if result.report.talk:
            found.append((chat.name or chat.id[:8], result.report))
    return found


def _loop_series(store: Store, keyring: models.Keyring, period: Period, zone: tzinfo) -> list[Day]:
    """The feedback loop's days (the person's own ratings and safe responses) in the period."""
    loop = feedback_loop.feedback_loop(store, keyring, zone, today=period.until)
    return [day for day in loop.series if period.since is None or day.day >= period.since]


def _estimate(series: list[Day]) -> LoopEstimate | None:
    return estimate_loop(series) if series else None


def _unsaid(items: Sequence[UnsaidView], with_texts: bool) -> model.UnsaidCounts:
    texts = tuple(item.what_happened for item in items) if with_texts else ()
    return model.UnsaidCounts(
        raised=sum(1 for i in items if i.status == "raised"),
        let_go=sum(1 for i in items if i.status == "let_go"),
        waiting=sum(1 for i in items if i.status == "open"),
        texts=texts,
    )


def _dynamics(
    store: Store, keyring: models.Keyring, mine: records.ListQuery
) -> model.DynamicsSummary | None:
    """The couple model over the logged hard conversations of the period, when there are
    enough turns for a fit; otherwise the report leaves the section out."""
    from bowlby.dynamics import hard_conversations as hard

    logged = list(reversed(dynamics.list_hard_conversations(store, keyring, **mine)))
    if not logged:
        return None
    partner = sharing.linked_partner(store, keyring)
    labels = {"me": keyring.name, "partner": partner.name if partner else dynamics.PARTNER_LABEL}
    source = dynamics.Source(
        "logged", dynamics.ALL, "", [hard.as_conversation(v) for v in logged], labels
    )
    try:
        result = dynamics.fit_source(source, bootstrap=DYNAMICS_BOOTSTRAP)
    except BowlbyError:
        return None
    return model.summarise_fit(result.names, result.fit)


def _in_period(moment: datetime, period: Period) -> bool:
    return (period.start is None or moment >= period.start) and moment < period.end
