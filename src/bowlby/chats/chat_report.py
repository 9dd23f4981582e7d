"""The figures of a chat's report, from its messages and one reading per message: the
pattern week by week, reply times month by month, the conflict episodes and whether they grow
rarer and are repaired sooner, the estimated positive-to-negative ratio, and who pursues.

Everything is computed from lists already in memory, so the analyser runs once per message
and the rest are cheap passes over the readings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from bowlby.chats.episodes import ENDINGS, Episode, Reading, find_episodes, is_negative
from bowlby.chats.messages import ChatMessage
from bowlby.chats.timing import (
    Reply,
    TimingSummary,
    conversation,
    find_replies,
    percentile,
    summarise_timing,
)
from bowlby.practice.ratio_ledger import RatioPeriod, Tally, days_between

TOP_EPISODES = 3
PURSUIT_SHOWN = 0.2  # an index above this is called a pursue–withdraw shape


@dataclass(frozen=True)
class WeekPattern:
    """One ISO week (Monday to Sunday, in the person's zone)."""

    label: str
    monday: date
    messages: int
    negative: int
    positive: int
    episodes: int

    @property
    def negative_share(self) -> float:
        return self.negative / self.messages if self.messages else 0.0


@dataclass(frozen=True)
class MonthLatency:
    month: date  # its first day
    person: str
    replies: int
    median_seconds: float


@dataclass(frozen=True)
class Trend:
    """The chat's first and second half (in time) compared."""

    split_at: datetime
    early_episodes_per_week: float
    late_episodes_per_week: float
    early_median_repair: float | None  # seconds from an episode's start to its first repair
    late_median_repair: float | None

    @property
    def rarer(self) -> bool:
        return self.late_episodes_per_week < self.early_episodes_per_week

    @property
    def repair_sooner(self) -> bool:
        early, late = self.early_median_repair, self.late_median_repair
        return early is not None and late is not None and late < early


@dataclass
class PersonPursuit:
    """How often one person was the pursuer or the withdrawer of an episode with that shape."""

    name: str
    pursued: int = 0
    withdrew: int = 0


@dataclass
class ChatReport:
    me: str
    people: list[str]
    zone: str
    talk: list[ChatMessage]
    readings: Sequence[Reading]
    timing: TimingSummary
    weeks: list[WeekPattern]
    latency: list[MonthLatency]
    episodes: list[Episode]
    endings: dict[str, int]
    trend: Trend | None
    ratio_days: list[RatioPeriod]
    ratio_weeks: list[RatioPeriod]
    ratio_total: Tally
    pursuit: list[PersonPursuit] = field(default_factory=list)

    @property
    def first_at(self) -> datetime | None:
        return self.talk[0].sent_at if self.talk else None

    @property
    def last_at(self) -> datetime | None:
        return self.talk[-1].sent_at if self.talk else None

    def top_episodes(self, count: int = TOP_EPISODES) -> list[Episode]:
        """The largest episodes (most negative messages, then longest), newest first on ties."""
        ranked = sorted(
            self.episodes, key=lambda e: (e.negative_total, e.duration, e.started_at), reverse=True
        )
        return ranked[:count]


def build_report(
    messages: Iterable[ChatMessage],
    readings: Sequence[Reading],
    zone: tzinfo,
    me: str,
) -> ChatReport:
    """The whole report; ``readings`` run parallel to the conversation (system messages left
    out, see timing.conversation)."""
    talk = conversation(messages)
    if len(talk) != len(readings):
        raise ValueError("every message needs its reading")
    episodes = find_episodes(talk, readings)
    days = tally_days(talk, readings, zone)
    first = talk[0].sent_at.astimezone(zone).date() if talk else date.today()
    last = talk[-1].sent_at.astimezone(zone).date() if talk else first
    return ChatReport(
        me=me,
        people=_people(talk, me),
        zone=str(zone),
        talk=talk,
        readings=readings,
        timing=summarise_timing(talk),
        weeks=weekly_pattern(talk, readings, episodes, zone),
        latency=latency_by_month(find_replies(talk), zone),
        episodes=episodes,
        endings={ending: sum(e.ending == ending for e in episodes) for ending in ENDINGS},
        trend=compare_halves(talk, episodes),
        ratio_days=periods_by_day(days, first, last),
        ratio_weeks=periods_by_week(days, first, last),
        ratio_total=sum(days.values(), Tally()),
        pursuit=count_pursuit(episodes, _people(talk, me)),
    )


def _people(talk: Sequence[ChatMessage], me: str) -> list[str]:
    """Everyone who wrote, the person first, then by how much they wrote."""
    counts: dict[str, int] = {}
    for message in talk:
        counts[message.sender] = counts.get(message.sender, 0) + 1
    return sorted(counts, key=lambda name: (name != me, -counts[name], name))


def week_of(day: date) -> tuple[date, str]:
    monday = day - timedelta(days=day.weekday())
    year, week, _ = monday.isocalendar()
    return monday, f"{year}-W{week:02}"


def weekly_pattern(
    talk: Sequence[ChatMessage],
    readings: Sequence[Reading],
    episodes: Sequence[Episode],
    zone: tzinfo,
) -> list[WeekPattern]:
    """Messages, negative and positive ones, and episodes started, per ISO week; weeks with
    no message are left out."""
    counts: dict[date, list[int]] = {}
    for message, reading in zip(talk, readings, strict=True):
        week = counts.setdefault(week_of(message.sent_at.astimezone(zone).date())[0], [0, 0, 0, 0])
        week[0] += 1
        week[1] += is_negative(reading)
        week[2] += _is_positive(reading)
    for episode in episodes:
        counts[week_of(episode.started_at.astimezone(zone).date())[0]][3] += 1
    return [WeekPattern(week_of(monday)[1], monday, *counts[monday]) for monday in sorted(counts)]


def _is_positive(reading: Reading) -> bool:
    return reading.valence == "positive" and not is_negative(reading)


def latency_by_month(replies: Iterable[Reply], zone: tzinfo) -> list[MonthLatency]:
    """Each person's median reply time per calendar month (in the person's zone)."""
    waits: dict[tuple[date, str], list[float]] = {}
    for reply in replies:
        month = reply.sent_at.astimezone(zone).date().replace(day=1)
        waits.setdefault((month, reply.sender), []).append(reply.seconds)
    return [
        MonthLatency(month, person, len(seconds), percentile(seconds, 0.5) or 0.0)
        for (month, person), seconds in sorted(waits.items())
    ]


def compare_halves(talk: Sequence[ChatMessage], episodes: Sequence[Episode]) -> Trend | None:
    """Episodes per week and the median time to repair, in the chat's first and second half;
    None for a chat shorter than two weeks (too little to compare)."""
    if not talk or talk[-1].sent_at - talk[0].sent_at < timedelta(weeks=2):
        return None
    middle = talk[0].sent_at + (talk[-1].sent_at - talk[0].sent_at) / 2
    weeks = (middle - talk[0].sent_at) / timedelta(weeks=1)
    early = [e for e in episodes if e.started_at < middle]
    late = [e for e in episodes if e.started_at >= middle]
    return Trend(
        split_at=middle,
        early_episodes_per_week=len(early) / weeks,
        late_episodes_per_week=len(late) / weeks,
        early_median_repair=_median_repair(early),
        late_median_repair=_median_repair(late),
    )


def _median_repair(episodes: Sequence[Episode]) -> float | None:
    times = [e.time_to_repair.total_seconds() for e in episodes if e.time_to_repair is not None]
    return percentile(times, 0.5)


def count_pursuit(episodes: Sequence[Episode], people: Sequence[str]) -> list[PersonPursuit]:
    """Per person, the episodes with a pursue–withdraw shape in which they pursued or withdrew."""
    counted = {name: PersonPursuit(name) for name in people}
    for episode in episodes:
        shape = episode.pursue_withdraw
        if shape is None or shape.index <= PURSUIT_SHOWN:
            continue
        counted[shape.pursuer].pursued += 1
        counted[shape.withdrawer].withdrew += 1
    return list(counted.values())


def tally_days(
    talk: Iterable[ChatMessage], readings: Iterable[Reading], zone: tzinfo
) -> dict[date, Tally]:
    """Estimated positive and negative messages per local calendar day (a 23- or 25-hour DST
    day is still one day), counted as the ledger's estimated moments."""
    days: dict[date, list[int]] = {}
    for message, reading in zip(talk, readings, strict=True):
        day = days.setdefault(message.sent_at.astimezone(zone).date(), [0, 0])
        day[0] += _is_positive(reading)
        day[1] += is_negative(reading)
    return {
        day: Tally(positive_estimated=positive, negative_estimated=negative)
        for day, (positive, negative) in days.items()
        if positive or negative
    }


def periods_by_day(days: dict[date, Tally], first: date, last: date) -> list[RatioPeriod]:
    return [RatioPeriod(d.isoformat(), d, d, days.get(d)) for d in days_between(first, last)]


def periods_by_week(days: dict[date, Tally], first: date, last: date) -> list[RatioPeriod]:
    """ISO weeks touching first..last, like the ledger's; None for a week with nothing."""
    weeks = []
    monday = week_of(first)[0]
    while monday <= last:
        sunday = monday + timedelta(days=6)
        found = [days[d] for d in days_between(monday, sunday) if d in days]
        total = sum(found, Tally()) if found else None
        weeks.append(RatioPeriod(week_of(monday)[1], monday, sunday, total))
        monday += timedelta(days=7)
    return weeks
