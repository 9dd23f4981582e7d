"""Step 4, build a secure model: a journal of moments the partner was reliable and caring,
and a calm "remember when" that brings one back."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import field_validator

from bowlby import models
from bowlby.journal.records import LongText, RecordInput, RecordView, draft_of, view_fields

KIND = "success"
QUALITIES = {
    "reliable": "reliable: did what they said",
    "caring": "caring: looked after me",
    "responsive": "responsive: answered when I reached out",
    "repaired": "repaired: came back after a rupture",
    "accepting": "accepting: let me be myself",
    "other": "something else",
}
FRESH_DAYS = 3


class SuccessInput(RecordInput):
    what_happened: LongText
    quality: str = "other"

    @field_validator("what_happened")
    @classmethod
    def _not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("write a few words about the moment")
        return value

    @field_validator("quality")
    @classmethod
    def _known_quality(cls, value: str) -> str:
        if value not in QUALITIES:
            raise ValueError(f"choose one of: {', '.join(QUALITIES)}")
        return value


class SuccessView(RecordView):
    what_happened: str
    quality: str
    quality_label: str


def success_draft(moment: SuccessInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {"quality": moment.quality}
    return draft_of(moment, KIND, values, {"what_happened": moment.what_happened})


def success_view(entry: models.Entry) -> SuccessView:
    quality = str(entry.values.get("quality") or "other")
    return SuccessView(
        **view_fields(entry),
        what_happened=entry.text.get("what_happened", ""),
        quality=quality,
        quality_label=QUALITIES.get(quality, quality),
    )


def remember_when(moments: Sequence[SuccessView], today: date) -> SuccessView | None:
    """One moment for today: the same all day, older than a few days when there are some."""
    if not moments:
        return None
    older = [m for m in moments if m.occurred_at.date() <= today - timedelta(days=FRESH_DAYS)]
    pool = sorted(older or moments, key=lambda m: (m.occurred_at, m.id))
    return random.Random(today.toordinal()).choice(pool)  # noqa: S311 - not for security
