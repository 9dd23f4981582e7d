"""Step 3, challenge the narrative: a CBT thought record, with the belief rated before and
after, and moments from the secure-model journal offered as evidence against."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import Field, field_validator

from bowlby import models
from bowlby.journal import vocabulary
from bowlby.journal.records import (
    LongText,
    Rating100,
    RecordInput,
    RecordView,
    ShortText,
    draft_of,
    split_list,
    view_fields,
)

KIND = "thought_record"


class ThoughtRecordInput(RecordInput):
    situation: ShortText
    automatic_thought: ShortText
    belief_before: Rating100
    distortions: list[str] = Field(default_factory=list)
    evidence_for: LongText = ""
    evidence_against: LongText = ""
    evidence_success_ids: list[str] = Field(default_factory=list)
    balanced_thought: LongText = ""
    belief_after: Rating100 | None = None

    @field_validator("distortions")
    @classmethod
    def _known_distortions(cls, value: list[str]) -> list[str]:
        known = vocabulary.distortions()
        return list(dict.fromkeys(vocabulary.pick(known, d, "distortions").id for d in value))


class ThoughtRecordView(RecordView):
    situation: str
    automatic_thought: str
    belief_before: int
    belief_after: int | None
    distortions: list[str]
    evidence_for: str
    evidence_against: str
    evidence_success_ids: list[str]
    balanced_thought: str

    @property
    def belief_drop(self) -> int | None:
        """How far the belief fell after the record (positive: it loosened its grip)."""
        return None if self.belief_after is None else self.belief_before - self.belief_after


def thought_record_draft(record: ThoughtRecordInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {
        "belief_before": record.belief_before,
        "belief_after": record.belief_after,
        "distortions": ",".join(record.distortions),
        "evidence_success_ids": ",".join(record.evidence_success_ids),
    }
    text = {
        "situation": record.situation,
        "automatic_thought": record.automatic_thought,
        "evidence_for": record.evidence_for,
        "evidence_against": record.evidence_against,
        "balanced_thought": record.balanced_thought,
    }
    return draft_of(record, KIND, values, text)


def thought_record_view(entry: models.Entry) -> ThoughtRecordView:
    after = entry.values.get("belief_after")
    return ThoughtRecordView(
        **view_fields(entry),
        situation=entry.text.get("situation", ""),
        automatic_thought=entry.text.get("automatic_thought", ""),
        belief_before=int(entry.values.get("belief_before") or 0),  # type: ignore[arg-type]
        belief_after=None if after is None else int(after),  # type: ignore[arg-type]
        distortions=split_list(entry.values.get("distortions")),
        evidence_for=entry.text.get("evidence_for", ""),
        evidence_against=entry.text.get("evidence_against", ""),
        evidence_success_ids=split_list(entry.values.get("evidence_success_ids")),
        balanced_thought=entry.text.get("balanced_thought", ""),
    )


@dataclass(frozen=True)
class BeliefChange:
    completed: int
    mean_before: float | None
    mean_after: float | None
    mean_drop: float | None
    distortion_counts: tuple[tuple[str, int], ...]


def summarise_belief_change(records: Sequence[ThoughtRecordView]) -> BeliefChange:
    """The average drop over records with a re-rating, and the distortions tagged most."""
    done = [r for r in records if r.belief_after is not None]
    counts: dict[str, int] = {}
    for record in records:
        for distortion in record.distortions:
            counts[distortion] = counts.get(distortion, 0) + 1
    ranked = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    if not done:
        return BeliefChange(0, None, None, None, ranked)
    before = sum(r.belief_before for r in done) / len(done)
    after = sum(r.belief_after or 0 for r in done) / len(done)
    return BeliefChange(len(done), before, after, before - after, ranked)
