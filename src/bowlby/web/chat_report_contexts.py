"""A chat report's one typed context: rendered by chat_report.html and returned by
GET /api/chats/{chat_id}/report. Only the profile that imported the chat gets one (the service
refuses everyone else); in safety mode the coaching is left out and the facts stay."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.chats import report_text as say
from bowlby.chats.chat_report import ChatReport
from bowlby.chats.episodes import Episode
from bowlby.chats.timing import PersonTiming as TimingOfPerson
from bowlby.insights import plot_catalogue
from bowlby.services import chat_report
from bowlby.services.records import PAUSED_FOR_SAFETY
from bowlby.store.engine import Store
from bowlby.web.practice_ratio_contexts import ChartFigure, PeriodRow


class PersonTiming(BaseModel):
    name: str
    messages: int
    replies: int
    median_reply_seconds: float | None
    p90_reply_seconds: float | None
    bursts: int
    longest_burst: int
    burst_messages: int
    initiations: int
    latency: str
    burst: str


class WeekRow(BaseModel):
    label: str
    monday: date
    messages: int
    negative: int
    positive: int
    negative_share: float
    episodes: int


class FlaggedMessage(BaseModel):
    sent_at: datetime
    time: str
    sender: str
    mine: bool
    text: str
    why: str


class EpisodeView(BaseModel):
    started_at: datetime
    ended_at: datetime
    summary: str
    ending: str
    duration_seconds: float
    time_to_repair_seconds: float | None
    repaired_by: str | None
    messages: dict[str, int]
    negative: dict[str, int]
    pursue_withdraw_index: float | None
    pursue_withdraw: str | None
    risk_note: str | None
    flagged: list[FlaggedMessage]


class RatioSummary(BaseModel):
    positive: int
    negative: int
    ratio: float | None
    described: str
    weeks: list[PeriodRow]
    note: str


class ChatReportPage(BaseModel):
    chat_id: str
    name: str
    me: str
    people: list[str]
    zone: str
    since: date | None
    until: date | None
    messages: int
    first_at: datetime | None
    last_at: datetime | None
    timing: list[PersonTiming]
    asymmetry: str | None
    initiations: str
    timing_note: str
    trend: list[str]
    weeks: list[WeekRow]
    episodes_total: int
    endings: dict[str, int]
    episodes_line: str
    episodes_note: str
    top_episodes: list[EpisodeView]
    ratio: RatioSummary
    pursuit: list[str]
    pursue_note: str
    charts: list[ChartFigure]
    coaching: list[str]
    paused_message: str | None


def build_chat_report_page(
    store: Store,
    keyring: models.Keyring,
    chat_id: str,
    zone: tzinfo,
    *,
    since: date | None = None,
    until: date | None = None,
    with_svg: bool = True,
) -> ChatReportPage:
    start, end = chat_report.window_of(zone, since, until)
    result = chat_report.build_chat_report(store, keyring, chat_id, zone, since=start, until=end)
    report = result.report
    people = sorted(report.timing.people, key=lambda p: report.people.index(p.name))
    return ChatReportPage(
        chat_id=result.chat.id,
        name=result.chat.name,
        me=report.me,
        people=report.people,
        zone=str(zone),
        since=since,
        until=until,
        messages=len(report.talk),
        first_at=report.first_at,
        last_at=report.last_at,
        timing=[_timing(person) for person in people],
        asymmetry=say.asymmetry_line(report.timing),
        initiations=say.initiation_line(people) if people else "",
        timing_note=say.TIMING_NOTE,
        trend=say.trend_lines(report.trend),
        weeks=[WeekRow(negative_share=w.negative_share, **vars(w)) for w in report.weeks],
        episodes_total=len(report.episodes),
        endings=report.endings,
        episodes_line=say.episodes_line(len(report.episodes), report.endings),
        episodes_note=say.EPISODES_NOTE,
        top_episodes=[
            _episode(report, e, zone, risky=e.first in result.risky) for e in report.top_episodes()
        ],
        ratio=_ratio(report),
        pursuit=[say.pursuit_line(person) for person in report.pursuit],
        pursue_note=say.PURSUE_NOTE,
        charts=_charts(report, zone) if with_svg and report.talk else [],
        coaching=[] if result.coaching_paused else list(say.COACHING),
        paused_message=PAUSED_FOR_SAFETY if result.coaching_paused else None,
    )


def _timing(person: TimingOfPerson) -> PersonTiming:
    return PersonTiming(
        name=person.name,
        messages=person.messages,
        replies=person.replies,
        median_reply_seconds=person.median_reply,
        p90_reply_seconds=person.p90_reply,
        bursts=person.bursts,
        longest_burst=person.longest_burst,
        burst_messages=person.burst_messages,
        initiations=person.initiations,
        latency=say.latency_line(person),
        burst=say.burst_line(person),
    )


def _episode(report: ChatReport, episode: Episode, zone: tzinfo, *, risky: bool) -> EpisodeView:
    repair = episode.time_to_repair
    shape = episode.pursue_withdraw
    return EpisodeView(
        started_at=episode.started_at,
        ended_at=episode.ended_at,
        summary=say.episode_summary(episode, zone),
        ending=episode.ending,
        duration_seconds=episode.duration.total_seconds(),
        time_to_repair_seconds=None if repair is None else repair.total_seconds(),
        repaired_by=episode.repaired_by,
        messages=episode.messages,
        negative=episode.negative,
        pursue_withdraw_index=None if shape is None else round(shape.index, 3),
        pursue_withdraw=say.pursue_withdraw_line(episode),
        risk_note=say.RISK_IN_EPISODE if risky else None,
        flagged=[_flagged(report, index, zone) for index in episode.flagged],
    )


def _flagged(report: ChatReport, index: int, zone: tzinfo) -> FlaggedMessage:
    message = report.talk[index]
    return FlaggedMessage(
        sent_at=message.sent_at,
        time=f"{message.sent_at.astimezone(zone):%H:%M}",
        sender=message.sender,
        mine=message.sender == report.me,
        text=message.text,
        why=say.flagged_reasons(report, index),
    )


def _ratio(report: ChatReport) -> RatioSummary:
    total = report.ratio_total
    ratio = total.ratio
    return RatioSummary(
        positive=total.positive,
        negative=total.negative,
        ratio=None if ratio is None else round(ratio, 2),
        described=say.ratio_line(total),
        weeks=[PeriodRow.of(week) for week in reversed(report.ratio_weeks)],
        note=say.ESTIMATED_NOTE,
    )


def _charts(report: ChatReport, zone: tzinfo) -> list[ChartFigure]:
    """The catalogue's three chat plots (the ones `bowlby plot chat-… --chat ID` writes)."""
    drawn = [plot_catalogue.chat(name, report, zone) for name in plot_catalogue.CHAT_PLOTS]
    return [
        ChartFigure(title=d.title, description=d.description, svg=d.svg())
        for d in drawn
        if d is not None
    ]
