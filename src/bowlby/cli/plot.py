"""bowlby plot NAME -o FILE: any plot of the catalogue, drawn from your own data (and what a
partner shared with you) as SVG, PNG or PDF; `bowlby plot --list` names them all."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.errors import InputError

NAME_HELP = "The plot to draw (`bowlby plot --list` names them)."
OUTPUT_HELP = "The file to write: .svg, .png or .pdf (the cycle: .svg only)."


def register(app: typer.Typer) -> None:
    """Add `bowlby plot` to the `bowlby` app."""
    app.command("plot")(plot)


def plot(
    name: str | None = typer.Argument(None, help=NAME_HELP, show_default=False),
    output: Path | None = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    chat: str | None = typer.Option(None, "--chat", help="A chat id (chat-… and dynamics-phase)."),
    couple: bool = typer.Option(
        False, "--couple", help="plane: add your partner's shared results."
    ),
    days: int | None = typer.Option(None, "--days", help="ratio: the window, 28 or 91 days."),
    cycle: str | None = typer.Option(None, "--cycle", help="cycle: its id (default: the newest)."),
    list_plots: bool = typer.Option(False, "--list", help="Name every plot and what it shows."),
    profile: str | None = ProfileOption,
) -> None:
    """Draw one of your plots to a file, the same one its page shows (title and alt text in)."""
    if list_plots:
        _print_list()
        return
    from bowlby.services import plots
    from bowlby.settings import get_settings

    if name is None:
        raise InputError("name a plot, or ask for the list: bowlby plot --list.", field="name")
    if output is None:
        raise InputError("say where to write it: -o FILE (.svg, .png or .pdf).", field="--output")
    plots.format_of(output)
    with signed_in(profile) as (store, keyring):
        drawn = plots.export_plot(
            store, keyring, name, get_settings().zone, output,
            chat=chat, couple=couple, days=days, cycle=cycle,
        )  # fmt: skip
    console.print(f"Wrote {escape(str(output))}, readable by your user account only.")
    console.print(f"[bold]{escape(drawn.title)}[/]: {escape(drawn.description)}")


def _print_list() -> None:
    from bowlby.insights.plot_catalogue import SPECS

    for spec in SPECS:
        formats = ", ".join(spec.formats)
        console.print(f"[bold]{spec.name}[/] ({formats}): {escape(spec.about)}")
