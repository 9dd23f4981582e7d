"""bowlby config show: every setting with its value and where it came from."""

from __future__ import annotations

import typer
from rich.table import Table

from bowlby.cli.context import console
from bowlby.settings import describe_settings, get_settings

app = typer.Typer(help="Settings.", no_args_is_help=True)


@app.command("show")
def show() -> None:
    """Print each setting, its value, its source and what it does."""
    table = Table("setting", "value", "source", "meaning")
    for row in describe_settings(get_settings()):
        table.add_row(*row)
    console.print(table)
