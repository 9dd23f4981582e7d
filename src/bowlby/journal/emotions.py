"""Step 2, name the emotion: a family, a finer name, how strong, and the core fear beneath."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import model_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal import vocabulary
from bowlby.journal.records import (
    LongText,
    Rating10,
    RecordInput,
    RecordView,
    ShortText,
    draft_of,
    view_fields,
)

KIND = "emotion"


class EmotionInput(RecordInput):
    family: str
    name: str
    intensity: Rating10
    core_fear: str | None = None
    statement: ShortText = ""
    note: LongText = ""

    @model_validator(mode="after")
    def _known_words(self) -> EmotionInput:
        families = vocabulary.emotion_families()
        if self.family not in families:
            raise InputError(
                f"'{self.family}' is not one of: {', '.join(families)}.", field="family"
            )
        if self.name not in families[self.family]:
            raise InputError(
                f"'{self.name}' is not a name in the {self.family} family: "
                f"{', '.join(families[self.family])}.",
                field="name",
            )
        if self.core_fear:
            vocabulary.pick(vocabulary.core_fears(), self.core_fear, "core_fear")
        return self


class EmotionView(RecordView):
    family: str
    name: str
    intensity: int
    core_fear: str | None
    core_fear_label: str | None
    statement: str
    note: str


def suggested_statement(name: str, core_fear: str | None) -> str:
    """The 'I am feeling … right now' sentence offered as a prompt."""
    if core_fear:
        return vocabulary.pick(vocabulary.core_fears(), core_fear, "core_fear").detail
    return f"I am feeling {name} right now."


def emotion_draft(note: EmotionInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {
        "family": note.family,
        "name": note.name,
        "intensity": note.intensity,
        "core_fear": note.core_fear,
    }
    statement = note.statement or suggested_statement(note.name, note.core_fear)
    return draft_of(note, KIND, values, {"statement": statement, "note": note.note})


def emotion_view(entry: models.Entry) -> EmotionView:
    fear = entry.values.get("core_fear")
    return EmotionView(
        **view_fields(entry),
        family=str(entry.values.get("family")),
        name=str(entry.values.get("name")),
        intensity=int(entry.values.get("intensity") or 0),  # type: ignore[arg-type]
        core_fear=str(fear) if fear else None,
        core_fear_label=vocabulary.label_of(vocabulary.core_fears(), str(fear)) if fear else None,
        statement=entry.text.get("statement", ""),
        note=entry.text.get("note", ""),
    )


def count_emotions(notes: Sequence[EmotionView]) -> list[tuple[str, int, float]]:
    """(name, times named, mean intensity), most often named first."""
    counts = Counter(note.name for note in notes)
    totals: dict[str, int] = {}
    for note in notes:
        totals[note.name] = totals.get(note.name, 0) + note.intensity
    return sorted(
        ((name, count, totals[name] / count) for name, count in counts.items()),
        key=lambda row: (-row[1], -row[2], row[0]),
    )
