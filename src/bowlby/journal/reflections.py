"""Guided journaling about where a pattern comes from: each answer to a prompt is an entry."""

from __future__ import annotations

from pydantic import field_validator

from bowlby import models
from bowlby.journal import vocabulary
from bowlby.journal.records import LongText, RecordInput, RecordView, draft_of, view_fields

KIND = "reflection"


class ReflectionInput(RecordInput):
    prompt_id: str
    answer: LongText

    @field_validator("prompt_id")
    @classmethod
    def _known_prompt(cls, value: str) -> str:
        return vocabulary.pick(vocabulary.prompts(), value, "prompt_id").id


class ReflectionView(RecordView):
    prompt_id: str
    prompt: str
    theme: str
    answer: str


def reflection_draft(reflection: ReflectionInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {"prompt_id": reflection.prompt_id}
    return draft_of(reflection, KIND, values, {"answer": reflection.answer})


def reflection_view(entry: models.Entry) -> ReflectionView:
    prompt_id = str(entry.values.get("prompt_id"))
    prompt = next((p for p in vocabulary.prompts() if p.id == prompt_id), None)
    return ReflectionView(
        **view_fields(entry),
        prompt_id=prompt_id,
        prompt=prompt.label if prompt else "",
        theme=prompt.detail if prompt else "",
        answer=entry.text.get("answer", ""),
    )
