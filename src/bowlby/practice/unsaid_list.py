"""The unsaid list, for the 'filing cabinet' habit: a grievance noted when it happens instead of
stored silently, its age in plain words, a gentle nudge to raise old items at the check-in with
a gentle start-up ("I feel … about … I need …"), and how raising it went, or letting it go.

An item is always private: it is reflection, not a message, so it is never shared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    computed_field,
    field_validator,
)

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import (
    Rating10,
    RecordInput,
    RecordView,
    ShortText,
    WhatHappened,
    revised_draft,
    view_fields,
)

KIND = "unsaid_item"
# Two local calendar days: the same day is often too raw to raise calmly, and by the second
# day a thing not said has started to be filed away. From then on it is ready to raise.
READY_AFTER_DAYS = 2
NUDGE_MOST = 3  # the check-in names at most this many, oldest first
ABOUT_CHARS = 80  # the template's "about …" is what happened, shortened to this
# Sentence-opening words that read on in lower case after "about" (names stay as typed).
LOWER_AFTER_ABOUT = frozenset(
    [
        "You",
        "Your",
        "The",
        "He",
        "She",
        "They",
        "We",
        "My",
        "Our",
        "His",
        "Her",
        "Their",
        "It",
        "A",
        "An",
        "When",
        "This",
        "That",
    ]
)
OUTCOMES = {
    "well": "went well",
    "mixed": "mixed",
    "hard": "hard",
    "not_yet": "not yet talked",
}
OUTCOME_ALIASES = {
    "went well": "well",
    "good": "well",
    "not yet": "not_yet",
    "not yet talked": "not_yet",
}
STATUS_LABELS = {"open": "waiting", "raised": "raised", "let_go": "let go"}
NOT_SHARED = (
    "The unsaid list is only ever for you, so its items cannot be shared with anyone. "
    "It stays private; when you are ready, say it in your own words at a check-in."
)
NUDGE_OPENINGS = {
    1: "One thing has waited a while.",
    2: "Two things have waited a while.",
}
NUDGE_MANY = "A few things have waited a while."
NUDGE_ONE = "The check-in is a good place for it — only if it feels right today."
NUDGE_SOME = "The check-in is a good place for one of them — only if it feels right today."

Status = Literal["open", "raised", "let_go"]
Outcome = Literal["well", "mixed", "hard", "not_yet"]
FeelingWord = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)]
_RESOLUTION_VALUES = ("raised_at", "went", "let_go_at")
_RESOLUTION_TEXT = ("feel", "about", "need", "raise_note", "let_go_note")


class UnsaidInput(RecordInput):
    """A grievance as it happens: what, an optional feeling word, how much it stings (0–10)."""

    what_happened: WhatHappened
    feeling: FeelingWord = ""
    sting: Rating10 = 5

    @field_validator("shared_with_partner", "shared_with_therapist")
    @classmethod
    def _never_shared(cls, value: bool, info: ValidationInfo) -> bool:
        if value:
            raise InputError(NOT_SHARED, field=info.field_name)
        return value


class RaiseInput(BaseModel):
    """The item raised: when, the gentle start-up as said, how it went, an optional note."""

    model_config = ConfigDict(extra="forbid")

    raised_at: AwareDatetime
    feel: ShortText
    about: ShortText
    need: ShortText
    went: Outcome
    note: ShortText = ""

    @field_validator("feel", "about", "need")
    @classmethod
    def _said(cls, value: str) -> str:
        if not value:
            raise ValueError("finish each part of the sentence: I feel …, about …, I need …")
        return value

    @field_validator("went", mode="before")
    @classmethod
    def _known_outcome(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        cleaned = value.strip().lower().replace("-", " ")
        chosen = OUTCOME_ALIASES.get(cleaned, cleaned.replace(" ", "_"))
        if chosen not in OUTCOMES:
            names = ", ".join(key.replace("_", "-") for key in OUTCOMES)
            raise InputError(f"'{value}' is not one of: {names}.", field="went")
        return chosen


class LetGoInput(BaseModel):
    """Let it go without raising it: a real choice, with an optional note."""

    model_config = ConfigDict(extra="forbid")

    let_go_at: AwareDatetime
    note: ShortText = ""


class UnsaidView(RecordView):
    what_happened: str
    feeling: str
    sting: int
    status: Status
    raised_at: datetime | None
    feel: str
    about: str
    need: str
    went: Outcome | None
    went_label: str
    raise_note: str
    let_go_at: datetime | None
    let_go_note: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class StartupTemplate:
    """The gentle start-up, prefilled from the item, for the person to make their own."""

    feel: str
    about: str
    need: str


@dataclass(frozen=True)
class Nudge:
    """What the check-in says: one gentle sentence pair and the oldest items by name."""

    message: str
    items: tuple[UnsaidView, ...]


def unsaid_draft(item: UnsaidInput) -> models.EntryDraft:
    text = {"what_happened": item.what_happened, "feeling": item.feeling}
    return models.EntryDraft(
        kind=KIND,
        occurred_at=item.occurred_at,
        values={"sting": item.sting, "status": "open"},
        text={key: value for key, value in text.items() if value},
    )


def raised_draft(entry: models.Entry, raised: RaiseInput) -> models.EntryDraft:
    """The same entry, raised: a 'not yet talked' outcome keeps it open (and nudged)."""
    when = _not_before(entry, raised.raised_at, "raised_at")
    values = {
        "status": "open" if raised.went == "not_yet" else "raised",
        "raised_at": when.isoformat(),
        "went": raised.went,
    }
    text = {"feel": raised.feel, "about": raised.about, "need": raised.need}
    return _resolved(entry, values, {**text, "raise_note": raised.note})


def let_go_draft(entry: models.Entry, letting_go: LetGoInput) -> models.EntryDraft:
    when = _not_before(entry, letting_go.let_go_at, "let_go_at")
    values = {"status": "let_go", "let_go_at": when.isoformat()}
    return _resolved(entry, values, {"let_go_note": letting_go.note})


def _not_before(entry: models.Entry, when: datetime, field: str) -> datetime:
    """In UTC: two times of one zone compare by wall clock in Python, ignoring DST folds."""
    moment = when.astimezone(UTC)
    if moment < entry.occurred_at.astimezone(UTC):
        raise InputError("this cannot come before the item itself; check the time.", field=field)
    return moment


def _resolved(
    entry: models.Entry, values: Mapping[str, models.PlainValue], text: dict[str, str]
) -> models.EntryDraft:
    """The item with its earlier resolution replaced (the history keeps the old one)."""
    kept_values = {k: v for k, v in entry.values.items() if k not in _RESOLUTION_VALUES}
    kept_text = {k: v for k, v in entry.text.items() if k not in _RESOLUTION_TEXT}
    return revised_draft(entry, {**kept_values, **values}, {**kept_text, **text})


def unsaid_view(entry: models.Entry) -> UnsaidView:
    went = str(entry.values.get("went") or "") or None
    return UnsaidView(
        **view_fields(entry),
        what_happened=entry.text.get("what_happened", ""),
        feeling=entry.text.get("feeling", ""),
        sting=int(entry.values.get("sting") or 0),  # type: ignore[arg-type]
        status=str(entry.values.get("status") or "open"),  # type: ignore[arg-type]
        raised_at=_time(entry.values.get("raised_at")),
        feel=entry.text.get("feel", ""),
        about=entry.text.get("about", ""),
        need=entry.text.get("need", ""),
        went=went,  # type: ignore[arg-type]
        went_label=OUTCOMES.get(went or "", ""),
        raise_note=entry.text.get("raise_note", ""),
        let_go_at=_time(entry.values.get("let_go_at")),
        let_go_note=entry.text.get("let_go_note", ""),
    )


def _time(value: models.PlainValue) -> datetime | None:
    return datetime.fromisoformat(str(value)) if value else None


def age_in_days(since: datetime, now: datetime, zone: tzinfo) -> int:
    """Local calendar days between the two, so a day with a DST change is still one day."""
    return max(0, (_local_day(now, zone) - _local_day(since, zone)).days)


def _local_day(when: datetime, zone: tzinfo) -> date:
    return when.astimezone(zone).date()


def age_in_words(since: datetime, now: datetime, zone: tzinfo) -> str:
    """'today', '3 days', '2 weeks', '5 months', '2 years': plain, never to the minute."""
    days = age_in_days(since, now, zone)
    if days == 0:
        return "today"
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(days // 7, "week")
    months = _whole_months(_local_day(since, zone), _local_day(now, zone))
    if months < 12:
        return _plural(months, "month")
    return _plural(months // 12, "year")


def _whole_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def ready_to_raise(
    items: Sequence[UnsaidView],
    now: datetime,
    zone: tzinfo,
    ready_after: int = READY_AFTER_DAYS,
) -> list[UnsaidView]:
    """Open items at least ``ready_after`` local days old, oldest first."""
    ready = [
        item
        for item in items
        if item.is_open and age_in_days(item.occurred_at, now, zone) >= ready_after
    ]
    return sorted(ready, key=lambda item: item.occurred_at.astimezone(UTC))


def nudge_for(
    items: Sequence[UnsaidView], now: datetime, zone: tzinfo, most: int = NUDGE_MOST
) -> Nudge | None:
    """The gentle nudge for the check-in, or None; it names a few, never keeps a score."""
    ready = ready_to_raise(items, now, zone)
    if not ready:
        return None
    opening = NUDGE_OPENINGS.get(len(ready), NUDGE_MANY)
    invitation = NUDGE_ONE if len(ready) == 1 else NUDGE_SOME
    return Nudge(message=f"{opening} {invitation}", items=tuple(ready[:most]))


def startup_template(item: UnsaidView) -> StartupTemplate:
    """The gentle start-up prefilled from the item: its feeling, what happened (shortened)."""
    if item.feel or item.about or item.need:
        return StartupTemplate(item.feel, item.about, item.need)
    return StartupTemplate(item.feeling, _lower_first(shorten(item.what_happened)), "")


def _lower_first(text: str) -> str:
    """'You forgot' reads on as 'about you forgot'; names and 'I' keep their capitals."""
    first, _, rest = text.partition(" ")
    if first in LOWER_AFTER_ABOUT:
        return f"{first.lower()} {rest}".rstrip()
    return text


def shorten(text: str, limit: int = ABOUT_CHARS) -> str:
    """At most ``limit`` characters, cut at a word and marked with an ellipsis."""
    flat = " ".join(text.split()).rstrip(".!?")
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(",;:") + "…"


def startup_sentence(template: StartupTemplate, blank: str = "…") -> str:
    """'I feel hurt about the plans. I need a word first.', or '… about … I need …' blanks."""
    feel, about, need = (
        _bare(part, lead) or blank
        for part, lead in (
            (template.feel, "i feel "),
            (template.about, "about "),
            (template.need, "i need "),
        )
    )
    return f"I feel {feel} about {_ended(about)} I need {_ended(need)}"


def _ended(part: str) -> str:
    return part if part.endswith("…") else part + "."


def _bare(part: str, lead: str) -> str:
    """The part without the words the sentence already says, or a final full stop."""
    cleaned = " ".join(part.split()).rstrip(".")
    return cleaned[len(lead) :] if cleaned.lower().startswith(lead) else cleaned
