"""'Talk about how we talk': a guided conversation in which a couple put their positions, their
cycle and their chats side by side, name the pattern as the common enemy and agree one change
each. The sitting is one entry, written by whoever holds the keyboard, shared with the partner
unless unticked; alone, it is private preparation and the second change is only a hope.

The side-by-side material is built here from pure results (positions, loops, chat reports);
who may see what is decided by the use cases before anything reaches these functions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    computed_field,
    field_validator,
)

from bowlby import models
from bowlby.assess.styles import Position
from bowlby.chats.chat_report import ChatReport
from bowlby.chats.timing import percentile
from bowlby.errors import InputError
from bowlby.journal.records import (
    RecordInput,
    RecordView,
    ShortText,
    draft_of,
    revised_draft,
    split_list,
    view_fields,
)
from bowlby.practice.cycle_maps import CycleLoop, LoopLane
from bowlby.practice.repair_attempts import format_minutes

KIND = "how_we_talk"
PatternName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Went = Literal["better", "mixed", "not_yet"]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("bowlby.practice").joinpath("data", "how_we_talk.json")
    data: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return data


class StepLink(BaseModel):
    href: str
    label: str


class Step(BaseModel):
    """One numbered part of the conversation, its words kept as data."""

    id: str
    number: int
    title: str
    body: list[str]
    link: StepLink | None = None


@cache
def steps() -> tuple[Step, ...]:
    return tuple(Step(number=n, **step) for n, step in enumerate(_data()["steps"], start=1))


def wording(key: str) -> str:
    """One sentence of the script's wording (title, lead, not_shared, …)."""
    return str(_data()[key])


def went_labels() -> dict[str, str]:
    return dict(_data()["went"])


class TalkInput(RecordInput):
    """What the sitting agreed: the pattern's name, one change each, and what else was said.
    Shared with the partner unless unticked (the conversation was had together)."""

    shared_with_partner: bool = True
    pattern: PatternName
    my_change: ShortText
    their_change: ShortText = ""
    appreciation: ShortText = ""
    notes: ShortText = ""
    cycle_id: str | None = None
    steps_done: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value:
            raise InputError(
                "give the pattern a name, in a few words of your own.", field="pattern"
            )
        return value

    @field_validator("my_change")
    @classmethod
    def _one_change(cls, value: str) -> str:
        if not value:
            raise InputError("write your one change: when … happens, I will ….", field="my_change")
        return value

    @field_validator("steps_done")
    @classmethod
    def _known_steps(cls, value: list[str]) -> list[str]:
        known = [step.id for step in steps()]
        unknown = [step for step in value if step not in known]
        if unknown:
            raise InputError(
                f"'{unknown[0]}' is not a step of the conversation.", field="steps_done"
            )
        return value

    @field_validator("cycle_id")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value else None


class FollowUpInput(BaseModel):
    """How it went afterwards: a category and a few words."""

    model_config = ConfigDict(extra="forbid")

    went: Went
    note: ShortText = ""
    at: AwareDatetime = Field(default_factory=lambda: datetime.now(UTC))


class TalkView(RecordView):
    owner_id: str
    pattern: str
    my_change: str
    their_change: str
    partner_name: str | None
    appreciation: str
    notes: str
    cycle_id: str | None
    steps_done: list[str]
    steps_total: int
    went: str | None
    went_label: str | None
    follow_up_note: str
    followed_up_at: datetime | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def together(self) -> bool:
        return self.partner_name is not None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def common_enemy(self) -> str:
        return wording("common_enemy").format(name=self.pattern)

    def changes(self) -> list[tuple[str, str]]:
        """(whose, change) for both changes, named from the writer's side: alone, the second
        is a hope, never words put in the partner's mouth."""
        theirs = f"{self.partner_name}'s change" if self.partner_name else wording("alone_label")
        return [(f"{self.owner_name}'s change", self.my_change), (theirs, self.their_change)]


def talk_draft(talk: TalkInput, partner_name: str | None) -> models.EntryDraft:
    """The sitting as one entry; alone (no partner) it stays private."""
    done = set(talk.steps_done) | {"name", "change"}
    if partner_name is None:
        talk = talk.model_copy(update={"shared_with_partner": False})
    values: dict[str, models.PlainValue] = {
        "cycle_id": talk.cycle_id,
        "steps_done": ",".join(step.id for step in steps() if step.id in done),
        "steps_total": len(steps()),
        "together": partner_name is not None,
    }
    text = {
        "pattern": talk.pattern,
        "my_change": talk.my_change,
        "their_change": talk.their_change,
        "appreciation": talk.appreciation,
        "notes": talk.notes,
        "partner_name": partner_name or "",
    }
    return draft_of(talk, KIND, values, text)


def followed_up_draft(entry: models.Entry, follow_up: FollowUpInput) -> models.EntryDraft:
    """The same entry with how it went added (the earlier version is kept by the caller)."""
    values = {**entry.values, "went": follow_up.went, "followed_up_at": follow_up.at.isoformat()}
    return revised_draft(entry, values, {**entry.text, "follow_up": follow_up.note})


def talk_view(entry: models.Entry) -> TalkView:
    went = str(entry.values.get("went") or "") or None
    followed = entry.values.get("followed_up_at")
    return TalkView(
        **view_fields(entry),
        owner_id=entry.owner_id,
        pattern=entry.text.get("pattern", ""),
        my_change=entry.text.get("my_change", ""),
        their_change=entry.text.get("their_change", ""),
        partner_name=entry.text.get("partner_name") or None,
        appreciation=entry.text.get("appreciation", ""),
        notes=entry.text.get("notes", ""),
        cycle_id=str(entry.values.get("cycle_id") or "") or None,
        steps_done=split_list(entry.values.get("steps_done")),
        steps_total=int(entry.values.get("steps_total") or len(steps())),  # type: ignore[arg-type]
        went=went,
        went_label=went_labels().get(went) if went else None,
        follow_up_note=entry.text.get("follow_up", ""),
        followed_up_at=datetime.fromisoformat(str(followed)) if followed else None,
    )


# The side-by-side material --------------------------------------------------------------------


class PositionSide(BaseModel):
    """One person's latest position as the viewer may see it, or why it is not shown."""

    name: str
    shown: bool
    region_label: str | None = None
    anxiety: float | None = None
    avoidance: float | None = None
    sentence: str | None = None
    missing: str | None = None


def position_side(name: str, position: Position | None, *, mine: bool) -> PositionSide:
    """A position, or 'no result yet' (one's own) / 'not shared with you' (the partner's:
    never saying whether they took one)."""
    if position is None:
        missing = wording("no_result") if mine else wording("not_shared")
        return PositionSide(name=name, shown=False, missing=missing)
    return PositionSide(
        name=name,
        shown=True,
        region_label=position.region_label,
        anxiety=round(position.anxiety, 2),
        avoidance=round(position.avoidance, 2),
        sentence=position.sentences[0] if position.sentences else None,
    )


class CycleLaneView(BaseModel):
    """One person's side of a cycle: their move and the fear beneath, as far as visible."""

    legend: str
    filled: bool
    guess: bool
    move: str
    fear: str


class CycleSummary(BaseModel):
    id: str
    name: str
    lanes: list[CycleLaneView]


def cycle_summary(cycle_id: str, loop: CycleLoop) -> CycleSummary:
    return CycleSummary(id=cycle_id, name=loop.name, lanes=[_lane(loop.first), _lane(loop.second)])


def _lane(lane: LoopLane) -> CycleLaneView:
    side = lane.side
    if side is None:
        return CycleLaneView(legend=lane.legend, filled=False, guess=False, move="", fear="")
    move = "; ".join(
        part for part in (side.move_label if side.move != "other" else "", side.do) if part
    )
    fear = "; ".join(part for part in (side.core_fear_label or "", side.feel) if part)
    return CycleLaneView(
        legend=lane.legend, filled=True, guess=bool(lane.guessed_by), move=move, fear=fear
    )


class PursuitCount(BaseModel):
    name: str
    pursued: int
    withdrew: int


class ChatFigures(BaseModel):
    """A chat's headline figures: who pursued and who withdrew, the tense share, the
    warm-to-tense ratio and the median time from an episode's start to its repair."""

    chat_id: str
    name: str
    messages: int
    episodes: int
    pursuit: list[PursuitCount]
    tense_share: float | None
    ratio: float | None
    median_repair: str | None


def chat_figures(chat_id: str, name: str, report: ChatReport) -> ChatFigures:
    messages = sum(week.messages for week in report.weeks)
    tense = sum(week.negative for week in report.weeks)
    repairs = [
        e.time_to_repair.total_seconds() for e in report.episodes if e.time_to_repair is not None
    ]
    median = percentile(repairs, 0.5)
    ratio = report.ratio_total.ratio
    return ChatFigures(
        chat_id=chat_id,
        name=name,
        messages=messages,
        episodes=len(report.episodes),
        pursuit=[
            PursuitCount(name=p.name, pursued=p.pursued, withdrew=p.withdrew)
            for p in report.pursuit
            if p.pursued or p.withdrew
        ],
        tense_share=round(tense / messages, 3) if messages else None,
        ratio=round(ratio, 1) if ratio is not None else None,
        median_repair=format_minutes(median / 60) if median is not None else None,
    )


class TalkMaterial(BaseModel):
    """Everything the walk shows the viewer, side by side, before the form."""

    me: str
    partner_name: str | None
    positions: list[PositionSide]
    cycles: list[CycleSummary]
    chats: list[ChatFigures]
    steps: list[Step]
