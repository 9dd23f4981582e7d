"""The one place a person's own figures are gathered: the guide, the home dashboard and the
profile report all read them here, so they cannot disagree.

Every gatherer reads the person's own records only (``whose="mine"``; chats are only ever the
importer's), so nothing a partner shared with them counts as theirs. Each is bounded to a time
window (the constants below), so a page stays fast with years of data: no request decrypts
more than a window's records. Nothing is stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.assess import change
from bowlby.assess.styles import Position
from bowlby.chats.patterns import HORSEMEN
from bowlby.journal import successes
from bowlby.journal.successes import SuccessView
from bowlby.journal.thought_records import summarise_belief_change
from bowlby.journal.triggers import find_trigger_patterns
from bowlby.learn.figures import (
    ChatMoves,
    PositionFigure,
    RepairFigure,
    SoothingFigure,
    TriggerCount,
)
from bowlby.practice import checkins as checkin_days
from bowlby.practice import ratio_ledger as ledger
from bowlby.practice import repair_attempts, soothing
from bowlby.services import assessment_reports, assessments, chats, checkins, journal, repairs
from bowlby.services import ratio_ledger as ratio_service
from bowlby.services import soothing as soothing_service
from bowlby.services.chat_report import READ_AS_WORDS, Analyse, default_analyser, read_window
from bowlby.store.engine import Store

TRIGGER_DAYS = 90
THOUGHT_DAYS = 90
SOOTHING_DAYS = 90
REPAIR_DAYS = 365
STREAK_DAYS = 100  # a run of check-ins is counted back this far at most ("100+ days")
REMEMBER_MOMENTS = 60  # the latest ones: a fresh pick each day, few to decrypt
CHAT_DAYS = 30
RATIO_WEEKS = 4  # this ISO week and the three before, for a small trend
TOP_TRIGGERS = 3
MAX_OWN_MESSAGES = 20_000  # the latest ones; enough for a month of even a busy chat

__all__ = [
    "BeliefFigure",
    "ChatMoves",
    "PlaneMark",
    "PositionChange",
    "PositionFigure",
    "RatioFigure",
    "RatioWeek",
    "RepairFigure",
    "RepairTrend",
    "SoothingFigure",
    "StreakFigure",
    "SubscaleChange",
    "TriggerCount",
    "belief_drop",
    "chat_moves",
    "checkin_streak",
    "latest_position",
    "position_change",
    "remember_when",
    "repair_trend",
    "soothing_effect",
    "time_to_repair",
    "top_triggers",
    "week_ratio",
]


class PlaneMark(BaseModel):
    taken_on: date
    anxiety: float
    avoidance: float


class SubscaleChange(BaseModel):
    """One subscale first vs latest; ``reliable`` is None when the measurement error is unknown."""

    subscale: str
    difference: float | None
    reliable: bool | None
    sentence: str


class PositionChange(BaseModel):
    """The latest result of the most used questionnaire, how it moved since the first, and
    whether the change exceeds the measurement error (reliable change on either subscale)."""

    latest_id: str
    instrument: str
    results: int
    first: PlaneMark
    latest: PlaneMark
    trail: tuple[PlaneMark, ...]
    direction: str | None = None  # "toward", "away" or "same" the secure corner
    corner_change: float | None = None
    movement_sentence: str | None = None
    subscales: tuple[SubscaleChange, ...] = ()
    beyond_error: bool | None = None


class RatioWeek(BaseModel):
    """One ISO week's warm and hurtful moments, logged by hand and estimated from chats apart."""

    label: str
    first_day: date
    positive_logged: int = 0
    negative_logged: int = 0
    positive_estimated: int = 0
    negative_estimated: int = 0
    logged_ratio: float | None = None  # None without a negative moment
    ratio_with_estimates: float | None = None


class RatioFigure(BaseModel):
    this_week: RatioWeek
    weeks: tuple[RatioWeek, ...]  # oldest first, this week last


class StreakFigure(BaseModel):
    current_run: int
    run_includes_today: bool
    run_capped: bool  # the run reaches back the whole window: at least this long
    last_7: int
    last_30: int
    days: tuple[bool, ...]  # the last 30 days, oldest first


class RepairTrend(BaseModel):
    """The latest repairs against the ones before, and the median by month (oldest first)."""

    latest: RepairFigure
    months: tuple[tuple[str, float], ...]


class BeliefFigure(BaseModel):
    records: int  # thought records with a re-rating
    mean_before: float
    mean_after: float
    mean_drop: float
    days: int = THOUGHT_DAYS


def window_start(now: datetime, days: int) -> datetime:
    return now - timedelta(days=days)


def latest_position(store: Store, keyring: models.Keyring, zone: tzinfo) -> PositionFigure | None:
    """The newest finished questionnaire of the person's own that places them on the plane."""
    for assessment in reversed(assessments.list_assessments(store, keyring, whose="mine")):
        result = assessments.score_assessment(assessment)
        found = result.position
        if found is None:
            continue
        return PositionFigure(
            instrument=result.instrument.short_name,
            taken_on=assessment.taken_at.astimezone(zone).date(),
            anxiety=found.anxiety,
            avoidance=found.avoidance,
            anxiety_margin=found.anxiety_margin,
            avoidance_margin=found.avoidance_margin,
            uncertainty_known=found.uncertainty_known,
            region=found.region,
            region_label=found.region_label,
            near_boundary=found.near_boundary,
            not_a_verdict=found.not_a_verdict,
        )
    return None


def position_change(store: Store, keyring: models.Keyring, zone: tzinfo) -> PositionChange | None:
    """First vs latest result of the person's most used questionnaire, as on the result
    page (questionnaires are few, so all are read, once)."""
    taken = _most_used(assessments.list_assessments(store, keyring, whose="mine"))
    results = [assessments.score_assessment(assessment) for assessment in taken]
    placed = [(result, result.position) for result in results if result.position is not None]
    if not placed:
        return None
    (first, first_at), (latest, latest_at) = placed[0], placed[-1]
    trail = tuple(_mark(result, position, zone) for result, position in placed)
    movement = change.measure_movement(first_at, latest_at) if len(placed) > 1 else None
    subscales = _subscale_changes(store, first, latest) if len(placed) > 1 else ()
    return PositionChange(
        latest_id=latest.assessment.id,
        instrument=latest.instrument.short_name,
        results=len(placed),
        first=trail[0],
        latest=trail[-1],
        trail=trail,
        direction=movement.direction if movement else None,
        corner_change=movement.corner_change if movement else None,
        movement_sentence=movement.sentence if movement else None,
        subscales=subscales,
        beyond_error=_beyond_error(subscales),
    )


def _most_used(taken: list[assessments.Assessment]) -> list[assessments.Assessment]:
    """The results of the questionnaire taken most often (ties: the later id), as
    assessment_reports.measure_progress chooses for the home page's standing."""
    if not taken:
        return []
    counts = Counter(assessment.instrument_id for assessment in taken)
    chosen = max(counts, key=lambda key: (counts[key], key))
    return [assessment for assessment in taken if assessment.instrument_id == chosen]


def _mark(result: assessments.Result, position: Position, zone: tzinfo) -> PlaneMark:
    return PlaneMark(
        taken_on=result.assessment.taken_at.astimezone(zone).date(),
        anxiety=position.anxiety,
        avoidance=position.avoidance,
    )


def _subscale_changes(
    store: Store, first: assessments.Result, latest: assessments.Result
) -> tuple[SubscaleChange, ...]:
    """Reliable change per subscale, when both results have subscale scores."""
    if first.score is None or latest.score is None:
        return ()
    loaded = assessment_reports.find_norms(store, latest.instrument.id)
    found = change.compare_scores(latest.instrument, first.score, latest.score, norms=loaded)
    return tuple(
        SubscaleChange(
            subscale=name,
            difference=item.difference,
            reliable=item.reliable,
            sentence=item.sentence,
        )
        for name, item in found.items()
    )


def _beyond_error(subscales: Sequence[SubscaleChange]) -> bool | None:
    """True when any subscale changed reliably; None when no reliability is known."""
    judged = [item.reliable for item in subscales if item.reliable is not None]
    return any(judged) if judged else None


def week_ratio(store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime) -> RatioFigure:
    """This ISO week's 5:1 ratio and the few weeks before, from the person's own taps."""
    today = now.astimezone(zone).date()
    periods = ratio_service.ratio_table(
        store, keyring, zone, today=today, days=7 * RATIO_WEEKS - 6, by="week"
    )
    weeks = tuple(_ratio_week(period) for period in periods)
    return RatioFigure(this_week=weeks[-1], weeks=weeks)


def _ratio_week(period: ledger.RatioPeriod) -> RatioWeek:
    tally = period.tally or ledger.Tally()
    return RatioWeek(
        label=period.label,
        first_day=period.first_day,
        positive_logged=tally.positive_logged,
        negative_logged=tally.negative_logged,
        positive_estimated=tally.positive_estimated,
        negative_estimated=tally.negative_estimated,
        logged_ratio=tally.logged_only().ratio,
        ratio_with_estimates=tally.ratio,
    )


def checkin_streak(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime
) -> StreakFigure | None:
    """The run of days with a check-in (counted back STREAK_DAYS local days at most) and the days
    checked in during the last 7 and 30; None before the first check-in of the window."""
    today = now.astimezone(zone).date()
    first = ratio_service.start_of(today - timedelta(days=STREAK_DAYS - 1), zone)
    # No upper bound: a check-in saved this very instant counts; later days are left out.
    found = checkins.list_checkins(store, keyring, since=first)
    if not found:
        return None
    rhythm = checkin_days.find_rhythm(
        checkin_days.local_days((c.occurred_at for c in found), zone), today
    )
    return StreakFigure(
        current_run=rhythm.current_run,
        run_includes_today=rhythm.run_includes_today,
        run_capped=rhythm.current_run >= STREAK_DAYS,
        last_7=rhythm.last_7,
        last_30=rhythm.last_30,
        days=tuple(mark.mine for mark in rhythm.days),
    )


def time_to_repair(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime | None = None
) -> RepairFigure | None:
    """The median time-to-repair over the person's latest repairs, and over the ones before."""
    trend = repair_trend(store, keyring, zone, now)
    return trend.latest if trend else None


def repair_trend(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime | None = None
) -> RepairTrend | None:
    """Time to repair over the ruptures of the last REPAIR_DAYS: the latest few against the
    few before them, and by month."""
    now = now or datetime.now(UTC)
    ruptures = repairs.list_ruptures(
        store, keyring, whose="mine", since=window_start(now, REPAIR_DAYS), until=now
    )
    rolling = repair_attempts.rolling_median(ruptures, zone)
    if not rolling:
        return None
    before = len(rolling) - 1 - repair_attempts.ROLLING_COUNT
    latest = RepairFigure(
        repairs=rolling[-1].repaired,
        median_minutes=rolling[-1].median_minutes,
        earlier_median_minutes=rolling[before].median_minutes if before >= 0 else None,
    )
    months = repair_attempts.median_by_month(ruptures, zone)
    return RepairTrend(
        latest=latest, months=tuple((point.label, point.median_minutes) for point in months)
    )


def top_triggers(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime
) -> tuple[TriggerCount, ...]:
    """The partner actions the person logged most in the last TRIGGER_DAYS, with counts."""
    logs = journal.list_triggers(
        store, keyring, whose="mine", since=window_start(now, TRIGGER_DAYS), until=now
    )
    ranked = find_trigger_patterns(logs, zone).actions[:TOP_TRIGGERS]
    return tuple(TriggerCount(label=item.label, count=item.count) for item in ranked)


def belief_drop(store: Store, keyring: models.Keyring, now: datetime) -> BeliefFigure | None:
    """How much the person's belief in a hard thought fell from before to after their thought
    records of the last THOUGHT_DAYS (re-rated ones only); None without any."""
    found = journal.list_thought_records(
        store, keyring, whose="mine", since=window_start(now, THOUGHT_DAYS), until=now
    )
    summary = summarise_belief_change(found)
    if summary.mean_drop is None or summary.mean_before is None or summary.mean_after is None:
        return None
    return BeliefFigure(
        records=summary.completed,
        mean_before=summary.mean_before,
        mean_after=summary.mean_after,
        mean_drop=summary.mean_drop,
    )


def soothing_effect(
    store: Store, keyring: models.Keyring, now: datetime | None = None
) -> SoothingFigure | None:
    """The mean drop in anxiety over the person's self-soothing sessions of the last
    SOOTHING_DAYS, with its 95% interval (judged only from ENOUGH_SESSIONS on)."""
    now = now or datetime.now(UTC)
    sessions = soothing_service.list_sessions(
        store, keyring, whose="mine", since=window_start(now, SOOTHING_DAYS), until=now
    )
    effect = soothing.summarise_drops([session.drop for session in sessions])
    if effect.mean_drop is None:
        return None
    return SoothingFigure(
        sessions=effect.count, mean_drop=effect.mean_drop, low=effect.low, high=effect.high
    )


def remember_when(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime
) -> SuccessView | None:
    """One of the person's own latest REMEMBER_MOMENTS success moments, the same all day (a
    count, not a time window, so a pause in journaling does not empty it)."""
    found = journal.list_successes(store, keyring, whose="mine", until=now, limit=REMEMBER_MOMENTS)
    return successes.remember_when(found, now.astimezone(zone).date())


def chat_moves(
    store: Store, keyring: models.Keyring, now: datetime, analyse: Analyse | None = None
) -> ChatMoves | None:
    """How many of the person's own messages of the last CHAT_DAYS read as protest, withdrawal
    and each horseman; the latest MAX_OWN_MESSAGES at most. None without any."""
    since = window_start(now, CHAT_DAYS)
    texts: list[tuple[datetime, str]] = []
    for chat in chats.list_chats(store, keyring):
        if chat.last_at is None or chat.last_at < since:
            continue
        texts.extend(
            (message.sent_at, message.text)
            for message in read_window(store, keyring, chat.id, since, now)
            if message.sender == chat.me and message.kind in READ_AS_WORDS
        )
    if not texts:
        return None
    texts.sort(key=lambda item: item[0])
    kept = texts[-MAX_OWN_MESSAGES:]
    counts = _count_labels([text for _, text in kept], analyse or default_analyser())
    return ChatMoves(
        messages=len(kept),
        protest=counts["protest"],
        withdrawal=counts["withdrawal"],
        horsemen={name: counts[name] for name in HORSEMEN},
        capped_at=MAX_OWN_MESSAGES if len(texts) > MAX_OWN_MESSAGES else None,
    )


def _count_labels(texts: list[str], analyse: Analyse) -> Counter[str]:
    """Messages per label, the analyser run once per distinct text."""
    labels_of: dict[str, tuple[str, ...]] = {}
    counts: Counter[str] = Counter()
    for text in texts:
        if text not in labels_of:
            labels_of[text] = tuple(analyse(text).labels)
        counts.update(set(labels_of[text]))
    return counts
