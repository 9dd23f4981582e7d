"""The journal forms: what the browser posts, kept exactly as typed, turned into the journal
models' inputs or into an InputError naming the field, so a page can show both again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Self, TypeVar

from pydantic import BaseModel, Field, ValidationError

from bowlby.errors import InputError, first_problem
from bowlby.journal import emotions, records, reflections, successes, thought_records, triggers
from bowlby.web import journal_messages as say
from bowlby.web.forms import local_input, parse_local

Input = TypeVar("Input", bound=records.RecordInput)


class StepForm(BaseModel):
    """What every step's form has: when, and who else may read it (nobody unless ticked)."""

    occurred_at: str = ""
    share_partner: bool = False
    share_therapist: bool = False

    @classmethod
    def blank(cls, now: datetime | None = None, **values: Any) -> Self:
        return cls(occurred_at=local_input(now or datetime.now(UTC)), **values)

    def build(self, model: type[Input], **values: Any) -> Input:
        """The journal model's input, or an InputError on the first field that is wrong."""
        try:
            return model(
                occurred_at=parse_local(self.occurred_at),
                shared_with_partner=self.share_partner,
                shared_with_therapist=self.share_therapist,
                **values,
            )
        except ValidationError as error:
            field, message = first_problem(error)
            raise InputError(message[:1].upper() + message[1:] + ".", field=field) from error


class TriggerForm(StepForm):
    what_happened: str = ""
    partner_action: str = ""
    partner_action_detail: str = ""
    urge: str = ""
    strength: str = ""
    tags: str = ""

    def to_input(self) -> triggers.TriggerInput:
        require(self.what_happened, "what_happened", say.WRITE_WHAT_HAPPENED)
        require(self.partner_action, "partner_action", say.CHOOSE_PARTNER_ACTION)
        require(self.urge, "urge", say.CHOOSE_URGE)
        return self.build(
            triggers.TriggerInput,
            what_happened=self.what_happened,
            partner_action=self.partner_action,
            partner_action_detail=self.partner_action_detail,
            urge=self.urge,
            strength=whole_number(self.strength, 10, "strength", say.CHOOSE_STRENGTH),
            tags=self.tags.split(","),
        )


class EmotionForm(StepForm):
    feeling: str = ""  # "family/name", one radio group across the families' fieldsets
    core_fear: str = ""
    intensity: str = ""
    statement: str = ""
    note: str = ""

    def to_input(self) -> emotions.EmotionInput:
        require(self.feeling, "feeling", say.CHOOSE_FEELING)
        family, _, name = self.feeling.partition("/")
        values = {
            "family": family,
            "name": name,
            "intensity": whole_number(self.intensity, 10, "intensity", say.CHOOSE_INTENSITY),
            "core_fear": self.core_fear or None,
            "statement": self.statement,
            "note": self.note,
        }
        try:
            return self.build(emotions.EmotionInput, **values)
        except InputError as error:
            if error.field in ("family", "name"):
                raise InputError(error.detail, field="feeling") from error
            raise

    def suggested(self) -> str:
        """The 'I am feeling … right now' sentence for the choice made (checked first)."""
        note = self.to_input()
        return emotions.suggested_statement(note.name, note.core_fear)


class ThoughtForm(StepForm):
    situation: str = ""
    automatic_thought: str = ""
    belief_before: str = ""
    distortions: list[str] = Field(default_factory=list)
    evidence_for: str = ""
    evidence_against: str = ""
    evidence_success_ids: list[str] = Field(default_factory=list)
    balanced_thought: str = ""
    belief_after: str = ""

    @classmethod
    def of_view(cls, view: thought_records.ThoughtRecordView) -> ThoughtForm:
        after = view.belief_after
        return cls(
            occurred_at=local_input(view.occurred_at),
            share_partner=view.shared_with_partner,
            share_therapist=view.shared_with_therapist,
            situation=view.situation,
            automatic_thought=view.automatic_thought,
            belief_before=str(view.belief_before),
            distortions=view.distortions,
            evidence_for=view.evidence_for,
            evidence_against=view.evidence_against,
            evidence_success_ids=view.evidence_success_ids,
            balanced_thought=view.balanced_thought,
            belief_after="" if after is None else str(after),
        )

    def to_input(self) -> thought_records.ThoughtRecordInput:
        require(self.automatic_thought, "automatic_thought", say.WRITE_THOUGHT)
        after = None
        if self.belief_after.strip():
            after = whole_number(self.belief_after, 100, "belief_after", say.RATE_BELIEF_AFTER)
        return self.build(
            thought_records.ThoughtRecordInput,
            situation=self.situation,
            automatic_thought=self.automatic_thought,
            belief_before=whole_number(self.belief_before, 100, "belief_before", say.RATE_BELIEF),
            distortions=self.distortions,
            evidence_for=self.evidence_for,
            evidence_against=self.evidence_against,
            evidence_success_ids=self.evidence_success_ids,
            balanced_thought=self.balanced_thought,
            belief_after=after,
        )


class SuccessForm(StepForm):
    what_happened: str = ""
    quality: str = ""

    def to_input(self) -> successes.SuccessInput:
        require(self.what_happened, "what_happened", say.WRITE_SUCCESS)
        return self.build(
            successes.SuccessInput,
            what_happened=self.what_happened,
            quality=self.quality or "other",
        )


class ReflectionForm(StepForm):
    prompt_id: str = ""
    answer: str = ""

    def to_input(self) -> reflections.ReflectionInput:
        require(self.answer, "answer", say.WRITE_ANSWER)
        return self.build(reflections.ReflectionInput, prompt_id=self.prompt_id, answer=self.answer)


def require(value: str, field: str, message: str) -> None:
    if not value.strip():
        raise InputError(message, field=field)


def whole_number(value: str, top: int, field: str, message: str) -> int:
    """A whole number from 0 to ``top`` as typed or chosen, or the field's own message."""
    try:
        number = int(value.strip())
    except ValueError:
        raise InputError(message, field=field) from None
    if not 0 <= number <= top:
        raise InputError(message, field=field)
    return number
