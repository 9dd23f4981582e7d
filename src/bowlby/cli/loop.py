"""bowlby loop: what your own records say about safe responses and later anxiety, with its
95% range and the caveats of observational data; `--json` prints the page's context."""

from __future__ import annotations

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in

LagOption = typer.Option(1, "--lag", help="1: the next day; 3: the mean of the next three days.")
JsonOption = typer.Option(False, "--json", help="Print one JSON object, for scripts.")


def register(app: typer.Typer) -> None:
    """Add `bowlby loop` to the `bowlby` app."""
    app.command("loop")(loop)


def loop(
    lag: int = LagOption, as_json: bool = JsonOption, profile: str | None = ProfileOption
) -> None:
    """Are safe, reliable responses followed by lower anxiety? Your own data, humbly read."""
    from bowlby.services import feedback_loop as service
    from bowlby.settings import get_settings
    from bowlby.web.dynamics_loop_contexts import build_loop_page

    zone = get_settings().zone
    with signed_in(profile) as (store, keyring):
        result = service.feedback_loop(store, keyring, zone, lag_days=lag)
    page = build_loop_page(result, with_svg=False)
    if as_json:
        typer.echo(page.model_dump_json(indent=2))
        return
    lines = [f"[bold]{escape(page.heading)}[/]", escape(page.sentence)]
    lines += [f"  • {escape(line)}" for line in page.shortfalls]
    lines.append(escape(page.meaning))
    if page.estimate.effect is not None:
        from bowlby.web.dynamics_loop_messages import CLI_DAYS

        estimate = page.estimate
        lines.append(
            CLI_DAYS.format(
                days=estimate.days_used, safe=estimate.safe_days, other=estimate.other_days
            )
        )
        lines += [escape(line) for line in page.details]
    lines += ["", f"[bold]{escape(page.caveats_heading)}[/]"]
    lines += [f"  • {escape(line)}" for line in page.caveats]
    lines.append(escape(page.paused_message or page.next_step or ""))
    console.print("\n".join(lines))
