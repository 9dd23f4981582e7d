"""bowlby assess: take a questionnaire, read results, plot the plane, score surveys in bulk."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from bowlby.cli.assess_views import print_report, print_survey_summary
from bowlby.cli.context import ProfileOption, console, opened_store, signed_in
from bowlby.errors import InputError

if TYPE_CHECKING:
    from bowlby.models import Keyring
    from bowlby.services.assessments import Assessment
    from bowlby.store.engine import Store

app = typer.Typer(
    help="Attachment questionnaires: take them, see results, score surveys.", no_args_is_help=True
)
norms_app = typer.Typer(help="Norms files that make percentiles possible.", no_args_is_help=True)
app.add_typer(norms_app, name="norms")


@app.command("list")
def list_instruments() -> None:
    """The questionnaires Bowlby can give, with their sources."""
    from bowlby.assess.instruments import list_instruments as instruments

    table = Table("id", "name", "items", "source")
    for instrument in instruments():
        table.add_row(
            instrument.id, instrument.name, str(len(instrument.items)), instrument.citation.text
        )
    console.print(table)


@app.command("take")
def take(
    instrument: str = typer.Argument(..., help="ecr-r, ecr-s or ecr-rs."),
    target: list[str] = typer.Option(
        [], "--target", "-t", help="ECR-RS: partner, mother, father or friend (repeat)."
    ),
    answers: str | None = typer.Option(
        None, "--answers", help="All answers at once, in item order: '5,3,6,...' (blank = skip)."
    ),
    answers_file: Path | None = typer.Option(
        None, "--answers-file", help="A JSON object {item id: answer}; ECR-RS keys 'target:item'."
    ),
    profile: str | None = ProfileOption,
) -> None:
    """Answer a questionnaire (prompts, or --answers for scripts) and see where you stand."""
    from bowlby.cli.assess_prompts import ask_answers
    from bowlby.services import assessment_reports, assessments

    given = _given_answers(instrument, target, answers, answers_file)
    with signed_in(profile) as (store, keyring):
        sitting = _resume_or_start(store, keyring, instrument, target, interactive=given is None)
        if given is None:
            ask_answers(store, keyring, sitting)
        else:
            assessments.save_answers(store, keyring, sitting.id, given)
        result = assessments.complete_assessment(store, keyring, sitting.id)
        print_report(assessment_reports.build_report(store, keyring, result.assessment.id))


@app.command("history")
def history(profile: str | None = ProfileOption) -> None:
    """Your finished questionnaires, oldest first."""
    from bowlby.services import assessments

    with signed_in(profile) as (store, keyring):
        taken = [
            assessments.score_assessment(a) for a in assessments.list_assessments(store, keyring)
        ]
    if not taken:
        console.print("No results yet. `bowlby assess take ecr-s` takes about three minutes.")
        return
    table = Table("id", "date", "questionnaire", "anxiety", "avoidance", "region (loosely)")
    for result in taken:
        position = result.position
        table.add_row(
            result.assessment.id[:8],
            f"{result.assessment.taken_at:%Y-%m-%d}",
            result.instrument.short_name + _targets_note(result.assessment.targets),
            f"{position.anxiety:.2f}" if position else "–",
            f"{position.avoidance:.2f}" if position else "–",
            position.region_label if position else "not scored",
        )
    console.print(table)


@app.command("show")
def show(
    assessment_id: str = typer.Argument(..., help="The id `assess history` shows."),
    profile: str | None = ProfileOption,
) -> None:
    """One result in full: scores with uncertainty, what they mean, and the change over time."""
    from bowlby.services import assessment_reports, assessments

    with signed_in(profile) as (store, keyring):
        matches = [
            a.id
            for a in assessments.list_assessments(store, keyring, whose="all")
            if a.id.startswith(assessment_id)
        ]
        if len(matches) != 1:
            raise InputError("no single result of yours has that id.", field="assessment id")
        print_report(assessment_reports.build_report(store, keyring, matches[0]))


@app.command("plot")
def plot(
    output: Path = typer.Option(..., "--output", "-o", help="A .png, .svg or .pdf file."),
    couple: bool = typer.Option(False, "--couple", help="Add your partner's shared results."),
    profile: str | None = ProfileOption,
) -> None:
    """Draw your results on the attachment plane (and your partner's, if shared)."""
    from bowlby.files import write_private_file
    from bowlby.insights.figures import render
    from bowlby.insights.plane import describe_plane, plot_plane
    from bowlby.services import assessment_reports

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise InputError("the file must end in .png, .svg or .pdf.", field="--output")
    with signed_in(profile) as (store, keyring):
        series = assessment_reports.plane_series(store, keyring, couple=couple)
    write_private_file(output, render(plot_plane(series), fmt))
    console.print(f"Wrote {output}: {describe_plane(series)}")


@app.command("batch")
def batch(
    survey: Path = typer.Argument(..., help="The survey export (CSV)."),
    instrument: str = typer.Option(
        ..., "--instrument", "-i", help="ecr-r, ecr-s, ecr-rs or ecr-1998."
    ),
    column_map: Path | None = typer.Option(None, "--map", help="A TOML map of item to column."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the scores (CSV)."),
    problems: Path | None = typer.Option(
        None, "--problems", help="Also write the invalid rows (CSV)."
    ),
) -> None:
    """Score a whole survey for research: reverse keys, the 80% rule, alpha, omega, bad rows."""
    from bowlby.assess.batch import output_rows, score_survey
    from bowlby.assess.column_maps import load_column_map
    from bowlby.files import private_file

    mapping = load_column_map(column_map, instrument) if column_map else None
    result = score_survey(survey, instrument, mapping, file=str(survey))
    with private_file(output) as handle:
        csv.writer(handle).writerows(output_rows(result))
    if problems is not None:
        with private_file(problems) as handle:
            writer = csv.writer(handle)
            writer.writerow(["row", "kind", "column", "item", "value", "message"])
            for p in result.problems:
                writer.writerow(
                    [p.line, p.kind, p.column or "", p.item_id or "", p.value or "", p.message]
                )
    print_survey_summary(result, survey, output)


@norms_app.command("load")
def load_norms(file: Path = typer.Argument(..., help="A norms file (TOML or JSON).")) -> None:
    """Load published norms (mean, SD, n, source) so results show percentiles."""
    from bowlby.services import assessment_reports

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot be read: {error}", file=str(file)) from error
    kind = "json" if file.suffix.lower() == ".json" else "toml"
    with opened_store() as store:
        table = assessment_reports.load_norms(store, text, str(file), kind)
    console.print(
        f"Loaded norms for {table.instrument_id} ({escape(table.population)}), "
        f"source: {escape(table.source)}."
    )


@norms_app.command("list")
def list_norms() -> None:
    """Norms files loaded into this database."""
    from bowlby.services import assessment_reports

    with opened_store() as store:
        loaded = assessment_reports.list_norms(store)
    if not loaded:
        console.print("No norms loaded: results show no percentiles.")
        return
    table = Table("questionnaire", "population", "source")
    for norms in loaded:
        table.add_row(norms.instrument_id, escape(norms.population), escape(norms.source))
    console.print(table)


def _targets_note(targets: tuple[str, ...]) -> str:
    return f" ({', '.join(targets)})" if targets else ""


def _given_answers(
    instrument_id: str, targets: list[str], answers: str | None, answers_file: Path | None
) -> dict[str, int | None] | None:
    """Answers from the flags, keyed by item id; None means: ask with prompts."""
    from bowlby.assess.instruments import get_instrument

    if answers is None and answers_file is None:
        return None
    if answers_file is not None:
        try:
            loaded = json.loads(answers_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise InputError(
                f"not a JSON object of answers: {error}", file=str(answers_file)
            ) from error
        if not isinstance(loaded, dict):
            raise InputError("not a JSON object of answers.", file=str(answers_file))
        return {str(k): v for k, v in loaded.items()}
    items = get_instrument(instrument_id).items
    values = [value.strip() for value in (answers or "").split(",")]
    keys = [f"{t}:{i.id}" for t in targets for i in items] if targets else [i.id for i in items]
    if len(values) != len(keys):
        raise InputError(
            f"expected {len(keys)} comma-separated answers, got {len(values)}.", field="--answers"
        )
    parsed: dict[str, int | None] = {}
    for key, value in zip(keys, values, strict=True):
        if value and not value.isdigit():
            raise InputError(f"'{value}' is not a whole number.", field=key)
        parsed[key] = int(value) if value else None
    return parsed


def _resume_or_start(
    store: Store, keyring: Keyring, instrument_id: str, targets: list[str], *, interactive: bool
) -> Assessment:
    """Continue an unfinished sitting of the same questionnaire, or begin a new one."""
    from bowlby.services import assessments

    unfinished = [
        a
        for a in assessments.list_assessments(
            store, keyring, status=assessments.IN_PROGRESS, instrument_id=instrument_id.lower()
        )
        if not targets or list(a.targets) == targets
    ]
    if (
        unfinished
        and interactive
        and typer.confirm(
            f"You started this questionnaire on {unfinished[-1].started_at:%Y-%m-%d}. Continue it?",
            default=True,
        )
    ):
        return unfinished[-1]
    return assessments.start_assessment(store, keyring, instrument_id.lower(), targets)
