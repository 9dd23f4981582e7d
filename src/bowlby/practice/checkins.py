"""The daily 15-minute check-in: a short script kept as data, each partner's answers as an entry
of their own, the couple's time of day, the rhythm of days (told kindly, never as a failure) and
the reminder as an iCalendar file any calendar app imports."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from importlib import resources
from typing import Any

from pydantic import field_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import RecordInput, RecordView, ShortText, draft_of, view_fields

KIND = "checkin"
ANSWERS = ("feeling_word", "feeling_note", "appreciation", "logistics", "need")
MAX_MINUTES = 180
MAX_FEELING_WORD = 40
RHYTHM_DAYS = 30


# The script and its words, kept as data -------------------------------------------------------


@dataclass(frozen=True)
class ScriptStep:
    id: str
    title: str
    prompt: str
    minutes: int


@dataclass(frozen=True)
class Script:
    minutes: int
    intro: str
    steps: tuple[ScriptStep, ...]
    feeling_words: tuple[str, ...]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("bowlby.practice").joinpath("data", "checkin_script.json")
    loaded: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return loaded


@cache
def script() -> Script:
    data = _data()
    return Script(
        minutes=data["minutes"],
        intro=data["intro"],
        steps=tuple(ScriptStep(**step) for step in data["steps"]),
        feeling_words=tuple(data["feeling_words"]),
    )


def say(key: str, **values: object) -> str:
    """One of the check-in's messages, its {slots} filled."""
    message: str = _data()["messages"][key]
    return message.format(**values) if values else message


def visibility(partner: bool, therapist: bool) -> str:
    """Who else can read a check-in, as a sentence."""
    shared = models.audience(partner, therapist)
    return say("shared_with", audience=shared) if shared else say("only_you")


# A check-in -----------------------------------------------------------------------------------


class CheckinInput(RecordInput):
    """One person's answers to the script; free text only, the minutes as a plain number."""

    feeling_word: str
    feeling_note: ShortText = ""
    appreciation: ShortText = ""
    logistics: ShortText = ""
    need: ShortText = ""
    minutes: int | None = None

    @field_validator("feeling_word")
    @classmethod
    def _one_word(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise InputError(say("write_feeling_word"), field="feeling_word")
        if len(value) > MAX_FEELING_WORD:
            raise InputError(say("feeling_word_too_long"), field="feeling_word")
        return value

    @field_validator("minutes")
    @classmethod
    def _minutes_in_range(cls, value: int | None) -> int | None:
        if value is not None and not 0 <= value <= MAX_MINUTES:
            raise InputError(say("minutes_range"), field="minutes")
        return value


class CheckinView(RecordView):
    owner_id: str
    feeling_word: str
    feeling_note: str
    appreciation: str
    logistics: str
    need: str
    minutes: int | None


def checkin_draft(answers: CheckinInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {"minutes": answers.minutes}
    text = {name: getattr(answers, name) for name in ANSWERS}
    return draft_of(answers, KIND, values, text)


def checkin_view(entry: models.Entry) -> CheckinView:
    minutes = entry.values.get("minutes")
    answers: dict[str, Any] = {name: entry.text.get(name, "") for name in ANSWERS}
    return CheckinView(
        **view_fields(entry),
        **answers,
        owner_id=entry.owner_id,
        minutes=None if minutes is None else int(minutes),
    )


def checkins_on(checkins: Iterable[CheckinView], day: date, zone: tzinfo) -> list[CheckinView]:
    """The check-ins of one local date, oldest first."""
    found = [c for c in checkins if c.occurred_at.astimezone(zone).date() == day]
    return sorted(found, key=lambda c: c.occurred_at)


# The rhythm: runs of days and the days in between, told kindly -----------------------------


@dataclass(frozen=True)
class DayMark:
    """One day of the rhythm strip: who checked in."""

    day: date
    mine: bool
    partner: bool


@dataclass(frozen=True)
class Rhythm:
    today: date
    current_run: int
    run_includes_today: bool
    last_7: int
    last_30: int
    total_days: int
    days: tuple[DayMark, ...]  # the last 30 days, oldest first


def local_days(times: Iterable[datetime], zone: tzinfo) -> set[date]:
    """The local dates on which something happened, in the person's zone."""
    return {when.astimezone(zone).date() for when in times}


def find_rhythm(
    my_days: Collection[date], today: date, partner_days: Collection[date] = ()
) -> Rhythm:
    """The current run (still counted while today is open), and the days checked in during
    the last 7 and 30 days; days after today are left out."""
    mine = {day for day in my_days if day <= today}
    includes_today = today in mine
    run, day = 0, today if includes_today else today - timedelta(days=1)
    while day in mine:
        run, day = run + 1, day - timedelta(days=1)
    strip = [today - timedelta(days=back) for back in range(RHYTHM_DAYS - 1, -1, -1)]
    return Rhythm(
        today=today,
        current_run=run,
        run_includes_today=includes_today,
        last_7=sum(1 for day in strip[-7:] if day in mine),
        last_30=sum(1 for day in strip if day in mine),
        total_days=len(mine),
        days=tuple(DayMark(day, day in mine, day in partner_days) for day in strip),
    )


def describe_rhythm(rhythm: Rhythm) -> list[str]:
    """The rhythm in kind, plain sentences: what was done, never what was not."""
    if not rhythm.total_days:
        return [say("nothing_yet")]
    run = rhythm.current_run
    day_word = "day" if run == 1 else "days"
    if run and rhythm.run_includes_today:
        first = say("run_today", days=run, day_word=day_word)
    elif run:
        first = say("run_open", days=run, day_word=day_word)
    else:
        first = say("run_none")
    sentences = [first, say("last_days", week=rhythm.last_7, month=rhythm.last_30)]
    return sentences + ([say("gentle_note")] if rhythm.last_7 < 7 else [])
