"""bowlby ratio: log a warm (+) or hurtful (−) moment in one command, and show the 5:1 table."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import parse_when
from bowlby.cli.safety_view import print_risk_note, risk_note

if TYPE_CHECKING:
    from pydantic import BaseModel

    from bowlby.practice.ratio_ledger import RatioPeriod

Model = TypeVar("Model", bound="BaseModel")

group = typer.Typer(
    help='The 5:1 ledger: `bowlby ratio +`, `bowlby ratio - "snapped about dishes"`, '
    "`bowlby ratio show`.",
    no_args_is_help=True,
)
NoteArgument = typer.Argument("", help="An optional note (encrypted).")
KindOption = typer.Option(
    None,
    "--kind",
    help="positive: affection, appreciation, humour, turning_toward, repair; "
    "negative: criticism, contempt, defensiveness, stonewalling, turning_away.",
)
WhenOption = typer.Option(None, "--when", help="ISO date-time; default now.")
PartnerOption = typer.Option(False, "--share-partner", help="Let your partner read it.")
TherapistOption = typer.Option(False, "--share-therapist", help="Let your therapist read it.")


def register(app: typer.Typer) -> None:
    """Add this tool's commands to the `bowlby` app."""
    app.add_typer(group, name="ratio")


@group.command("+")
def positive(
    note: str = NoteArgument,
    kind: str | None = KindOption,
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Count one warm moment (private unless shared)."""
    log_moment("positive", note, kind, when, (share_partner, share_therapist), profile)


@group.command("-")
def negative(
    note: str = NoteArgument,
    kind: str | None = KindOption,
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Count one hurtful moment (private unless shared)."""
    log_moment("negative", note, kind, when, (share_partner, share_therapist), profile)


def checked(model: type[Model], data: dict[str, object]) -> Model:
    """The input model, or an InputError naming the first field that is wrong (exit 2)."""
    from pydantic import ValidationError

    from bowlby.errors import InputError, first_problem

    try:
        return model.model_validate(data)
    except ValidationError as error:
        field, message = first_problem(error)
        raise InputError(message + ".", field=field) from error


def log_moment(
    sign: str,
    note: str,
    kind: str | None,
    when: str | None,
    sharing: tuple[bool, bool],
    profile: str | None,
) -> None:
    from bowlby.practice.ratio_ledger import InteractionInput, describe_ratio
    from bowlby.services import ratio_ledger
    from bowlby.settings import get_settings
    from bowlby.web import practice_ratio_messages as say

    zone = get_settings().zone
    moment = checked(
        InteractionInput,
        {
            "occurred_at": parse_when(when),
            "sign": sign,
            "kind": kind,
            "note": note,
            "shared_with_partner": sharing[0],
            "shared_with_therapist": sharing[1],
        },
    )
    with signed_in(profile) as (store, keyring):
        saved = ratio_ledger.log_interaction(store, keyring, moment)
        today = ratio_ledger.ratio_table(
            store, keyring, zone, today=datetime.now(zone).date(), days=1
        )[0]
        risk = risk_note(store, keyring, saved.id) if saved.note else None
    kind_text = f" ({saved.kind_label})" if saved.kind_label else ""
    console.print(
        escape(say.CLI_SAVED.format(sign=sign, kind=kind_text, today=describe_ratio(today.tally)))
    )
    print_risk_note(risk)


@group.command("show")
def show(
    by: str = typer.Option("day", "--by", help="day, week or rolling (7 days)."),
    days: int = typer.Option(28, "--days", min=1, max=3660, help="How many days back."),
    whose: str = typer.Option("mine", "--whose", help="mine, or shared (your partner's)."),
    profile: str | None = ProfileOption,
) -> None:
    """The ratio by local day, ISO week or rolling 7 days, oldest first."""
    from bowlby.errors import InputError
    from bowlby.services import ratio_ledger
    from bowlby.services.ratio_ledger import By
    from bowlby.settings import get_settings
    from bowlby.web import practice_ratio_messages as say

    if by not in ("day", "week", "rolling"):
        raise InputError("choose day, week or rolling.", field="--by")
    chosen: By = by  # type: ignore[assignment]  # checked just above
    if whose not in ("mine", "shared"):
        raise InputError("choose mine or shared.", field="--whose")
    zone = get_settings().zone
    with signed_in(profile) as (store, keyring):
        periods = ratio_ledger.ratio_table(
            store, keyring, zone, today=datetime.now(zone).date(), days=days, by=chosen, whose=whose
        )
    print_table(periods, by)
    console.print(f"[dim]{escape(say.CLI_NOTE)}[/]")


def print_table(periods: list[RatioPeriod], by: str) -> None:
    from rich.table import Table

    from bowlby.practice.ratio_ledger import describe_ratio
    from bowlby.web import practice_ratio_messages as say

    estimated = any(p.tally and p.tally.estimated for p in periods)
    table = Table(title=say.TITLE)
    table.add_column({"day": "Day", "week": "Week", "rolling": "7 days to"}[by])
    table.add_column("+", justify="right")
    table.add_column("−", justify="right")
    table.add_column("Ratio")
    if estimated:
        table.add_column("Of them estimated", justify="right")
    for period in periods:
        tally = period.tally
        if tally is None:
            row = [period.label, "", "", say.EMPTY_PERIOD]
        else:
            row = [period.label, str(tally.positive), str(tally.negative), describe_ratio(tally)]
        if estimated:
            row.append(str(tally.estimated) if tally else "")
        table.add_row(*row)
    console.print(table)
