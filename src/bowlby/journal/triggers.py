"""Step 1, identify triggers: a quick log for the moment it happens, and the patterns it shows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from pydantic import Field, field_validator

from bowlby import models
from bowlby.journal import vocabulary
from bowlby.journal.records import (
    Rating10,
    RecordInput,
    RecordView,
    ShortText,
    clean_tags,
    draft_of,
    split_list,
    view_fields,
)

KIND = "trigger"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
TIMES_OF_DAY = (("night", 0, 6), ("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24))


class TriggerInput(RecordInput):
    what_happened: ShortText
    partner_action: str
    partner_action_detail: ShortText = ""
    urge: str
    strength: Rating10
    tags: list[str] = Field(default_factory=list)

    @field_validator("partner_action")
    @classmethod
    def _known_action(cls, value: str) -> str:
        return vocabulary.pick(vocabulary.partner_actions(), value, "partner_action").id

    @field_validator("urge")
    @classmethod
    def _known_urge(cls, value: str) -> str:
        return vocabulary.pick(vocabulary.urges(), value, "urge").id


class TriggerView(RecordView):
    what_happened: str
    partner_action: str
    partner_action_label: str
    partner_action_detail: str
    urge: str
    urge_label: str
    urge_direction: str
    strength: int
    tags: list[str]


def trigger_draft(log: TriggerInput) -> models.EntryDraft:
    urge = vocabulary.pick(vocabulary.urges(), log.urge, "urge")
    values: dict[str, models.PlainValue] = {
        "partner_action": log.partner_action,
        "urge": log.urge,
        "urge_direction": urge.detail,
        "strength": log.strength,
    }
    text = {
        "what_happened": log.what_happened,
        "partner_action_detail": log.partner_action_detail,
        "tags": ",".join(clean_tags(log.tags)),
    }
    return draft_of(log, KIND, values, text)


def trigger_view(entry: models.Entry) -> TriggerView:
    action, urge = str(entry.values.get("partner_action")), str(entry.values.get("urge"))
    return TriggerView(
        **view_fields(entry),
        what_happened=entry.text.get("what_happened", ""),
        partner_action=action,
        partner_action_label=vocabulary.label_of(vocabulary.partner_actions(), action),
        partner_action_detail=entry.text.get("partner_action_detail", ""),
        urge=urge,
        urge_label=vocabulary.label_of(vocabulary.urges(), urge),
        urge_direction=str(entry.values.get("urge_direction") or "other"),
        strength=int(entry.values.get("strength") or 0),  # type: ignore[arg-type]
        tags=split_list(entry.text.get("tags")),
    )


@dataclass(frozen=True)
class Ranked:
    """One recurring trigger: how often, how strong on average."""

    key: str
    label: str
    count: int
    mean_strength: float


@dataclass(frozen=True)
class TriggerPatterns:
    total: int
    actions: tuple[Ranked, ...]
    tags: tuple[Ranked, ...]
    urges: tuple[Ranked, ...]
    by_time_of_day: dict[str, int]
    by_weekday: dict[str, int]
    protest_share: float | None


def find_trigger_patterns(logs: Sequence[TriggerView], zone: tzinfo) -> TriggerPatterns:
    """Recurring triggers ranked by how often they come (then how strong), and when."""
    by_day = dict.fromkeys(WEEKDAYS, 0)
    by_time = {name: 0 for name, _, _ in TIMES_OF_DAY}
    for log in logs:
        local = log.occurred_at.astimezone(zone)
        by_day[WEEKDAYS[local.weekday()]] += 1
        by_time[next(n for n, start, end in TIMES_OF_DAY if start <= local.hour < end)] += 1
    directions = Counter(log.urge_direction for log in logs)
    leaning = directions["protest"] + directions["withdrawal"]
    return TriggerPatterns(
        total=len(logs),
        actions=_rank(
            [(log.partner_action, log.partner_action_label, log.strength) for log in logs]
        ),
        tags=_rank([(tag, tag, log.strength) for log in logs for tag in log.tags]),
        urges=_rank([(log.urge, log.urge_label, log.strength) for log in logs]),
        by_time_of_day=by_time,
        by_weekday=by_day,
        protest_share=directions["protest"] / leaning if leaning else None,
    )


def _rank(items: Sequence[tuple[str, str, int]]) -> tuple[Ranked, ...]:
    grouped: dict[str, list[int]] = defaultdict(list)
    labels: dict[str, str] = {}
    for key, label, strength in items:
        grouped[key].append(strength)
        labels[key] = label
    ranked = [
        Ranked(key, labels[key], len(strengths), sum(strengths) / len(strengths))
        for key, strengths in grouped.items()
    ]
    return tuple(sorted(ranked, key=lambda r: (-r.count, -r.mean_strength, r.label)))
