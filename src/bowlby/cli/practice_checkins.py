"""bowlby checkin: the daily 15-minute check-in at the terminal.

`start` walks through the script (or takes every answer as a flag), `schedule` sets the
couple's time, `calendar` writes the reminder file, `today` shows the day side by side and
`history` the rhythm of days.
"""

from __future__ import annotations

import math
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import parse_when
from bowlby.cli.safety_view import print_risk_note, risk_note
from bowlby.cli.steps import PartnerOption, TherapistOption, WhenOption
from bowlby.errors import InputError

if TYPE_CHECKING:
    from bowlby.practice.checkin_schedule import ScheduleView
    from bowlby.practice.checkins import CheckinView, Rhythm
    from bowlby.services.checkins import DaySummary

group = typer.Typer(
    help="The daily 15-minute check-in: how each of you feels, one appreciation, one "
    "practical thing, one need for tomorrow.",
    no_args_is_help=True,
)
ANSWER_LABELS = (
    ("appreciation", "One appreciation: "),
    ("logistics", "One practical thing: "),
    ("need", "One need for tomorrow: "),
)


def register(app: typer.Typer) -> None:
    """Add this tool's commands to the `bowlby` app."""
    app.add_typer(group, name="checkin")


@group.command("start")
def start(
    feeling: str | None = typer.Option(None, "--feeling", help="One word for how you feel."),
    note: str | None = typer.Option(None, "--note", help="A few words about the feeling."),
    appreciation: str | None = typer.Option(None, "--appreciation", help="One appreciation."),
    logistics: str | None = typer.Option(None, "--logistics", help="One practical thing."),
    need: str | None = typer.Option(None, "--need", help="One need for tomorrow."),
    minutes: int | None = typer.Option(None, "--minutes", help="Minutes it took (0 to 180)."),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Walk through today's check-in; every answer can also be given as a flag."""
    from bowlby.cli.practice_unsaid import print_nudge
    from bowlby.practice.checkins import CheckinInput, visibility
    from bowlby.services import checkins, records, unsaid_list
    from bowlby.settings import get_settings

    given = {
        "feeling_word": feeling,
        "feeling_note": note,
        "appreciation": appreciation,
        "logistics": logistics,
        "need": need,
    }
    with signed_in(profile) as (store, keyring):
        records.refuse_coaching_in_safety_mode(store, keyring)
        print_nudge(unsaid_list.nudge(store, keyring, datetime.now(UTC), get_settings().zone))
        began = time.monotonic()
        answers = ask_answers(given)
        if minutes is None and None in given.values():
            minutes = max(1, math.ceil((time.monotonic() - began) / 60))
        saved = checkins.record_checkin(
            store,
            keyring,
            CheckinInput(
                occurred_at=parse_when(when),
                minutes=minutes,
                shared_with_partner=share_partner,
                shared_with_therapist=share_therapist,
                **answers,
            ),
        )
        risk = risk_note(store, keyring, saved.id)
    console.print(escape(saved_message(saved, visibility(share_partner, share_therapist))))
    print_risk_note(risk)


def ask_answers(given: dict[str, str | None]) -> dict[str, str]:
    """The answers given as flags; the script's prompts for the rest."""
    from bowlby.practice.checkins import say, script

    if None not in given.values():
        return {name: value or "" for name, value in given.items()}
    walk = script()
    console.print(escape(walk.intro))
    console.print(escape(say("intro_cli", minutes=walk.minutes)))
    fields = {
        "feeling": (("feeling_word", "One word"), ("feeling_note", "A few words about it")),
        "appreciation": (("appreciation", "Your appreciation"),),
        "logistics": (("logistics", "The practical thing"),),
        "need": (("need", "Your need for tomorrow"),),
    }
    answers: dict[str, str] = {}
    for step in walk.steps:
        console.print(f"\n[bold]{escape(step.title)}[/] · {escape(step.prompt)}")
        for name, prompt in fields[step.id]:
            value = given[name]
            if value is None:
                value = str(typer.prompt(prompt, default="", show_default=False))
            answers[name] = value
    return answers


def saved_message(saved: CheckinView, who_reads: str) -> str:
    from bowlby.practice.checkins import say

    if saved.minutes is None:
        return say("saved", visibility=who_reads)
    word = "minute" if saved.minutes == 1 else "minutes"
    return say("saved_minutes", minutes=saved.minutes, minute_word=word, visibility=who_reads)


@group.command("schedule")
def schedule(
    at: str | None = typer.Option(None, "--at", help="Local time of day, e.g. 20:30."),
    days: str = typer.Option("", "--days", help="Days, e.g. mon,wed,fri (default: every day)."),
    zone: str | None = typer.Option(None, "--zone", help="IANA time zone (default: yours)."),
    share_partner: bool = typer.Option(
        False, "--share-partner", help="Make it your time as a couple (your partner sees it)."
    ),
    profile: str | None = ProfileOption,
) -> None:
    """Set the check-in time of day, or show the current one."""
    from bowlby.practice.checkin_schedule import ScheduleInput
    from bowlby.practice.checkins import say, visibility
    from bowlby.services import checkins
    from bowlby.settings import get_settings

    with signed_in(profile) as (store, keyring):
        if at is None:
            current = checkins.current_schedule(store, keyring)
            console.print(escape(describe_current(current, keyring.profile_id)))
            return
        chosen = ScheduleInput(
            occurred_at=datetime.now(UTC),
            at=at,
            zone=zone or checkins.zone_name(get_settings().zone),
            weekdays=days.split(","),
            shared_with_partner=share_partner,
        )
        saved = checkins.set_schedule(store, keyring, chosen)
    who_reads = visibility(share_partner, False)
    console.print(escape(say("schedule_saved", when=saved.description, visibility=who_reads)))


def describe_current(current: ScheduleView | None, me_id: str) -> str:
    from bowlby.practice.checkins import say

    if current is None:
        return say("no_schedule_yet")
    shared = current.owner_id != me_id or current.shared_with_partner
    whose = say("schedule_is_shared") if shared else say("schedule_is_yours")
    return say("schedule_current", when=current.description, whose=whose)


@group.command("calendar")
def calendar(
    output: Path = typer.Option(Path("checkins.ics"), "--output", "-o", help="File to write."),
    profile: str | None = ProfileOption,
) -> None:
    """Write the check-in time as an iCalendar file (a daily event with a reminder)."""
    from bowlby.practice.checkins import say
    from bowlby.services import checkins

    with signed_in(profile) as (store, keyring):
        schedule = checkins.write_calendar(store, keyring, output, datetime.now(UTC))
    console.print(escape(say("calendar_written", path=output, when=schedule.description)))


@group.command("today")
def today(
    day: str | None = typer.Option(None, "--date", help="A date (YYYY-MM-DD); default today."),
    profile: str | None = ProfileOption,
) -> None:
    """The day's check-ins side by side: yours and what your partner shared with you."""
    from bowlby.services import checkins
    from bowlby.settings import get_settings

    zone = get_settings().zone
    chosen = parse_day(day) if day else datetime.now(zone).date()
    with signed_in(profile) as (store, keyring):
        summary = checkins.day_summary(store, keyring, chosen, zone)
    print_day(summary)


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError("use a date such as 2026-11-24.", field="--date") from None


def print_day(summary: DaySummary) -> None:
    from bowlby.practice.checkins import say

    console.print(f"[bold]{summary.day:%A} {summary.day.day} {summary.day:%B %Y}[/]")
    if not summary.mine:
        console.print(escape(say("mine_nothing")))
    for checkin in summary.mine:
        print_checkin("You", checkin, summary.zone)
    console.print()
    if summary.partner_name is None:
        console.print(escape(say("alone")))
        return
    if not summary.partner:
        console.print(escape(say("partner_nothing_shared", partner=summary.partner_name)))
    for checkin in summary.partner:
        print_checkin(summary.partner_name, checkin, summary.zone)


def print_checkin(who: str, checkin: CheckinView, zone_name: str) -> None:
    from bowlby.practice.checkin_schedule import zone_of

    local = checkin.occurred_at.astimezone(zone_of(zone_name))
    minutes = "" if checkin.minutes is None else f" · {checkin.minutes} min"
    console.print(f"\n{escape(who)} · {local:%H:%M}{minutes}")
    note = f" ({escape(checkin.feeling_note)})" if checkin.feeling_note else ""
    console.print(f"  Feeling: [bold]{escape(checkin.feeling_word)}[/]{note}")
    for name, label in ANSWER_LABELS:
        text = getattr(checkin, name)
        if text:
            console.print(f"  {escape(label)}{escape(text)}")


@group.command("history")
def history(profile: str | None = ProfileOption) -> None:
    """Your rhythm: the run of days, and how many of the last 7 and 30 days had a check-in."""
    from bowlby.services import checkins, sharing
    from bowlby.settings import get_settings

    zone = get_settings().zone
    with signed_in(profile) as (store, keyring):
        rhythm = checkins.checkin_rhythm(store, keyring, datetime.now(zone).date(), zone)
        partner = sharing.linked_partner(store, keyring)
    print_rhythm(rhythm, partner.name if partner else None)


def print_rhythm(rhythm: Rhythm, partner: str | None) -> None:
    from bowlby.practice.checkins import describe_rhythm, say

    for sentence in describe_rhythm(rhythm):
        console.print(escape(sentence))
    if not rhythm.total_days:
        return
    console.print()
    console.print(escape(say("strip_key")))
    console.print(say("last_30_mine", strip="".join("●" if d.mine else "·" for d in rhythm.days)))
    if partner:
        strip = "".join("●" if d.partner else "·" for d in rhythm.days)
        console.print(escape(say("last_30_partner", partner=partner, strip=strip)))
