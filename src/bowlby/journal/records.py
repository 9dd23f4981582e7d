"""Shared shape of the five steps' records: an input model turns into an entry draft
(plain categories and numbers, encrypted text), and an entry reads back as a view."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from bowlby import models

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2_000)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]


def _some_words(value: str) -> str:
    if not value:
        raise ValueError("write a few words about what happened")
    return value


# What happened, which a record of a moment cannot be without (a rupture, an unsaid hurt).
WhatHappened = Annotated[ShortText, AfterValidator(_some_words)]
Rating10 = Annotated[int, Field(ge=0, le=10)]
Rating100 = Annotated[int, Field(ge=0, le=100)]


class RecordInput(BaseModel):
    """What every step's form has: when it happened and who else may read it."""

    model_config = ConfigDict(extra="forbid")

    occurred_at: AwareDatetime
    shared_with_partner: bool = False
    shared_with_therapist: bool = False


class RecordView(BaseModel):
    """What every step's record shows: the entry behind it."""

    id: str
    owner_name: str
    occurred_at: datetime
    updated_at: datetime
    shared_with_partner: bool
    shared_with_therapist: bool


def draft_of(
    record: RecordInput,
    kind: str,
    values: dict[str, models.PlainValue],
    text: dict[str, str],
) -> models.EntryDraft:
    return models.EntryDraft(
        kind=kind,
        occurred_at=record.occurred_at,
        values=values,
        text={key: value for key, value in text.items() if value},
        shared_with_partner=record.shared_with_partner,
        shared_with_therapist=record.shared_with_therapist,
    )


def revised_draft(
    entry: models.Entry, values: Mapping[str, models.PlainValue], text: Mapping[str, str]
) -> models.EntryDraft:
    """The same record with new values and text (empty text dropped), its kind, time and
    sharing kept: a repair, a follow-up or a resolution updates the entry it belongs to."""
    return models.EntryDraft(
        kind=entry.kind,
        occurred_at=entry.occurred_at,
        values=dict(values),
        text={key: value for key, value in text.items() if value},
        shared_with_partner=entry.shared_with_partner,
        shared_with_therapist=entry.shared_with_therapist,
    )


def view_fields(entry: models.Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "owner_name": entry.owner_name,
        "occurred_at": entry.occurred_at,
        "updated_at": entry.updated_at,
        "shared_with_partner": entry.shared_with_partner,
        "shared_with_therapist": entry.shared_with_therapist,
    }


def split_list(value: models.PlainValue) -> list[str]:
    """A comma-separated plain value as a list (categories, ids)."""
    return [part for part in str(value or "").split(",") if part]


def clean_tags(tags: list[str]) -> list[str]:
    """Lower-case, trimmed, de-duplicated tags, in the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = " ".join(tag.replace(",", " ").split()).lower()[:40]
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)
