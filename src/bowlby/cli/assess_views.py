"""How assessment results read in the terminal: the same report the web page shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table

from bowlby.cli.context import console

if TYPE_CHECKING:
    from bowlby.assess.batch import BatchScores
    from bowlby.assess.scoring import Score
    from bowlby.services.assessment_reports import Report


def print_report(report: Report) -> None:
    result = report.result
    assessment = result.assessment
    console.print(
        f"\n[bold]{result.instrument.short_name}[/] taken {assessment.taken_at:%Y-%m-%d} "
        f"by {assessment.owner_name}"
    )
    if result.score is not None:
        _print_scores(result.score)
    for target, score in result.by_target.items():
        console.print(f"\n[bold]About your {target}[/]")
        _print_scores(score)
    for name, overall in result.global_scores.items():
        mean = "not scored" if overall.mean is None else f"{overall.mean:.2f}"
        console.print(f"Across relationships, {name}: {mean} ({', '.join(overall.targets_used)})")
    if result.position is not None:
        console.print("")
        for sentence in result.position.sentences:
            console.print(escape(sentence))
    for explanation in report.explanations:
        console.print("")
        for sentence in explanation.sentences:
            console.print(escape(sentence))
    _print_change(report)
    _print_percentiles(report)


def _print_scores(score: Score) -> None:
    table = Table("", "score (1–7)", "95% range", "answered", "uncertainty")
    for name, sub in score.subscales.items():
        if sub.mean is None:
            table.add_row(
                name, "not scored", "", f"{sub.items_answered}/{sub.items_total}", sub.reason or ""
            )
            continue
        uncertainty = sub.uncertainty
        spread = "" if uncertainty is None else f"± {1.96 * uncertainty.value:.2f}"
        label = "" if uncertainty is None else uncertainty.label
        table.add_row(
            name, f"{sub.mean:.2f}", spread, f"{sub.items_answered}/{sub.items_total}", label
        )
    console.print(table)


def _print_change(report: Report) -> None:
    if report.versus_first:
        console.print("\n[bold]Since your first result[/]")
        for change in report.versus_first.values():
            console.print(escape(change.sentence))
    if report.movement is not None:
        console.print(escape(report.movement.sentence))


def _print_percentiles(report: Report) -> None:
    shown = {k: v for k, v in report.percentiles.items() if v is not None}
    if not shown:
        console.print(
            "\nNo percentiles: no verified published norms are loaded for this questionnaire "
            "(`bowlby assess norms load FILE` adds them, with their source)."
        )
        return
    for name, percentile in shown.items():
        console.print(
            f"{name}: percentile {percentile.percentile:.0f} among {escape(percentile.population)} "
            f"({escape(percentile.source)}; {escape(percentile.assumption)})"
        )


def print_survey_summary(result: BatchScores, survey: Path, output: Path) -> None:
    console.print(f"Scored {result.n_rows} rows of {survey} into {output}.")
    table = Table("subscale", "scored rows", "complete cases", "alpha", "omega (total)")
    for name, columns in result.subscales.items():
        reliability = result.reliability[name]
        scored = int((columns.means == columns.means).sum())
        table.add_row(
            name,
            str(scored),
            str(reliability.n_complete),
            "–" if reliability.alpha is None else f"{reliability.alpha:.3f}",
            "–" if reliability.omega_total is None else f"{reliability.omega_total:.3f}",
        )
    console.print(table)
    flagged = int(result.straight_lining.sum())
    invalid = [p for p in result.problems if p.kind != "straight_lining"]
    console.print(
        f"{len(invalid)} invalid values or rows; {flagged} rows flagged as straight-lining."
    )
    for problem in invalid[:10]:
        console.print(f"  row {problem.line}: {escape(problem.message)}")
    if len(invalid) > 10:
        console.print(f"  … and {len(invalid) - 10} more (--problems FILE writes them all).")
