"""Entry point: the Typer app and the one place that turns errors into messages and exit codes."""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape
from typer.core import TyperGroup

from bowlby.cli import (
    assess,
    backup,
    chat_report,
    chats,
    config,
    dynamics,
    dynamics_sources,
    journal,
    journal_read,
    learn,
    links,
    loop,
    plot,
    practice_checkins,
    practice_cycles,
    practice_ratio,
    practice_repairs,
    practice_soothing,
    practice_talk,
    practice_unsaid,
    practice_vulnerability,
    profiles,
    report,
    safety,
    serve,
    steps,
    summary,
    text,
    text_translate,
)
from bowlby.cli.context import err_console
from bowlby.errors import BowlbyError


class BowlbyGroup(TyperGroup):
    """Translates every BowlbyError into a readable message and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BowlbyError as error:
            err_console.print(f"[bold red]Error:[/] {escape(error.message)}")
            ctx.exit(error.exit_code)


app = typer.Typer(
    cls=BowlbyGroup,
    name="bowlby",
    help="Bowlby: understand your attachment pattern and practise secure habits, privately.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
profiles.register(app)
backup.register(app)
serve.register(app)
steps.register(app)
app.command("summary")(summary.summary)
app.add_typer(links.app, name="partner")
journal_read.register(journal.app)
app.add_typer(journal.app, name="journal")
app.add_typer(assess.app, name="assess")
chats.app.command("report")(chat_report.report)
app.add_typer(chats.app, name="chats")
text.app.command("translate")(text_translate.translate)
app.add_typer(text.app, name="text")
app.add_typer(config.app, name="config")
app.add_typer(safety.app, name="safety")
dynamics_sources.register(dynamics.app)
app.add_typer(dynamics.app, name="dynamics")
learn.register(app)
for practice_tool in (
    practice_checkins,
    practice_soothing,
    practice_vulnerability,
    practice_ratio,
    practice_repairs,
    practice_cycles,
    practice_unsaid,
    practice_talk,
):
    practice_tool.register(app)
loop.register(app)
plot.register(app)
report.register(app)


def run() -> None:
    app()
