"""The profile report: a person's own journey for themselves (questionnaires, their chats,
practice, journal, what changed), built from plain gathered records into one model and drawn
as blocks by insights/profile_report_layout.py (Markdown here, PDF in insights/pdf.py)."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from bowlby.assess import change
from bowlby.chats.chat_report import ChatReport, PersonPursuit
from bowlby.chats.patterns import HORSEMEN
from bowlby.dynamics.feedback_loop_fit import LoopEstimate
from bowlby.insights import profile_report_changes
from bowlby.insights.documents import Figure
from bowlby.insights.profile_report_changes import Records
from bowlby.insights.therapist_summary import ScoreMovement, ScoreRow
from bowlby.journal import emotions, thought_records, triggers
from bowlby.practice import checkins, ratio_ledger, repair_attempts, soothing
from bowlby.practice import vulnerability_windows as windows

if TYPE_CHECKING:
    from bowlby.dynamics.fitting import CoupleFit

TOP_EMOTIONS = 8
FIT_ESTIMATES = ("inertia", "negative_slope", "positive_slope", "uninfluenced_steady_state")


@dataclass(frozen=True)
class Cover:
    person: str
    prepared_on: date
    first_day: date | None  # None: nothing recorded in the period
    last_day: date
    all_time: bool  # no --since given: from the first record on
    coaching_paused: bool = False  # safety mode: figures stay, coaching words step aside
    nothing_recorded: bool = False  # in the period: the report is short and kind


@dataclass(frozen=True)
class AssessmentHistory:
    rows: tuple[ScoreRow, ...]
    movement: ScoreMovement | None
    changes: tuple[change.Change, ...] = ()  # per subscale, first → latest, with reliability


@dataclass(frozen=True)
class ChatMonth:
    month: date  # its first day
    messages: int
    protest: int
    withdrawal: int
    horsemen: int


@dataclass(frozen=True)
class ChatSummary:
    """One of the person's own imported chats, in counts (never its words)."""

    name: str
    messages: int
    months: tuple[ChatMonth, ...]
    pursuit: tuple[PersonPursuit, ...]
    ratio: ratio_ledger.Tally
    episodes: int
    repaired: int
    median_repair_minutes: float | None


@dataclass(frozen=True)
class UnsaidCounts:
    raised: int
    let_go: int
    waiting: int
    texts: tuple[str, ...] = ()  # only when the person asked for them


@dataclass(frozen=True)
class PracticeSection:
    rhythm: checkins.Rhythm | None
    soothing: tuple[soothing.ExerciseEffect, ...]
    tolerance: windows.ToleranceTrend | None
    ratio_weeks: tuple[ratio_ledger.RatioPeriod, ...]
    repair_months: tuple[repair_attempts.RepairTrendPoint, ...]
    open_ruptures: int
    cycle_names: tuple[str, ...]
    unsaid: UnsaidCounts
    talks: int


@dataclass(frozen=True)
class JournalSection:
    triggers: triggers.TriggerPatterns
    emotions_total: int
    emotions: tuple[tuple[str, int, float], ...]  # name, times, mean intensity
    belief: thought_records.BeliefChange
    thought_records: int
    successes: int
    remember_when: tuple[date, str] | None  # the day and the person's own words


@dataclass(frozen=True)
class DynamicsSummary:
    """The couple model fitted to the person's logged hard conversations, in brief."""

    names: tuple[str, str]
    pairs: tuple[int, int]
    rows: tuple[tuple[str, str, float, float | None, float | None], ...]  # who, key, value, CI


@dataclass(frozen=True)
class ProfileReport:
    cover: Cover
    assessments: AssessmentHistory
    chats: tuple[ChatSummary, ...]
    practice: PracticeSection
    journal: JournalSection
    loop: LoopEstimate | None
    dynamics: DynamicsSummary | None
    changes: profile_report_changes.Comparison | None
    figures: Mapping[str, Figure] = field(default_factory=dict)  # by the section they follow

    @property
    def empty(self) -> bool:
        """Nothing recorded at all: the report says so kindly instead of showing zeros."""
        return self.cover.nothing_recorded


@dataclass(frozen=True)
class Gathered:
    """What the service read, own records only, already limited to the period."""

    records: Records
    assessments: AssessmentHistory
    chats: tuple[ChatSummary, ...] = ()
    tolerance: windows.ToleranceTrend | None = None
    cycle_names: tuple[str, ...] = ()
    unsaid: UnsaidCounts = UnsaidCounts(0, 0, 0)
    talks: int = 0
    emotion_notes: tuple[emotions.EmotionView, ...] = ()
    loop: LoopEstimate | None = None
    dynamics: DynamicsSummary | None = None
    also_seen: tuple[datetime, ...] = ()  # when the other records (unsaid, cycles...) were made

    def first_day(self, zone: tzinfo) -> date | None:
        """The earliest local day with anything recorded: where "all time" starts."""
        days = [moment.astimezone(zone).date() for moment in self.also_seen]
        days += [row.taken_on for row in self.assessments.rows]
        first = profile_report_changes.first_day(self.records, zone)
        return min([*days, first] if first else days, default=None)


def build_profile_report(
    gathered: Gathered,
    *,
    person: str,
    today: date,
    since: date | None,
    until: date,
    zone: tzinfo,
    coaching_paused: bool = False,
) -> ProfileReport:
    """Every section from the gathered records; days are read in the person's zone."""
    records = gathered.records
    recorded = gathered.first_day(zone)
    first_day = since or recorded
    nothing = recorded is None and not gathered.chats
    cover = Cover(person, today, first_day, until, since is None, coaching_paused, nothing)
    return ProfileReport(
        cover=cover,
        assessments=gathered.assessments,
        chats=gathered.chats,
        practice=_practice(gathered, until, zone),
        journal=_journal(gathered, today, zone),
        loop=gathered.loop,
        dynamics=gathered.dynamics,
        changes=(
            profile_report_changes.compare(records, first_day, until, zone) if first_day else None
        ),
    )


def with_figures(report: ProfileReport, figures: Mapping[str, Figure]) -> ProfileReport:
    """The same report with its charts (drawn by the service, PNG or SVG as needed)."""
    return ProfileReport(**{**report.__dict__, "figures": dict(figures)})


def summarise_chat(name: str, report: ChatReport, zone: tzinfo) -> ChatSummary:
    """Counts per local month of messages read as protest, withdrawal and any horseman."""
    months: dict[date, list[int]] = {}
    for message, reading in zip(report.talk, report.readings, strict=True):
        local = message.sent_at.astimezone(zone).date()
        counts = months.setdefault(local.replace(day=1), [0, 0, 0, 0])
        labels = set(reading.labels)
        counts[0] += 1
        counts[1] += "protest" in labels
        counts[2] += "withdrawal" in labels
        counts[3] += bool(labels & set(HORSEMEN))
    repairs = [e.time_to_repair for e in report.episodes if e.time_to_repair is not None]
    return ChatSummary(
        name=name,
        messages=len(report.talk),
        months=tuple(ChatMonth(month, *counts) for month, counts in sorted(months.items())),
        pursuit=tuple(report.pursuit),
        ratio=report.ratio_total,
        episodes=len(report.episodes),
        repaired=len(repairs),
        median_repair_minutes=(
            statistics.median(r.total_seconds() / 60 for r in repairs) if repairs else None
        ),
    )


def summarise_history(
    rows: Sequence[ScoreRow], changes: Sequence[change.Change] = ()
) -> AssessmentHistory:
    """Every result oldest first, and the movement of the questionnaire taken most often."""
    ordered = tuple(sorted(rows, key=lambda row: row.taken_on))
    counts: dict[str, int] = {}
    for row in ordered:
        counts[row.questionnaire] = counts.get(row.questionnaire, 0) + 1
    movement = None
    if counts and max(counts.values()) >= 2:
        chosen = max(counts, key=lambda name: (counts[name], name))
        same = [row for row in ordered if row.questionnaire == chosen]
        moved = change.measure_movement(same[0].position, same[-1].position)
        movement = ScoreMovement(chosen, same[0].taken_on, same[-1].taken_on, moved)
    return AssessmentHistory(ordered, movement, tuple(changes))


def summarise_fit(names: tuple[str, str], fit: CoupleFit) -> DynamicsSummary:
    """The estimates the data can carry, each partner's in the order they are explained."""
    rows = [
        (name, key, estimate.value, estimate.low, estimate.high)
        for name, estimates in ((names[0], fit.first), (names[1], fit.second))
        for key in FIT_ESTIMATES
        if (estimate := estimates.get(key)) is not None and estimate.shown
    ]
    return DynamicsSummary(names, (fit.n_pairs.first, fit.n_pairs.second), tuple(rows))


def _practice(gathered: Gathered, until: date, zone: tzinfo) -> PracticeSection:
    records = gathered.records
    days = checkins.local_days(records.checkins, zone)
    repaired = repair_attempts.repaired_only(records.ruptures)
    first = gathered.first_day(zone)
    return PracticeSection(
        rhythm=checkins.find_rhythm(days, until) if days else None,
        soothing=tuple(e for e in soothing.measure_effects(records.soothing) if e.count),
        tolerance=gathered.tolerance if gathered.tolerance and gathered.tolerance.count else None,
        ratio_weeks=_ratio_weeks(records.interactions, zone, first, until),
        repair_months=tuple(repair_attempts.median_by_month(repaired, zone)),
        open_ruptures=sum(1 for r in records.ruptures if r.is_open),
        cycle_names=gathered.cycle_names,
        unsaid=gathered.unsaid,
        talks=gathered.talks,
    )


def _ratio_weeks(
    moments: Sequence[ratio_ledger.InteractionView], zone: tzinfo, first: date | None, last: date
) -> tuple[ratio_ledger.RatioPeriod, ...]:
    """Weeks with something logged: a week of nothing is left out, not shown as zero."""
    if not moments or first is None:
        return ()
    weeks = ratio_ledger.ratio_by_week(moments, zone, first, last)
    return tuple(week for week in weeks if week.tally is not None)


def _journal(gathered: Gathered, today: date, zone: tzinfo) -> JournalSection:
    records = gathered.records
    moment = records.successes and _remember(records, today, zone)
    notes = gathered.emotion_notes
    return JournalSection(
        triggers=triggers.find_trigger_patterns(records.triggers, zone),
        emotions_total=len(notes),
        emotions=tuple(emotions.count_emotions(notes))[:TOP_EMOTIONS],
        belief=thought_records.summarise_belief_change(records.thoughts),
        thought_records=len(records.thoughts),
        successes=len(records.successes),
        remember_when=moment or None,
    )


def _remember(records: Records, today: date, zone: tzinfo) -> tuple[date, str] | None:
    from bowlby.journal.successes import remember_when

    found = remember_when(records.successes, today)
    if found is None:
        return None
    return found.occurred_at.astimezone(zone).date(), found.what_happened
